#!/usr/bin/env bash
# TAP: eco_monitor over three postgres_fdw shards equals eco_monitor on one node, exactly.
# Starts four throwaway clusters (a coordinator and three shards, Unix sockets, scripts/cluster.sh), shards the
# readings tables with scripts/eco_shards.sh, loads the same deterministic data set (test/shards/data.sql) into a
# single-node database and into the coordinator, and compares every daily row, report figure, per-site annual
# statistic and exceedance run; checks with EXPLAIN (VERBOSE) that the per-site work runs on the shards (the
# extension's functions and aggregates in the remote SQL, asynchronous foreign scans) and that the city and
# province figures are combined on the coordinator; then stops one shard and requires a clear error naming it.
# Needs PG_CONFIG (the installation with eco_monitor installed and postgres_fdw); run by "make test-shards".
set -uo pipefail
cd "$(dirname "$0")/../.."
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
BIN=$("$PG_CONFIG" --bindir)
export PGUSER=postgres
tmp=$(mktemp -d /tmp/eco_shards_test.XXXXXX)
dirs=()
cleanup() {
  local d
  for d in "${dirs[@]}"; do bash scripts/cluster.sh stop "$d"; done
  rm -rf "$tmp"
}
trap cleanup EXIT

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -z "${2:-}" ] || printf '%s\n' "$2" | head -40 | sed 's/^/# /'; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }
sum_lines() { local t=0 v; for v in "$@"; do t=$((t + v)); done; echo "$t"; }
# psql on host dir $1, database $2, SQL $3 (unaligned, tuples only)
pq() { PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -h "$1" -d "$2" -c "$3"; }

echo "1..45"

# ---------- four clusters: coordinator (also holds the single-node reference database) and three shards
for c in co s1 s2 s3; do
  env_line=$(bash scripts/cluster.sh start) || { echo "Bail out! cannot start a cluster"; exit 1; }
  d=$(printf '%s\n' "$env_line" | sed -n 's/.*ECO_PGDIR=\([^ ]*\).*/\1/p')
  dirs+=("$d")
  export PGPORT=$(printf '%s\n' "$env_line" | sed -n 's/.*PGPORT=\([^ ]*\).*/\1/p')
done
CO=${dirs[0]}; S=("${dirs[1]}" "${dirs[2]}" "${dirs[3]}")
for d in "${dirs[@]}"; do "$BIN/createdb" -h "$d" eco 2>>"$tmp/err"; done
"$BIN/createdb" -h "$CO" single 2>>"$tmp/err"
pq "$CO" single "CREATE EXTENSION eco_monitor CASCADE" 2>>"$tmp/err"; rc=$?
check "four clusters started, databases created" '[ $rc -eq 0 ] && [ ${#dirs[@]} -eq 4 ]' "$(cat "$tmp/err")"

# ---------- the one set-up command
# rows already in the coordinator's table before the set-up are moved to their shards
pq "$CO" eco "CREATE EXTENSION eco_monitor CASCADE;
  INSERT INTO eco.air_hourly (site_code, hour_ending, pm25) VALUES
    ('Z97', '2020-01-01 01:00', 10), ('Z98', '2020-01-01 01:00', 11), ('Z99', '2020-01-01 01:00', 12)" 2>>"$tmp/err"
# The online-monitoring tables (HJ 212), when the extension has them, are sharded by MN with their limits.
HJ=$(pq "$CO" single "SELECT to_regclass('eco.outlet_reading') IS NOT NULL AND to_regclass('eco.outlet_limit') IS NOT NULL")
export ECO_SHARD_TABLES="eco.air_hourly:site_code eco.air_daily:site_code"
[ "$HJ" = t ] && ECO_SHARD_TABLES+=" eco.outlet_reading:mn eco.outlet_limit:mn"
PSQL="$BIN/psql" bash scripts/eco_shards.sh "host=$CO port=$PGPORT dbname=eco" \
  "host=${S[0]} port=$PGPORT dbname=eco" "host=${S[1]} port=$PGPORT dbname=eco" "host=${S[2]} port=$PGPORT dbname=eco" \
  >"$tmp/setup.out" 2>&1; rc=$?
check "eco_shards.sh sets up servers, mappings, partitions and the extension on each shard" '[ $rc -eq 0 ]' \
  "$(cat "$tmp/setup.out")"
check "the extension is installed on every shard" \
  '[ "$(for s in "${S[@]}"; do pq "$s" eco "SELECT extversion FROM pg_extension WHERE extname = '"'"'eco_monitor'"'"'"; done | sort -u | wc -l)" -eq 1 ]'
check "eco.air_hourly and eco.air_daily are hash-partitioned over three foreign tables" \
  '[ "$(pq "$CO" eco "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE c.relkind = '"'"'f'"'"' AND i.inhparent IN ('"'"'eco.air_hourly'"'"'::regclass, '"'"'eco.air_daily'"'"'::regclass)")" = 6 ]'
check "row-level security and its policies carried over to the sharded tables" \
  '[ "$(pq "$CO" eco "SELECT count(*) FROM pg_class WHERE oid IN ('"'"'eco.air_hourly'"'"'::regclass, '"'"'eco.air_daily'"'"'::regclass) AND relrowsecurity")" = 2 ] &&
   [ "$(pq "$CO" eco "SELECT string_agg(policyname || qual || with_check, '"'"','"'"' ORDER BY policyname) FROM pg_policies WHERE tablename IN ('"'"'air_hourly'"'"', '"'"'air_daily'"'"')")" = \
     "$(pq "$CO" eco "SELECT string_agg(policyname || qual || with_check, '"'"','"'"' ORDER BY policyname) FROM pg_policies WHERE tablename IN ('"'"'air_hourly_unsharded'"'"', '"'"'air_daily_unsharded'"'"')")" ]'
check "the servers ship the extension and scan asynchronously" \
  '[ "$(pq "$CO" eco "SELECT count(*) FROM pg_foreign_server WHERE srvname LIKE '"'"'eco_shard_%'"'"'
         AND '"'"'extensions=eco_monitor'"'"' = ANY (srvoptions) AND '"'"'async_capable=true'"'"' = ANY (srvoptions)")" = 3 ]'
check "rows present before the set-up were moved to the shards" \
  '[ "$(pq "$CO" eco "SELECT count(*) FROM eco.air_hourly_unsharded")" = 0 ] &&
   [ "$(for s in "${S[@]}"; do pq "$s" eco "SELECT count(*) FROM eco.air_hourly WHERE site_code LIKE '"'"'Z9_'"'"'"; done | paste -sd,)" != "" ] &&
   [ "$(sum_lines $(for s in "${S[@]}"; do pq "$s" eco "SELECT count(*) FROM eco.air_hourly WHERE site_code LIKE '"'"'Z9_'"'"'"; done))" = 3 ] &&
   [ "$(pq "$CO" eco "SELECT string_agg(site_code || '"'"':'"'"'|| pm25, '"'"','"'"' ORDER BY site_code) FROM eco.air_hourly")" = "Z97:10,Z98:11,Z99:12" ]'
pq "$CO" eco "DELETE FROM eco.air_hourly WHERE site_code LIKE 'Z9_'" 2>>"$tmp/err"
PSQL="$BIN/psql" bash scripts/eco_shards.sh "host=$CO port=$PGPORT dbname=eco" \
  "host=${S[0]} port=$PGPORT dbname=eco" "host=${S[1]} port=$PGPORT dbname=eco" "host=${S[2]} port=$PGPORT dbname=eco" \
  >"$tmp/setup2.out" 2>&1; rc=$?
check "running the set-up again changes nothing" '[ $rc -eq 0 ] && [ "$(pq "$CO" eco "SELECT count(*) FROM pg_foreign_server")" = 3 ]' \
  "$(cat "$tmp/setup2.out")"
PSQL="$BIN/psql" bash scripts/eco_shards.sh "host=$CO port=$PGPORT dbname=eco" "host=${S[0]} port=$PGPORT dbname=eco" \
  >"$tmp/setup3.out" 2>&1; rc=$?
check "set-up with a different number of shards is refused" '[ $rc -ne 0 ] && grep -q "already sharded over 3 servers, not 1" "$tmp/setup3.out"' \
  "$(cat "$tmp/setup3.out")"

# ---------- the same data on one node and through the coordinator; the daily roll-up on both
for db in single eco; do
  PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -h "$CO" -d "$db" -v years=2 -v last_year=2025 \
    -f test/shards/data.sql >"$tmp/load_$db.out" 2>&1 || echo "load $db failed" >>"$tmp/load_$db.out"
  pq "$CO" "$db" "SELECT eco.refresh_air_daily('2024-01-01', '2025-12-31')" >>"$tmp/load_$db.out" 2>&1 \
    || echo "refresh $db failed" >>"$tmp/load_$db.out"
done
pq "$CO" eco "ANALYZE eco.air_hourly; ANALYZE eco.air_daily" >>"$tmp/load_eco.out" 2>&1
check "data set loaded and rolled up on one node and on the coordinator" \
  '! grep -q failed "$tmp/load_single.out" "$tmp/load_eco.out"' "$(cat "$tmp/load_single.out" "$tmp/load_eco.out")"
counts=$(for s in "${S[@]}"; do pq "$s" eco "SELECT count(*) FROM eco.air_hourly"; done)
check "every shard holds part of the hourly rows, and nothing is left on the coordinator" \
  '[ "$(printf "%s\n" $counts | grep -c "^[1-9]")" -eq 3 ] &&
   [ "$(sum_lines $counts)" = "$(pq "$CO" single "SELECT count(*) FROM eco.air_hourly")" ] &&
   [ "$(pq "$CO" eco "SELECT count(*) FROM eco.air_hourly_unsharded")" = 0 ]' "shards: $counts"

# ---------- exact equality with the single node
same() { # name, SQL (a query whose whole output is compared as text)
  pq "$CO" single "$2" >"$tmp/a.txt" 2>&1; local ra=$?
  pq "$CO" eco "$2" >"$tmp/b.txt" 2>&1; local rb=$?
  check "$1" '[ $ra -eq 0 ] && [ $rb -eq 0 ] && [ -s "$tmp/a.txt" ] && cmp -s "$tmp/a.txt" "$tmp/b.txt"' \
    "$(diff "$tmp/a.txt" "$tmp/b.txt" | head -20)"
}
same "hourly rows identical" \
  "SELECT count(*), md5(string_agg(h::text, '|' ORDER BY h.site_code, h.hour_ending)) FROM eco.air_hourly h"
same "every daily row identical (all columns, AQI included)" \
  "SELECT count(*), count(aqi), md5(string_agg(d::text, '|' ORDER BY d.site_code, d.day)) FROM eco.air_daily d"
same "air_summary figures identical for the whole network, both provinces and four cities" \
  "SELECT a, s.* FROM unnest(ARRAY['', '42', '43', '4201', '4207', '4301', '4302']) a,
          eco.air_summary(a, '[2025-01-01,2026-01-01)') s ORDER BY a, s.ord"
same "air_summary identical for a part year" \
  "SELECT s.* FROM eco.air_summary('42', '[2025-03-01,2025-07-16)') s ORDER BY s.ord"
same "annual report identical (province, city, as_of)" \
  "SELECT 'all', r.* FROM eco.annual_report('', 2025) r
   UNION ALL SELECT '42', r.* FROM eco.annual_report('42', 2025) r
   UNION ALL SELECT '4207', r.* FROM eco.annual_report('4207', 2025, '2025-06-30') r"
PERSITE="SELECT d.site_code, eco.annual_mean(d.day, d.pm25) AS pm25, eco.annual_mean(d.day, d.pm10) AS pm10,
       eco.annual_mean(d.day, d.no2) AS no2, eco.annual_percentile(d.day, d.co, 0.95) AS co_p95,
       eco.annual_percentile(d.day, d.o3_8h, 0.90) AS o3_p90, eco.percentile(d.pm25, 0.98) AS pm25_p98,
       eco.good_day_ratio(d.aqi) AS good, count(*) AS days
FROM eco.air_daily d WHERE d.day BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY d.site_code"
same "per-site annual statistics identical" "$PERSITE ORDER BY 1"
PROVINCE="WITH per_site AS ($PERSITE)
SELECT left(s.area, 2) AS province, count(*) AS sites, avg(p.pm25::numeric) AS pm25, avg(p.co_p95::numeric) AS co_p95,
       avg(p.o3_p90::numeric) AS o3_p90, avg(p.good::numeric) AS good
FROM per_site p JOIN eco.site s ON s.code = p.site_code GROUP BY left(s.area, 2)"
same "province figures from per-site statistics identical" "$PROVINCE ORDER BY 1"
DAILY="SELECT h.site_code, eco.report_day(h.hour_ending) AS day, eco.daily_mean(h.pm25) AS pm25,
       eco.mda8(eco.report_hour(h.hour_ending), h.o3) AS o3_8h, count(*) AS n
FROM eco.air_hourly h WHERE h.hour_ending > '2025-01-01' AND h.hour_ending <= '2026-01-01' GROUP BY h.site_code, day"
same "ad-hoc daily roll-up identical" "SELECT count(*), md5(string_agg(x::text, '|' ORDER BY x.site_code, x.day)) FROM ($DAILY) x"
EXCEED="SELECT d.site_code, d.day, eco.exceedance_multiple(d.pm25, eco.limit_value('PM2.5', '24h')) AS m
FROM eco.air_daily d
WHERE d.day BETWEEN '2025-01-01' AND '2025-12-31' AND eco.exceedance_multiple(d.pm25, eco.limit_value('PM2.5', '24h')) > 0"
RUNS="WITH e AS ($EXCEED), g AS (SELECT e.*, e.day - (row_number() OVER (PARTITION BY e.site_code ORDER BY e.day))::integer AS grp FROM e)
SELECT site_code, min(day) AS first_day, max(day) AS last_day, count(*) AS days, max(m) AS worst_multiple
FROM g GROUP BY site_code, grp"
same "PM2.5 exceedance runs per site identical" "SELECT count(*), md5(string_agg(r::text, '|' ORDER BY r.site_code, r.first_day)) FROM ($RUNS) r"
check "the exceedance runs are not empty" '[ "$(pq "$CO" eco "SELECT count(*) > 10 FROM ($RUNS) r")" = t ]'

# ---------- the same roll-up run by each shard on its own rows (nothing crosses the network)
pq "$CO" eco "UPDATE eco.air_daily SET aqi = NULL WHERE day = '2025-05-05'" 2>>"$tmp/err"
PSQL="$BIN/psql" bash scripts/eco_shards.sh --each-shard "host=$CO port=$PGPORT dbname=eco" \
  "SELECT eco.refresh_air_daily('2024-01-01', '2025-12-31')" >"$tmp/each.out" 2>&1; rc=$?
check "eco_shards.sh --each-shard runs the daily roll-up on the three shards" \
  '[ $rc -eq 0 ] && [ "$(grep -c "^eco_shard_[123]: [0-9]" "$tmp/each.out")" -eq 3 ]' "$(cat "$tmp/each.out")"
same "every daily row identical after the shard-local roll-up" \
  "SELECT count(*), count(aqi), md5(string_agg(d::text, '|' ORDER BY d.site_code, d.day)) FROM eco.air_daily d"

# ---------- online monitoring (HJ 212): per-outlet exceedance search on the shards
PACKETS=$(cat test/shards/outlet_packets.sql)
LIMITS="INSERT INTO eco.outlet_limit (mn, code, limit_value, unit, standard, reference_o2)
  SELECT mn, c, CASE c WHEN 'a21026' THEN 50 ELSE 10 END, 'mg/m³', 'GB 13223-2011', 6
  FROM eco.outlet, unnest(ARRAY['a21026', 'a34013']) c WHERE mn LIKE 'HJSH%' ORDER BY 1, 2"
OUTLET_CHECKS=5
if [ "$HJ" = t ]; then
  : >"$tmp/hj.err"
  # sources and outlets everywhere (each shard's limits reference its outlets); limits through the coordinator
  for h in "$CO" "${S[@]}"; do
    PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -h "$h" -d eco -f test/shards/outlets.sql >>"$tmp/hj.err" 2>&1
  done
  PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -h "$CO" -d single -f test/shards/outlets.sql >>"$tmp/hj.err" 2>&1
  pq "$CO" single "$LIMITS" >>"$tmp/hj.err" 2>&1; pq "$CO" eco "$LIMITS" >>"$tmp/hj.err" 2>&1
  # one node: stage and ingest; shards: each packet staged on the shard that holds its MN, each shard ingests its own
  pq "$CO" single "INSERT INTO eco.hj212_staging (line) SELECT p.line FROM ($PACKETS) p;
                   SELECT count(*) FROM eco.hj212_ingest()" >>"$tmp/hj.err" 2>&1
  for i in 0 1 2; do
    pq "$CO" eco "COPY (SELECT p.line FROM ($PACKETS) p
                        WHERE satisfies_hash_partition('eco.outlet_reading'::regclass, 3, $i, p.mn)) TO STDOUT" |
      pq "${S[$i]}" eco "COPY eco.hj212_staging (line) FROM STDIN" >>"$tmp/hj.err" 2>&1
  done
  PSQL="$BIN/psql" bash scripts/eco_shards.sh --each-shard "host=$CO port=$PGPORT dbname=eco" \
    "SELECT count(*) FROM eco.hj212_ingest()" >>"$tmp/hj.err" 2>&1 || echo "ingest on the shards failed" >>"$tmp/hj.err"
  same "online monitoring: every packet stored identically (ingested on the shards)" \
    "SELECT count(*), md5(string_agg(concat_ws('/', r.mn, r.cn, r.data_time, r.area, r.codes, r.flags, r.vals, r.revision), '|'
            ORDER BY r.mn, r.cn, r.data_time)) FROM eco.outlet_reading r"
  same "online monitoring: per-outlet exceedance runs identical" \
    "SELECT r.* FROM eco.outlet_exceedance_runs('', '[2026-03-01,2026-03-05)') r"
  same "online monitoring: hourly exceedances identical" \
    "SELECT e.* FROM eco.outlet_exceedances('', '[2026-03-01,2026-03-05)') e"
  check "online monitoring: the runs are not empty and some cross midnight" \
    '[ "$(pq "$CO" eco "SELECT count(*) > 5 AND bool_or(run_start::date < (run_end - interval '"'"'1 hour'"'"')::date) FROM eco.outlet_exceedance_runs('"''"', '"'"'[2026-03-01,2026-03-05)'"'"')")" = t ]' \
    "$(cat "$tmp/hj.err")"
  PGOPTIONS="-c client_min_messages=log" "$BIN/psql" -X -q -At -h "$CO" -d eco -c "LOAD 'auto_explain';
    SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_verbose = on;
    SELECT count(*) FROM eco.outlet_exceedance_runs('', '[2026-03-01,2026-03-05)')" >"$tmp/plan_outlet.txt" 2>&1
  check "online monitoring: the readings-to-limits join of the search runs on the shards (three asynchronous scans)" \
    '[ "$(grep "Remote SQL" "$tmp/plan_outlet.txt" | grep -c "eco.outlet_reading r[0-9]* INNER JOIN eco.outlet_limit")" -ge 3 ] &&
     [ "$(grep -c "Async Foreign Scan" "$tmp/plan_outlet.txt")" -ge 3 ]' \
    "$(grep -E "Remote SQL|Foreign Scan|Join" "$tmp/plan_outlet.txt" | head -12)"
else
  for i in $(seq "$OUTLET_CHECKS"); do
    n=$((n + 1)); echo "ok $n # SKIP the extension has no online-monitoring tables (eco.outlet_reading)"
  done
fi

# ---------- row-level security on the coordinator: a reader of one city sees that city's figures only
for db in single eco; do
  pq "$CO" "$db" "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eco_city_reader') THEN
                    CREATE ROLE eco_city_reader LOGIN; END IF; END \$\$;
                  INSERT INTO eco.area_grant VALUES ('eco_city_reader', '4207') ON CONFLICT DO NOTHING" 2>>"$tmp/err"
done
pq "$CO" single "SET ROLE eco_city_reader; SELECT s.* FROM eco.air_summary('', '[2025-01-01,2026-01-01)') s" \
  >"$tmp/rls_a.txt" 2>&1
pq "$CO" eco "SET ROLE eco_city_reader; SELECT s.* FROM eco.air_summary('', '[2025-01-01,2026-01-01)') s" \
  >"$tmp/rls_b.txt" 2>&1
check "a reader granted one city gets that city's figures on the coordinator, as on one node" \
  'cmp -s "$tmp/rls_a.txt" "$tmp/rls_b.txt" && [ "$(pq "$CO" eco "SET ROLE eco_city_reader; SELECT count(DISTINCT site_code) FROM eco.air_daily")" = 4 ]' \
  "$(diff "$tmp/rls_a.txt" "$tmp/rls_b.txt" | head; pq "$CO" eco "SET ROLE eco_city_reader; SELECT count(DISTINCT site_code) FROM eco.air_daily" 2>&1)"

# ---------- plans: per-site work on the shards, city and province figures on the coordinator
explain() { pq "$CO" eco "EXPLAIN (VERBOSE, COSTS OFF) $1" 2>&1; }
explain "$DAILY" >"$tmp/plan_daily.txt"
check "daily roll-up: three asynchronous foreign scans, each an aggregate on one shard" \
  '[ "$(grep -c "Async Foreign Scan" "$tmp/plan_daily.txt")" -eq 3 ] && [ "$(grep -c "Relations: Aggregate on" "$tmp/plan_daily.txt")" -eq 3 ]' \
  "$(cat "$tmp/plan_daily.txt")"
check "daily roll-up: the remote SQL runs eco.daily_mean, eco.mda8 and eco.report_day, grouped per site-day, on the shards" \
  '[ "$(grep "Remote SQL:" "$tmp/plan_daily.txt" | grep "eco.daily_mean(" | grep "eco.mda8(eco.report_hour(" | grep "eco.report_day(" | grep -c "GROUP BY 1, 2")" -eq 3 ]' \
  "$(cat "$tmp/plan_daily.txt")"
explain "$PERSITE" >"$tmp/plan_persite.txt"
check "per-site annual statistics: eco.annual_mean, eco.annual_percentile, eco.good_day_ratio run on the shards" \
  '[ "$(grep "Remote SQL:" "$tmp/plan_persite.txt" | grep "eco.annual_mean(" | grep "eco.annual_percentile(" | grep "eco.good_day_ratio(" | grep -c "GROUP BY 1")" -eq 3 ] &&
   [ "$(grep -c "Async Foreign Scan" "$tmp/plan_persite.txt")" -eq 3 ]' "$(cat "$tmp/plan_persite.txt")"
explain "$PROVINCE" >"$tmp/plan_province.txt"
check "province figures: combined on the coordinator (aggregate above the append) from per-site aggregates pushed to the shards" \
  'grep -q "Relations: Aggregate on" "$tmp/plan_province.txt" && [ "$(grep -c "Async Foreign Scan" "$tmp/plan_province.txt")" -eq 3 ] &&
   head -3 "$tmp/plan_province.txt" | grep -Eq "(Hash|Group)Aggregate|Sort"' "$(cat "$tmp/plan_province.txt")"
explain "$EXCEED" >"$tmp/plan_exceed.txt"
check "exceedance search: eco.exceedance_multiple filters on the shards (eco.limit_value folded on the coordinator)" \
  '[ "$(grep "Remote SQL:" "$tmp/plan_exceed.txt" | grep -c "WHERE.*eco.exceedance_multiple(pm25, ")" -eq 3 ]' \
  "$(cat "$tmp/plan_exceed.txt")"
# The report's own query (inside eco.air_summary): per-site daily rows fetched from the shards, the city day
# figures aggregated on the coordinator.
PGOPTIONS="-c client_min_messages=log" "$BIN/psql" -X -q -At -h "$CO" -d eco -c "LOAD 'auto_explain';
  SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_verbose = on;
  SELECT count(*) FROM eco.air_summary('42', '[2025-01-01,2026-01-01)')" >"$tmp/plan_report.txt" 2>&1
check "air_summary: reads per-site daily rows with three asynchronous foreign scans, city figures aggregated on the coordinator" \
  'nscan=$(grep -c "Async Foreign Scan on eco.air_daily_shard_" "$tmp/plan_report.txt"); [ "$nscan" -ge 3 ] && [ $((nscan % 3)) -eq 0 ] &&
   ! grep "Remote SQL" "$tmp/plan_report.txt" | grep -q "GROUP BY" && grep -q "GroupAggregate\|HashAggregate" "$tmp/plan_report.txt"' \
  "$(grep -E "Aggregate|Foreign|Remote|Append" "$tmp/plan_report.txt" | head -20)"

# eco.refresh_air_daily itself on the coordinator: its per-site-day aggregation is the part sent to the shards
PGOPTIONS="-c client_min_messages=log" "$BIN/psql" -X -q -At -h "$CO" -d eco -c "LOAD 'auto_explain';
  SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; SET auto_explain.log_verbose = on;
  SELECT eco.refresh_air_daily('2025-01-01', '2025-01-31')" >"$tmp/plan_refresh.txt" 2>&1
check "eco.refresh_air_daily on the coordinator: the hourly rows are aggregated per site-day on the three shards" \
  '[ "$(grep "Remote SQL" "$tmp/plan_refresh.txt" | grep "FROM eco.air_hourly" | grep -E "eco\._air_day_rollup\(|eco\.daily_mean\(" | grep -c "GROUP BY")" -ge 3 ] &&
   ! grep "Remote SQL" "$tmp/plan_refresh.txt" | grep "FROM eco.air_hourly" | grep -vq "GROUP BY"' \
  "$(grep -E "Remote SQL|Foreign Scan|Query Text" "$tmp/plan_refresh.txt" | cut -c1-200 | head -16)"

# ---------- Citus readiness: every aggregate can be split into partial and combined parts
CITUS="SELECT a.aggfnoid::regprocedure FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend dep ON dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid AND dep.deptype = 'e'
JOIN pg_extension e ON e.oid = dep.refobjid AND e.extname = 'eco_monitor'
WHERE a.aggcombinefn = 0 OR (a.aggtranstype = 'internal'::regtype AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0))
   OR a.aggkind <> 'n' OR p.proparallel <> 's'"
check "every eco_monitor aggregate has a combine function, a serialisable state and is parallel safe" \
  '[ -z "$(pq "$CO" single "$CITUS" 2>&1)" ] && [ "$(pq "$CO" single "SELECT count(*) > 5 FROM pg_aggregate a JOIN pg_depend d ON d.objid = a.aggfnoid AND d.deptype = '"'"'e'"'"' JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = '"'"'eco_monitor'"'"'")" = t ]' \
  "$(pq "$CO" single "$CITUS" 2>&1)"
# for the record: the aggregates whose state is not a pseudo-type (Citus splits only those when a query is not
# grouped by the distribution column; the others then run on rows gathered to the Citus coordinator)
echo "# state not internal (Citus worker_partial_agg-able): $(pq "$CO" single "SELECT string_agg(a.aggfnoid::regprocedure::text, ', ' ORDER BY a.aggfnoid::regprocedure::text)
  FROM pg_aggregate a JOIN pg_depend d ON d.objid = a.aggfnoid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor' WHERE a.aggtranstype <> 'internal'::regtype")"
# partial aggregation equals plain aggregation bit for bit (what Citus does across workers)
PAR="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;"
pq "$CO" single "SET max_parallel_workers_per_gather = 0; $PERSITE ORDER BY 1" >"$tmp/serial.txt" 2>&1
pq "$CO" single "$PAR $PERSITE ORDER BY 1" >"$tmp/parallel.txt" 2>&1
check "per-site statistics with partial aggregation (parallel) equal the serial result" \
  '[ -s "$tmp/serial.txt" ] && cmp -s "$tmp/serial.txt" "$tmp/parallel.txt"' "$(diff "$tmp/serial.txt" "$tmp/parallel.txt" | head)"

# ---------- failure: one shard down gives an error naming it, never a partial figure
# a session whose connections to every shard are open when shard 2 goes down
"$BIN/psql" -X -q -At -h "$CO" -d eco >"$tmp/down_open.txt" 2>&1 <<SQL
SELECT 'before', count(*) FROM eco.air_daily;
\\! bash scripts/cluster.sh halt "${S[1]}" >/dev/null 2>&1
SELECT 'after', count(*) FROM eco.air_daily;
SQL
check "shard 2 goes down under an open session: its next query fails naming eco_shard_2, no partial count" \
  'grep -q "^before|" "$tmp/down_open.txt" && ! grep -q "^after" "$tmp/down_open.txt" &&
   grep -q "eco_shard_2" "$tmp/down_open.txt"' "$(cat "$tmp/down_open.txt")"
for q in report persite daily; do
  case $q in
    report) sql="SELECT * FROM eco.annual_report('', 2025)" ;;
    persite) sql="$PERSITE" ;;
    daily) sql="SELECT eco.refresh_air_daily('2025-01-01', '2025-01-31')" ;;
  esac
  pq "$CO" eco "$sql" >"$tmp/down_$q.out" 2>"$tmp/down_$q.txt"; rc=$?
  check "shard 2 down: $q fails with an error naming server eco_shard_2 and no rows" \
    '[ $rc -ne 0 ] && grep -q "^ERROR: .*could not connect to server \"eco_shard_2\"" "$tmp/down_$q.txt" && [ ! -s "$tmp/down_$q.out" ]' \
    "$(head -5 "$tmp/down_$q.txt")"
done
PSQL="$BIN/psql" bash scripts/eco_shards.sh --each-shard "host=$CO port=$PGPORT dbname=eco" "SELECT 1" \
  >"$tmp/each_down.out" 2>&1; rc=$?
check "shard 2 down: --each-shard fails and names eco_shard_2" \
  '[ $rc -ne 0 ] && grep -q "shard eco_shard_2 failed" "$tmp/each_down.out" && grep -q "^eco_shard_1: 1" "$tmp/each_down.out"' \
  "$(cat "$tmp/each_down.out")"
check "shard 2 down: the daily rows were left untouched (the failed roll-up rolled back)" \
  '[ "$(pq "$CO" eco "SELECT count(*) FROM eco.air_daily_shard_1 WHERE day <= '"'"'2025-01-31'"'"' AND day >= '"'"'2025-01-01'"'"'")" -gt 0 ]'
check "shard 2 down: a query that needs only shard 3 still answers" \
  '[ "$(pq "$CO" eco "SELECT count(*) > 0 FROM eco.air_daily_shard_3")" = t ]'

[ "$n" -eq 45 ] || echo "# planned 45 tests, ran $n"
exit $((failed > 0))
