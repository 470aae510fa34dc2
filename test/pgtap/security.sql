-- pgTAP: the extension cannot be hijacked through search_path.
BEGIN;
SELECT plan(17);

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
-- A function that does not pin its search_path, as a control: the traps must fire for it.
CREATE FUNCTION pg_temp.unpinned_probe() RETURNS boolean LANGUAGE sql AS $$ SELECT 'a'::text = 'a'::text $$;
CREATE TEMP TABLE hijack(fn text, err text);
DO $$
DECLARE
    old text := pg_catalog.current_setting('search_path');
    calls text[] := ARRAY['SELECT pg_temp.unpinned_probe()',
                          'SELECT eco.area_visible(''320102'')',
                          'SELECT * FROM eco.outfall_progress(''32'', ''2024-01-01'')',
                          'SELECT * FROM eco.section_evaluation(''2024-01-01'', ''2025-01-01'')'];
    c text;
    e text;
BEGIN
    FOREACH c IN ARRAY calls LOOP
        PERFORM pg_catalog.set_config('search_path', 'regress_evil, public, eco, pg_catalog', true);
        BEGIN
            EXECUTE c;
            e := NULL;
        EXCEPTION WHEN OTHERS THEN
            e := SQLERRM;
        END;
        PERFORM pg_catalog.set_config('search_path', old, true);
        INSERT INTO hijack VALUES (c, e);
    END LOOP;
END
$$;
SELECT is((SELECT err FROM hijack WHERE fn LIKE '%unpinned_probe%'), 'hijacked =',
          'control: an unpinned function is hijacked by the hostile schema');
SELECT is((SELECT err FROM hijack WHERE fn LIKE '%area_visible%'), NULL, 'area_visible ignores a hostile search_path');
SELECT is((SELECT err FROM hijack WHERE fn LIKE '%outfall_progress%'), NULL,
          'outfall_progress ignores a hostile search_path');
SELECT is((SELECT err FROM hijack WHERE fn LIKE '%section_evaluation%'), NULL,
          'section_evaluation ignores a hostile search_path');

-- A role reads only the area grants that apply to it.
CREATE ROLE regress_area_a;
CREATE ROLE regress_area_b;
INSERT INTO eco.area_grant VALUES ('regress_area_a', '3201'), ('regress_area_b', '4401');
SET LOCAL ROLE regress_area_a;
SELECT is((SELECT pg_catalog.array_agg(area_prefix::text ORDER BY area_prefix) FROM eco.area_grant), ARRAY['3201'],
          'a role sees only its own area grants');
SELECT is(ARRAY[eco.area_visible('320102'), eco.area_visible('440103')], ARRAY[true, false],
          'area_visible works under the restricted view of eco.area_grant');
RESET ROLE;

-- A grant naming a role that does not exist, or a role dropped since, locks nobody out; 'public' grants every role.
CREATE ROLE regress_area_gone;
INSERT INTO eco.area_grant VALUES ('regress_no_such_role', '3201'), ('regress_area_gone', '4401'), ('public', '9901');
DROP ROLE regress_area_gone;
INSERT INTO eco.site (code, name, kind, area) VALUES ('SEC-1', 's', 'air', '320102'), ('SEC-2', 's', 'air', '440103'),
    ('SEC-3', 's', 'air', '990101');
SET LOCAL ROLE regress_area_a;
SELECT lives_ok($$SELECT count(*) FROM eco.site$$, 'a stale grant of a dropped or unknown role does not make queries fail');
SELECT is((SELECT pg_catalog.array_agg(code ORDER BY code) FROM eco.site WHERE code LIKE 'SEC-%'), ARRAY['SEC-1', 'SEC-3'],
          'a role sees its own area and the area granted to public, not the area of the dropped role');
SELECT is((SELECT pg_catalog.array_agg(role_name::text || ':' || area_prefix ORDER BY role_name, area_prefix) FROM eco.area_grant),
          ARRAY['public:9901', 'regress_area_a:3201'], 'the grants of unknown roles are not shown, the public grant is');
SELECT is(ARRAY[eco.area_visible('320102'), eco.area_visible('440103'), eco.area_visible('990101')], ARRAY[true, false, true],
          'area_visible: own grant yes, dropped role no, public yes');
RESET ROLE;
SET LOCAL ROLE regress_area_b;
SELECT is((SELECT pg_catalog.array_agg(code ORDER BY code) FROM eco.site WHERE code LIKE 'SEC-%'), ARRAY['SEC-2', 'SEC-3'],
          'another role is not locked out either');
RESET ROLE;
CREATE ROLE regress_area_none;
SET LOCAL ROLE regress_area_none;
SELECT is((SELECT pg_catalog.array_agg(code ORDER BY code) FROM eco.site WHERE code LIKE 'SEC-%'), ARRAY['SEC-3'],
          'a role without grants sees only what is granted to public');
SELECT throws_ok($$INSERT INTO eco.site (code, name, kind, area) VALUES ('SEC-4', 's', 'air', '440101')$$, '42501', NULL,
                 'the stale grant of a dropped role gives nothing to anybody');
RESET ROLE;

-- Every view of the extension (the reference data) is readable by a role that is not the owner, and returns rows.
CREATE TEMP TABLE view_read(v text, err text, n bigint);
GRANT ALL ON view_read TO regress_area_none;
SET LOCAL ROLE regress_area_none;
DO $$
DECLARE
    v text;
    k bigint;
BEGIN
    FOR v IN SELECT c.oid::regclass::text FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
             JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
             WHERE c.relkind = 'v' LOOP
        BEGIN
            EXECUTE pg_catalog.format('SELECT count(*) FROM %s', v) INTO k;
            INSERT INTO view_read VALUES (v, NULL, k);
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO view_read VALUES (v, SQLSTATE || ' ' || SQLERRM, NULL);
        END;
    END LOOP;
END
$$;
RESET ROLE;
SELECT cmp_ok((SELECT count(*)::int FROM view_read), '>=', 14, 'the views of the extension were found');
SELECT is((SELECT pg_catalog.string_agg(v || ': ' || COALESCE(err, 'no rows'), '; ' ORDER BY v) FROM view_read
           WHERE err IS NOT NULL OR n = 0), NULL, 'every view of the extension is readable by a non-owner role and has rows');

SELECT * FROM finish();
ROLLBACK;
