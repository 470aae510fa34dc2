#!/usr/bin/env bash
# The main job of a monitoring network, end to end, three ways in one run (figures in bench/README.md):
#   load a year of hourly readings (STATIONS x 8760 hours, ~3 % of the hours missing, six pollutants),
#   roll them up into valid daily values with MDA8 and the daily AQI, compute each station's annual statistics;
#   1. the extension: parallel COPY into eco.air_hourly (logged, validated, keyed), eco.refresh_air_daily,
#      eco.annual_mean / eco.annual_percentile / eco.good_day_ratio over eco.air_daily;
#   2. a straightforward pandas script (bench/rollup_pandas.py, Debian's python3-pandas);
#   3. plain SQL on a plain table (bench/rollup_plain.sql);
# plus the floor query (grouped avg/max/count into a table).  The three results are compared row for row.
# usage: STATIONS=50 LOAD_JOBS=2 bash bench/rollup.sh      (needs PG_CONFIG like make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
STATIONS=${STATIONS:-50}
LOAD_JOBS=${LOAD_JOBS:-2}
YEAR=2025          # a whole year under HJ 633-2012 (HJ 633-2026 applies from 2026-03-01)
PY=/usr/bin/python3
if ! $PY -c 'import pandas' 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends python3-pandas \
    || { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends python3-pandas; }
fi
source scripts/lib.sh
eco_cluster_with_db eco_bench
work=$(mktemp -d /tmp/eco_rollup_bench.XXXXXX)
chmod 777 "$work"
trap 'bash scripts/cluster.sh stop "$ECO_PGDIR"; rm -rf "$work"' EXIT
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d eco_bench "$@"; }
now() { date +%s.%N; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(load)"
echo "== stations $STATIONS, year $YEAR, $LOAD_JOBS load streams"

# ---------- data (not timed): CSV files in time order (hour by hour, every station), split by time ----------
# (ORDER BY: without it the planner's join order wrote each station's hours in long runs, which favoured a
# station-first key; the network's files and HJ 212 packets arrive hour by hour)
hours=$(( $(date -d "$((YEAR + 1))-01-01" +%s) / 3600 - $(date -d "$YEAR-01-01" +%s) / 3600 ))
per=$(( (hours + LOAD_JOBS - 1) / LOAD_JOBS ))
for j in $(seq 0 $((LOAD_JOBS - 1))); do
  q -c "COPY (
    SELECT 'S' || lpad(s::text, 4, '0'), t,
           CASE WHEN r % 211 = 0 THEN NULL ELSE round(4 + 26 * f * a)::float8 END,
           CASE WHEN r % 223 = 0 THEN NULL ELSE round(12 + 50 * f * b)::float8 END,
           round((0.3 + 1.6 * f * a * b)::numeric, 1)::float8,
           CASE WHEN r % 227 = 0 THEN NULL ELSE round(10 + 170 * c * (0.55 + 0.45 * sin((extract(hour FROM t) - 9) / 24.0 * 6.2832)) * (1.4 - 0.6 * f))::float8 END,
           round(25 + 150 * f * b)::float8,
           CASE WHEN r % 229 = 0 THEN NULL ELSE round(10 + 110 * f * a * b)::float8 END,
           r % 997 < 4
    FROM generate_series($((j * per)), least($(( (j + 1) * per - 1 )), $((hours - 1)))) g
    CROSS JOIN LATERAL (SELECT timestamp '$YEAR-01-01 01:00' + g * interval '1 hour' AS t) tt
    CROSS JOIN generate_series(1, $STATIONS) s
    CROSS JOIN LATERAL (SELECT abs(hashint4(s * 7919 + g)) AS r,
                               greatest(0.08, 0.55 + 0.45 * cos((g / 24) / 365.0 * 6.2832) + 0.3 * sin(s + g / 96)) AS f,
                               abs(sin(s * 12.9898 + g * 0.0782)) AS a, abs(sin(s * 39.3468 + g * 0.1113)) AS b,
                               abs(sin(s * 73.156 + g * 0.05223)) AS c) x
    WHERE abs(hashint4(s * 104729 + g / 4)) % 100 >= 3
    ORDER BY g, s
  ) TO '$work/hourly_$j.csv' (FORMAT csv)"
done
rows=$(cat "$work"/hourly_*.csv | wc -l)
echo "rows: $rows ($(du -shc "$work"/hourly_*.csv | tail -1 | cut -f1) of CSV)"
q -c "COPY (SELECT * FROM eco.aqi_breakpoints WHERE standard::text = 'HJ633-2012') TO '$work/bp.csv' (FORMAT csv, HEADER)"

# ---------- 1. the extension ----------
echo "== extension  ($(load))"
t0=$(now)
pids=()
for f in "$work"/hourly_*.csv; do
  q -c "COPY eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25, dust) FROM '$f' (FORMAT csv)" &
  pids+=($!)
done
# Another session reads while the data loads (nothing blocks it: a lock wait over 2 s would fail the probe).
# The probe is a dashboard's query, one hour of every station, by the key: light, so that it does not compete
# with the load for the two cores (an earlier probe, the latest hour of the whole table, walked every uncommitted
# entry of the loading streams at each call: about 2 s of CPU per call by the end of an 800-station load).
( n=0; while [ ! -e "$work/loaded" ]; do
    q -c "SET lock_timeout = '2s'; SELECT count(*) FROM eco.air_hourly WHERE hour_ending = timestamp '$YEAR-07-01 12:00'" >/dev/null \
      && n=$((n + 1)); sleep 0.5
  done; echo "$n" >"$work/probe" ) &
probe_pid=$!
for p in "${pids[@]}"; do wait "$p"; done
t1=$(now)
touch "$work/loaded"; wait "$probe_pid"
[ "$(q -c 'SELECT count(*) FROM eco.air_hourly')" = "$rows" ] || { echo "load failed"; exit 1; }
q -c "SELECT eco.refresh_air_daily('$YEAR-01-01', '$YEAR-12-31')" >/dev/null
t2=$(now)
q -f bench/rollup_annual.sql -v src=eco.air_daily -v dst=ext_annual -v year=$YEAR
t3=$(now)
echo "queries of eco.air_hourly answered by another session during the load: $(cat "$work/probe")"

# ---------- floor: grouped avg/max/count into a table, over the same rows ----------
q -c "VACUUM ANALYZE eco.air_hourly" >/dev/null
t4=$(now)
q -c "CREATE TABLE floor_daily AS SELECT site_code, (hour_ending - interval '1 hour')::date AS day,
        avg(so2) AS so2, avg(no2) AS no2, avg(co) AS co, avg(o3) AS o3, avg(pm10) AS pm10, avg(pm25) AS pm25,
        max(o3) AS o3_1h, count(*) AS n FROM eco.air_hourly GROUP BY 1, 2"
t5=$(now)
# The refresh again, now on analysed data with hint bits set (as the floor sees it): the like-for-like ratio.
q -c "SELECT eco.refresh_air_daily('$YEAR-01-01', '$YEAR-12-31')" >/dev/null
t6=$(now)
q -c "EXPLAIN (COSTS OFF) CREATE TABLE x AS SELECT site_code, (hour_ending - interval '1 hour')::date AS day, avg(so2),
        max(o3), count(*) FROM eco.air_hourly GROUP BY 1, 2" | sed 's/^/  floor plan: /'

# ---------- 2. pandas ----------
echo "== pandas  ($(load))"
t7=$(now)
$PY bench/rollup_pandas.py "$work/bp.csv" "$work" "$work"/hourly_*.csv >"$work/pandas.out"
t8=$(now)
cat "$work/pandas.out"

# ---------- 3. plain SQL ----------
echo "== plain SQL  ($(load))"
q -c "CREATE TABLE plain_hourly (site_code text NOT NULL, hour_ending timestamp NOT NULL,
        so2 float8 CHECK (so2 >= 0), no2 float8 CHECK (no2 >= 0), co float8 CHECK (co >= 0), o3 float8 CHECK (o3 >= 0),
        pm10 float8 CHECK (pm10 >= 0), pm25 float8 CHECK (pm25 >= 0), dust boolean NOT NULL DEFAULT false,
        PRIMARY KEY (site_code, hour_ending));
      CREATE TABLE plain_bp AS SELECT * FROM eco.aqi_breakpoints WHERE standard::text = 'HJ633-2012'"
t9=$(now)
pids=()
for f in "$work"/hourly_*.csv; do
  q -c "COPY plain_hourly FROM '$f' (FORMAT csv)" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
t10=$(now)
[ "$(q -c 'SELECT count(*) FROM plain_hourly')" = "$rows" ] || { echo "plain load failed"; exit 1; }
q -f bench/rollup_plain.sql -v year=$YEAR
t11=$(now)
q -f bench/rollup_annual_plain.sql
t12=$(now)

# ---------- agreement, row for row ----------
q -c "CREATE TABLE pd_daily (site_code text, day date, so2 float8, no2 float8, co float8, o3 float8, pm10 float8,
        pm25 float8, o3_1h float8, o3_8h float8, n_hours int, aqi int, aqi_level int, primary_pollutants text,
        dust boolean);
      COPY pd_daily FROM '$work/daily.csv' (FORMAT csv);
      CREATE TABLE pd_annual (site_code text, so2 float8, no2 float8, pm10 float8, pm25 float8, co_p95 float8,
        o3_8h_p90 float8, good_day_ratio float8, aqi_days int);
      COPY pd_annual FROM '$work/annual.csv' (FORMAT csv);"
q -f bench/rollup_compare.sql

# ---------- figures ----------
f() { echo "$1 - $2" | bc -l | awk '{printf "%.2f", $1}'; }
r() { echo "$1 / $2" | bc -l | awk '{printf "%.2f", $1}'; }
e_load=$(f "$t1" "$t0"); e_roll=$(f "$t2" "$t1"); e_ann=$(f "$t3" "$t2"); e_all=$(f "$t3" "$t0")
fl=$(f "$t5" "$t4"); e_roll2=$(f "$t6" "$t5")
p_load=$(sed -n 's/pandas_load_s=//p' "$work/pandas.out"); p_roll=$(sed -n 's/pandas_rollup_s=//p' "$work/pandas.out")
p_ann=$(sed -n 's/pandas_annual_s=//p' "$work/pandas.out"); p_all=$(f "$t8" "$t7")
p_sum=$(echo "$p_load + $p_roll + $p_ann" | bc -l | awk '{printf "%.2f", $1}')
s_load=$(f "$t10" "$t9"); s_roll=$(f "$t11" "$t10"); s_ann=$(f "$t12" "$t11"); s_all=$(f "$t12" "$t9")
echo "== figures (s), $STATIONS stations, $rows rows; $(load)"
printf '%-28s %10s %10s %10s\n' step extension pandas "plain SQL"
printf '%-28s %10s %10s %10s\n' load "$e_load" "$p_load" "$s_load"
printf '%-28s %10s %10s %10s\n' "daily roll-up" "$e_roll" "$p_roll" "$s_roll"
printf '%-28s %10s %10s %10s\n' "annual statistics" "$e_ann" "$p_ann" "$s_ann"
printf '%-28s %10s %10s %10s\n' "end to end" "$e_all" "$p_sum (process $p_all)" "$s_all"
echo "extension / pandas end to end: $(r "$e_all" "$p_sum")   (aim <= 1)"
echo "plain SQL / extension end to end: $(r "$s_all" "$e_all")"
echo "floor (avg/max/count into a table): $fl s; refresh on the same analysed rows: $e_roll2 s; roll-up / floor: $(r "$e_roll2" "$fl") (aim <= 1.5); first refresh / floor: $(r "$e_roll" "$fl")"
