#!/usr/bin/env bash
# make test-shards: set-up, build and install (as make test does), then the three-shard TAP test
# (test/shards/shards.sh). Ends with "summary: N passed, M failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
eco_build_locked || exit 1
LIB=$("${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}" --pkglibdir)
[ -f "$LIB/postgres_fdw.so" ] || { echo "postgres_fdw is not installed in $LIB (PostgreSQL's contrib modules)"; exit 1; }
log=$(mktemp /tmp/eco_shards_prove.XXXXXX)
trap 'rm -f "$log"' EXIT
prove -v -e bash test/shards/shards.sh 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
planned=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$log" | head -1)
good=$(grep -c '^ok [0-9]' "$log")
bad=$(( ${planned:-0} - good ))
if [ "$rc" -ne 0 ] && [ "$bad" -le 0 ]; then bad=1; fi
echo "summary: $good passed, $bad failed"
exit "$rc"
