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

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "# $2"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }
psql_q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }

tables="eco.area_grant eco.site eco.protection_zone eco.outfall eco.outfall_history eco.land_parcel eco.water_sample"
echo "1..14"

# 1. Source database with rows in every user table.
"$BIN/createdb" "$src" 2>"$tmp/err" && psql_q "$src" "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>>"$tmp/err"
check "create source database with eco_monitor" '[ $? -eq 0 ]' "$(head -3 "$tmp/err")"
psql_q "$src" "
INSERT INTO eco.area_grant VALUES ('dump_role', '4207');
INSERT INTO eco.site (code, name, kind, control_level, area, target_class, geom) VALUES
  ('A01', '市监测站', 'air', '国控', '420702', NULL, public.ST_SetSRID(public.ST_MakePoint(114.8903, 30.3907), 4490)),
  ('W01', '三江港断面', 'water', '国控', '420702', 'II', public.ST_SetSRID(public.ST_MakePoint(114.874, 30.428), 4326));
INSERT INTO eco.protection_zone (code, name, water_source, level, area, geom) VALUES
  ('PZ1', '一级保护区', '三江港水源地', '一级', '420702',
   public.ST_SetSRID('POLYGON((114.86 30.42, 114.88 30.42, 114.88 30.435, 114.86 30.435, 114.86 30.42))'::public.geometry, 4490));
INSERT INTO eco.outfall (code, name, receiving_water, responsible_party, type, area, geom, status_date) VALUES
  ('OF-1', '某化工厂排污口', '长江', '某公司', '矿山排污口', '420702',
   public.ST_SetSRID(public.ST_MakePoint(114.87, 30.428), 4490), '2024-03-01'),
  ('OF-2', '疑似点位', '长江', NULL, NULL, '420702', NULL, '2024-03-02');
UPDATE eco.outfall SET status = '核查确认', status_date = '2024-04-01' WHERE code = 'OF-1';
UPDATE eco.outfall SET status = '整治中', status_date = '2024-05-01', action = '取缔' WHERE code = 'OF-1';
UPDATE eco.outfall SET status = '非排口', status_date = '2024-04-02' WHERE code = 'OF-2';
INSERT INTO eco.land_parcel (code, name, planned_use, land_class, change_year, survey_status, area, geom) VALUES
  ('P1', '原化工厂地块', 'R', 1, 2025, '调查中', '420702',
   public.ST_SetSRID('POLYGON((114.88 30.39, 114.89 30.39, 114.89 30.40, 114.88 30.40, 114.88 30.39))'::public.geometry, 4490));
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value, below_detection) VALUES
  ('W01', '2025-01-10 09:00', 'CODMn', 4.5, false), ('W01', '2025-01-10 09:00', 'NH3-N', 0.025, true),
  ('W01', '2025-02-10 09:00', 'TP', 0.12, false);
" >/dev/null 2>"$tmp/err"
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

[ "$failed" -eq 0 ]
