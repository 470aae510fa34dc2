-- SQL fuzz driver, part 1: writes one call per line (see test/fuzz/README.md).
-- psql variables: seed (a float in -1..1), calls (the total number of calls to generate).
-- Every function of the extension (pg_proc rows that are members of eco_monitor) is called with arguments drawn
-- from per-type pools of edge values; aggregates run over 0-6 rows of such values, plainly and as window
-- aggregates (moving frame: inverse transitions).  The output is deterministic for a given seed and catalogue.
--
-- Left out, and why (the only exclusions; the driver prints their count):
--   * functions with an argument of type internal (aggregate transition/combine/serialize/deserialize/final
--     support, type send/receive): from SQL such an argument can only be NULL, and they are exercised through
--     their aggregates and types, which are fuzzed here;
--   * trigger functions (RETURNS trigger): PostgreSQL refuses to call them outside a trigger (0A000);
--     they run in the DML tests of the families that own them.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT setseed(:seed) AS seeded \gset

CREATE TEMP TABLE fuzz_pool (typ regtype, k serial, expr text);

-- generic edge values per base type
INSERT INTO fuzz_pool (typ, expr)
SELECT 'float8'::regtype, e FROM unnest(ARRAY[
    'NULL', '''NaN''', '''Infinity''', '''-Infinity''', '''-0''', '0', '1', '-1', '1e308', '-1e308', '5e-324',
    '2.2250738585072014e-308', '0.1', '0.5', '2', '6.5', '9', '24', '35', '75.5', '115', '150', '250', '500', '1000',
    '1e17', '9.3e18', '1e-20', '0.00005', '1.000000000000005', '4294967296', '-1e-300']) e
UNION ALL
SELECT 'float4'::regtype, e FROM unnest(ARRAY['NULL', '''NaN''', '''Infinity''', '''-Infinity''', '''-0''', '0', '1', '-1',
    '3.4e38', '1e-45', '35', '75.5']) e
UNION ALL
SELECT 'int4'::regtype, e FROM unnest(ARRAY['NULL', '0', '1', '-1', '2', '3', '5', '6', '7', '14', '24', '100', '365', '2000',
    '2024', '2025', '2026', '9999', '2147483647', '-2147483648', '-2147483647', '1000000']) e
UNION ALL
SELECT 'int2'::regtype, e FROM unnest(ARRAY['NULL', '0', '1', '-1', '100', '130', '32767', '-32768']) e
UNION ALL
SELECT 'int8'::regtype, e FROM unnest(ARRAY['NULL', '0', '1', '-1', '42', '2025', '9223372036854775807',
    '-9223372036854775808', '4294967296']) e
UNION ALL
SELECT 'numeric'::regtype, e FROM unnest(ARRAY['NULL', '''NaN''', '''Infinity''', '''-Infinity''', '''-0''', '0', '1', '-1',
    '0.5', '1.5', '2', '2.5', '100', '0.000001', '1e300', '-1e300', '1e-300', '123456789012345678901234567890.123456789',
    '''1e1000''']) e
UNION ALL
SELECT 'bool'::regtype, e FROM unnest(ARRAY['NULL', 'true', 'false']) e
UNION ALL
SELECT 'date'::regtype, e FROM unnest(ARRAY['NULL', '''infinity''', '''-infinity''', '''4713-01-01 BC''', '''5874897-12-31''',
    '''2000-02-29''', '''2024-02-29''', '''2025-01-01''', '''2025-06-15''', '''2025-12-31''', '''2026-02-28''',
    '''2026-03-01''', '''2026-12-31''', '''1970-01-01''', '''0001-01-01''']) e
UNION ALL
SELECT 'timestamp'::regtype, e FROM unnest(ARRAY['NULL', '''infinity''', '''-infinity''', '''4713-01-01 00:00 BC''',
    '''294276-12-31 23:59:59''', '''2025-01-01 00:00''', '''2025-01-01 01:00''', '''2025-07-01 12:30''',
    '''2026-03-01 00:00''', '''2025-12-31 23:59:59.999999''', '''2024-02-29 24:00''']) e
UNION ALL
SELECT 'timestamptz'::regtype, e FROM unnest(ARRAY['NULL', '''infinity''', '''-infinity''', '''4713-01-01 00:00+00 BC''',
    '''294276-12-31 23:59:59+00''', '''2025-01-01 00:00+08''', '''2026-03-01 00:00+08''']) e
UNION ALL
SELECT 'daterange'::regtype, e FROM unnest(ARRAY['NULL', '''empty''', '''(,)''', '''[2025-01-01,2026-01-01)''',
    '''[2025-01-01,2025-02-01)''', '''[2026-01-01,2026-12-31]''', '''[-infinity,infinity]''',
    '''[4713-01-01 BC,5874897-12-31]''', '''[2025-03-01,2025-03-01]''', '''(2025-01-01,)''']) e
UNION ALL
SELECT 'bytea'::regtype, e FROM unnest(ARRAY['NULL', '''\x''', '''\x00''', 'decode(repeat(''ff'', 544), ''hex'')',
    'decode(repeat(''00'', 56), ''hex'')', 'decode(repeat(''41'', 1048576), ''hex'')']) e
UNION ALL
SELECT 'float8[]'::regtype, e FROM unnest(ARRAY['NULL', '''{}''', '''{NULL}''', '''{NULL,NULL,NULL}''', '''{1,2,3}''',
    '''{NaN}''', '''{Infinity,-Infinity}''', '''{-0,5e-324,1e308}''', '''{{1,2},{3,4}}''', '''[0:2]={1,2,3}''',
    'array_fill(35::float8, ARRAY[24])', 'array_fill(1e308::float8, ARRAY[24])', 'array_fill(NULL::float8, ARRAY[24])',
    'array_fill(75.5::float8, ARRAY[100000])', '(SELECT array_agg(CASE WHEN i % 5 = 0 THEN NULL ELSE i END) FROM generate_series(1, 24) i)::float8[]',
    '''{35,NULL,75,NaN}''', '''{1,2,3,4,5,6,7,8}''']) e
UNION ALL
SELECT 'int4[]'::regtype, e FROM unnest(ARRAY['NULL', '''{}''', '''{NULL}''', '''{1,2,3}''', '''{2147483647,-2147483648}''',
    '''{{1,2},{3,4}}''']) e
UNION ALL
SELECT 'text[]'::regtype, e FROM unnest(ARRAY['NULL', '''{}''', '''{NULL}''', '''{"",x}''', '''{PM2.5,COD}''']) e;

-- text: generic edges and the words the extension's functions take (pollutant codes, water bodies, label styles,
-- periods, standards, classes, statuses, areas)
INSERT INTO fuzz_pool (typ, expr)
SELECT 'text'::regtype, e FROM unnest(ARRAY['NULL', '''''', '''x''', 'repeat(''x'', 1048576)', 'repeat(''汉'', 350000)',
    '''💩''', 'E''\u202Etxet''', '''e' || chr(769) || '''', '''İı''', '''ǅ''', 'E''\uFFFD\uFEFF''', 'E''\t\n\r ''',
    '''' || repeat('9', 400) || '''', '''%s%n%x''', '''''''; DROP TABLE eco.site; --''', '''NaN''', '''-0''',
    '''Infinity''', '''1e308''', ''' PM2.5 ''', '''PM2.5''', '''pm2.5''', '''PM10''', '''O3''', '''O3_8h''',
    '''SO2''', '''NO2''', '''CO''', '''COD''', '''NH3-N''', '''TP''', '''TN''', '''pH''', '''DO''', '''Hg''',
    '''Cd''', '''water:Pb''', '''river''', '''lake''', '''湖库''', '''河流''', '''sea''', '''zh''', '''en''',
    '''roman''', '''ascii''', '''1h''', '''8h''', '''24h''', '''year''', '''quarter''', '''day''', '''annual''',
    '''III''', '''Ⅲ类''', '''劣V''', '''worse than V''', '''GB3095-2026''', '''HJ633-2026''', '''HJ633-2012''',
    '''GB3838-2002''', '''420702''', '''4207''', '''已完成''', '''整治中''', '''销号''', '''待整治''',
    '''工业排污口''', '''public''', '''postgres''', '''air''', '''water''', '''soil''', '''farmland''',
    '''construction''', '''第一类用地''', '''第二类用地''', '''yoy''', '''mom''', '''%''', '''_''']) e;

-- cstring (type input functions): the text pool
INSERT INTO fuzz_pool (typ, expr) SELECT 'cstring'::regtype, expr FROM fuzz_pool WHERE typ = 'text'::regtype;
INSERT INTO fuzz_pool (typ, expr) SELECT 'varchar'::regtype, expr FROM fuzz_pool WHERE typ = 'text'::regtype;

-- PostGIS geometry (its schema is wherever CREATE EXTENSION put it)
INSERT INTO fuzz_pool (typ, expr)
SELECT t.oid::regtype, e FROM pg_type t JOIN pg_extension x ON x.extnamespace = t.typnamespace AND x.extname = 'postgis'
    JOIN pg_namespace n ON n.oid = t.typnamespace,
    unnest(ARRAY['NULL', '''POINT EMPTY''', '''POINT(NaN NaN)''', '''SRID=4490;POINT(NaN 30)''',
    '''SRID=4490;POINT(114.89 30.39)''', '''SRID=4326;POINT(114.874 30.428)''', '''POINT(0 0)''',
    '''SRID=4490;POINT(1e308 -1e308)''', '''SRID=4490;POINT(NaN NaN)''', '''POLYGON EMPTY''',
    -- WKT refuses Infinity (PostGIS's own XX000 at the cast, not the extension's): built instead
    format('%1$I.ST_SetSRID(%1$I.ST_MakePoint(''Infinity'', 0), 4490)', n.nspname),
    format('%1$I.ST_SetSRID(%1$I.ST_MakePoint(''-Infinity'', ''NaN''), 4490)', n.nspname),
    '''GEOMETRYCOLLECTION EMPTY''', '''SRID=4490;LINESTRING(114 30,115 31)''',
    '''SRID=4490;POLYGON((114.86 30.42,114.88 30.42,114.88 30.435,114.86 30.435,114.86 30.42))''',
    '''SRID=3857;POINT(12789000 3554000)''', '''SRID=4490;MULTIPOINT(114 30,115 31)''']) e
WHERE t.typname = 'geometry';

-- the extension's own types: every valid value, NULL, and text that must be refused
INSERT INTO fuzz_pool (typ, expr)
SELECT 'eco.pollutant'::regtype, quote_literal(code) FROM eco.pollutants
UNION ALL SELECT 'eco.standard'::regtype, quote_literal(code::text) FROM eco.standards
UNION ALL SELECT 'eco.outfall_type'::regtype, quote_literal(type::text) FROM eco.outfall_types
UNION ALL SELECT 'eco.water_class'::regtype, e FROM unnest(ARRAY['''I''', '''II''', '''III''', '''IV''', '''V''', '''劣V''']) e;
INSERT INTO fuzz_pool (typ, expr)
SELECT t, e FROM unnest(ARRAY['eco.pollutant', 'eco.standard', 'eco.outfall_type', 'eco.water_class']::regtype[]) t,
    unnest(ARRAY['NULL', '''''', '''zz-unknown''', '''VI''', ''' ''', 'repeat(''x'', 1048576)', '''💩''']) e;

-- the functions: members of the extension, with their kind and argument types
CREATE TEMP TABLE fuzz_fn AS
SELECT p.oid, p.prokind, p.proretset, p.prorettype, ARRAY(SELECT unnest(p.proargtypes::oid[])) AS args,
       quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS fname,
       p.oid::regprocedure::text AS sig,
       -- the numeric columns of a composite or OUT-parameter result: only those can hold a NaN (a text column may
       -- legitimately echo the input 'NaN')
       ARRAY(SELECT CASE WHEN c.typ IN ('float8[]'::regtype, 'float4[]'::regtype, 'numeric[]'::regtype)
                         THEN format('''NaN'' = ANY ((x).%I)', c.name) ELSE format('(x).%I = ''NaN''', c.name) END
             FROM (SELECT a.attname::text AS name, a.atttypid::regtype AS typ
                   FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                   WHERE t.oid = p.prorettype AND t.typtype = 'c'
                   UNION ALL
                   SELECT o.name, o.typ::regtype
                   FROM unnest(p.proallargtypes, p.proargmodes, p.proargnames) o(typ, mode, name)
                   WHERE o.mode IN ('o', 't', 'b')) c
             WHERE c.typ IN ('float8'::regtype, 'float4'::regtype, 'numeric'::regtype,
                             'float8[]'::regtype, 'float4[]'::regtype, 'numeric[]'::regtype)) AS nan_checks
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND d.refclassid = 'pg_extension'::regclass AND e.extname = 'eco_monitor';

CREATE TEMP TABLE fuzz_call AS
WITH usable AS (
    SELECT * FROM fuzz_fn
    WHERE NOT ('internal'::regtype = ANY (args)) AND prorettype <> 'trigger'::regtype
), per AS (
    -- a function without arguments gets 2 calls; the others share the rest
    SELECT u.*, CASE WHEN cardinality(u.args) = 0 THEN 2
                     ELSE ceil((:calls - 2 * (SELECT count(*) FROM usable WHERE cardinality(args) = 0))::numeric
                               / (SELECT count(*) FROM usable WHERE cardinality(args) > 0))::int END AS k
    FROM usable u
), pools AS (
    SELECT typ, array_agg(expr ORDER BY k) AS exprs FROM fuzz_pool GROUP BY typ
), calls AS (
    SELECT per.*, c FROM per, generate_series(1, per.k) c ORDER BY per.sig, c
)
SELECT row_number() OVER () AS id, calls.*, pools_of.p AS pool_arrays
FROM calls,
LATERAL (SELECT array_agg(coalesce(array_to_string(pl.exprs, chr(1)), 'NULL') ORDER BY a.i) AS p
         FROM unnest(calls.args) WITH ORDINALITY a(t, i) LEFT JOIN pools pl ON pl.typ = a.t) pools_of;

-- one random pick per argument (and per row for aggregates); the order of random() calls is fixed by ORDER BY
-- one random pick from the pool of each argument, written (expr)::type: the arguments of a call, or one row of an
-- aggregate's input
CREATE FUNCTION pg_temp.fuzz_pick(args oid[], pool_arrays text[]) RETURNS text[] LANGUAGE plpgsql AS $f$
DECLARE
    a text[] := ARRAY[]::text[];
    pool text[];
BEGIN
    FOR i IN 1 .. coalesce(array_length(args, 1), 0) LOOP
        pool := string_to_array(pool_arrays[i], chr(1));
        a := a || format('(%s)::%s', pool[1 + floor(random() * array_length(pool, 1))::int], format_type(args[i], NULL));
    END LOOP;
    RETURN a;
END $f$;
CREATE TEMP TABLE fuzz_sql (id bigint, line text);
DO $do$
DECLARE
    r record;
    a text[];
    rows_sql text[];
    nrows int;
    callexpr text;
    nancheck text;
    rt regtype;
    cols text;
    j int;
BEGIN
    FOR r IN SELECT * FROM fuzz_call ORDER BY id LOOP
        rt := r.prorettype;
        nancheck := CASE
            WHEN rt IN ('float8'::regtype, 'float4'::regtype, 'numeric'::regtype) THEN 'x = ''NaN'''
            WHEN rt IN ('float8[]'::regtype, 'float4[]'::regtype, 'numeric[]'::regtype) THEN '''NaN'' = ANY (x)'
            WHEN rt = 'record'::regtype OR (SELECT typtype = 'c' FROM pg_type WHERE oid = rt)
                THEN coalesce('(' || nullif(array_to_string(r.nan_checks, ' OR '), '') || ')', 'false')
            ELSE 'false' END;
        IF r.prokind = 'a' THEN
            nrows := floor(random() * 7)::int;
            rows_sql := ARRAY[]::text[];
            FOR j IN 1 .. greatest(nrows, 1) LOOP
                a := pg_temp.fuzz_pick(r.args, r.pool_arrays);
                rows_sql := rows_sql || ('(' || j || ', ' || array_to_string(a, ', ') || ')');
            END LOOP;
            cols := (SELECT string_agg('c' || g, ', ') FROM generate_series(1, coalesce(array_length(r.args, 1), 0)) g);
            IF random() < 0.5 THEN
                callexpr := format('SELECT %s(%s) AS x FROM (VALUES %s) v(o, %s)%s', r.fname, cols,
                                   array_to_string(rows_sql, ', '), cols, CASE WHEN nrows = 0 THEN ' WHERE false' ELSE '' END);
            ELSE
                callexpr := format('SELECT %s(%s) OVER (ORDER BY o ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS x FROM (VALUES %s) v(o, %s)%s',
                                   r.fname, cols, array_to_string(rows_sql, ', '), cols,
                                   CASE WHEN nrows = 0 THEN ' WHERE false' ELSE '' END);
            END IF;
        ELSE
            a := pg_temp.fuzz_pick(r.args, r.pool_arrays);
            IF r.proretset THEN
                callexpr := format('SELECT x FROM %s(%s) x', r.fname, array_to_string(a, ', '));
            ELSE
                callexpr := format('SELECT %s(%s) AS x', r.fname, array_to_string(a, ', '));
            END IF;
        END IF;
        INSERT INTO fuzz_sql VALUES (r.id, format('SELECT %s, count(*), count(*) FILTER (WHERE %s) FROM (%s) s; -- %s',
                                                  r.id, nancheck, callexpr, r.sig));
    END LOOP;
END
$do$;

-- header lines (read by sql_fuzz.sh): functions called, left out
SELECT '-- functions: ' || count(*) FILTER (WHERE NOT ('internal'::regtype = ANY (args)) AND prorettype <> 'trigger'::regtype)
       || ' called, ' || count(*) FILTER (WHERE 'internal'::regtype = ANY (args)) || ' with internal arguments and '
       || count(*) FILTER (WHERE prorettype = 'trigger'::regtype) || ' trigger functions left out, '
       || count(*) FILTER (WHERE prokind = 'a') || ' aggregates among the called'
FROM fuzz_fn;
SELECT line FROM fuzz_sql ORDER BY id;
