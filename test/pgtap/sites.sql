-- pgTAP: sites, protection zones, outfalls, parcels: catalogue, SQLSTATEs, row-level security.
BEGIN;
SELECT plan(72);

-- Catalogue.
SELECT has_table('eco', t, 'table eco.' || t) FROM unnest(ARRAY['site', 'protection_zone', 'outfall', 'outfall_history', 'land_parcel']) t;
SELECT has_type('eco', 'outfall_type', 'type eco.outfall_type exists');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'eco' AND c.relkind = 'r' AND NOT c.relrowsecurity AND c.relname <> 'area_grant'), 0,
          'row-level security is enabled on every data table of eco (area_grant holds the grants)');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'eco' AND c.relkind IN ('r', 'S')
             AND c.oid <> ALL ((SELECT extconfig FROM pg_extension WHERE extname = 'eco_monitor')::oid[])), 0,
          'every table and sequence of eco is registered with pg_extension_config_dump');
SELECT is((SELECT count(*)::int FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
           WHERE c.relname IN ('site', 'protection_zone', 'outfall', 'outfall_history', 'land_parcel')
             AND pg_get_expr(p.polqual, p.polrelid) LIKE '%area_visible(area)%'
             AND pg_get_expr(p.polwithcheck, p.polrelid) LIKE '%area_visible(area)%'), 5,
          'one area policy (USING and WITH CHECK) on each of the five tables');
SELECT has_index('eco', 'site', 'site_geom_idx', 'GiST index on site.geom');
SELECT has_index('eco', 'site', 'site_geog_idx', 'GiST index on geography(site.geom) for KNN');
SELECT has_index('eco', 'outfall', 'outfall_geom_idx', 'GiST index on outfall.geom');
SELECT has_index('eco', 'protection_zone', 'protection_zone_geom_idx', 'GiST index on protection_zone.geom');
SELECT has_index('eco', 'land_parcel', 'land_parcel_geom_idx', 'GiST index on land_parcel.geom');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname ~ '^_?outfall_type'
             AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR NOT p.proisstrict)), 0,
          'every outfall_type function is IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('outfall_progress', 'outfalls_in_protection_zones', 'nearest_sites',
                                                     'parcel_survey_summary') AND p.provolatile = 's'), 4,
          'functions reading tables are STABLE');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.prosecdef AND p.oid <> 'eco._outfall_log()'::regprocedure), 0,
          'no SECURITY DEFINER function but the history writer (test/pgtap/security.sql)');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'eco' AND c.relkind IN ('r', 'v') AND obj_description(c.oid, 'pg_class') IS NULL), 0,
          'every table and view has a comment');
SELECT is((SELECT pg_catalog.string_agg(p.oid::regprocedure::text, ', ') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND obj_description(p.oid, 'pg_proc') IS NULL
             AND p.proname ~ '^_?(outfall|water|soil|geom|basin|spearman|section|main_pollutants|drinking|tli|nearest|parcel|farmland)'),
          NULL, 'every function of the site, outfall, soil and water families has a comment');
SELECT is((SELECT pg_catalog.string_agg(p.polname::text, ', ') FROM pg_policy p
           WHERE p.polrelid IN ('eco.site'::regclass, 'eco.protection_zone'::regclass, 'eco.outfall'::regclass,
                                'eco.outfall_history'::regclass, 'eco.land_parcel'::regclass, 'eco.water_sample'::regclass)
             AND obj_description(p.oid, 'pg_policy') IS NULL), NULL, 'every policy of these tables has a comment');
SELECT is((SELECT pg_catalog.string_agg(t.tgname::text, ', ') FROM pg_trigger t
           WHERE t.tgrelid IN ('eco.site'::regclass, 'eco.protection_zone'::regclass, 'eco.outfall'::regclass,
                               'eco.land_parcel'::regclass, 'eco.water_sample'::regclass)
             AND NOT t.tgisinternal AND obj_description(t.oid, 'pg_trigger') IS NULL), NULL,
          'every trigger of these tables has a comment');

-- SQLSTATEs.
SELECT throws_ok($$INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('t', 't', 'air', '1', ST_SetSRID(ST_MakePoint(114, 30), 3857))$$,
                 '22023', NULL, 'site in SRID 3857 is 22023');
SELECT throws_ok($$INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('t', 't', 'air', '1', ST_SetSRID('LINESTRING(0 0, 1 1)'::geometry, 4490))$$,
                 '22023', NULL, 'site that is not a point is 22023');
SELECT throws_ok($$INSERT INTO eco.protection_zone (name, water_source, level, area, geom) VALUES ('t', 't', '一级', '1', ST_SetSRID(ST_MakePoint(114, 30), 4490))$$,
                 '22023', NULL, 'protection zone that is not a polygon is 22023');
SELECT throws_ok($$INSERT INTO eco.land_parcel (code, name, area, geom) VALUES ('t', 't', '1', ST_SetSRID('POLYGON((0 0, 1 0, 1 1, 0 0))'::geometry, 2385))$$,
                 '22023', NULL, 'parcel in SRID 2385 is 22023');
SELECT throws_ok($$SELECT * FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114, 30), 4490), 'noise', 1)$$,
                 '22023', NULL, 'nearest_sites with an unknown kind is 22023');
SELECT throws_ok($$SELECT * FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint('NaN', 'NaN'), 4490), 'air', 1)$$,
                 '22023', 'nearest_sites: geom must have finite longitude/latitude in range, not POINT(NaN NaN)',
                 'nearest_sites at POINT(NaN NaN) is 22023 naming geom');
SELECT throws_ok($$SELECT * FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint('Infinity', 30), 4326), 'air', 1)$$,
                 '22023', NULL, 'nearest_sites at an infinite longitude is 22023');
SELECT throws_ok($$SELECT * FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114, '-Infinity'), 4490), 'water', 1)$$,
                 '22023', NULL, 'nearest_sites at an infinite latitude is 22023');
SELECT throws_ok($$SELECT 'not a type'::eco.outfall_type$$, '22P02', NULL, 'unknown outfall type is 22P02');

INSERT INTO eco.outfall (code, name, area, status, status_date) VALUES ('TAP-1', 't', '990101', '疑似', '2024-01-01');
SELECT throws_ok($$UPDATE eco.outfall SET status = '已完成' WHERE code = 'TAP-1'$$, '23514',
                 'illegal outfall status transition from "疑似" to "已完成" for outfall "TAP-1"', '疑似 → 已完成 is 23514 with a clear message');
SELECT throws_ok($$UPDATE eco.outfall SET status = '整治中', action = '取缔' WHERE code = 'TAP-1'$$, '23514', NULL,
                 '疑似 → 整治中 is 23514');
SELECT lives_ok($$UPDATE eco.outfall SET status = '核查确认', status_date = '2024-02-01' WHERE code = 'TAP-1'$$, '疑似 → 核查确认 is allowed');
SELECT throws_ok($$UPDATE eco.outfall SET status = '非排口' WHERE code = 'TAP-1'$$, '23514', NULL, '核查确认 → 非排口 is 23514');
SELECT throws_ok($$UPDATE eco.outfall SET status = '整治中' WHERE code = 'TAP-1'$$, '23514', NULL, '整治中 without an action is 23514');
SELECT lives_ok($$UPDATE eco.outfall SET status = '整治中', action = '规范整治', status_date = '2024-03-01' WHERE code = 'TAP-1'$$,
                '核查确认 → 整治中 with an action is allowed');
SELECT throws_ok($$UPDATE eco.outfall SET status = '已完成', status_date = '2024-02-15' WHERE code = 'TAP-1'$$, '23514', NULL,
                 'a status date before the previous one is 23514');
SELECT lives_ok($$UPDATE eco.outfall SET status = '已完成', status_date = '2024-04-01' WHERE code = 'TAP-1'$$, '整治中 → 已完成 is allowed');
SELECT is((SELECT string_agg(from_status || '>' || to_status, ' ' ORDER BY id) FROM eco.outfall_history WHERE outfall_code = 'TAP-1'),
          '疑似>核查确认 核查确认>整治中 整治中>已完成', 'each transition is in the history, refused ones are not');

-- Cross-check nearest_sites against a naive full scan with ST_DistanceSphere.
INSERT INTO eco.site (code, name, kind, area, geom)
SELECT 'TAPS' || i, 's', 'air', '990101', ST_SetSRID(ST_MakePoint(114 + (i % 37) * 0.013, 30 + (i % 41) * 0.011), 4490)
FROM generate_series(1, 300) i;
SELECT is((SELECT array_agg(code ORDER BY distance_m) FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.2, 30.2), 4490), 'air', 5)),
          (SELECT array_agg(code ORDER BY d) FROM (SELECT code, ST_DistanceSphere(geom, ST_SetSRID(ST_MakePoint(114.2, 30.2), 4490)) d
           FROM eco.site WHERE kind = 'air' ORDER BY d LIMIT 5) x),
          'nearest_sites picks the same five sites as a full scan');

-- search_path cannot hijack the PostGIS calls: a schema first on the path shadows ST_SRID and ST_Intersects.
CREATE SCHEMA tap_evil;
CREATE FUNCTION tap_evil.st_srid(public.geometry) RETURNS integer LANGUAGE sql AS 'SELECT 4490';
CREATE FUNCTION tap_evil.st_intersects(public.geometry, public.geometry) RETURNS boolean LANGUAGE sql AS 'SELECT true';
CREATE FUNCTION tap_evil.geometrytype(public.geometry) RETURNS text LANGUAGE sql AS $$SELECT 'POINT'$$;
INSERT INTO eco.protection_zone (code, name, water_source, level, area, geom) VALUES ('TAP-Z', 'z', 's', '一级', '990101',
    ST_SetSRID('POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))'::geometry, 4490));
SET LOCAL search_path = tap_evil, public, eco;
SELECT throws_ok($$INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('t', 't', 'air', '1', public.ST_SetSRID('LINESTRING(0 0, 1 1)'::public.geometry, 3857))$$,
                 '22023', NULL, 'the geometry trigger ignores a hostile st_srid/geometrytype on the search_path');
SELECT is((SELECT count(*)::int FROM eco.outfalls_in_protection_zones() WHERE zone_name = 'z'), 0,
          'outfalls_in_protection_zones ignores a hostile st_intersects on the search_path');
SELECT is((SELECT count(*)::int FROM eco.nearest_sites(public.ST_SetSRID(public.ST_MakePoint(114.2, 30.2), 4490), 'air', 3)), 3,
          'nearest_sites works whatever the search_path');
RESET search_path;

-- Row-level security: a role limited to area 990102 and a role with no grant.
CREATE ROLE tap_sites_limited;
CREATE ROLE tap_sites_nobody;
INSERT INTO eco.area_grant VALUES ('tap_sites_limited', '990102');
INSERT INTO eco.site (code, name, kind, area) VALUES ('TAP-S2', 's', 'water', '990102');
INSERT INTO eco.outfall (code, name, area, status_date) VALUES ('TAP-2', 't', '990102', '2024-01-01');
INSERT INTO eco.land_parcel (code, name, area) VALUES ('TAP-P1', 'p', '990101'), ('TAP-P2', 'p', '990102');
SET LOCAL ROLE tap_sites_limited;
SELECT is((SELECT count(*)::int FROM eco.site WHERE code LIKE 'TAP%'), 1, 'limited role sees only the site of its area');
SELECT is((SELECT string_agg(code, ',') FROM eco.outfall WHERE code LIKE 'TAP%'), 'TAP-2', 'limited role sees only the outfall of its area');
SELECT is((SELECT count(*)::int FROM eco.outfall_history WHERE outfall_code = 'TAP-1'), 0, 'limited role sees no history of other areas');
SELECT throws_ok($$INSERT INTO eco.outfall (code, name, area) VALUES ('TAP-3', 't', '990101')$$, '42501', NULL,
                 'limited role is refused an outfall in another area');
SELECT throws_ok($$UPDATE eco.land_parcel SET area = '990101' WHERE code = 'TAP-P2'$$, '42501', NULL,
                 'limited role is refused moving a parcel to another area');
SELECT lives_ok($$UPDATE eco.outfall SET status = '核查确认', status_date = '2024-02-01' WHERE code = 'TAP-2'$$,
                'limited role moves its own outfall through the lifecycle (history written as that role)');
SELECT throws_ok($$UPDATE eco.outfall_history SET to_status = '已完成' WHERE outfall_code = 'TAP-2'$$, '42501', NULL,
                 'history is append-only: a role cannot rewrite it');
-- History survives: no delete of an outfall with history, a change of code is itself recorded.
SELECT throws_ok($$DELETE FROM eco.outfall WHERE code = 'TAP-2'$$, '23503', NULL,
                 'an outfall with history cannot be deleted (its history is not cascaded away)');
SELECT throws_ok($$DELETE FROM eco.outfall_history WHERE outfall_code = 'TAP-2'$$, '42501', NULL,
                 'a role cannot delete history');
SELECT lives_ok($$UPDATE eco.outfall SET code = 'TAP-2b' WHERE code = 'TAP-2'$$, 'an outfall''s code may change');
SELECT is((SELECT string_agg(outfall_code || ' ' || from_status || '>' || to_status, ',') FROM eco.outfall_history
           WHERE outfall_code LIKE 'TAP-2%'), 'TAP-2b 疑似>核查确认', 'its history follows it to the new code');
SELECT is((SELECT string_agg(previous_code || '>' || outfall_code || ' by ' || recorded_by, ',') FROM eco.outfall_code_change),
          'TAP-2>TAP-2b by tap_sites_limited', 'the change of code is recorded with the previous code and the role');
SELECT throws_ok($$INSERT INTO eco.outfall_code_change (outfall_code, previous_code, changed_on, recorded_by, area)
                   VALUES ('TAP-2b', 'forged', '2024-01-01', 'x', '990102')$$, '42501', NULL,
                 'a role cannot write the record of code changes by hand');
SELECT throws_ok($$DELETE FROM eco.outfall WHERE code = 'TAP-2b'$$, '23503', NULL,
                 'the renamed outfall still cannot be deleted');
-- The lifecycle cannot skip 整治中 by toggling pre_campaign (as the limited role, on its own outfalls).
SELECT lives_ok($$INSERT INTO eco.outfall (code, name, area, status_date) VALUES ('TAP-6', 't', '990102', '2024-01-01');
                  UPDATE eco.outfall SET status = '核查确认', pre_campaign = true, status_date = '2024-02-01' WHERE code = 'TAP-6';
                  UPDATE eco.outfall SET status = '已完成', status_date = '2024-03-01' WHERE code = 'TAP-6'$$,
                'a pre-campaign outfall is closed out from 核查确认');
SELECT throws_ok($$UPDATE eco.outfall SET pre_campaign = false, action = '取缔' WHERE code = 'TAP-6'$$, '23514',
                 'pre_campaign of outfall "TAP-6" cannot change once it is 已完成',
                 'clearing pre_campaign of a closed outfall (to count it as remediated) is 23514');
SELECT throws_ok($$UPDATE eco.outfall SET pre_campaign = false WHERE code = 'TAP-6'$$, '23514', NULL,
                 'clearing pre_campaign alone is 23514 too');
SELECT is((SELECT row(p.done, p.pre_campaign)::text FROM eco.outfall_progress('990102') p), '(0,1)',
          'the outfall counts as remediated before the campaign, not as done');
SELECT lives_ok($$INSERT INTO eco.outfall (code, name, area, status_date) VALUES ('TAP-7', 't', '990102', '2024-01-01');
                  UPDATE eco.outfall SET status = '核查确认', status_date = '2024-02-01' WHERE code = 'TAP-7';
                  UPDATE eco.outfall SET pre_campaign = true WHERE code = 'TAP-7';
                  UPDATE eco.outfall SET pre_campaign = false WHERE code = 'TAP-7';
                  UPDATE eco.outfall SET status = '整治中', action = '规范整治', status_date = '2024-03-01' WHERE code = 'TAP-7'$$,
                'pre_campaign may change while an outfall is 核查确认');
SELECT throws_ok($$UPDATE eco.outfall SET action = NULL, pre_campaign = true, status = '已完成' WHERE code = 'TAP-7'$$, '23514', NULL,
                 'an outfall in remediation cannot become pre-campaign to close without its action');
SELECT throws_ok($$UPDATE eco.outfall SET registered_status = '已完成', registered_action = '取缔' WHERE code = 'TAP-2b'$$,
                 '23514', NULL, 'the registered state (where the history starts) cannot be rewritten to a counted state');
SELECT throws_ok($$INSERT INTO eco.outfall (code, name, area, status_date, registered_status, registered_action)
                   VALUES ('TAP-9', 't', '990102', '2024-01-01', '已完成', '取缔')$$, '23514', NULL,
                 'a new outfall cannot be registered as closed while its status is 疑似');
SELECT is((SELECT p.done FROM eco.outfall_progress('990102', '2024-01-15') p), 0::bigint,
          'nothing counts as done before any outfall was closed');
-- 销号 is accepted as 已完成 by the table, stored under the canonical name.
SELECT lives_ok($$UPDATE eco.outfall SET status = '销号', status_date = '2024-04-01' WHERE code = 'TAP-7'$$,
                'status 销号 is accepted (整治中 → 销号)');
SELECT is((SELECT o.status || ' ' || h.to_status FROM eco.outfall o JOIN eco.outfall_history h ON h.outfall_code = o.code
           WHERE o.code = 'TAP-7' ORDER BY h.id DESC LIMIT 1), '已完成 已完成', '销号 is stored as 已完成 in the table and the history');
SELECT lives_ok($$INSERT INTO eco.outfall (code, name, area, status, action, status_date)
                  VALUES ('TAP-8', 't', '990102', '销号', '取缔', '2024-01-01')$$, 'a new outfall may be registered as 销号');
INSERT INTO eco.outfall (code, name, area, status_date) VALUES ('TAP-5', 't', '990102', '2024-01-01');
SELECT lives_ok($$DELETE FROM eco.outfall WHERE code = 'TAP-5'$$, 'an outfall without history (a mistaken entry) may be deleted');
RESET ROLE;
SET LOCAL ROLE tap_sites_nobody;
SELECT is((SELECT count(*)::int FROM eco.site) + (SELECT count(*)::int FROM eco.outfall)
          + (SELECT count(*)::int FROM eco.land_parcel) + (SELECT count(*)::int FROM eco.protection_zone), 0,
          'a role without a grant sees nothing');
SELECT throws_ok($$INSERT INTO eco.site (code, name, kind, area) VALUES ('TAP-S3', 's', 'air', '990102')$$, '42501', NULL,
                 'a role without a grant is refused an insert');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
