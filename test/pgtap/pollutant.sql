-- pgTAP: eco.pollutant and eco.standard catalogue properties.
BEGIN;
SELECT plan(20);

SELECT has_type('eco', 'pollutant', 'type eco.pollutant exists');
SELECT has_type('eco', 'standard', 'type eco.standard exists');
SELECT is(pg_catalog.format_type(t.oid, NULL), 'eco.pollutant', 'pollutant is in schema eco')
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'eco' AND t.typname = 'pollutant';
SELECT is((SELECT typbyval AND typlen = 2 FROM pg_type WHERE oid = 'eco.pollutant'::regtype), true,
          'pollutant is a 2-byte pass-by-value type');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.prokind = 'f' AND p.proname ~ '^_?pollutant'
             AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR NOT p.proisstrict)), 0,
          'every pollutant function is IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
           WHERE c.opcintype = 'eco.pollutant'::regtype AND c.opcdefault), 2,
          'pollutant has default btree and hash operator classes');
SELECT throws_ok($$SELECT 'nonsense'::eco.pollutant$$, '22P02', NULL, 'unknown pollutant is 22P02');
SELECT throws_ok($$SELECT eco.to_standard_unit('SO2', 1, 'bushel')$$, '22023', NULL, 'unknown unit is 22023');
SELECT throws_ok($$SELECT eco.to_standard_unit('SO2', -5, 'ppb')$$, '22023', NULL, 'negative reading is 22023');
SELECT is(eco.to_standard_unit('PM2.5', 0.035, 'mg/m³'), 35::float8, 'mg/m³ to µg/m³ is exact');
SELECT cmp_ok(abs(eco.to_standard_unit('SO2', 1, 'ppb') - 64.066 / 24.465), '<', 1e-12::float8,
              'ppb to µg/m³ uses 24.465 L/mol');
SELECT is(eco.standard_in_force('HJ633', '2026-03-01')::text, 'HJ633-2026', 'HJ 633-2026 from 2026-03-01');
-- The other functions of the foundation pieces, by signature.
SELECT is((SELECT pg_catalog.string_agg(p.oid::regprocedure::text, ', ' ORDER BY 1) FROM pg_proc p
           WHERE p.oid IN ('eco.to_standard_unit(eco.pollutant, float8, text)'::regprocedure,
                           'eco.standard_in_force(text, date)'::regprocedure,
                           'eco._standard_in(cstring)'::regprocedure, 'eco._standard_out(eco.standard)'::regprocedure,
                           'eco._standard_recv(internal)'::regprocedure, 'eco._standard_send(eco.standard)'::regprocedure,
                           'eco._standard_eq(eco.standard, eco.standard)'::regprocedure,
                           'eco._standard_hash(eco.standard)'::regprocedure,
                           'eco._pollutant_list()'::regprocedure, 'eco._standard_list()'::regprocedure)
             AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR NOT p.proisstrict)), NULL,
          'to_standard_unit, standard_in_force, the standard support functions and the list functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT throws_ok($$SELECT eco.to_standard_unit('PM2.5', 1, 'ppb')$$, '22023', NULL, 'a unit of the wrong dimension is 22023');
SELECT throws_ok($$SELECT eco.to_standard_unit('SO2', 'NaN', 'ppb')$$, '22023', NULL, 'NaN reading is 22023');
SELECT throws_ok($$SELECT eco.to_standard_unit('SO2', '-Infinity', 'µg/m³')$$, '22023', NULL, 'infinite reading is 22023');
SELECT throws_ok($$SELECT eco.pollutant_name('SO2', 'fr')$$, '22023', NULL, 'unknown language is 22023');
SELECT throws_ok($$SELECT 'HJ633-2099'::eco.standard$$, '22P02', NULL, 'unknown edition is 22P02');
SELECT throws_ok($$SELECT eco.standard_in_force('ISO', '2024-01-01')$$, '22023', NULL, 'unknown family is 22023');
SELECT throws_ok($$SELECT eco.standard_in_force('HJ633', 'infinity')$$, '22023', NULL, 'infinite date is 22023');

SELECT * FROM finish();
ROLLBACK;
