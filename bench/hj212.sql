-- Benchmark: HJ 212-2017 packets (eco.hj212_values, eco.hj212_ingest).
-- N valid minute packets (CN=2051, 10 items with Avg/Min/Max/Flag, 1000 outlets) plus N/100 bad ones
-- (bad CRC, wrong length, unknown code, bad DataTime, bad framing), one per line as platforms log them.
-- Measured in one run: a bare \copy of the lines into a one-column table, logged and unlogged (floors),
-- eco.hj212_values over the staged text (one core), the plain-SQL way (split_part/regexp over the text, no CRC: a
-- lower bound for SQL parsing, on a sample), ingest end to end (\copy into eco.hj212_staging + eco.hj212_ingest),
-- and bench/hj212_parse.py (standard-library Python), checked to find the same values and the same rejects.
-- Size: HJ212_N=1000000 (default) packets over HJ212_OUTLETS=1000 (default) outlets, one packet per outlet a
-- minute: BENCH=bench/hj212.sql make bench.  The issue's scale aim, 5,000 outlets x a month of minute data, is
-- HJ212_OUTLETS=5000 HJ212_N=216000000 (216 million packets, about 170 GB of log lines and as much again in the
-- database: for a machine with the disk for it; the figures below scale linearly in N).
\timing off
SET client_min_messages = warning;
\getenv n HJ212_N
\if :{?n}
\else
\set n 1000000
\endif
\getenv outlets HJ212_OUTLETS
\if :{?outlets}
\else
\set outlets 1000
\endif
SELECT :n::bigint AS n, (:n::bigint / 100) AS nbad, :outlets::int AS outlets \gset
-- CPU seconds of this backend so far (utime + stime from /proc, clock ticks of getconf CLK_TCK): the figures per
-- core, independent of the load other processes put on the machine.
\! getconf CLK_TCK > /tmp/eco_hj212_clk.txt
CREATE TEMP TABLE bench_clk (hz int);
\copy bench_clk FROM '/tmp/eco_hj212_clk.txt'
CREATE FUNCTION pg_temp.cpu() RETURNS float8 LANGUAGE sql VOLATILE AS $$
    SELECT (split_part(f, ' ', 14)::bigint + split_part(f, ' ', 15)::bigint)::float8 / (SELECT hz FROM bench_clk)
    FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') AS f $$;
\echo == generating :n valid + :nbad bad packets into /tmp/eco_hj212_bench.txt
INSERT INTO eco.pollution_source (code, name, area) VALUES ('BENCH', '基准企业', '420702');
INSERT INTO eco.outlet (mn, source_id, outlet_code, medium, area)
SELECT format('BENCH%s', lpad(o::text, 19, '0')), (SELECT id FROM eco.pollution_source WHERE code = 'BENCH'),
       format('DA%s', lpad(o::text, 4, '0')), '废气', '420702'
FROM generate_series(0, :outlets - 1) AS o;
CREATE TEMP TABLE bench_items (k int, code text);
INSERT INTO bench_items VALUES (0, 'a21026'), (1, 'a21002'), (2, 'a34013'), (3, 'a19001'), (4, 'a01011'),
    (5, 'a01012'), (6, 'a01013'), (7, 'a01014'), (8, 'a00000'), (9, 'a21005');
CREATE TEMP TABLE bench_data AS
SELECT i, format('QN=%s000;ST=31;CN=2051;PW=123456;MN=BENCH%s;Flag=4;CP=&&DataTime=%s;%s&&',
                 to_char(t, 'YYYYMMDDHH24MISS'), lpad((i % :outlets)::text, 19, '0'), to_char(t, 'YYYYMMDDHH24MISS'),
                 (SELECT string_agg(format('%1$s-Avg=%2$s,%1$s-Min=%3$s,%1$s-Max=%4$s,%1$s-Flag=%5$s', b.code,
                                           round(((i * 7919 + b.k * 104729) % 100000) / 100.0, 2),
                                           round(((i * 7919 + b.k * 104729) % 100000) / 200.0, 3),
                                           round(((i * 7919 + b.k * 104729) % 100000) / 50.0, 2),
                                           CASE WHEN (i + b.k) % 97 = 0 THEN 'M' ELSE 'N' END), ';' ORDER BY b.k)
                  FROM bench_items b)) AS data
FROM generate_series(0::bigint, :n + :nbad - 1) AS i
CROSS JOIN LATERAL (SELECT timestamp '2026-03-01' + ((i % :n) / :outlets) * interval '1 minute' AS t) tt;
ALTER TABLE bench_data ADD COLUMN line text;
UPDATE bench_data SET line = CASE WHEN i < :n THEN eco.hj212_frame(data, false)
    WHEN i % 5 = 0 THEN replace(eco.hj212_frame(data, false), ';ST=31;', ';ST=32;')
    WHEN i % 5 = 1 THEN '##0999' || substr(eco.hj212_frame(data, false), 7)
    WHEN i % 5 = 2 THEN eco.hj212_frame(replace(data, 'a21005', 'a99005'), false)
    WHEN i % 5 = 3 THEN eco.hj212_frame(replace(data, 'DataTime=2026', 'DataTime=2026X'), false)
    ELSE substr(eco.hj212_frame(data, false), 2) END;
\copy (SELECT line FROM bench_data ORDER BY i) TO '/tmp/eco_hj212_bench.txt'
DROP TABLE bench_data;
\copy (SELECT code, COALESCE(legacy_code, '') FROM eco.hj212_items) TO '/tmp/eco_hj212_codes.txt' (DELIMITER ' ')
SELECT pg_catalog.pg_size_pretty((pg_catalog.pg_stat_file('/tmp/eco_hj212_bench.txt')).size) AS file_size;
SELECT pg_catalog.string_agg(x, ' ') AS load_avg FROM pg_catalog.regexp_split_to_table(pg_catalog.pg_read_file('/proc/loadavg'), ' ') WITH ORDINALITY AS t(x, o) WHERE o <= 3;

-- 1. Floors: a bare \copy of the same lines into a one-column table, unlogged (the issue's floor) and logged (as
-- durable as the staging table).
CREATE UNLOGGED TABLE bench_bare_unlogged (line text);
CHECKPOINT;
SELECT extract(epoch FROM clock_timestamp()) AS t0, pg_temp.cpu() AS c0 \gset
\copy bench_bare_unlogged (line) FROM '/tmp/eco_hj212_bench.txt'
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS t_copy_u, pg_temp.cpu() - :c0 AS c_copy_u \gset
DROP TABLE bench_bare_unlogged;
CREATE TABLE bench_bare (line text);
CHECKPOINT;
SELECT extract(epoch FROM clock_timestamp()) AS t0, pg_temp.cpu() AS c0 \gset
\copy bench_bare (line) FROM '/tmp/eco_hj212_bench.txt'
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS t_copy, pg_temp.cpu() - :c0 AS c_copy \gset
VACUUM ANALYZE bench_bare;

-- 2. eco.hj212_values over the staged text, one core.
SET max_parallel_workers_per_gather = 0;
SELECT extract(epoch FROM clock_timestamp()) AS t0, pg_temp.cpu() AS c0 \gset
SELECT count(*) AS values_parsed FROM bench_bare b CROSS JOIN LATERAL eco.hj212_values(b.line, false) v \gset
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS t_values, pg_temp.cpu() - :c0 AS c_values \gset
-- the floor of a scan that touches each line's text once
SELECT extract(epoch FROM clock_timestamp()) AS t0, pg_temp.cpu() AS c0 \gset
SELECT sum(pg_catalog.length(b.line)) AS bytes FROM bench_bare b \gset
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS t_scan, pg_temp.cpu() - :c0 AS c_scan \gset
-- the plain-SQL way on a sample of 100,000 lines: split the CP area and read the numbers (no CRC, no checks)
SELECT extract(epoch FROM clock_timestamp()) AS t0, pg_temp.cpu() AS c0 \gset
SELECT count(*) AS sql_values
FROM (SELECT line FROM bench_bare LIMIT 100000) b
CROSS JOIN LATERAL pg_catalog.regexp_split_to_table(pg_catalog.split_part(pg_catalog.split_part(b.line, 'CP=&&', 2), '&&', 1), '[;,]') f(field)
WHERE f.field ~ '^[a-z0-9]+-(Rtd|Min|Avg|Max|Cou|ZsRtd|ZsMin|ZsAvg|ZsMax)=' AND pg_catalog.split_part(f.field, '=', 2)::float8 IS NOT NULL \gset
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS t_sql_sample, pg_temp.cpu() - :c0 AS c_sql_sample,
       LEAST(100000, :n + :nbad) AS sql_sample \gset
RESET max_parallel_workers_per_gather;

-- 3. Ingest end to end: \copy into the staging table, then one call.
CHECKPOINT;
SELECT extract(epoch FROM clock_timestamp()) AS t0, pg_temp.cpu() AS c0 \gset
\copy eco.hj212_staging (line) FROM '/tmp/eco_hj212_bench.txt'
SELECT extract(epoch FROM clock_timestamp()) AS t1, pg_temp.cpu() AS c1 \gset
SELECT * FROM eco.hj212_ingest() \gset ing_
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS t_ingest, extract(epoch FROM clock_timestamp()) - :t1 AS t_ingest_call,
       pg_temp.cpu() - :c0 AS c_ingest, pg_temp.cpu() - :c1 AS c_ingest_call \gset

-- 4. Python (standard library), same file.
\! python3 bench/hj212_parse.py /tmp/eco_hj212_bench.txt /tmp/eco_hj212_codes.txt > /tmp/eco_hj212_py.txt
CREATE TEMP TABLE py (k text, v text);
\copy py FROM '/tmp/eco_hj212_py.txt' (DELIMITER ' ')

-- Checks: same values, same rejects.
CREATE TEMP TABLE sqlsum AS
SELECT count(*) AS nvalues, sum(v.value) AS total FROM bench_bare b CROSS JOIN LATERAL eco.hj212_values(b.line, false) v;
\echo == checks (python vs extension)
SELECT 'packets' AS what, (SELECT v FROM py WHERE k = 'packets')::bigint AS python,
       (SELECT count(*) FROM eco.outlet_reading) AS extension
UNION ALL SELECT 'values', (SELECT v FROM py WHERE k = 'values')::bigint, (SELECT nvalues FROM sqlsum)
UNION ALL SELECT 'reject:' || replace(reason, ' ', '_'), (SELECT v FROM py WHERE k = 'reject:' || replace(reason, ' ', '_'))::bigint, count(*)
          FROM eco.hj212_reject GROUP BY reason
ORDER BY 1;
SELECT abs((SELECT v FROM py WHERE k = 'sum')::float8 - (SELECT total FROM sqlsum)) <= 1e-9 * (SELECT total FROM sqlsum) AS same_sum,
       (SELECT count(*) FROM eco.outlet_reading) = (SELECT v FROM py WHERE k = 'packets')::bigint
       AND (SELECT count(*) FROM eco.hj212_reject) = (SELECT sum(v::bigint) FROM py WHERE k LIKE 'reject:%') AS same_packets_and_rejects,
       :ing_given = :ing_loaded + :ing_rejected AS nothing_lost;

-- 5. Re-ingest of the same lines: every packet already stored (the ON CONFLICT path).
SELECT extract(epoch FROM clock_timestamp()) AS t0, pg_temp.cpu() AS c0 \gset
\copy eco.hj212_staging (line) FROM '/tmp/eco_hj212_bench.txt'
SELECT * FROM eco.hj212_ingest() \gset re_
SELECT extract(epoch FROM clock_timestamp()) - :t0 AS t_reingest, pg_temp.cpu() - :c0 AS c_reingest \gset

SELECT :re_duplicate = :n AND :re_rejected = :nbad AND :re_loaded = :n AS reingest_idempotent;
\echo == figures
SELECT :n + :nbad AS lines, :ing_given AS given, :ing_loaded AS loaded, :ing_rejected AS rejected,
       :ing_duplicate AS duplicate, :values_parsed AS values_parsed;
WITH f(ord, step, seconds, cpu, packets) AS (VALUES
    (0, 'bare \copy of the lines, unlogged table (floor)', :t_copy_u::float8, :c_copy_u::float8, :n + :nbad),
    (1, 'bare \copy of the lines, logged table (floor)', :t_copy::float8, :c_copy::float8, :n + :nbad),
    (2, 'scan of the staged text (floor)', :t_scan::float8, :c_scan::float8, :n + :nbad),
    (3, 'eco.hj212_values over staged text, 1 core', :t_values::float8, :c_values::float8, :n + :nbad),
    (4, 'plain SQL split of the CP area (sample, no CRC)', :t_sql_sample::float8, :c_sql_sample::float8, :sql_sample),
    (5, 'ingest end to end (\copy + eco.hj212_ingest)', :t_ingest::float8, :c_ingest::float8, :n + :nbad),
    (6, '   of which eco.hj212_ingest', :t_ingest_call::float8, :c_ingest_call::float8, :n + :nbad),
    (6.5, 're-ingest of the same lines (\copy + eco.hj212_ingest, all duplicates)', :t_reingest::float8,
          :c_reingest::float8, :n + :nbad),
    (7, 'python bench/hj212_parse.py', (SELECT v FROM py WHERE k = 'seconds')::float8,
        (SELECT v FROM py WHERE k = 'cpu_seconds')::float8, :n + :nbad))
SELECT step, round(seconds::numeric, 2) AS wall_s, round(cpu::numeric, 2) AS cpu_s,
       round((packets / NULLIF(seconds, 0))::numeric) AS packets_per_wall_s,
       round((packets / NULLIF(cpu, 0))::numeric) AS packets_per_cpu_s
FROM f ORDER BY ord;
\echo == ratios (wall clock, same run; per CPU second in brackets)
SELECT round((:n + :nbad) / :t_values::numeric) AS values_packets_per_s_1core,
       round((:n + :nbad) / NULLIF(:c_values::numeric, 0)) AS values_packets_per_cpu_s, 100000 AS aim_at_least,
       round(:t_ingest::numeric / :t_copy_u::numeric, 2) AS ingest_vs_unlogged_copy,
       round(:c_ingest::numeric / NULLIF(:c_copy_u::numeric, 0), 2) AS ingest_vs_unlogged_copy_cpu,
       round(:t_ingest::numeric / :t_copy::numeric, 2) AS ingest_vs_logged_copy,
       round(:c_ingest::numeric / NULLIF(:c_copy::numeric, 0), 2) AS ingest_vs_logged_copy_cpu,
       4 AS aim_at_most,
       round((SELECT v FROM py WHERE k = 'seconds')::numeric / :t_values::numeric, 1) AS python_vs_values,
       round((SELECT v FROM py WHERE k = 'cpu_seconds')::numeric / NULLIF(:c_values::numeric, 0), 1) AS python_vs_values_cpu,
       round((SELECT v FROM py WHERE k = 'seconds')::numeric / :t_ingest::numeric, 1) AS python_vs_ingest,
       10 AS aim_at_least_x,
       round((:t_sql_sample::numeric / :sql_sample) / (:t_values::numeric / (:n + :nbad)), 1) AS plain_sql_vs_values;
SELECT string_agg(x, ' ') AS load_avg_after FROM regexp_split_to_table(pg_read_file('/proc/loadavg'), ' ') WITH ORDINALITY AS t(x, o) WHERE o <= 3;
\! rm -f /tmp/eco_hj212_bench.txt /tmp/eco_hj212_codes.txt /tmp/eco_hj212_py.txt /tmp/eco_hj212_clk.txt
