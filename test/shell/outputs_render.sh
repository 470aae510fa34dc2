#!/usr/bin/env bash
# TAP: the outputs as a person sees them.  Each SVG chart is rendered by a real renderer (rsvg-convert, librsvg)
# and its pixels read back: not blank, a known day's cell in its level colour, labels drawn.  The GeoJSON files
# are read by GDAL (ogrinfo) and pass a schema check; an MVT tile decodes (GDAL's MVT driver) to the expected
# features and attributes.
# Needs PGHOST, PGPORT, PGUSER of a running throwaway cluster (superuser, trust auth).
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN=/usr/lib/postgresql/15/bin
PY=/usr/bin/python3
PROBE=test/browser/png_probe.py
db="eco_out_$$"
work=$(mktemp -d /tmp/eco_outputs.XXXXXX)
trap '"$BIN/dropdb" --if-exists "$db" >/dev/null 2>&1; rm -rf "$work"' EXIT

source test/shell/tap.bash
is() {  # is NAME GOT WANT
  if [ "$2" = "$3" ]; then tap "$1" 0; else tap "$1" 1 "got '$2', want '$3'"; fi
}
gt() {  # gt NAME GOT MIN: GOT > MIN
  if [ -n "$2" ] && [ "$2" -gt "$3" ] 2>/dev/null; then tap "$1" 0; else tap "$1" 1 "got '$2', want more than $3"; fi
}
q() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -At -d "$db" -c "$1"; }
echo "1..43"

"$BIN/createdb" "$db" && q "CREATE EXTENSION eco_monitor CASCADE" >/dev/null 2>"$work/err"
tap "database with eco_monitor" $? "$(head -3 "$work/err")"

# One air site at 118.5 E 32.5 N with a year of daily values whose PM2.5 cycles through the six HJ 633-2012 levels
# by day of year (doy % 6 = 0 -> 20 优, 1 -> 50 良, 2 -> 90 轻度, 3 -> 130 中度, 4 -> 200 重度, 5 -> 300 严重);
# 2023-02-10 is missing.  2023-03-15 (day 74, 74 % 6 = 2) is 轻度污染 (#FF7E00).  One section, outfall, parcel.
q "
INSERT INTO eco.site (code, name, kind, area, water_body, target_class, geom) VALUES
    ('RA1', '渲染站', 'air', '550101', NULL, NULL, 'SRID=4490;POINT(118.5 32.5)'),
    ('RW1', '渲染断面', 'water', '550101', 'river', 'III', 'SRID=4490;POINT(118.6 32.4)');
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h, so2_valid, no2_valid, co_valid,
                           o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust,
                           aqi_standard, aqi, aqi_level, aqi_category, primary_pollutants)
SELECT 'RA1', d, 5, 20, 0.5, 40, 40, pm, 60, 50, true, true, true, true, true, true, true, 24, false,
       'HJ633-2012', a.aqi, a.level, a.category, a.primary_pollutants
FROM (SELECT g::date AS d, (ARRAY[20, 50, 90, 130, 200, 300])[1 + extract(doy FROM g)::int % 6] AS pm
      FROM generate_series(timestamp '2022-01-01', timestamp '2023-12-31', interval '1 day') g
      WHERE g::date <> date '2023-02-10') x
CROSS JOIN LATERAL eco.daily_aqi(5, 20, 0.5, 40, x.pm, 50, 60, 'HJ633-2012') a;
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value)
SELECT 'RW1', make_timestamp(2023, m, 10, 9, 0, 0), 'NH3-N', 1.2 FROM generate_series(1, 12) m;
INSERT INTO eco.outfall (code, name, area, geom, status_date) VALUES ('RO1', '渲染排口', '550101', 'SRID=4490;POINT(118.51 32.49)', '2023-01-01');
INSERT INTO eco.land_parcel (code, name, land_class, change_year, survey_status, area, geom) VALUES
    ('RP1', '渲染地块', 1, 2023, '调查中', '550101',
     'SRID=4490;POLYGON((118.50 32.40, 118.50 32.42, 118.52 32.42, 118.52 32.40, 118.50 32.40))');
" >/dev/null 2>"$work/err"
tap "test data" $? "$(head -3 "$work/err")"

# ---------- charts through rsvg-convert ----------
out() { "$BIN/psql" -X -q -At -d "$db" -c "$1" > "$2"; }
out "SELECT eco.aqi_calendar_svg('RA1', 2023)" "$work/cal.svg"
out "SELECT eco.aqi_monthly_svg('RA1', 2023)" "$work/mon.svg"
out "SELECT eco.report_yoy_svg('5501', 2023)" "$work/yoy.svg"
out "SELECT eco.map_svg(ARRAY[eco.parcels_geojson('5501'), eco.outfalls_geojson('5501'), eco.sections_geojson(2023, '5501'), eco.sites_geojson('2023-03-15', '5501')], '渲染图')" "$work/map.svg"
for f in cal mon yoy map; do
  $PY -c "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); sys.exit(0 if r.tag == '{http://www.w3.org/2000/svg}svg' and r.get('version') == '1.1' else 1)" "$work/$f.svg"
  tap "$f.svg is well-formed XML with an SVG 1.1 root" $?
  rsvg-convert "$work/$f.svg" -o "$work/$f.png" 2>"$work/err"
  tap "rsvg-convert renders $f.svg" $? "$(head -3 "$work/err")"
done

# Calendar: cell of day d of month m spans x 60 + 18 (d - 1) .. +17, y 50 + 20 (m - 1) .. +19.
read -r size nonwhite c0315 c0210 c0101 c1231 title month1 <<<"$($PY $PROBE "$work/cal.png" size nonwhite \
    pixel:320,99 pixel:230,79 pixel:68,59 pixel:608,279 dark:0,0,640,34 dark:20,50,56,70 | tr '\n' ' ')"
is "calendar is 640 x 340" "$size" "640x340"
gt "calendar is not blank" "$nonwhite" 20000
is "2023-03-15 cell is 轻度污染 orange" "$c0315" "#FF7E00"
is "2023-02-10 (no data) cell is grey" "$c0210" "#EEEEEE"
# 2023-01-01: day 1, 1 % 6 = 1 -> 良 yellow; 2023-12-31: day 365, 365 % 6 = 5 -> 严重污染 maroon.
is "2023-01-01 cell is 良 yellow" "$c0101" "#FFFF00"
is "2023-12-31 cell is 严重污染 maroon" "$c1231" "#7E0023"
gt "calendar title drawn" "$title" 100
gt "month label 1月 drawn" "$month1" 20
want=$(q "SELECT string_agg(color, ' ' ORDER BY level) FROM eco.aqi_levels WHERE standard::text = 'HJ633-2012'")
miss=""
for c in $want; do n=$($PY $PROBE "$work/cal.png" "count:$c"); [ "$n" -gt 100 ] || miss="$miss $c"; done
is "every level colour of eco.aqi_levels is on the calendar" "$miss" ""

# Monthly bars: March (bar x 160..190) stacks level 1 at the bottom, level 6 at the top of 31 days (y 50).
read -r mnon mbot mtop mlab <<<"$($PY $PROBE "$work/mon.png" nonwhite pixel:175,296 pixel:175,52 dark:60,304,620,322 | tr '\n' ' ')"
gt "monthly chart is not blank" "$mnon" 10000
is "March bar starts with 优 green" "$mbot" "#00E400"
is "March bar ends with 严重污染 maroon" "$mtop" "#7E0023"
gt "month labels drawn" "$mlab" 100

# Year-on-year: the PM2.5 row has last year's grey and this year's blue bar.
read -r ynon ygrey yblue ylab <<<"$($PY $PROBE "$work/yoy.png" nonwhite count:#A0A0A0 count:#1F6FB4 dark:0,60,215,80 | tr '\n' ' ')"
gt "year-on-year chart is not blank" "$ynon" 3000
gt "last year's bars drawn" "$ygrey" 500
gt "this year's bars drawn" "$yblue" 500
gt "indicator label drawn" "$ylab" 30

# Map: the site in its AQI colour of 2023-03-15 (orange), the section in its class colour (IV yellow).
read -r pnon porange pyellow <<<"$($PY $PROBE "$work/map.png" nonwhite count:#FF7E00 count:#FFFF00 | tr '\n' ' ')"
gt "map is not blank" "$pnon" 5000
gt "site drawn in its AQI colour" "$porange" 50
gt "section drawn in its class colour" "$pyellow" 50

# ---------- GeoJSON through GDAL and the schema check ----------
out "SELECT eco.sites_geojson('2023-03-15', '5501')" "$work/sites.geojson"
out "SELECT eco.sections_geojson(2023, '5501')" "$work/sections.geojson"
out "SELECT eco.outfalls_geojson('5501')" "$work/outfalls.geojson"
out "SELECT eco.parcels_geojson('5501')" "$work/parcels.geojson"
for k in sites sections outfalls parcels; do
  r=$($PY test/browser/geojson_check.py "$work/$k.geojson" "$k" 1)
  is "$k.geojson passes the schema check" "$r" "ok 1 features"
done
info=$(ogrinfo -ro -al "$work/sites.geojson" 2>&1)
echo "$info" | grep -q "Feature Count: 1" && echo "$info" | grep -q "color (String) = #FF7E00" \
  && echo "$info" | grep -q "POINT (118.5 32.5)"
tap "ogrinfo reads sites.geojson: one point at 118.5 32.5 coloured #FF7E00" $? "$(echo "$info" | head -20)"
info=$(ogrinfo -ro -al "$work/sections.geojson" 2>&1)
echo "$info" | grep -q "class (String) = Ⅳ类" && echo "$info" | grep -q "color (String) = #FFFF00"
tap "ogrinfo reads sections.geojson: class Ⅳ in yellow" $? "$(echo "$info" | head -20)"
info=$(ogrinfo -ro -al "$work/parcels.geojson" 2>&1)
echo "$info" | grep -q "survey_status (String) = 调查中" && echo "$info" | grep -qi "MULTIPOLYGON"
tap "ogrinfo reads parcels.geojson: a multipolygon with its survey status" $? "$(echo "$info" | head -20)"
info=$(ogrinfo -ro -al "$work/outfalls.geojson" 2>&1)
echo "$info" | grep -q "status (String) = 疑似" && echo "$info" | grep -q "stage (String) = 疑似"
tap "ogrinfo reads outfalls.geojson: the outfall's status and stage" $? "$(echo "$info" | head -20)"

# ---------- vector tile through GDAL's MVT driver ----------
# 118.5 E 32.5 N lies in tile 6/53/25 and 10/849/414.
tile() {  # tile Z X Y PARAMS FILE
  q "SELECT encode(eco.aqi_tile($1, $2, $3, '$4'), 'hex')" | $PY -c "import sys; sys.stdout.buffer.write(bytes.fromhex(sys.stdin.read().strip()))" > "$5"
}
tile 6 53 25 '{"day": "2023-03-15"}' "$work/t6.mvt"
info=$(ogrinfo -ro -al -oo Z=6 -oo X=53 -oo Y=25 "$work/t6.mvt" 2>&1)
echo "$info" | grep -q "Layer name: sites" && echo "$info" | grep -q "Layer name: outfalls"
tap "tile 6/53/25 decodes with layers sites and outfalls" $? "$(echo "$info" | head -20)"
echo "$info" | grep -q "code (String) = RA1" && echo "$info" | grep -q "color (String) = #FF7E00" \
  && echo "$info" | grep -q "category (String) = 轻度污染"
tap "tile 6/53/25: site RA1 with the day's category and colour" $? "$(echo "$info" | grep -A12 'Layer name: sites' | head -30)"
echo "$info" | grep -q "code (String) = RO1" && echo "$info" | grep -q "status (String) = 疑似"
tap "tile 6/53/25: outfall RO1 with its status" $? "$(echo "$info" | grep -A12 'Layer name: outfalls' | head -30)"
tile 10 849 414 '{"day": "2023-03-15"}' "$work/t10.mvt"
info=$(ogrinfo -ro -al -oo Z=10 -oo X=849 -oo Y=414 "$work/t10.mvt" 2>&1)
pt=$(echo "$info" | grep -A12 "OGRFeature(sites)" | grep -o "POINT ([0-9. ]*)" | head -1)
$PY -c "
import math, sys
x, y = map(float, sys.argv[1][7:-1].split())
lon = x / 6378137 * 180 / math.pi
lat = math.degrees(2 * math.atan(math.exp(y / 6378137)) - math.pi / 2)
sys.exit(0 if abs(lon - 118.5) < 0.001 and abs(lat - 32.5) < 0.001 else 1)" "$pt" 2>/dev/null
tap "tile 10/849/414: the site decodes within 0.001 degree of 118.5 E 32.5 N" $? "got $pt"
tile 6 0 0 '{}' "$work/empty.mvt"
is "a tile without data is empty" "$(stat -c %s "$work/empty.mvt")" "0"

echo "# $bad of $count failed"
[ "$bad" -eq 0 ]
