#!/usr/bin/env bash
# make demo: set-up, build, install, then run demo/*.sql in order against a
# throwaway cluster and print their output.  Leaves no server running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec 9>/tmp/eco_monitor.install.lock
flock 9
bash scripts/build.sh
eval "$(bash scripts/cluster.sh start)"
trap 'bash scripts/cluster.sh stop "$ECO_PGDIR"' EXIT
createdb eco_demo
psql -X -q -v ON_ERROR_STOP=1 -d eco_demo -c 'CREATE EXTENSION eco_monitor CASCADE' 2>/dev/null
mkdir -p demo/out
for f in demo/*.sql; do
  psql -X -q -v ON_ERROR_STOP=1 -P pager=off -v outdir="$PWD/demo/out" -d eco_demo -f "$f"
done
