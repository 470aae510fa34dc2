-- Air quality evaluation (2/2): capture-aware aggregates, parallel plans, hourly and daily tables.
\set VERBOSITY terse
SET search_path = eco, public;

-- ---------- daily_mean: 19 / 20 hours (GB 3095 Table 4) ----------
SELECT n, eco.daily_mean(v) AS mean
FROM (SELECT n, g AS v FROM generate_series(19, 20) n, generate_series(1, n) g) s GROUP BY n ORDER BY n;
SELECT eco.daily_mean(v) FROM (VALUES (1.0::float8), (NULL)) s(v);   -- one value: NULL
SELECT eco.daily_mean(v) FROM (SELECT 1.0::float8 WHERE false) s(v); -- empty: NULL
SELECT eco.daily_mean(v) FROM (VALUES (-1.0::float8)) s(v);
SELECT eco.daily_mean(v) FROM (VALUES ('NaN'::float8)) s(v);
SELECT eco.daily_mean(v) FROM (VALUES (1e300::float8)) s(v);
-- each value fits the fixed point (< 2^63), their sum does not: 22003
SELECT eco.daily_mean(v) FROM (VALUES (5e18::float8), (5e18)) s(v);
-- 24 x 0.8 mg/m³ CO: the exact sum gives exactly 0.8, where the float sum of avg drifts.
SELECT eco.daily_mean(0.8) AS dm, avg(0.8::float8) AS plain FROM generate_series(1, 24);
-- 24 hourly CO readings, 12 x 0.15 and 12 x 0.95 mg/m³: the mean is exactly 0.55.  The decimals as written sum
-- exactly, so the daily mean is 0.55, which the HJ 633-2026 §4.2.2 input rounding (GB/T 8170) takes to 0.6: CO IAQI 15.
-- The exact sum of the binary values gave 0.5499999999999999 (rounded to 0.5: IAQI 13).
SELECT eco.daily_mean(CASE WHEN g % 2 = 0 THEN 0.15 ELSE 0.95 END) AS dm,
       eco.iaqi('CO', '24h', eco.daily_mean(CASE WHEN g % 2 = 0 THEN 0.15 ELSE 0.95 END)) AS iaqi,
       eco.iaqi('CO', '24h', 0.5499999999999999) AS iaqi_of_the_binary_mean
FROM generate_series(1, 24) g;
SELECT eco.daily_mean(0.55) AS dm, eco.iaqi('CO', '24h', eco.daily_mean(0.55)) AS iaqi FROM generate_series(1, 24);
-- other days whose decimal mean is a rounding half: 12 x 0.45 + 12 x 0.65; 20 x 1.15; 24 x 0.35; 21 x 28.175
SELECT eco.daily_mean(CASE WHEN g % 2 = 0 THEN 0.45 ELSE 0.65 END) AS mixed_055 FROM generate_series(1, 24) g;
SELECT eco.daily_mean(1.15) AS co_115, eco.iaqi('CO', '24h', eco.daily_mean(1.15)) AS iaqi_115 FROM generate_series(1, 20);
SELECT eco.daily_mean(0.35) AS co_035, eco.iaqi('CO', '24h', eco.daily_mean(0.35)) AS iaqi_035 FROM generate_series(1, 24);
SELECT eco.daily_mean(28.175) AS v28175, eco.capture_avg(28.175, 21) AS cap28175 FROM generate_series(1, 21);
-- a value with more than 6 decimals (0.1 + 0.2 = 0.30000000000000004) takes the group to the exact binary sum
SELECT eco.daily_mean(CASE WHEN g = 1 THEN 0.1::float8 + 0.2 ELSE 0.55 END) AS long_value FROM generate_series(1, 24) g;
-- 8-h moving capture_avg over 0.15 / 0.95 readings: every window of 6 to 8 hours has a decimal mean, exactly
-- (NULL: fewer than 6 hours)
SELECT DISTINCT eco.capture_avg(CASE WHEN g % 2 = 0 THEN 0.15 ELSE 0.95 END, 6)
       OVER (ORDER BY g ROWS BETWEEN 7 PRECEDING AND CURRENT ROW) AS moving
FROM generate_series(1, 48) g ORDER BY 1;

-- ---------- capture_avg: plain and as an 8-h moving average (6 of 8 hours) ----------
SELECT eco.capture_avg(v, 3) AS three, eco.capture_avg(v, 4) AS four
FROM (VALUES (1.0::float8), (2), (NULL), (6)) s(v);
SELECT eco.capture_avg(v, 0) FROM (VALUES (1.0::float8)) s(v);
SELECT eco.capture_avg(v, NULL) FROM (VALUES (1.0::float8)) s(v);
-- one min_count per group (else the result would depend on the row order or the parallel split)
SELECT eco.capture_avg(v, m) FROM (VALUES (1.0::float8, 1), (2, 3)) s(v, m);
SELECT eco.capture_avg(v, m) OVER (ORDER BY v ROWS 1 PRECEDING) FROM (VALUES (1.0::float8, 1), (2, 3)) s(v, m);
CREATE TEMP TABLE o3h AS
SELECT '2023-07-01 00:00'::timestamp + g * interval '1 hour' AS hour_ending,
       CASE WHEN g IN (3, 4, 12) THEN NULL ELSE (40 + 10 * g % 170)::float8 END AS o3
FROM generate_series(1, 30) g WHERE g NOT IN (5, 6);
-- Hours 5 and 6 are absent rows, 3, 4 and 12 are NULL: the windows ending 06..11 have 3..5 values.
SELECT hour_ending, o3,
       eco.capture_avg(o3, 6) OVER w AS c_avg,
       CASE WHEN count(o3) OVER w >= 6 THEN avg(o3) OVER w END AS plain_sql,
       count(o3) OVER w AS n
FROM o3h WINDOW w AS (ORDER BY hour_ending RANGE BETWEEN '7 hours' PRECEDING AND CURRENT ROW)
ORDER BY hour_ending;
-- The moving (inverse-transition) path equals the plain aggregate exactly on non-integral data.
WITH t0 AS (SELECT i, CASE WHEN i % 11 = 0 THEN NULL ELSE sqrt(i) * 10.1 END AS v FROM generate_series(1, 500) i)
SELECT count(*) AS windows, count(m) AS valid,
       count(*) FILTER (WHERE m IS NOT DISTINCT FROM p) AS equal
FROM (SELECT eco.capture_avg(v, 6) OVER (ORDER BY i ROWS BETWEEN 7 PRECEDING AND CURRENT ROW) AS m,
             (SELECT eco.capture_avg(x.v, 6) FROM t0 x WHERE x.i BETWEEN t0.i - 7 AND t0.i) AS p
      FROM t0) z;

-- ---------- mda8: 14 of 17 windows, 6 of 8 hours, exceedance rule (HJ 663 §6.1.2) ----------
CREATE TEMP TABLE day_o3 (kase text, hour integer, o3 float8);
-- full: flat 100; rising: o3 = hour; missing1_5 / missing1_6: hours 1..5 / 1..6 absent;
-- high1_6: hours 1..6 absent, 200 in hours 17..24; w08_6 / w08_5: window 08 with 6 / 5 values.
INSERT INTO day_o3 SELECT 'full', h, 100 FROM generate_series(1, 24) h;
INSERT INTO day_o3 SELECT 'rising', h, h FROM generate_series(1, 24) h;
INSERT INTO day_o3 SELECT 'missing1_5', h, 100 FROM generate_series(6, 24) h;
INSERT INTO day_o3 SELECT 'missing1_6', h, 100 FROM generate_series(7, 24) h;
INSERT INTO day_o3 SELECT 'high1_6', h, CASE WHEN h >= 17 THEN 200 ELSE 100 END FROM generate_series(7, 24) h;
INSERT INTO day_o3 SELECT 'at160_1_6', h, CASE WHEN h >= 17 THEN 160 ELSE 100 END FROM generate_series(7, 24) h;
INSERT INTO day_o3 SELECT 'nulls', h, CASE WHEN h <= 6 THEN NULL ELSE 100 END FROM generate_series(1, 24) h;
SELECT kase, count(o3) AS hours, eco.mda8(hour, o3) AS mda8, eco.mda8(hour, o3, 100) AS mda8_grade_i,
       eco.mda8(hour, o3, 250) AS mda8_lim250
FROM day_o3 GROUP BY kase ORDER BY kase;
-- Window ending 08 (hours 1..8, all 300): with hours 1-2 missing it has 6 values and is valid (MDA8 300);
-- with hours 1-3 missing it has 5 and is skipped, so window 09 (hours 4..9: 5 x 300, 10) is the maximum.
SELECT n_missing, eco.mda8(hour, o3) AS mda8
FROM (SELECT n_missing, h AS hour, CASE WHEN h <= 8 THEN 300 ELSE 10 END::float8 AS o3
      FROM generate_series(2, 3) n_missing, generate_series(1, 24) h WHERE h > n_missing) s
GROUP BY n_missing ORDER BY n_missing;
-- Order independence: the same day in two opposite orders.
SELECT (SELECT eco.mda8(hour, o3 ORDER BY hour) FROM day_o3 WHERE kase = 'rising') AS asc_order,
       (SELECT eco.mda8(hour, o3 ORDER BY hour DESC) FROM day_o3 WHERE kase = 'rising') AS desc_order,
       (SELECT eco.mda8(hour, o3 ORDER BY (hour * 7) % 24) FROM day_o3 WHERE kase = 'rising') AS shuffled;
-- The same from hour_ending labels: hour 24 ends at midnight of the next day.
SELECT eco.report_day(t) AS day, eco.mda8(eco.report_hour(t), 100 + eco.report_hour(t)) AS mda8
FROM generate_series('2023-07-01 01:00'::timestamp, '2023-07-02 00:00', '1 hour') t GROUP BY 1;
SELECT eco.mda8(h, 1.0) FROM generate_series(1, 0) h;   -- empty: NULL
SELECT eco.mda8(h, 1e308) AS mda8_1e308 FROM generate_series(1, 24) h;   -- the 8-h sums overflow, the means do not
SELECT eco.mda8(h, 1.0) FROM (VALUES (1), (1)) s(h);
SELECT eco.mda8(h, 1.0) FROM (VALUES (0)) s(h);
SELECT eco.mda8(h, 1.0) FROM (VALUES (25)) s(h);
SELECT eco.mda8(h, -1.0) FROM (VALUES (1)) s(h);
SELECT eco.mda8(h, 1.0, 0) FROM (VALUES (1)) s(h);
SELECT eco.mda8(h, 1.0, lim) FROM (VALUES (1, 160.0::float8), (2, 100)) s(h, lim);
SELECT eco.mda8(h, 1.0, NULL) FROM (VALUES (1)) s(h);

-- ---------- percentile (HJ 663 Appendix A) ----------
SELECT eco.percentile(v, 0.9) AS p90, eco.percentile(v, 0.5) AS p50, eco.percentile(v, 0.95) AS p95,
       eco.percentile(v, 0.98) AS p98, eco.percentile(v, 0) AS p0, eco.percentile(v, 1) AS p100
FROM unnest(ARRAY[3, 4, 8, 2, 5, 4]::float8[]) v;
SELECT eco.percentile(v, 0.9) AS p90, eco.percentile(v, 0.95) AS p95, eco.percentile(v, 0.98) AS p98
FROM generate_series(1, 365) v;
-- Equals percentile_cont on the same data, bit for bit.
SELECT p, eco.percentile(v, p) = percentile_cont(p) WITHIN GROUP (ORDER BY v) AS same
FROM (SELECT sin(i) * 100 + i % 7 AS v FROM generate_series(1, 1001) i) s,
     unnest(ARRAY[0, 0.1, 0.333, 0.5, 0.9, 0.95, 0.98, 1]::float8[]) p
GROUP BY p ORDER BY p;
SELECT eco.percentile(v, 0.9) FROM (VALUES (NULL::float8)) s(v);   -- no values: NULL
SELECT eco.percentile(v, 1.5) FROM (VALUES (1.0::float8)) s(v);
SELECT eco.percentile(v, -0.1) FROM (VALUES (1.0::float8)) s(v);
SELECT eco.percentile(v, p) FROM (VALUES (1.0::float8, 0.9::float8), (2, 0.5)) s(v, p);
SELECT eco.percentile(v, 0.9) FROM (VALUES ('Infinity'::float8)) s(v);
SELECT eco.percentile(v, NULL) FROM (VALUES (1.0::float8)) s(v);

-- ---------- annual mean and percentile: 324 days, 27 a month, 25 in February ----------
CREATE TEMP TABLE year_days AS
SELECT d::date AS day, extract(doy FROM d)::float8 AS v FROM generate_series('2023-01-01'::date, '2023-12-31', '1 day') d;
-- keep(jan, feb, other): days of month kept in January, February and other months.
CREATE FUNCTION pg_temp.kept(jan int, feb int, other int, other_m int DEFAULT 27, m_other int DEFAULT 3)
RETURNS TABLE (day date, v float8) LANGUAGE sql AS $$
    SELECT day, v FROM year_days
    WHERE extract(day FROM day) <= CASE extract(month FROM day) WHEN 1 THEN jan WHEN 2 THEN feb
                                       WHEN m_other THEN other ELSE other_m END $$;
-- (March is the "other" month; the remaining nine months keep 27 days, or all in the full year.)
SELECT kase, (SELECT count(*) FROM pg_temp.kept(j, f, o, r)) AS days,
       (SELECT eco.annual_mean(day, v) FROM pg_temp.kept(j, f, o, r)) AS mean,
       (SELECT eco.annual_percentile(day, v, 0.9) FROM pg_temp.kept(j, f, o, r)) AS p90
FROM (VALUES ('324 days', 29, 25, 27, 27), ('323 days', 28, 25, 27, 27), ('Feb 24', 30, 24, 27, 27),
             ('Mar 26', 30, 25, 26, 27), ('full year', 31, 31, 31, 31))
     k(kase, j, f, o, r)
ORDER BY days DESC, kase;
-- A leap year: 29 February counts for February.
SELECT eco.annual_mean(d::date, 1) AS mean_2024, count(*) AS days
FROM generate_series('2024-01-01'::date, '2024-12-31', '1 day') d
WHERE extract(day FROM d) <= CASE extract(month FROM d) WHEN 2 THEN 25 WHEN 1 THEN 29 ELSE 27 END
   OR d = '2024-02-29';
-- The annual percentile equals percentile_cont over the same valid days.
SELECT eco.annual_percentile(day, sqrt(v), 0.98) = percentile_cont(0.98) WITHIN GROUP (ORDER BY sqrt(v)) AS same
FROM year_days;
-- NULL daily values (invalid days) do not count.
SELECT eco.annual_mean(day, CASE WHEN extract(day FROM day) = 31 THEN NULL ELSE v END) IS NOT NULL AS valid
FROM year_days;
SELECT eco.annual_mean(day, v) FROM (VALUES ('2023-12-31'::date, 1.0::float8), ('2024-01-01', 1)) s(day, v);
SELECT eco.annual_mean(day, v) FROM (VALUES ('2023-05-01'::date, 1.0::float8), ('2023-05-01', 2)) s(day, v);
SELECT eco.annual_mean(day, v) FROM (VALUES ('infinity'::date, 1.0::float8)) s(day, v);
SELECT eco.annual_percentile(day, v, 2) FROM year_days;
SELECT eco.annual_mean(day, v) FROM year_days WHERE false;   -- empty: NULL
-- huge finite daily values: their sum overflows float8, their mean does not
SELECT eco.annual_mean(day, 1e308) AS mean_1e308 FROM year_days;
SELECT eco.annual_percentile(day, v, NULL) FROM year_days;
-- 1 BC (astronomical year 0, a leap year) is a year like any other; it does not mix with 2 BC.
SELECT eco.annual_mean(d::date, 2) AS mean_1_bc, count(*) AS days
FROM generate_series('0001-01-01 BC'::date, '0001-12-31 BC', '1 day') d;
SELECT eco.annual_mean(d, 1) FROM (VALUES ('0001-06-01 BC'::date), ('0002-06-01 BC')) s(d);

-- ---------- good-days ratio (优良天数比例 over valid days) ----------
-- Heshan 2020 Q4: 73 of 92 valid days -> 79.3 %; NULL AQIs are not valid days.
SELECT round(eco.good_day_ratio(aqi)::numeric, 1) AS ratio, count(aqi) AS valid_days
FROM (SELECT CASE WHEN g <= 73 THEN 50 + g % 51 WHEN g <= 92 THEN 101 + g ELSE NULL END AS aqi
      FROM generate_series(1, 95) g) s;
SELECT eco.good_day_ratio(a) FROM (VALUES (100), (101)) s(a);
SELECT eco.good_day_ratio(a) FROM (VALUES (NULL::int)) s(a);
SELECT eco.good_day_ratio(a) FROM (VALUES (-1)) s(a);

-- ---------- combine functions on an empty partial state ----------
SELECT eco._air_ratio_combine('{0,0}', '{3,4}') AS ratio_empty_first, eco._air_ratio_combine('{3,4}', '{0,0}') AS ratio_empty_second;
SELECT eco._air_ratio_combine('{0,0,0}', '{3,4}');
-- Internal states cannot be passed from SQL: the parallel plans below hand empty worker states to the combine.

-- ---------- parallel plans: Partial Aggregate, parallel result = serial result ----------
CREATE TABLE air_par AS
SELECT i, i / 24 AS g, i / 365 AS y, i % 24 + 1 AS hour, (i % 997) * 0.37 AS v,
       '2023-01-01'::date + (i % 365) AS day, (i % 300) AS aqi
FROM generate_series(0, 23999) i;
ANALYZE air_par;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT eco.daily_mean(v), eco.capture_avg(v, 6), eco.percentile(v, 0.9), eco.good_day_ratio(aqi) FROM air_par;
EXPLAIN (COSTS OFF) SELECT eco.mda8(hour, v) FROM air_par WHERE i < 24;
EXPLAIN (COSTS OFF) SELECT eco.annual_mean(day, v), eco.annual_percentile(day, v, 0.9) FROM air_par WHERE i < 365;
EXPLAIN (COSTS OFF) SELECT g, eco.daily_mean(v), eco.mda8(hour, v), eco.percentile(v, 0.9) FROM air_par GROUP BY g;
-- Results of the parallel plans, kept for the comparison with the serial plans below.
EXPLAIN (COSTS OFF) CREATE TEMP TABLE par_u AS
SELECT ROW(eco.daily_mean(v), eco.capture_avg(v, 6), eco.percentile(v, 0.9), eco.good_day_ratio(aqi))::text AS r FROM air_par;
CREATE TEMP TABLE par_u AS
SELECT ROW(eco.daily_mean(v), eco.capture_avg(v, 6), eco.percentile(v, 0.9), eco.good_day_ratio(aqi))::text AS r FROM air_par;
CREATE TEMP TABLE par_m AS SELECT ROW(eco.mda8(hour, v), eco.mda8(hour, v, 100))::text AS r FROM air_par WHERE i < 24;
CREATE TEMP TABLE par_a AS
SELECT ROW(eco.annual_mean(day, v), eco.annual_percentile(day, v, 0.9))::text AS r FROM air_par WHERE i < 365;
CREATE TEMP TABLE par_g AS
SELECT g, eco.daily_mean(v) AS dm, eco.capture_avg(v, 20) AS ca, eco.mda8(hour, v) AS m8, eco.percentile(v, 0.9) AS p90
FROM air_par GROUP BY g;
-- The other aggregates grouped too: groups of 365 consecutive rows hold each day of 2023 once (the last
-- group only 275 days: its annual statistics and capture_avg(v, 300) are NULL).
EXPLAIN (COSTS OFF)
SELECT y, eco.capture_avg(v, 300), eco.annual_mean(day, v), eco.annual_percentile(day, v, 0.9),
       eco.good_day_ratio(aqi)
FROM air_par GROUP BY y;
CREATE TEMP TABLE par_y AS
SELECT y, eco.capture_avg(v, 300) AS ca, eco.annual_mean(day, v) AS am,
       eco.annual_percentile(day, v, 0.9) AS ap, eco.good_day_ratio(aqi) AS gdr
FROM air_par GROUP BY y;
-- Workers that see no row hand an empty state to the combine: only the first page has rows.
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT eco.mda8(hour, v), eco.percentile(v, 0.5), eco.daily_mean(v) FROM air_par WHERE i < 24;
SELECT eco.mda8(hour, v) AS mda8_first_day, eco.percentile(v, 0.5) AS p50, eco.daily_mean(v) AS dm,
       eco.capture_avg(v, 1) AS ca, eco.annual_mean(day, v) AS am, eco.good_day_ratio(aqi) AS gdr
FROM air_par WHERE i < 24;
SELECT eco.mda8(hour, v) AS mda8, eco.percentile(v, 0.5) AS p50, eco.daily_mean(v) AS dm, eco.capture_avg(v, 1) AS ca,
       eco.annual_mean(day, v) AS am, eco.good_day_ratio(aqi) AS gdr
FROM air_par WHERE i < 0;   -- every partial state empty
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT 'parallel' AS plan, (SELECT r FROM par_u) AS ungrouped, (SELECT r FROM par_m) AS mda8, (SELECT r FROM par_a) AS annual
UNION ALL
SELECT 'serial',
       (SELECT ROW(eco.daily_mean(v), eco.capture_avg(v, 6), eco.percentile(v, 0.9), eco.good_day_ratio(aqi))::text FROM air_par),
       (SELECT ROW(eco.mda8(hour, v), eco.mda8(hour, v, 100))::text FROM air_par WHERE i < 24),
       (SELECT ROW(eco.annual_mean(day, v), eco.annual_percentile(day, v, 0.9))::text FROM air_par WHERE i < 365);
SELECT count(*) AS groups, count(*) FILTER (WHERE p.dm IS NOT DISTINCT FROM s.dm AND p.ca IS NOT DISTINCT FROM s.ca
                                            AND p.m8 IS NOT DISTINCT FROM s.m8 AND p.p90 = s.p90) AS equal
FROM par_g p
JOIN (SELECT g, eco.daily_mean(v) AS dm, eco.capture_avg(v, 20) AS ca, eco.mda8(hour, v) AS m8,
             eco.percentile(v, 0.9) AS p90 FROM air_par GROUP BY g) s USING (g);
SELECT count(*) AS groups, count(p.am) AS valid_years, count(p.ca) AS valid_ca,
       count(*) FILTER (WHERE p.ca IS NOT DISTINCT FROM s.ca AND p.am IS NOT DISTINCT FROM s.am
                          AND p.ap IS NOT DISTINCT FROM s.ap AND p.gdr = s.gdr) AS equal
FROM par_y p
JOIN (SELECT y, eco.capture_avg(v, 300) AS ca, eco.annual_mean(day, v) AS am,
             eco.annual_percentile(day, v, 0.9) AS ap, eco.good_day_ratio(aqi) AS gdr
      FROM air_par GROUP BY y) s USING (y);
RESET max_parallel_workers_per_gather;
DROP TABLE air_par;

-- ---------- eco.air_hourly and the daily roll-up ----------
INSERT INTO eco.site (code, name, kind, area) VALUES ('A1', 'test station 1', 'air', 'test'), ('A2', 'test station 2', 'air', 'test');
-- A1: 2023-07-01 complete (24 h), 2023-07-02 with 19 hours, 2023-07-03 with 20 hours; A2: 2026-03-01 complete.
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25, dust)
SELECT 'A1', t, 10, 20, 0.8, 50 + 5 * eco.report_hour(t), 60, 35, eco.report_hour(t) = 12
FROM generate_series('2023-07-01 01:00'::timestamp, '2023-07-04 00:00', '1 hour') t
WHERE NOT (eco.report_day(t) = '2023-07-02' AND eco.report_hour(t) <= 5)
  AND NOT (eco.report_day(t) = '2023-07-03' AND eco.report_hour(t) <= 4);
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
SELECT 'A2', t, 8, 30, 1.2, 90, 120, 70
FROM generate_series('2026-03-01 01:00'::timestamp, '2026-03-02 00:00', '1 hour') t;
SELECT eco.refresh_air_daily('2023-07-01', '2026-03-01') AS site_days;
SELECT site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h, so2_valid, pm25_valid, o3_8h_valid, n_hours, dust
FROM eco.air_daily ORDER BY site_code, day;
-- The day's AQI under the HJ 633 edition in force (HJ633-2012 before 2026-03-01, HJ633-2026 from then on).
SELECT site_code, day, aqi_standard, aqi, aqi_level, aqi_category, primary_pollutants
FROM eco.air_daily ORDER BY site_code, day;
SELECT d.site_code, d.day, (eco.daily_aqi(so2 => d.so2, no2 => d.no2, co => d.co, pm10 => d.pm10, pm25 => d.pm25,
                                          o3_8h => d.o3_8h, o3_1h => d.o3_1h,
                                          standard => eco.standard_in_force('HJ633', d.day))).aqi IS NOT DISTINCT FROM d.aqi AS same_as_direct_call
FROM eco.air_daily d ORDER BY 1, 2;
-- Recomputing one day leaves the others untouched.
UPDATE eco.air_hourly SET pm25 = 45 WHERE site_code = 'A1';
SELECT eco.refresh_air_daily('2023-07-03', '2023-07-03') AS site_days;
SELECT site_code, day, pm25, aqi, primary_pollutants FROM eco.air_daily ORDER BY site_code, day;
DELETE FROM eco.air_hourly WHERE site_code = 'A1' AND hour_ending > '2023-07-03 00:00';
SELECT eco.refresh_air_daily('2023-07-03', '2023-07-03') AS site_days;
SELECT site_code, day FROM eco.air_daily ORDER BY site_code, day;
SELECT eco.refresh_air_daily('2023-07-03', '2023-07-01');
SELECT eco.refresh_air_daily(NULL, '2023-07-01');
INSERT INTO eco.air_hourly (site_code, hour_ending, so2) VALUES ('A1', '2023-08-01 01:00', -3);
-- NaN and infinity pass ">= 0" in PostgreSQL; the table refuses them, and labels off the full hour,
-- which would otherwise make eco.refresh_air_daily fail later.
INSERT INTO eco.air_hourly (site_code, hour_ending, pm25) VALUES ('A1', '2023-08-01 01:00', 'NaN');
INSERT INTO eco.air_hourly (site_code, hour_ending, o3) VALUES ('A1', '2023-08-01 01:00', 'Infinity');
INSERT INTO eco.air_hourly (site_code, hour_ending, co) VALUES ('A1', '2023-08-01 01:30', 1);
INSERT INTO eco.air_hourly (site_code, hour_ending, co) VALUES ('A1', 'infinity', 1);
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
VALUES ('A1', '2023-08-01 01:00', 0, 0, 0, 0, 0, 0);   -- zero is a value
DELETE FROM eco.air_daily; DELETE FROM eco.air_hourly; DELETE FROM eco.site WHERE code IN ('A1', 'A2');
