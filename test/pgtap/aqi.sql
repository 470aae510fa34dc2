-- pgTAP: AQI catalogue properties, SQLSTATEs and cross-checks against independent SQL.
BEGIN;
SET LOCAL search_path = public, eco;
SELECT plan(24);

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
           WHERE n.nspname = 'eco' AND p.proname IN ('daily_aqi', 'hourly_aqi')
             AND p.provolatile = 'i' AND p.proparallel = 's' AND NOT p.proisstrict), 2,
          'daily_aqi and hourly_aqi are IMMUTABLE PARALLEL SAFE and not STRICT (NULL = missing indicator)');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('iaqi', 'daily_aqi', 'hourly_aqi', 'aqi_level', 'nowcast')
             AND obj_description(p.oid, 'pg_proc') IS NULL), 0, 'every AQI function has a comment');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'eco.daily_aqi'::regproc),
          ARRAY['so2', 'no2', 'co', 'pm10', 'pm25', 'o3_8h', 'o3_1h', 'standard']::text[],
          'daily_aqi argument names');
SELECT is((SELECT proargnames FROM pg_proc WHERE oid = 'eco.hourly_aqi'::regproc),
          ARRAY['so2', 'no2', 'co', 'o3', 'pm10', 'pm25', 'o3_8h', 'pm10_24h', 'pm25_24h', 'so2_24h', 'standard']::text[],
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

SELECT * FROM finish();
ROLLBACK;
