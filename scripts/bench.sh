#!/usr/bin/env bash
# make bench: run every bench/*.sql (or those named in BENCH=...) on a
# throwaway cluster; each prints its own timings and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
eco_cluster_with_db eco_bench
for f in ${BENCH:-bench/*.sql}; do
  echo "== $f"
  psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d eco_bench -f "$f"
done
