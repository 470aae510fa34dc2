#!/usr/bin/env bash
# TAP: two sessions run eco.refresh_air_daily over overlapping day ranges at the same time, at every isolation level.
# The second one takes its snapshot before the first commits and then has to wait for it (checked in pg_locks):
# neither fails (no 23505 duplicate key, no serialization failure), and eco.air_daily ends equal to a refresh
# run alone.  Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth).
set -uo pipefail
BIN=/usr/lib/postgresql/15/bin
db="eco_race_$$"
work=$(mktemp -d /tmp/eco_race.XXXXXX)
chmod 755 "$work"
trap '"$BIN/dropdb" --if-exists "$db" >/dev/null 2>&1; rm -rf "$work"' EXIT
source test/shell/tap.bash
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" -c "$1"; }
levels=("read committed" "repeatable read" "serializable")
rounds=2
echo "1..$((2 + ${#levels[@]} * rounds * 4))"

"$BIN/createdb" "$db" 2>"$work/err" && q "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>>"$work/err"
tap "install" $? "$(head -3 "$work/err")"
# 8 sites x 62 days (January and February 2023), every hour.
q "INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
   SELECT 'R' || s, timestamp '2023-01-01 01:00' + g * interval '1 hour', 5 + s, 20 + g % 30, 0.7, 30 + (g * 7) % 150,
          60 + g % 40, 30 + (g * s) % 70
   FROM generate_series(1, 8) s, generate_series(0, 62 * 24 - 1) g;
   SELECT eco.refresh_air_daily('2023-01-01', '2023-02-28');
   CREATE TABLE race_expected AS SELECT * FROM eco.air_daily;" >/dev/null 2>"$work/err"
tap "data and a refresh run alone" $? "$(head -3 "$work/err")"

for level in "${levels[@]}"; do
  for r in $(seq 1 $rounds); do
    # A refreshes January..mid-February and holds its locks for a while; B takes its snapshot first (reading
    # eco.air_daily itself below SERIALIZABLE; under SERIALIZABLE a transaction that read rows A then replaces
    # has a true read/write dependency on A and gets PostgreSQL's serialization failure, so it reads the hours),
    # then refreshes mid-January..February (overlapping both months) while A still holds them.
    first="SELECT count(*) FROM eco.air_daily;"
    [ "$level" = serializable ] && first="SELECT count(*) FROM eco.air_hourly;"
    "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" >"$work/a.out" 2>"$work/a.err" <<SQL &
BEGIN ISOLATION LEVEL $level;
SELECT eco.refresh_air_daily('2023-01-01', '2023-02-15');
SELECT pg_sleep(1.5);
COMMIT;
SQL
    pa=$!
    sleep 0.3
    "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" >"$work/b.out" 2>"$work/b.err" <<SQL &
BEGIN ISOLATION LEVEL $level;
$first
SELECT eco.refresh_air_daily('2023-01-15', '2023-02-28');
COMMIT;
SQL
    pb=$!
    waited=0
    for i in $(seq 1 20); do
      n=$(q "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted" 2>/dev/null)
      if [ "${n:-0}" -gt 0 ]; then waited=1; break; fi
      sleep 0.05
    done
    wait $pa; ra=$?
    wait $pb; rb=$?
    tap "$level round $r: the second refresh waited for the first (advisory lock)" "$([ $waited -eq 1 ]; echo $?)"
    tap "$level round $r: first refresh succeeds" "$ra" "$(head -3 "$work/a.err")"
    tap "$level round $r: second refresh succeeds (no 23505, no 40001)" "$rb" "$(head -3 "$work/b.err")"
    diffs=$(q "SELECT count(*) FROM (SELECT * FROM race_expected EXCEPT SELECT * FROM eco.air_daily
                                     UNION ALL SELECT * FROM eco.air_daily EXCEPT SELECT * FROM race_expected) x" 2>&1)
    tap "$level round $r: eco.air_daily equals a refresh run alone" "$([ "$diffs" = 0 ]; echo $?)" "differences: $diffs"
  done
done
exit $((bad > 0))
