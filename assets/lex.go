package assets

import "embed"

// Lex holds the WordNet 3.0 lexicon that internal/lexicon reads: nouns.tsv.gz,
// verbs.tsv.gz, adjectives.txt.gz, adverbs.txt.gz and exceptions.tsv.gz,
// written by tools/genlexicon (`make lexicon`) and committed. See
// lex/SOURCES.md for the source and its licence.
//
//go:embed lex/*.gz
var Lex embed.FS
