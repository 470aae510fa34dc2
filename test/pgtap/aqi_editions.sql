-- pgTAP: air editions as records, the canonical air API (GB 3095 Table 1 order, standard last, defaults stated once).
BEGIN;
SET LOCAL search_path = public, eco;
SELECT plan(22);

SELECT has_view('eco', 'aqi_editions', 'view eco.aqi_editions');
SELECT has_view('eco', 'air_evaluation_editions', 'view eco.air_evaluation_editions');
SELECT has_view('eco', 'air_annual_statistics', 'view eco.air_annual_statistics');
SELECT is((SELECT count(*)::int FROM eco.aqi_editions), 3, 'three AQI edition records');

-- Standards without AQI rules: 22023 naming the standard (never the rules of another edition).
SELECT throws_ok($$SELECT eco.aqi_daily_report(20, 40, 1, 161, 150, 75, standard => 'GB3095-2026')$$, '22023',
                 'standard "GB3095-2026" does not apply to eco.aqi_daily_report', 'daily report under GB 3095: 22023');
SELECT throws_ok($$SELECT eco.aqi_realtime_report(20, 40, 1, 161, 150, 75, standard => 'HJ663-2026')$$, '22023',
                 'standard "HJ663-2026" does not apply to eco.aqi_realtime_report', 'real-time report under HJ 663: 22023');
SELECT throws_ok($$SELECT eco.daily_aqi(20, 40, 1, 150, 75, 161, standard => 'SWQE-2011')$$, '22023',
                 'standard "SWQE-2011" does not apply to eco.daily_aqi', 'deprecated daily report under a water standard: 22023');
SELECT throws_ok($$SELECT eco.aqi_daily_report(20, 40, 1, 161, 150, 75, standard => 'EPA-2024')$$, '22023', NULL,
                 'HJ 633 report under EPA-2024: 22023');
SELECT throws_ok($$SELECT eco.aqi_epa_report(so2 => 20, standard => 'HJ633-2026')$$, '22023', NULL,
                 'EPA report under HJ 633: 22023');
SELECT throws_ok($$SELECT eco.iaqi('PM2.5', '24h', 75, 'GB3095-2012')$$, '22023', NULL, 'iaqi under GB 3095: 22023');
SELECT throws_ok($$SELECT eco.aqi_level(120, 'HJ663-2013')$$, '22023', NULL, 'aqi_level under HJ 663: 22023');
SELECT throws_ok($$SELECT eco.air_default_standard('GB3838')$$, '22023', 'no default standard for the family "GB3838"',
                 'no air default for a water family: 22023');
SELECT throws_ok($$SELECT eco.annual_percentile_rank('SO2', 'HJ633-2026')$$, '22023', NULL,
                 'annual percentile rank under HJ 633: 22023');
SELECT throws_ok($$SELECT eco.annual_mean(d, 1, 'GB3095-2012') FROM generate_series(1, 2) g, LATERAL (SELECT '2023-01-01'::date + g AS d) x$$,
                 '22023', NULL, 'annual mean under GB 3095: 22023');
SELECT throws_ok($$SELECT eco.annual_mean(d, 1, s::eco.standard) FROM (VALUES ('2023-01-01'::date, 'HJ663-2013'), ('2023-01-02', 'HJ663-2026')) v(d, s)$$,
                 '22023', NULL, 'two editions in one annual statistic: 22023');

-- Labels.
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('aqi_daily_report', 'aqi_realtime_report', 'aqi_epa_report')
             AND p.provolatile = 'i' AND p.proparallel = 's' AND NOT p.proisstrict), 3,
          'the canonical reports are IMMUTABLE PARALLEL SAFE and not STRICT (NULL = missing indicator)');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('air_default_standard', 'air_single_index', 'air_composite_index',
                                                     'annual_percentile_rank')
             AND p.provolatile = 'i' AND p.proparallel = 's' AND p.proisstrict), 4,
          'air_default_standard, air_single_index, air_composite_index, annual_percentile_rank are IMMUTABLE STRICT PARALLEL SAFE');

-- One order for the six air pollutants: in every function that is not deprecated, the first input argument of each
-- pollutant (so2*, no2*, co*, o3*, pm10*, pm25*) comes in GB 3095 Table 1 order.
SELECT is((WITH a AS (
               SELECT p.oid, t.ord,
                      CASE WHEN t.name ~ '^so2' THEN 1 WHEN t.name ~ '^no2' THEN 2 WHEN t.name ~ '^co(_|$)' THEN 3
                           WHEN t.name ~ '^o3' THEN 4 WHEN t.name ~ '^pm10' THEN 5 WHEN t.name ~ '^pm25' THEN 6 END AS rk
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
                    unnest(p.proargnames, coalesce(p.proargmodes, array_fill('i'::"char", ARRAY[coalesce(cardinality(p.proargnames), 0)])))
                        WITH ORDINALITY t(name, mode, ord)
               WHERE n.nspname = 'eco' AND coalesce(obj_description(p.oid, 'pg_proc'), '') NOT LIKE 'deprecated%'
                 AND t.mode IN ('i', 'b', 'v')),
           f AS (SELECT oid, rk, min(ord) AS first FROM a WHERE rk IS NOT NULL GROUP BY oid, rk)
           SELECT string_agg(DISTINCT f1.oid::regprocedure::text, ', ')
           FROM f f1 JOIN f f2 ON f1.oid = f2.oid AND f1.rk < f2.rk AND f1.first > f2.first),
          NULL, 'every air function that is not deprecated lists the pollutants as SO2, NO2, CO, O3, PM10, PM2.5');
SELECT is((WITH a AS (
               SELECT c.relname, x.p, min(at.attnum) AS first
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_attribute at ON at.attrelid = c.oid AND at.attnum > 0,
                    LATERAL (SELECT array_position(ARRAY['so2', 'no2', 'co', 'o3', 'pm10', 'pm25'],
                                    substring(at.attname FROM '^(?:iaqi_|index_)?(so2|no2|co|o3|pm10|pm25)(?:_|$)')) AS p) x
               WHERE n.nspname = 'eco' AND c.relname IN ('aqi_report', 'aqi_report_epa', 'air_hourly', 'air_daily')
                 AND x.p IS NOT NULL
               GROUP BY c.relname, x.p)
           SELECT string_agg(DISTINCT a1.relname, ', ')
           FROM a a1 JOIN a a2 ON a1.relname = a2.relname AND a1.p < a2.p AND a1.first > a2.first),
          NULL, 'result types and air tables have their pollutant fields in GB 3095 Table 1 order');
-- standard is the last input argument of every air function that is not deprecated.
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ')
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND coalesce(obj_description(p.oid, 'pg_proc'), '') NOT LIKE 'deprecated%'
             AND 'standard' = ANY (p.proargnames[1:p.pronargs])
             AND p.proargnames[p.pronargs] <> 'standard'
             AND (p.proargmodes IS NULL OR NOT 'o' = ANY (p.proargmodes[1:p.pronargs]))),
          NULL, 'standard is the last argument');
-- The defaults of the standard arguments of the canonical functions are eco.air_default_standard(family).
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ')
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco'
             AND p.proname IN ('iaqi', 'aqi_level', 'aqi_daily_report', 'aqi_realtime_report', 'aqi_epa_report',
                               'limit_value', 'air_single_index', 'air_composite_index', 'annual_percentile_rank',
                               'annual_compliance')
             AND pg_get_function_arguments(p.oid) !~ 'standard (eco\.)?standard DEFAULT (eco\.)?air_default_standard\(''[A-Z0-9]+''::text\)($|,)'),
          NULL, 'the canonical air functions default their standard to eco.air_default_standard(family)');
-- The 0.1.0 names and C entry points stay (deprecated): a 0.1.0 positional call keeps its meaning.
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND obj_description(p.oid, 'pg_proc') LIKE 'deprecated%use eco.%'
             AND p.proname IN ('daily_aqi', 'hourly_aqi', 'epa_aqi', 'composite_index', 'single_index')), 5,
          'the five 0.1.0 functions in another order are kept, their comments deprecated and naming the replacement');

SELECT * FROM finish();
ROLLBACK;
