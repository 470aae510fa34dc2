-- Benchmark: daily roll-up of a year of hourly data for 200 sites (1.75 M rows).
--   c_aggregates: eco.daily_mean x 6 (validity), max(o3), eco.mda8 (validity) per site-day
--   plain_sql:    the same statistics in plain SQL (count/avg with CASE, window frames for the 8-h means)
--   floor:        plain avg x 6 and max(o3) per site-day, no validity rule
-- and the C roll-up on 50 sites for linearity.  Best of 3 runs each; parallel plans allowed (2 workers).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 2;
SET work_mem = '256MB';
SET jit = off;

DROP TABLE IF EXISTS bench_hourly, bench_hourly_50, bench_times;
CREATE UNLOGGED TABLE bench_hourly AS
SELECT 'S' || lpad(s::text, 3, '0') AS site_code, t AS hour_ending,
       round((5 + 20 * r1)::numeric)::float8 AS so2, round((15 + 40 * r2)::numeric)::float8 AS no2,
       round((0.3 + 1.2 * r1 * r2)::numeric, 1)::float8 AS co,
       round((20 + 160 * r3 * (0.5 + 0.5 * sin(extract(hour FROM t) / 24.0 * 6.283))))::float8 AS o3,
       round((30 + 90 * r2)::numeric)::float8 AS pm10, round((15 + 60 * r1 * r2)::numeric)::float8 AS pm25
FROM generate_series(1, 200) s,
     generate_series('2023-01-01 01:00'::timestamp, '2024-01-01 00:00', '1 hour') t,
     LATERAL (SELECT abs(sin(s * 12.9898 + extract(epoch FROM t) / 3600 * 78.233)) AS r1,
                     abs(sin(s * 39.3468 + extract(epoch FROM t) / 3600 * 11.135)) AS r2,
                     abs(sin(s * 73.156 + extract(epoch FROM t) / 3600 * 52.235)) AS r3) r
-- about 3 % of the hours missing, in runs, so that some days and windows fail the validity rules
WHERE abs(sin(s * 5.1 + floor(extract(epoch FROM t) / 14400))) > 0.03;
CREATE UNLOGGED TABLE bench_hourly_50 AS SELECT * FROM bench_hourly WHERE site_code <= 'S050';
-- as on eco.air_hourly: expression statistics let the planner estimate the site-days (and go parallel)
CREATE STATISTICS bench_hourly_site_day ON site_code, (eco.report_day(hour_ending)) FROM bench_hourly;
CREATE STATISTICS bench_hourly_50_site_day ON site_code, (eco.report_day(hour_ending)) FROM bench_hourly_50;
VACUUM ANALYZE bench_hourly;
VACUUM ANALYZE bench_hourly_50;
SELECT (SELECT count(*) FROM bench_hourly) AS rows_200_sites, (SELECT count(*) FROM bench_hourly_50) AS rows_50_sites;

CREATE TABLE bench_times (label text, run int, ms float8);

CREATE FUNCTION pg_temp.bench(label text, q text, tbl text, runs int DEFAULT 3) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
BEGIN
    FOR i IN 1 .. runs LOOP
        EXECUTE 'DROP TABLE IF EXISTS bench_out';
        t0 := clock_timestamp();
        EXECUTE 'CREATE UNLOGGED TABLE bench_out AS ' || replace(q, 'TBL', tbl);
        INSERT INTO bench_times VALUES (label, i, extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
END $$;
CREATE FUNCTION pg_temp.plan(q text, tbl text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || replace(q, 'TBL', tbl);
END $$;

-- The three queries; TBL is the table.
\set q_c 'SELECT site_code, eco.report_day(hour_ending) AS day, eco.daily_mean(so2) AS so2, eco.daily_mean(no2) AS no2, eco.daily_mean(co) AS co, eco.daily_mean(o3) AS o3, eco.daily_mean(pm10) AS pm10, eco.daily_mean(pm25) AS pm25, max(o3) AS o3_1h, eco.mda8(eco.report_hour(hour_ending), o3) AS o3_8h FROM TBL GROUP BY 1, 2'
-- Plain SQL: an 8-h window ends at every hour, present or not (6 of its 8 hours suffice), so the
-- window frames run over a dense (site, hour) grid.
\set q_sql 'SELECT site_code, day, CASE WHEN count(so2) >= 20 THEN avg(so2) END AS so2, CASE WHEN count(no2) >= 20 THEN avg(no2) END AS no2, CASE WHEN count(co) >= 20 THEN avg(co) END AS co, CASE WHEN count(o3) >= 20 THEN avg(o3) END AS o3, CASE WHEN count(pm10) >= 20 THEN avg(pm10) END AS pm10, CASE WHEN count(pm25) >= 20 THEN avg(pm25) END AS pm25, max(o3) AS o3_1h, CASE WHEN count(o3_8h) FILTER (WHERE hr >= 8) >= 14 OR max(o3_8h) FILTER (WHERE hr >= 8) > 160 THEN max(o3_8h) FILTER (WHERE hr >= 8) END AS o3_8h FROM (SELECT g.site_code, eco.report_day(g.hour_ending) AS day, eco.report_hour(g.hour_ending) AS hr, h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25, CASE WHEN count(h.o3) OVER w >= 6 THEN avg(h.o3) OVER w END AS o3_8h FROM (SELECT s.site_code, t AS hour_ending FROM (SELECT DISTINCT site_code FROM TBL) s, generate_series(''2023-01-01 01:00''::timestamp, ''2024-01-01 00:00'', ''1 hour'') t) g LEFT JOIN TBL h ON h.site_code = g.site_code AND h.hour_ending = g.hour_ending WINDOW w AS (PARTITION BY g.site_code ORDER BY g.hour_ending ROWS BETWEEN 7 PRECEDING AND CURRENT ROW)) x GROUP BY 1, 2 HAVING count(so2) + count(no2) + count(co) + count(o3) + count(pm10) + count(pm25) > 0'
\set q_floor 'SELECT site_code, eco.report_day(hour_ending) AS day, avg(so2) AS so2, avg(no2) AS no2, avg(co) AS co, avg(o3) AS o3, avg(pm10) AS pm10, avg(pm25) AS pm25, max(o3) AS o3_1h FROM TBL GROUP BY 1, 2'

-- Plans (parallel on both cores where the planner finds it cheaper).
SELECT * FROM pg_temp.plan(:'q_c', 'bench_hourly');
SELECT * FROM pg_temp.plan(:'q_floor', 'bench_hourly');
SELECT * FROM pg_temp.plan(:'q_sql', 'bench_hourly');

-- Same answers: C aggregates vs plain SQL (site-days that differ beyond 1e-9).
SELECT FROM pg_temp.bench('check c', :'q_c', 'bench_hourly', 1);
ALTER TABLE bench_out RENAME TO r_c;
SELECT FROM pg_temp.bench('check sql', :'q_sql', 'bench_hourly', 1);
ALTER TABLE bench_out RENAME TO r_sql;
DELETE FROM bench_times;
SELECT count(*) AS site_days, count(c.o3_8h) AS valid_mda8, count(c.pm25) AS valid_pm25,
       count(*) FILTER (WHERE (c.so2, c.no2, c.co, c.o3, c.pm10, c.pm25) IS DISTINCT FROM (s.so2, s.no2, s.co, s.o3, s.pm10, s.pm25)
                          AND NOT coalesce(abs(c.so2 - s.so2) < 1e-9 AND abs(c.no2 - s.no2) < 1e-9 AND abs(c.co - s.co) < 1e-9
                                   AND abs(c.o3 - s.o3) < 1e-9 AND abs(c.pm10 - s.pm10) < 1e-9 AND abs(c.pm25 - s.pm25) < 1e-9, false)) AS means_differ,
       count(*) FILTER (WHERE c.o3_8h IS DISTINCT FROM s.o3_8h
                          AND NOT coalesce(abs(c.o3_8h - s.o3_8h) < 1e-9, false)) AS mda8_differ
FROM r_c c FULL JOIN r_sql s USING (site_code, day);
DROP TABLE r_c, r_sql;

SELECT FROM pg_temp.bench('floor (200 sites)', :'q_floor', 'bench_hourly');
SELECT FROM pg_temp.bench('c_aggregates (200 sites)', :'q_c', 'bench_hourly');
SELECT FROM pg_temp.bench('plain_sql (200 sites)', :'q_sql', 'bench_hourly');
SELECT FROM pg_temp.bench('c_aggregates (50 sites)', :'q_c', 'bench_hourly_50');
SELECT FROM pg_temp.bench('floor (50 sites)', :'q_floor', 'bench_hourly_50');

-- Parallel plans forced (cheap Gather): partial aggregation in 2 workers + the leader.
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0.001;
SELECT * FROM pg_temp.plan(:'q_c', 'bench_hourly');
SELECT FROM pg_temp.bench('c_aggregates parallel (200 sites)', :'q_c', 'bench_hourly');
SELECT FROM pg_temp.bench('floor parallel (200 sites)', :'q_floor', 'bench_hourly');
SELECT FROM pg_temp.bench('c_aggregates parallel (50 sites)', :'q_c', 'bench_hourly_50');
RESET parallel_setup_cost; RESET parallel_tuple_cost;

-- Serial C roll-up for reference (no parallel workers).
SET max_parallel_workers_per_gather = 0;
SELECT FROM pg_temp.bench('c_aggregates serial (200 sites)', :'q_c', 'bench_hourly');
SELECT FROM pg_temp.bench('floor serial (200 sites)', :'q_floor', 'bench_hourly');
RESET max_parallel_workers_per_gather;

\echo
\echo Best of 3, milliseconds
SELECT label, round(min(ms)::numeric, 0) AS best_ms, round(avg(ms)::numeric, 0) AS mean_ms
FROM bench_times GROUP BY label ORDER BY min(ms);

WITH b AS (SELECT label, min(ms) AS ms FROM bench_times GROUP BY label)
SELECT round(((SELECT ms FROM b WHERE label = 'c_aggregates (200 sites)') / (SELECT ms FROM b WHERE label = 'floor (200 sites)'))::numeric, 2)
           AS c_over_floor,
       round(((SELECT ms FROM b WHERE label = 'plain_sql (200 sites)') / (SELECT ms FROM b WHERE label = 'c_aggregates (200 sites)'))::numeric, 2)
           AS plain_sql_over_c,
       round(((SELECT ms FROM b WHERE label = 'c_aggregates (200 sites)') / (SELECT ms FROM b WHERE label = 'c_aggregates (50 sites)'))::numeric, 2)
           AS c_200_over_50_sites,
       round(((SELECT ms FROM b WHERE label = 'floor (200 sites)') / (SELECT ms FROM b WHERE label = 'floor (50 sites)'))::numeric, 2)
           AS floor_200_over_50_sites,
       round(((SELECT ms FROM b WHERE label = 'c_aggregates parallel (200 sites)') / (SELECT ms FROM b WHERE label = 'floor parallel (200 sites)'))::numeric, 2)
           AS par_c_over_par_floor,
       round(((SELECT ms FROM b WHERE label = 'c_aggregates serial (200 sites)') / (SELECT ms FROM b WHERE label = 'c_aggregates parallel (200 sites)'))::numeric, 2)
           AS c_serial_over_parallel,
       round(((SELECT ms FROM b WHERE label = 'c_aggregates parallel (200 sites)') / (SELECT ms FROM b WHERE label = 'c_aggregates parallel (50 sites)'))::numeric, 2)
           AS par_c_200_over_50;

DROP TABLE IF EXISTS bench_out, bench_times, bench_hourly, bench_hourly_50;
