-- Benchmark of the AQI functions.  Run: BENCH=bench/aqi.sql make bench
--  1. sum((eco.daily_aqi(...)).aqi) over 1,000,000 days, against
--     a plain-SQL implementation returning the same fields (CASE expressions on numeric for
--     exactness, GB/T 8170 input rounding, level, category, colour, primary pollutants), and
--     a floor query that only sums the six columns;
--  2. sum(eco.iaqi('PM2.5', '24h', x)) against sum(abs(x)).
-- Serial plans (no parallel workers) and no JIT, so the figures are per-row CPU cost.
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET search_path = public, eco;

DROP TABLE IF EXISTS bench_aqi_day;
-- Daily means as published: µg/m³ integers, CO mg/m³ with one decimal; heavily polluted on purpose, so that
-- every band of every column is used.
CREATE TABLE bench_aqi_day AS
SELECT i AS id,
       (2 + (i * 7919) % 60)::float8 AS so2,
       (5 + (i * 104729) % 120)::float8 AS no2,
       ((3 + (i * 1299709) % 40) / 10.0)::float8 AS co,
       (10 + (i * 15485863) % 300)::float8 AS pm10,
       (5 + (i * 32452843) % 180)::float8 AS pm25,
       (20 + (i * 49979687) % 240)::float8 AS o3_8h
FROM generate_series(1::bigint, 1000000) AS i;
VACUUM ANALYZE bench_aqi_day;

-- Plain-SQL HJ 633-2026 daily AQI returning the same fields as eco.daily_aqi: numeric arithmetic (a double
-- computation is not exact: CO 2.24 would give 57), GB/T 8170 input rounding, CASE per column.
-- OFFSET 0 keeps each step a subquery evaluated once per row (otherwise the planner inlines the
-- rounding expression into every CASE branch).
CREATE TEMP VIEW sql_daily_aqi AS
SELECT d.id, a.aqi,
       CASE WHEN a.aqi <= 50 THEN 1 WHEN a.aqi <= 100 THEN 2 WHEN a.aqi <= 150 THEN 3 WHEN a.aqi <= 200 THEN 4
            WHEN a.aqi <= 300 THEN 5 ELSE 6 END AS level,
       CASE WHEN a.aqi <= 50 THEN '优' WHEN a.aqi <= 100 THEN '良' WHEN a.aqi <= 150 THEN '轻度污染'
            WHEN a.aqi <= 200 THEN '中度污染' WHEN a.aqi <= 300 THEN '重度污染' ELSE '严重污染' END AS category,
       CASE WHEN a.aqi <= 50 THEN '#00E400' WHEN a.aqi <= 100 THEN '#FFFF00' WHEN a.aqi <= 150 THEN '#FF7E00'
            WHEN a.aqi <= 200 THEN '#FF0000' WHEN a.aqi <= 300 THEN '#99004C' ELSE '#7E0023' END AS color,
       CASE WHEN a.aqi <= 50 THEN '{}'::text[] ELSE
         array_remove(ARRAY[CASE WHEN i.i_so2 = a.aqi THEN 'SO2' END, CASE WHEN i.i_no2 = a.aqi THEN 'NO2' END,
                            CASE WHEN i.i_co = a.aqi THEN 'CO' END, CASE WHEN i.i_pm10 = a.aqi THEN 'PM10' END,
                            CASE WHEN i.i_pm25 = a.aqi THEN 'PM2.5' END, CASE WHEN i.i_o3 = a.aqi THEN 'O3_8H' END],
                      NULL) END AS primary_pollutants,
       i.i_so2, i.i_no2, i.i_co, i.i_pm10, i.i_pm25, i.i_o3
FROM bench_aqi_day d
CROSS JOIN LATERAL (SELECT d.so2::numeric AS so2, d.no2::numeric AS no2, d.co::numeric * 10 AS co10,
                           d.pm10::numeric AS pm10, d.pm25::numeric AS pm25, d.o3_8h::numeric AS o3 OFFSET 0) x
CROSS JOIN LATERAL (   -- GB/T 8170: half to even (numeric round() is half away from zero)
    SELECT CASE WHEN x.so2 - floor(x.so2) = 0.5 AND floor(x.so2)::int8 % 2 = 0 THEN floor(x.so2) ELSE round(x.so2) END AS so2,
           CASE WHEN x.no2 - floor(x.no2) = 0.5 AND floor(x.no2)::int8 % 2 = 0 THEN floor(x.no2) ELSE round(x.no2) END AS no2,
           CASE WHEN x.co10 - floor(x.co10) = 0.5 AND floor(x.co10)::int8 % 2 = 0 THEN floor(x.co10)
                ELSE round(x.co10) END / 10 AS co,
           CASE WHEN x.pm10 - floor(x.pm10) = 0.5 AND floor(x.pm10)::int8 % 2 = 0 THEN floor(x.pm10) ELSE round(x.pm10) END AS pm10,
           CASE WHEN x.pm25 - floor(x.pm25) = 0.5 AND floor(x.pm25)::int8 % 2 = 0 THEN floor(x.pm25) ELSE round(x.pm25) END AS pm25,
           CASE WHEN x.o3 - floor(x.o3) = 0.5 AND floor(x.o3)::int8 % 2 = 0 THEN floor(x.o3) ELSE round(x.o3) END AS o3
    OFFSET 0) r
CROSS JOIN LATERAL (
    SELECT
      CASE WHEN r.so2 <= 50 THEN ceil(50 * r.so2 / 50) WHEN r.so2 <= 150 THEN ceil(50 + 50 * (r.so2 - 50) / 100)
           WHEN r.so2 <= 475 THEN ceil(100 + 50 * (r.so2 - 150) / 325) WHEN r.so2 <= 800 THEN ceil(150 + 50 * (r.so2 - 475) / 325)
           WHEN r.so2 <= 1600 THEN ceil(200 + 100 * (r.so2 - 800) / 800) WHEN r.so2 <= 2100 THEN ceil(300 + 100 * (r.so2 - 1600) / 500)
           WHEN r.so2 <= 2620 THEN ceil(400 + 100 * (r.so2 - 2100) / 520) ELSE 500 END::int AS i_so2,
      CASE WHEN r.no2 <= 40 THEN ceil(50 * r.no2 / 40) WHEN r.no2 <= 80 THEN ceil(50 + 50 * (r.no2 - 40) / 40)
           WHEN r.no2 <= 180 THEN ceil(100 + 50 * (r.no2 - 80) / 100) WHEN r.no2 <= 280 THEN ceil(150 + 50 * (r.no2 - 180) / 100)
           WHEN r.no2 <= 565 THEN ceil(200 + 100 * (r.no2 - 280) / 285) WHEN r.no2 <= 750 THEN ceil(300 + 100 * (r.no2 - 565) / 185)
           WHEN r.no2 <= 940 THEN ceil(400 + 100 * (r.no2 - 750) / 190) ELSE 500 END::int AS i_no2,
      CASE WHEN r.co <= 2 THEN ceil(50 * r.co / 2) WHEN r.co <= 4 THEN ceil(50 + 50 * (r.co - 2) / 2)
           WHEN r.co <= 14 THEN ceil(100 + 50 * (r.co - 4) / 10) WHEN r.co <= 24 THEN ceil(150 + 50 * (r.co - 14) / 10)
           WHEN r.co <= 36 THEN ceil(200 + 100 * (r.co - 24) / 12) WHEN r.co <= 48 THEN ceil(300 + 100 * (r.co - 36) / 12)
           WHEN r.co <= 60 THEN ceil(400 + 100 * (r.co - 48) / 12) ELSE 500 END::int AS i_co,
      CASE WHEN r.pm10 <= 50 THEN ceil(50 * r.pm10 / 50) WHEN r.pm10 <= 120 THEN ceil(50 + 50 * (r.pm10 - 50) / 70)
           WHEN r.pm10 <= 250 THEN ceil(100 + 50 * (r.pm10 - 120) / 130) WHEN r.pm10 <= 350 THEN ceil(150 + 50 * (r.pm10 - 250) / 100)
           WHEN r.pm10 <= 420 THEN ceil(200 + 100 * (r.pm10 - 350) / 70) WHEN r.pm10 <= 500 THEN ceil(300 + 100 * (r.pm10 - 420) / 80)
           WHEN r.pm10 <= 600 THEN ceil(400 + 100 * (r.pm10 - 500) / 100) ELSE 500 END::int AS i_pm10,
      CASE WHEN r.pm25 <= 35 THEN ceil(50 * r.pm25 / 35) WHEN r.pm25 <= 60 THEN ceil(50 + 50 * (r.pm25 - 35) / 25)
           WHEN r.pm25 <= 115 THEN ceil(100 + 50 * (r.pm25 - 60) / 55) WHEN r.pm25 <= 150 THEN ceil(150 + 50 * (r.pm25 - 115) / 35)
           WHEN r.pm25 <= 250 THEN ceil(200 + 100 * (r.pm25 - 150) / 100) WHEN r.pm25 <= 350 THEN ceil(300 + 100 * (r.pm25 - 250) / 100)
           WHEN r.pm25 <= 500 THEN ceil(400 + 100 * (r.pm25 - 350) / 150) ELSE 500 END::int AS i_pm25,
      CASE WHEN r.o3 <= 100 THEN ceil(50 * r.o3 / 100) WHEN r.o3 <= 160 THEN ceil(50 + 50 * (r.o3 - 100) / 60)
           WHEN r.o3 <= 215 THEN ceil(100 + 50 * (r.o3 - 160) / 55) WHEN r.o3 <= 265 THEN ceil(150 + 50 * (r.o3 - 215) / 50)
           WHEN r.o3 <= 800 THEN ceil(200 + 100 * (r.o3 - 265) / 535) ELSE 300 END::int AS i_o3
    OFFSET 0) i
CROSS JOIN LATERAL (SELECT greatest(i.i_so2, i.i_no2, i.i_co, i.i_pm10, i.i_pm25, i.i_o3) AS aqi OFFSET 0) a;

-- Correctness first: the SQL formulation and the C function agree on every row.
SELECT count(*) AS rows_differing
FROM sql_daily_aqi s JOIN bench_aqi_day d USING (id)
CROSS JOIN LATERAL eco.daily_aqi(so2 => d.so2, no2 => d.no2, co => d.co, pm10 => d.pm10, pm25 => d.pm25,
                                 o3_8h => d.o3_8h) AS c
WHERE (c.aqi, c.level, c.category, c.color, c.primary_pollutants, c.iaqi_so2, c.iaqi_no2, c.iaqi_co, c.iaqi_pm10,
       c.iaqi_pm25, c.iaqi_o3_8h)
      IS DISTINCT FROM (s.aqi, s.level, s.category, s.color, s.primary_pollutants, s.i_so2, s.i_no2, s.i_co, s.i_pm10,
                        s.i_pm25, s.i_o3);
SELECT (eco.daily_aqi(d.so2, d.no2, d.co, d.pm10, d.pm25, d.o3_8h)).level, count(*)
FROM bench_aqi_day d GROUP BY 1 ORDER BY 1;

-- Best of 3 runs, in milliseconds.
CREATE FUNCTION pg_temp.bench_ms(q text, runs int DEFAULT 3) RETURNS double precision
LANGUAGE plpgsql AS $$
DECLARE
    best double precision := 'Infinity';
    t0 timestamptz;
BEGIN
    FOR i IN 1..runs LOOP
        t0 := clock_timestamp();
        EXECUTE q;
        best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
    RETURN best;
END $$;

CREATE TEMP TABLE bench_result AS
SELECT 'C: sum((eco.daily_aqi(...)).aqi)'::text AS query,
       pg_temp.bench_ms($q$SELECT sum((eco.daily_aqi(so2 => so2, no2 => no2, co => co, pm10 => pm10, pm25 => pm25,
                                                  o3_8h => o3_8h)).aqi) FROM bench_aqi_day$q$) AS ms
UNION ALL
SELECT 'SQL: sum(aqi) of the CASE formulation',
       pg_temp.bench_ms($q$SELECT sum(aqi) FROM (SELECT aqi, level, category, color, primary_pollutants
                                                 FROM sql_daily_aqi OFFSET 0) s$q$)
UNION ALL
SELECT 'floor: sum of the six columns',
       pg_temp.bench_ms($q$SELECT sum(so2 + no2 + co + pm10 + pm25 + o3_8h) FROM bench_aqi_day$q$)
UNION ALL
SELECT 'C: sum(eco.iaqi(''PM2.5'', ''24h'', pm25))',
       pg_temp.bench_ms($q$SELECT sum(eco.iaqi('PM2.5', '24h', pm25)) FROM bench_aqi_day$q$)
UNION ALL
SELECT 'floor: sum(abs(pm25))',
       pg_temp.bench_ms($q$SELECT sum(abs(pm25)) FROM bench_aqi_day$q$);

SELECT query, round(ms::numeric, 1) AS ms FROM bench_result;

SELECT round(((SELECT ms FROM bench_result WHERE query LIKE 'SQL:%')
             / (SELECT ms FROM bench_result WHERE query LIKE 'C: sum((%'))::numeric, 2) AS "SQL / C (target >= 5)",
       round(((SELECT ms FROM bench_result WHERE query LIKE 'C: sum((%')
             / (SELECT ms FROM bench_result WHERE query = 'floor: sum of the six columns'))::numeric, 2)
         AS "C / floor (target <= 4)",
       round(((SELECT ms FROM bench_result WHERE query LIKE 'C: sum(eco.iaqi%')
             / (SELECT ms FROM bench_result WHERE query = 'floor: sum(abs(pm25))'))::numeric, 2)
         AS "iaqi / abs (target <= 1.5)";

DROP TABLE bench_aqi_day CASCADE;
