#!/usr/bin/env bash
# make bench-peer: our first frame and timeline zoom steps beside TimelineJS's
# on the same generated events (100, 1,000 and 10,000), measured in one run on
# this machine. Installs what it needs outside the repository: Debian's
# chromium (apt-get, as root), and @knight-lab/timelinejs and playwright-core
# from the npm registry into ~/.cache/briefing-atlas/peer; Playwright never
# downloads a browser of its own (it drives /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

PEER_CACHE=${PEER_CACHE:-$HOME/.cache/briefing-atlas/peer}
WORK=.cache/peer
SEED=${BENCH_SEED:-1}
COUNTS=${PEER_COUNTS:-"100 1000 10000"}
# Pinned so that a run measures the same peer as the README's table.
TIMELINEJS=@knight-lab/timelinejs@3.9.11
PLAYWRIGHT=playwright-core@1.65.2

if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "bench-peer: installing Debian's chromium"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "bench-peer: chromium is missing. Run: sudo apt-get install -y chromium"; exit 1
  fi
fi
for t in node npm; do
  command -v "$t" >/dev/null || { echo "bench-peer: $t is missing (Debian: apt-get install nodejs npm)"; exit 1; }
done
mkdir -p "$PEER_CACHE"
if [ ! -f "$PEER_CACHE/node_modules/@knight-lab/timelinejs/package.json" ] || [ ! -f "$PEER_CACHE/node_modules/playwright-core/package.json" ]; then
  [ -f "$PEER_CACHE/package.json" ] || echo '{"private": true}' > "$PEER_CACHE/package.json"
  (cd "$PEER_CACHE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent "$TIMELINEJS" "$PLAYWRIGHT")
fi

# The same events for both sides: a synthetic store per count from our
# generator (5 years, 1,000 real cities), and its events as JSON Lines for
# the page.
mkdir -p "$WORK"
for n in $COUNTS; do
  stamp="$(cat internal/gen/*.go internal/store/schema.go | sha256sum | cut -c1-16) seed=$SEED n=$n"
  if [ "$(cat "$WORK/events-$n.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -f "$WORK/events-$n".db* "$WORK/events-$n.jsonl"
    bin/atlas gen --store "$WORK/events-$n.db" --events "$n" --places 1000 --years 5 --seed "$SEED" >/dev/null
    bin/atlas events --db "$WORK/events-$n.db" > "$WORK/events-$n.jsonl"
    echo "$stamp" > "$WORK/events-$n.stamp"
  fi
done
rm -f "$WORK/theirs.json"
node scripts/peer/timelinejs.mjs --dir "$WORK" --modules "$PEER_CACHE/node_modules" --chromium "$(command -v chromium)"
bin/atlas bench --peer "$WORK" --cache .cache/bench --app bin/briefing-atlas --json peer-results.json
