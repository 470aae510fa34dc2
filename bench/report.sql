-- Benchmark of the report area: year-on-year phrases over 1 M pairs, and the reproducible draw.
-- C path vs the same in plain SQL vs a floor query, timed in one run with clock_timestamp().
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;   -- the functions are per-row: compare single-core throughput

CREATE TEMP TABLE pairs AS
SELECT round((20 + (g::bigint * 7919 % 600) / 10.0)::numeric, 1) AS cur,
       round((20 + (g::bigint * 104729 % 600) / 10.0)::numeric, 1) AS prev
FROM generate_series(1, 1000000) g;
ANALYZE pairs;

CREATE TEMP TABLE timing (what text, ms numeric, result text);

CREATE FUNCTION pg_temp.t(what text, q text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    r text;
    best numeric := NULL;
BEGIN
    FOR i IN 1 .. 3 LOOP                       -- best of 3
        t0 := clock_timestamp();
        EXECUTE q INTO r;
        best := LEAST(COALESCE(best, 1e12), extract(epoch FROM clock_timestamp() - t0) * 1000);
    END LOOP;
    INSERT INTO timing VALUES (what, round(best, 1), r);
END $$;

-- 1. Bulletin phrases for 1 M (cur, prev) pairs.
SELECT pg_temp.t('phrase: C eco.change_phrase',
    $q$SELECT sum(octet_length(eco.change_phrase(cur, prev, 'concentration')))::text FROM pairs$q$);
SELECT pg_temp.t('phrase: plain SQL (round, CASE)',
    $q$SELECT sum(octet_length(CASE WHEN c = 0 THEN '同比持平'
                                    WHEN c < 0 THEN '同比改善' || abs(c)::text || '%'
                                    ELSE '同比恶化' || c::text || '%' END))::text
       FROM (SELECT round((cur - prev) / prev * 100, 1) AS c FROM pairs) s$q$);
SELECT pg_temp.t('phrase: floor (rounded % only)',
    $q$SELECT sum(round((cur - prev) / prev * 100, 1))::text FROM pairs$q$);
-- Do the C and plain-SQL phrases agree? (They may differ only where the quotient is inexact at a half.)
SELECT pg_temp.t('phrase: disagreements C vs SQL',
    $q$SELECT count(*)::text FROM pairs
       WHERE eco.change_phrase(cur, prev, 'concentration') IS DISTINCT FROM
             CASE WHEN round((cur - prev) / prev * 100, 1) = 0 THEN '同比持平'
                  WHEN round((cur - prev) / prev * 100, 1) < 0
                  THEN '同比改善' || abs(round((cur - prev) / prev * 100, 1))::text || '%'
                  ELSE '同比恶化' || round((cur - prev) / prev * 100, 1)::text || '%' END$q$);

-- 2. Draw 1,000 of 100,000 enterprises reproducibly.
CREATE TEMP TABLE ent AS SELECT 'E' || lpad(g::text, 6, '0') AS code FROM generate_series(1, 100000) g;
ANALYZE ent;
SELECT pg_temp.t('draw: C eco._draw_sample + array lookup',
    $q$SELECT count(DISTINCT c)::text FROM (SELECT codes[p] AS c FROM (SELECT array_agg(code ORDER BY code COLLATE "C") AS codes
       FROM ent) a, unnest(eco._draw_sample(20231111, random()::int, 100000, 1000)) p) s$q$);
SELECT pg_temp.t('draw: C eco._draw_sample alone (positions)',
    $q$SELECT cardinality(eco._draw_sample(20231111, random()::int, 100000, 1000))::text$q$);
SELECT pg_temp.t('draw: plain SQL ORDER BY md5(seed||code)',
    $q$SELECT count(DISTINCT code)::text FROM (SELECT code FROM ent ORDER BY md5('20231111' || code) LIMIT 1000) s$q$);
SELECT pg_temp.t('draw: floor (first 1000 by code)',
    $q$SELECT count(DISTINCT code)::text FROM (SELECT code FROM ent ORDER BY code COLLATE "C" LIMIT 1000) s$q$);

SELECT what, ms, result,
       round(ms / NULLIF((SELECT ms FROM timing f WHERE f.what = split_part(t.what, ':', 1) || CASE
             WHEN t.what LIKE 'phrase%' THEN ': floor (rounded % only)' ELSE ': floor (first 1000 by code)' END), 0), 2)
           AS x_floor
FROM timing t ORDER BY what;
