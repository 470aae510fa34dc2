-- Benchmark: section class + main pollutants per section-year.
-- 2,000 sections × 21 evaluation items × 10 years × 12 months = 5,040,000 rows.
--   C:     eco.section_class + eco.main_pollutants (one shared transition state)
--   SQL:   per-item means, a join to a limits table and CASE expressions, array_agg for the main pollutants
--   floor: a grouped max(value) over the same rows
-- Each query runs 3 times; the best time counts.  Run: BENCH=bench/water.sql make bench
\set ON_ERROR_STOP on
SET search_path = public, eco;
\echo building 5.04 M rows ...
DROP TABLE IF EXISTS bench_water;
CREATE UNLOGGED TABLE bench_water (section int, yr int, mon int, p eco.pollutant, v float8);
-- the 21 evaluation items with a Class III reference point per item
CREATE TEMP TABLE bench_items AS
SELECT row_number() OVER (ORDER BY l.table_row) AS k, l.pollutant AS p, l.direction,
       coalesce(l.class_iii, l.range_high) AS ref
FROM eco.water_limits l WHERE l.gb3838_table = 1 AND l.water_body = 'river' AND l.evaluated;
SELECT setseed(0.5);
INSERT INTO bench_water
SELECT s, y, m, i.p,
       round((CASE i.direction
                  WHEN 'range' THEN 6.3 + 3 * random()               -- pH 6.3 .. 9.3
                  WHEN 'min' THEN 1.5 + 7 * random()                 -- DO 1.5 .. 8.5
                  ELSE i.ref * (0.1 + 1.3 * random() * (1 + (s % 7) / 6.0)) END)::numeric, 5)::float8
FROM generate_series(1, 2000) s, generate_series(2015, 2024) y, generate_series(1, 12) m, bench_items i;
ANALYZE bench_water;
-- plain-SQL limits table (a real table, as a user would keep it)
DROP TABLE IF EXISTS bench_limits;
CREATE TABLE bench_limits AS SELECT * FROM eco.water_limits WHERE gb3838_table = 1 AND water_body = 'river';
ANALYZE bench_limits;
SELECT count(*) AS rows, count(DISTINCT section) AS sections, count(DISTINCT yr) AS years FROM bench_water;

CREATE TEMP TABLE bench_result (name text, run int, ms float8, checksum text);
DO $bench$
DECLARE
    q record;
    t0 timestamptz;
    cs text;
BEGIN
    FOR r IN 1..3 LOOP
        FOR q IN SELECT * FROM (VALUES
            ('floor', $q$
                SELECT count(*)::text || '/' || round(sum(mx)::numeric, 2)::text FROM (
                    SELECT section, yr, max(v) AS mx FROM bench_water GROUP BY section, yr) t $q$),
            ('C aggregates', $q$
                SELECT count(*)::text || '/' || count(*) FILTER (WHERE cls > 'III') || '/' || sum(cardinality(mp))
                FROM (SELECT section, yr, eco.section_class(p, v) AS cls, eco.main_pollutants(p, v) AS mp
                      FROM bench_water GROUP BY section, yr) t $q$),
            ('plain SQL', $q$
                WITH means AS (
                    SELECT section, yr, p, avg(v) AS v FROM bench_water GROUP BY section, yr, p),
                cls AS (
                    SELECT m.section, m.yr, m.p, l.heavy_metal_priority AS heavy,
                           CASE l.direction
                               WHEN 'range' THEN CASE WHEN m.v BETWEEN l.range_low AND l.range_high THEN 1 ELSE 6 END
                               WHEN 'min' THEN CASE WHEN m.v >= l.class_i THEN 1 WHEN m.v >= l.class_ii THEN 2
                                                    WHEN m.v >= l.class_iii THEN 3 WHEN m.v >= l.class_iv THEN 4
                                                    WHEN m.v >= l.class_v THEN 5 ELSE 6 END
                               ELSE CASE WHEN m.v <= l.class_i THEN 1 WHEN m.v <= l.class_ii THEN 2
                                         WHEN m.v <= l.class_iii THEN 3 WHEN m.v <= l.class_iv THEN 4
                                         WHEN m.v <= l.class_v THEN 5 ELSE 6 END END AS c,
                           CASE WHEN l.has_multiple AND m.v > l.class_iii
                                THEN (m.v - l.class_iii) / l.class_iii END AS mult
                    FROM means m JOIN bench_limits l ON l.pollutant = m.p),
                sec AS (
                    SELECT section, yr, (ARRAY['I','II','III','IV','V','劣V'])[max(c)]::eco.water_class AS cls,
                           coalesce((array_agg(p ORDER BY heavy DESC, c DESC, mult DESC NULLS LAST, p)
                                     FILTER (WHERE c > 3))[1:3], '{}') AS mp
                    FROM cls GROUP BY section, yr)
                SELECT count(*)::text || '/' || count(*) FILTER (WHERE cls > 'III') || '/' || sum(cardinality(mp))
                FROM sec $q$)) AS v(name, sql)
        LOOP
            t0 := clock_timestamp();
            EXECUTE q.sql INTO cs;
            INSERT INTO bench_result VALUES (q.name, r,
                extract(epoch FROM clock_timestamp() - t0) * 1000, cs);
        END LOOP;
    END LOOP;
END
$bench$;

\echo results (best of 3, ms; ratio to the floor; checksum = groups/groups worse than III/main pollutants listed)
SELECT name, round(min(ms)::numeric, 0) AS best_ms,
       round((min(ms) / (SELECT min(ms) FROM bench_result WHERE name = 'floor'))::numeric, 2) AS vs_floor,
       round((min(ms) / (SELECT min(ms) FROM bench_result WHERE name = 'plain SQL'))::numeric, 2) AS vs_plain_sql,
       min(checksum) AS checksum
FROM bench_result GROUP BY name ORDER BY min(ms);
\echo section-years where C and plain SQL disagree (untimed): plain SQL compares binary means, which
\echo land a hair above a limit (0.20000000000000004 for a mean of 0.2); eco_monitor compares decimals
CREATE TEMP TABLE bench_c AS
SELECT section, yr, eco.section_class(p, v) AS cls, eco.main_pollutants(p, v) AS mp FROM bench_water GROUP BY section, yr;
CREATE TEMP TABLE bench_sql AS
WITH means AS (SELECT section, yr, p, avg(v) AS v FROM bench_water GROUP BY section, yr, p)
SELECT m.section, m.yr, array_agg(m.p::text || '=' || m.v ORDER BY m.p)
           FILTER (WHERE l.direction = 'max' AND m.v > l.class_iii) AS above_iii_binary
FROM means m JOIN bench_limits l ON l.pollutant = m.p GROUP BY m.section, m.yr;
SELECT c.section, c.yr, c.cls, c.mp, s.above_iii_binary
FROM bench_c c JOIN bench_sql s USING (section, yr)
WHERE cardinality(c.mp) <> least(3, coalesce(cardinality(s.above_iii_binary), 0))
  AND NOT EXISTS (SELECT 1 FROM unnest(c.mp) x WHERE x IN ('pH', 'DO'))
ORDER BY 1, 2;
DROP TABLE bench_water;
DROP TABLE bench_limits;
