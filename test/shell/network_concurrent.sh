#!/usr/bin/env bash
# TAP: two real sessions load network files at the same time (eco.load_network_file), at READ COMMITTED,
# REPEATABLE READ and SERIALIZABLE: no error but 40001 (retried), no lost or doubled row, the rejects of a file
# once, and a third load finds every cell unchanged.  Needs PGHOST, PGPORT, PGUSER of a running throwaway
# cluster (superuser, trust auth); PG_CONFIG picks the client binaries.
set -uo pipefail
BIN=$("${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}" --bindir)
db="eco_netconc_$$"
tmp=$(mktemp -d /tmp/eco_netconc.XXXXXX)
chmod 755 "$tmp"
cleanup() { "$BIN/dropdb" --if-exists "$db" >/dev/null 2>&1; rm -rf "$tmp"; }
trap cleanup EXIT

source test/shell/tap.bash
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" -c "$1"; }

echo "1..13"
"$BIN/createdb" "$db" && q "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>&1
check "database with eco_monitor" '[ $? -eq 0 ]'
# 60 stations, two daily files of 15 types (a few empty and negative cells), written by SQL.
q "INSERT INTO eco.site (code, name, kind, area) SELECT 'C' || lpad(g::text, 3, '0') || 'A', 'c' || g, 'air', '1' FROM generate_series(1, 60) g"
for day in 20250301 20250302; do
  q "SELECT line FROM (
       SELECT -1 AS h, 0 AS o, 'date,hour,type,' || string_agg('C' || lpad(g::text, 3, '0') || 'A', ',' ORDER BY g) AS line
       FROM generate_series(1, 60) g
       UNION ALL
       SELECT h, o, '$day,' || h || ',' || t || ',' || string_agg(CASE WHEN (g + h + o) % 37 = 0 THEN ''
                                                                       WHEN (g * h + o) % 101 = 0 THEN '-1'
                                                                       ELSE ((g * 7 + h * 3 + o) % 90 + 1)::text END, ',' ORDER BY g)
       FROM generate_series(0, 23) h
       CROSS JOIN unnest('{AQI,PM2.5,PM2.5_24h,PM10,PM10_24h,SO2,SO2_24h,NO2,NO2_24h,O3,O3_24h,O3_8h,O3_8h_24h,CO,CO_24h}'::text[])
                  WITH ORDINALITY AS x(t, o)
       CROSS JOIN generate_series(1, 60) g GROUP BY h, o, t) s ORDER BY h, o" > "$tmp/china_sites_$day.csv"
done
check "two files written" '[ $(wc -l < "$tmp/china_sites_20250302.csv") -eq 361 ]'

# load FILE LEVEL: one session, retried on 40001; prints the counts
load() {
  local f=$1 level=$2 out rc tries=0
  while :; do
    out=$("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" 2>&1 <<SQL
SET client_min_messages = warning;
SET default_transaction_isolation = '$level';
SELECT eco.network_stage();
\\copy network_stage(line) FROM '$tmp/$f'
SELECT cells_read, cells_loaded, cells_unchanged, cells_rejected FROM eco.load_network_file('$f');
SQL
)
    rc=$?
    if [ $rc -ne 0 ] && grep -q "could not serialize\|deadlock" <<<"$out" && [ $tries -lt 5 ]; then
      tries=$((tries + 1)); continue
    fi
    echo "$out" | tail -1
    return $rc
  done
}

for level in 'read committed' 'repeatable read' 'serializable'; do
  q "DELETE FROM eco.air_hourly; DELETE FROM eco.network_hourly; DELETE FROM eco.network_reject"
  # same file in two sessions at once, and another file alongside
  load china_sites_20250301.csv "$level" > "$tmp/a" & pa=$!
  load china_sites_20250301.csv "$level" > "$tmp/b" & pb=$!
  load china_sites_20250302.csv "$level" > "$tmp/c" & pc=$!
  wait $pa; ra=$?; wait $pb; rb=$?; wait $pc; rc=$?
  check "$level: three concurrent loads succeed (40001 retried)" '[ $ra -eq 0 ] && [ $rb -eq 0 ] && [ $rc -eq 0 ]' \
        "$(cat "$tmp/a" "$tmp/b" "$tmp/c")"
  rows=$(q "SELECT count(*) FROM eco.air_hourly")
  rej=$(q "SELECT count(*) FROM eco.network_reject WHERE file = 'china_sites_20250301.csv'")
  again=$(load china_sites_20250301.csv "$level")
  check "$level: 2 x 60 x 24 station-hours, rejects of the file once, a third load changes nothing" \
        '[ "$rows" -eq 2880 ] && [ "$rej" -eq "$(echo "$again" | cut -d"|" -f4)" ] && [ "$(echo "$again" | cut -d"|" -f2)" -eq 0 ]' \
        "rows=$rows rejects=$rej again=$again"
  sum=$(echo "$again" | awk -F'|' '{print ($1 == $2 + $3 + $4)}')
  check "$level: cells read = loaded + unchanged + rejected" '[ "$sum" -eq 1 ]' "$again"
done
# Another role: its own rejects only, unknown stations for sites it cannot see.
q "CREATE ROLE netconc_user_$$; GRANT USAGE ON SCHEMA eco TO netconc_user_$$" >/dev/null
out=$("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" 2>&1 <<SQL
SET client_min_messages = warning;
SET ROLE netconc_user_$$;
SELECT eco.network_stage();
\\copy network_stage(line) FROM '$tmp/china_sites_20250301.csv'
SELECT cells_loaded FROM eco.load_network_file('china_sites_20250301.csv');
SELECT count(*) FROM eco.network_reject WHERE reason = 'unknown station';
SELECT count(*) FROM eco.network_reject WHERE loaded_by <> current_user;
SELECT eco.network_stage();
INSERT INTO network_stage(line) VALUES ('code,name,city,lon,lat'), ('Z001A,z,990100,116.1,39.9');
SELECT rejected FROM eco.load_network_sites('list.csv');
SELECT reason FROM eco.network_reject WHERE file = 'list.csv';
SQL
)
check "a role without area grants: every non-empty cell is an unknown station, nothing loaded, only its own rejects" \
      '[ "$(echo "$out" | sed -n 2p)" -eq 0 ] && [ "$(echo "$out" | sed -n 3p)" -gt 0 ] && [ "$(echo "$out" | sed -n 4p)" -eq 0 ]' "$out"
check "a role without area grants: a station of the list outside its areas is a reject, not an error" \
      '[ "$(echo "$out" | sed -n 6p)" -eq 1 ] && [ "$(echo "$out" | sed -n 7p)" = "area not granted" ]' "$out"
q "DROP OWNED BY netconc_user_$$; DROP ROLE netconc_user_$$" >/dev/null 2>&1
exit $((bad > 0))
