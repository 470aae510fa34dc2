\set VERBOSITY terse
SET search_path = eco, public;

-- ---------- type eco.water_class ----------
SELECT v, v::eco.water_class AS class, eco.water_class_label(v::eco.water_class) AS zh
FROM (VALUES ('I'), ('ii'), ('III'), ('Ⅲ'), ('3'), ('III类'), ('Ⅲ类'), ('Ⅳ'), ('Ⅴ类'),
             ('劣V'), ('劣Ⅴ'), ('劣Ⅴ类'), ('worse than V'), ('Class IV')) t(v);
SELECT c, eco.water_class_label(c, 'roman') AS roman, eco.water_class_label(c, 'ascii') AS ascii,
       eco.water_class_label(c, 'en') AS en, eco.water_status(c) AS status, eco.water_status_color(c) AS colour,
       eco.water_status(c, 'en') AS status_en, eco.water_status_colour(c, 'en') AS colour_en
FROM unnest('{I,II,III,IV,V,劣V}'::eco.water_class[]) c;
-- ordering, btree and hash
SELECT array_agg(c ORDER BY c) FROM unnest('{劣V,III,I,V,II,IV}'::eco.water_class[]) c;
SELECT 'I'::eco.water_class < 'II', 'V'::eco.water_class < '劣V', 'III'::eco.water_class = 'Ⅲ类',
       'IV'::eco.water_class >= 'III', 'IV'::eco.water_class <> 'IV';
SELECT eco.max(c) AS worst, eco.min(c) AS best, count(DISTINCT c) FROM unnest('{劣V,III,I,V,II,IV,III}'::eco.water_class[]) c;
CREATE TEMP TABLE wc (c eco.water_class);
INSERT INTO wc SELECT unnest('{劣V,III,I,V,II,IV,III}'::eco.water_class[]);
CREATE INDEX ON wc USING btree (c);
CREATE INDEX ON wc USING hash (c);
SET enable_seqscan = off;
SELECT count(*) FROM wc WHERE c = 'III';
SELECT count(*) FROM wc WHERE c > 'III';
RESET enable_seqscan;
-- binary I/O
SELECT eco._water_class_send('劣V') AS send_v6, eco._water_class_send('III') AS send_iii;
-- Binary files go to this test's own results directory (the client writes them: \copy).
\getenv abs_builddir PG_ABS_BUILDDIR
\cd :abs_builddir
\copy wc TO 'results/water_class.bin' (FORMAT binary)
CREATE TEMP TABLE wc2 (c eco.water_class);
\copy wc2 FROM 'results/water_class.bin' (FORMAT binary)
SELECT array_agg(c ORDER BY c) FROM wc2;
CREATE TEMP TABLE wcbad (c int2);
INSERT INTO wcbad VALUES (7);
\copy wcbad TO 'results/water_class_bad.bin' (FORMAT binary)
\copy wc2 FROM 'results/water_class_bad.bin' (FORMAT binary)
-- errors: 22P02 unparsable, 22023 bad style
SELECT 'VI'::eco.water_class;
SELECT '0'::eco.water_class;
SELECT '劣III'::eco.water_class;
SELECT ''::eco.water_class;
SELECT eco.water_class_label('III', 'fr');
SELECT eco.water_status('III', 'fr');

-- ---------- eco.water_item_class(pollutant, value, water_body) ----------
-- every Class III limit (and the pH range ends) meets III or better
SELECT l.pollutant, l.water_body, l.class_iii, eco.water_item_class(l.pollutant, l.class_iii, l.water_body) AS class
FROM eco.water_limits l WHERE l.gb3838_table = 1 AND l.class_iii IS NOT NULL ORDER BY l.table_row, l.water_body;
-- each limit meets its own class (best class with that limit), just beyond it does not
SELECT l.pollutant, l.water_body, k AS class_of_limit,
       eco.water_item_class(l.pollutant, lim, l.water_body) AS at_limit,
       eco.water_item_class(l.pollutant, CASE l.direction WHEN 'min' THEN lim * 0.999999 ELSE lim * 1.000001 END,
                       l.water_body) AS beyond
FROM eco.water_limits l
CROSS JOIN LATERAL unnest(ARRAY[l.class_i, l.class_ii, l.class_iii, l.class_iv, l.class_v]) WITH ORDINALITY u(lim, k)
WHERE l.gb3838_table = 1 AND l.direction IN ('max', 'min') AND l.pollutant IN ('DO', 'COD', 'TP', 'Hg', 'Cd', 'CN')
ORDER BY l.table_row, l.water_body, k;
SELECT eco.water_item_class('pH', 6), eco.water_item_class('pH', 9), eco.water_item_class('pH', 5.99), eco.water_item_class('pH', 9.01);
SELECT eco.water_item_class('DO', 7.5), eco.water_item_class('DO', 2), eco.water_item_class('DO', 1.9), eco.water_item_class('DO', 0);
SELECT eco.water_item_class('TN', 2.5) AS tn_river, eco.water_item_class('TN', 1.2, 'lake') AS tn_lake,
       eco.water_item_class('WT', 25) AS wt, eco.water_item_class('FC', 3000) AS fc, eco.water_item_class('SO4', 100) AS so4;
SELECT eco.water_item_class('TP', 0.06, 'river') AS river, eco.water_item_class('TP', 0.06, 'lake') AS lake,
       eco.water_item_class('TP', 0.06, 'reservoir') AS reservoir, eco.water_item_class('TP', 0.06, '湖库') AS hu_ku;
SELECT eco.water_item_class('Pb', 0.07) AS pb, eco.water_item_class('water:Pb', 0.07) AS water_pb, eco.water_item('Pb');
SELECT eco.water_item_class('CODMn', 0.1 + 0.2 + 5.7) AS codmn_6_float_sum, eco.water_item_class('NH3-N', 1.0000000001);
-- errors 22023
SELECT eco.water_item_class('COD', -1);
SELECT eco.water_item_class('COD', 'NaN');
SELECT eco.water_item_class('COD', 'Infinity');
SELECT eco.water_item_class('COD', 10, 'sea');
SELECT eco.water_item_class('SO2', 10);
SELECT eco.water_item_class('soil:Ni', 10);

-- ---------- exceedance multiple (环办〔2011〕22号; worked examples) ----------
SELECT v.p, v.x, v.wb, eco.water_exceedance(v.p::eco.pollutant, v.x, 'III', v.wb) AS multiple
FROM (VALUES ('CODMn', 6.42, 'river'), ('CODMn', 6.40, 'river'), ('TP', 0.214, 'river'), ('TP', 0.06, 'lake'),
             ('NH3-N', 0.9, 'river'), ('DO', 3.5, 'river'), ('DO', 1.9, 'river'), ('pH', 9.3, 'river'),
             ('WT', 30, 'river'), ('TN', 3, 'river'), ('TN', 1.2, 'lake'), ('CODMn', 6.03, 'river'),
             ('NH3-N', 2.3, 'river'), ('TP', 0.34, 'river'), ('COD', 32, 'river'), ('Pb', 0.07, 'river')) v(p, x, wb);
SELECT eco.water_exceedance('CODMn', 6.42) AS default_iii, eco.water_exceedance('COD', 32, 'IV') AS over_iv,
       eco.water_exceedance('CODMn', 6.42, 'III', 'river', 4) AS four_dp,
       eco.water_exceedance('NH3-N', 2.3, 'III', 'river', 1) AS one_dp,
       eco.water_exceedance('NH3-N', 2.3, 'III', 'river', 0) AS zero_dp,
       eco.water_exceedance('CODMn', 6.0) AS on_limit;
-- not ambiguous with a generic two-float8 function (the air issue's eco.exceedance_multiple)
SELECT eco.water_exceedance('CODMn', 6.42::float8) AS typed_args;
SELECT eco.water_exceedance('COD', -2);
SELECT eco.water_exceedance('COD', 30, '劣V');
SELECT eco.water_exceedance('COD', 30, 'III', 'ocean');
SELECT eco.water_exceedance('COD', 30, 'III', 'river', 7);
-- Huge values: the multiple is exact while it fits, else 22003 (it used to wrap around silently).
SELECT eco.water_exceedance('Hg', 1e11, 'III', 'river', 2) AS hg_1e11,
       eco.water_exceedance('COD', 1.00000000000001e20, 'III', 'river', 0) AS cod_exact;
SELECT eco.water_exceedance('COD', 1e20, 'III', 'river', 0);
SELECT eco.water_exceedance('Hg', 1e11, 'III', 'river', 6);
SELECT eco.water_exceedance('Hg', 1.23456789012345e26);

-- ---------- TLI ----------
SELECT round(eco.tli(10, 0.05, 1.0, 1.0, 4.0)::numeric, 4) AS tli,
       eco.tli_grade(eco.tli(10, 0.05, 1.0, 1.0, 4.0)) AS grade;
SELECT t, eco.tli_grade(t) FROM unnest('{29.99,30,50,50.01,60,60.01,70,70.01}'::float8[]) t;
SELECT eco.tli(0, 0.05, 1, 1, 4);
SELECT eco.tli(10, 0.05, 1, 'NaN', 4);
SELECT eco.tli_grade('Infinity');

-- ---------- views ----------
SELECT * FROM eco.water_limits ORDER BY gb3838_table, table_row, water_body;
SELECT * FROM eco.spearman_critical_values ORDER BY n;

-- ---------- the standard argument: last, defaulting to the family default stated once ----------
SELECT eco.water_default_standard();
-- every surface-water function and aggregate that takes a standard takes it last; the functions default it to
-- eco.water_default_standard()
SELECT p.oid::regprocedure AS fn, p.proargtypes[p.pronargs - 1] = 'eco.standard'::regtype AS standard_last,
       pg_get_expr(p.proargdefaults, 0) LIKE '%water_default_standard()' AS default_is_family_default
FROM pg_proc p
WHERE p.pronamespace = 'eco'::regnamespace AND 'eco.standard'::regtype = ANY (p.proargtypes)
  AND (p.proname LIKE 'water%' OR p.proname IN ('section_class', 'main_pollutants', 'main_pollutants_label',
                                                  'drinking_source_compliance'))
ORDER BY p.oid::regprocedure::text;
-- the default edition and the explicit one agree at, just inside and just outside every limit
SELECT count(*) AS checked,
       count(*) FILTER (WHERE eco.water_item_class(l.pollutant, x, l.water_body, 'GB3838-2002')
                              IS DISTINCT FROM eco.water_item_class(l.pollutant, x, l.water_body)) AS explicit_differs
FROM eco.water_limits l
CROSS JOIN LATERAL unnest(ARRAY[l.class_i, l.class_ii, l.class_iii, l.class_iv, l.class_v, l.range_low, l.range_high]) lim
CROSS JOIN LATERAL unnest(ARRAY[lim * 0.999, lim, lim * 1.001]) x
WHERE l.gb3838_table = 1 AND lim IS NOT NULL;
SELECT eco.water_item_class('NH3-N', 2.3) AS nh3n, eco.water_item_class('TP', 0.06, 'lake', 'GB 3838—2002') AS tp_lake,
       eco.water_exceedance('CODMn', 6.42, 'III', 'river', 2, 'GB3838-2002') AS codmn;
-- no function is named like a type (the 0.1.0 eco.water_class(pollutant, value, water_body) is gone)
SELECT t.typname, p.oid::regprocedure FROM pg_type t
JOIN pg_proc p ON p.proname = t.typname AND p.pronamespace = t.typnamespace
WHERE t.typnamespace = 'eco'::regnamespace;
-- a standard of another family is 22023 naming it; the hint lists the water editions (from the C records)
\set VERBOSITY default
SELECT eco.water_item_class('COD', 10, 'river', 'HJ633-2026');
SELECT eco.water_exceedance('COD', 30, 'III', 'river', 2, 'SWQE-2011');
SELECT eco.section_class(p::eco.pollutant, v, 'river', 'GB36600-2018') FROM (VALUES ('COD', 30)) t(p, v);
-- the words of the water bodies and the label styles in the hints come from the C tables
SELECT eco.water_item_class('COD', 1, 'sea');
SELECT eco.water_class_label('IV', 'fr');
-- the item list in the hint comes from the pollutant registry
SELECT eco.water_item_class('SO2', 10);
\set VERBOSITY terse
