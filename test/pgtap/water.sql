-- pgTAP: surface water (eco.water_class, GB 3838 functions and aggregates, eco.water_sample RLS).
BEGIN;
SET LOCAL search_path = public, eco;
SELECT plan(49);

SELECT has_type('eco', 'water_class', 'type eco.water_class exists');
SELECT is((SELECT typbyval AND typlen = 2 AND typreceive <> 0 AND typsend <> 0 FROM pg_type
           WHERE oid = 'eco.water_class'::regtype), true, 'water_class is pass-by-value with binary I/O');
SELECT is((SELECT count(*)::int FROM pg_opclass WHERE opcintype = 'eco.water_class'::regtype AND opcdefault), 2,
          'water_class has default btree and hash operator classes');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.prokind = 'f' AND p.prorettype <> 'internal'::regtype
             AND (p.proname ~ '^_?water' OR p.proname IN ('tli', 'tli_grade', '_spearman_critical_list'))
             AND (p.provolatile <> 'i' OR p.proparallel <> 's')), 0,
          'every water function is IMMUTABLE PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.prokind = 'f' AND p.prorettype <> 'internal'::regtype
             AND p.proname IN ('water_item_class', 'water_default_standard', 'water_exceedance', 'water_class_label', 'water_status', 'water_status_color', 'tli', 'tli_grade')
             AND NOT p.proisstrict), 0, 'water value functions are STRICT');
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('section_class', 'main_pollutants', 'main_pollutants_label',
                 'drinking_source_compliance', 'basin_status', 'spearman_trend')
             AND a.aggcombinefn <> 0 AND p.proparallel = 's'
             AND (a.aggtranstype <> 'internal'::regtype OR (a.aggserialfn <> 0 AND a.aggdeserialfn <> 0))), 16,
          'the 16 water aggregates have combine (+ serialize/deserialize) and are PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_description d JOIN pg_proc p ON p.oid = d.objoid
           JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND (p.proname LIKE 'water%' OR p.proname IN ('section_class', 'main_pollutants',
                 'basin_status', 'spearman_trend', 'tli', 'section_evaluation'))),
          (SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND (p.proname LIKE 'water%' OR p.proname IN ('section_class', 'main_pollutants',
                 'basin_status', 'spearman_trend', 'tli', 'section_evaluation'))),
          'every water function and aggregate has a comment');

-- SQLSTATEs
SELECT throws_ok($$SELECT 'VII'::eco.water_class$$, '22P02', NULL, 'unparsable class is 22P02');
SELECT throws_ok($$SELECT 'Class'::eco.water_class$$, '22P02', NULL, 'bare "Class" is 22P02');
SELECT throws_ok($$SELECT eco.water_item_class('COD', -0.1)$$, '22023', NULL, 'negative value is 22023');
SELECT throws_ok($$SELECT eco.water_item_class('COD', 'NaN')$$, '22023', NULL, 'NaN is 22023');
SELECT throws_ok($$SELECT eco.water_item_class('COD', '-Infinity')$$, '22023', NULL, '-inf is 22023');
SELECT throws_ok($$SELECT eco.water_item_class('COD', 1, 'sea')$$, '22023', NULL, 'unknown water body is 22023');
SELECT throws_ok($$SELECT eco.water_exceedance('COD', 1, 'III', 'pond')$$, '22023', NULL, 'exceedance: unknown water body 22023');
SELECT throws_ok($$SELECT eco.water_exceedance('COD', 'Infinity')$$, '22023', NULL, 'exceedance: inf is 22023');
SELECT throws_ok($$SELECT eco.water_exceedance('Hg', 1e11, 'III', 'river', 6)$$, '22003', NULL,
                 'exceedance: a multiple beyond int64 at 6 decimals is 22003, not a wrapped number');
SELECT throws_ok($$SELECT eco.main_pollutants_label(p, v) FROM (VALUES ('Hg'::eco.pollutant, 1e26::float8)) t(p, v)$$,
                 '22003', NULL, 'main_pollutants_label: a multiple out of range is 22003');
SELECT throws_ok($$SELECT eco.section_class(p, v) FROM (VALUES ('COD'::eco.pollutant, -5::float8)) t(p, v)$$,
                 '22023', NULL, 'aggregate: negative value is 22023');
SELECT throws_ok($$SELECT eco.section_class(p, v, 'sea') FROM (VALUES ('COD'::eco.pollutant, 5::float8)) t(p, v)$$,
                 '22023', NULL, 'aggregate: unknown water body is 22023');
SELECT throws_ok($$SELECT eco.water_class_label('III', 'klingon')$$, '22023', NULL, 'unknown label style is 22023');
SELECT throws_ok($$SELECT eco.tli(1, 1, 1, -1, 1)$$, '22023', NULL, 'tli: negative SD is 22023');
SELECT throws_ok($$SELECT eco.spearman_trend(y, v) FROM (VALUES (1, 1.0), (1, 2.0), (2, 1.0), (3, 1.0), (4, 1.0)) t(y, v)$$,
                 '22023', NULL, 'spearman: duplicate period is 22023');

-- labels and examples
SELECT is(eco.water_class_label('Ⅲ'), 'Ⅲ类', 'label of Ⅲ is Ⅲ类');
SELECT is(eco.water_class_label('worse than V'), '劣Ⅴ类', 'label of 劣V is 劣Ⅴ类');
SELECT is(eco.water_item_class('Pb', 0.07)::text, 'V', 'water_class(''Pb'', 0.07) uses water lead');
SELECT is(eco.water_exceedance('CODMn', 6.42), 0.07::numeric, '(6.42 − 6)/6 = 0.07');

-- cross-check: eco.water_class against an independent SQL evaluation of eco.water_limits
SELECT is((SELECT count(*)::int FROM eco.water_limits l
           CROSS JOIN LATERAL (SELECT round((random() * 2.5 * coalesce(l.class_v, l.range_high))::numeric, 4)::float8 AS v
                               FROM generate_series(1, 50)) r
           WHERE l.gb3838_table = 1 AND l.direction IN ('max', 'range')
             AND eco.water_item_class(l.pollutant, r.v, l.water_body) IS DISTINCT FROM
                 (CASE WHEN l.direction = 'range' THEN
                          CASE WHEN r.v BETWEEN l.range_low AND l.range_high THEN 'I' ELSE '劣V' END
                       WHEN r.v <= l.class_i THEN 'I' WHEN r.v <= l.class_ii THEN 'II' WHEN r.v <= l.class_iii THEN 'III'
                       WHEN r.v <= l.class_iv THEN 'IV' WHEN r.v <= l.class_v THEN 'V' ELSE '劣V' END)::eco.water_class),
          0, 'water_class agrees with a plain CASE over eco.water_limits on random 4-decimal values');
SELECT is((SELECT count(*)::int FROM generate_series(0, 1000) i
           WHERE eco.water_item_class('DO', i / 100.0) IS DISTINCT FROM
                 (CASE WHEN i >= 750 THEN 'I' WHEN i >= 600 THEN 'II' WHEN i >= 500 THEN 'III'
                       WHEN i >= 300 THEN 'IV' WHEN i >= 200 THEN 'V' ELSE '劣V' END)::eco.water_class),
          0, 'DO lower limits agree with integer arithmetic over 0.00..10.00');
SELECT is((SELECT count(*)::int FROM generate_series(600, 2000) i
           WHERE eco.water_exceedance('CODMn', i / 100.0) <>
                 round((i / 100.0 - 6)::numeric / 6, 2)),
          0, 'CODMn multiples equal numeric half-up rounding for 6.00..20.00');

-- exact sums: a mean within rounding of a class limit gets one class in every order and plan.
-- NH3-N values whose mean is 1.000000000000005 (the Class III limit 1.0 at 15 significant digits, rounding up):
-- summed in floating point, left to right gives IV and right to left III.
CREATE TEMP TABLE tap_edge(k int, x float8);
INSERT INTO tap_edge VALUES (1, 0.72), (2, 0.85), (3, 0.237628944668331), (4, 0.278847079685397),
    (5, 0.210197957071943), (6, 0.51), (7, 0.92), (8, 4.2733260185743696);
SELECT is((SELECT eco.section_class('NH3-N', x ORDER BY k)::text || '/' || eco.section_class('NH3-N', x ORDER BY k DESC)::text
           || '/' || eco.section_class('NH3-N', x ORDER BY x)::text FROM tap_edge), 'IV/IV/IV',
          'a mean within rounding of a class limit: the same class in any row order (exact sums)');
SELECT is((SELECT eco.main_pollutants_label('NH3-N', x, 'river', 6 ORDER BY k DESC) FROM tap_edge), '氨氮(0.000000)',
          'and the same main pollutant, its multiple rounding to 0');
-- 300 sections of the same 8 values, each in its own order, laid out so that a section's rows are on
-- different pages (a parallel scan hands them to different workers)
CREATE TABLE tap_water_par(sec int, p eco.pollutant, x float8);
SELECT setseed(0.12);
INSERT INTO tap_water_par
SELECT s, 'NH3-N', x FROM (SELECT s, x, random() AS r FROM generate_series(1, 300) s, tap_edge) t ORDER BY r;
ANALYZE tap_water_par;
CREATE TEMP TABLE tap_serial AS
SELECT sec, eco.section_class(p, x) AS cls, eco.main_pollutants_label(p, x, 'river', 6) AS mpl,
       eco.drinking_source_compliance(p, x) AS dsc FROM tap_water_par GROUP BY sec;
\ir ../fixtures/parallel_plan.sql
SET LOCAL enable_hashagg = off;
SELECT matches(pg_temp.tap_plan($$SELECT sec, eco.section_class(p, x) FROM tap_water_par GROUP BY sec$$),
               'Partial GroupAggregate|Partial HashAggregate|Partial Aggregate',
               'the section aggregates run as partial aggregates under a forced parallel plan');
SELECT is((SELECT count(*)::int FROM tap_serial s JOIN
             (SELECT sec, eco.section_class(p, x) AS cls, eco.main_pollutants_label(p, x, 'river', 6) AS mpl,
                     eco.drinking_source_compliance(p, x) AS dsc FROM tap_water_par GROUP BY sec) q USING (sec)
           WHERE s.cls = q.cls AND s.mpl = q.mpl AND s.dsc = q.dsc AND q.cls = 'IV'), 300,
          'parallel equals serial for every section, and both are the exact class IV');
SELECT is((SELECT eco.section_class(p, x)::text FROM tap_water_par), 'IV',
          'one parallel aggregate over all 2,400 rows: the exact class');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation; RESET enable_hashagg;

-- row-level security on eco.water_sample through eco.site
INSERT INTO eco.site (code, name, kind, area, water_body, target_class) VALUES
    ('TAP-W1', 'a', 'water', 'tapw-north', 'river', 'III'), ('TAP-W2', 'b', 'water', 'tapw-south', 'river', 'III');
INSERT INTO eco.water_sample VALUES ('TAP-W1', '2025-01-01', 'COD', 10, false), ('TAP-W2', '2025-01-01', 'COD', 35, false);
CREATE ROLE eco_tap_water_reader;
INSERT INTO eco.area_grant VALUES ('eco_tap_water_reader', 'tapw-north');
GRANT USAGE ON SCHEMA eco TO eco_tap_water_reader;
SET LOCAL ROLE eco_tap_water_reader;
SELECT is((SELECT count(*)::int FROM eco.water_sample WHERE section_code LIKE 'TAP-%'), 1,
          'a reader sees only the samples of sections in its areas');
SELECT is((SELECT string_agg(section_code || ':' || water_class::text, ',') FROM eco.section_evaluation('2025-01-01', '2025-02-01')
           WHERE section_code LIKE 'TAP-%'), 'TAP-W1:I', 'section_evaluation respects row-level security');
SELECT throws_ok($$INSERT INTO eco.water_sample VALUES ('TAP-W2', '2025-02-01', 'COD', 1, false)$$, '42501', NULL,
                 'a reader cannot insert samples of a section outside its areas');
SELECT lives_ok($$INSERT INTO eco.water_sample VALUES ('TAP-W1', '2025-02-01', 'COD', 1, false)$$,
                'a reader may insert samples of its own sections');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM eco.water_sample WHERE section_code LIKE 'TAP-%'), 3, 'the owner sees every sample');
SELECT is((SELECT count(*)::int FROM pg_extension e WHERE e.extname = 'eco_monitor'
           AND 'eco.water_sample'::regclass = ANY (e.extconfig)), 1, 'water_sample is dumped with pg_dump');

-- the standard argument
SELECT throws_ok($$SELECT eco.water_item_class('COD', 10, 'river', 'HJ633-2026')$$, '22023',
                 'standard "HJ633-2026" does not apply to eco.water_item_class', 'a non-water standard is 22023 naming it');
SELECT throws_ok($$SELECT eco.water_exceedance('COD', 30, 'III', 'river', 2, 'GB3095-2026')$$, '22023',
                 'standard "GB3095-2026" does not apply to eco.water_exceedance', 'water_exceedance: non-water standard is 22023');
SELECT throws_ok($$SELECT eco.section_class('COD', 30, 'river', 'SWQE-2011')$$, '22023', NULL,
                 'section_class: a non-water standard is 22023');
SELECT throws_ok($$SELECT eco.section_class(p::eco.pollutant, 30, 'river', s::eco.standard)
                   FROM (VALUES ('COD', 'GB3838-2002'), ('TP', 'HJ633-2012')) t(p, s)$$, '22023', NULL,
                 'section_class: two editions in one group are 22023');
SELECT is(eco.water_default_standard()::text, 'GB3838-2002', 'the water default edition is GB3838-2002');
SELECT is((SELECT count(*)::int FROM pg_proc p
           WHERE p.pronamespace = 'eco'::regnamespace AND p.prokind = 'f'
             AND 'eco.standard'::regtype = ANY (p.proargtypes) AND p.proname LIKE 'water%'
             AND p.prorettype <> 'internal'::regtype
             AND COALESCE(pg_get_expr(p.proargdefaults, 0), '') NOT LIKE '%water_default_standard()'), 0,
          'every water function that takes a standard defaults it to eco.water_default_standard()');
SELECT is(to_regprocedure('eco.water_class(eco.pollutant, double precision, text)'), NULL,
          'the 0.1.0 eco.water_item_class(pollutant, value, water_body) is gone: no function is named like a type');
SELECT is((SELECT count(*)::int FROM pg_type t JOIN pg_proc p ON p.proname = t.typname AND p.pronamespace = t.typnamespace
           WHERE t.typnamespace = 'eco'::regnamespace), 0, 'no function of eco shares its name with a type of eco');

-- SSPACE of every section aggregate = sizeof(WaterAggState) (800 bytes; src/pg_water.c asserts the size at compile time)
SELECT is((SELECT array_agg(DISTINCT a.aggtransspace) FROM pg_aggregate a
           WHERE a.aggtransfn = 'eco._water_agg_trans(internal, eco.pollutant, double precision)'::regprocedure
              OR a.aggtransfn::oid IN (SELECT oid FROM pg_proc WHERE proname = '_water_agg_trans')),
          ARRAY[800], 'the section aggregates estimate their state at its size, 800 bytes');
SELECT * FROM finish();
ROLLBACK;
