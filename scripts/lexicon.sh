#!/usr/bin/env bash
# Regenerates assets/lex from WordNet 3.0 (Debian package wordnet-base). An
# ordinary build does not need it: the generated files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
WN=${WORDNET_DIR:-/usr/share/wordnet}
if [ ! -f "$WN/index.noun" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y --no-install-recommends wordnet-base
  else
    echo "WordNet is missing; run: sudo apt-get install -y --no-install-recommends wordnet-base" >&2
    exit 1
  fi
fi
go run ./tools/genlexicon -wn "$WN" -out assets/lex
ls -l assets/lex
