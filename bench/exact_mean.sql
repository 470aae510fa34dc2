-- Benchmark of the exact daily mean on decimals as written (eco.daily_mean) against the plain float8 avg (the floor:
-- no validity rule, not exact), and the exact mean a user would otherwise pick (avg over numeric, with the
-- 20-hour rule in SQL; about 16 significant digits).  2 M hourly CO readings with 1 decimal, grouped by site-day (24 rows a group).
-- Best of 3 runs each, serial plans (max_parallel_workers_per_gather = 0), ratios measured in the same run.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
SET jit = off;

DROP TABLE IF EXISTS bench_co, bench_times;
CREATE UNLOGGED TABLE bench_co AS
SELECT i / 24 AS day, round((0.1 + 1.5 * abs(sin(i * 12.9898)))::numeric, 1)::float8 AS co
FROM generate_series(0, 24 * 83333 - 1) i;
VACUUM ANALYZE bench_co;
CREATE TABLE bench_times (label text, run int, ms float8);
CREATE FUNCTION pg_temp.bench(label text, q text, runs int DEFAULT 3) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
BEGIN
    FOR i IN 1 .. runs LOOP
        EXECUTE 'DROP TABLE IF EXISTS bench_out';
        t0 := clock_timestamp();
        EXECUTE 'CREATE UNLOGGED TABLE bench_out AS ' || q;
        INSERT INTO bench_times VALUES (label, i, extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
END $$;

SELECT pg_temp.bench('floor: count(*)', 'SELECT day, count(*) FROM bench_co GROUP BY day');
SELECT pg_temp.bench('plain avg(float8)', 'SELECT day, avg(co) FROM bench_co GROUP BY day');
SELECT pg_temp.bench('eco.daily_mean (exact, decimals as written)', 'SELECT day, eco.daily_mean(co) FROM bench_co GROUP BY day');
SELECT pg_temp.bench('avg(numeric) with the 20-hour rule (plain SQL)',
    'SELECT day, CASE WHEN count(co) >= 20 THEN avg(co::numeric)::float8 END FROM bench_co GROUP BY day');

-- eco.daily_mean equals the exact quotient (numeric division to 30 decimals, then rounded once to float8) on every
-- day; avg(numeric) keeps only about 16 significant digits, so its float8 is sometimes one unit off, and the plain
-- float8 avg drifts more often.
SELECT count(*) AS days, count(*) FILTER (WHERE eco_m <> exact_m) AS daily_mean_differs,
       count(*) FILTER (WHERE num_m <> exact_m) AS avg_numeric_differs,
       count(*) FILTER (WHERE plain_m <> exact_m) AS avg_float8_differs
FROM (SELECT day, eco.daily_mean(co) AS eco_m, avg(co::numeric)::float8 AS num_m, avg(co) AS plain_m,
             (sum(co::numeric)::numeric(60, 30) / count(*))::float8 AS exact_m
      FROM bench_co GROUP BY day) s;

WITH best AS (SELECT label, min(ms) AS ms FROM bench_times GROUP BY label)
SELECT label, round(ms::numeric) AS best_ms,
       round((ms / (SELECT ms FROM best WHERE label = 'plain avg(float8)'))::numeric, 2) AS vs_plain_avg,
       round((ms / (SELECT ms FROM best WHERE label = 'eco.daily_mean (exact, decimals as written)'))::numeric, 2) AS vs_daily_mean
FROM best ORDER BY ms;
DROP TABLE bench_co, bench_times, bench_out;
