#!/usr/bin/env bash
# Demo, part 85: the synthetic city's air data arrives as the national network's files and is loaded the way a
# user loads a folder of them (docs/loading-data.md): the station list, then every china_sites_*.csv.
# Usage (from scripts/demo.sh): demo/85_network_files.sh DB OUTDIR
set -euo pipefail
db=$1
dir=$2/network
rm -rf "$dir"
mkdir -p "$dir"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -v stationfile="$dir/stations.csv" -v linefile="$dir/lines.tsv" \
     -v dustfile="$dir/dust_days.txt" -f demo/85_network_files.sql
# Split the lines into one file per day, each with the network's header.
header="date,hour,type,$(tail -n +2 "$dir/stations.csv" | cut -d, -f1 | paste -sd, -)"
awk -F'|' -v dir="$dir" -v header="$header" '
  $1 != day { if (f) close(f); day = $1; f = dir "/china_sites_" day ".csv"; print header > f }
  { print $2 > f }' "$dir/lines.tsv"
rm "$dir/lines.tsv"
echo "== the city's data as network files: $(ls "$dir"/china_sites_*.csv | wc -l) daily files in $dir"

# Load: one session; 2022 file by file (stage, \copy, load), the rest as a folder in one call (docs/loading-data.md).
{
  echo "SET client_min_messages = warning;"
  echo "\\echo '== the station list, then the daily files: stage, \\\\copy, load'"
  echo "SELECT eco.network_stage() \\g /dev/null"
  echo "\\copy network_stage(line) FROM '$dir/stations.csv'"
  echo "SELECT * FROM eco.load_network_sites('stations.csv');"
  echo "-- the province's own stations (7, 8) come in the same format; the list loads them as 国控"
  echo "UPDATE eco.site SET control_level = '省控' WHERE code IN ('A990107', 'A990108');"
  echo "CREATE TEMP TABLE loads AS SELECT * FROM eco.load_network_file('none', 0) WHERE false;"
  echo "\\o /dev/null"
  # 2022 file by file ...
  for f in "$dir"/china_sites_2022*.csv; do
    echo "SELECT eco.network_stage();"
    echo "\\copy network_stage(line) FROM '$f'"
    echo "INSERT INTO loads SELECT * FROM eco.load_network_file('$(basename "$f")');"
  done
  # ... the rest in one call, each file after a line '#file <name>'
  echo "SELECT eco.network_stage();"
  echo "\\copy network_stage(line) FROM PROGRAM 'cd $dir && for f in china_sites_2023*.csv china_sites_2024*.csv; do echo \"#file \$f\"; cat \"\$f\"; done'"
  echo "INSERT INTO loads SELECT * FROM eco.load_network_file('2023');"
  echo "\\o"
  echo "\\echo '== loaded: lines, cells read = loaded + unchanged + rejected, station-hours written'"
  echo "SELECT count(*) AS loads, sum(lines_read) AS lines, sum(cells_read) AS cells_read, sum(cells_loaded) AS loaded,"
  echo "       sum(cells_unchanged) AS unchanged, sum(cells_rejected) AS rejected, sum(station_hours) AS station_hours FROM loads;"
  echo "SELECT reason, count(*) AS cells FROM eco.network_reject GROUP BY reason ORDER BY reason;"
  echo "\\echo '== published AQI against the computed one (eco.network_aqi_mismatch): none differ'"
  echo "SELECT count(*) AS mismatches FROM eco.network_aqi_mismatch;"
  echo "UPDATE eco.air_hourly SET dust = true"
  echo " WHERE site_code LIKE 'A9901%' AND eco.report_day(hour_ending) IN (SELECT d::date FROM (VALUES $(sed "s/.*/('&')/" "$dir/dust_days.txt" | paste -sd,)) AS v(d));"
} > "$dir/load.sql"
psql -X -q -v ON_ERROR_STOP=1 -P pager=off -P footer=off -d "$db" -f "$dir/load.sql"
