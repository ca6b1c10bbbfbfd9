#!/usr/bin/env bash
# The Beam pipeline (beam/) end to end on this machine, for make beam-demo and
# make bench-beam:
#   beam.sh demo  N DIR   generate N articles, run atlas-beam on Prism, load the shards into a store
#   beam.sh bench N DIR   the same corpus through the pipeline and through atlas import, timed
# The generated corpus is kept in DIR/corpus-N and reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:?usage: beam.sh demo|bench N DIR}
n=${2:-5000}
dir=${3:-/tmp/atlas-beam}
go=${GO:-go}

mkdir -p "$dir" bin
corpus="$dir/corpus-$n"
out="$dir/out-$n"

echo "building bin/atlas and bin/atlas-beam"
$go build -tags sqlite_fts5 -o bin/atlas ./cmd/atlas
(cd beam && $go build -o ../bin/atlas-beam ./cmd/atlas-beam)

if [[ ! -f "$corpus/.done" ]]; then
	rm -rf "$corpus"
	echo "generating $n articles in $corpus"
	bin/atlas gen --articles "$n" --out "$corpus"
	touch "$corpus/.done"
fi

# secs runs a command and prints its wall time in seconds on fd 3.
secs() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@"
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }' >&3
}

# calc prints an arithmetic expression's value (awk: bc is not always there).
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

case "$mode" in
demo)
	db="$dir/beam-$n.db"
	rm -f "$db" "$db"-wal "$db"-shm
	echo "running the pipeline on Prism (the local runner): $corpus -> $out"
	bin/atlas-beam --input "$corpus" --output "$out" 2> "$dir/prism.log" || { tail -20 "$dir/prism.log"; exit 1; }
	echo "loading the shards into $db"
	bin/atlas import --db "$db" --events "$out"
	echo "the same again (changes nothing):"
	bin/atlas import -q --db "$db" --events "$out"
	echo "open it with: bin/briefing-atlas --db $db   or list it: bin/atlas events --db $db | head"
	;;
bench)
	db="$dir/import-$n.db"
	beamdb="$dir/beam-$n.db"
	rm -f "$db" "$db"-wal "$db"-shm "$beamdb" "$beamdb"-wal "$beamdb"-shm
	pipe=$( { secs bin/atlas-beam --input "$corpus" --output "$out" > "$dir/beam-summary.txt" 2> "$dir/prism.log"; } 3>&1 ) ||
		{ tail -20 "$dir/prism.log"; exit 1; }
	load=$( { secs bin/atlas import -q --db "$beamdb" --events "$out" > /dev/null; } 3>&1 )
	imp=$( { secs bin/atlas import -q --db "$db" "$corpus" > /dev/null; } 3>&1 )
	articles=$(cat "$out"/articles-*.jsonl | wc -l)
	summary=$(cat "$dir/beam-summary.txt")
	# The pipeline prints its workers' extract and merge time (summed).
	extract=$(sed -n 's/.*worker time: extract \([^,]*\), merge.*/\1/p' <<< "$summary")
	merge=$(sed -n 's/.*, merge \([^ ]*\) = .*/\1/p' <<< "$summary")
	share=$(sed -n 's/.* = \([0-9.]*%\)).*/\1/p' <<< "$summary")
	printf '\nbench-beam: %d articles (%s), %d cores\n' "$articles" "$corpus" "$(nproc)"
	printf '%-44s %10s %12s\n' "step" "seconds" "articles/s"
	printf '%-44s %10.1f %12.1f\n' "atlas-beam on Prism (ingest+extract+merge)" "$pipe" "$(calc "$articles / $pipe")"
	printf '%-44s %10.1f %12.1f\n' "atlas import --events (load the shards)" "$load" "$(calc "$articles / $load")"
	printf '%-44s %10.1f %12.1f\n' "pipeline + load" "$(calc "$pipe + $load")" "$(calc "$articles / ($pipe + $load)")"
	printf '%-44s %10.1f %12.1f\n' "atlas import (same corpus)" "$imp" "$(calc "$articles / $imp")"
	printf 'worker time: extract %s, merge %s: the merge step is %s of it\n' "$extract" "$merge" "$share"
	printf 'per article: %.2f ms of pipeline wall time here, %.2f ms of extraction worker time\n' "$(calc "$pipe * 1000 / $articles")" "$(sed -n 's/.*worker time: extract \([0-9.]*\)s, merge.*/\1/p' <<< "$summary" | awk -v n="$articles" '{ printf "%.2f", $1 * 1000 / n }')"
	printf 'events: atlas import %s, the pipeline'"'"'s shards %s, pipeline + import --events %s\n' \
		"$(bin/atlas events --db "$db" | wc -l)" "$(cat "$out"/events-*.jsonl | wc -l)" "$(bin/atlas events --db "$beamdb" | wc -l)"
	;;
*)
	echo "usage: beam.sh demo|bench N DIR" >&2
	exit 2
	;;
esac
