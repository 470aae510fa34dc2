-- pgTAP: soil screening (GB 36600-2018, GB 15618-2018).  Every item name as a table writes it resolves, within its
-- own function, to the same result as the item's code; the text and eco.pollutant forms share one default edition.
BEGIN;
SELECT plan(19);
CREATE FUNCTION pg_temp.hint_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    h text;
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
    RETURN h;
END
$$;

-- Every row of eco.soil_limits: the name as written and the code give the same result, on both land classes, at
-- values below, at and above each limit (and with a background for the items of note a).
SELECT is((SELECT count(*)::int FROM eco.soil_limits l
           CROSS JOIN LATERAL (VALUES (l.screening_1 / 2), (l.screening_1), (l.screening_1 * 1.5),
                                      (l.screening_2), (l.intervention_1), (l.intervention_2),
                                      (l.intervention_2 * 3)) AS v(x)
           CROSS JOIN (VALUES (1), (2), (NULL::int)) AS c(land_class)
           WHERE eco.soil_screen(l.item, v.x, c.land_class, l.intervention_2 * 2)
                 IS DISTINCT FROM eco.soil_screen(l.pollutant, v.x, c.land_class, l.intervention_2 * 2)
              OR eco.soil_screen(l.item, v.x, c.land_class) IS DISTINCT FROM eco.soil_screen(l.pollutant, v.x, c.land_class)
              OR eco.soil_screen(l.item, v.x, c.land_class) IS NULL), 0,
          'every GB 36600 item as the standard writes it screens as its code');
SELECT is((SELECT count(*)::int FROM eco.soil_limits), 85, 'GB 36600: 85 names looped over');
-- Every row of eco.farmland_limits: the same on every land use, in every pH band and without pH.
SELECT is((SELECT count(*)::int FROM eco.farmland_limits l
           CROSS JOIN (VALUES ('paddy'), ('orchard'), ('other'), ('rotation')) AS u(land_use)
           CROSS JOIN (VALUES (5.0::float8), (5.5), (6.0), (7.0), (8.0), (NULL)) AS h(ph)
           CROSS JOIN LATERAL (VALUES (l.ph_le_5_5), (l.ph_5_5_to_6_5 * 1.01), (l.ph_6_5_to_7_5),
                                      (l.ph_gt_7_5 * 2)) AS v(x)
           WHERE eco.farmland_screen(l.item, v.x, h.ph, u.land_use)
                 IS DISTINCT FROM eco.farmland_screen(l.pollutant, v.x, h.ph, u.land_use)
              OR (h.ph IS NOT NULL AND eco.farmland_screen(l.item, v.x, h.ph, u.land_use) IS NULL)), 0,
          'every GB 15618 item as the standard writes it screens as its code');
SELECT is((SELECT count(*)::int FROM eco.farmland_limits WHERE item IS NULL OR item = ''), 0,
          'GB 15618: every row has its name as written');
-- Names the tables write differently from the registry.
SELECT is(eco.soil_screen('滴滴涕', 2, 1), eco.soil_screen('soil:DDT(o,p''+p,p'')'::eco.pollutant, 2, 1),
          'soil_screen(''滴滴涕'') is GB 36600 Table 2 item 25');
SELECT is((SELECT pollutant::text FROM eco.soil_limits WHERE item = '滴滴涕'), 'DDT(o,p''+p,p'')',
          'GB 36600 writes 滴滴涕 for the sum of o,p'' and p,p''');
SELECT is(eco.farmland_screen('滴滴涕', 0.11, NULL, 'other'), eco.farmland_screen('DDT'::eco.pollutant, 0.11, NULL, 'other'),
          'farmland_screen(''滴滴涕'') is GB 15618''s 滴滴涕总量');
SELECT is(eco.farmland_screen('六六六', 0.11, NULL, 'other'), 'monitor', 'farmland_screen(''六六六'') is 六六六总量');
SELECT throws_ok($$SELECT eco.soil_screen('六六六', 1, 1)$$, '22P02', NULL,
                 'soil_screen(''六六六''): GB 36600 lists the isomers, not the total');
SELECT throws_ok($$SELECT eco.farmland_screen('p,p''-滴滴伊', 1, 6, 'other')$$, '22P02', NULL,
                 'farmland_screen(''p,p''''-滴滴伊''): not a GB 15618 item');
-- The hint is built from the table: it names every item of the standard, as written.
SELECT is((SELECT count(*)::int FROM eco.soil_limits l
           WHERE pg_catalog.strpos(COALESCE(h.hint, ''), l.item) = 0), 0, 'the GB 36600 hint lists every item as written')
FROM (SELECT pg_temp.hint_of($$SELECT eco.soil_screen('nonsense', 1, 1)$$) AS hint) h;
SELECT is((SELECT count(*)::int FROM eco.farmland_limits l
           WHERE pg_catalog.strpos(COALESCE(h.hint, ''), l.item) = 0), 0, 'the GB 15618 hint lists every item as written')
FROM (SELECT pg_temp.hint_of($$SELECT eco.farmland_screen('Cr(VI)'::eco.pollutant, 1, 6, 'paddy')$$) AS hint) h;
-- One default edition per function, the same in the text and eco.pollutant forms, of the function's family.
SELECT is((SELECT array_agg(DISTINCT pg_catalog.pg_get_expr(p.proargdefaults, 0))::text FROM pg_proc p
           WHERE p.oid IN (SELECT oid FROM pg_proc WHERE proname = 'soil_screen'
                             AND pronamespace = 'eco'::regnamespace)),
          '{"NULL::double precision, ''GB36600-2018''::eco.standard"}', 'soil_screen: one default, GB36600-2018');
SELECT is((SELECT array_agg(DISTINCT pg_catalog.pg_get_expr(p.proargdefaults, 0))::text FROM pg_proc p
           WHERE p.oid IN (SELECT oid FROM pg_proc WHERE proname = 'farmland_screen'
                             AND pronamespace = 'eco'::regnamespace)),
          '{''GB15618-2018''::eco.standard}', 'farmland_screen: one default, GB15618-2018');
SELECT is((SELECT count(*)::int FROM pg_proc WHERE proname IN ('soil_screen', 'farmland_screen')
             AND pronamespace = 'eco'::regnamespace AND proargnames[pronargs] = 'standard'
             AND provolatile = 'i' AND proparallel = 's'), 4,
          'both forms of both functions: standard last, IMMUTABLE PARALLEL SAFE');
-- An untyped literal picks the text form; an eco.pollutant value the 0.1.0 form.
SELECT is((SELECT count(*)::int FROM (VALUES (eco.soil_screen('As', 45, 1)),
                                             (eco.soil_screen('As'::eco.pollutant, 45, 1)),
                                             (eco.soil_screen('As'::text, 45, 1))) AS t(r)
           WHERE r = 'between'), 3, 'literal, eco.pollutant and text calls agree');
-- Bad parameters (moved here from test/pgtap/sites.sql).
SELECT throws_ok($$SELECT eco.soil_screen('As', 1, 5)$$, '22023', NULL, 'land class 5 is 22023');
SELECT throws_ok($$SELECT eco.farmland_screen('Cd', 1, 7, 'forest')$$, '22023', NULL, 'unknown land type is 22023');
SELECT throws_ok($$SELECT eco.farmland_screen('Cd', 1, 14.5, 'paddy')$$, '22023', NULL, 'pH above 14 is 22023');

SELECT * FROM finish();
ROLLBACK;
