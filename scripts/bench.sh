#!/usr/bin/env bash
# make bench: run every bench/*.sql (or those named in BENCH=...) on a
# throwaway cluster; each prints its own timings and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec 9>/tmp/eco_monitor.install.lock
flock 9
bash scripts/build.sh
eval "$(bash scripts/cluster.sh start)"
trap 'bash scripts/cluster.sh stop "$ECO_PGDIR"' EXIT
createdb eco_bench
psql -X -q -v ON_ERROR_STOP=1 -d eco_bench -c 'CREATE EXTENSION eco_monitor CASCADE' 2>/dev/null
for f in ${BENCH:-bench/*.sql}; do
  echo "== $f"
  psql -X -q -v ON_ERROR_STOP=1 -P pager=off -d eco_bench -f "$f"
done
