-- pgTAP: air quality evaluation — labels, SQLSTATEs, row-level security, cross-checks against plain SQL.
BEGIN;
SELECT plan(45);

-- ---------- catalogue properties ----------
SELECT has_view('eco', 'air_limits', 'view eco.air_limits exists');
SELECT has_table('eco', 'air_hourly', 'table eco.air_hourly exists');
SELECT has_table('eco', 'air_daily', 'table eco.air_daily exists');
SELECT columns_are('eco', 'air_hourly',
    ARRAY['site_code', 'hour_ending', 'so2', 'no2', 'co', 'o3', 'pm10', 'pm25', 'dust'], 'air_hourly columns');
SELECT col_is_pk('eco', 'air_daily', ARRAY['day', 'site_code'], 'air_daily keyed by (day, site_code)');
SELECT col_is_pk('eco', 'air_hourly', ARRAY['hour_ending', 'site_code'], 'air_hourly keyed by (hour_ending, site_code)');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.prokind = 'f'
             AND p.proname IN ('limit_value', 'report_day', 'report_hour', 'single_index', 'composite_index',
                               'exceedance_multiple')
             AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR NOT p.proisstrict)), 0,
          'scalar functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname LIKE '\_air\_%' AND (p.provolatile <> 'i' OR p.proparallel <> 's')
             -- reads eco.air_daily and eco.site: STABLE by nature
             AND p.proname <> '_air_city_days'), 0,
          'support functions are IMMUTABLE PARALLEL SAFE');
SELECT is((SELECT p.provolatile::text || p.proparallel::text FROM pg_proc p
           WHERE p.oid = 'eco._air_city_days(text, daterange)'::regprocedure), 'ss',
          'eco._air_city_days is STABLE PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('daily_mean', 'capture_avg', 'mda8', 'o3_mda8', 'percentile',
                                                      'annual_mean', 'annual_percentile', 'good_day_ratio')
             AND p.proparallel = 's' AND a.aggcombinefn <> 0
             AND (a.aggtranstype <> 'internal'::regtype OR (a.aggserialfn <> 0 AND a.aggdeserialfn <> 0))), 11,
          'all 11 aggregates (8 of 0.1.0, 3 taking an HJ 663 edition) are PARALLEL SAFE with combine (and serialize for internal states)');
SELECT is((SELECT a.aggminvtransfn <> 0 FROM pg_aggregate a WHERE a.aggfnoid = 'eco.capture_avg(float8, integer)'::regprocedure),
          true, 'capture_avg has a moving-aggregate inverse transition');
SELECT is((SELECT provolatile FROM pg_proc WHERE oid = 'eco.report_day(timestamp)'::regprocedure), 'i',
          'report_day is IMMUTABLE on timestamp without time zone');
SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) c
           WHERE e.extname = 'eco_monitor' AND c IN ('eco.air_hourly'::regclass, 'eco.air_daily'::regclass)), 2,
          'air_hourly and air_daily are registered with pg_extension_config_dump');
SELECT is((SELECT count(*)::int FROM pg_class WHERE oid IN ('eco.air_hourly'::regclass, 'eco.air_daily'::regclass)
           AND relrowsecurity), 2, 'row-level security enabled on both tables');
SELECT is((SELECT count(*)::int FROM eco.air_limits WHERE grade_1 > grade_2), 0, 'no grade I limit above grade II');

-- ---------- SQLSTATEs ----------
SELECT throws_ok($$SELECT eco.limit_value('CO', 'year')$$, '22023', NULL, 'pair not limited: 22023');
SELECT throws_ok($$SELECT eco.limit_value('SO2', 'week')$$, '22023', NULL, 'unknown period: 22023');
SELECT throws_ok($$SELECT eco.limit_value('SO2', '1h', 2, 'HJ633-2026')$$, '22023', NULL, 'wrong family: 22023');
SELECT throws_ok($$SELECT eco.limit_value('SO2', '1h', 2, 'GB3095-2099')$$, '22P02', NULL, 'unknown edition: 22P02');
SELECT throws_ok($$SELECT eco.report_day('2023-01-01 00:30')$$, '22023', NULL, 'label off the hour: 22023');
SELECT throws_ok($$SELECT eco.report_hour('-infinity')$$, '22003', NULL, 'infinite label: 22003');
SELECT throws_ok($$SELECT eco.daily_mean(v) FROM (VALUES (1e300::float8)) s(v)$$, '22003', NULL,
                 'value beyond the fixed-point range: 22003');
SELECT throws_ok($$SELECT eco.capture_avg(1, NULL)$$, '22004', NULL, 'NULL min_count: 22004');
SELECT throws_ok($$SELECT eco.mda8(h, 1) FROM (VALUES (3), (3)) s(h)$$, '22023', NULL, 'duplicate hour: 22023');
SELECT throws_ok($$SELECT eco.percentile(1, 90)$$, '22023', NULL, 'p given in percent: 22023');
SELECT throws_ok($$SELECT eco.annual_mean(d, 1) FROM (VALUES ('2023-12-31'::date), ('2024-01-01')) s(d)$$, '22023',
                 NULL, 'two years: 22023');
SELECT throws_ok($$SELECT eco.exceedance_multiple(1, -5)$$, '22023', NULL, 'negative limit: 22023');
SELECT throws_ok($$SELECT eco.exceedance_multiple(1e308, 1e-300)$$, '22003', NULL, 'multiple beyond float8: 22003');
SELECT throws_ok($$SELECT eco.refresh_air_daily('2023-02-01', '2023-01-01')$$, '22023', NULL, 'reversed range: 22023');
SELECT throws_ok($$SELECT eco.report_day('4714-11-24 00:00:00 BC')$$, '22003', NULL,
                 'label ending a day before the first date: 22003');
SELECT throws_ok($$SELECT eco.daily_mean(v) FROM (VALUES (5e18::float8), (5e18)) s(v)$$, '22003', NULL,
                 'sum beyond the fixed-point range: 22003');
SELECT throws_ok($$SELECT eco.capture_avg(v, m) FROM (VALUES (1.0::float8, 1), (2, 3)) s(v, m)$$, '22023', NULL,
                 'min_count changing within a group: 22023');
SELECT throws_ok($$SELECT eco.mda8(1, 1.0, NULL)$$, '22004', NULL, 'NULL MDA8 limit: 22004');
SELECT throws_ok($$SELECT eco.percentile(1.0, NULL)$$, '22004', NULL, 'NULL percentile rank: 22004');
SELECT throws_ok($$SELECT eco.annual_percentile('2023-01-01'::date, 1.0, NULL)$$, '22004', NULL,
                 'NULL annual percentile rank: 22004');
SELECT throws_ok($$INSERT INTO eco.air_hourly (site_code, hour_ending, pm25) VALUES ('TAPX', '2023-08-01 01:00', 'NaN')$$,
                 '23514', NULL, 'air_hourly refuses NaN: 23514');
SELECT throws_ok($$INSERT INTO eco.air_hourly (site_code, hour_ending, pm25) VALUES ('TAPX', '2023-08-01 01:30', 1)$$,
                 '23514', NULL, 'air_hourly refuses a label off the full hour: 23514');

-- ---------- cross-checks against independent plain SQL ----------
CREATE TEMP TABLE tap_h AS
SELECT s, h, CASE WHEN (s * 7 + h * 13) % 10 < 2 THEN NULL ELSE round((40 + 80 * abs(sin(s * 24 + h)))::numeric, 1)::float8 END AS v
FROM generate_series(1, 120) s, generate_series(1, 24) h
WHERE (s * 5 + h * 3) % 11 <> 0 OR s % 4 = 0;
CREATE INDEX ON tap_h (s, h);
SELECT is((SELECT count(*)::int FROM (
             SELECT s, eco.daily_mean(v) AS c, CASE WHEN count(v) >= 20 THEN avg(v) END AS q FROM tap_h GROUP BY s) x
           WHERE c IS DISTINCT FROM q AND abs(c - q) > 1e-9), 0, 'daily_mean = CASE count >= 20 THEN avg (120 days)');
SELECT is((SELECT count(*)::int FROM (
             SELECT s, eco.mda8(h, v) AS c,
                    (SELECT CASE WHEN count(*) >= 14 OR max(w) > 160 THEN max(w) END
                     FROM (SELECT (SELECT CASE WHEN count(y.v) >= 6 THEN avg(y.v) END FROM tap_h y
                                   WHERE y.s = x.s AND y.h BETWEEN e - 7 AND e) AS w
                           FROM generate_series(8, 24) e) ww WHERE w IS NOT NULL) AS q
             FROM tap_h x GROUP BY s) z
           WHERE c IS DISTINCT FROM q AND (c IS NULL OR q IS NULL OR abs(c - q) > 1e-9)), 0,
          'mda8 = plain-SQL windows 08..24, 6 values, 14 windows or > 160 (120 days)');
SELECT is((SELECT count(*)::int FROM (SELECT s FROM tap_h GROUP BY s HAVING count(v) < 24) x) > 30, true,
          'the cross-check data has many incomplete days');
SELECT is((SELECT eco.percentile(v, 0.95) = percentile_cont(0.95) WITHIN GROUP (ORDER BY v) FROM tap_h), true,
          'percentile = percentile_cont');
SELECT is((SELECT round(eco.good_day_ratio(a)::numeric, 6) = round(100.0 * count(*) FILTER (WHERE a <= 100) / count(a), 6)
           FROM (SELECT (v * 2)::int AS a FROM tap_h) x), true, 'good_day_ratio = count(AQI <= 100) / count(AQI)');

-- ---------- row-level security through eco.site_visible ----------
CREATE ROLE air_tap_reader;
GRANT USAGE ON SCHEMA eco TO air_tap_reader;
INSERT INTO eco.area_grant VALUES ('air_tap_reader', '3201');
INSERT INTO eco.site (code, name, kind, area) VALUES ('TAPN', 'Nanjing test', 'air', '320102'),
                                                     ('TAPB', 'Beijing test', 'air', '110101');
INSERT INTO eco.air_hourly (site_code, hour_ending, pm25)
SELECT c, '2023-03-01'::timestamp + g * interval '1 hour', 30 FROM unnest(ARRAY['TAPN', 'TAPB']) c, generate_series(1, 24) g;
SELECT eco.refresh_air_daily('2023-03-01', '2023-03-01');
SET LOCAL ROLE air_tap_reader;
SELECT is((SELECT string_agg(DISTINCT site_code, ',') FROM eco.air_hourly WHERE site_code LIKE 'TAP%'), 'TAPN',
          'a reader sees only the hourly rows of sites in its areas');
SELECT is((SELECT string_agg(site_code, ',') FROM eco.air_daily WHERE site_code LIKE 'TAP%'), 'TAPN',
          'and only their daily rows');
SELECT throws_ok($$INSERT INTO eco.air_hourly (site_code, hour_ending, pm25) VALUES ('TAPB', '2023-03-05 01:00', 1)$$,
                 '42501', NULL, 'a reader cannot write rows of a site it cannot see');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
