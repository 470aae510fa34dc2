#!/usr/bin/env bash
# make demo: set-up, build, install, then run demo/*.sql in order against a
# throwaway cluster and print their output.  Leaves no server running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
eco_cluster_with_db eco_demo
mkdir -p demo/out
# demo/NN_name.sql runs in psql; demo/NN_name.sh (with the SQL file it drives, if any) runs in bash, in the same order.
for f in $(ls demo/*.sql demo/*.sh | sort); do
  case "$f" in
    *.sh) bash "$f" eco_demo "$PWD/demo/out" ;;
    *.sql) [ -e "${f%.sql}.sh" ] && continue
           psql -X -q -v ON_ERROR_STOP=1 -P pager=off -v outdir="$PWD/demo/out" -d eco_demo -f "$f" ;;
  esac
done
# What people look at (demo/95_outputs.sql): the written summary, report.html and the SVG and GeoJSON files.
if [ -s demo/out/report.html ]; then
  echo "demo/out: summary.md, report.html (open it in a browser), *.svg, *.geojson"
fi
