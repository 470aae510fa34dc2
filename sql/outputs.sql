-- Outputs: the work summary in its edge cases, GeoJSON, charts and tiles on small data sets checked by hand.
\set VERBOSITY terse
SET client_min_messages = warning;
\pset format unaligned
BEGIN;

-- ---------- water class colours: the names are those of eco.water_status_colour (one C table) ----------
SELECT water_class, label, status, color_zh, color,
       color_zh = eco.water_status_color(water_class) AS same_name
FROM eco.water_class_colors ORDER BY water_class;

-- ---------- work summary: no data at all (every section still reads) ----------
SELECT eco.work_summary('6699', 2023);

-- ---------- one site, one section, one of each ledger; 2023 worse than 2022 ----------
INSERT INTO eco.site (code, name, kind, area, water_body, target_class, geom) VALUES
    ('OA1', '一号站', 'air', '660101', NULL, NULL, 'SRID=4490;POINT(118.5 32.5)'),
    ('OW1', '一号断面', 'water', '660101', 'river', 'II', 'SRID=4490;POINT(118.6 32.4)');
-- Air: January-March and July of 2022 and 2023 only (the other months missing); 2023 has more PM2.5.
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,
                           so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust,
                           aqi_standard, aqi, aqi_level, aqi_category)
SELECT 'OA1', d, 8, 30, 0.8, 60, 2 * pm, pm, 120, 100, true, true, true, true, true, true, true, 24, false,
       'HJ633-2012', a.aqi, a.level, a.category
FROM (SELECT g::date AS d, CASE WHEN g < '2023-01-01' THEN 30 ELSE 45 END + (extract(day FROM g)::int % 3) * 10 AS pm
      FROM generate_series(timestamp '2022-01-01', timestamp '2023-12-31', interval '1 day') g
      WHERE extract(month FROM g) IN (1, 2, 3, 7)) x
CROSS JOIN LATERAL eco.daily_aqi(8, 30, 0.8, 2 * x.pm, x.pm, 100, 120, 'HJ633-2012') a;
-- Water: class II in 2022, class IV (ammonia 1.2) in 2023: target II missed.
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value)
SELECT 'OW1', make_timestamp(y, m, 10, 9, 0, 0), p::eco.pollutant, CASE WHEN p = 'NH3-N' AND y = 2023 THEN 1.2 ELSE v END
FROM generate_series(2022, 2023) y CROSS JOIN generate_series(1, 12) m
CROSS JOIN (VALUES ('DO', 7.0), ('NH3-N', 0.3)) AS i(p, v);
-- One outfall remediated (取缔), one complaint in 2023 and none in 2022, one case of 8,000 yuan in each year.
INSERT INTO eco.outfall (code, name, area, status, status_date, geom) VALUES
    ('OO1', '一号排口', '660101', '疑似', '2023-01-10', 'SRID=4490;POINT(118.55 32.45)');
UPDATE eco.outfall SET status = '核查确认', status_date = '2023-02-01' WHERE code = 'OO1';
UPDATE eco.outfall SET status = '整治中', action = '取缔', status_date = '2023-03-01' WHERE code = 'OO1';
UPDATE eco.outfall SET status = '已完成', status_date = '2023-04-01' WHERE code = 'OO1';
INSERT INTO eco.land_parcel (code, name, land_class, change_year, survey_status, area, geom) VALUES
    ('OP1', '一号地块', 1, 2023, '调查中', '660101',
     'SRID=4490;POLYGON((118.50 32.40, 118.50 32.42, 118.52 32.42, 118.52 32.40, 118.50 32.40))');
INSERT INTO eco.complaint (area, received_on, channel, category, closed_on) VALUES ('660101', '2023-05-01', '电话', '气', '2023-05-09');
INSERT INTO eco.enforcement_case (area, case_no, enterprise, decided_on, penalty) VALUES
    ('660101', 'OC1', '某企业', '2022-05-01', 8000), ('660101', 'OC2', '某企业', '2023-05-01', 8000);
INSERT INTO eco.rectification (area, level, finding, found_on, deadline, closed_on) VALUES
    ('660101', '省', '问题一', '2023-01-05', '2023-06-30', '2023-06-01');

-- First year of data (no prior year), then the worse year, then year-to-date (missing months shown by capture).
SELECT eco.work_summary('6601', 2022, area_name => '甲市');
SELECT eco.work_summary('6601', 2023, area_name => '甲市');
SELECT eco.work_summary('6601', 2023, '2023-03-31');

-- ---------- GeoJSON: WGS 84 coordinates as stored, no crs member, counter-clockwise exterior ring ----------
SELECT eco.sites_geojson('2023-07-04', '6601');
SELECT eco.sections_geojson(2023, '6601');
SELECT eco.outfalls_geojson('6601');
SELECT eco.parcels_geojson('6601');
SELECT eco.sites_geojson('2023-07-04', 'no such area');

-- ---------- charts: deterministic, escaped, a known cell in its level colour ----------
SELECT md5(eco.aqi_calendar_svg('OA1', 2023)) = md5(eco.aqi_calendar_svg('OA1', 2023)) AS same_bytes,
       eco.aqi_calendar_svg('OA1', 2023) ~ '^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1"' AS svg11;
-- 2023-07-04: PM2.5 45 + 10 = 55, PM10 110 -> AQI 80 (良, #FFFF00): row 7 (y = 170), column 4 (x = 114).
SELECT substring(eco.aqi_calendar_svg('OA1', 2023) FROM '<rect x="114" y="170"[^>]*>[^<]*<title>[^<]*</title>') AS cell_0704,
       substring(eco.aqi_calendar_svg('OA1', 2023) FROM '<rect x="114" y="150"[^>]*>[^<]*<title>[^<]*</title>') AS cell_0604;
SELECT eco.aqi_calendar_svg('6601', 2023) LIKE '%<title>2023-07-04 AQI 80 良</title>%' AS city_calendar,
       eco.aqi_calendar_svg('OA1', 2023, 'a < b & "c"') LIKE '%<title>a &lt; b &amp; &quot;c&quot;</title>%' AS escaped;
-- July: 31 days, level 1 on none, the rest 良 or 轻度污染.
SELECT substring(eco.aqi_monthly_svg('OA1', 2023) FROM '<rect x="344"[^<]*<title>7月[^<]*</title>') AS july_first_bar;
SELECT eco.report_yoy_svg('6601', 2023) LIKE '%同比恶化%' AS yoy_worse,
       eco.report_yoy_svg('6699', 2023) LIKE '%无可比数据%' AS yoy_empty;
SELECT eco.map_svg(ARRAY[eco.parcels_geojson('6601'), eco.sites_geojson('2023-07-04', '6601')], '甲市', 200, 150);
SELECT eco.map_svg(ARRAY[eco.parcels_geojson('6601'), eco.sections_geojson(2023, '6601'), eco.outfalls_geojson('6601'), eco.sites_geojson('2023-07-04', '6601')], '甲市', 300, 250);
SELECT eco.map_svg(ARRAY['{}'::json], NULL, 200, 150) LIKE '%</svg>%' AS empty_map;

-- ---------- tiles ----------
-- 118.5, 32.5 lies in tile 6/53/25.
SELECT length(eco.aqi_tile(6, 53, 25)) > 0 AS has_features, eco.aqi_tile(6, 0, 0) = ''::bytea AS empty_tile,
       eco.aqi_tile(6, 53, 25, '{"day": "2023-07-04", "area": "6601"}') = eco.aqi_tile(6, 53, 25, '{"day": "2023-07-04", "area": "6601"}') AS stable;
ROLLBACK;

-- ---------- bad arguments ----------
SELECT eco.aqi_tile(6, 64, 0);
SELECT eco.aqi_tile(-1, 0, 0);
SELECT eco.aqi_tile(6, 53, 25, '{"day": "not a day"}');
SELECT eco.map_svg(ARRAY['{}'::json], NULL, 50, 50);
SELECT eco.aqi_calendar_svg('OA1', 0);
SELECT eco.work_summary(NULL, NULL);
