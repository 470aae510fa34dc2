-- pgTAP: the outputs read through row-level security, reuse the report's phrases and the C colour tables, and carry
-- the labels and signatures their consumers (pg_tileserv, Martin, parallel plans) need.
BEGIN;
SELECT plan(17);

INSERT INTO eco.site (code, name, kind, area, water_body, target_class, geom) VALUES
    ('TOA1', 'a1', 'air', '450101', NULL, NULL, 'SRID=4490;POINT(110.1 25.1)'),
    ('TOA2', 'a2', 'air', '450201', NULL, NULL, 'SRID=4490;POINT(110.2 25.2)'),
    ('TOW1', 'w1', 'water', '450101', 'river', 'III', 'SRID=4490;POINT(110.3 25.3)');
-- A year and a half of daily values at both sites, every level (PM2.5 cycles through the six HJ 633-2012 bands).
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h, so2_valid, no2_valid, co_valid,
                           o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust,
                           aqi_standard, aqi, aqi_level, aqi_category, primary_pollutants)
SELECT s, d, 5, 20, 0.5, 40, 40, pm, 60, 50, true, true, true, true, true, true, true, 24, false,
       'HJ633-2012', a.aqi, a.level, a.category, a.primary_pollutants
FROM (VALUES ('TOA1'), ('TOA2')) AS t(s)
CROSS JOIN (SELECT g::date AS d, (ARRAY[20, 50, 90, 130, 200, 300])[1 + extract(doy FROM g)::int % 6] AS pm
            FROM generate_series(timestamp '2022-07-01', timestamp '2023-12-31', interval '1 day') g) x
CROSS JOIN LATERAL eco.daily_aqi(5, 20, 0.5, 40, x.pm, 50, 60, 'HJ633-2012') a;
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value)
SELECT 'TOW1', make_timestamp(y, m, 10, 9, 0, 0), 'NH3-N', CASE WHEN y = 2023 THEN 1.2 ELSE 0.8 END
FROM generate_series(2022, 2023) y CROSS JOIN generate_series(1, 12) m;
INSERT INTO eco.complaint (area, received_on, channel, category)
SELECT '450101', date '2022-03-01' + g * 5, '电话', '气' FROM generate_series(1, 130) g;

-- ---------- colours come from the C tables ----------
SELECT is((SELECT count(*)::int FROM json_array_elements(eco.sites_geojson('2023-05-01', '45')->'features') f
           JOIN eco.aqi_levels l ON l.standard::text = f->'properties'->>'standard'
                                AND l.level = (f->'properties'->>'level')::int
           WHERE l.color = f->'properties'->>'color'), 2, 'site colours are those of eco.aqi_levels');
SELECT is((SELECT f->'properties'->>'color' FROM json_array_elements(eco.sections_geojson(2023, '45')->'features') f),
          (SELECT color FROM eco.water_class_colors WHERE water_class::text = 'IV'), 'section colour is that of eco.water_class_colors');
SELECT is((SELECT array_agg(color_zh ORDER BY water_class) FROM eco.water_class_colors),
          (SELECT array_agg(eco.water_status_color(c::eco.water_class) ORDER BY c::eco.water_class)
           FROM unnest(ARRAY['I', 'II', 'III', 'IV', 'V', '劣V']) c), 'colour names of the view are those of eco.water_status_colour');
SELECT ok((SELECT bool_and(eco.aqi_calendar_svg('TOA1', 2023) LIKE '%fill="' || color || '"%')
           FROM eco.aqi_levels WHERE standard::text = 'HJ633-2012'), 'the calendar uses every level colour of the table');

-- ---------- the summary reuses the report's phrases verbatim ----------
SELECT is((SELECT array_agg(r.change ORDER BY r.seq) FILTER (WHERE strpos(s.t, r.change) = 0)
           FROM eco.annual_report('45', 2023) r, (SELECT eco.work_summary('45', 2023) AS t) s
           WHERE r.change IS NOT NULL), NULL, 'every change phrase of eco.annual_report is in the summary');
SELECT ok(eco.work_summary('45', 2023) LIKE '%受理信访投诉%件，同比%', 'complaints with their phrase');
SELECT ok(eco.work_summary('45', 2023) LIKE '%达到考核目标断面比例0.0%，同比恶化100.0个百分点%', 'a worse year reads 恶化');

-- ---------- row-level security: a role granted 4501 sees one site, its own figures ----------
CREATE ROLE eco_tap_out_4501 NOLOGIN;
INSERT INTO eco.area_grant VALUES ('eco_tap_out_4501', '4501');
SET LOCAL ROLE eco_tap_out_4501;
SELECT is((SELECT array_agg(f->>'id' ORDER BY f->>'id') FROM json_array_elements(eco.sites_geojson('2023-05-01', '')->'features') f),
          ARRAY['TOA1'], 'GeoJSON: the role sees only its sites');
SELECT is(length(eco.aqi_tile(0, 0, 0, '{"day": "2023-05-01"}')) > 0, true, 'tile: the role''s site is drawn');
SELECT ok(eco.aqi_calendar_svg('45', 2023, 't') = eco.aqi_calendar_svg('4501', 2023, 't'), 'calendar: the city is the role''s sites only');
RESET ROLE;
SELECT ok(eco.aqi_tile(0, 0, 0, '{"day": "2023-05-01"}') <> '', 'the owner''s tile is not empty either');

-- ---------- labels and signatures ----------
SELECT is((SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p
           WHERE p.pronamespace = 'eco'::regnamespace
             AND p.proname IN ('work_summary', 'sites_geojson', 'sections_geojson', 'outfalls_geojson', 'parcels_geojson',
                               'aqi_tile', 'aqi_calendar_svg', 'aqi_monthly_svg', 'report_yoy_svg', 'daily_aqi_series')
             AND NOT (p.provolatile = 's' AND p.proparallel = 's')),
          NULL, 'readers of tables are STABLE PARALLEL SAFE');
SELECT is((SELECT provolatile::text || proparallel::text FROM pg_proc WHERE oid = 'eco.map_svg(json[], text, integer, integer)'::regprocedure),
          'is', 'map_svg is IMMUTABLE PARALLEL SAFE (its input only)');
-- pg_tileserv and Martin call function(z integer, x integer, y integer[, query_params json]) returning bytea.
SELECT is((SELECT pg_get_function_identity_arguments(oid) || ' -> ' || prorettype::regtype::text FROM pg_proc
           WHERE oid = 'eco.aqi_tile(integer, integer, integer, json)'::regprocedure),
          'z integer, x integer, y integer, query_params json -> bytea', 'tile function signature of the tile servers');
SELECT is(eco.aqi_tile(0, 0, 0), eco.aqi_tile(0, 0, 0, NULL), 'query_params may be left out');
SELECT ok(has_table_privilege('public', 'eco.water_class_colors', 'SELECT'), 'every role reads eco.water_class_colors');

-- Same data, same bytes, whatever the session's DateStyle.
CREATE TEMP TABLE iso AS SELECT eco.aqi_calendar_svg('TOA1', 2023) AS cal, eco.sites_geojson('2023-05-01', '45')::text AS gj,
    eco.aqi_tile(0, 0, 0, '{"day": "2023-05-01"}') AS tile, eco.report_yoy_svg('45', 2023, '2023-06-30') AS yoy,
    eco.work_summary('45', 2023, '2023-06-30') AS md;
SET LOCAL DateStyle = 'SQL, DMY';
SELECT ok((SELECT cal = eco.aqi_calendar_svg('TOA1', 2023) AND gj = eco.sites_geojson('2023-05-01', '45')::text
                  AND tile = eco.aqi_tile(0, 0, 0, '{"day": "2023-05-01"}') AND yoy = eco.report_yoy_svg('45', 2023, '2023-06-30')
                  AND md = eco.work_summary('45', 2023, '2023-06-30') FROM iso), 'outputs do not depend on DateStyle');
RESET DateStyle;

SELECT * FROM finish();
ROLLBACK;
