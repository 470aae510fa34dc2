#!/usr/bin/env bash
# TAP: CREATE EXTENSION eco_monitor refuses a schema eco that existed before and is not safe (owned by another,
# non-superuser role; another role may create in it; it holds another role's objects), and installs when the
# schema does not exist or was created empty by the installing superuser (as pg_restore does).
# Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth).
set -uo pipefail
BIN=/usr/lib/postgresql/15/bin
pfx="eco_hostile_$$"
role="eco_hostile_role_$$"
work=$(mktemp -d /tmp/eco_hostile.XXXXXX)
chmod 755 "$work"
dbs=()
cleanup() {
  for d in "${dbs[@]}"; do "$BIN/dropdb" --if-exists "$d" >/dev/null 2>&1; done
  "$BIN/psql" -X -q -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

source test/shell/tap.bash
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }

# newdb N SETUP: a database with the SETUP statements run (as superuser; SET ROLE inside for the hostile role).
newdb() {
  local d="${pfx}_$1"
  dbs+=("$d")
  "$BIN/createdb" "$d" && q "$d" "CREATE EXTENSION postgis; GRANT CREATE ON DATABASE $d TO $role; $2" >/dev/null
  echo "$d"
}
# refused NAME DB: CREATE EXTENSION fails with 42P06 naming the schema, and leaves no extension behind.
refused() {
  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$2" -c "CREATE EXTENSION eco_monitor" >"$work/out" 2>&1
  local rc=$?
  local left; left=$(q "$2" "SELECT count(*) FROM pg_extension WHERE extname = 'eco_monitor'")
  tap "$1" "$([ $rc -ne 0 ] && grep -q '42P06: schema eco already exists' "$work/out" && [ "$left" = 0 ]; echo $?)" \
      "$(cat "$work/out")"
}
installs() {
  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$2" -c "CREATE EXTENSION eco_monitor" >"$work/out" 2>&1
  tap "$1" $? "$(cat "$work/out")"
}

echo "1..6"
q postgres "CREATE ROLE $role" >/dev/null

d=$(newdb 1 "SET ROLE $role; CREATE SCHEMA eco; RESET ROLE;")
refused "a schema eco created beforehand by another (non-superuser) role is refused" "$d"

d=$(newdb 2 "SET ROLE $role; CREATE SCHEMA eco; CREATE FUNCTION eco.daily_aqi(integer) RETURNS integer LANGUAGE sql AS 'SELECT 1'; RESET ROLE;")
refused "a hostile schema eco holding a planted overload is refused" "$d"

d=$(newdb 3 "CREATE SCHEMA eco; GRANT CREATE ON SCHEMA eco TO $role;")
refused "a superuser's schema eco in which another role may create is refused" "$d"

d=$(newdb 4 "CREATE SCHEMA eco; GRANT CREATE ON SCHEMA eco TO $role; SET ROLE $role;
             CREATE FUNCTION eco.iaqi(text) RETURNS integer LANGUAGE sql AS 'SELECT 1'; RESET ROLE;
             REVOKE CREATE ON SCHEMA eco FROM $role;")
refused "a superuser's schema eco holding another role's function is refused" "$d"

d=$(newdb 5 "")
installs "no schema eco beforehand: CREATE EXTENSION creates it and installs" "$d"

d=$(newdb 6 "CREATE SCHEMA eco;")
installs "an empty schema eco created by the installing superuser (as pg_restore does) is used" "$d"

[ "$bad" -eq 0 ]
