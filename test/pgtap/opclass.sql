-- pgTAP: every operator class of eco_monitor passes its access method's validator (amvalidate), the check
-- PostgreSQL's own regression suite runs on the built-in operator classes: strategy and support numbers in range,
-- signatures right, the operator family complete (btree: all five operators and the comparison function; hash: the
-- equality operator and both hash functions).
-- A probe operator class added to the extension inside this transaction (a btree class without its comparison
-- function) shows that the check fails when it should.
BEGIN;
SELECT plan(4);

CREATE TEMP VIEW eco_opclass AS
    SELECT c.oid, a.amname || ' ' || c.opcname AS name
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
    JOIN pg_catalog.pg_opclass c ON d.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND c.oid = d.objid
    JOIN pg_catalog.pg_am a ON a.oid = c.opcmethod
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e';

-- The classes amvalidate rejects (it explains each rejection at INFO); the members are listed first (MATERIALIZED)
-- so that the validator runs on the classes of eco_monitor only.
CREATE FUNCTION pg_temp.eco_invalid_opclasses() RETURNS text LANGUAGE sql AS $$
    WITH o AS MATERIALIZED (SELECT oid, name FROM eco_opclass)
    SELECT pg_catalog.string_agg(o.name, '; ' ORDER BY o.name) FROM o WHERE NOT pg_catalog.amvalidate(o.oid) $$;

-- 1. The check sees the operator classes (a btree and a hash class for each of the four enumerated types).
SELECT cmp_ok((SELECT pg_catalog.count(*)::int FROM eco_opclass), '>=', 8,
              'the check sees the operator classes of eco_monitor');

-- 2. Every operator class is valid.
SELECT is(pg_temp.eco_invalid_opclasses(),
          NULL, 'amvalidate accepts every operator class of eco_monitor');

-- 3. Probe: a btree class with its operators but no comparison function is named by the check.
CREATE OPERATOR CLASS public.regress_opclass_probe FOR TYPE pg_catalog.int4 USING btree AS
    OPERATOR 1 pg_catalog.<, OPERATOR 2 pg_catalog.<=, OPERATOR 3 pg_catalog.=,
    OPERATOR 4 pg_catalog.>=, OPERATOR 5 pg_catalog.>;
ALTER EXTENSION eco_monitor ADD OPERATOR CLASS public.regress_opclass_probe USING btree;
SELECT is(pg_temp.eco_invalid_opclasses(),
          'btree regress_opclass_probe', 'the check names an operator class without its support function (probe)');

-- 4. Probe: the same class with its comparison function passes.
ALTER OPERATOR FAMILY public.regress_opclass_probe USING btree ADD
    FUNCTION 1 (pg_catalog.int4, pg_catalog.int4) pg_catalog.btint4cmp(pg_catalog.int4, pg_catalog.int4);
SELECT is(pg_temp.eco_invalid_opclasses(),
          NULL, 'adding the comparison function makes the probe class valid');

SELECT * FROM finish();
ROLLBACK;
