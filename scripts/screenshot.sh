#!/usr/bin/env bash
# make screenshot: bash scripts/screenshot.sh SHOT SIZE SELECT THEME
# Starts the real app under its own Xvfb on a fresh store of the sample
# corpus and writes the window to SHOT (PNG).
#   SIZE    window size, default 1280x800
#   SELECT  YYYY-MM-DD: select the first event of that day before the shot
#   THEME   light or dark (default light)
# ATLAS_DB=path uses that store instead of importing the corpus;
# CORPUS=dir names the corpus (default ../shared/corpus); PLACE=name filters
# on a place, country or division before the shot; ACTOR=name on an actor;
# SHOW=actors|merge-actors|split-alias opens the actor list or that dialog.
set -euo pipefail
cd "$(dirname "$0")/.."

shot="${1:-screenshot.png}"
size="${2:-1280x800}"
select="${3:-}"
theme="${4:-light}"
corpus="${CORPUS:-../shared/corpus}"
export LANG="${LANG:-en_US.UTF-8}" LC_ALL="${LC_ALL:-en_US.UTF-8}"

for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshot: $tool is missing; run 'make deps'." >&2; exit 1; }
done
[ -x bin/briefing-atlas ] || { echo "screenshot: bin/briefing-atlas is missing; run 'make build'." >&2; exit 1; }
[[ "$size" =~ ^[0-9]+x[0-9]+$ ]] || { echo "screenshot: SIZE must be WIDTHxHEIGHT, got '$size'." >&2; exit 2; }

tmp="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

db="${ATLAS_DB:-}"
if [ -z "$db" ]; then
  [ -x bin/atlas ] || { echo "screenshot: bin/atlas is missing; run 'make build'." >&2; exit 1; }
  [ -d "$corpus" ] || { echo "screenshot: no sample corpus at $corpus (set CORPUS=dir)." >&2; exit 1; }
  db="$tmp/atlas.db"
  manifest=()
  [ -f "$corpus/sources.csv" ] && manifest=(--manifest "$corpus/sources.csv")
  bin/atlas import -q --db "$db" "${manifest[@]}" "$corpus" >/dev/null || echo "screenshot: some files could not be imported." >&2
fi

w="${size%x*}"
h="${size#*x}"
# Xvfb picks a free display itself and writes its number to fd 3 once it
# accepts clients: no guessing which numbers are free, no polling.
Xvfb -displayfd 3 -screen 0 "$((w + 64))x$((h + 64))x24" -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do
  [ -s "$tmp/display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$tmp/display" ]; then
  echo "screenshot: Xvfb did not start:" >&2
  cat "$tmp/xvfb.log" >&2
  exit 1
fi
disp=":$(head -1 "$tmp/display")"

args=(--db "$db" --size "$size" --theme "$theme")
[ -n "$select" ] && args+=(--select "$select")
[ -n "${PLACE:-}" ] && args+=(--place "$PLACE")
[ -n "${ACTOR:-}" ] && args+=(--actor "$ACTOR")
[ -n "${SHOW:-}" ] && args+=(--show "$SHOW")
# A private config folder: the shot must not depend on this user's preferences.
XDG_CONFIG_HOME="$tmp/config" DISPLAY="$disp" bin/briefing-atlas "${args[@]}" >"$tmp/app.log" 2>&1 &
app_pid=$!

wid=""
for _ in $(seq 1 100); do
  wid="$(DISPLAY="$disp" xdotool search --name '^Briefing Atlas$' 2>/dev/null | head -1 || true)"
  [ -n "$wid" ] && break
  if ! kill -0 "$app_pid" 2>/dev/null; then
    echo "screenshot: the app exited before its window came up:" >&2
    cat "$tmp/app.log" >&2
    exit 1
  fi
  sleep 0.2
done
[ -n "$wid" ] || { echo "screenshot: no window after 20 s." >&2; cat "$tmp/app.log" >&2; exit 1; }
# Let the first frames render (tiles, fonts, selection).
sleep "${SHOT_WAIT:-3}"
DISPLAY="$disp" import -window "$wid" "$shot"
echo "screenshot: wrote $shot ($size${select:+, selected $select}, $theme)"
