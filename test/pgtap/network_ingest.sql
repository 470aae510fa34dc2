-- pgTAP: the network-file ingest's objects (labels, security, registration); behaviour is in
-- sql/network_ingest.sql and test/shell/network_concurrent.sh.
BEGIN;
SELECT plan(12);

SELECT has_function('eco', 'network_stage', 'eco.network_stage exists');
SELECT has_function('eco', 'load_network_file', ARRAY['text', 'bigint'], 'eco.load_network_file(text, bigint) exists');
SELECT has_function('eco', 'load_network_sites', ARRAY['text', 'text'], 'eco.load_network_sites(text, text) exists');
SELECT has_view('eco', 'network_aqi_mismatch', 'eco.network_aqi_mismatch exists');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('network_stage', 'load_network_file', 'load_network_sites')
             AND p.provolatile = 'v' AND NOT p.prosecdef
             AND p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp']), 3,
          'the loaders are VOLATILE, SECURITY INVOKER, with search_path pinned');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('_network_split', '_network_header')
             AND p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's'), 2,
          'line helpers are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'eco' AND c.relname IN ('network_hourly', 'network_reject') AND c.relrowsecurity), 2,
          'network tables have row-level security');
SELECT is((SELECT count(*)::int FROM pg_extension e, unnest(e.extconfig) AS t(oid)
           WHERE e.extname = 'eco_monitor' AND t.oid IN ('eco.network_hourly'::regclass, 'eco.network_reject'::regclass)), 2,
          'network tables are dumped with user data (pg_extension_config_dump)');
SELECT is((SELECT reloptions FROM pg_class WHERE oid = 'eco.network_aqi_mismatch'::regclass),
          ARRAY['security_invoker=true'], 'the cross-check view applies the caller''s row-level security');
SELECT throws_ok($$SELECT eco._network_split('a,"b')$$, '22P02', NULL, 'unterminated quote is 22P02');
SELECT is(eco._network_split('a,"b,c",,d'), ARRAY['a', 'b,c', '', 'd'], 'CSV split with quotes and an empty field');
SELECT is(eco._network_header(E'\uFEFFdate,hour,type,1001A,1002A'), ARRAY['1001A', '1002A'],
          'header codes, byte-order mark skipped');

SELECT * FROM finish();
ROLLBACK;
