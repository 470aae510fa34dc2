#!/usr/bin/env bash
# TAP: user rows of eco_monitor survive pg_dump -Fc / pg_restore into a new
# database (tables registered with pg_extension_config_dump).  Needs PGHOST,
# PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth).
set -uo pipefail
BIN=/usr/lib/postgresql/15/bin
src="eco_dump_src_$$"
dst="eco_dump_dst_$$"
tmp=$(mktemp -d /tmp/eco_dump.XXXXXX)
chmod 755 "$tmp"
cleanup() {
  "$BIN/dropdb" --if-exists "$src" >/dev/null 2>&1
  "$BIN/dropdb" --if-exists "$dst" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

source test/shell/tap.bash
psql_q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }

tables="eco.area_grant eco.site eco.protection_zone eco.outfall eco.outfall_history eco.land_parcel eco.water_sample"
echo "1..14"

# 1. Source database with rows in every user table.
"$BIN/createdb" "$src" 2>"$tmp/err" && psql_q "$src" "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>>"$tmp/err"
check "create source database with eco_monitor" '[ $? -eq 0 ]' "$(head -3 "$tmp/err")"
psql_q "$src" "INSERT INTO eco.area_grant VALUES ('dump_role', '4207')" >/dev/null 2>"$tmp/err" &&
  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$src" -f test/fixtures/site_rows.sql >/dev/null 2>>"$tmp/err"
check "insert rows into every user table" '[ $? -eq 0 ]' "$(head -3 "$tmp/err")"

# Row counts and a content digest per table (ordered by every column as text).
digest() {
  for t in $tables; do
    psql_q "$1" "SELECT '$t', count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM $t x"
  done
}
digest "$src" >"$tmp/src.txt" 2>>"$tmp/err"
check "every user table has rows" '! grep -q "|0|" "$tmp/src.txt" && [ $(wc -l <"$tmp/src.txt") -eq 7 ]' "$(cat "$tmp/src.txt")"

# 2. Dump and restore.
"$BIN/pg_dump" -Fc -f "$tmp/eco.dump" "$src" 2>"$tmp/err"
check "pg_dump -Fc" '[ $? -eq 0 ] && [ -s "$tmp/eco.dump" ]' "$(head -3 "$tmp/err")"
"$BIN/createdb" "$dst" 2>"$tmp/err"
check "create target database" '[ $? -eq 0 ]' "$(head -3 "$tmp/err")"
"$BIN/pg_restore" --exit-on-error -d "$dst" "$tmp/eco.dump" 2>"$tmp/err"
check "pg_restore without error" '[ $? -eq 0 ]' "$(head -5 "$tmp/err")"

# 3. Compare.
digest "$dst" >"$tmp/dst.txt" 2>>"$tmp/err"
for t in $tables; do
  check "$t identical after restore" '[ "$(grep "^$t|" "$tmp/src.txt")" = "$(grep "^$t|" "$tmp/dst.txt")" ]' \
    "src: $(grep "^$t|" "$tmp/src.txt") dst: $(grep "^$t|" "$tmp/dst.txt")"
done
# The restored database keeps working: sequences continue, the lifecycle still logs.
psql_q "$dst" "UPDATE eco.outfall SET status = '已完成', status_date = '2024-06-01' WHERE code = 'OF-1';
               INSERT INTO eco.protection_zone (name, water_source, level, area, geom) VALUES ('二级', '三江港水源地', '二级', '420702',
                 public.ST_SetSRID('POLYGON((114.8 30.4, 114.9 30.4, 114.9 30.5, 114.8 30.4))'::public.geometry, 4490))" >/dev/null 2>"$tmp/err"
res=$(psql_q "$dst" "SELECT (SELECT count(*) FROM eco.outfall_history WHERE outfall_code = 'OF-1') || ',' ||
                            (SELECT count(DISTINCT id) FROM eco.protection_zone) || ',' ||
                            (SELECT sentence FROM eco.outfall_progress('4207'))" 2>>"$tmp/err")
check "restored database: sequences continue and history still grows" \
  '[ "$res" = "3,2,2 outfalls; 1 confirmed non-outfall; 0 remediated before the campaign; 1 under classified remediation, of which 1 done (1 取缔) and 0 in progress" ]' \
  "got: $res $(head -3 "$tmp/err")"

[ "$bad" -eq 0 ]
