-- pgTAP: the air summary's figures are typed twice, as rows of the C registry (view eco.report_indicators) and as the
-- statistics eco.air_summary computes in SQL, joined on the code. A figure of the registry that the SQL does not
-- compute, or computes under another code, would silently drop out of the summary: this test proves the two lists
-- equal, in the registry's order, on a period without data (every figure is still listed, with NULL values).
BEGIN;
SELECT plan(2);

SELECT cmp_ok((SELECT pg_catalog.count(*)::int FROM eco.report_indicators), '>=', 8,
              'the registry lists the figures of the air summary');

SELECT results_eq(
    $$SELECT indicator FROM eco.air_summary('', '[2023-01-01,2023-12-31]') ORDER BY ord$$,
    $$SELECT code FROM eco.report_indicators ORDER BY ord$$,
    'eco.air_summary computes every figure of eco.report_indicators, in its order, and no other');

SELECT * FROM finish();
ROLLBACK;
