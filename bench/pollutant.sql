-- Benchmark: parsing the names people write into eco.pollutant, and unit conversion.
-- 1,000,000 readings labelled with a mix of codes, Chinese names and HJ 212 codes.
--   C:     t::eco.pollutant (and eco.to_standard_unit)
--   SQL:   a join to a name table keyed by a normalised name (lower, punctuation removed), CASE for units
--   floor: a query that only touches the same text (sum(length(t))) / the same values (sum(v))
-- Each query runs 3 times; the best time counts.  Run: BENCH=bench/pollutant.sql make bench
\set ON_ERROR_STOP on
SET search_path = public, eco;
SET jit = off;
DROP TABLE IF EXISTS bench_reading;
CREATE UNLOGGED TABLE bench_reading AS
SELECT (ARRAY['PM2.5', 'pm25', '细颗粒物', 'a34004', 'SO2', '二氧化硫', 'a21026', 'NO2', 'O3', '臭氧',
              'CO', 'PM10', 'w01018', '化学需氧量', '氨氮', 'NH3-N'])[1 + (i % 16)] AS t,
       (i % 997) / 10.0 AS v,
       (ARRAY['ppb', 'µg/m³', 'mg/m³'])[1 + (i % 3)] AS unit
FROM generate_series(1, 1000000) i;
ANALYZE bench_reading;
-- the plain-SQL way: a name table a user would keep, with a normalised key
DROP TABLE IF EXISTS bench_names;
CREATE TABLE bench_names AS
SELECT DISTINCT k, code FROM (
    SELECT pg_catalog.lower(pg_catalog.regexp_replace(n, '[ ._,()-]', '', 'g')) AS k, code
    FROM eco.pollutants, LATERAL (VALUES (code), (name_zh), (name_en), (hj212)) AS x(n) WHERE n IS NOT NULL) s;
CREATE UNIQUE INDEX ON bench_names (k, code);
ANALYZE bench_names;

CREATE TEMP TABLE bench_result (name text, run int, ms float8, checksum text);
DO $bench$
DECLARE
    q record;
    t0 timestamptz;
    cs text;
BEGIN
    FOR r IN 1..3 LOOP
        FOR q IN SELECT * FROM (VALUES
            ('parse: C', $q$SELECT sum(length(t::eco.pollutant::text))::text FROM bench_reading$q$),
            ('parse: SQL', $q$SELECT sum(length(n.code))::text FROM bench_reading b
                              JOIN bench_names n ON n.k = lower(regexp_replace(b.t, '[ ._,()-]', '', 'g'))$q$),
            ('parse: floor', $q$SELECT sum(length(t))::text FROM bench_reading$q$),
            ('convert: C', $q$SELECT round(sum(eco.to_standard_unit('SO2', v, unit))::numeric, 3)::text FROM bench_reading$q$),
            ('convert: SQL', $q$SELECT round(sum(CASE unit WHEN 'ppb' THEN v * 64.066 / 24.465 WHEN 'mg/m³' THEN v * 1000
                                                ELSE v END)::numeric, 3)::text FROM bench_reading$q$),
            ('convert: floor', $q$SELECT round(sum(v)::numeric, 3)::text FROM bench_reading$q$)) AS x(name, sql)
        LOOP
            t0 := clock_timestamp();
            EXECUTE q.sql INTO cs;
            INSERT INTO bench_result VALUES (q.name, r, 1000 * extract(epoch FROM clock_timestamp() - t0), cs);
        END LOOP;
    END LOOP;
END
$bench$;
\echo best of 3 runs (ms) and checksums
SELECT name, round(min(ms)::numeric, 1) AS best_ms, min(checksum) AS checksum FROM bench_result GROUP BY name ORDER BY name;
WITH b AS (SELECT name, min(ms) AS ms FROM bench_result GROUP BY name)
SELECT f AS family,
       round(((SELECT ms FROM b WHERE name = f || ': SQL') / (SELECT ms FROM b WHERE name = f || ': C'))::numeric, 2) AS sql_over_c,
       round(((SELECT ms FROM b WHERE name = f || ': C') / (SELECT ms FROM b WHERE name = f || ': floor'))::numeric, 2) AS c_over_floor
FROM unnest(ARRAY['parse', 'convert']) AS f;
DROP TABLE bench_reading, bench_names;
