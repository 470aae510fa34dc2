#!/usr/bin/env bash
# TAP: the packagers' entry point. `make installcheck` passes against a server started with initdb's defaults
# (SQL_ASCII encoding, C locale, UTC, default parallel settings: nothing of the throwaway cluster's tuning), and
# the regression tests write no file outside their own output directory and leave no role behind.
# Needs the extension built and installed into PG_CONFIG's installation (make test does it first).
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=$("${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}" --bindir)
as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@";
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@";
  else sudo -u postgres "$@"; fi
}
dir=$(mktemp -d /tmp/eco_pg.XXXXXX)
out=$(mktemp -d /tmp/eco_installcheck.XXXXXX)
chmod 755 "$dir" "$out"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; else sudo chown postgres:postgres "$dir"; fi
trap 'as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$dir" "$out"' EXIT

source test/shell/tap.bash
echo "1..4"

TZ=UTC as_pg "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E SQL_ASCII --locale=C >"$out/initdb.log" 2>&1 &&
  printf "listen_addresses = ''\nunix_socket_directories = '%s'\nport = 5432\n" "$dir" >>"$dir/data/postgresql.conf" &&
  as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
tap "a server with initdb's defaults starts" $? "$(tail -3 "$out/initdb.log")"
export PGHOST=$dir PGPORT=5432 PGUSER=postgres
roles_before=$("$BIN/psql" -X -At -d postgres -c 'SELECT string_agg(rolname, $$,$$ ORDER BY rolname) FROM pg_roles')

# Reading the repository's own test data on the client (\copy ... FROM PROGRAM 'cd test/data/...') is allowed.
stray=$(grep -niE "^[^-]*copy[^;]*(to|from) +'(/|\.\.)|lo_export|lo_import|pg_file_write|pg_read_file|(to|from) +program" sql/*.sql |
        grep -viE "copy [^;]* from program 'cd test/data/[^ ]* && [^>]*'$" | head -5)
tap "no regression test reads or writes a file outside its own output directory" "$([ -z "$stray" ]; echo $?)" "$stray"

make -s installcheck EXTRA_REGRESS_OPTS="--outputdir=$out" >"$out/make.log" 2>&1
rc=$?
tap "make installcheck passes on that server" $rc "$(grep -E 'FAILED|failed|Error' "$out/make.log" | head -5 | tr '\n' ' ')"
[ $rc -eq 0 ] || head -60 "$out/regression.diffs" 2>/dev/null | sed 's/^/# /'

roles_after=$("$BIN/psql" -X -At -d postgres -c 'SELECT string_agg(rolname, $$,$$ ORDER BY rolname) FROM pg_roles')
tap "the regression tests leave no role behind" "$([ "$roles_before" = "$roles_after" ]; echo $?)" \
  "before: $roles_before; after: $roles_after"
exit $((bad > 0))
