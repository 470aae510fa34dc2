#!/usr/bin/env bash
# make demo: set-up, build, install, then run demo/*.sql in order against a
# throwaway cluster and print their output.  Leaves no server running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
eco_cluster_with_db eco_demo
mkdir -p demo/out
for f in demo/*.sql; do
  psql -X -q -v ON_ERROR_STOP=1 -P pager=off -v outdir="$PWD/demo/out" -d eco_demo -f "$f"
done
# What people look at (demo/95_outputs.sql): the written summary, report.html and the SVG and GeoJSON files.
if [ -s demo/out/report.html ]; then
  echo "demo/out: summary.md, report.html (open it in a browser), *.svg, *.geojson"
fi
