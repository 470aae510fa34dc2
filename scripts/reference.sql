-- docs/reference.md from the catalogue: every object of eco_monitor with its COMMENT (test/pgtap/catalog.sql
-- requires one on each), grouped by family. Run by scripts/gen_docs.sh after it has filled the temporary table
-- doc_piece (object name -> family) from the install pieces src/sql/*.sql. Output: the page, one row per line.
SET search_path = pg_catalog, public;

CREATE TEMP VIEW doc_member AS
    SELECT d.classid, d.objid
    FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'eco_monitor'
    WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e';

-- Functions that only serve a type, an operator, an operator class or an aggregate: listed by name only.
CREATE TEMP VIEW doc_support AS
    SELECT typinput::oid AS oid FROM pg_type UNION SELECT typoutput FROM pg_type
    UNION SELECT typreceive FROM pg_type UNION SELECT typsend FROM pg_type
    UNION SELECT oprcode FROM pg_operator UNION SELECT amproc FROM pg_amproc
    UNION SELECT aggtransfn FROM pg_aggregate UNION SELECT aggfinalfn FROM pg_aggregate
    UNION SELECT aggcombinefn FROM pg_aggregate UNION SELECT aggserialfn FROM pg_aggregate
    UNION SELECT aggdeserialfn FROM pg_aggregate UNION SELECT castfunc FROM pg_cast;

-- One line of a Markdown table cell: pipes escaped, line breaks folded.
CREATE TEMP VIEW doc_object AS
    SELECT 'function' AS kind, p.proname::text AS name,
           CASE WHEN p.prokind = 'a' THEN 'aggregate'
                WHEN p.proname LIKE '\_%' OR p.oid IN (SELECT oid FROM doc_support) THEN 'support'
                ELSE 'function' END AS section,
           'eco.' || p.proname || '(' || pg_get_function_arguments(p.oid) || ')' AS title,
           pg_get_function_result(p.oid) AS detail,
           concat_ws(' ', CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' ELSE 'VOLATILE' END,
                     CASE WHEN p.proisstrict THEN 'STRICT' END,
                     CASE p.proparallel WHEN 's' THEN 'PARALLEL SAFE' WHEN 'r' THEN 'PARALLEL RESTRICTED' END,
                     CASE WHEN p.prosecdef THEN 'SECURITY DEFINER' END) AS labels,
           obj_description(p.oid, 'pg_proc') AS descr, p.oid AS oid
    FROM doc_member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
    UNION ALL
    SELECT 'type', t.typname, 'type', 'eco.' || t.typname,
           CASE t.typtype WHEN 'b' THEN 'base type, ' || t.typlen || ' bytes' WHEN 'c' THEN 'composite'
                          WHEN 'd' THEN 'domain over ' || format_type(t.typbasetype, t.typtypmod)
                          WHEN 'e' THEN 'enum' ELSE t.typtype::text END,
           NULL, obj_description(t.oid, 'pg_type'), t.oid
    FROM doc_member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
    WHERE t.typtype <> 'c' OR NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c')
    UNION ALL
    SELECT 'relation', c.relname, CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'view' ELSE 'table' END,
           'eco.' || c.relname, NULL, NULL, obj_description(c.oid, 'pg_class'), c.oid
    FROM doc_member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f');

CREATE TEMP VIEW doc_family AS
    SELECT o.*, coalesce(f.family, 'Other') AS family, coalesce(f.rank, 999) AS rank
    FROM doc_object o
    LEFT JOIN (SELECT DISTINCT ON (name) name, family, rank FROM doc_piece ORDER BY name, prio, rank) f ON f.name = o.name;

CREATE TEMP VIEW doc_cell AS
    SELECT *, regexp_replace(replace(coalesce(descr, ''), '|', '\|'), '\s*\n\s*', ' ', 'g') AS cell FROM doc_family;

CREATE TEMP VIEW doc_section(rank, family, ord, heading, header) AS VALUES
    (0, NULL, 1, 'Types', '| Type | Kind | Description |' || chr(10) || '|---|---|---|'),
    (0, NULL, 2, 'Functions', '| Function | Returns | Labels | Description |' || chr(10) || '|---|---|---|---|'),
    (0, NULL, 3, 'Aggregates', '| Aggregate | Returns | Labels | Description |' || chr(10) || '|---|---|---|---|'),
    (0, NULL, 4, 'Views', NULL),
    (0, NULL, 5, 'Tables', NULL),
    (0, NULL, 6, 'Support functions', NULL);

WITH fam AS (SELECT DISTINCT family, rank FROM doc_cell),
lines AS (
    -- family heading
    SELECT f.rank, f.family, 0 AS ord, '' AS k1, 0::bigint AS k2, 0 AS k3, chr(10) || '## ' || f.family AS line FROM fam f
    UNION ALL
    -- section headings and table headers, only where the section has objects
    SELECT f.rank, f.family, s.ord, '', 0, 0,
           chr(10) || '### ' || s.heading || coalesce(chr(10) || chr(10) || s.header, '')
    FROM fam f CROSS JOIN doc_section s
    WHERE EXISTS (SELECT 1 FROM doc_cell c WHERE c.family = f.family AND c.section = CASE s.ord
                  WHEN 1 THEN 'type' WHEN 2 THEN 'function' WHEN 3 THEN 'aggregate' WHEN 4 THEN 'view'
                  WHEN 5 THEN 'table' ELSE 'support' END)
    UNION ALL
    SELECT rank, family, 1, name, 0, 1, '| `' || title || '` | ' || detail || ' | ' || cell || ' |'
    FROM doc_cell WHERE section = 'type'
    UNION ALL
    SELECT rank, family, CASE section WHEN 'function' THEN 2 ELSE 3 END, name || '(' || detail, 0, 1,
           '| `' || title || '` | `' || detail || '` | ' || labels || ' | ' || cell || ' |'
    FROM doc_cell WHERE section IN ('function', 'aggregate')
    UNION ALL
    -- views and tables: description, then the columns
    SELECT rank, family, CASE section WHEN 'view' THEN 4 ELSE 5 END, name, 0, 1,
           chr(10) || '#### `' || title || '`' || chr(10) || chr(10) || cell || chr(10) || chr(10)
           || '| Column | Type | Description |' || chr(10) || '|---|---|---|'
    FROM doc_cell WHERE section IN ('view', 'table')
    UNION ALL
    SELECT c.rank, c.family, CASE c.section WHEN 'view' THEN 4 ELSE 5 END, c.name, a.attnum, 2,
           '| `' || a.attname || '` | `' || format_type(a.atttypid, a.atttypmod) || '`'
           || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END || ' | '
           || regexp_replace(replace(coalesce(col_description(c.oid, a.attnum), ''), '|', '\|'), '\s*\n\s*', ' ', 'g')
           || ' |'
    FROM doc_cell c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.section IN ('view', 'table')
    UNION ALL
    -- support functions: one line of names per family
    SELECT rank, family, 6, '', 0, 1,
           chr(10) || string_agg('`eco.' || name || '`', ', ' ORDER BY name COLLATE "C")
    FROM (SELECT DISTINCT rank, family, name FROM doc_cell WHERE section = 'support') x GROUP BY rank, family)
SELECT line FROM (
    SELECT 0 AS rank, '' AS family, 0 AS ord, '' AS k1, x.n::bigint AS k2, 0 AS k3, x.line
    FROM (VALUES
        (1, '<!-- Generated by `make docs` (scripts/gen_docs.sh) from the COMMENTs in the catalogue: edit the COMMENT '
         || 'statements in src/sql/, not this page. make test fails when this page is stale. -->'),
        (2, chr(10) || '# eco_monitor reference'),
        (3, chr(10) || 'Every type, function, aggregate, view and table of the extension (schema `eco`), per family, '
         || 'with its signature, its labels (volatility, strictness, parallel safety) and its description. '
         || 'Support functions (type input/output, operators, operator classes, aggregate states and functions '
         || 'whose name starts with `_`) are listed by name at the end of each family.')) AS x(n, line)
    UNION ALL
    SELECT rank, family, ord, k1, k2, k3, line FROM lines) l
ORDER BY rank, family COLLATE "C", ord, k1 COLLATE "C", k3, k2, line COLLATE "C";
