-- pgTAP: the extension cannot be hijacked through search_path.
BEGIN;
SELECT plan(25);

-- Every SQL or PL/pgSQL function of the extension pins its search_path.
SELECT is((SELECT pg_catalog.array_agg(p.oid::regprocedure::text ORDER BY 1)
           FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
           JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                AND d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
           JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
           WHERE l.lanname IN ('sql', 'plpgsql')
             AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(p.proconfig) c WHERE c LIKE 'search_path=%')),
          NULL, 'every SQL and PL/pgSQL function of eco_monitor pins search_path');
-- One SECURITY DEFINER function, the writer of the outfall history: owned by the extension's owner, pinned
-- search_path, executable by nobody else.
SELECT is((SELECT pg_catalog.array_agg(p.oid::regprocedure::text ORDER BY 1) FROM pg_catalog.pg_proc p
           JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                AND d.deptype = 'e'
           JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
           WHERE p.prosecdef), ARRAY['eco._outfall_log()'], 'the only SECURITY DEFINER function is eco._outfall_log()');
SELECT is((SELECT ROW(p.proowner = e.extowner, p.proconfig, p.proacl IS NOT NULL
                                 AND NOT pg_catalog.has_function_privilege('public', p.oid, 'EXECUTE'))::text
           FROM pg_catalog.pg_proc p, pg_catalog.pg_extension e
           WHERE p.oid = 'eco._outfall_log()'::regprocedure AND e.extname = 'eco_monitor'),
          '(t,"{""search_path=pg_catalog, pg_temp""}",t)',
          'eco._outfall_log() is owned by the extension''s owner, pins search_path and is not executable by PUBLIC');

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

-- Outfall history is written only by the lifecycle: no role writes it directly, whatever the area or the code
-- (the error is the same for an outfall of another area, of its own area and for a code that does not exist).
INSERT INTO eco.outfall (code, name, area, status_date) VALUES ('SEC-OF-A', 'o', '320102', '2024-01-01'),
    ('SEC-OF-B', 'o', '440103', '2024-01-01');
CREATE SCHEMA regress_look;
GRANT USAGE ON SCHEMA regress_look TO PUBLIC;
CREATE FUNCTION regress_look.current_setting(text) RETURNS text LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked current_setting'; END$$;
CREATE FUNCTION regress_look.format(text, VARIADIC text[]) RETURNS text LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked format'; END$$;
CREATE FUNCTION regress_look.texteq(text, text) RETURNS boolean LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked ='; END$$;
CREATE OPERATOR regress_look.= (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_look.texteq);
CREATE OPERATOR regress_look.<> (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_look.texteq);
CREATE FUNCTION regress_look.nameeq(name, name) RETURNS boolean LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked name ='; END$$;
CREATE OPERATOR regress_look.<> (LEFTARG = name, RIGHTARG = name, FUNCTION = regress_look.nameeq);
CREATE OPERATOR regress_look.<> (LEFTARG = oid, RIGHTARG = oid, FUNCTION = pg_catalog.oideq);
SET LOCAL ROLE regress_area_a;
SELECT throws_ok($$INSERT INTO eco.outfall_history (outfall_code, from_status, to_status, action, changed_on, area)
                   VALUES ('SEC-OF-B', '整治中', '已完成', '取缔', '2024-06-01', '440103')$$, '42501',
                 'permission denied for table outfall_history', 'a role cannot forge history of another area''s outfall');
SELECT throws_ok($$INSERT INTO eco.outfall_history (outfall_code, from_status, to_status, action, changed_on, area)
                   VALUES ('SEC-OF-A', '整治中', '已完成', '取缔', '2024-06-01', '320102')$$, '42501',
                 'permission denied for table outfall_history', 'a role cannot write history of its own outfall by hand');
SELECT throws_ok($$INSERT INTO eco.outfall_history (outfall_code, from_status, to_status, action, changed_on, area)
                   VALUES ('SEC-NO-SUCH', '整治中', '已完成', '取缔', '2024-06-01', '320102')$$, '42501',
                 'permission denied for table outfall_history', 'same error for a code that does not exist: no existence oracle');
SELECT throws_ok($$CREATE TEMP TABLE forge (code text, status text, action text, status_date date, area text);
                   CREATE TRIGGER forge AFTER UPDATE ON forge FOR EACH ROW EXECUTE FUNCTION eco._outfall_log()$$,
                 '42501', NULL, 'a role cannot attach the history writer to a table of its own');
-- The lifecycle writes the history as the definer, with look-alikes on the search path and a decoy in pg_temp.
CREATE TEMP TABLE outfall_history (LIKE eco.outfall_history);
SET LOCAL search_path = regress_look, public, eco;
SELECT lives_ok($$UPDATE eco.outfall SET status = '核查确认', status_date = '2024-02-01' WHERE code = 'SEC-OF-A'$$,
                'the lifecycle writes history for a non-owner role with look-alikes on the search path');
RESET search_path;
SELECT is((SELECT pg_catalog.array_agg(h.outfall_code || ' ' || h.from_status || '>' || h.to_status || ' by ' || h.recorded_by)
           FROM eco.outfall_history h WHERE h.outfall_code LIKE 'SEC-%'), ARRAY['SEC-OF-A 疑似>核查确认 by regress_area_a'],
          'the history row is in eco.outfall_history, recorded by the acting role');
SELECT is((SELECT pg_catalog.count(*)::int FROM pg_temp.outfall_history), 0, 'the decoy in pg_temp was not written');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
