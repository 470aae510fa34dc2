#!/usr/bin/env bash
# Benchmark: the national air network on one node versus a coordinator and three local postgres_fdw shards.
#   PG_CONFIG=... bash bench/shards.sh [SITES ...]      (default: 170 1700 = 1/10 and the full network)
# A year of hourly readings (8,760 hours) per station.  Five throwaway clusters on this machine: one single node,
# one coordinator, three shards (set up with scripts/eco_shards.sh).  Each size is loaded, rolled up and reported
# on both; every step prints its time on one node, on the shards, their ratio and rows/s, and the figures of the
# two paths are compared (they must be equal).  Not a test: nothing is asserted on time.
# Steps:
#   load        INSERT ... SELECT of the generated year, three loader sessions at once (a third of the stations
#               each); on the coordinator the rows are routed to the shards in batches of 1000
#   floor       SELECT count(*) over the hourly rows (the price of reading the rows, nothing computed)
#   rollup-q    the per-site daily roll-up as a query (eco.daily_mean x6, eco.mda8, GROUP BY site, day)
#   refresh     eco.refresh_air_daily for the year (on the coordinator: aggregates on the shards, rows written back)
#   refresh-sh  eco.refresh_air_daily run on the three shards at once (scripts/eco_shards.sh --each-shard;
#               nothing crosses the network)
#   persite     annual per-site statistics (eco.annual_mean, eco.annual_percentile, eco.good_day_ratio)
#   province    province figures combined on the coordinator from the per-site statistics
#   report      eco.annual_report('', year)
set -euo pipefail
cd "$(dirname "$0")/.."
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
BIN=$("$PG_CONFIG" --bindir)
export PGUSER=postgres
SIZES=${*:-"170 1700"}
YEAR=2025
source scripts/lib.sh
eco_build_locked
dirs=()
trap 'for d in "${dirs[@]}"; do bash scripts/cluster.sh stop "$d"; done' EXIT
for c in single co s1 s2 s3; do
  env_line=$(bash scripts/cluster.sh start)
  dirs+=("$(printf '%s\n' "$env_line" | sed -n 's/.*ECO_PGDIR=\([^ ]*\).*/\1/p')")
  export PGPORT=$(printf '%s\n' "$env_line" | sed -n 's/.*PGPORT=\([^ ]*\).*/\1/p')
done
ONE=${dirs[0]}; CO=${dirs[1]}; S=("${dirs[2]}" "${dirs[3]}" "${dirs[4]}")
for d in "${dirs[@]}"; do "$BIN/createdb" -h "$d" eco; done
pq() { PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -h "$1" -d eco -c "$2"; }
pq "$ONE" "CREATE EXTENSION eco_monitor CASCADE"
PSQL="$BIN/psql" bash scripts/eco_shards.sh "host=$CO port=$PGPORT dbname=eco" \
  "host=${S[0]} port=$PGPORT dbname=eco" "host=${S[1]} port=$PGPORT dbname=eco" "host=${S[2]} port=$PGPORT dbname=eco"

# Stations over the 31 provinces, 4 cities each; readings with gaps, NULLs and dust as in test/shards/data.sql.
sites_sql() { # sites
  cat <<SQL
INSERT INTO eco.site (code, name, kind, control_level, area)
SELECT 'N' || lpad(i::text, 4, '0'), '站' || i, 'air', '国控',
       (ARRAY[11,12,13,14,15,21,22,23,31,32,33,34,35,36,37,41,42,43,44,45,46,50,51,52,53,54,61,62,63,64,65])[1 + i % 31]::text
       || lpad((1 + (i / 31) % 4)::text, 2, '0') || '01'
FROM generate_series(1, $1) i;
SQL
}
gen() { # part (0..2): the stations of one loader session
  cat <<SQL
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25, dust)
SELECT s.code, h,
       CASE WHEN x % 97 = 0 THEN NULL ELSE 3 + (x % 400) / 10.0 END,
       CASE WHEN x % 89 = 0 THEN NULL ELSE 10 + ((x >> 3) % 700) / 10.0 END,
       CASE WHEN x % 83 = 0 THEN NULL ELSE 0.2 + ((x >> 5) % 250) / 100.0 END,
       CASE WHEN x % 79 = 0 THEN NULL
            ELSE greatest(0, 20 + 90 * sin(pi() * (extract(hour FROM h) - 6) / 14.0) * (1 + extract(month FROM h) / 12.0)
                             + ((x >> 7) % 300) / 10.0)::numeric(10,1)::float8 END,
       CASE WHEN x % 73 = 0 THEN NULL ELSE (60 + ((x >> 9) % 1800) / 10.0 + 40 * cos(extract(doy FROM h) / 58.0))::numeric(10,1)::float8 END,
       CASE WHEN x % 71 = 0 THEN NULL ELSE (35 + ((x >> 11) % 1100) / 10.0 + 30 * cos(extract(doy FROM h) / 58.0))::numeric(10,1)::float8 END,
       extract(month FROM h) IN (3, 4) AND extract(day FROM h) IN (7, 8) AND s.code < 'N0100'
FROM eco.site s
CROSS JOIN generate_series(make_timestamp($YEAR, 1, 1, 1, 0, 0), make_timestamp($YEAR + 1, 1, 1, 0, 0, 0), interval '1 hour') AS h
CROSS JOIN LATERAL (SELECT abs(hashtext(s.code || h::text))::bigint AS x) r
WHERE substr(s.code, 2)::int % 3 = $1
  AND NOT (extract(doy FROM h)::int % 23 = (ascii(substr(s.code, 5)) % 23) AND extract(hour FROM h) BETWEEN 2 AND 7)
  AND x % 211 <> 0;
SQL
}
ROLLUP_Q="SELECT count(*), sum(pm25::numeric), sum(o3_8h::numeric), sum(so2::numeric) FROM (SELECT h.site_code, eco.report_day(h.hour_ending) AS day,
  eco.daily_mean(h.so2) AS so2, eco.daily_mean(h.no2) AS no2, eco.daily_mean(h.co) AS co, eco.daily_mean(h.o3) AS o3,
  eco.daily_mean(h.pm10) AS pm10, eco.daily_mean(h.pm25) AS pm25, eco.mda8(eco.report_hour(h.hour_ending), h.o3) AS o3_8h
  FROM eco.air_hourly h GROUP BY h.site_code, day) q"
PERSITE="SELECT d.site_code, eco.annual_mean(d.day, d.pm25) AS pm25, eco.annual_mean(d.day, d.pm10) AS pm10,
  eco.annual_mean(d.day, d.no2) AS no2, eco.annual_mean(d.day, d.so2) AS so2, eco.annual_percentile(d.day, d.co, 0.95) AS co_p95,
  eco.annual_percentile(d.day, d.o3_8h, 0.90) AS o3_p90, eco.good_day_ratio(d.aqi) AS good
  FROM eco.air_daily d WHERE d.day BETWEEN '$YEAR-01-01' AND '$YEAR-12-31' GROUP BY d.site_code"
PERSITE_Q="SELECT count(*), md5(string_agg(p::text, '|' ORDER BY p.site_code)) FROM ($PERSITE) p"
PROVINCE_Q="SELECT md5(string_agg(x::text, '|' ORDER BY x.province)) FROM (SELECT left(s.area, 2) AS province, count(*),
  avg(p.pm25::numeric) AS pm25, avg(p.co_p95::numeric) AS co, avg(p.good::numeric) AS good
  FROM ($PERSITE) p JOIN eco.site s ON s.code = p.site_code GROUP BY 1) x"
REPORT_Q="SELECT md5(string_agg(r::text, '|' ORDER BY r.seq)) FROM eco.annual_report('', $YEAR) r"

now() { date +%s.%N; }
declare -A T R
run() { # key host sql -> time in T[key|host], result in R[key|host]
  local t0 t1; t0=$(now); R["$1|$2"]=$(pq "$2" "$3"); t1=$(now)
  T["$1|$2"]=$(echo "$t1 - $t0" | awk '{printf "%.2f", $1 - $3}')
}
row() { # key label rows
  local a=${T["$1|$ONE"]} b=${T["$1|$CO"]} eq="same"
  [ "${R["$1|$ONE"]}" = "${R["$1|$CO"]}" ] || eq="DIFFERENT"
  awk -v k="$2" -v a="$a" -v b="$b" -v n="$3" -v eq="$eq" 'BEGIN {
    printf "%-11s %9.2f %9.2f %7.2f %12.0f %12.0f  %s\n", k, a, b, b / a, n / a, n / b, eq }'
}
declare -A FULL
for sites in $SIZES; do
  pq "$ONE" "TRUNCATE eco.air_hourly, eco.air_daily; DELETE FROM eco.site"
  pq "$CO" "TRUNCATE eco.air_hourly, eco.air_daily; DELETE FROM eco.site"
  pq "$ONE" "$(sites_sql "$sites")"; pq "$CO" "$(sites_sql "$sites")"
  for h in "$ONE" "$CO"; do  # three loader sessions at once, a third of the stations each
    t0=$(now); pids=()
    for part in 0 1 2; do pq "$h" "$(gen $part)" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p"; done
    t1=$(now); T["load|$h"]=$(echo "$t1 $t0" | awk '{printf "%.2f", $1 - $2}')
    R["load|$h"]=$(pq "$h" "SELECT count(*), sum(pm25::numeric), sum(o3::numeric) FROM eco.air_hourly")
  done
  pq "$ONE" "VACUUM ANALYZE eco.air_hourly"
  for s in "${S[@]}"; do pq "$s" "VACUUM ANALYZE eco.air_hourly"; done
  pq "$CO" "ANALYZE eco.air_hourly"
  rows=$(pq "$ONE" "SELECT count(*) FROM eco.air_hourly")
  run floor "$ONE" "SELECT count(*) FROM eco.air_hourly"; run floor "$CO" "SELECT count(*) FROM eco.air_hourly"
  run rollup-q "$ONE" "$ROLLUP_Q"; run rollup-q "$CO" "$ROLLUP_Q"
  run refresh "$ONE" "SELECT eco.refresh_air_daily('$YEAR-01-01', '$YEAR-12-31')"
  run refresh "$CO" "SELECT eco.refresh_air_daily('$YEAR-01-01', '$YEAR-12-31')"
  # the same roll-up run by each shard on its own rows, the three at once
  T["refresh-sh|$ONE"]=${T["refresh|$ONE"]}; R["refresh-sh|$ONE"]=${R["refresh|$ONE"]}
  t0=$(now)
  PSQL="$BIN/psql" bash scripts/eco_shards.sh --each-shard "host=$CO port=$PGPORT dbname=eco" \
    "SELECT eco.refresh_air_daily('$YEAR-01-01', '$YEAR-12-31')" >/dev/null
  t1=$(now); T["refresh-sh|$CO"]=$(echo "$t1 $t0" | awk '{printf "%.2f", $1 - $2}')
  R["refresh-sh|$CO"]=$(pq "$CO" "SELECT count(*) FROM eco.air_daily")
  pq "$ONE" "VACUUM ANALYZE eco.air_daily"
  for s in "${S[@]}"; do pq "$s" "VACUUM ANALYZE eco.air_daily"; done
  pq "$CO" "ANALYZE eco.air_daily"
  run persite "$ONE" "$PERSITE_Q"; run persite "$CO" "$PERSITE_Q"
  run province "$ONE" "$PROVINCE_Q"; run province "$CO" "$PROVINCE_Q"
  run report "$ONE" "$REPORT_Q"; run report "$CO" "$REPORT_Q"
  days=$(pq "$ONE" "SELECT count(*) FROM eco.air_daily")
  echo
  echo "== $sites stations x 8760 hours: $rows hourly rows, $days site-days"
  printf "%-11s %9s %9s %7s %12s %12s  %s\n" step "1 node s" "3 shards" ratio "rows/s 1" "rows/s 3" figures
  for k in load floor rollup-q refresh refresh-sh persite province report; do
    case $k in persite|province|report) n=$days ;; *) n=$rows ;; esac
    row "$k" "$k" "$n"
    FULL["$sites|$k|1"]=${T["$k|$ONE"]}; FULL["$sites|$k|3"]=${T["$k|$CO"]}
  done
  last=$sites
done
# growth from the first size to the last (x10 rows: linear growth is 10)
first=${SIZES%% *}
if [ "$first" != "$last" ]; then
  echo
  echo "== growth from $first to $last stations (time ratio; the rows grow $(awk -v a="$first" -v b="$last" 'BEGIN{printf "%.0f", b/a}')x)"
  printf "%-11s %9s %9s\n" step "1 node" "3 shards"
  for k in load floor rollup-q refresh refresh-sh persite province report; do
    awk -v k="$k" -v a1="${FULL["$first|$k|1"]}" -v b1="${FULL["$last|$k|1"]}" -v a3="${FULL["$first|$k|3"]}" \
        -v b3="${FULL["$last|$k|3"]}" 'BEGIN { printf "%-11s %9.1f %9.1f\n", k, b1 / a1, b3 / a3 }'
  done
fi
echo
echo "== EXPLAIN (ANALYZE, VERBOSE) of the per-site statistics on the coordinator ($last stations)"
pq "$CO" "EXPLAIN (ANALYZE, VERBOSE, COSTS OFF) $PERSITE"
echo
echo "== EXPLAIN (ANALYZE, VERBOSE) of the daily roll-up query on the coordinator ($last stations)"
pq "$CO" "EXPLAIN (ANALYZE, VERBOSE, COSTS OFF) ${ROLLUP_Q}"
