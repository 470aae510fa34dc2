-- pgTAP: AQI catalogue properties, SQLSTATEs and cross-checks against independent SQL.
BEGIN;
SET LOCAL search_path = public, eco;
SELECT plan(33);

SELECT has_function('eco', 'iaqi', ARRAY['eco.pollutant', 'text', 'double precision', 'eco.standard'], 'eco.iaqi exists');
SELECT has_function('eco', 'daily_aqi', 'eco.daily_aqi exists');
SELECT has_function('eco', 'hourly_aqi', 'eco.hourly_aqi exists');
SELECT has_view('eco', 'aqi_breakpoints', 'view eco.aqi_breakpoints');
SELECT has_view('eco', 'aqi_levels', 'view eco.aqi_levels');
-- Labels: iaqi, aqi_level, nowcast IMMUTABLE STRICT PARALLEL SAFE; the reports IMMUTABLE PARALLEL SAFE, not STRICT.
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('iaqi', 'aqi_level', 'nowcast')
             AND p.provolatile = 'i' AND p.proparallel = 's' AND p.proisstrict), 3,
          'iaqi, aqi_level, nowcast are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('daily_aqi', 'hourly_aqi', 'epa_aqi')
             AND p.provolatile = 'i' AND p.proparallel = 's' AND NOT p.proisstrict), 3,
          'daily_aqi, hourly_aqi, epa_aqi are IMMUTABLE PARALLEL SAFE and not STRICT (NULL = missing indicator)');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('iaqi', 'daily_aqi', 'hourly_aqi', 'epa_aqi', 'aqi_level', 'nowcast')
             AND obj_description(p.oid, 'pg_proc') IS NULL)
          + (SELECT count(*)::int FROM unnest(ARRAY['eco.aqi_breakpoints', 'eco.aqi_levels', 'eco.aqi_sensitive_groups']) AS o
             WHERE obj_description(o::regclass, 'pg_class') IS NULL)
          + (SELECT count(*)::int FROM unnest(ARRAY['eco.aqi_result', 'eco.epa_aqi_result']) AS o
             WHERE obj_description(o::regtype, 'pg_type') IS NULL), 0,
          'every AQI function, view and result type has a comment');
-- The same over the catalogue, internal functions included: every function of the extension named for the
-- AQI or the air evaluation (files 10_air_aqi.sql, 20_air_eval.sql) has a comment.
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text)
           FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
           JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
           WHERE (p.proname ~ '^_?(aqi|air)_' OR p.proname IN ('iaqi', 'daily_aqi', 'hourly_aqi', 'epa_aqi', 'nowcast',
                   'limit_value', 'report_day', 'report_hour', 'single_index', 'composite_index', 'exceedance_multiple',
                   'daily_mean', 'capture_avg', 'mda8', 'percentile', 'annual_mean', 'annual_percentile',
                   'good_day_ratio', 'refresh_air_daily'))
             AND obj_description(p.oid, 'pg_proc') IS NULL), NULL,
          'every air function and aggregate, internal ones included, has a comment');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'eco.daily_aqi'::regproc),
          ARRAY['so2', 'no2', 'co', 'pm10', 'pm25', 'o3_8h', 'o3_1h', 'standard']::text[],
          'daily_aqi argument names');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'eco.hourly_aqi'::regproc),
          ARRAY['so2', 'no2', 'co', 'o3', 'pm10', 'pm25', 'o3_8h', 'pm10_24h', 'pm25_24h', 'so2_24h', 'standard',
                'convention']::text[],
          'hourly_aqi argument names');

-- SQLSTATEs.
SELECT throws_ok($$SELECT eco.iaqi('PM2.5', '24h', -0.5)$$, '22023', NULL, 'negative concentration is 22023');
SELECT throws_ok($$SELECT eco.iaqi('PM2.5', '24h', 'NaN')$$, '22023', NULL, 'NaN is 22023');
SELECT throws_ok($$SELECT eco.iaqi('PM2.5', '24h', '-Infinity')$$, '22023', NULL, 'infinity is 22023');
SELECT throws_ok($$SELECT eco.iaqi('PM2.5', 'daily', 35)$$, '22023', NULL, 'unknown period is 22023');
SELECT throws_ok($$SELECT eco.iaqi('SO2', '8h', 35)$$, '22023', NULL, 'pair not in the table is 22023');
SELECT throws_ok($$SELECT eco.iaqi('PM2.5', '24h', 35, 'GB3838-2002')$$, '22023', NULL, 'other family is 22023');
SELECT throws_ok($$SELECT eco.daily_aqi(1, 1, 1, 1, 1, 1, standard => 'EPA-2024')$$, '22023', NULL,
                 'daily_aqi under EPA is 22023');
SELECT throws_ok($$SELECT eco.hourly_aqi(1, 1, 1, 'Infinity', 1, 1)$$, '22023', NULL, 'hourly infinity is 22023');

-- Cross-check: every 0.1 step of every 2012 column against exact numeric arithmetic with ceiling on the view.
SELECT is((SELECT count(*)::int
           FROM eco.aqi_breakpoints b
           CROSS JOIN LATERAL generate_series(b.bp_lo * 10, b.bp_hi * 10) AS k
           WHERE b.standard = 'HJ633-2012'
             AND eco.iaqi(b.pollutant, b.period, (k / 10.0)::float8, b.standard)
                 IS DISTINCT FROM ceil(b.iaqi_lo + (b.iaqi_hi - b.iaqi_lo) * (k / 10.0 - b.bp_lo) / (b.bp_hi - b.bp_lo))::int
             AND NOT (b.pollutant = 'SO2' AND b.period = '1h' AND k > 8000)), 0,
          'HJ633-2012 IAQI equals numeric ceiling at every 0.1 step');
-- 2026: the same after round-half-even of the value (numeric round() is half away from zero: use a CASE).
SELECT is((SELECT count(*)::int
           FROM eco.aqi_breakpoints b
           CROSS JOIN LATERAL generate_series(b.bp_lo * 100, b.bp_hi * 100, 7) AS k
           CROSS JOIN LATERAL (SELECT CASE WHEN b.pollutant = 'CO' THEN 10 ELSE 1 END AS s) AS sc
           CROSS JOIN LATERAL (SELECT k / 100.0 * sc.s AS x) AS xs
           CROSS JOIN LATERAL (SELECT (CASE WHEN x - floor(x) = 0.5 THEN floor(x) + (floor(x)::int8 % 2)
                                            ELSE round(x) END) / sc.s AS r) AS rr
           WHERE b.standard = 'HJ633-2026' AND rr.r BETWEEN b.bp_lo AND b.bp_hi
             AND eco.iaqi(b.pollutant, b.period, (k / 100.0)::float8, b.standard)
                 IS DISTINCT FROM ceil(b.iaqi_lo + (b.iaqi_hi - b.iaqi_lo) * (rr.r - b.bp_lo) / (b.bp_hi - b.bp_lo))::int), 0,
          'HJ633-2026 IAQI equals GB/T 8170 rounding then numeric ceiling');
-- The AQI is the max of the IAQIs; the primary pollutants are those at the max.
SELECT is((SELECT count(*)::int FROM generate_series(1, 2000) AS i
           CROSS JOIN LATERAL (SELECT (i * 7919 % 300)::float8 AS a, (i * 104729 % 200)::float8 AS b,
                                      (i % 97)::float8 / 10 AS c) AS v
           CROSS JOIN LATERAL eco.daily_aqi(a, b, c, a + b, b / 2, a * 2, standard => 'HJ633-2012') AS r
           WHERE r.aqi IS DISTINCT FROM greatest(r.iaqi_so2, r.iaqi_no2, r.iaqi_co, r.iaqi_pm10, r.iaqi_pm25,
                                                  r.iaqi_o3_8h, r.iaqi_o3_1h)
              OR r.aqi IS DISTINCT FROM greatest(eco.iaqi('SO2', '24h', a, 'HJ633-2012'),
                                                 eco.iaqi('NO2', '24h', b, 'HJ633-2012'),
                                                 eco.iaqi('CO', '24h', c, 'HJ633-2012'),
                                                 eco.iaqi('PM10', '24h', a + b, 'HJ633-2012'),
                                                 eco.iaqi('PM2.5', '24h', b / 2, 'HJ633-2012'),
                                                 eco.iaqi('O3', '8h', a * 2, 'HJ633-2012'))
              OR r.level IS DISTINCT FROM (eco.aqi_level(r.aqi, 'HJ633-2012')).level
              OR r.category IS DISTINCT FROM (eco.aqi_level(r.aqi, 'HJ633-2012')).category_zh
              OR cardinality(r.primary_pollutants) IS DISTINCT FROM
                 CASE WHEN r.aqi <= 50 THEN 0 ELSE
                   (r.iaqi_so2 = r.aqi)::int + (r.iaqi_no2 = r.aqi)::int + (r.iaqi_co = r.aqi)::int
                   + (r.iaqi_pm10 = r.aqi)::int + (r.iaqi_pm25 = r.aqi)::int + (r.iaqi_o3_8h = r.aqi)::int END), 0,
          'daily AQI = max IAQI, level and category from eco.aqi_level, primary = all tied at the max');
SELECT is((SELECT count(*)::int FROM eco.aqi_levels), 18, 'six levels for each of three editions');
SELECT is((SELECT count(*)::int FROM eco.aqi_breakpoints WHERE standard = 'HJ633-2026' AND period = '1h'
           AND pollutant IN ('PM10', 'PM2.5')), 14, '2026 PM 1-h rows (daily breakpoints)');
SELECT is((SELECT count(*)::int FROM eco.aqi_breakpoints b1 JOIN eco.aqi_breakpoints b2
           ON b1.pollutant = b2.pollutant AND b1.period = b2.period AND b1.iaqi_lo = b2.iaqi_lo
           WHERE b1.standard = 'HJ633-2012' AND b2.standard = 'HJ633-2026'
             AND b1.pollutant NOT IN ('PM10', 'PM2.5') AND (b1.bp_lo, b1.bp_hi) <> (b2.bp_lo, b2.bp_hi)), 0,
          'gas columns of 2012 and 2026 are equal');

-- Many shapes through one call site (NULL patterns, levels, primary sets): every field against eco.iaqi.
SELECT is((SELECT count(*)::int FROM generate_series(1, 3000) AS i
           CROSS JOIN LATERAL (SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 31 % 400)::float8 END AS so2,
                                      CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 17 % 300)::float8 END AS no2,
                                      CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 150)::float8 / 10 END AS co,
                                      CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 7 % 450)::float8 END AS pm10,
                                      CASE WHEN i % 3 = 0 THEN NULL ELSE (i * 13 % 260)::float8 END AS pm25,
                                      CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 19 % 330)::float8 END AS o3) AS v
           CROSS JOIN LATERAL eco.daily_aqi(so2 => v.so2, no2 => v.no2, co => v.co, pm10 => v.pm10, pm25 => v.pm25,
                                            o3_8h => v.o3) AS r
           CROSS JOIN LATERAL (SELECT greatest(r.iaqi_so2, r.iaqi_no2, r.iaqi_co, r.iaqi_pm10, r.iaqi_pm25,
                                               r.iaqi_o3_8h) AS mx,
                                      num_nulls(v.so2, v.no2, v.co, v.pm10, v.pm25, v.o3) AS missing) AS g
           WHERE r.iaqi_so2 IS DISTINCT FROM eco.iaqi('SO2', '24h', v.so2)
              OR r.iaqi_no2 IS DISTINCT FROM eco.iaqi('NO2', '24h', v.no2)
              OR r.iaqi_co IS DISTINCT FROM eco.iaqi('CO', '24h', v.co)
              OR r.iaqi_pm10 IS DISTINCT FROM eco.iaqi('PM10', '24h', v.pm10)
              OR r.iaqi_pm25 IS DISTINCT FROM eco.iaqi('PM2.5', '24h', v.pm25)
              OR r.iaqi_o3_8h IS DISTINCT FROM eco.iaqi('O3', '8h', v.o3)
              OR r.iaqi_o3_1h IS NOT NULL
              OR r.aqi IS DISTINCT FROM CASE WHEN g.missing > 0 AND g.mx <= 100 THEN NULL ELSE g.mx END
              OR r.color IS DISTINCT FROM (eco.aqi_level(r.aqi)).color
              OR r.primary_pollutants IS DISTINCT FROM
                 CASE WHEN r.aqi IS NULL THEN NULL WHEN r.aqi <= 50 THEN '{}'::text[] ELSE
                   array_remove(ARRAY[CASE WHEN r.iaqi_so2 = r.aqi THEN 'SO2' END, CASE WHEN r.iaqi_no2 = r.aqi THEN 'NO2' END,
                                      CASE WHEN r.iaqi_co = r.aqi THEN 'CO' END, CASE WHEN r.iaqi_pm10 = r.aqi THEN 'PM10' END,
                                      CASE WHEN r.iaqi_pm25 = r.aqi THEN 'PM2.5' END,
                                      CASE WHEN r.iaqi_o3_8h = r.aqi THEN 'O3_8H' END], NULL) END), 0,
          '2026 daily: 3000 rows with missing indicators agree with eco.iaqi and §5.3.1');
-- Real time 2012: IAQIs from the right periods; SO2 above 800 from so2_24h.
SELECT is((SELECT count(*)::int FROM generate_series(1, 2000) AS i
           CROSS JOIN LATERAL (SELECT (i * 37 % 1000)::float8 AS so2, (i * 11 % 400)::float8 AS so2d,
                                      (i * 23 % 900)::float8 AS o3, (i * 29 % 400)::float8 AS o38,
                                      (i * 3 % 300)::float8 AS pm10d, (i * 5 % 200)::float8 AS pm25d) AS v
           CROSS JOIN LATERAL eco.hourly_aqi(so2 => v.so2, no2 => 40, co => 1.2, o3 => v.o3, pm10 => 999, pm25 => 999,
                                             o3_8h => v.o38, pm10_24h => v.pm10d, pm25_24h => v.pm25d,
                                             so2_24h => v.so2d, standard => 'HJ633-2012', convention => 'text') AS r
           WHERE r.iaqi_so2 IS DISTINCT FROM CASE WHEN v.so2 > 800 THEN eco.iaqi('SO2', '24h', v.so2d, 'HJ633-2012')
                                                   ELSE eco.iaqi('SO2', '1h', v.so2, 'HJ633-2012') END
              OR r.iaqi_o3_1h IS DISTINCT FROM eco.iaqi('O3', '1h', v.o3, 'HJ633-2012')
              OR r.iaqi_o3_8h IS DISTINCT FROM eco.iaqi('O3', '8h', v.o38, 'HJ633-2012')
              OR r.iaqi_pm10 IS DISTINCT FROM eco.iaqi('PM10', '24h', v.pm10d, 'HJ633-2012')
              OR r.iaqi_pm25 IS DISTINCT FROM eco.iaqi('PM2.5', '24h', v.pm25d, 'HJ633-2012')
              OR r.iaqi_co IS DISTINCT FROM eco.iaqi('CO', '1h', 1.2, 'HJ633-2012')
              OR r.aqi IS DISTINCT FROM greatest(r.iaqi_so2, r.iaqi_no2, r.iaqi_co, r.iaqi_pm10, r.iaqi_pm25,
                                                 r.iaqi_o3_8h, r.iaqi_o3_1h)), 0,
          '2012 real time: 24-h PM, O3 8-h and 1-h, SO2 footnote');
-- Real time, convention 'published' (the default), both editions: the six 1-h means, PM 1-h on the 24-h
-- breakpoints, no O3 8-h; a missing pollutant withholds an AQI of 100 or less.
SELECT is((SELECT count(*)::int FROM generate_series(1, 3000) AS i
           CROSS JOIN LATERAL (SELECT CASE WHEN i % 2 = 0 THEN 'HJ633-2012' ELSE 'HJ633-2026' END::eco.standard AS std,
                                      nullif(i * 37 % 700, 13)::float8 AS so2, (i * 41 % 500)::float8 AS no2,
                                      nullif(i * 7 % 130, 3)::float8 / 10 AS co, nullif(i * 23 % 900, 5)::float8 AS o3,
                                      nullif(i * 3 % 500, 7)::float8 AS pm10, nullif(i * 5 % 400, 11)::float8 AS pm25) AS v
           CROSS JOIN LATERAL eco.hourly_aqi(so2 => v.so2, no2 => v.no2, co => v.co, o3 => v.o3, pm10 => v.pm10,
                                             pm25 => v.pm25, o3_8h => 500, pm10_24h => 1, pm25_24h => 1,
                                             standard => v.std) AS r
           CROSS JOIN LATERAL (SELECT eco.iaqi('SO2', '1h', v.so2, v.std) AS so2, eco.iaqi('NO2', '1h', v.no2, v.std) AS no2,
                                      eco.iaqi('CO', '1h', v.co, v.std) AS co, eco.iaqi('O3', '1h', v.o3, v.std) AS o3,
                                      eco.iaqi('PM10', '24h', v.pm10, v.std) AS pm10,
                                      eco.iaqi('PM2.5', '24h', v.pm25, v.std) AS pm25) AS e
           WHERE r.iaqi_so2 IS DISTINCT FROM e.so2 OR r.iaqi_no2 IS DISTINCT FROM e.no2 OR r.iaqi_co IS DISTINCT FROM e.co
              OR r.iaqi_o3_1h IS DISTINCT FROM e.o3 OR r.iaqi_pm10 IS DISTINCT FROM e.pm10
              OR r.iaqi_pm25 IS DISTINCT FROM e.pm25 OR r.iaqi_o3_8h IS NOT NULL
              OR r.aqi IS DISTINCT FROM
                 CASE WHEN num_nulls(e.so2, e.no2, e.co, e.o3, e.pm10, e.pm25) = 0
                        OR greatest(e.so2, e.no2, e.co, e.o3, e.pm10, e.pm25) > 100
                      THEN greatest(e.so2, e.no2, e.co, e.o3, e.pm10, e.pm25) END), 0,
          'published real time: six 1-h means, PM 1-h on the 24-h breakpoints, missing withholds AQI <= 100');
-- EPA: index = max over pollutants; main pollutants tied.
SELECT is((SELECT count(*)::int FROM generate_series(1, 2000) AS i
           CROSS JOIN LATERAL (SELECT (i % 250)::float8 / 1000 AS o3, (i * 7 % 3000)::float8 / 10 AS pm25,
                                      (i * 13 % 700)::float8 AS pm10) AS v
           CROSS JOIN LATERAL eco.epa_aqi(o3_8h => v.o3, pm25 => v.pm25, pm10 => v.pm10) AS r
           WHERE r.index_o3_8h IS DISTINCT FROM eco.iaqi('O3', '8h', v.o3, 'EPA-2024')
              OR r.index_pm25 IS DISTINCT FROM eco.iaqi('PM2.5', '24h', v.pm25, 'EPA-2024')
              OR r.aqi IS DISTINCT FROM greatest(r.index_o3_8h, r.index_pm25, r.index_pm10)
              OR r.category IS DISTINCT FROM (eco.aqi_level(r.aqi, 'EPA-2024')).category_en
              OR cardinality(r.main_pollutants) <> (r.index_o3_8h = r.aqi)::int + (r.index_pm25 = r.aqi)::int
                                                  + (r.index_pm10 = r.aqi)::int), 0,
          'EPA AQI = max of the indices, main pollutants tied at it');
-- One call site, the edition switching from row to row (days on both sides of 2026-03-01).
SELECT is((SELECT count(*)::int FROM generate_series(1, 2000) AS i
           CROSS JOIN LATERAL (SELECT date '2026-02-20' + (i * 7 % 20) AS d, (i * 13 % 260)::float8 AS pm25,
                                      (i * 7 % 450)::float8 AS pm10) AS v
           CROSS JOIN LATERAL eco.daily_aqi(so2 => 5, no2 => 10, co => 0.4, pm10 => v.pm10, pm25 => v.pm25,
                                            o3_8h => 60, o3_1h => 80,
                                            standard => eco.standard_in_force('HJ633', v.d)) AS r
           WHERE r.iaqi_pm25 IS DISTINCT FROM eco.iaqi('PM2.5', '24h', v.pm25, eco.standard_in_force('HJ633', v.d))
              OR r.iaqi_pm10 IS DISTINCT FROM eco.iaqi('PM10', '24h', v.pm10, eco.standard_in_force('HJ633', v.d))
              OR (r.iaqi_o3_1h IS NULL) <> (v.d >= date '2026-03-01')
              OR r.category IS DISTINCT FROM (eco.aqi_level(r.aqi, eco.standard_in_force('HJ633', v.d))).category_zh),
          0, 'editions switching per row at one call site');
-- Named-argument call from PL/pgSQL, as a user's function does.
CREATE FUNCTION pg_temp.aqi_of_day(a float8, b float8) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE r eco.aqi_result;
BEGIN
    r := eco.daily_aqi(so2 => a, no2 => b, co => 1.0, pm10 => 180, pm25 => 120, o3_8h => 200, o3_1h => 220,
                       standard => eco.standard_in_force('HJ633', date '2025-06-01'));
    RETURN r.aqi;
END $$;
SELECT is(pg_temp.aqi_of_day(65, 150), 158, 'plpgsql named call, edition in force on 2025-06-01 (2012)');
SELECT is((eco.daily_aqi(so2 => 65, no2 => 150, co => 1.0, pm10 => 180, pm25 => 120, o3_8h => 200,
                         standard => eco.standard_in_force('HJ633', date '2026-03-01'))).iaqi_pm10, 124,
          'edition in force on 2026-03-01 (2026): PM10 180 -> 124');
SELECT is(eco.iaqi('PM2.5', '24h', 75, eco.standard_in_force('HJ633', date '2026-02-28')), 100,
          'iaqi with the edition in force on 2026-02-28 (2012)');

SELECT * FROM finish();
ROLLBACK;
