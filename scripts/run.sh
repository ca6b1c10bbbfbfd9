#!/usr/bin/env bash
# make run: bash scripts/run.sh DB CORPUS
# Imports the sample corpus into the store when the store is empty (saying so),
# then starts the app on it. Without a display it says so and points to
# `make screenshot`, which runs the app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

db="${1:-data/atlas.db}"
corpus="${2:-../shared/corpus}"
export LANG="${LANG:-en_US.UTF-8}" LC_ALL="${LC_ALL:-en_US.UTF-8}"

if [ ! -x bin/atlas ]; then
  echo "run: bin/atlas is missing; run 'make build' first." >&2
  exit 1
fi

if [ -d "$corpus" ]; then
  manifest=()
  if [ -f "$corpus/sources.csv" ]; then
    manifest=(--manifest "$corpus/sources.csv")
  fi
  echo "run: store $db — importing the sample corpus $corpus if the store is empty:"
  # --if-empty leaves a store that holds articles alone. A failed article is
  # reported but does not stop the app from starting.
  bin/atlas import -q --if-empty --db "$db" "${manifest[@]}" "$corpus" || echo "run: some files could not be imported (see above)."
else
  echo "run: no sample corpus at $corpus; starting on the store $db as it is."
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display (DISPLAY is not set), so the window cannot open; 'make screenshot' runs the app under Xvfb and saves a PNG."
  exit 0
fi

if [ ! -x bin/briefing-atlas ]; then
  echo "run: bin/briefing-atlas is missing; run 'make build' first." >&2
  exit 1
fi
exec bin/briefing-atlas --db "$db"
