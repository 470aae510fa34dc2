-- Benchmark of loading the national network's station files (eco.network_stage + \copy + eco.load_network_file).
-- Run: BENCH=bench/network_ingest.sql make bench
--  1. a full national day: 1,700 stations x 24 hours x 15 types in one china_sites file (612,000 cells);
--  2. one city's year: 10 stations, 365 daily files (1,314,000 cells), file by file and as a folder in one call;
-- each against a bare \copy of the same bytes into an unlogged text table (the floor: bytes into the database)
-- and, for the national day, the plain-SQL way a user would otherwise write (\copy the lines, split them with
-- string_to_array, pivot with GROUP BY, INSERT ... ON CONFLICT).  Figures: seconds, cells per second, ratios.
-- The run is as the bootstrap superuser, so row-level security is not evaluated (it is for other roles).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
\set dir /tmp/eco_bench_network
\! rm -rf /tmp/eco_bench_network && mkdir -p /tmp/eco_bench_network && chmod 755 /tmp/eco_bench_network

-- Stations.
INSERT INTO eco.site (code, name, kind, control_level, area)
SELECT 'B' || lpad(g::text, 4, '0') || 'A', 'bench ' || g, 'air', '国控', '990100' FROM generate_series(1, 1700) g;

-- The national day 2024-06-01 as one file: values as published (integers, CO one decimal), about 2 % empty.
CREATE FUNCTION pg_temp.val(t text, s int, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN (s * 7919 + k * 104729 + length(t)) % 50 = 0 THEN ''
                WHEN t LIKE 'CO%' THEN ((3 + (s * 31 + k * 17) % 30) / 10.0)::text
                ELSE (2 + (s * 13 + k * 7 + length(t) * 5) % 180)::text END $$;
CREATE TEMP TABLE types (ord int, t text);
INSERT INTO types VALUES (1, 'AQI'), (2, 'PM2.5'), (3, 'PM2.5_24h'), (4, 'PM10'), (5, 'PM10_24h'), (6, 'SO2'),
    (7, 'SO2_24h'), (8, 'NO2'), (9, 'NO2_24h'), (10, 'O3'), (11, 'O3_24h'), (12, 'O3_8h'), (13, 'O3_8h_24h'),
    (14, 'CO'), (15, 'CO_24h');
\set dayfile :dir '/china_sites_20240601.csv'
SELECT line FROM (
    SELECT 0 AS h, 0 AS ord, 'date,hour,type,' || string_agg(code, ',' ORDER BY code) AS line
    FROM eco.site WHERE code LIKE 'B____A'
    UNION ALL
    SELECT h, ty.ord, '20240601,' || h || ',' || ty.t || ',' || string_agg(pg_temp.val(ty.t, g, h), ',' ORDER BY g)
    FROM generate_series(0, 23) h CROSS JOIN types ty CROSS JOIN generate_series(1, 1700) g
    GROUP BY h, ty.ord, ty.t) x
ORDER BY h, ord \g (format=unaligned tuples_only=on) :dayfile

-- One city's year 2025 (stations B0001A..B0010A) as 365 daily files, and the psql scripts that load them.
CREATE TEMP TABLE city_day AS SELECT d::date AS day FROM generate_series(date '2025-01-01', date '2025-12-31', '1 day') d;
\set citylines :dir '/city_lines.txt'
SELECT to_char(day, 'YYYYMMDD') || '|' || line FROM (
    SELECT day, -1 AS h, 0 AS ord, 'date,hour,type,' || (SELECT string_agg('B' || lpad(g::text, 4, '0') || 'A', ',' ORDER BY g)
                                                       FROM generate_series(1, 10) g) AS line FROM city_day
    UNION ALL
    SELECT c.day, h, ty.ord, to_char(c.day, 'YYYYMMDD') || ',' || h || ',' || ty.t || ','
                             || string_agg(pg_temp.val(ty.t, g, h + extract(doy FROM c.day)::int * 24), ',' ORDER BY g)
    FROM city_day c CROSS JOIN generate_series(0, 23) h CROSS JOIN types ty CROSS JOIN generate_series(1, 10) g
    GROUP BY c.day, h, ty.ord, ty.t) x
ORDER BY day, h, ord \g (format=unaligned tuples_only=on) :citylines
\! cd /tmp/eco_bench_network && awk -F'|' '$1 != d { if (f) close(f); d = $1; f = "china_sites_" d ".csv" } { print $2 > f }' city_lines.txt && rm city_lines.txt
\set cityload :dir '/city_load.sql'
\set cityraw :dir '/city_raw.sql'
SELECT format(E'SELECT eco.network_stage() \\g /dev/null\n\\copy network_stage(line) FROM ''%s/china_sites_%s.csv''\nINSERT INTO city_loads SELECT * FROM eco.load_network_file(''china_sites_%s.csv'');',
              :'dir', to_char(day, 'YYYYMMDD'), to_char(day, 'YYYYMMDD'))
FROM city_day ORDER BY day \g (format=unaligned tuples_only=on) :cityload
SELECT format(E'\\copy bench_raw(line) FROM ''%s/china_sites_%s.csv''', :'dir', to_char(day, 'YYYYMMDD'))
FROM city_day ORDER BY day \g (format=unaligned tuples_only=on) :cityraw

CREATE UNLOGGED TABLE bench_raw (line text);
CREATE TEMP TABLE city_loads AS SELECT * FROM eco.load_network_file('none', 0) WHERE false;

-- ---------- 1. national day ----------
-- floor: the bytes into an unlogged text table
SELECT clock_timestamp() AS t0 \gset
\copy bench_raw(line) FROM '/tmp/eco_bench_network/china_sites_20240601.csv'
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS day_copy_s \gset
TRUNCATE bench_raw;
-- the ingest
SELECT clock_timestamp() AS t0 \gset
SELECT eco.network_stage() \g /dev/null
\copy network_stage(line) FROM '/tmp/eco_bench_network/china_sites_20240601.csv'
SELECT * FROM eco.load_network_file('china_sites_20240601.csv', 0) \gset day_
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS day_load_s \gset
-- again: nothing changes
SELECT clock_timestamp() AS t0 \gset
SELECT eco.network_stage() \g /dev/null
\copy network_stage(line) FROM '/tmp/eco_bench_network/china_sites_20240601.csv'
SELECT * FROM eco.load_network_file('china_sites_20240601.csv', 0) \gset again_
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS day_reload_s \gset
-- the plain-SQL way into a copy of eco.air_hourly's layout: split, pivot, upsert the six 1-h types only (about
-- 245,000 of the 612,000 cells), no validation, no rejects, no published values
CREATE TABLE plain_hourly (LIKE eco.air_hourly INCLUDING ALL);
SELECT clock_timestamp() AS t0 \gset
\copy bench_raw(line) FROM '/tmp/eco_bench_network/china_sites_20240601.csv'
WITH hdr AS MATERIALIZED (SELECT c.code, c.i FROM bench_raw b
                          CROSS JOIN LATERAL unnest(string_to_array(b.line, ',')) WITH ORDINALITY AS c(code, i)
                          WHERE b.line LIKE 'date,%'),
     r AS MATERIALIZED (SELECT string_to_array(line, ',') AS f FROM bench_raw WHERE line NOT LIKE 'date,%'),
     cells AS (SELECT r.f[1] AS d, r.f[2]::int AS h, r.f[3] AS t, c.i, c.v
               FROM r CROSS JOIN LATERAL unnest(r.f) WITH ORDINALITY AS c(v, i)
               WHERE r.f[3] IN ('SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5') AND c.i > 3 AND c.v <> '')
INSERT INTO plain_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
SELECT hdr.code, to_date(d, 'YYYYMMDD') + make_interval(hours => h),
       max(v::float8) FILTER (WHERE t = 'SO2'), max(v::float8) FILTER (WHERE t = 'NO2'),
       max(v::float8) FILTER (WHERE t = 'CO'), max(v::float8) FILTER (WHERE t = 'O3'),
       max(v::float8) FILTER (WHERE t = 'PM10'), max(v::float8) FILTER (WHERE t = 'PM2.5')
FROM cells JOIN hdr USING (i) GROUP BY hdr.code, d, h
ON CONFLICT (site_code, hour_ending) DO UPDATE SET so2 = excluded.so2, no2 = excluded.no2, co = excluded.co,
    o3 = excluded.o3, pm10 = excluded.pm10, pm25 = excluded.pm25;
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS day_plain_s \gset
TRUNCATE bench_raw;

-- ---------- 2. one city's year, 365 daily files ----------
SELECT clock_timestamp() AS t0 \gset
\i :cityraw
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS year_copy_s \gset
SELECT clock_timestamp() AS t0 \gset
\i :cityload
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS year_load_s \gset
SELECT sum(cells_read) AS year_cells, sum(cells_loaded) AS year_loaded, sum(cells_rejected) AS year_rejected
FROM city_loads \gset
-- the same folder in one call (each file after a line '#file <name>'), on a clean slate
DELETE FROM eco.air_hourly WHERE site_code <= 'B0010A';
DELETE FROM eco.network_hourly WHERE site_code <= 'B0010A';
SELECT clock_timestamp() AS t0 \gset
SELECT eco.network_stage() \g /dev/null
\copy network_stage(line) FROM PROGRAM 'cd /tmp/eco_bench_network && for f in china_sites_2025*.csv; do echo "#file $f"; cat "$f"; done'
SELECT * FROM eco.load_network_file('city 2025', 0) \gset folder_
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) AS folder_load_s \gset

\echo
\echo '== network file ingest: seconds, cells per second, ratios (same run)'
SELECT 'national day, 1 file' AS load, :day_cells_read AS cells, :day_cells_loaded AS loaded,
       :day_cells_rejected AS rejected,
       round(:day_load_s::numeric, 3) AS ingest_s, round(:day_copy_s::numeric, 3) AS bare_copy_s,
       round(:day_cells_read / :day_load_s) AS cells_per_s,
       round((:day_load_s / :day_copy_s)::numeric, 1) AS ingest_over_copy,
       round(:day_plain_s::numeric, 3) AS plain_sql_6_types_s, round((:day_plain_s / :day_load_s)::numeric, 2) AS plain_over_ingest
UNION ALL
SELECT 'national day, again (unchanged)', :again_cells_read, :again_cells_loaded, :again_cells_rejected,
       round(:day_reload_s::numeric, 3), round(:day_copy_s::numeric, 3), round(:again_cells_read / :day_reload_s),
       round((:day_reload_s / :day_copy_s)::numeric, 1), NULL, NULL
UNION ALL
SELECT 'city year, 365 files', :year_cells, :year_loaded, :year_rejected,
       round(:year_load_s::numeric, 3), round(:year_copy_s::numeric, 3), round(:year_cells / :year_load_s),
       round((:year_load_s / :year_copy_s)::numeric, 1), NULL, NULL
UNION ALL
SELECT 'city year, folder in one call', :folder_cells_read, :folder_cells_loaded, :folder_cells_rejected,
       round(:folder_load_s::numeric, 3), round(:year_copy_s::numeric, 3), round(:folder_cells_read / :folder_load_s),
       round((:folder_load_s / :year_copy_s)::numeric, 1), NULL, NULL;
\! rm -rf /tmp/eco_bench_network
