-- pgTAP: catalogue hygiene of the whole extension.
--  * every function, aggregate, type, table and view of eco_monitor carries a COMMENT;
--  * no SQL or PL/pgSQL function marked IMMUTABLE reads a table or view of the extension, or calls a
--    function of the extension that is not IMMUTABLE (reading tables makes a function STABLE at best).
-- Each check is a query over the catalogue that lists the offenders; probes added to the extension
-- inside this transaction show that each check fails when it should.
BEGIN;
SELECT plan(8);

-- Members of the extension (objects it owns through pg_depend deptype 'e').
CREATE TEMP VIEW eco_member AS
    SELECT d.classid, d.objid
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e';

-- Members without a comment, as 'kind name'.
CREATE TEMP VIEW eco_uncommented AS
    SELECT CASE p.prokind WHEN 'a' THEN 'aggregate ' ELSE 'function ' END || p.oid::pg_catalog.regprocedure::text AS obj
    FROM eco_member m JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = m.objid
    WHERE pg_catalog.obj_description(p.oid, 'pg_proc') IS NULL
    UNION ALL
    SELECT 'type ' || t.oid::pg_catalog.regtype::text
    FROM eco_member m JOIN pg_catalog.pg_type t ON m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = m.objid
    WHERE pg_catalog.obj_description(t.oid, 'pg_type') IS NULL
    UNION ALL
    SELECT CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' ELSE 'table ' END
           || c.oid::pg_catalog.regclass::text
    FROM eco_member m JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = m.objid
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_catalog.obj_description(c.oid, 'pg_class') IS NULL;

-- IMMUTABLE SQL / PL/pgSQL members whose body names a table or view of the extension, or a member
-- function that is not IMMUTABLE, as 'function: names'.
CREATE TEMP VIEW eco_bad_immutable AS
    WITH rel AS (
        SELECT c.relname AS name
        FROM eco_member m JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND c.oid = m.objid
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')),
    fn AS (
        SELECT DISTINCT p.proname AS name
        FROM eco_member m JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
             AND p.oid = m.objid
        WHERE p.provolatile <> 'i'
          -- a name overloaded with an IMMUTABLE member cannot be judged by name alone
          AND NOT EXISTS (SELECT 1 FROM eco_member m2 JOIN pg_catalog.pg_proc q
                                 ON m2.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND q.oid = m2.objid
                          WHERE q.proname = p.proname AND q.provolatile = 'i'))
    SELECT p.oid::pg_catalog.regprocedure::text || ': '
           || pg_catalog.string_agg(x.name, ', ' ORDER BY x.name) AS obj
    FROM eco_member m
    JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = m.objid
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    JOIN (SELECT name FROM rel UNION SELECT name FROM fn) x
      ON p.prosrc OPERATOR(pg_catalog.~*) ('\m' OPERATOR(pg_catalog.||) x.name OPERATOR(pg_catalog.||) '\M')
    WHERE l.lanname IN ('sql', 'plpgsql') AND p.provolatile = 'i'
    GROUP BY p.oid;

-- SQL and PL/pgSQL functions that are not VOLATILE and write (INSERT, UPDATE, DELETE) in their body.
CREATE TEMP VIEW eco_bad_writer AS
    SELECT p.oid::pg_catalog.regprocedure::text AS obj
    FROM eco_member m
    JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = m.objid
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    WHERE l.lanname IN ('sql', 'plpgsql') AND p.provolatile <> 'v'
      AND p.prosrc OPERATOR(pg_catalog.~*) '\minsert\s+into\M|\mdelete\s+from\M|\mupdate\s+[a-z_."@]+\s+set\M';

-- Comments missing in the pieces of other areas when this test was written (listed in the review
-- report with the COMMENT statements to add); checked apart, as TODO, so that the strict test below
-- covers every other object and flags any new omission.
-- 1. The views see the extension (guards against a check passing because it looks at nothing).
SELECT cmp_ok((SELECT pg_catalog.count(*)::int FROM eco_member m
               JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = m.objid
               JOIN pg_catalog.pg_language l ON l.oid = p.prolang
               WHERE l.lanname IN ('sql', 'plpgsql')), '>=', 20,
              'the catalogue checks see the SQL and PL/pgSQL functions of eco_monitor');

-- 2. Every function, aggregate, type, table and view has a comment.
SELECT is((SELECT pg_catalog.string_agg(u.obj, '; ' ORDER BY u.obj) FROM eco_uncommented u),
          NULL, 'every function, aggregate, type, table and view of eco_monitor has a COMMENT');

-- 4. No IMMUTABLE SQL or PL/pgSQL function reads a table or calls a non-IMMUTABLE function of eco_monitor.
SELECT is((SELECT pg_catalog.string_agg(b.obj, '; ' ORDER BY b.obj) FROM eco_bad_immutable b),
          NULL, 'no IMMUTABLE SQL or PL/pgSQL function of eco_monitor reads its tables or calls its non-IMMUTABLE functions');

-- 5. No SQL or PL/pgSQL function that is not VOLATILE writes (INSERT, UPDATE, DELETE) in its body.
SELECT is((SELECT pg_catalog.string_agg(w.obj, '; ' ORDER BY w.obj) FROM eco_bad_writer w),
          NULL, 'no STABLE or IMMUTABLE SQL or PL/pgSQL function of eco_monitor writes');

-- Probes: objects added to the extension inside this transaction; each check must name them.
CREATE SCHEMA regress_catalog_probe;
CREATE TABLE regress_catalog_probe.probe_tbl(x int);
CREATE FUNCTION regress_catalog_probe.probe_reader() RETURNS bigint LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog AS $$ SELECT count(*) FROM regress_catalog_probe.probe_tbl $$;
CREATE FUNCTION regress_catalog_probe.probe_caller() RETURNS boolean LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog AS $$ SELECT eco.area_visible('32') $$;
ALTER EXTENSION eco_monitor ADD TABLE regress_catalog_probe.probe_tbl;
ALTER EXTENSION eco_monitor ADD FUNCTION regress_catalog_probe.probe_reader();
ALTER EXTENSION eco_monitor ADD FUNCTION regress_catalog_probe.probe_caller();

-- 6. The comment check names an uncommented table and function.
SELECT is((SELECT pg_catalog.string_agg(u.obj, '; ' ORDER BY u.obj) FROM eco_uncommented u
           WHERE u.obj LIKE '%regress_catalog_probe%'),
          'function regress_catalog_probe.probe_caller(); function regress_catalog_probe.probe_reader(); '
          'table regress_catalog_probe.probe_tbl',
          'the comment check lists uncommented members (probe)');

-- 7. The volatility check names an IMMUTABLE function reading a table and one calling a STABLE function.
SELECT is((SELECT pg_catalog.string_agg(b.obj, '; ' ORDER BY b.obj) FROM eco_bad_immutable b
           WHERE b.obj LIKE '%regress_catalog_probe%'),
          'regress_catalog_probe.probe_caller(): area_visible; regress_catalog_probe.probe_reader(): probe_tbl',
          'the volatility check lists IMMUTABLE functions reading tables or calling STABLE functions (probe)');

-- 8. The write check names a STABLE function that inserts.
CREATE FUNCTION regress_catalog_probe.probe_writer() RETURNS void LANGUAGE sql STABLE
    SET search_path = pg_catalog AS $$ INSERT INTO regress_catalog_probe.probe_tbl VALUES (1) $$;
ALTER EXTENSION eco_monitor ADD FUNCTION regress_catalog_probe.probe_writer();
SELECT is((SELECT pg_catalog.string_agg(w.obj, '; ' ORDER BY w.obj) FROM eco_bad_writer w),
          'regress_catalog_probe.probe_writer()', 'the write check lists a STABLE function that inserts (probe)');

-- 9. A comment clears the probe.
COMMENT ON TABLE regress_catalog_probe.probe_tbl IS 'probe';
SELECT is((SELECT pg_catalog.count(*)::int FROM eco_uncommented u WHERE u.obj = 'table regress_catalog_probe.probe_tbl'),
          0, 'a COMMENT removes the object from the list (probe)');

SELECT * FROM finish();
ROLLBACK;
