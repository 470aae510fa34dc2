-- Benchmark of eco.iaqi, eco.daily_aqi and eco.aqi_daily_report on full-precision doubles (what eco.daily_mean
-- returns: a 24-h mean such as 37.458333333333336), against their floors.  Run: BENCH=bench/rollup_aqi.sql make bench
--   eco.iaqi('PM2.5', '24h', x)              against sum(abs(x))                 aim <= 1.5
--   eco.daily_aqi(six means)  (deprecated)   against the sum of the six columns   aim <= 4
--   eco.aqi_daily_report(six means)          against the sum of the six columns   aim <= 4
-- and the last two under HJ633-2012 (the value as written, no input rounding: another path of the core).
-- Serial plans, no JIT: per-row CPU cost.  7 runs, alternating, so that the load of a shared machine hits both
-- sides alike; the ratios are printed from the best and from the median run times.
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_fp_day;
-- Daily means of integer hourly values over 19..24 hours: full-precision doubles, as eco.daily_mean returns them.
CREATE TABLE bench_fp_day AS
SELECT i AS id,
       (s1 / n)::float8 AS so2, (s2 / n)::float8 AS no2, (s3 / n / 10)::float8 AS co,
       (s4 / n)::float8 AS pm10, (s5 / n)::float8 AS pm25, (s6 / n)::float8 AS o3_8h
FROM (SELECT i, (19 + i % 6)::float8 AS n,
             (40 + (i * 7919) % 1200)::float8 AS s1, (100 + (i * 104729) % 2800)::float8 AS s2,
             (60 + (i * 1299709) % 900)::float8 AS s3, (200 + (i * 15485863) % 7000)::float8 AS s4,
             (100 + (i * 32452843) % 4200)::float8 AS s5, (400 + (i * 49979687) % 5600)::float8 AS s6
      FROM generate_series(1::bigint, 1000000) AS i) x;
VACUUM ANALYZE bench_fp_day;
SELECT count(*) FILTER (WHERE pm25 <> round(pm25::numeric, 6)::float8) AS values_beyond_6_decimals, count(*)
FROM bench_fp_day;

CREATE TEMP TABLE bench_t (label text, run int, ms float8);
CREATE FUNCTION pg_temp.t(label text, q text, run int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
    t0 := clock_timestamp();
    EXECUTE q;
    INSERT INTO bench_t VALUES (label, run, extract(epoch FROM clock_timestamp() - t0) * 1000);
END $$;
SELECT pg_temp.t('iaqi', $$SELECT sum(eco.iaqi('PM2.5', '24h', pm25)) FROM bench_fp_day$$, r),
       pg_temp.t('abs', $$SELECT sum(abs(pm25)) FROM bench_fp_day$$, r),
       pg_temp.t('daily_aqi', $$SELECT sum((eco.daily_aqi(so2 => so2, no2 => no2, co => co, pm10 => pm10, pm25 => pm25,
                                                       o3_8h => o3_8h)).aqi) FROM bench_fp_day$$, r),
       pg_temp.t('six', $$SELECT sum(so2 + no2 + co + pm10 + pm25 + o3_8h) FROM bench_fp_day$$, r),
       pg_temp.t('aqi_daily_report', $$SELECT sum((eco.aqi_daily_report(so2, no2, co, o3_8h, pm10, pm25)).aqi)
                                       FROM bench_fp_day$$, r),
       -- HJ 633-2012 uses the value as written (no input rounding): another path of the core
       pg_temp.t('iaqi_2012', $$SELECT sum(eco.iaqi('PM2.5', '24h', pm25, 'HJ633-2012')) FROM bench_fp_day$$, r),
       pg_temp.t('aqi_daily_report_2012', $$SELECT sum((eco.aqi_daily_report(so2, no2, co, o3_8h, pm10, pm25,
                                            standard => 'HJ633-2012')).aqi) FROM bench_fp_day$$, r)
FROM generate_series(1, 7) r \g /dev/null
CREATE TEMP VIEW bench_s AS
SELECT label, min(ms) AS best, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median FROM bench_t GROUP BY 1;
SELECT label, round(best::numeric, 1) AS best_ms, round(median::numeric, 1) AS median_ms FROM bench_s ORDER BY 1;
SELECT q.label AS ratio, q.aim,
       round((f.best / b.best)::numeric, 2) AS best, round((f.median / b.median)::numeric, 2) AS median
FROM (VALUES (1, 'iaqi / sum(abs)', 'iaqi', 'abs', 1.5), (2, 'daily_aqi / six-column sum', 'daily_aqi', 'six', 4),
             (3, 'aqi_daily_report / six-column sum', 'aqi_daily_report', 'six', 4),
             (4, 'iaqi HJ633-2012 / sum(abs)', 'iaqi_2012', 'abs', NULL),
             (5, 'aqi_daily_report HJ633-2012 / six-column sum', 'aqi_daily_report_2012', 'six', NULL))
         q(n, label, fn, floor, aim)
JOIN bench_s f ON f.label = q.fn JOIN bench_s b ON b.label = q.floor
ORDER BY q.n;
