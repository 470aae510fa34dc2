-- pgTAP: the extension cannot be hijacked through search_path.
BEGIN;
SELECT plan(5);

-- Every SQL or PL/pgSQL function of the extension pins its search_path.
SELECT is((SELECT pg_catalog.array_agg(p.oid::regprocedure::text ORDER BY 1)
           FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
           JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                AND d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
           JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
           WHERE l.lanname IN ('sql', 'plpgsql')
             AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proconfig) c WHERE c LIKE 'search_path=%')),
          NULL, 'every SQL and PL/pgSQL function of eco_monitor pins search_path');
SELECT is((SELECT pg_catalog.count(*)::int FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                AND d.deptype = 'e'
           JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
           WHERE p.prosecdef), 0, 'no SECURITY DEFINER function');

-- A hostile schema placed before pg_catalog must not be reached by the extension's functions.
CREATE SCHEMA regress_evil;
CREATE FUNCTION regress_evil.starts_with(text, text) RETURNS boolean LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked starts_with'; END$$;
CREATE FUNCTION regress_evil.pg_has_role(name, name, text) RETURNS boolean LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked pg_has_role'; END$$;
CREATE FUNCTION regress_evil.texteq(text, text) RETURNS boolean LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked ='; END$$;
CREATE OPERATOR regress_evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_evil.texteq);
CREATE FUNCTION regress_evil.evil_count_sf(bigint) RETURNS bigint LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked count'; END$$;
CREATE AGGREGATE regress_evil.count(*) (SFUNC = regress_evil.evil_count_sf, STYPE = bigint);
INSERT INTO eco.area_grant VALUES (CURRENT_USER, '32');
SET LOCAL search_path = regress_evil, public, eco, pg_catalog;
SELECT lives_ok($$SELECT eco.area_visible('320102')$$, 'area_visible ignores a hostile search_path');
SELECT lives_ok($$SELECT * FROM eco.outfall_progress('32', '2024-01-01')$$, 'outfall_progress ignores a hostile search_path');
SELECT lives_ok($$SELECT * FROM eco.section_evaluation('2024-01-01', '2025-01-01')$$,
                'section_evaluation ignores a hostile search_path');

SELECT * FROM finish();
ROLLBACK;
