# Briefing Atlas — the two commands a newcomer needs are `make run` and `make test`.
# Each target installs what is missing first (scripts/deps.sh), so a fresh Debian
# machine needs nothing but Go and this checkout.

SHELL      := /bin/bash
GO         ?= go
TAGS       := sqlite_fts5
BIN        := bin
DB         ?= data/atlas.db
CORPUS     ?= ../shared/corpus
# Fyne logs a locale parse error under C.UTF-8; deps.sh makes sure this one exists.
export LANG   := en_US.UTF-8
export LC_ALL := en_US.UTF-8

.PHONY: all deps build run test vet screenshot bench assets fonts lexicon package clean beam-demo bench-beam fuzz bench-peer

all: build

deps:
	@bash scripts/deps.sh

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN)/atlas ./cmd/atlas
	$(GO) build -tags $(TAGS) -o $(BIN)/briefing-atlas ./cmd/desktop

## run: build, import the sample corpus into an empty store, start the app.
run: build
	@bash scripts/run.sh "$(DB)" "$(CORPUS)"

## test: go vet and every test, with the race detector, then the Beam module's tests.
test: deps
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -race -tags $(TAGS) -timeout 40m ./...
	@# The Beam pipeline is a module of its own (the app never links Beam):
	@# its tests run it with the local runner on the sample corpus and on 600
	@# generated articles, and compare it with atlas extract and atlas import.
	cd beam && $(GO) vet ./... && $(GO) test -timeout 20m ./...

## fuzz: each native fuzz target for FUZZTIME (default 2m); the seed corpora in
## testdata/fuzz run as ordinary tests in make test.
FUZZTIME ?= 2m
FUZZ_TARGETS := ./internal/ingest:FuzzParse ./internal/ingest:FuzzManifest ./internal/timex:FuzzTag \
	./internal/extract/sentence:FuzzSplit ./internal/extract:FuzzExtract
fuzz: deps
	@set -e; for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; fn=$${t##*:}; \
	  echo "fuzz: $$fn in $$pkg for $(FUZZTIME)"; \
	  $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) $$pkg; \
	done

## screenshot: the real app under Xvfb on the sample corpus, written to $(SHOT).
SHOT   ?= screenshot.png
SIZE   ?= 1280x800
SELECT ?=
THEME  ?=
screenshot: build
	@bash scripts/screenshot.sh "$(SHOT)" "$(SIZE)" "$(SELECT)" "$(THEME)"

## bench: speed figures as a table and bench-results.json.
bench: build
	@bash scripts/bench.sh

## bench-peer: our first frame and timeline zoom beside TimelineJS's in headless
## Chromium, same generated events (100, 1,000, 10,000); installs chromium
## (apt) and the npm packages under ~/.cache/briefing-atlas/peer. Not part of
## make test or make bench.
bench-peer: build
	@bash scripts/peer.sh

## assets: regenerate assets/ from registry packages (needs npm and the network).
assets:
	@bash scripts/assets.sh

## fonts: fetch the PDF's Noto fonts into assets/fonts from registry packages (needs npm and the network).
fonts:
	@bash scripts/fonts.sh

## lexicon: regenerate assets/lex from WordNet 3.0 (installs wordnet-base when root).
lexicon:
	@bash scripts/lexicon.sh

## package: a Linux tarball with a .desktop file.
package: build
	@bash scripts/package.sh

clean:
	rm -rf $(BIN) dist

## beam-demo: generate BEAM_N articles, run the Beam pipeline (beam/) on Prism, the
## local runner, and load its shards into a store with atlas import --events
## (README: Newsroom scale).
BEAM_N   ?= 5000
BEAM_DIR ?= /tmp/atlas-beam
beam-demo: deps
	@bash scripts/beam.sh demo "$(BEAM_N)" "$(BEAM_DIR)"

## bench-beam: articles/s through the pipeline next to atlas import on the same
## generated corpus, and the merge step's share of the pipeline's work.
bench-beam: deps
	@bash scripts/beam.sh bench "$(BEAM_N)" "$(BEAM_DIR)"
