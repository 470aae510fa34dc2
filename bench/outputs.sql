-- Benchmark of the outputs: the work summary and the charts of the demo city (示例市, built by demo part 90),
-- a national day's GeoJSON (1,700 synthetic air sites) and a zoom-6 vector tile; each against the plain-SQL way
-- (PostGIS's own ST_AsGeoJSON(record) / a bare ST_AsMVT) and a floor query (the rows read, no output), timed in
-- one run with clock_timestamp(), best of 5; and GDAL's ogr2ogr, the tool a user would otherwise pick, for the GeoJSON.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
\set outdir '/tmp'
\o /dev/null
\ir ../demo/90_report.sql
\o

-- 1,700 air sites over China with a day of AQI (levels spread), 2023-12-21.
INSERT INTO eco.site (code, name, kind, control_level, area, geom)
SELECT 'N' || lpad(g::text, 4, '0'), '站' || g, 'air', '国控', (110000 + g % 300)::text,
       ST_SetSRID(ST_MakePoint(75 + 59 * ((hashint4(g) & 65535) / 65536.0), 18 + 35 * ((hashint4(-g) & 65535) / 65536.0)), 4490)
FROM generate_series(1, 1700) g;
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h, so2_valid, no2_valid, co_valid,
                           o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust,
                           aqi_standard, aqi, aqi_level, aqi_category, primary_pollutants)
SELECT s.code, date '2023-12-21', 5, 20, 0.5, 40, 40, pm, 60, 50, true, true, true, true, true, true, true, 24, false,
       'HJ633-2012', a.aqi, a.level, a.category, a.primary_pollutants
FROM eco.site s
CROSS JOIN LATERAL (SELECT 10 + (hashtext(s.code) & 255) AS pm) x
CROSS JOIN LATERAL eco.daily_aqi(5, 20, 0.5, 40, x.pm, 50, 60, 'HJ633-2012') a
WHERE s.code LIKE 'N____';
ANALYZE eco.site;
ANALYZE eco.air_daily;

CREATE TEMP TABLE timing (what text, ms numeric, bytes bigint);
CREATE FUNCTION pg_temp.t(what text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    n bigint;
    best numeric := NULL;
BEGIN
    FOR i IN 1 .. 5 LOOP
        t0 := clock_timestamp();
        EXECUTE q INTO n;
        best := LEAST(COALESCE(best, 1e12), extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
    INSERT INTO timing VALUES (what, round(best, 1), n);
END $$;

-- 1. The demo city: summary and every chart.
SELECT pg_temp.t('summary: eco.work_summary(9901, 2023)', $q$SELECT octet_length(eco.work_summary('9901', 2023))$q$);
SELECT pg_temp.t('  the report table it reads: eco.annual_report', $q$SELECT count(*) FROM eco.annual_report('9901', 2023)$q$);
SELECT pg_temp.t('chart: eco.aqi_calendar_svg (city)', $q$SELECT octet_length(eco.aqi_calendar_svg('9901', 2023))$q$);
SELECT pg_temp.t('chart: eco.aqi_monthly_svg (city)', $q$SELECT octet_length(eco.aqi_monthly_svg('9901', 2023))$q$);
SELECT pg_temp.t('chart: eco.report_yoy_svg', $q$SELECT octet_length(eco.report_yoy_svg('9901', 2023))$q$);
SELECT pg_temp.t('map: eco.map_svg of four layers', $q$SELECT octet_length(eco.map_svg(ARRAY[eco.parcels_geojson('9901'),
    eco.outfalls_geojson('9901'), eco.sections_geojson(2023, '9901'), eco.sites_geojson('2023-12-21', '9901')]))$q$);
SELECT pg_temp.t('all of the above in one statement', $q$SELECT octet_length(eco.work_summary('9901', 2023))
    + octet_length(eco.aqi_calendar_svg('9901', 2023)) + octet_length(eco.aqi_monthly_svg('9901', 2023))
    + octet_length(eco.report_yoy_svg('9901', 2023)) + octet_length(eco.map_svg(ARRAY[eco.parcels_geojson('9901'),
    eco.outfalls_geojson('9901'), eco.sections_geojson(2023, '9901'), eco.sites_geojson('2023-12-21', '9901')]))$q$);

-- 2. A national day's GeoJSON (1,700 + 8 sites).
SELECT pg_temp.t('geojson: eco.sites_geojson(day), national', $q$SELECT octet_length(eco.sites_geojson('2023-12-21')::text)$q$);
SELECT pg_temp.t('  plain SQL: json_agg(ST_AsGeoJSON(record)::json)', $q$
    SELECT octet_length(json_build_object('type', 'FeatureCollection', 'features', json_agg(ST_AsGeoJSON(t.*, 'geom', 6)::json))::text)
    FROM (SELECT s.code, s.name, a.aqi, a.aqi_level, a.aqi_category, ST_SetSRID(s.geom, 4326) AS geom
          FROM eco.site s LEFT JOIN eco.air_daily a ON a.site_code = s.code AND a.day = '2023-12-21'
          WHERE s.kind = 'air') t$q$);
SELECT pg_temp.t('  floor: the rows joined, no output', $q$
    SELECT count(a.aqi) FROM eco.site s LEFT JOIN eco.air_daily a ON a.site_code = s.code AND a.day = '2023-12-21'
    WHERE s.kind = 'air'$q$);

-- The tool a user would otherwise pick: GDAL's ogr2ogr writing the same join as a GeoJSON file (one run, its
-- process start and connection included).
\setenv ECO_BENCH_DB :DBNAME
\! rm -f /tmp/eco_bench_sites.geojson
\set t0 `date +%s%N`
\! ogr2ogr -f GeoJSON /tmp/eco_bench_sites.geojson "PG:dbname=$ECO_BENCH_DB" -sql "SELECT s.code, s.name, a.aqi, a.aqi_level, a.aqi_category, ST_SetSRID(s.geom, 4326) AS geom FROM eco.site s LEFT JOIN eco.air_daily a ON a.site_code = s.code AND a.day = '2023-12-21' WHERE s.kind = 'air'"
\set t1 `date +%s%N`
INSERT INTO timing VALUES ('  the tool: ogr2ogr -f GeoJSON (one run)', round((:t1 - :t0) / 1e6, 1),
                           (SELECT (pg_stat_file('/tmp/eco_bench_sites.geojson', true)).size));

-- 3. A zoom-6 tile over east China (6/52/26: 112.5-118.1 E, 27.1-32.0 N).
SELECT pg_temp.t('tile: eco.aqi_tile(6, 52, 26)', $q$SELECT octet_length(eco.aqi_tile(6, 52, 26, '{"day": "2023-12-21"}'))$q$);
SELECT pg_temp.t('  plain SQL: ST_AsMVT of the sites, no outfalls, no colours', $q$
    SELECT octet_length(ST_AsMVT(t.*, 'sites')) FROM (
        SELECT ST_AsMVTGeom(ST_Transform(ST_SetSRID(s.geom, 4326), 3857), ST_TileEnvelope(6, 52, 26)) AS geom, s.code, a.aqi
        FROM eco.site s LEFT JOIN eco.air_daily a ON a.site_code = s.code AND a.day = '2023-12-21'
        WHERE s.kind = 'air' AND s.geom && ST_SetSRID(ST_Transform(ST_TileEnvelope(6, 52, 26), 4326), 4490)) t$q$);
SELECT pg_temp.t('  floor: the sites in the tile, counted', $q$
    SELECT count(*) FROM eco.site s WHERE s.geom && ST_SetSRID(ST_Transform(ST_TileEnvelope(6, 52, 26), 4326), 4490)$q$);

\pset footer off
SELECT what AS "outputs (best of 5)", ms, bytes AS "bytes / rows",
       CASE WHEN what LIKE '  %' THEN round((SELECT t2.ms FROM timing t2 WHERE t2.what NOT LIKE '  %' AND t2.ctid < t.ctid
                                           ORDER BY t2.ctid DESC LIMIT 1) / NULLIF(ms, 0), 2) END AS "ours / this"
FROM timing t ORDER BY ctid;
