-- eco.standard: editions, dates and the edition in force.
\set VERBOSITY terse
SET search_path = eco, public;
SELECT code, family, in_force_from, in_force_until FROM eco.standards ORDER BY family, in_force_from NULLS FIRST;
SELECT t, t::eco.standard FROM unnest(ARRAY['HJ633-2026', 'hj 633-2012', 'HJ 633—2026', 'GB3095-2026-final',
                                            'gb3095_2012', 'EPA-2024']) AS t;
-- The 2026-03-01 switch, and the GB 3095-2026 final limits from 2031-01-01.
SELECT d, eco.standard_in_force('HJ633', d) AS hj633, eco.standard_in_force('GB3095', d) AS gb3095,
       eco.standard_in_force('HJ663', d) AS hj663
FROM unnest(ARRAY['2013-06-01', '2015-12-31', '2016-01-01', '2026-02-28', '2026-03-01', '2030-12-31',
                  '2031-01-01']::date[]) AS d;
SELECT eco.standard_in_force('GB3838', '2024-01-01'), eco.standard_in_force('gb36600', '2024-01-01');
SELECT 'HJ633-2026'::eco.standard = 'hj633-2026'::eco.standard AS eq;
-- btree: ORDER BY, DISTINCT and comparisons follow the registry (editions of a family in date order).
SELECT s FROM unnest(ARRAY['HJ633-2026', 'HJ633-2012', 'GB3095-2026-final', 'GB3095-2012', 'GB3095-2026',
                           'HJ633-2012']::eco.standard[]) AS s
GROUP BY s ORDER BY s;
SELECT 'HJ633-2012'::eco.standard < 'HJ633-2026'::eco.standard AS older_first,
       'GB3095-2026'::eco.standard >= 'GB3095-2026-final'::eco.standard AS final_after;
-- Errors.
SELECT 'HJ633-2099'::eco.standard;
SELECT eco.standard_in_force('ISO', '2024-01-01');
SELECT eco.standard_in_force('HJ633', 'infinity');
SELECT eco.standard_in_force('HJ633', '-infinity');
-- Binary round trip through COPY (FORMAT binary); recv rejects an unknown id.
CREATE TEMP TABLE std_bin (s eco.standard);
-- Binary files go to this test's own results directory (the client writes them: \copy).
\getenv abs_builddir PG_ABS_BUILDDIR
\cd :abs_builddir
\copy (SELECT code FROM eco.standards ORDER BY code::text) TO 'results/standard.bin' (FORMAT binary)
\copy std_bin FROM 'results/standard.bin' (FORMAT binary)
SELECT count(*) AS editions,
       array_agg(s::text ORDER BY s::text) = (SELECT array_agg(code::text ORDER BY code::text) FROM eco.standards)
       AS same_editions
FROM std_bin;
\copy (SELECT 999::smallint) TO 'results/standard_bad.bin' (FORMAT binary)
\copy std_bin FROM 'results/standard_bad.bin' (FORMAT binary)
\copy (SELECT (-1)::smallint) TO 'results/standard_bad.bin' (FORMAT binary)
\copy std_bin FROM 'results/standard_bad.bin' (FORMAT binary)
-- Send gives the id as 2 bytes, big-endian.
SELECT eco._standard_send('HJ633-2026') = int2send((SELECT id FROM eco._standard_list() WHERE code = 'HJ633-2026'))
       AS send_is_id;
-- The hint lists the families of the editions table.
\set VERBOSITY default
SELECT eco.standard_in_force('ISO', '2024-01-01');
\set VERBOSITY terse
