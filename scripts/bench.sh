#!/usr/bin/env bash
# make bench: generates what the benchmarks need (once; cached under
# .cache/bench/, keyed by the generator's source), runs every metric, prints
# the table and writes bench-results.json. Metrics that miss their target
# leave a CPU profile and its top functions under .cache/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=.cache/bench
SEED=${BENCH_SEED:-1}
ATLAS=bin/atlas
mkdir -p "$CACHE"
start=$(date +%s)

# The cache is valid while the generator's code and the parameters are the
# same; the store also depends on the store's schema.
stamp() { cat internal/gen/*.go "$@" 2>/dev/null | sha256sum | cut -c1-16; echo "seed=$SEED"; }

corpus_stamp="$(stamp) html=0.25 md=0.1"
if [ "$(cat "$CACHE/corpus-1k.stamp" 2>/dev/null)" != "$corpus_stamp" ]; then
  rm -rf "$CACHE/corpus-1k"
  # A quarter HTML pages and a tenth Markdown, as clippings come.
  "$ATLAS" gen --articles 1000 --out "$CACHE/corpus-1k" --seed "$SEED" --html 0.25 --md 0.1
  echo "$corpus_stamp" > "$CACHE/corpus-1k.stamp"
fi

# The import-at-scale metrics import 20,000 articles from the app's window.
if [ "$(cat "$CACHE/corpus-20k.stamp" 2>/dev/null)" != "$corpus_stamp" ]; then
  rm -rf "$CACHE/corpus-20k"
  "$ATLAS" gen --articles 20000 --out "$CACHE/corpus-20k" --seed "$SEED" --html 0.25 --md 0.1
  echo "$corpus_stamp" > "$CACHE/corpus-20k.stamp"
fi

store_stamp=$(stamp internal/store/schema.go internal/store/bulk*.go)
if [ "$(cat "$CACHE/store-1m.stamp" 2>/dev/null)" != "$store_stamp" ]; then
  rm -f "$CACHE"/store-1m.db*
  if "$ATLAS" gen --store "$CACHE/store-1m.db" --events 1000000 --places 50000 --years 20 --seed "$SEED"; then
    echo "$store_stamp" > "$CACHE/store-1m.stamp"
  else
    echo "bench: could not build the 1M-event store; its metrics will show as not built" >&2
    rm -f "$CACHE"/store-1m.db*
  fi
fi

rm -f "$CACHE"/*.prof "$CACHE"/*.top.txt
status=0
"$ATLAS" bench --cache "$CACHE" --app bin/briefing-atlas --json bench-results.json || status=$?

# Go profiles carry their symbols, so no binary is needed to read them.
for p in "$CACHE"/*.prof; do
  [ -e "$p" ] || continue
  top="${p%.prof}.top.txt"
  case "$p" in
    *.heap.prof) go tool pprof -sample_index=inuse_space -top -nodecount=30 "$p" > "$top" 2>/dev/null || true ;;
    *)           go tool pprof -top -nodecount=30 "$p" > "$top" 2>/dev/null || true ;;
  esac
  echo "profile: $p (top functions in $top)"
done
echo "bench: done in $(( $(date +%s) - start ))s"
exit $status
