-- pgTAP: one API shape (docs/choices.md, "One API shape"): support functions are "_"-prefixed, no function is named
-- like a type, every function that takes an area reads NULL (and '') as every area the caller may see.
BEGIN;
SELECT plan(15);

-- ---------- names ----------
-- Type I/O, operator, operator-class and aggregate support functions are not called by users: "_"-prefixed.
SELECT is((SELECT array_agg(DISTINCT f.oid::regprocedure::text ORDER BY f.oid::regprocedure::text)
           FROM (SELECT unnest(ARRAY[t.typinput, t.typoutput, t.typreceive, t.typsend]) AS oid
                 FROM pg_type t WHERE t.typnamespace = 'eco'::regnamespace AND t.typtype = 'b'
                 UNION ALL SELECT o.oprcode FROM pg_operator o WHERE o.oprnamespace = 'eco'::regnamespace
                 UNION ALL SELECT p.amproc FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
                           WHERE f.opfnamespace = 'eco'::regnamespace
                 UNION ALL SELECT unnest(ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn])
                           FROM pg_aggregate a JOIN pg_proc ap ON ap.oid = a.aggfnoid
                           WHERE ap.pronamespace = 'eco'::regnamespace) s
           JOIN pg_proc f ON f.oid = s.oid
           WHERE f.pronamespace = 'eco'::regnamespace AND f.proname !~ '^_'), NULL,
          'every type I/O, operator, operator-class and aggregate support function of eco is "_"-prefixed');
SELECT is((SELECT count(*)::int FROM pg_type t JOIN pg_proc p ON p.proname = t.typname AND p.pronamespace = t.typnamespace
           WHERE t.typnamespace = 'eco'::regnamespace), 0, 'no function of eco is named like a type of eco');
SELECT ok((SELECT count(*) FROM pg_proc WHERE pronamespace = 'eco'::regnamespace
           AND proname IN ('_pollutant_in', '_standard_cmp', '_water_class_hash_extended', '_outfall_type_send',
                           '_water_agg_trans', '_water_basin_final', '_water_spearman_combine')) >= 7,
          'the renamed support functions exist under their new names');
SELECT is((SELECT count(*)::int FROM pg_proc WHERE pronamespace = 'eco'::regnamespace
           AND proname IN ('pollutant_in', 'standard_cmp', 'water_class_hash_extended', 'outfall_type_send',
                           'water_agg_trans', 'water_basin_final', 'water_spearman_combine', '_change_kinds')), 0,
          'the 0.1.0 names of the support functions are gone');
SELECT is(eco._pollutant_out('PM2.5')::text, 'PM2.5', 'a renamed I/O function still calls its C entry point');

-- ---------- areas: NULL = every area the caller may see ----------
-- Every function whose argument names an area (area, site_or_area) lets NULL reach it (not STRICT) and, when the
-- argument has a default, defaults it to NULL.  eco.load_network_sites' area is the area a file's sites get, and
-- eco.area_visible asks about one area: they are not filters.
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY p.oid::regprocedure::text)
           FROM pg_proc p
           WHERE p.pronamespace = 'eco'::regnamespace AND p.proname !~ '^_'
             AND p.proname NOT IN ('load_network_sites', 'area_visible')
             AND p.proargnames && ARRAY['area', 'site_or_area'] AND p.proisstrict), NULL,
          'no function taking an area is STRICT (NULL is every area)');
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY p.oid::regprocedure::text)
           FROM pg_proc p
           WHERE p.pronamespace = 'eco'::regnamespace AND p.proname !~ '^_' AND p.pronargdefaults > 0
             AND pg_get_function_arguments(p.oid) ~ '(^|, )(area|site_or_area) text DEFAULT'
             AND pg_get_function_arguments(p.oid) !~ '(^|, )(area|site_or_area) text DEFAULT NULL'
             AND p.proname NOT IN ('load_network_sites')), NULL,
          'an area argument with a default defaults to NULL');

-- Rows in two areas (3201 and 3202): NULL and '' give every row, a prefix only its own.
INSERT INTO eco.complaint (area, received_on, channel, category)
SELECT a, d, (SELECT value FROM eco.ledger_vocabulary WHERE list = 'complaint_channel' ORDER BY ord LIMIT 1),
       (SELECT value FROM eco.ledger_vocabulary WHERE list = 'complaint_category' ORDER BY ord LIMIT 1)
FROM (VALUES ('320101', date '2024-03-01'), ('320201', date '2024-04-01'), ('320201', date '2023-05-01')) v(a, d);
INSERT INTO eco.enforcement_case (area, case_no, enterprise, decided_on, penalty)
VALUES ('320101', 'tap-api-1', 'A', '2024-02-01', 1000), ('320201', 'tap-api-2', 'B', '2024-06-01', 500);
INSERT INTO eco.task (area, program, item, plan_year, done_on)
VALUES ('320101', 'tap', 'x', 2024, '2024-05-01'), ('320201', 'tap', 'y', 2024, NULL);
CREATE TEMP TABLE tap_area_calls (f text, q text);
INSERT INTO tap_area_calls VALUES
    ('complaint_summary', $$SELECT * FROM eco.complaint_summary(%s, '[2024-01-01,2024-12-31]')$$),
    ('enforcement_summary', $$SELECT * FROM eco.enforcement_summary(%s, '[2024-01-01,2024-12-31]')$$),
    ('task_progress', $$SELECT * FROM eco.task_progress(%s, 2024, '2024-12-31')$$),
    ('annual_report', $$SELECT seq, section, indicator, value, prev_value, change, detail FROM eco.annual_report(%s, 2024)$$);
CREATE FUNCTION pg_temp.tap_rows(q text) RETURNS text[] LANGUAGE plpgsql AS $f$
DECLARE r text[];
BEGIN
    EXECUTE 'SELECT array_agg(x::text) FROM (' || q || ') x' INTO r;
    RETURN r;
END
$f$;
SELECT is(pg_temp.tap_rows(format(q, 'NULL')), pg_temp.tap_rows(format(q, '''''')), f || ': NULL = '''' (every area)')
FROM tap_area_calls ORDER BY f;
SELECT isnt(pg_temp.tap_rows(format(q, 'NULL')), pg_temp.tap_rows(format(q, '''3201''')), f || ': a prefix is a subset')
FROM tap_area_calls WHERE f <> 'annual_report' ORDER BY f;
SELECT is(eco.work_summary(NULL, 2024), eco.work_summary('', 2024), 'work_summary: NULL = ''''');

SELECT * FROM finish();
ROLLBACK;
