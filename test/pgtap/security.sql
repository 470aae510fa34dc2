-- pgTAP: the extension cannot be hijacked through search_path.
BEGIN;
SELECT plan(35);

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

-- eco.area_visible and eco.site_visible read their answer set once per statement (src/pg_area.c): a grant made
-- between two statements counts in the second; one statement run as two roles (a SECURITY DEFINER function owned by
-- another role inside it) answers for each role; the policy of a scan as a non-owner equals the per-row rule.
INSERT INTO eco.area_grant VALUES ('regress_area_none', '4401');
SET LOCAL ROLE regress_area_none;
SELECT is((SELECT pg_catalog.array_agg(code ORDER BY code) FROM eco.site WHERE code LIKE 'SEC-%'), ARRAY['SEC-2', 'SEC-3'],
          'a grant made before the statement counts in it (the set is read per statement)');
RESET ROLE;
CREATE FUNCTION pg_temp.as_owner_sees(c text) RETURNS boolean LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp AS $f$ SELECT eco.site_visible(c) $f$;
SET LOCAL ROLE regress_area_b;
SELECT is(ARRAY[eco.site_visible('SEC-1'), eco.site_visible('SEC-2'), pg_temp.as_owner_sees('SEC-1')],
          ARRAY[false, true, true], 'site_visible answers for the role current at each call, within one statement');
RESET ROLE;
SELECT is((SELECT pg_catalog.count(*)::int FROM eco.site s WHERE s.code LIKE 'SEC-%'
           AND eco.area_visible(s.area) IS DISTINCT FROM EXISTS (
               SELECT 1 FROM eco.area_grant g WHERE starts_with(s.area, g.area_prefix)
                 AND (g.role_name = CURRENT_USER OR g.role_name = 'public'
                      OR pg_has_role(CURRENT_USER, to_regrole(quote_ident(g.role_name)), 'MEMBER')))), 0,
          'area_visible equals the per-row rule on every site');

-- Every view of the extension (the reference data) is readable by a role that is not the owner, and returns rows.
CREATE TEMP TABLE view_read(v text, err text, n bigint, data_view boolean);
GRANT ALL ON view_read TO regress_area_none;
SET LOCAL ROLE regress_area_none;
DO $$
DECLARE
    v text;
    dv boolean;
    k bigint;
BEGIN
    -- A data view (one that reads a table of the extension, such as eco.network_aqi_mismatch) may be empty here;
    -- a reference view (over the C tables) must return rows.
    FOR v, dv IN SELECT c.oid::regclass::text,
                        EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite r
                                JOIN pg_catalog.pg_depend rd ON rd.classid = 'pg_catalog.pg_rewrite'::regclass
                                     AND rd.objid = r.oid AND rd.refclassid = 'pg_catalog.pg_class'::regclass
                                JOIN pg_catalog.pg_class t ON t.oid = rd.refobjid AND t.relkind IN ('r', 'p')
                                WHERE r.ev_class = c.oid)
             FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
             JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
             WHERE c.relkind = 'v' LOOP
        BEGIN
            EXECUTE pg_catalog.format('SELECT count(*) FROM %s', v) INTO k;
            INSERT INTO view_read VALUES (v, NULL, k, dv);
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO view_read VALUES (v, SQLSTATE || ' ' || SQLERRM, NULL, dv);
        END;
    END LOOP;
END
$$;
RESET ROLE;
SELECT cmp_ok((SELECT count(*)::int FROM view_read), '>=', 14, 'the views of the extension were found');
SELECT is((SELECT pg_catalog.string_agg(v || ': ' || COALESCE(err, 'no rows'), '; ' ORDER BY v) FROM view_read
           WHERE err IS NOT NULL OR (n = 0 AND NOT data_view)), NULL,
          'every view of the extension is readable by a non-owner role, and every reference view has rows');

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

-- PostGIS look-alikes.  Every PostGIS function the extension's SQL calls (found in the source of its functions) gets
-- overloads planted in the PostGIS schema, for every combination of spatial and text argument types it lacks, each
-- raising 'hijacked'.  A call that relied on an implicit cast (ST_XMin(geometry) goes through box3d,
-- ST_AsText(box2d) through geometry) would pick the look-alike; explicit casts keep the PostGIS function.
CREATE TEMP TABLE postgis_called AS
SELECT DISTINCT pg_catalog.lower(m[1]) AS fname
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor',
     pg_catalog.regexp_matches(p.prosrc, pg_catalog.format('%s\.([A-Za-z_0-9]+)\s*\(', eco._postgis_schema()), 'g') AS m
WHERE pg_catalog.lower(m[1]) IN (SELECT q.proname FROM pg_catalog.pg_proc q JOIN pg_catalog.pg_extension x
                                 ON x.extname = 'postgis' AND q.pronamespace = x.extnamespace);
SELECT ok((SELECT pg_catalog.array_agg(fname) FROM postgis_called)
          @> ARRAY['st_srid', 'geometrytype', 'st_isempty', 'st_xmin', 'st_xmax', 'st_ymin', 'st_ymax', 'st_astext',
                   'box2d', 'st_isvalid', 'st_isvalidreason', 'st_multi', 'st_setsrid', 'st_x', 'st_y', 'geography',
                   'st_intersects'],
          'the PostGIS functions called by the extension are found in its source');
DO $$
DECLARE
    g text := eco._postgis_schema();
    f record;
    types text[] := ARRAY['geometry', 'geography', 'box2d', 'box3d', 'text'];
    sig text;
    t1 text;
    t2 text;
BEGIN
    FOR f IN SELECT c.fname, q.pronargs, pg_catalog.min(q.prorettype::regtype::text) AS ret
             FROM postgis_called c JOIN pg_catalog.pg_proc q ON q.proname = c.fname
             JOIN pg_catalog.pg_extension x ON x.extname = 'postgis' AND q.pronamespace = x.extnamespace
             WHERE q.pronargs BETWEEN 1 AND 2 GROUP BY c.fname, q.pronargs LOOP
        FOREACH t1 IN ARRAY types LOOP
            FOREACH t2 IN ARRAY CASE WHEN f.pronargs = 1 THEN ARRAY[NULL] ELSE types || ARRAY['int4'] END LOOP
                sig := pg_catalog.concat_ws(', ',
                    CASE WHEN t1 = 'text' THEN 'pg_catalog.text' ELSE g || '.' || t1 END,
                    CASE WHEN t2 IN ('text', 'int4') THEN 'pg_catalog.' || t2 WHEN t2 IS NOT NULL THEN g || '.' || t2 END);
                IF pg_catalog.to_regprocedure(pg_catalog.format('%s.%s(%s)', g, f.fname, sig)) IS NULL THEN
                    EXECUTE pg_catalog.format('CREATE FUNCTION %s.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
                        g, f.fname, sig, f.ret,
                        pg_catalog.format('BEGIN RAISE EXCEPTION ''hijacked %s(%s)''; END', f.fname, sig));
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
END
$$;
SELECT ok((SELECT pg_catalog.count(*) FROM pg_catalog.pg_proc WHERE prosrc LIKE 'BEGIN RAISE EXCEPTION ''hijacked %') > 50,
          'look-alikes are planted (among them st_xmin(geometry) and st_astext(box2d))');
CREATE ROLE regress_geo;
INSERT INTO eco.area_grant VALUES ('regress_geo', '9902');
CREATE TEMP TABLE geo_calls(n serial, call text, err text);
GRANT ALL ON geo_calls, geo_calls_n_seq TO regress_geo;
SET LOCAL ROLE regress_geo;
DO $$
DECLARE
    calls text[] := ARRAY[
        $c$INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('GEO-1', 's', 'air', '990201', public.ST_SetSRID(public.ST_MakePoint(114.3, 30.6), 4326))$c$,
        $c$INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('GEO-2', 's', 'air', '990201', public.ST_SetSRID(public.ST_MakePoint(214.3, 30.6), 4490))$c$,
        $c$INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('GEO-3', 's', 'air', '990201', public.ST_SetSRID(public.ST_MakePoint('NaN', 30.6), 4490))$c$,
        $c$INSERT INTO eco.protection_zone (code, name, water_source, level, area, geom) VALUES ('GEO-Z', 'z', 's', '一级', '990201', public.ST_SetSRID('POLYGON((114 30, 115 30, 115 31, 114 31, 114 30))'::public.geometry, 4326))$c$,
        $c$INSERT INTO eco.land_parcel (code, name, area, geom) VALUES ('GEO-P', 'p', '990201', public.ST_SetSRID('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))'::public.geometry, 4490))$c$,
        $c$INSERT INTO eco.outfall (code, name, area, geom, status_date) VALUES ('GEO-O', 'o', '990201', public.ST_SetSRID(public.ST_MakePoint(114.5, 30.5), 4490), '2024-01-01')$c$,
        $c$SELECT * FROM eco.nearest_sites(public.ST_SetSRID(public.ST_MakePoint(114.3, 30.6), 4490), 'air', 2)$c$,
        $c$SELECT * FROM eco.nearest_sites(public.ST_SetSRID(public.ST_MakePoint('NaN', 30.6), 4490), 'air', 2)$c$,
        $c$SELECT * FROM eco.outfalls_in_protection_zones()$c$];
    c text;
    e text;
BEGIN
    FOREACH c IN ARRAY calls LOOP
        BEGIN
            EXECUTE c;
            e := NULL;
        EXCEPTION WHEN OTHERS THEN
            e := SQLSTATE || ' ' || SQLERRM;
        END;
        INSERT INTO geo_calls (call, err) VALUES (c, e);
    END LOOP;
END
$$;
RESET ROLE;
SELECT is((SELECT pg_catalog.string_agg(err, '; ') FROM geo_calls WHERE err LIKE '%hijacked%'), NULL,
          'no PostGIS look-alike runs: every call binds to the PostGIS function meant');
SELECT is((SELECT pg_catalog.array_agg(pg_catalog.left(COALESCE(err, 'ok'), 5) ORDER BY n) FROM geo_calls)::text,
          '{ok,22023,22023,ok,22023,ok,ok,22023,ok}', 'the trigger and the spatial functions give their usual results');
SELECT is((SELECT pg_catalog.string_agg(outfall_code || '/' || zone_name, ',') FROM eco.outfalls_in_protection_zones()
           WHERE outfall_code LIKE 'GEO-%'), 'GEO-O/z', 'the outfall lies in the zone (ST_Intersects of PostGIS)');

-- The recommended search_path puts eco before public: an operator planted in public on eco's types is not reached.
CREATE FUNCTION public.regress_pollutant_eq(eco.pollutant, eco.pollutant) RETURNS boolean LANGUAGE plpgsql
    AS $$BEGIN RAISE EXCEPTION 'hijacked pollutant ='; END$$;
CREATE OPERATOR public.= (LEFTARG = eco.pollutant, RIGHTARG = eco.pollutant, FUNCTION = public.regress_pollutant_eq);
SET LOCAL search_path = "$user", eco, public;
SELECT lives_ok($$SELECT 'PM2.5'::pollutant = 'PM2.5'::pollutant$$,
                'search_path "$user", eco, public: the comparison binds to eco.=');
SET LOCAL search_path = "$user", public, eco;
SELECT throws_ok($$SELECT 'PM2.5'::pollutant = 'PM2.5'::pollutant$$, 'P0001', 'hijacked pollutant =',
                 'control: with public before eco the planted operator runs');
RESET search_path;

SELECT * FROM finish();
ROLLBACK;
