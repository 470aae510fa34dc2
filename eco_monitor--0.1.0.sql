-- eco_monitor install script, assembled by the Makefile from src/sql/*.sql.
\echo Use "CREATE EXTENSION eco_monitor CASCADE" to load this file. \quit

-- ===================================================================
-- eco.pollutant: a monitored item (a substance in one medium).
-- Pass-by-value 2-byte id; see the view eco.pollutants.
-- ===================================================================
CREATE TYPE @extschema@.pollutant;

CREATE FUNCTION @extschema@.pollutant_in(pg_catalog.cstring) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.pollutant_out(@extschema@.pollutant) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.pollutant_recv(pg_catalog.internal) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.pollutant_send(@extschema@.pollutant) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.pollutant (
    INPUT = @extschema@.pollutant_in, OUTPUT = @extschema@.pollutant_out,
    RECEIVE = @extschema@.pollutant_recv, SEND = @extschema@.pollutant_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.pollutant IS
    'monitored item (air, water or soil); input by code, Chinese or English name, HJ 212 code or CAS number';
COMMENT ON FUNCTION @extschema@.pollutant_in(pg_catalog.cstring) IS
    'text input of eco.pollutant: canonical code, alias, Chinese or English name, HJ 212 or CAS code (22P02 when unknown)';
COMMENT ON FUNCTION @extschema@.pollutant_out(@extschema@.pollutant) IS 'text output of eco.pollutant: the canonical code';
COMMENT ON FUNCTION @extschema@.pollutant_recv(pg_catalog.internal) IS
    'binary input of eco.pollutant: the registry id as int2, checked against the registry';
COMMENT ON FUNCTION @extschema@.pollutant_send(@extschema@.pollutant) IS 'binary output of eco.pollutant: the registry id as int2';

-- Comparison: by registry id (air items, then water, then soil), through the int2 built-ins.
CREATE FUNCTION @extschema@.pollutant_eq(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@.pollutant_ne(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@.pollutant_lt(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@.pollutant_le(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@.pollutant_gt(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@.pollutant_ge(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@.pollutant_cmp(@extschema@.pollutant, @extschema@.pollutant) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@.pollutant_hash(@extschema@.pollutant) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
CREATE FUNCTION @extschema@.pollutant_hash_extended(@extschema@.pollutant, bigint) RETURNS bigint
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2extended';
COMMENT ON FUNCTION @extschema@.pollutant_eq(@extschema@.pollutant, @extschema@.pollutant) IS 'support of = on eco.pollutant';
COMMENT ON FUNCTION @extschema@.pollutant_ne(@extschema@.pollutant, @extschema@.pollutant) IS 'support of <> on eco.pollutant';
COMMENT ON FUNCTION @extschema@.pollutant_lt(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of < on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@.pollutant_le(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of <= on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@.pollutant_gt(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of > on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@.pollutant_ge(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of >= on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@.pollutant_cmp(@extschema@.pollutant, @extschema@.pollutant) IS
    'btree comparison of eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@.pollutant_hash(@extschema@.pollutant) IS 'hash of eco.pollutant (hash operator class)';
COMMENT ON FUNCTION @extschema@.pollutant_hash_extended(@extschema@.pollutant, bigint) IS
    'seeded 64-bit hash of eco.pollutant (hash operator class, hash partitioning)';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@.pollutant_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@.pollutant_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@.pollutant_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@.pollutant_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@.pollutant_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@.pollutant_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.pollutant_ops DEFAULT FOR TYPE @extschema@.pollutant USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.pollutant_cmp(@extschema@.pollutant, @extschema@.pollutant);
CREATE OPERATOR CLASS @extschema@.pollutant_hash_ops DEFAULT FOR TYPE @extschema@.pollutant USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.pollutant_hash(@extschema@.pollutant),
    FUNCTION 2 @extschema@.pollutant_hash_extended(@extschema@.pollutant, bigint);

CREATE CAST (text AS @extschema@.pollutant) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION @extschema@.pollutant_name(p @extschema@.pollutant, lang text DEFAULT 'zh') RETURNS text
    AS 'MODULE_PATHNAME', 'pollutant_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pollutant_name(@extschema@.pollutant, text) IS
    'name of the item in Chinese (''zh'') or English (''en'')';
CREATE FUNCTION @extschema@.pollutant_unit(p @extschema@.pollutant) RETURNS text
    AS 'MODULE_PATHNAME', 'pollutant_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pollutant_unit(@extschema@.pollutant) IS
    'unit the standards use for the item (µg/m³, mg/m³ for CO, mg/L, 个/L, mg/kg, dimensionless for pH)';
CREATE FUNCTION @extschema@.pollutant_medium(p @extschema@.pollutant) RETURNS text
    AS 'MODULE_PATHNAME', 'pollutant_medium' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pollutant_medium(@extschema@.pollutant) IS 'air, water or soil';
CREATE FUNCTION @extschema@.to_standard_unit(p @extschema@.pollutant, value double precision, unit text)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'pollutant_to_standard_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.to_standard_unit(@extschema@.pollutant, double precision, text) IS
    'reading converted to the standard''s unit; gases from ppb/ppm at the GB 3095 reference state (298.15 K, 1013.25 hPa, 24.465 L/mol)';

CREATE FUNCTION @extschema@._pollutant_list(
    OUT id smallint, OUT code text, OUT medium text, OUT name_zh text, OUT name_en text,
    OUT unit text, OUT hj212 text, OUT cas text, OUT molar_mass double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'pollutant_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@._pollutant_list() IS 'rows of the view eco.pollutants, from the C registry (src/core/pollutant.c)';
CREATE VIEW @extschema@.pollutants AS
    SELECT code::@extschema@.pollutant AS pollutant, id, code, medium, name_zh, name_en, unit, hj212, cas, molar_mass
    FROM @extschema@._pollutant_list();
COMMENT ON VIEW @extschema@.pollutants IS 'every monitored item eco.pollutant knows, with its unit and codes';
-- ===================================================================
-- eco.standard: one edition of a standard ('HJ633-2026', 'GB3095-2012', ...).
-- A literal is parsed once, when the query is planned.
-- ===================================================================
CREATE TYPE @extschema@.standard;
CREATE FUNCTION @extschema@.standard_in(pg_catalog.cstring) RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.standard_out(@extschema@.standard) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.standard_recv(pg_catalog.internal) RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.standard_send(@extschema@.standard) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.standard (
    INPUT = @extschema@.standard_in, OUTPUT = @extschema@.standard_out,
    RECEIVE = @extschema@.standard_recv, SEND = @extschema@.standard_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.standard IS 'an edition of a standard, e.g. HJ633-2026; see eco.standards';
COMMENT ON FUNCTION @extschema@.standard_in(pg_catalog.cstring) IS
    'text input of eco.standard: an edition code such as HJ633-2026 or GB 3095-2012 (22P02 when unknown)';
COMMENT ON FUNCTION @extschema@.standard_out(@extschema@.standard) IS 'text output of eco.standard: the edition code';
COMMENT ON FUNCTION @extschema@.standard_recv(pg_catalog.internal) IS
    'binary input of eco.standard: the edition id as int2, checked against the list of editions';
COMMENT ON FUNCTION @extschema@.standard_send(@extschema@.standard) IS 'binary output of eco.standard: the edition id as int2';

CREATE FUNCTION @extschema@.standard_eq(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@.standard_ne(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@.standard_hash(@extschema@.standard) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
COMMENT ON FUNCTION @extschema@.standard_eq(@extschema@.standard, @extschema@.standard) IS 'support of = on eco.standard';
COMMENT ON FUNCTION @extschema@.standard_ne(@extschema@.standard, @extschema@.standard) IS 'support of <> on eco.standard';
COMMENT ON FUNCTION @extschema@.standard_hash(@extschema@.standard) IS 'hash of eco.standard (hash operator class)';
CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@.standard_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@.standard_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
-- Order: by registry id (editions of one family in date order), so ORDER BY and btree indexes work.
CREATE FUNCTION @extschema@.standard_lt(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@.standard_le(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@.standard_gt(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@.standard_ge(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@.standard_cmp(@extschema@.standard, @extschema@.standard) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
COMMENT ON FUNCTION @extschema@.standard_lt(@extschema@.standard, @extschema@.standard) IS 'support of < on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@.standard_le(@extschema@.standard, @extschema@.standard) IS 'support of <= on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@.standard_gt(@extschema@.standard, @extschema@.standard) IS 'support of > on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@.standard_ge(@extschema@.standard, @extschema@.standard) IS 'support of >= on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@.standard_cmp(@extschema@.standard, @extschema@.standard) IS 'btree support of eco.standard (registry order)';
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@.standard_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@.standard_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@.standard_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@.standard_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR CLASS @extschema@.standard_ops DEFAULT FOR TYPE @extschema@.standard USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.standard_cmp(@extschema@.standard, @extschema@.standard);
CREATE OPERATOR CLASS @extschema@.standard_hash_ops DEFAULT FOR TYPE @extschema@.standard USING hash AS
    OPERATOR 1 @extschema@.=, FUNCTION 1 @extschema@.standard_hash(@extschema@.standard);
CREATE CAST (text AS @extschema@.standard) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION @extschema@.standard_in_force(family text, d date) RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME', 'standard_in_force' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standard_in_force(text, date) IS
    'edition of a standard family (HJ633, GB3095, HJ663, ...) in force on a day; days before the first edition get the first edition';

CREATE FUNCTION @extschema@._standard_list(
    OUT id smallint, OUT code text, OUT family text, OUT title text, OUT in_force_from date, OUT in_force_until date, OUT note text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'standard_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@._standard_list() IS 'rows of the view eco.standards, from the C table (src/core/standards.c)';
CREATE VIEW @extschema@.standards AS
    SELECT code::@extschema@.standard AS code, family, title, in_force_from, in_force_until, note
    FROM @extschema@._standard_list();
COMMENT ON VIEW @extschema@.standards IS 'every standard edition eco_monitor knows, with the days it is in force (until = last day)';

-- ===================================================================
-- Surface water: GB 3838-2002 classes and the national evaluation
-- method 环办〔2011〕22号 (see README, Surface water).
-- ===================================================================

-- eco.water_class: I < II < III < IV < V < 劣V.  Pass-by-value int2 1..6.
CREATE TYPE @extschema@.water_class;

CREATE FUNCTION @extschema@.water_class_in(pg_catalog.cstring) RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_class_out(@extschema@.water_class) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_class_recv(pg_catalog.internal) RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_class_send(@extschema@.water_class) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.water_class_in(pg_catalog.cstring) IS 'water_class input (forgiving)';
COMMENT ON FUNCTION @extschema@.water_class_out(@extschema@.water_class) IS 'water_class output (I .. 劣V)';
COMMENT ON FUNCTION @extschema@.water_class_recv(pg_catalog.internal) IS 'water_class binary input (validated)';
COMMENT ON FUNCTION @extschema@.water_class_send(@extschema@.water_class) IS 'water_class binary output';

CREATE TYPE @extschema@.water_class (
    INPUT = @extschema@.water_class_in, OUTPUT = @extschema@.water_class_out,
    RECEIVE = @extschema@.water_class_recv, SEND = @extschema@.water_class_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.water_class IS
    'GB 3838-2002 surface-water class, ordered I < II < III < IV < V < 劣V; input III, Ⅲ, 3, Ⅲ类, 劣Ⅴ, worse than V';

CREATE FUNCTION @extschema@.water_class_eq(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@.water_class_ne(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@.water_class_lt(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@.water_class_le(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@.water_class_gt(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@.water_class_ge(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@.water_class_cmp(@extschema@.water_class, @extschema@.water_class) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@.water_class_hash(@extschema@.water_class) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
CREATE FUNCTION @extschema@.water_class_hash_extended(@extschema@.water_class, bigint) RETURNS bigint
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2extended';
COMMENT ON FUNCTION @extschema@.water_class_eq(@extschema@.water_class, @extschema@.water_class) IS 'water_class =';
COMMENT ON FUNCTION @extschema@.water_class_ne(@extschema@.water_class, @extschema@.water_class) IS 'water_class <>';
COMMENT ON FUNCTION @extschema@.water_class_lt(@extschema@.water_class, @extschema@.water_class) IS 'water_class < (better than)';
COMMENT ON FUNCTION @extschema@.water_class_le(@extschema@.water_class, @extschema@.water_class) IS 'water_class <=';
COMMENT ON FUNCTION @extschema@.water_class_gt(@extschema@.water_class, @extschema@.water_class) IS 'water_class > (worse than)';
COMMENT ON FUNCTION @extschema@.water_class_ge(@extschema@.water_class, @extschema@.water_class) IS 'water_class >=';
COMMENT ON FUNCTION @extschema@.water_class_cmp(@extschema@.water_class, @extschema@.water_class) IS 'btree support';
COMMENT ON FUNCTION @extschema@.water_class_hash(@extschema@.water_class) IS 'hash support';
COMMENT ON FUNCTION @extschema@.water_class_hash_extended(@extschema@.water_class, bigint) IS 'hash support';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@.water_class_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@.water_class_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@.water_class_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@.water_class_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@.water_class_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@.water_class_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.water_class_ops DEFAULT FOR TYPE @extschema@.water_class USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.water_class_cmp(@extschema@.water_class, @extschema@.water_class);
CREATE OPERATOR CLASS @extschema@.water_class_hash_ops DEFAULT FOR TYPE @extschema@.water_class USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.water_class_hash(@extschema@.water_class),
    FUNCTION 2 @extschema@.water_class_hash_extended(@extschema@.water_class, bigint);

CREATE CAST (text AS @extschema@.water_class) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.water_class AS text) WITH INOUT AS ASSIGNMENT;
-- ===================================================================
-- Administrative areas and row-level security.
-- Tables holding users' data carry an "area" column (GB/T 2260 code or any
-- text the bureau uses).  A role sees and changes the rows whose area starts
-- with one of the prefixes granted to it (or to a role it belongs to) in
-- eco.area_grant; the prefix '' grants every area.  Table owners and
-- superusers bypass row-level security as usual.
-- ===================================================================
-- Every role may use the schema; row-level security restricts the rows it sees.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

CREATE TABLE @extschema@.area_grant (
    role_name  name NOT NULL,
    area_prefix text NOT NULL,
    PRIMARY KEY (role_name, area_prefix)
);
COMMENT ON TABLE @extschema@.area_grant IS
    'row-level security: role_name may see and change rows whose area starts with area_prefix ('''' = all areas)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.area_grant', '');
GRANT SELECT ON @extschema@.area_grant TO PUBLIC;
-- A role sees only its own grants (and those of roles it belongs to): enough for eco.area_visible.
ALTER TABLE @extschema@.area_grant ENABLE ROW LEVEL SECURITY;
CREATE POLICY area_grant_own ON @extschema@.area_grant FOR SELECT
    USING (pg_catalog.pg_has_role(CURRENT_USER, role_name, 'MEMBER'));
COMMENT ON POLICY area_grant_own ON @extschema@.area_grant IS 'a role reads only the grants that apply to it';

CREATE FUNCTION @extschema@.area_visible(area text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM @extschema@.area_grant g
        WHERE pg_catalog.starts_with(COALESCE(area, ''), g.area_prefix)
          AND pg_catalog.pg_has_role(CURRENT_USER, g.role_name, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.area_visible(text) IS
    'true when the current user may see rows of this administrative area (see eco.area_grant)';
-- ===================================================================
-- eco.site: monitoring sites (air stations, water sections, others).
-- Other tables refer to a site by its code and inherit its area for
-- row-level security through eco.site_visible(code).
--
-- Geometry: stored in CGCS2000 (SRID 4490).  A geometry in WGS 84 (SRID
-- 4326) is accepted and relabelled 4490 by a BEFORE trigger (the two
-- frames agree to a few centimetres, below the accuracy of a site's
-- coordinates); any other SRID, a wrong geometry type, an empty geometry
-- or a coordinate outside longitude/latitude range is an error 22023.  The
-- column is therefore an unconstrained geometry with CHECK constraints
-- (SRID 4490, POINT) instead of the typmod geometry(Point, 4490): a typmod
-- rejects SRID 4326 before any trigger can convert it.  PostGIS's
-- geometry_columns view reads the constraints and still reports Point, 4490.
-- ===================================================================
-- Every role may use the schema; row-level security decides which rows it sees.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- PostGIS may live in any schema: the install script qualifies its objects by that schema.
CREATE FUNCTION @extschema@._postgis_schema() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT pg_catalog.quote_ident(n.nspname) FROM pg_catalog.pg_extension e
          JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis' $$;
COMMENT ON FUNCTION @extschema@._postgis_schema() IS
    'internal: the quoted schema of PostGIS, used by the install script to qualify geometry types and functions';

DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    -- Trigger: normalise NEW.geom to SRID 4490.  TG_ARGV[0]: 'point' or 'polygon'
    -- (Polygon or MultiPolygon, stored as MultiPolygon).
    EXECUTE pg_catalog.format($sql$
    CREATE FUNCTION @extschema@._geom_to_cgcs2000() RETURNS trigger
        LANGUAGE plpgsql
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        srid integer;
        gtype text;
        want text := TG_ARGV[0];
    BEGIN
        IF NEW.geom IS NULL THEN
            RETURN NEW;
        END IF;
        srid := %1$s.ST_SRID(NEW.geom);
        gtype := %1$s.GeometryType(NEW.geom);
        IF srid NOT IN (4490, 4326) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must be in SRID 4490 (CGCS2000) or 4326 (WGS 84), not SRID %%s',
                                            TG_TABLE_NAME, srid),
                HINT = 'Longitude/latitude points: use ST_SetSRID(ST_MakePoint(lon, lat), 4490).';
        END IF;
        IF want = 'point' AND gtype <> 'POINT' THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must be a point, not %%s', TG_TABLE_NAME, pg_catalog.lower(gtype));
        END IF;
        IF want = 'polygon' AND gtype NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must be a polygon or multipolygon, not %%s',
                                            TG_TABLE_NAME, pg_catalog.lower(gtype));
        END IF;
        IF %1$s.ST_IsEmpty(NEW.geom) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must not be empty', TG_TABLE_NAME);
        END IF;
        IF %1$s.ST_XMin(NEW.geom) < -180 OR %1$s.ST_XMax(NEW.geom) > 180
           OR %1$s.ST_YMin(NEW.geom) < -90 OR %1$s.ST_YMax(NEW.geom) > 90 THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s is outside longitude/latitude range: %%s',
                                            TG_TABLE_NAME, %1$s.ST_AsText(%1$s.Box2D(NEW.geom))),
                HINT = 'Coordinates are longitude, latitude in degrees (x = longitude).';
        END IF;
        IF want = 'polygon' THEN
            IF NOT %1$s.ST_IsValid(NEW.geom) THEN
                RAISE EXCEPTION USING ERRCODE = '22023',
                    MESSAGE = pg_catalog.format('geometry of %%s is not a valid polygon: %%s',
                                                TG_TABLE_NAME, %1$s.ST_IsValidReason(NEW.geom));
            END IF;
            NEW.geom := %1$s.ST_Multi(NEW.geom);
        END IF;
        IF srid = 4326 THEN
            NEW.geom := %1$s.ST_SetSRID(NEW.geom, 4490);
        END IF;
        RETURN NEW;
    END
    $fn$$sql$, g);

    EXECUTE pg_catalog.format($sql$
    CREATE TABLE @extschema@.site (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('air', 'water', 'other')),
        control_level text CHECK (control_level IN ('国控', '省控', '市控')),
        area          text NOT NULL,
        water_body    text CHECK (water_body IN ('river', 'lake')),
        target_class  @extschema@.water_class,
        geom          %1$s.geometry,
        CONSTRAINT enforce_srid_geom CHECK (%1$s.ST_SRID(geom) = 4490),
        CONSTRAINT enforce_geotype_geom CHECK (%1$s.GeometryType(geom) = 'POINT'::text)
    )$sql$, g);
    EXECUTE pg_catalog.format('CREATE INDEX site_geom_idx ON @extschema@.site USING gist (geom)');
    -- nearest_sites orders by spherical distance: KNN on the geography of the point.
    EXECUTE pg_catalog.format('CREATE INDEX site_geog_idx ON @extschema@.site USING gist ((%1$s.geography(geom)))', g);
END
$do$;
COMMENT ON FUNCTION @extschema@._geom_to_cgcs2000() IS
    'trigger: accept SRID 4490 or 4326 (relabelled 4490), check the geometry type (TG_ARGV[0]: point or polygon) and range; ERROR 22023 otherwise';
COMMENT ON TABLE @extschema@.site IS 'monitoring sites: air stations, water sections (断面) and others, in CGCS2000 (SRID 4490)';
COMMENT ON COLUMN @extschema@.site.geom IS 'point in CGCS2000 (SRID 4490); SRID 4326 input is accepted and stored as 4490';
COMMENT ON COLUMN @extschema@.site.area IS 'administrative area (GB/T 2260 code or the bureau''s own text); row-level security by prefix';
CREATE TRIGGER site_geom BEFORE INSERT OR UPDATE OF geom ON @extschema@.site
    FOR EACH ROW EXECUTE FUNCTION @extschema@._geom_to_cgcs2000('point');
COMMENT ON TRIGGER site_geom ON @extschema@.site IS
    'point in SRID 4490 or 4326 (stored as SRID 4490); ERROR 22023 otherwise';
CREATE INDEX site_area_idx ON @extschema@.site (area text_pattern_ops);
CREATE INDEX site_kind_idx ON @extschema@.site (kind);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.site', '');
ALTER TABLE @extschema@.site ENABLE ROW LEVEL SECURITY;
CREATE POLICY site_by_area ON @extschema@.site
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
COMMENT ON POLICY site_by_area ON @extschema@.site IS
    'a role sees and changes the sites whose area starts with a prefix granted to it in eco.area_grant';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.site TO PUBLIC;

CREATE FUNCTION @extschema@.site_visible(site_code text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM @extschema@.site s WHERE s.code = site_code) $$;
COMMENT ON FUNCTION @extschema@.site_visible(text) IS
    'true when the current user can see the site (row-level security of eco.site applies inside)';
-- ===================================================================
-- Air quality index: HJ 633-2012, HJ 633-2026, US EPA (May 2024).
-- Breakpoints and level texts live in C (src/core/aqi.c) and are shown
-- read-only by the views eco.aqi_breakpoints and eco.aqi_levels.
-- ===================================================================

CREATE TYPE @extschema@.aqi_result AS (
    aqi integer,
    level integer,
    category text,
    color text,
    primary_pollutants text[],
    iaqi_so2 integer,
    iaqi_no2 integer,
    iaqi_co integer,
    iaqi_pm10 integer,
    iaqi_pm25 integer,
    iaqi_o3_8h integer,
    iaqi_o3_1h integer
);
COMMENT ON TYPE @extschema@.aqi_result IS
    'HJ 633 daily or real-time AQI: aqi (NULL = NA), level 1..6, category (优 ... 严重污染), color (#RRGGBB), primary pollutants (indicator codes SO2, NO2, CO, PM10, PM2.5, O3_8H, O3_1H; empty when AQI <= 50) and the IAQI of each indicator (NULL = missing or not an indicator of the report)';

CREATE FUNCTION @extschema@.iaqi(pollutant @extschema@.pollutant, period text, concentration double precision,
                                 standard @extschema@.standard DEFAULT 'HJ633-2026')
    RETURNS integer
    AS 'MODULE_PATHNAME', 'aqi_iaqi_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.iaqi(@extschema@.pollutant, text, double precision, @extschema@.standard) IS
    'individual air quality index of one concentration (HJ 633: µg/m³, CO mg/m³; EPA-2024: PM µg/m³, O3 and CO ppm, SO2 and NO2 ppb) for period 1h, 8h or 24h; exact decimal arithmetic on the value as written; NULL where the standard computes no index from that value';

CREATE FUNCTION @extschema@.daily_aqi(so2 double precision, no2 double precision, co double precision,
                                      pm10 double precision, pm25 double precision, o3_8h double precision,
                                      o3_1h double precision DEFAULT NULL,
                                      standard @extschema@.standard DEFAULT 'HJ633-2026')
    RETURNS @extschema@.aqi_result
    AS 'MODULE_PATHNAME', 'aqi_daily_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.daily_aqi(double precision, double precision, double precision, double precision,
                                          double precision, double precision, double precision, @extschema@.standard) IS
    'daily AQI (日报): 24-h means of SO2, NO2, CO (mg/m³), PM10, PM2.5, O3 daily maximum 8-h mean and, under HJ633-2012 only, O3 daily maximum 1-h mean; a NULL concentration is a missing indicator';

CREATE FUNCTION @extschema@.hourly_aqi(so2 double precision, no2 double precision, co double precision,
                                       o3 double precision, pm10 double precision, pm25 double precision,
                                       o3_8h double precision DEFAULT NULL,
                                       pm10_24h double precision DEFAULT NULL,
                                       pm25_24h double precision DEFAULT NULL,
                                       so2_24h double precision DEFAULT NULL,
                                       standard @extschema@.standard DEFAULT 'HJ633-2026')
    RETURNS @extschema@.aqi_result
    AS 'MODULE_PATHNAME', 'aqi_hourly_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hourly_aqi(double precision, double precision, double precision, double precision,
                                           double precision, double precision, double precision, double precision,
                                           double precision, double precision, @extschema@.standard) IS
    'real-time AQI (实时报): 1-h means; HJ633-2012 also uses the O3 8-h and PM 24-h moving averages (PM 1-h get no IAQI) and so2_24h when SO2 1-h exceeds 800; HJ633-2026 uses the six 1-h means only';

CREATE TYPE @extschema@.epa_aqi_result AS (
    aqi integer,
    level integer,
    category text,
    color text,
    main_pollutants text[],
    index_o3_8h integer,
    index_o3_1h integer,
    index_pm25 integer,
    index_pm10 integer,
    index_co integer,
    index_so2 integer,
    index_no2 integer
);
COMMENT ON TYPE @extschema@.epa_aqi_result IS
    'US EPA AQI: aqi (NULL when no pollutant is given), level 1..6, category (Good ... Hazardous), color, main pollutants (O3, PM2.5, PM10, CO, SO2, NO2; all tied at the maximum) and each index (SO2: 1-h and 24-h combined)';

CREATE FUNCTION @extschema@.epa_aqi(o3_8h double precision DEFAULT NULL, o3_1h double precision DEFAULT NULL,
                                    pm25 double precision DEFAULT NULL, pm10 double precision DEFAULT NULL,
                                    co double precision DEFAULT NULL, so2 double precision DEFAULT NULL,
                                    no2 double precision DEFAULT NULL, so2_24h double precision DEFAULT NULL,
                                    standard @extschema@.standard DEFAULT 'EPA-2024')
    RETURNS @extschema@.epa_aqi_result
    AS 'MODULE_PATHNAME', 'aqi_epa_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.epa_aqi(double precision, double precision, double precision, double precision,
                                        double precision, double precision, double precision, double precision,
                                        @extschema@.standard) IS
    'US EPA AQI (TAD May 2024) in EPA units: O3 8-h and 1-h ppm, PM2.5 and PM10 24-h µg/m³, CO 8-h ppm, SO2 1-h and 24-h ppb, NO2 1-h ppb; truncation, nearest integer, extrapolation above 500; NULL = not measured';

CREATE FUNCTION @extschema@.aqi_level(aqi integer, standard @extschema@.standard DEFAULT 'HJ633-2026',
    OUT level integer, OUT level_zh text, OUT category_zh text, OUT category_en text,
    OUT color_zh text, OUT color text, OUT health_effect text, OUT advice text)
    AS 'MODULE_PATHNAME', 'aqi_level_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aqi_level(integer, @extschema@.standard) IS
    'level, category, colour, health effect and advice of an AQI under an edition (HJ 633 texts verbatim; EPA-2024: category and colour)';

CREATE FUNCTION @extschema@.nowcast("values" double precision[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'aqi_nowcast_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nowcast(double precision[]) IS
    'US EPA NowCast of hourly PM values, most recent first (NULL = missing hour): 12 most recent hours, weight min/max clamped to at least 0.5; NULL unless 2 of the 3 most recent hours are valid';

CREATE FUNCTION @extschema@._aqi_breakpoint_list(
    OUT standard text, OUT pollutant text, OUT period text, OUT unit text,
    OUT iaqi_lo integer, OUT iaqi_hi integer, OUT bp_lo numeric, OUT bp_hi numeric,
    OUT input_decimals integer, OUT note text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'aqi_breakpoint_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
COMMENT ON FUNCTION @extschema@._aqi_breakpoint_list() IS 'internal: rows of the IAQI breakpoint tables (see eco.aqi_breakpoints)';
CREATE VIEW @extschema@.aqi_breakpoints AS
    SELECT b.standard::@extschema@.standard AS standard, b.pollutant::@extschema@.pollutant AS pollutant, b.period,
           b.unit, b.iaqi_lo, b.iaqi_hi, b.bp_lo, b.bp_hi, b.input_decimals, b.note
    FROM @extschema@._aqi_breakpoint_list() b;
COMMENT ON VIEW @extschema@.aqi_breakpoints IS
    'IAQI breakpoints of HJ 633-2012 Table 1, HJ 633-2026 Table 3 and US EPA Table 6 (2024): concentration band [bp_lo, bp_hi] maps to [iaqi_lo, iaqi_hi]; input_decimals = GB/T 8170 rounding places (HJ633-2026) or truncation places (EPA)';

CREATE FUNCTION @extschema@._aqi_level_list(
    OUT standard text, OUT level integer, OUT aqi_lo integer, OUT aqi_hi integer,
    OUT level_zh text, OUT category_zh text, OUT category_en text, OUT color_zh text, OUT color text,
    OUT health_effect text, OUT advice text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'aqi_level_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 18;
COMMENT ON FUNCTION @extschema@._aqi_level_list() IS 'internal: rows of the AQI level tables (see eco.aqi_levels)';
CREATE VIEW @extschema@.aqi_levels AS
    SELECT v.standard::@extschema@.standard AS standard, v.level, v.aqi_lo, v.aqi_hi, v.level_zh, v.category_zh, v.category_en, v.color_zh, v.color,
           v.health_effect, v.advice
    FROM @extschema@._aqi_level_list() v;
COMMENT ON VIEW @extschema@.aqi_levels IS
    'AQI levels of HJ 633-2012 Table 2, HJ 633-2026 Table 1 (official texts) and the US EPA categories; aqi_hi NULL = open';

CREATE FUNCTION @extschema@._aqi_sensitive_group_list(OUT standard text, OUT pollutant text, OUT sensitive_groups text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'aqi_sensitive_group_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION @extschema@._aqi_sensitive_group_list() IS 'internal: rows of HJ 633-2026 Table 2 (see eco.aqi_sensitive_groups)';
CREATE VIEW @extschema@.aqi_sensitive_groups AS
    SELECT g.standard::@extschema@.standard AS standard, g.pollutant::@extschema@.pollutant AS pollutant,
           g.sensitive_groups
    FROM @extschema@._aqi_sensitive_group_list() g;
COMMENT ON VIEW @extschema@.aqi_sensitive_groups IS
    'HJ 633-2026 Table 2: groups who should take measures when the pollutant''s IAQI exceeds 100 (建议采取措施的敏感人群)';
-- ===================================================================
-- Air quality evaluation: GB 3095 limits, HJ 663 statistics with the
-- data-validity rules, composite index, good-days ratio, hourly data and
-- the daily roll-up.  Reference: README, Air quality evaluation.
-- ===================================================================

-- ---------- GB 3095 limits (one C table) ----------
CREATE FUNCTION @extschema@._air_limit_list(
    OUT standard smallint, OUT pollutant smallint, OUT period text, OUT table_no smallint,
    OUT grade_1 double precision, OUT grade_2 double precision, OUT unit text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'air_eval_limit_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 70;
COMMENT ON FUNCTION @extschema@._air_limit_list() IS 'internal: rows of the GB 3095 limit tables (see eco.air_limits)';

CREATE VIEW @extschema@.air_limits AS
    SELECT s.code::@extschema@.standard AS standard, p.pollutant, l.period, l.table_no, l.grade_1, l.grade_2, l.unit
    FROM @extschema@._air_limit_list() l
    JOIN @extschema@._standard_list() s ON s.id = l.standard
    JOIN @extschema@.pollutants p ON p.id = l.pollutant;
COMMENT ON VIEW @extschema@.air_limits IS
    'GB 3095-2012 and GB 3095-2026 (transition and final) Tables 1 and 2: concentration limits by pollutant, averaging period and grade (CO in mg/m³, the rest µg/m³)';

CREATE FUNCTION @extschema@.limit_value(pollutant @extschema@.pollutant, period text, grade integer DEFAULT 2,
                                        standard @extschema@.standard DEFAULT 'GB3095-2026')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_limit_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.limit_value(@extschema@.pollutant, text, integer, @extschema@.standard) IS
    'GB 3095 concentration limit of a pollutant for an averaging period (''1h'', ''8h'', ''24h'', ''year'', ''quarter'') and grade (1 or 2); GB3095-2026 = transition limits, GB3095-2026-final = limits from 2031';

-- ---------- hour-ending labels (HJ 663) ----------
CREATE FUNCTION @extschema@.report_day(hour_ending timestamp) RETURNS date
    AS 'MODULE_PATHNAME', 'air_eval_report_day' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.report_day(timestamp) IS
    'natural day of an hourly reading labelled with the end of its hour: 2023-01-02 00:00 belongs to 2023-01-01';
CREATE FUNCTION @extschema@.report_hour(hour_ending timestamp) RETURNS integer
    AS 'MODULE_PATHNAME', 'air_eval_report_hour' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.report_hour(timestamp) IS
    'hour 1..24 of an hourly reading labelled with the end of its hour: 01:00 is hour 1, 00:00 is hour 24 of the day before';

-- ---------- indices ----------
CREATE FUNCTION @extschema@.single_index(pollutant @extschema@.pollutant, value double precision,
                                         standard @extschema@.standard DEFAULT 'GB3095-2012')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_single_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.single_index(@extschema@.pollutant, double precision, @extschema@.standard) IS
    'single-item quality index C/S of the composite index: S = grade II annual limit (SO2, NO2, PM10, PM2.5), 24-h limit (CO, for its P95), MDA8 limit (O3, for its P90) of the edition';
CREATE FUNCTION @extschema@.composite_index(so2 double precision, no2 double precision, pm10 double precision,
                                            pm25 double precision, co_p95 double precision, o3_p90 double precision,
                                            standard @extschema@.standard DEFAULT 'GB3095-2012')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_composite_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.composite_index(double precision, double precision, double precision, double precision, double precision, double precision, @extschema@.standard) IS
    'composite index (综合指数) Σ C/S over SO2, NO2, PM10, PM2.5 (period means), CO (P95) and O3 (MDA8 P90), weights 1, unrounded; round to 2 decimals for publication';
CREATE FUNCTION @extschema@.exceedance_multiple(value double precision, "limit" double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_exceedance_multiple' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.exceedance_multiple(double precision, double precision) IS
    'exceedance multiple (超标倍数) (C − S)/S when C > S, else 0';

-- ---------- capture-aware means ----------
CREATE FUNCTION @extschema@._air_mean_accum(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_capture_accum(internal, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_capture_inv(internal, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mean_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mean_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_mean_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mean_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_daily_mean_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_daily_mean_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_capture_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_capture_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_mean_accum(internal, double precision) IS 'internal: transition of eco.daily_mean';
COMMENT ON FUNCTION @extschema@._air_capture_accum(internal, double precision, integer) IS 'internal: transition of eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_capture_inv(internal, double precision, integer) IS 'internal: inverse transition of eco.capture_avg (window frames)';
COMMENT ON FUNCTION @extschema@._air_mean_combine(internal, internal) IS 'internal: combine of eco.daily_mean and eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_mean_serialize(internal) IS 'internal: serialize of eco.daily_mean and eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_mean_deserialize(bytea, internal) IS 'internal: deserialize of eco.daily_mean and eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_daily_mean_final(internal) IS 'internal: final of eco.daily_mean';
COMMENT ON FUNCTION @extschema@._air_capture_final(internal) IS 'internal: final of eco.capture_avg';

CREATE AGGREGATE @extschema@.daily_mean(double precision) (
    SFUNC = @extschema@._air_mean_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mean_combine,
    SERIALFUNC = @extschema@._air_mean_serialize, DESERIALFUNC = @extschema@._air_mean_deserialize,
    FINALFUNC = @extschema@._air_daily_mean_final, SSPACE = 48, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.daily_mean(double precision) IS
    'daily (24-h) mean of hourly values; NULL unless at least 20 hourly values (GB 3095 Table 4); exact order-independent sum';

CREATE AGGREGATE @extschema@.capture_avg(double precision, integer) (
    SFUNC = @extschema@._air_capture_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mean_combine,
    SERIALFUNC = @extschema@._air_mean_serialize, DESERIALFUNC = @extschema@._air_mean_deserialize,
    FINALFUNC = @extschema@._air_capture_final,
    MSFUNC = @extschema@._air_capture_accum, MINVFUNC = @extschema@._air_capture_inv,
    MSTYPE = internal, MFINALFUNC = @extschema@._air_capture_final,
    SSPACE = 48, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.capture_avg(double precision, integer) IS
    'mean of the non-NULL values, NULL unless at least min_count of them; as a window function with RANGE ''7 hours'' PRECEDING and min_count 6 it is the O3 8-h moving average';

-- ---------- MDA8 ----------
CREATE FUNCTION @extschema@._air_mda8_accum(internal, integer, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_mda8_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_mda8_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_mda8_accum(internal, integer, double precision, double precision) IS 'internal: transition of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_combine(internal, internal) IS 'internal: combine of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_serialize(internal) IS 'internal: serialize of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_deserialize(bytea, internal) IS 'internal: deserialize of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_final(internal) IS 'internal: final of eco.mda8';

-- The three-argument aggregate and a two-argument form for the default limit
-- (aggregates cannot have DEFAULT arguments).
CREATE AGGREGATE @extschema@.mda8(hour integer, value double precision, lim double precision) (
    SFUNC = @extschema@._air_mda8_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mda8_combine,
    SERIALFUNC = @extschema@._air_mda8_serialize, DESERIALFUNC = @extschema@._air_mda8_deserialize,
    FINALFUNC = @extschema@._air_mda8_final, SSPACE = 232, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mda8(integer, double precision, double precision) IS
    'O3 daily maximum 8-h mean (HJ 663): hours 1..24 of one day, windows ending 08..24 each needing 6 values; NULL unless 14 valid windows or the maximum exceeds lim';

CREATE FUNCTION @extschema@._air_mda8_accum_default(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_mda8_accum_default(internal, integer, double precision) IS
    'internal: transition of eco.mda8(hour, value) with the grade II MDA8 limit (160)';
CREATE AGGREGATE @extschema@.mda8(hour integer, value double precision) (
    SFUNC = @extschema@._air_mda8_accum_default, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mda8_combine,
    SERIALFUNC = @extschema@._air_mda8_serialize, DESERIALFUNC = @extschema@._air_mda8_deserialize,
    FINALFUNC = @extschema@._air_mda8_final, SSPACE = 232, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mda8(integer, double precision) IS
    'eco.mda8(hour, value, 160): the grade II O3 MDA8 limit decides validity below 14 windows';

-- ---------- percentiles ----------
CREATE FUNCTION @extschema@._air_pct_accum(internal, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_pct_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_pct_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_pct_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_pct_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_pct_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_pct_accum(internal, double precision, double precision) IS 'internal: transition of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_combine(internal, internal) IS 'internal: combine of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_serialize(internal) IS 'internal: serialize of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_deserialize(bytea, internal) IS 'internal: deserialize of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_final(internal) IS 'internal: final of eco.percentile';
CREATE AGGREGATE @extschema@.percentile(value double precision, p double precision) (
    SFUNC = @extschema@._air_pct_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_pct_combine,
    SERIALFUNC = @extschema@._air_pct_serialize, DESERIALFUNC = @extschema@._air_pct_deserialize,
    FINALFUNC = @extschema@._air_pct_final, SSPACE = 2048, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.percentile(double precision, double precision) IS
    'HJ 663 Appendix A percentile, p in 0..1: rank k = 1 + (n − 1)p with linear interpolation (= percentile_cont(p)); combinable';

-- ---------- annual statistics ----------
CREATE FUNCTION @extschema@._air_year_accum(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_accum_p(internal, date, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_accum_p' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_year_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_mean_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_year_mean_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_pct_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_year_pct_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_year_accum(internal, date, double precision) IS 'internal: transition of eco.annual_mean';
COMMENT ON FUNCTION @extschema@._air_year_accum_p(internal, date, double precision, double precision) IS 'internal: transition of eco.annual_percentile';
COMMENT ON FUNCTION @extschema@._air_year_combine(internal, internal) IS 'internal: combine of the annual statistics';
COMMENT ON FUNCTION @extschema@._air_year_serialize(internal) IS 'internal: serialize of the annual statistics';
COMMENT ON FUNCTION @extschema@._air_year_deserialize(bytea, internal) IS 'internal: deserialize of the annual statistics';
COMMENT ON FUNCTION @extschema@._air_year_mean_final(internal) IS 'internal: final of eco.annual_mean';
COMMENT ON FUNCTION @extschema@._air_year_pct_final(internal) IS 'internal: final of eco.annual_percentile';
CREATE AGGREGATE @extschema@.annual_mean(day date, value double precision) (
    SFUNC = @extschema@._air_year_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_year_combine,
    SERIALFUNC = @extschema@._air_year_serialize, DESERIALFUNC = @extschema@._air_year_deserialize,
    FINALFUNC = @extschema@._air_year_mean_final, SSPACE = 3328, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.annual_mean(date, double precision) IS
    'annual mean of valid daily values (one per day, one calendar year); NULL unless 324 days and 27 in every month (25 in February)';
CREATE AGGREGATE @extschema@.annual_percentile(day date, value double precision, p double precision) (
    SFUNC = @extschema@._air_year_accum_p, STYPE = internal,
    COMBINEFUNC = @extschema@._air_year_combine,
    SERIALFUNC = @extschema@._air_year_serialize, DESERIALFUNC = @extschema@._air_year_deserialize,
    FINALFUNC = @extschema@._air_year_pct_final, SSPACE = 3328, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.annual_percentile(date, double precision, double precision) IS
    'HJ 663 percentile (p in 0..1) of valid daily values of one calendar year; NULL unless 324 days and 27 in every month (25 in February)';

-- ---------- good-days ratio ----------
CREATE FUNCTION @extschema@._air_ratio_accum(double precision[], integer) RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'air_eval_ratio_accum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_ratio_combine(double precision[], double precision[]) RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'air_eval_ratio_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_ratio_final(double precision[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_ratio_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_ratio_accum(double precision[], integer) IS 'internal: transition of eco.good_day_ratio';
COMMENT ON FUNCTION @extschema@._air_ratio_combine(double precision[], double precision[]) IS 'internal: combine of eco.good_day_ratio';
COMMENT ON FUNCTION @extschema@._air_ratio_final(double precision[]) IS 'internal: final of eco.good_day_ratio';
CREATE AGGREGATE @extschema@.good_day_ratio(aqi integer) (
    SFUNC = @extschema@._air_ratio_accum, STYPE = double precision[], INITCOND = '{0,0}',
    COMBINEFUNC = @extschema@._air_ratio_combine, FINALFUNC = @extschema@._air_ratio_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.good_day_ratio(integer) IS
    'good-days ratio (优良天数比例) in percent: days with AQI ≤ 100 over days with a valid (non-NULL) AQI';

-- ---------- hourly data ----------
CREATE TABLE @extschema@.air_hourly (
    site_code   text NOT NULL,
    hour_ending timestamp NOT NULL
                CHECK (pg_catalog.isfinite(hour_ending)
                       AND hour_ending = pg_catalog.date_trunc('hour', hour_ending)),
    -- float8 orders NaN above every number: "< 'Infinity'" also rejects NaN
    so2         double precision CHECK (so2 >= 0 AND so2 < 'Infinity'::double precision),
    no2         double precision CHECK (no2 >= 0 AND no2 < 'Infinity'::double precision),
    co          double precision CHECK (co >= 0 AND co < 'Infinity'::double precision),
    o3          double precision CHECK (o3 >= 0 AND o3 < 'Infinity'::double precision),
    pm10        double precision CHECK (pm10 >= 0 AND pm10 < 'Infinity'::double precision),
    pm25        double precision CHECK (pm25 >= 0 AND pm25 < 'Infinity'::double precision),
    dust        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (site_code, hour_ending)
);
COMMENT ON TABLE @extschema@.air_hourly IS
    'hourly air readings by site (eco.site code), labelled with the end of the hour (HJ 663; a finite timestamp on a full hour); CO in mg/m³, the rest µg/m³, finite and non-negative; dust = hour affected by sand and dust';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.air_hourly', '');
-- Site-days are the usual grouping: with expression statistics the planner estimates their number (instead of
-- a tenth of the rows) and chooses parallel partial aggregation on its own for large roll-ups.
CREATE STATISTICS @extschema@.air_hourly_site_day ON site_code, (@extschema@.report_day(hour_ending))
    FROM @extschema@.air_hourly;
COMMENT ON STATISTICS @extschema@.air_hourly_site_day IS
    'number of site-days in eco.air_hourly, so that GROUP BY site_code, eco.report_day(hour_ending) is estimated well';
ALTER TABLE @extschema@.air_hourly ENABLE ROW LEVEL SECURITY;
CREATE POLICY air_hourly_by_site ON @extschema@.air_hourly
    USING (@extschema@.site_visible(site_code)) WITH CHECK (@extschema@.site_visible(site_code));
COMMENT ON POLICY air_hourly_by_site ON @extschema@.air_hourly IS 'rows of the sites the user can see (eco.site_visible)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.air_hourly TO PUBLIC;

CREATE TABLE @extschema@.air_daily (
    site_code   text NOT NULL,
    day         date NOT NULL,
    so2         double precision,
    no2         double precision,
    co          double precision,
    o3          double precision,
    pm10        double precision,
    pm25        double precision,
    o3_1h       double precision,
    o3_8h       double precision,
    so2_valid   boolean NOT NULL,
    no2_valid   boolean NOT NULL,
    co_valid    boolean NOT NULL,
    o3_valid    boolean NOT NULL,
    pm10_valid  boolean NOT NULL,
    pm25_valid  boolean NOT NULL,
    o3_8h_valid boolean NOT NULL,
    n_hours     integer NOT NULL,
    aqi_standard @extschema@.standard,
    aqi         integer,
    aqi_level   integer,
    aqi_category text,
    primary_pollutants text[],
    dust        boolean NOT NULL,
    PRIMARY KEY (site_code, day)
);
COMMENT ON TABLE @extschema@.air_daily IS
    'daily roll-up of eco.air_hourly by eco.refresh_air_daily: daily means (NULL when fewer than 20 hours), O3 max 1-h and MDA8, validity flags, the day''s AQI under the HJ 633 edition in force, dust flag';
COMMENT ON COLUMN @extschema@.air_daily.o3 IS 'O3 24-h mean (NULL when fewer than 20 hours)';
COMMENT ON COLUMN @extschema@.air_daily.o3_1h IS 'O3 maximum 1-h value of the day (any number of hours)';
COMMENT ON COLUMN @extschema@.air_daily.o3_8h IS 'O3 MDA8 (eco.mda8 with the grade II limit of GB 3095); NULL when not valid';
COMMENT ON COLUMN @extschema@.air_daily.n_hours IS 'hours of the day with a row in eco.air_hourly (a row whose six values are all NULL counts)';
COMMENT ON COLUMN @extschema@.air_daily.aqi IS 'daily AQI from eco.daily_aqi under eco.standard_in_force(''HJ633'', day); NULL when eco.daily_aqi is not installed';
COMMENT ON COLUMN @extschema@.air_daily.dust IS 'true when any hour of the day is flagged dust';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.air_daily', '');
ALTER TABLE @extschema@.air_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY air_daily_by_site ON @extschema@.air_daily
    USING (@extschema@.site_visible(site_code)) WITH CHECK (@extschema@.site_visible(site_code));
COMMENT ON POLICY air_daily_by_site ON @extschema@.air_daily IS 'rows of the sites the user can see (eco.site_visible)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.air_daily TO PUBLIC;

CREATE FUNCTION @extschema@.refresh_air_daily(from_day date, to_day date) RETURNS bigint
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    n bigint;
BEGIN
    IF from_day IS NULL OR to_day IS NULL OR from_day > to_day THEN
        RAISE EXCEPTION 'invalid day range % .. %', from_day, to_day USING ERRCODE = '22023';
    END IF;
    DELETE FROM @extschema@.air_daily WHERE day BETWEEN from_day AND to_day;
    INSERT INTO @extschema@.air_daily
        (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,
         so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust)
    SELECT h.site_code, @extschema@.report_day(h.hour_ending) AS d,
           @extschema@.daily_mean(h.so2), @extschema@.daily_mean(h.no2), @extschema@.daily_mean(h.co),
           @extschema@.daily_mean(h.o3), @extschema@.daily_mean(h.pm10), @extschema@.daily_mean(h.pm25),
           max(h.o3),
           @extschema@.mda8(@extschema@.report_hour(h.hour_ending), h.o3),
           @extschema@.daily_mean(h.so2) IS NOT NULL, @extschema@.daily_mean(h.no2) IS NOT NULL,
           @extschema@.daily_mean(h.co) IS NOT NULL, @extschema@.daily_mean(h.o3) IS NOT NULL,
           @extschema@.daily_mean(h.pm10) IS NOT NULL, @extschema@.daily_mean(h.pm25) IS NOT NULL,
           @extschema@.mda8(@extschema@.report_hour(h.hour_ending), h.o3) IS NOT NULL,
           count(*)::integer, bool_or(h.dust)
    FROM @extschema@.air_hourly h
    WHERE h.hour_ending > from_day::timestamp AND h.hour_ending <= (to_day + 1)::timestamp
    GROUP BY h.site_code, d;
    GET DIAGNOSTICS n = ROW_COUNT;
    -- The day's AQI comes from eco.daily_aqi (HJ 633 area); it is optional at install time.
    IF pg_catalog.to_regproc('@extschema@.daily_aqi') IS NOT NULL THEN
        EXECUTE $q$
        UPDATE @extschema@.air_daily a
        SET aqi_standard = x.std, aqi = (x.r).aqi, aqi_level = (x.r).level,
            aqi_category = (x.r).category, primary_pollutants = (x.r).primary_pollutants
        FROM (SELECT d.site_code, d.day, s.std,
                     @extschema@.daily_aqi(so2 => d.so2, no2 => d.no2, co => d.co, pm10 => d.pm10,
                                           pm25 => d.pm25, o3_8h => d.o3_8h, o3_1h => d.o3_1h,
                                           standard => s.std) AS r
              FROM @extschema@.air_daily d
              CROSS JOIN LATERAL (SELECT @extschema@.standard_in_force('HJ633', d.day) AS std) s
              WHERE d.day BETWEEN $1 AND $2) x
        WHERE a.site_code = x.site_code AND a.day = x.day
        $q$ USING from_day, to_day;
    END IF;
    RETURN n;
END
$fn$;
COMMENT ON FUNCTION @extschema@.refresh_air_daily(date, date) IS
    'recompute eco.air_daily for the days from_day..to_day (inclusive) from eco.air_hourly, leaving other days untouched; returns the number of site-days written';
-- ===================================================================
-- Surface water (GB 3838-2002, 环办〔2011〕22号): functions, aggregates, tables.
-- The type eco.water_class is defined in 03_water_class.sql (eco.site uses it).
-- ===================================================================
CREATE FUNCTION @extschema@.water_class_label(c @extschema@.water_class, style text DEFAULT 'zh') RETURNS text
    AS 'MODULE_PATHNAME', 'water_class_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_class_label(@extschema@.water_class, text) IS
    'class label: ''zh'' Ⅲ类 / 劣Ⅴ类, ''roman'' Ⅲ, ''ascii'' III, ''en'' Class III';

CREATE FUNCTION @extschema@.water_status(c @extschema@.water_class, lang text DEFAULT 'zh') RETURNS text
    AS 'MODULE_PATHNAME', 'water_class_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_status(@extschema@.water_class, text) IS
    '水质状况 of a section class: 优 (I–II), 良好 (III), 轻度污染 (IV), 中度污染 (V), 重度污染 (劣V)';
CREATE FUNCTION @extschema@.water_status_colour(c @extschema@.water_class, lang text DEFAULT 'zh') RETURNS text
    AS 'MODULE_PATHNAME', 'water_class_colour' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_status_colour(@extschema@.water_class, text) IS
    '表征颜色 of a section class: 蓝色 (I–II), 绿色, 黄色, 橙色, 红色 (劣V)';

-- ---------- single values ----------
CREATE FUNCTION @extschema@.water_item(p @extschema@.pollutant) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'water_item' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_item(@extschema@.pollutant) IS
    'the surface-water item of a substance (''Pb'' parses to air lead; this gives water:Pb)';

CREATE FUNCTION @extschema@.water_class(p @extschema@.pollutant, value double precision, water_body text DEFAULT 'river')
    RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME', 'water_class_of_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_class(@extschema@.pollutant, double precision, text) IS
    'GB 3838 Table 1 class of one value (limits inclusive, DO a lower limit, pH 6–9 else 劣V); NULL for WT, TN in rivers and items without classes';

CREATE FUNCTION @extschema@.water_exceedance(p @extschema@.pollutant, value double precision,
    target @extschema@.water_class DEFAULT 'III', water_body text DEFAULT 'river', decimals integer DEFAULT 2)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'water_exceedance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_exceedance(@extschema@.pollutant, double precision, @extschema@.water_class, text, integer) IS
    'exceedance multiple (C − S)/S over the target class limit, on the decimals as written, rounded half-up; 0 when met; NULL for pH, DO, WT';

-- ---------- section aggregates (per-item arithmetic means, then classification) ----------
CREATE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_combine(pg_catalog.internal, pg_catalog.internal)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'water_agg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_agg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_class_final(pg_catalog.internal) RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME', 'water_agg_class_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_main_final(pg_catalog.internal) RETURNS @extschema@.pollutant[]
    AS 'MODULE_PATHNAME', 'water_agg_main_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_label_final(pg_catalog.internal) RETURNS text
    AS 'MODULE_PATHNAME', 'water_agg_label_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE TYPE @extschema@.drinking_compliance AS (compliant boolean, failing @extschema@.pollutant[], items integer);
COMMENT ON TYPE @extschema@.drinking_compliance IS
    'drinking-water source result: compliant, the failing items, the number of items evaluated';
CREATE FUNCTION @extschema@.water_agg_drinking_final(pg_catalog.internal) RETURNS @extschema@.drinking_compliance
    AS 'MODULE_PATHNAME', 'water_agg_drinking_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@.water_agg_combine(pg_catalog.internal, pg_catalog.internal) IS 'water aggregates: combine partial states';
COMMENT ON FUNCTION @extschema@.water_agg_serialize(pg_catalog.internal) IS 'water aggregates: state to bytea';
COMMENT ON FUNCTION @extschema@.water_agg_deserialize(pg_catalog.bytea, pg_catalog.internal) IS 'water aggregates: bytea to state';
COMMENT ON FUNCTION @extschema@.water_agg_class_final(pg_catalog.internal) IS 'section_class final function';
COMMENT ON FUNCTION @extschema@.water_agg_main_final(pg_catalog.internal) IS 'main_pollutants final function';
COMMENT ON FUNCTION @extschema@.water_agg_label_final(pg_catalog.internal) IS 'main_pollutants_label final function';
COMMENT ON FUNCTION @extschema@.water_agg_drinking_final(pg_catalog.internal) IS 'drinking_source_compliance final function';

DO $do$
DECLARE
    s text := '@extschema@';
    agg record;
    sig text;
BEGIN
    FOR agg IN SELECT * FROM (VALUES
        ('section_class', 'water_agg_class_final',
         'worst GB 3838 class over the 21 evaluation items of a section (several values of an item are averaged first); TN, fecal coliform and water temperature do not count'),
        ('main_pollutants', 'water_agg_main_final',
         'main pollutants (主要污染指标) of a section worse than III: up to three items, heavy metals and cyanide first, then by class and multiple over III'),
        ('main_pollutants_label', 'water_agg_label_final',
         'main pollutants as bulletin text, e.g. 氨氮(1.30)、总磷(0.70)、化学需氧量(0.60)'),
        ('drinking_source_compliance', 'water_agg_drinking_final',
         'drinking-water source (集中式生活饮用水地表水源地): the 21 items against Class III plus GB 3838 Table 2; compliant and failing items')
    ) AS t(name, final, cmt)
    LOOP
        FOREACH sig IN ARRAY ARRAY['%1$s.pollutant, double precision', '%1$s.pollutant, double precision, text']
            || CASE WHEN agg.name IN ('main_pollutants') THEN ARRAY['%1$s.pollutant, double precision, text, boolean']
                    WHEN agg.name IN ('main_pollutants_label') THEN ARRAY['%1$s.pollutant, double precision, text, integer']
                    ELSE ARRAY[]::text[] END
        LOOP
            sig := pg_catalog.format(sig, s);
            EXECUTE pg_catalog.format($sql$
                CREATE AGGREGATE %1$s.%2$I(%3$s) (
                    SFUNC = %1$s.water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 544,
                    FINALFUNC = %1$s.%4$I, COMBINEFUNC = %1$s.water_agg_combine,
                    SERIALFUNC = %1$s.water_agg_serialize, DESERIALFUNC = %1$s.water_agg_deserialize,
                    PARALLEL = SAFE)$sql$, s, agg.name, sig, agg.final);
            EXECUTE pg_catalog.format('COMMENT ON AGGREGATE %1$s.%2$I(%3$s) IS %4$L', s, agg.name, sig, agg.cmt);
        END LOOP;
    END LOOP;
END
$do$;

-- ---------- basin (river / lake group) status ----------
CREATE TYPE @extschema@.basin_evaluation AS (
    status text, colour text, sections integer, share_i_iii numeric, share_worse_v numeric, method text);
COMMENT ON TYPE @extschema@.basin_evaluation IS
    'river or basin status by section-class shares (percent, 2 decimals); status NULL below 5 sections';
CREATE FUNCTION @extschema@.water_basin_trans(pg_catalog.internal, @extschema@.water_class) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_basin_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_basin_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_basin_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_basin_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'water_basin_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_basin_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_basin_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_basin_final(pg_catalog.internal) RETURNS @extschema@.basin_evaluation
    AS 'MODULE_PATHNAME', 'water_basin_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_basin_trans(pg_catalog.internal, @extschema@.water_class) IS 'basin_status transition';
COMMENT ON FUNCTION @extschema@.water_basin_combine(pg_catalog.internal, pg_catalog.internal) IS 'basin_status combine';
COMMENT ON FUNCTION @extschema@.water_basin_serialize(pg_catalog.internal) IS 'basin_status serialize';
COMMENT ON FUNCTION @extschema@.water_basin_deserialize(pg_catalog.bytea, pg_catalog.internal) IS 'basin_status deserialize';
COMMENT ON FUNCTION @extschema@.water_basin_final(pg_catalog.internal) IS 'basin_status final function';
CREATE AGGREGATE @extschema@.basin_status(@extschema@.water_class) (
    SFUNC = @extschema@.water_basin_trans, STYPE = pg_catalog.internal, SSPACE = 56,
    FINALFUNC = @extschema@.water_basin_final, COMBINEFUNC = @extschema@.water_basin_combine,
    SERIALFUNC = @extschema@.water_basin_serialize, DESERIALFUNC = @extschema@.water_basin_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.basin_status(@extschema@.water_class) IS
    'river/basin status by the section-class proportion method (≥ 5 sections; ≥ 90% I–III 优, ≥ 75% 良好, else by the 劣V share 20%/40%)';

-- ---------- Spearman trend ----------
CREATE TYPE @extschema@.spearman_result AS (r_s double precision, n integer, critical_value double precision, verdict text);
COMMENT ON TYPE @extschema@.spearman_result IS 'Spearman rank-correlation trend: r_s, periods, W_p at α = 0.05, verdict';
CREATE FUNCTION @extschema@.water_spearman_trans(pg_catalog.internal, integer, double precision) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_spearman_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_spearman_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_spearman_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_spearman_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'water_spearman_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_spearman_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_spearman_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_spearman_final(pg_catalog.internal) RETURNS @extschema@.spearman_result
    AS 'MODULE_PATHNAME', 'water_spearman_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_spearman_trans(pg_catalog.internal, integer, double precision) IS 'spearman_trend transition';
COMMENT ON FUNCTION @extschema@.water_spearman_combine(pg_catalog.internal, pg_catalog.internal) IS 'spearman_trend combine';
COMMENT ON FUNCTION @extschema@.water_spearman_serialize(pg_catalog.internal) IS 'spearman_trend serialize';
COMMENT ON FUNCTION @extschema@.water_spearman_deserialize(pg_catalog.bytea, pg_catalog.internal) IS 'spearman_trend deserialize';
COMMENT ON FUNCTION @extschema@.water_spearman_final(pg_catalog.internal) IS 'spearman_trend final function';
CREATE AGGREGATE @extschema@.spearman_trend(period integer, value double precision) (
    SFUNC = @extschema@.water_spearman_trans, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@.water_spearman_final, COMBINEFUNC = @extschema@.water_spearman_combine,
    SERIALFUNC = @extschema@.water_spearman_serialize, DESERIALFUNC = @extschema@.water_spearman_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spearman_trend(integer, double precision) IS
    'Spearman rank-correlation trend (环办〔2011〕22号): r_s with average ranks for ties, W_p at α = 0.05, verdict; NULL below 5 periods';

CREATE FUNCTION @extschema@._spearman_critical_list(OUT n integer, OUT alpha_0_05 double precision, OUT alpha_0_01 double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'water_spearman_table' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 16;
COMMENT ON FUNCTION @extschema@._spearman_critical_list() IS 'rows of the view eco.spearman_critical_values';
CREATE VIEW @extschema@.spearman_critical_values AS SELECT n, alpha_0_05, alpha_0_01 FROM @extschema@._spearman_critical_list();
COMMENT ON VIEW @extschema@.spearman_critical_values IS
    'Spearman critical values W_p (one-sided) by number of periods, α = 0.05 and 0.01 (环办〔2011〕22号)';

-- ---------- lake trophic state ----------
CREATE FUNCTION @extschema@.tli(chla double precision, tp double precision, tn double precision,
    sd double precision, codmn double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'water_tli' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tli(double precision, double precision, double precision, double precision, double precision) IS
    'comprehensive trophic level index TLI(Σ) from chla (mg/m³), TP, TN (mg/L), SD (m), CODMn (mg/L)';
CREATE FUNCTION @extschema@.tli_grade(tli double precision) RETURNS text
    AS 'MODULE_PATHNAME', 'water_tli_grade' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tli_grade(double precision) IS
    'trophic grade: < 30 贫营养, 30–50 中营养, (50, 60] 轻度富营养, (60, 70] 中度富营养, > 70 重度富营养';

-- ---------- limits ----------
CREATE FUNCTION @extschema@._water_limits_list(
    OUT pollutant smallint, OUT gb3838_table integer, OUT table_row integer, OUT water_body text, OUT direction text,
    OUT class_i double precision, OUT class_ii double precision, OUT class_iii double precision,
    OUT class_iv double precision, OUT class_v double precision, OUT single_limit double precision,
    OUT range_low double precision, OUT range_high double precision,
    OUT evaluated boolean, OUT heavy_metal_priority boolean, OUT has_multiple boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'water_limits_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@._water_limits_list() IS 'rows of the view eco.water_limits';
CREATE VIEW @extschema@.water_limits AS
    SELECT p.pollutant, l.gb3838_table, l.table_row, l.water_body, l.direction,
           l.class_i, l.class_ii, l.class_iii, l.class_iv, l.class_v, l.single_limit, l.range_low, l.range_high,
           l.evaluated, l.heavy_metal_priority, l.has_multiple
    FROM @extschema@._water_limits_list() l JOIN @extschema@.pollutants p ON p.id = l.pollutant;
COMMENT ON VIEW @extschema@.water_limits IS
    'GB 3838-2002 limits: Table 1 per water body (river, lake) with classes I–V (direction max ≤, min ≥ for DO, range for pH 6–9), Table 2 single limits';

-- ---------- samples ----------
CREATE TABLE @extschema@.water_sample (
    section_code    text NOT NULL REFERENCES @extschema@.site (code) ON UPDATE CASCADE,
    sampled_at      timestamp NOT NULL,
    pollutant       @extschema@.pollutant NOT NULL
                    CHECK (@extschema@.pollutant_medium(pollutant) = 'water'),
    value           double precision NOT NULL CHECK (value >= 0 AND value < 'Infinity'),
    below_detection boolean NOT NULL DEFAULT false,
    PRIMARY KEY (section_code, sampled_at, pollutant)
);
COMMENT ON TABLE @extschema@.water_sample IS
    'surface-water samples of a section (断面): one value per item and sampling time; below_detection marks a value reported as the detection limit';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.water_sample', '');
ALTER TABLE @extschema@.water_sample ENABLE ROW LEVEL SECURITY;
CREATE POLICY water_sample_by_site ON @extschema@.water_sample
    USING (@extschema@.site_visible(section_code)) WITH CHECK (@extschema@.site_visible(section_code));
COMMENT ON POLICY water_sample_by_site ON @extschema@.water_sample IS
    'rows of the sections the role can see in eco.site (area granted in eco.area_grant)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.water_sample TO PUBLIC;

CREATE FUNCTION @extschema@.section_evaluation(period_from timestamp, period_to timestamp,
    below_detection_factor double precision DEFAULT 1)
    RETURNS TABLE (section_code text, water_body text, samples bigint,
                   water_class @extschema@.water_class, status text, target_class @extschema@.water_class,
                   target_met boolean, main_pollutants @extschema@.pollutant[], main_pollutants_label text)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT e.code, e.wb, e.samples, e.cls, @extschema@.water_status(e.cls),
           e.target, e.cls OPERATOR(@extschema@.<=) e.target, e.mp, e.mpl
    FROM (SELECT w.section_code AS code, x.wb, pg_catalog.count(*) AS samples,
                 @extschema@.section_class(w.pollutant, x.v, x.wb) AS cls,
                 @extschema@.main_pollutants(w.pollutant, x.v, x.wb) AS mp,
                 @extschema@.main_pollutants_label(w.pollutant, x.v, x.wb) AS mpl,
                 s.target_class AS target
          FROM @extschema@.water_sample w
          LEFT JOIN @extschema@.site s ON s.code = w.section_code
          CROSS JOIN LATERAL (SELECT CASE WHEN w.below_detection THEN w.value * below_detection_factor
                                          ELSE w.value END AS v,
                                     COALESCE(s.water_body, 'river') AS wb) x
          WHERE w.sampled_at >= period_from AND w.sampled_at < period_to
          GROUP BY w.section_code, x.wb, s.target_class) e
    ORDER BY e.code
    $$;
COMMENT ON FUNCTION @extschema@.section_evaluation(timestamp, timestamp, double precision) IS
    'per-section evaluation of [period_from, period_to): class from the item means, status, target class met, main pollutants; below-detection values count as value × below_detection_factor';

-- ---------- worst / best class ----------
CREATE FUNCTION @extschema@.water_class_larger(@extschema@.water_class, @extschema@.water_class)
    RETURNS @extschema@.water_class LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2larger';
CREATE FUNCTION @extschema@.water_class_smaller(@extschema@.water_class, @extschema@.water_class)
    RETURNS @extschema@.water_class LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2smaller';
COMMENT ON FUNCTION @extschema@.water_class_larger(@extschema@.water_class, @extschema@.water_class) IS 'the worse of two classes';
COMMENT ON FUNCTION @extschema@.water_class_smaller(@extschema@.water_class, @extschema@.water_class) IS 'the better of two classes';
CREATE AGGREGATE @extschema@.max(@extschema@.water_class) (
    SFUNC = @extschema@.water_class_larger, STYPE = @extschema@.water_class,
    COMBINEFUNC = @extschema@.water_class_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.min(@extschema@.water_class) (
    SFUNC = @extschema@.water_class_smaller, STYPE = @extschema@.water_class,
    COMBINEFUNC = @extschema@.water_class_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.water_class) IS 'worst class';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.water_class) IS 'best class';
-- ===================================================================
-- Sites, outfalls and land parcels (issue 6).
--   eco.outfall_type      HJ 1312-2023 outfall classification (C table)
--   eco.protection_zone   drinking-water source protection zones
--   eco.outfall           入河/入海排污口 with their remediation record
--   eco.outfall_history   every status transition of an outfall
--   eco.land_parcel       construction-land parcels and their soil survey
--   soil screening        GB 36600-2018 and GB 15618-2018 (C tables)
-- Every table: row-level security by area (eco.area_visible), registered
-- with pg_extension_config_dump so that user rows survive pg_dump.
-- ===================================================================

-- -------------------------------------------------------------------
-- eco.outfall_type: pass-by-value 2-byte id into the C table of
-- src/core/outfall.c; input by Chinese name at any level.
-- -------------------------------------------------------------------
CREATE TYPE @extschema@.outfall_type;
CREATE FUNCTION @extschema@.outfall_type_in(pg_catalog.cstring) RETURNS @extschema@.outfall_type
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.outfall_type_out(@extschema@.outfall_type) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.outfall_type_recv(pg_catalog.internal) RETURNS @extschema@.outfall_type
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.outfall_type_send(@extschema@.outfall_type) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.outfall_type (
    INPUT = @extschema@.outfall_type_in, OUTPUT = @extschema@.outfall_type_out,
    RECEIVE = @extschema@.outfall_type_recv, SEND = @extschema@.outfall_type_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.outfall_type IS
    'HJ 1312-2023 outfall type at level 1, 2 or 3; input by Chinese name; see eco.outfall_types';

CREATE FUNCTION @extschema@.outfall_type_eq(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@.outfall_type_ne(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@.outfall_type_lt(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@.outfall_type_le(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@.outfall_type_gt(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@.outfall_type_ge(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@.outfall_type_cmp(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@.outfall_type_hash(@extschema@.outfall_type) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
COMMENT ON FUNCTION @extschema@.outfall_type_cmp(@extschema@.outfall_type, @extschema@.outfall_type) IS
    'btree support: order of the HJ 1312 table (each type before its subtypes)';
COMMENT ON FUNCTION @extschema@.outfall_type_in(pg_catalog.cstring) IS 'outfall_type input: Chinese name at level 1, 2 or 3';
COMMENT ON FUNCTION @extschema@.outfall_type_out(@extschema@.outfall_type) IS 'outfall_type output: the Chinese name';
COMMENT ON FUNCTION @extschema@.outfall_type_recv(pg_catalog.internal) IS 'outfall_type binary input (validated)';
COMMENT ON FUNCTION @extschema@.outfall_type_send(@extschema@.outfall_type) IS 'outfall_type binary output';
COMMENT ON FUNCTION @extschema@.outfall_type_eq(@extschema@.outfall_type, @extschema@.outfall_type) IS 'outfall_type =';
COMMENT ON FUNCTION @extschema@.outfall_type_ne(@extschema@.outfall_type, @extschema@.outfall_type) IS 'outfall_type <>';
COMMENT ON FUNCTION @extschema@.outfall_type_lt(@extschema@.outfall_type, @extschema@.outfall_type) IS 'outfall_type < (table order)';
COMMENT ON FUNCTION @extschema@.outfall_type_le(@extschema@.outfall_type, @extschema@.outfall_type) IS 'outfall_type <=';
COMMENT ON FUNCTION @extschema@.outfall_type_gt(@extschema@.outfall_type, @extschema@.outfall_type) IS 'outfall_type >';
COMMENT ON FUNCTION @extschema@.outfall_type_ge(@extschema@.outfall_type, @extschema@.outfall_type) IS 'outfall_type >=';
COMMENT ON FUNCTION @extschema@.outfall_type_hash(@extschema@.outfall_type) IS 'hash support';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@.outfall_type_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@.outfall_type_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@.outfall_type_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@.outfall_type_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@.outfall_type_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@.outfall_type_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR CLASS @extschema@.outfall_type_ops DEFAULT FOR TYPE @extschema@.outfall_type USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.outfall_type_cmp(@extschema@.outfall_type, @extschema@.outfall_type);
CREATE OPERATOR CLASS @extschema@.outfall_type_hash_ops DEFAULT FOR TYPE @extschema@.outfall_type USING hash AS
    OPERATOR 1 @extschema@.=, FUNCTION 1 @extschema@.outfall_type_hash(@extschema@.outfall_type);
CREATE CAST (text AS @extschema@.outfall_type) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION @extschema@.outfall_type_level1(t @extschema@.outfall_type) RETURNS @extschema@.outfall_type
    AS 'MODULE_PATHNAME', 'outfall_type_level1' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outfall_type_level1(@extschema@.outfall_type) IS
    'level-1 type (工业排污口, 城镇污水处理厂排污口, 农业排口 or 其他排口) of an outfall type';
CREATE FUNCTION @extschema@.outfall_type_level2(t @extschema@.outfall_type) RETURNS @extschema@.outfall_type
    AS 'MODULE_PATHNAME', 'outfall_type_level2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outfall_type_level2(@extschema@.outfall_type) IS
    'level-2 type of an outfall type; NULL for a level-1 type';
CREATE FUNCTION @extschema@.outfall_type_level(t @extschema@.outfall_type) RETURNS integer
    AS 'MODULE_PATHNAME', 'outfall_type_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.outfall_type_level(@extschema@.outfall_type) IS
    'level of the type in the HJ 1312-2023 table: 1, 2 or 3';

CREATE FUNCTION @extschema@._outfall_type_list(
    OUT id smallint, OUT level integer, OUT parent_id smallint, OUT name text, OUT verified boolean, OUT aliases text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outfall_type_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION @extschema@._outfall_type_list() IS 'rows of the C table behind eco.outfall_types';
CREATE VIEW @extschema@.outfall_types AS
    SELECT t.name::@extschema@.outfall_type AS type, t.id, t.level, p.name AS parent, t.name, t.verified,
           CASE WHEN t.verified THEN 'HJ 1312-2023 (outfalls.md §5, V1)'
                ELSE 'catch-all for subtypes not verified in HJ 1312-2023' END AS basis,
           t.aliases
    FROM @extschema@._outfall_type_list() t
    LEFT JOIN @extschema@._outfall_type_list() p ON p.id = t.parent_id
    ORDER BY t.id;
COMMENT ON VIEW @extschema@.outfall_types IS
    'HJ 1312-2023 outfall classification as typed in C: level, parent, and the catch-all ''other'' rows with the unverified names they accept';

-- -------------------------------------------------------------------
-- Remediation lifecycle (C table; checked by the eco.outfall trigger).
-- -------------------------------------------------------------------
CREATE FUNCTION @extschema@._outfall_check_transition(code text, from_status text, to_status text, pre_campaign boolean)
    RETURNS void
    AS 'MODULE_PATHNAME', 'outfall_check_transition' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_check_transition(text, text, text, boolean) IS
    'ERROR 23514 unless the outfall lifecycle allows from_status -> to_status (NULL from_status: a new row)';
CREATE FUNCTION @extschema@._outfall_lifecycle_list(
    OUT from_status text, OUT to_status text, OUT pre_campaign_only boolean, OUT meaning text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outfall_lifecycle_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@._outfall_lifecycle_list() IS 'rows of the C table behind eco.outfall_lifecycle';
CREATE VIEW @extschema@.outfall_lifecycle AS SELECT * FROM @extschema@._outfall_lifecycle_list();
COMMENT ON VIEW @extschema@.outfall_lifecycle IS
    'allowed outfall status transitions: 疑似 → 核查确认 or 非排口 → 整治中 → 已完成 (销号); 核查确认 → 已完成 only for outfalls remediated before the campaign';

-- -------------------------------------------------------------------
-- Tables with geometry (PostGIS qualified by its schema).
-- -------------------------------------------------------------------
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE TABLE @extschema@.protection_zone (
        id           serial PRIMARY KEY,
        code         text UNIQUE,
        name         text NOT NULL,
        water_source text NOT NULL,
        level        text NOT NULL CHECK (level IN ('一级', '二级', '准保护区')),
        area         text NOT NULL,
        geom         %1$s.geometry NOT NULL,
        CONSTRAINT enforce_srid_geom CHECK (%1$s.ST_SRID(geom) = 4490),
        CONSTRAINT enforce_geotype_geom CHECK (%1$s.GeometryType(geom) = 'MULTIPOLYGON'::text)
    )$sql$, g);

    EXECUTE pg_catalog.format($sql$
    CREATE TABLE @extschema@.outfall (
        code              text PRIMARY KEY,
        local_code        text,
        name              text NOT NULL,
        outfall_kind      text NOT NULL DEFAULT '入河' CHECK (outfall_kind IN ('入河', '入海')),
        receiving_water   text,
        responsible_party text,
        type              @extschema@.outfall_type,
        type_detail       text,
        area              text NOT NULL,
        geom              %1$s.geometry,
        status            text NOT NULL DEFAULT '疑似'
                          CHECK (status IN ('疑似', '核查确认', '非排口', '整治中', '已完成')),
        status_date       date NOT NULL DEFAULT CURRENT_DATE,
        action            text CHECK (action IN ('取缔', '清理合并', '规范整治')),
        pre_campaign      boolean NOT NULL DEFAULT false,
        plan              text,
        registered_on     date,
        registered_status text,
        registered_action text,
        found_on          date,
        confirmed_on      date,
        remediation_started_on date,
        closed_on         date,
        CONSTRAINT enforce_srid_geom CHECK (%1$s.ST_SRID(geom) = 4490),
        CONSTRAINT enforce_geotype_geom CHECK (%1$s.GeometryType(geom) = 'POINT'::text),
        CONSTRAINT outfall_action_needed CHECK (status <> '整治中' OR action IS NOT NULL),
        CONSTRAINT outfall_closed_needs_action CHECK (status <> '已完成' OR action IS NOT NULL OR pre_campaign),
        CONSTRAINT outfall_action_stage CHECK (action IS NULL OR status IN ('整治中', '已完成')),
        CONSTRAINT outfall_pre_campaign_no_action CHECK (NOT pre_campaign OR action IS NULL),
        CONSTRAINT outfall_pre_campaign_stage CHECK (NOT pre_campaign OR status <> '非排口')
    )$sql$, g);

    EXECUTE pg_catalog.format($sql$
    CREATE TABLE @extschema@.land_parcel (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        current_use   text,
        planned_use   text,
        land_class    smallint CHECK (land_class IN (1, 2)),
        change_year   integer CHECK (change_year BETWEEN 1900 AND 2200),
        survey_status text NOT NULL DEFAULT '未开展'
                      CHECK (survey_status IN ('未开展', '调查中', '报告已编制', '已通过评审')),
        area          text NOT NULL,
        geom          %1$s.geometry,
        CONSTRAINT enforce_srid_geom CHECK (%1$s.ST_SRID(geom) = 4490),
        CONSTRAINT enforce_geotype_geom CHECK (%1$s.GeometryType(geom) = 'MULTIPOLYGON'::text)
    )$sql$, g);

    EXECUTE 'CREATE INDEX protection_zone_geom_idx ON @extschema@.protection_zone USING gist (geom)';
    EXECUTE 'CREATE INDEX outfall_geom_idx ON @extschema@.outfall USING gist (geom)';
    EXECUTE 'CREATE INDEX land_parcel_geom_idx ON @extschema@.land_parcel USING gist (geom)';
END
$do$;

COMMENT ON TABLE @extschema@.protection_zone IS
    'drinking-water source protection zones (一级, 二级, 准保护区), MultiPolygon in CGCS2000 (SRID 4490; 4326 accepted)';
COMMENT ON TABLE @extschema@.outfall IS
    '入河/入海排污口 register: opaque code, HJ 1312 type, point in CGCS2000, responsible party and remediation record';
COMMENT ON COLUMN @extschema@.outfall.code IS
    'national outfall code kept as opaque text: the national coding rules could not be verified, so no structure is checked';
COMMENT ON COLUMN @extschema@.outfall.local_code IS 'local (provincial or municipal) code, opaque text';
COMMENT ON COLUMN @extschema@.outfall.type_detail IS
    'subtype as reported, e.g. 农村生活污水散排口 when the type is the catch-all 其他排口（其他）';
COMMENT ON COLUMN @extschema@.outfall.status IS
    'lifecycle: 疑似 → 核查确认 or 非排口 → 整治中 → 已完成 (销号); transitions are checked and logged in eco.outfall_history';
COMMENT ON COLUMN @extschema@.outfall.status_date IS 'date the current status was reached (defaults to today on a status change)';
COMMENT ON COLUMN @extschema@.outfall.action IS 'remediation action: 取缔, 清理合并 or 规范整治 (required from 整治中 on)';
COMMENT ON COLUMN @extschema@.outfall.pre_campaign IS
    'already remediated before the campaign: may be closed out (已完成) from 核查确认 without an action';
COMMENT ON COLUMN @extschema@.outfall.plan IS '一口一策: the remediation plan of this outfall';
COMMENT ON COLUMN @extschema@.outfall.registered_on IS 'date the outfall entered the register (status_date at insertion)';
COMMENT ON COLUMN @extschema@.outfall.registered_status IS 'status at insertion (the start of its history)';
COMMENT ON COLUMN @extschema@.outfall.registered_action IS 'action at insertion';
COMMENT ON TABLE @extschema@.land_parcel IS
    'construction-land parcels: planned use, GB 36600 land class (1, 2; NULL = not settled), soil survey status, MultiPolygon in CGCS2000';
COMMENT ON COLUMN @extschema@.land_parcel.land_class IS
    'GB 36600-2018 class of the planned use: 1 (第一类用地) or 2 (第二类用地); NULL when not settled (first-class values apply)';
COMMENT ON COLUMN @extschema@.land_parcel.change_year IS 'year of the change of use';

CREATE TRIGGER protection_zone_geom BEFORE INSERT OR UPDATE OF geom ON @extschema@.protection_zone
    FOR EACH ROW EXECUTE FUNCTION @extschema@._geom_to_cgcs2000('polygon');
CREATE TRIGGER outfall_geom BEFORE INSERT OR UPDATE OF geom ON @extschema@.outfall
    FOR EACH ROW EXECUTE FUNCTION @extschema@._geom_to_cgcs2000('point');
CREATE TRIGGER land_parcel_geom BEFORE INSERT OR UPDATE OF geom ON @extschema@.land_parcel
    FOR EACH ROW EXECUTE FUNCTION @extschema@._geom_to_cgcs2000('polygon');
COMMENT ON TRIGGER protection_zone_geom ON @extschema@.protection_zone IS
    'polygon or multipolygon in SRID 4490 or 4326 (stored as MultiPolygon, SRID 4490); ERROR 22023 otherwise';
COMMENT ON TRIGGER outfall_geom ON @extschema@.outfall IS
    'point in SRID 4490 or 4326 (stored as SRID 4490); ERROR 22023 otherwise';
COMMENT ON TRIGGER land_parcel_geom ON @extschema@.land_parcel IS
    'polygon or multipolygon in SRID 4490 or 4326 (stored as MultiPolygon, SRID 4490); ERROR 22023 otherwise';

CREATE TABLE @extschema@.outfall_history (
    id           bigserial PRIMARY KEY,
    outfall_code text NOT NULL REFERENCES @extschema@.outfall (code) ON UPDATE CASCADE ON DELETE CASCADE,
    from_status  text NOT NULL,
    to_status    text NOT NULL,
    action       text,
    changed_on   date NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    recorded_by  name NOT NULL DEFAULT CURRENT_USER,
    area         text NOT NULL
);
COMMENT ON TABLE @extschema@.outfall_history IS
    'every status transition (and every change of action) of an outfall, written by the trigger of eco.outfall';

CREATE INDEX protection_zone_area_idx ON @extschema@.protection_zone (area text_pattern_ops);
CREATE INDEX outfall_area_idx ON @extschema@.outfall (area text_pattern_ops);
CREATE INDEX outfall_local_code_idx ON @extschema@.outfall (local_code);
CREATE INDEX outfall_status_idx ON @extschema@.outfall (status);
CREATE INDEX outfall_history_outfall_idx ON @extschema@.outfall_history (outfall_code, changed_on, id);
CREATE INDEX land_parcel_area_idx ON @extschema@.land_parcel (area text_pattern_ops);
CREATE INDEX land_parcel_change_idx ON @extschema@.land_parcel (change_year, land_class);

-- Status trigger.  Only UPDATEs write history: a restore (pg_restore runs
-- INSERT/COPY with triggers enabled) must not add rows to the history it
-- restores.  The state at insertion is kept in registered_* columns.
CREATE FUNCTION @extschema@._outfall_status() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM @extschema@._outfall_check_transition(NEW.code, NULL, NEW.status, NEW.pre_campaign);
        IF NEW.registered_status IS NULL THEN
            NEW.registered_status := NEW.status;
            NEW.registered_action := NEW.action;
        END IF;
        NEW.registered_on := COALESCE(NEW.registered_on, NEW.status_date);
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM @extschema@._outfall_check_transition(OLD.code, OLD.status, NEW.status, NEW.pre_campaign);
        IF NEW.status_date IS NOT DISTINCT FROM OLD.status_date THEN
            NEW.status_date := CURRENT_DATE;
        END IF;
        IF NEW.status_date < OLD.status_date THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('status date %s of outfall "%s" is before its previous status date %s',
                                            NEW.status_date, NEW.code, OLD.status_date);
        END IF;
    END IF;
    CASE NEW.status
        WHEN '疑似' THEN NEW.found_on := COALESCE(NEW.found_on, NEW.status_date);
        WHEN '核查确认', '非排口' THEN NEW.confirmed_on := COALESCE(NEW.confirmed_on, NEW.status_date);
        WHEN '整治中' THEN NEW.remediation_started_on := COALESCE(NEW.remediation_started_on, NEW.status_date);
        WHEN '已完成' THEN NEW.closed_on := COALESCE(NEW.closed_on, NEW.status_date);
        ELSE NULL;
    END CASE;
    RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@._outfall_status() IS
    'trigger: check the lifecycle transition (ERROR 23514), date it, fill the stage dates and the registered_* columns';

CREATE FUNCTION @extschema@._outfall_log() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    INSERT INTO @extschema@.outfall_history (outfall_code, from_status, to_status, action, changed_on, area)
    VALUES (NEW.code, OLD.status, NEW.status, NEW.action, NEW.status_date, NEW.area);
    RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION @extschema@._outfall_log() IS 'trigger: append a status transition to eco.outfall_history';

CREATE TRIGGER outfall_status BEFORE INSERT OR UPDATE ON @extschema@.outfall
    FOR EACH ROW EXECUTE FUNCTION @extschema@._outfall_status();
CREATE TRIGGER outfall_log AFTER UPDATE ON @extschema@.outfall
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.action IS DISTINCT FROM NEW.action)
    EXECUTE FUNCTION @extschema@._outfall_log();
COMMENT ON TRIGGER outfall_status ON @extschema@.outfall IS
    'checks each status transition against eco.outfall_lifecycle (ERROR 23514) and dates it';
COMMENT ON TRIGGER outfall_log ON @extschema@.outfall IS
    'appends every change of status or action to eco.outfall_history';

-- Row-level security, dump registration, privileges.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.protection_zone', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.protection_zone_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_history', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_history_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.land_parcel', '');

ALTER TABLE @extschema@.protection_zone ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.outfall ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.outfall_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE @extschema@.land_parcel ENABLE ROW LEVEL SECURITY;
CREATE POLICY protection_zone_by_area ON @extschema@.protection_zone
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
CREATE POLICY outfall_by_area ON @extschema@.outfall
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
CREATE POLICY outfall_history_by_area ON @extschema@.outfall_history
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
CREATE POLICY land_parcel_by_area ON @extschema@.land_parcel
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
COMMENT ON POLICY protection_zone_by_area ON @extschema@.protection_zone IS
    'rows of the areas granted to the role in eco.area_grant (prefix match)';
COMMENT ON POLICY outfall_by_area ON @extschema@.outfall IS
    'rows of the areas granted to the role in eco.area_grant (prefix match)';
COMMENT ON POLICY outfall_history_by_area ON @extschema@.outfall_history IS
    'rows of the areas granted to the role in eco.area_grant (prefix match)';
COMMENT ON POLICY land_parcel_by_area ON @extschema@.land_parcel IS
    'rows of the areas granted to the role in eco.area_grant (prefix match)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.protection_zone, @extschema@.outfall,
    @extschema@.land_parcel TO PUBLIC;
-- History is append-only for everyone but the owner: the trigger inserts as the current user.
GRANT SELECT, INSERT ON @extschema@.outfall_history TO PUBLIC;
GRANT USAGE ON SEQUENCE @extschema@.protection_zone_id_seq, @extschema@.outfall_history_id_seq TO PUBLIC;

-- -------------------------------------------------------------------
-- Spatial queries.
-- -------------------------------------------------------------------
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE FUNCTION @extschema@.nearest_sites(geom %1$s.geometry, kind text, n integer DEFAULT 5)
        RETURNS TABLE (code text, name text, site_kind text, area text, distance_m double precision)
        LANGUAGE plpgsql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        q %1$s.geography;
    BEGIN
        IF geom IS NULL OR kind IS NULL OR n IS NULL THEN
            RETURN;
        END IF;
        IF %1$s.ST_SRID(geom) NOT IN (4490, 4326) OR %1$s.GeometryType(geom) <> 'POINT' OR %1$s.ST_IsEmpty(geom) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('nearest_sites needs a point in SRID 4490 or 4326, not %%s in SRID %%s',
                                            pg_catalog.lower(%1$s.GeometryType(geom)), %1$s.ST_SRID(geom));
        END IF;
        IF kind NOT IN ('air', 'water', 'other') THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('invalid site kind "%%s"', kind),
                HINT = 'Use ''air'', ''water'' or ''other''.';
        END IF;
        IF n < 1 THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('number of sites must be positive: %%s', n);
        END IF;
        q := %1$s.geography(%1$s.ST_SetSRID(geom, 4490));
        RETURN QUERY
            SELECT s.code, s.name, s.kind, s.area, %1$s.geography(s.geom) OPERATOR(%1$s.<->) q
            FROM @extschema@.site s
            WHERE s.kind = nearest_sites.kind AND s.geom IS NOT NULL
            ORDER BY %1$s.geography(s.geom) OPERATOR(%1$s.<->) q
            LIMIT n;
    END
    $fn$$sql$, g);
    EXECUTE pg_catalog.format($sql$
    COMMENT ON FUNCTION @extschema@.nearest_sites(%1$s.geometry, text, integer) IS
        'the n sites of a kind nearest to a point (SRID 4490 or 4326), with spherical distances in metres; KNN on the geography index'
    $sql$, g);

    EXECUTE pg_catalog.format($sql$
    CREATE FUNCTION @extschema@.outfalls_in_protection_zones()
        RETURNS TABLE (outfall_code text, outfall_name text, status text, action text,
                       zone_id integer, zone_name text, water_source text, level text)
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT o.code, o.name, o.status, o.action, z.id, z.name, z.water_source, z.level
        FROM @extschema@.outfall o
        JOIN @extschema@.protection_zone z ON %1$s.ST_Intersects(z.geom, o.geom)
        WHERE o.status <> '非排口'
        ORDER BY o.code, CASE z.level WHEN '一级' THEN 1 WHEN '二级' THEN 2 ELSE 3 END, z.id
    $fn$$sql$, g);
END
$do$;
COMMENT ON FUNCTION @extschema@.outfalls_in_protection_zones() IS
    'outfalls (not 非排口) lying inside or on the boundary of a drinking-water source protection zone: candidates for 取缔; one row per zone';

-- -------------------------------------------------------------------
-- Outfall progress bulletin.
-- -------------------------------------------------------------------
CREATE FUNCTION @extschema@.outfall_progress(area text DEFAULT NULL, as_of date DEFAULT NULL)
    RETURNS TABLE (outfalls bigint, suspected bigint, non_outfalls bigint, pre_campaign bigint,
                   classified bigint, done bigint, done_abolish bigint, done_merge bigint,
                   done_regularize bigint, in_progress bigint, not_started bigint, sentence text)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    WITH st AS (
        SELECT o.pre_campaign,
               CASE WHEN h.to_status IS NOT NULL THEN h.to_status ELSE o.registered_status END AS status,
               CASE WHEN h.to_status IS NOT NULL THEN h.action ELSE o.registered_action END AS action
        FROM @extschema@.outfall o
        LEFT JOIN LATERAL (
            SELECT hh.to_status, hh.action FROM @extschema@.outfall_history hh
            WHERE hh.outfall_code = o.code AND hh.changed_on <= COALESCE($2, 'infinity'::date)
            ORDER BY hh.changed_on DESC, hh.id DESC LIMIT 1) h ON true
        WHERE ($1 IS NULL OR pg_catalog.starts_with(o.area, $1))
          AND o.registered_on <= COALESCE($2, 'infinity'::date)
    ), c AS (
        SELECT count(*) AS outfalls,
               count(*) FILTER (WHERE status = '疑似') AS suspected,
               count(*) FILTER (WHERE status = '非排口') AS non_outfalls,
               count(*) FILTER (WHERE pre_campaign AND status IN ('核查确认', '已完成')) AS pre_campaign,
               count(*) FILTER (WHERE NOT pre_campaign AND status IN ('核查确认', '整治中', '已完成')) AS classified,
               count(*) FILTER (WHERE NOT pre_campaign AND status = '已完成') AS done,
               count(*) FILTER (WHERE NOT pre_campaign AND status = '已完成' AND action = '取缔') AS done_abolish,
               count(*) FILTER (WHERE NOT pre_campaign AND status = '已完成' AND action = '清理合并') AS done_merge,
               count(*) FILTER (WHERE NOT pre_campaign AND status = '已完成' AND action = '规范整治') AS done_regularize,
               count(*) FILTER (WHERE NOT pre_campaign AND status = '整治中') AS in_progress,
               count(*) FILTER (WHERE NOT pre_campaign AND status = '核查确认') AS not_started
        FROM st
    )
    SELECT c.*,
           pg_catalog.format('%s outfall%s; %s confirmed non-outfall%s; %s remediated before the campaign; '
                             '%s under classified remediation, of which %s done%s%s and %s in progress%s',
               c.outfalls, CASE WHEN c.outfalls = 1 THEN '' ELSE 's' END,
               c.non_outfalls, CASE WHEN c.non_outfalls = 1 THEN '' ELSE 's' END,
               c.pre_campaign, c.classified, c.done,
               CASE WHEN c.done > 0 THEN ' (' || pg_catalog.array_to_string(ARRAY[
                   CASE WHEN c.done_abolish > 0 THEN c.done_abolish || ' 取缔' END,
                   CASE WHEN c.done_merge > 0 THEN c.done_merge || ' 清理合并' END,
                   CASE WHEN c.done_regularize > 0 THEN c.done_regularize || ' 规范整治' END], ', ') || ')'
                    ELSE '' END,
               CASE WHEN c.not_started > 0 THEN ', ' || c.not_started || ' not started' ELSE '' END,
               c.in_progress,
               CASE WHEN c.suspected > 0 THEN '; ' || c.suspected || ' still suspected' ELSE '' END)
    FROM c
$fn$;
COMMENT ON FUNCTION @extschema@.outfall_progress(text, date) IS
    'outfall counts a bureau reports for an area prefix (NULL = every visible area) as of a date (NULL = now), with the bulletin sentence';

-- -------------------------------------------------------------------
-- Land parcels: survey summary.
-- -------------------------------------------------------------------
CREATE FUNCTION @extschema@.parcel_survey_summary(year integer)
    RETURNS TABLE (survey_status text, parcels bigint)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    SELECT s.status, count(p.code)
    FROM (VALUES (1, '未开展'), (2, '调查中'), (3, '报告已编制'), (4, '已通过评审')) AS s(ord, status)
    LEFT JOIN @extschema@.land_parcel p
           ON p.survey_status = s.status AND p.change_year = $1 AND p.land_class = 1
    GROUP BY s.ord, s.status
    ORDER BY s.ord
$fn$;
COMMENT ON FUNCTION @extschema@.parcel_survey_summary(integer) IS
    'parcels whose use changes in the year to first-class land (GB 36600 第一类用地), counted by soil survey status (every status listed)';

-- -------------------------------------------------------------------
-- Soil screening: GB 36600-2018 and GB 15618-2018 (C tables in src/core/soil.c).
-- -------------------------------------------------------------------
CREATE FUNCTION @extschema@.soil_screen(pollutant @extschema@.pollutant, value double precision,
    land_class integer, background double precision DEFAULT NULL,
    standard @extschema@.standard DEFAULT 'GB36600-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_screen' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.soil_screen(@extschema@.pollutant, double precision, integer, double precision, @extschema@.standard) IS
    'GB 36600-2018 screening of a construction-land soil result (mg/kg): below_screening (≤ screening value), between, above_intervention (> intervention value), or within_background (As, Co, V above screening but ≤ the background given); land_class 1, 2, or NULL when the planned use is not settled (first-class values)';

CREATE FUNCTION @extschema@.farmland_screen(pollutant @extschema@.pollutant, value double precision,
    ph double precision, land_use text, standard @extschema@.standard DEFAULT 'GB15618-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_farmland_screen' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.farmland_screen(@extschema@.pollutant, double precision, double precision, text, @extschema@.standard) IS
    'GB 15618-2018 screening of an agricultural soil result (mg/kg): 优先保护 (优先保护类), 安全利用 (安全利用类), 严格管控 (严格管控类), or monitor (加强监测: above screening, no intervention value); land_use paddy, orchard, other or rotation; NULL pH gives NULL for pH-dependent items';

CREATE FUNCTION @extschema@._soil_gb36600_list(
    OUT pollutant_id smallint, OUT tbl smallint, OUT row_no smallint,
    OUT screening_1 double precision, OUT screening_2 double precision,
    OUT intervention_1 double precision, OUT intervention_2 double precision, OUT background_rule boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'soil_gb36600_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 85;
COMMENT ON FUNCTION @extschema@._soil_gb36600_list() IS 'rows of the C table behind eco.soil_limits';
CREATE VIEW @extschema@.soil_limits AS
    SELECT p.pollutant, p.name_zh, p.name_en, p.cas, l.tbl AS "table", l.row_no,
           l.screening_1, l.screening_2, l.intervention_1, l.intervention_2, l.background_rule
    FROM @extschema@._soil_gb36600_list() l
    JOIN @extschema@.pollutants p ON p.id = l.pollutant_id
    ORDER BY l.tbl, l.row_no;
COMMENT ON VIEW @extschema@.soil_limits IS
    'GB 36600-2018 Tables 1 (45 basic items) and 2 (40 other items): screening and intervention values (mg/kg) for first- and second-class land';

CREATE FUNCTION @extschema@._soil_gb15618_list(
    OUT pollutant_id smallint, OUT tbl smallint, OUT kind text, OUT land_type text,
    OUT ph_le_5_5 double precision, OUT ph_5_5_to_6_5 double precision,
    OUT ph_6_5_to_7_5 double precision, OUT ph_gt_7_5 double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'soil_gb15618_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;
COMMENT ON FUNCTION @extschema@._soil_gb15618_list() IS 'rows of the C table behind eco.farmland_limits';
CREATE VIEW @extschema@.farmland_limits AS
    SELECT p.pollutant, p.name_zh, l.tbl AS "table", l.kind, l.land_type,
           l.ph_le_5_5, l.ph_5_5_to_6_5, l.ph_6_5_to_7_5, l.ph_gt_7_5
    FROM @extschema@._soil_gb15618_list() l
    JOIN @extschema@.pollutants p ON p.id = l.pollutant_id;
COMMENT ON VIEW @extschema@.farmland_limits IS
    'GB 15618-2018 Table 1 (screening, by pH band and land type), Table 2 (screening, pH-independent) and Table 3 (intervention), mg/kg; a band edge belongs to the lower band';
-- ===================================================================
-- Year-on-year (同比) and the bureau's ledgers (台账).
-- Wording, decimals and the draw generator live in src/core/yoy.c.
-- Summary functions take an area prefix: '' = every area the caller may see,
-- '3201' = the rows whose area starts with 3201.  Row-level security applies
-- inside them (SECURITY INVOKER), so a role only ever counts its own rows.
-- ===================================================================

-- ---------- year-on-year ----------
CREATE FUNCTION @extschema@.same_day_last_year(d date) RETURNS date
    AS 'MODULE_PATHNAME', 'yoy_same_day_last_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.same_day_last_year(date) IS
    'the same calendar day one year earlier; 29 February maps to 28 February';

CREATE FUNCTION @extschema@.same_period_last_year(period daterange) RETURNS daterange
    AS 'MODULE_PATHNAME', 'yoy_same_period_last_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.same_period_last_year(daterange) IS
    'the same days one year earlier (first and last day each moved back a year, 29 February -> 28 February)';

CREATE FUNCTION @extschema@.pct_change(cur numeric, prev numeric) RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_pct_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.pct_change(numeric, numeric) IS
    'relative change in %, (cur - prev) / |prev| x 100, unrounded; NULL when prev is 0 or NULL';

CREATE FUNCTION @extschema@.pp_change(cur numeric, prev numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN cur OPERATOR(pg_catalog.-) prev;
COMMENT ON FUNCTION @extschema@.pp_change(numeric, numeric) IS
    'change in percentage points of a ratio given in %: cur - prev; NULL when either is NULL';

CREATE FUNCTION @extschema@.improvement(cur numeric, prev numeric, lower_is_better boolean DEFAULT true)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_improvement' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.improvement(numeric, numeric, boolean) IS
    'relative improvement in % (positive = better): -pct_change when lower is better, pct_change otherwise; NULL when prev is 0 or NULL';

CREATE FUNCTION @extschema@.change_rounded(cur numeric, prev numeric, kind text, decimals integer DEFAULT 1)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_change_rounded' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_rounded(numeric, numeric, text, integer) IS
    'the change in the measure of the kind (% or percentage points), rounded half away from zero exactly; NULL for a % change against 0';

CREATE FUNCTION @extschema@.change_phrase(cur numeric, prev numeric, kind text, decimals integer DEFAULT 1)
    RETURNS text
    AS 'MODULE_PATHNAME', 'yoy_change_phrase' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.change_phrase(numeric, numeric, text, integer) IS
    'bulletin wording of a year-on-year change: 同比改善13.6%, 同比上升1.9个百分点, 同比持平 (rounded change 0); kinds in eco.change_kinds';

CREATE FUNCTION @extschema@.share(part numeric, whole numeric, decimals integer DEFAULT 1) RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.share(numeric, numeric, integer) IS
    'part / whole in %, rounded half away from zero exactly (1 decimal by default); NULL when whole is 0';

CREATE FUNCTION @extschema@._change_kinds(
    OUT kind text, OUT measure text, OUT direction text, OUT word_up text, OUT word_down text,
    OUT suffix text, OUT description text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'yoy_change_kinds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@._change_kinds() IS 'rows of the view eco.change_kinds, from the C table (src/core/yoy.c)';
CREATE VIEW @extschema@.change_kinds AS SELECT * FROM @extschema@._change_kinds();
GRANT SELECT ON @extschema@.change_kinds TO PUBLIC;
COMMENT ON VIEW @extschema@.change_kinds IS
    'kinds of eco.change_phrase: measure (% or percentage points), which direction is better, and the words used';

CREATE FUNCTION @extschema@._draw_sample(seed bigint, stream bigint, n integer, k integer) RETURNS integer[]
    AS 'MODULE_PATHNAME', 'yoy_draw_sample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._draw_sample(bigint, bigint, integer, integer) IS
    'k distinct positions out of 1..n in draw order (splitmix64, partial Fisher-Yates); same arguments, same draw';

-- ---------- ledgers ----------
-- 督察整改: findings of environmental inspections and their rectification.
CREATE TABLE @extschema@.rectification (
    id               bigserial PRIMARY KEY,
    area             text NOT NULL,
    level            text NOT NULL CHECK (level IN ('中央', '省', '市')),
    batch            text,
    finding          text NOT NULL,
    responsible_unit text,
    found_on         date,
    deadline         date,
    closed_on        date,
    CHECK (closed_on >= found_on)
);
COMMENT ON TABLE @extschema@.rectification IS
    'inspection findings (中央/省/市 level) and their rectification: deadline, closed_on (NULL while open)';

-- 信访投诉
CREATE TABLE @extschema@.complaint (
    id          bigserial PRIMARY KEY,
    area        text NOT NULL,
    received_on date NOT NULL,
    channel     text NOT NULL CHECK (channel IN ('电话', '网络', '来信', '来访', '其他')),
    category    text NOT NULL CHECK (category IN ('水', '气', '噪声', '固废', '其他')),
    subject     text,
    closed_on   date,
    CHECK (closed_on >= received_on)
);
COMMENT ON TABLE @extschema@.complaint IS
    'complaints (信访投诉) by channel (电话/网络/来信/来访/其他) and category (水/气/噪声/固废/其他), closed_on NULL while open';

-- 双随机、一公开: registers, draws, checks.
CREATE TABLE @extschema@.inspection_enterprise (
    id     bigserial PRIMARY KEY,
    area   text NOT NULL,
    code   text NOT NULL UNIQUE,
    name   text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.inspection_enterprise IS
    'register of enterprises subject to random inspections (双随机 检查对象名录); inactive ones are not drawn';
CREATE TABLE @extschema@.inspector (
    id     bigserial PRIMARY KEY,
    area   text NOT NULL,
    code   text NOT NULL UNIQUE,
    name   text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE @extschema@.inspector IS
    'register of law-enforcement inspectors (执法检查人员名录); inactive ones are not drawn';
CREATE TABLE @extschema@.inspection_draw (
    id          bigserial PRIMARY KEY,
    area        text NOT NULL,
    seed        bigint NOT NULL,
    n           integer NOT NULL,
    drawn_on    date NOT NULL,
    enterprises integer NOT NULL,
    inspectors  integer NOT NULL,
    drawn_by    name NOT NULL DEFAULT CURRENT_USER,
    drawn_at    timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE @extschema@.inspection_draw IS
    'every draw made by eco.draw_inspections: seed, size, register sizes, who and when';
CREATE TABLE @extschema@.inspection_check (
    draw_id         bigint NOT NULL,
    seq             integer NOT NULL,
    area            text NOT NULL,
    enterprise_code text NOT NULL,
    enterprise_name text,
    inspectors      text[] NOT NULL,
    inspected_on    date,
    problem_found   boolean,
    result          text,
    PRIMARY KEY (draw_id, seq)
);
COMMENT ON TABLE @extschema@.inspection_check IS
    'one drawn enterprise with its drawn inspectors; inspected_on / problem_found / result filled in after the visit';

-- 行政处罚
CREATE TABLE @extschema@.enforcement_case (
    id         bigserial PRIMARY KEY,
    area       text NOT NULL,
    case_no    text NOT NULL UNIQUE,
    enterprise text NOT NULL,
    violation  text,
    decided_on date NOT NULL,
    penalty    numeric(14, 2) NOT NULL DEFAULT 0 CHECK (penalty >= 0)
);
COMMENT ON TABLE @extschema@.enforcement_case IS 'administrative penalty cases (行政处罚) with the fine in yuan';

-- 总量指标: reductions and their use by new projects (倍量替代).
CREATE TABLE @extschema@.emission_reduction (
    id            bigserial PRIMARY KEY,
    area          text NOT NULL,
    pollutant     text NOT NULL,
    source        text,
    reduction_tpa numeric NOT NULL CHECK (reduction_tpa > 0),
    achieved_on   date NOT NULL
);
COMMENT ON TABLE @extschema@.emission_reduction IS
    'emission reductions achieved (t/a) per pollutant (free text code: SO2, NOx, VOCs, 颗粒物, COD, NH3-N, ...)';
CREATE TABLE @extschema@.offset_use (
    id           bigserial PRIMARY KEY,
    area         text NOT NULL,
    pollutant    text NOT NULL,
    project      text NOT NULL,
    emission_tpa numeric NOT NULL CHECK (emission_tpa > 0),
    ratio        numeric NOT NULL DEFAULT 2 CHECK (ratio > 0),
    approved_on  date NOT NULL
);
COMMENT ON TABLE @extschema@.offset_use IS
    'new projects'' emissions (t/a) offset at a replacement ratio: each consumes emission_tpa x ratio of the area''s reductions';

-- 审批: EIA documents and discharge permits.
CREATE TABLE @extschema@.approval (
    id         bigserial PRIMARY KEY,
    area       text NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('环评', '排污许可')),
    category   text NOT NULL,
    action     text,
    project    text,
    decided_on date NOT NULL,
    CHECK ((kind = '环评' AND category IN ('报告书', '报告表', '登记表备案'))
        OR (kind = '排污许可' AND category IN ('重点管理', '简化管理', '登记管理')))
);
COMMENT ON TABLE @extschema@.approval IS
    'approvals: 环评 (报告书/报告表/登记表备案) and 排污许可 (重点管理/简化管理/登记管理), issued or reviewed on decided_on';

-- 重点任务: one row per planned item (a village, a water body, a boiler, ...).
CREATE TABLE @extschema@.task (
    id        bigserial PRIMARY KEY,
    area      text NOT NULL,
    program   text NOT NULL,
    item      text NOT NULL,
    plan_year integer NOT NULL,
    due_on    date,
    done_on   date
);
COMMENT ON TABLE @extschema@.task IS
    'planned work items of a programme (农村环境整治, 村庄生活污水治理, 黑臭水体, 锅炉淘汰, ...) and when each was done';

CREATE INDEX ON @extschema@.rectification (area);
CREATE INDEX ON @extschema@.complaint (received_on);
CREATE INDEX ON @extschema@.inspection_check (area);
CREATE INDEX ON @extschema@.enforcement_case (decided_on);
CREATE INDEX ON @extschema@.emission_reduction (area, pollutant);
CREATE INDEX ON @extschema@.offset_use (area, pollutant);
CREATE INDEX ON @extschema@.approval (decided_on);
CREATE INDEX ON @extschema@.task (plan_year);

-- Row-level security by area, dump registration (tables and their sequences), grants.
DO $do$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rectification', 'complaint', 'inspection_enterprise', 'inspector', 'inspection_draw',
                             'inspection_check', 'enforcement_case', 'emission_reduction', 'offset_use',
                             'approval', 'task']
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE pg_catalog.format('CREATE POLICY %I ON @extschema@.%I USING (@extschema@.area_visible(area)) '
                                  'WITH CHECK (@extschema@.area_visible(area))', t || '_by_area', t);
        EXECUTE pg_catalog.format('COMMENT ON POLICY %I ON @extschema@.%I IS %L', t || '_by_area', t,
                                  'a role sees and changes the rows of the areas granted to it (eco.area_visible)');
        EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.%I TO PUBLIC', t);
        PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.format('@extschema@.%I', t)::regclass, '');
        IF t <> 'inspection_check' THEN
            PERFORM pg_catalog.pg_extension_config_dump(pg_catalog.format('@extschema@.%I', t || '_id_seq')::regclass, '');
            EXECUTE pg_catalog.format('GRANT USAGE ON SEQUENCE @extschema@.%I TO PUBLIC', t || '_id_seq');
        END IF;
    END LOOP;
END
$do$;

-- ---------- rectification ----------
CREATE FUNCTION @extschema@.rectification_status(area text, as_of date)
    RETURNS TABLE (id bigint, level text, batch text, finding text, responsible_unit text,
                   deadline date, closed_on date, status text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.id, r.level, r.batch, r.finding, r.responsible_unit, r.deadline,
           CASE WHEN r.closed_on <= $2 THEN r.closed_on END,
           CASE WHEN r.closed_on <= $2 THEN 'closed'
                WHEN r.deadline < $2 THEN 'overdue'
                ELSE 'open' END
    FROM @extschema@.rectification r
    WHERE starts_with(r.area, $1) AND (r.found_on IS NULL OR r.found_on <= $2)
    ORDER BY r.id
$$;
COMMENT ON FUNCTION @extschema@.rectification_status(text, date) IS
    'each finding known on as_of with its status then: closed (closed_on <= as_of), overdue (open past its deadline), open (not yet due, or no deadline)';

CREATE FUNCTION @extschema@.rectification_summary(area text, as_of date)
    RETURNS TABLE (level text, findings bigint, closed bigint, open_not_due bigint, overdue bigint)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT COALESCE(s.level, '合计'), count(*),
           count(*) FILTER (WHERE s.status = 'closed'),
           count(*) FILTER (WHERE s.status = 'open'),
           count(*) FILTER (WHERE s.status = 'overdue')
    FROM @extschema@.rectification_status($1, $2) s
    GROUP BY GROUPING SETS ((s.level), ())
    ORDER BY GROUPING(s.level), array_position(ARRAY['中央', '省', '市'], s.level)
$$;
COMMENT ON FUNCTION @extschema@.rectification_summary(text, date) IS
    'findings by level (中央/省/市, then 合计): closed, open and not yet due, overdue, as of a date';

-- ---------- complaints ----------
CREATE FUNCTION @extschema@.complaint_summary(area text, period daterange)
    RETURNS TABLE (dimension text, key text, complaints bigint, prev_complaints bigint,
                   change_pct numeric, change text, closed bigint, closure_rate numeric)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    g AS (
        SELECT CASE WHEN GROUPING(c.channel) = 0 THEN 'channel'
                    WHEN GROUPING(c.category) = 0 THEN 'category' ELSE 'total' END AS dimension,
               CASE WHEN GROUPING(c.channel) = 0 THEN c.channel
                    WHEN GROUPING(c.category) = 0 THEN c.category ELSE '合计' END AS key,
               count(*) FILTER (WHERE c.received_on <@ p.cur) AS n,
               count(*) FILTER (WHERE c.received_on <@ p.prev) AS n_prev,
               count(*) FILTER (WHERE c.received_on <@ p.cur AND c.closed_on IS NOT NULL
                                  AND (upper_inf(p.cur) OR c.closed_on < upper(p.cur))) AS n_closed
        FROM p LEFT JOIN @extschema@.complaint c
               ON starts_with(c.area, $1) AND (c.received_on <@ p.cur OR c.received_on <@ p.prev)
        GROUP BY GROUPING SETS ((), (c.channel), (c.category))
    )
    SELECT g.dimension, g.key, g.n, g.n_prev,
           round(@extschema@.pct_change(g.n, g.n_prev), 2),
           @extschema@.change_phrase(g.n, g.n_prev, 'count'),
           g.n_closed, @extschema@.share(g.n_closed, g.n)
    FROM g
    WHERE g.dimension = 'total' OR g.key IS NOT NULL AND (g.n > 0 OR g.n_prev > 0)
    ORDER BY array_position(ARRAY['total', 'channel', 'category'], g.dimension),
             array_position(ARRAY['电话', '网络', '来信', '来访', '水', '气', '噪声', '固废', '其他'], g.key)
$$;
COMMENT ON FUNCTION @extschema@.complaint_summary(text, daterange) IS
    'complaints received in the period, in total, by channel and by category, with the same period last year, the change (count kind) and the share closed by the end of the period';

-- ---------- random inspections (双随机) ----------
CREATE FUNCTION @extschema@.draw_inspections(n integer, seed bigint, area text DEFAULT '',
                                             drawn_on date DEFAULT CURRENT_DATE,
                                             inspectors_per_check integer DEFAULT 2)
    RETURNS TABLE (draw_id bigint, seq integer, enterprise_code text, enterprise_name text, inspectors text[])
    LANGUAGE plpgsql VOLATILE STRICT
    SET search_path = pg_catalog, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    e_code text[];
    e_name text[];
    e_area text[];
    i_code text[];
    ne integer;
    ni integer;
    pick integer[];
    did bigint;
BEGIN
    IF n < 0 THEN
        RAISE EXCEPTION 'number of enterprises to draw must not be negative: %', n USING ERRCODE = '22023';
    END IF;
    -- The registers in a fixed order (code, C collation): same registers and seed, same draw.
    SELECT array_agg(e.code ORDER BY e.code COLLATE "C"), array_agg(e.name ORDER BY e.code COLLATE "C"),
           array_agg(e.area ORDER BY e.code COLLATE "C")
      INTO e_code, e_name, e_area
      FROM @extschema@.inspection_enterprise e
     WHERE e.active AND starts_with(e.area, draw_inspections.area);
    SELECT array_agg(i.code ORDER BY i.code COLLATE "C") INTO i_code
      FROM @extschema@.inspector i
     WHERE i.active AND starts_with(i.area, draw_inspections.area);
    ne := COALESCE(cardinality(e_code), 0);
    ni := COALESCE(cardinality(i_code), 0);
    IF n > ne THEN
        RAISE EXCEPTION 'cannot draw % enterprises: the register of area "%" has %', n, draw_inspections.area, ne
            USING ERRCODE = '22023';
    END IF;
    IF inspectors_per_check < 1 OR (n > 0 AND inspectors_per_check > ni) THEN
        RAISE EXCEPTION 'cannot draw % inspectors per check: the register of area "%" has %',
            inspectors_per_check, draw_inspections.area, ni USING ERRCODE = '22023';
    END IF;
    INSERT INTO @extschema@.inspection_draw (area, seed, n, drawn_on, enterprises, inspectors)
    VALUES (draw_inspections.area, draw_inspections.seed, draw_inspections.n, draw_inspections.drawn_on, ne, ni)
    RETURNING id INTO did;
    -- Stream 0 draws the enterprises, stream s the inspectors of the s-th check.
    pick := @extschema@._draw_sample(draw_inspections.seed, 0, ne, draw_inspections.n);
    FOR s IN 1 .. draw_inspections.n LOOP
        draw_id := did;
        seq := s;
        enterprise_code := e_code[pick[s]];
        enterprise_name := e_name[pick[s]];
        inspectors := ARRAY(SELECT i_code[x.p] FROM unnest(@extschema@._draw_sample(draw_inspections.seed, s, ni,
                                                          inspectors_per_check)) WITH ORDINALITY AS x(p, o)
                            ORDER BY x.o);
        INSERT INTO @extschema@.inspection_check (draw_id, seq, area, enterprise_code, enterprise_name, inspectors)
        VALUES (did, s, e_area[pick[s]], e_code[pick[s]], e_name[pick[s]], inspectors);
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.draw_inspections(integer, bigint, text, date, integer) IS
    'draws n enterprises and, for each, inspectors_per_check inspectors from the active registers of the area (prefix), reproducibly from seed (splitmix64); records the draw in eco.inspection_draw / eco.inspection_check';

CREATE FUNCTION @extschema@.inspection_summary(area text, period daterange)
    RETURNS TABLE (draws bigint, checks bigint, inspected bigint, with_problems bigint, problem_rate numeric)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT count(DISTINCT d.id), count(c.seq), count(c.inspected_on),
           count(*) FILTER (WHERE c.inspected_on IS NOT NULL AND c.problem_found),
           @extschema@.share(count(*) FILTER (WHERE c.inspected_on IS NOT NULL AND c.problem_found),
                             count(c.inspected_on))
    FROM @extschema@.inspection_draw d
    JOIN @extschema@.inspection_check c ON c.draw_id = d.id
    WHERE d.drawn_on <@ $2 AND starts_with(c.area, $1)
$$;
COMMENT ON FUNCTION @extschema@.inspection_summary(text, daterange) IS
    'random inspections drawn in the period: draws, checks, checks carried out, checks finding problems and the problem rate (% of checks carried out)';

-- ---------- enforcement ----------
CREATE FUNCTION @extschema@.enforcement_summary(area text, period daterange)
    RETURNS TABLE (cases bigint, penalty numeric, prev_cases bigint, prev_penalty numeric,
                   cases_change text, penalty_change text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    s AS (
        SELECT count(e.id) FILTER (WHERE e.decided_on <@ p.cur) AS n,
               COALESCE(sum(e.penalty) FILTER (WHERE e.decided_on <@ p.cur), 0) AS pen,
               count(e.id) FILTER (WHERE e.decided_on <@ p.prev) AS n_prev,
               COALESCE(sum(e.penalty) FILTER (WHERE e.decided_on <@ p.prev), 0) AS pen_prev
        FROM p LEFT JOIN @extschema@.enforcement_case e
               ON starts_with(e.area, $1) AND (e.decided_on <@ p.cur OR e.decided_on <@ p.prev)
    )
    SELECT s.n, s.pen, s.n_prev, s.pen_prev,
           @extschema@.change_phrase(s.n, s.n_prev, 'count'),
           @extschema@.change_phrase(s.pen, s.pen_prev, 'count')
    FROM s
$$;
COMMENT ON FUNCTION @extschema@.enforcement_summary(text, daterange) IS
    'penalty cases decided in the period and their total fine (yuan), with the same period last year and the changes';

-- ---------- emission offsets (倍量替代) ----------
CREATE FUNCTION @extschema@.offset_capacity(area text, pollutant text, ratio numeric DEFAULT 2)
    RETURNS numeric
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    red numeric;
    used numeric;
BEGIN
    IF ratio <= 0 THEN
        RAISE EXCEPTION 'replacement ratio must be positive: %', ratio USING ERRCODE = '22023';
    END IF;
    SELECT COALESCE(sum(r.reduction_tpa), 0) INTO red FROM @extschema@.emission_reduction r
     WHERE starts_with(r.area, offset_capacity.area) AND r.pollutant = offset_capacity.pollutant;
    SELECT COALESCE(sum(u.emission_tpa * u.ratio), 0) INTO used FROM @extschema@.offset_use u
     WHERE starts_with(u.area, offset_capacity.area) AND u.pollutant = offset_capacity.pollutant;
    RETURN (red - used) / ratio;
END
$$;
COMMENT ON FUNCTION @extschema@.offset_capacity(text, text, numeric) IS
    'new emissions (t/a) the remaining reductions can still offset at the replacement ratio: (reductions - sum(emission x ratio of each use)) / ratio';

CREATE FUNCTION @extschema@.offset_summary(area text, ratio numeric DEFAULT 2, as_of date DEFAULT 'infinity')
    RETURNS TABLE (pollutant text, reduction_tpa numeric, consumed_tpa numeric, projects bigint,
                   freed_tpa numeric, remaining_tpa numeric)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF ratio <= 0 THEN
        RAISE EXCEPTION 'replacement ratio must be positive: %', ratio USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
    WITH r AS (SELECT r.pollutant AS pol, sum(r.reduction_tpa) AS red FROM @extschema@.emission_reduction r
               WHERE starts_with(r.area, offset_summary.area) AND r.achieved_on <= offset_summary.as_of
               GROUP BY r.pollutant),
         u AS (SELECT u.pollutant AS pol, sum(u.emission_tpa * u.ratio) AS used, count(*) AS n
               FROM @extschema@.offset_use u
               WHERE starts_with(u.area, offset_summary.area) AND u.approved_on <= offset_summary.as_of
               GROUP BY u.pollutant)
    SELECT COALESCE(r.pol, u.pol), COALESCE(r.red, 0), COALESCE(u.used, 0), COALESCE(u.n, 0),
           COALESCE(r.red, 0) / offset_summary.ratio,
           (COALESCE(r.red, 0) - COALESCE(u.used, 0)) / offset_summary.ratio
    FROM r FULL JOIN u ON u.pol = r.pol
    ORDER BY COALESCE(r.pol, u.pol) COLLATE "C";
END
$$;
COMMENT ON FUNCTION @extschema@.offset_summary(text, numeric, date) IS
    'per pollutant, counting reductions achieved and uses approved by as_of: reductions (t/a), reductions consumed by projects (emission x ratio), number of projects, and the new emissions the reductions free and still free at the replacement ratio (2 = 倍量替代)';

-- A project may not consume more than the area's reductions leave (check per exact area and pollutant).
CREATE FUNCTION @extschema@._offset_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    a text;
    p text;
    red numeric;
    used numeric;
BEGIN
    -- The (area, pollutant) that may have lost cover: the new one of a use (inserted or changed), the old one of a
    -- reduction (deleted or changed, possibly moved to another area or pollutant).
    IF TG_TABLE_NAME = 'offset_use' THEN
        a := NEW.area; p := NEW.pollutant;
    ELSE
        a := OLD.area; p := OLD.pollutant;
    END IF;
    -- one check at a time per (area, pollutant): a concurrent use waits and then sees this one
    PERFORM pg_advisory_xact_lock(hashtext('eco.offset/' || a || '/' || p));
    SELECT COALESCE(sum(r.reduction_tpa), 0) INTO red FROM @extschema@.emission_reduction r
     WHERE r.area = a AND r.pollutant = p;
    SELECT COALESCE(sum(u.emission_tpa * u.ratio), 0) INTO used FROM @extschema@.offset_use u
     WHERE u.area = a AND u.pollutant = p;
    IF used > red AND TG_TABLE_NAME = 'offset_use' THEN
        RAISE EXCEPTION 'offset uses of % in area % need % t/a of reductions but only % t/a were achieved',
            p, a, used, red
            USING ERRCODE = '23514',
                  DETAIL = pg_catalog.format('Project "%s" (%s t/a at ratio %s) exceeds the remaining capacity.',
                                             NEW.project, NEW.emission_tpa, NEW.ratio);
    ELSIF used > red THEN
        RAISE EXCEPTION 'offset uses of % in area % need % t/a of reductions but only % t/a would remain',
            p, a, used, red
            USING ERRCODE = '23514',
                  DETAIL = 'Removing or reducing this reduction would leave approved projects uncovered.';
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@._offset_check() IS
    'trigger: ERROR 23514 when the offset uses of an (area, pollutant) consume more than its reductions';
CREATE TRIGGER offset_use_within_capacity AFTER INSERT OR UPDATE ON @extschema@.offset_use
    FOR EACH ROW EXECUTE FUNCTION @extschema@._offset_check();
CREATE TRIGGER reduction_still_covers AFTER UPDATE OR DELETE ON @extschema@.emission_reduction
    FOR EACH ROW EXECUTE FUNCTION @extschema@._offset_check();
COMMENT ON TRIGGER offset_use_within_capacity ON @extschema@.offset_use IS
    'ERROR 23514 when the area''s offset uses of the pollutant would need more than its reductions';
COMMENT ON TRIGGER reduction_still_covers ON @extschema@.emission_reduction IS
    'ERROR 23514 when changing or removing a reduction would leave approved offset uses uncovered';

-- ---------- approvals ----------
CREATE FUNCTION @extschema@.approval_summary(area text, period daterange)
    RETURNS TABLE (kind text, category text, approvals bigint, prev_approvals bigint, change text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    k(kind, category, ord) AS (VALUES ('环评', '报告书', 1), ('环评', '报告表', 2), ('环评', '登记表备案', 3),
                                      ('排污许可', '重点管理', 4), ('排污许可', '简化管理', 5),
                                      ('排污许可', '登记管理', 6)),
    c AS (
        SELECT k.kind, k.category, k.ord,
               count(a.id) FILTER (WHERE a.decided_on <@ p.cur) AS n,
               count(a.id) FILTER (WHERE a.decided_on <@ p.prev) AS n_prev
        FROM p CROSS JOIN k
        LEFT JOIN @extschema@.approval a
               ON a.kind = k.kind AND a.category = k.category AND starts_with(a.area, $1)
              AND (a.decided_on <@ p.cur OR a.decided_on <@ p.prev)
        GROUP BY k.kind, k.category, k.ord
    )
    SELECT c.kind, c.category, c.n, c.n_prev, @extschema@.change_phrase(c.n, c.n_prev, 'count')
    FROM c ORDER BY c.ord
$$;
COMMENT ON FUNCTION @extschema@.approval_summary(text, daterange) IS
    'approvals in the period per kind and category (环评 报告书/报告表/登记表备案; 排污许可 重点管理/简化管理/登记管理), with the same period last year';

-- ---------- tasks ----------
CREATE FUNCTION @extschema@.task_progress(area text, year integer, as_of date)
    RETURNS TABLE (program text, planned bigint, done bigint, share numeric)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT t.program, count(*), count(*) FILTER (WHERE t.done_on <= $3),
           @extschema@.share(count(*) FILTER (WHERE t.done_on <= $3), count(*))
    FROM @extschema@.task t
    WHERE starts_with(t.area, $1) AND t.plan_year = $2
    GROUP BY t.program
    ORDER BY t.program COLLATE "C"
$$;
COMMENT ON FUNCTION @extschema@.task_progress(text, integer, date) IS
    'per programme: items planned for the year, items done by as_of and the share done (%)';

-- ---------- published figures ----------
CREATE FUNCTION @extschema@.gbt8170_round(value numeric, decimals integer DEFAULT 0) RETURNS numeric
    AS 'MODULE_PATHNAME', 'yoy_round_gbt8170' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gbt8170_round(numeric, integer) IS
    'GB/T 8170-2008 rounding (四舍六入五成双) of the exact decimal value to 0..4 decimals: 1.15 -> 1.2, 1.25 -> 1.2, 1.251 -> 1.3';

CREATE FUNCTION @extschema@._report_indicators(
    OUT ord integer, OUT code text, OUT name_zh text, OUT unit text, OUT decimals integer,
    OUT change_kind text, OUT statistic text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'yoy_report_indicators' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@._report_indicators() IS 'rows of the view eco.report_indicators, from the C table (src/core/yoy.c)';
CREATE VIEW @extschema@.report_indicators AS SELECT * FROM @extschema@._report_indicators();
GRANT SELECT ON @extschema@.report_indicators TO PUBLIC;
COMMENT ON VIEW @extschema@.report_indicators IS
    'figures of eco.air_summary: Chinese name, unit, published decimals (GB/T 8170), kind of the year-on-year change, and how the city value is formed';
-- ===================================================================
-- The annual work-summary report (年度工作总结) and the air summary it uses.
-- PL/pgSQL on purpose: each section reads the tables of another area
-- (air, water, sites) when the function runs, so a section whose area is
-- not installed is left out instead of breaking the install.
-- ===================================================================

-- ---------- air summary ----------
CREATE FUNCTION @extschema@.air_summary(area text, period daterange)
    RETURNS TABLE (ord integer, indicator text, name_zh text, value numeric, unit text,
                   valid_days integer, days integer, capture numeric,
                   prev_value numeric, prev_valid_days integer, prev_days integer, prev_capture numeric,
                   change numeric, change_phrase text)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    prv daterange;
    std @extschema@.standard;
BEGIN
    IF isempty(period) OR lower_inf(period) OR upper_inf(period) THEN
        RAISE EXCEPTION 'period must be a bounded, non-empty date range: %', period USING ERRCODE = '22023';
    END IF;
    prv := @extschema@.same_period_last_year(period);
    -- Both years with the edition in force at the start of the current period, so the change compares like with like.
    std := @extschema@.standard_in_force('GB3095', lower(period));
    RETURN QUERY
    WITH per(tag, r) AS (VALUES ('cur', period), ('prev', prv)),
    -- City value of a day: the mean over the area's air sites whose daily value is valid (air.md §3.7).
    city AS (
        SELECT per.tag, a.day,
               avg(a.so2::numeric) FILTER (WHERE a.so2_valid) AS so2,
               avg(a.no2::numeric) FILTER (WHERE a.no2_valid) AS no2,
               avg(a.co::numeric) FILTER (WHERE a.co_valid) AS co,
               avg(a.pm10::numeric) FILTER (WHERE a.pm10_valid) AS pm10,
               avg(a.pm25::numeric) FILTER (WHERE a.pm25_valid) AS pm25,
               avg(a.o3_8h::numeric) FILTER (WHERE a.o3_8h_valid) AS o3_8h,
               avg(a.o3_1h::numeric) FILTER (WHERE a.o3_1h IS NOT NULL) AS o3_1h,
               bool_or(a.dust) AS dust
        FROM per
        JOIN @extschema@.air_daily a ON a.day <@ per.r
        JOIN @extschema@.site s ON s.code = a.site_code
        WHERE s.kind = 'air' AND starts_with(s.area, air_summary.area)
        GROUP BY per.tag, a.day
    ),
    -- City AQI of a day from the city concentrations, under the HJ 633 edition in force that day; a good day
    -- (优良) is one of AQI level 1 or 2 (the AQI bounds of the levels live in the C table, view eco.aqi_levels).
    day_aqi AS (
        SELECT c.*, r.aqi, r.level AS aqi_level
        FROM city c
        CROSS JOIN LATERAL @extschema@.daily_aqi(so2 => c.so2::float8, no2 => c.no2::float8, co => c.co::float8,
                                                 pm10 => c.pm10::float8, pm25 => c.pm25::float8,
                                                 o3_8h => c.o3_8h::float8, o3_1h => c.o3_1h::float8,
                                                 standard => @extschema@.standard_in_force('HJ633', c.day)) r
    ),
    -- Period statistics.  PM and the composite index leave dust days out; the good-days ratio keeps them (§7).
    stats AS (
        SELECT per.tag, (upper(per.r) - lower(per.r))::integer AS ndays,
               avg(d.pm25) FILTER (WHERE NOT d.dust) AS pm25, count(d.pm25) FILTER (WHERE NOT d.dust) AS n_pm25,
               avg(d.pm10) FILTER (WHERE NOT d.dust) AS pm10, count(d.pm10) FILTER (WHERE NOT d.dust) AS n_pm10,
               avg(d.so2) AS so2, count(d.so2) AS n_so2,
               avg(d.no2) AS no2, count(d.no2) AS n_no2,
               @extschema@.percentile(d.co::float8, 0.95)::numeric AS co, count(d.co) AS n_co,
               @extschema@.percentile(d.o3_8h::float8, 0.90)::numeric AS o3, count(d.o3_8h) AS n_o3,
               count(*) FILTER (WHERE d.aqi_level <= 2) AS good, count(d.aqi) AS n_aqi,
               count(*) FILTER (WHERE NOT d.dust AND d.so2 IS NOT NULL AND d.no2 IS NOT NULL AND d.co IS NOT NULL
                                  AND d.pm10 IS NOT NULL AND d.pm25 IS NOT NULL AND d.o3_8h IS NOT NULL) AS n_all
        FROM per LEFT JOIN day_aqi d ON d.tag = per.tag
        GROUP BY per.tag, per.r
    ),
    ind AS (SELECT i.ord, i.code, i.name_zh, i.unit, i.decimals, i.change_kind FROM @extschema@.report_indicators i),
    -- Published (rounded) statistics, then the composite index from them (air.md §4.1, §6).
    figs AS (
        SELECT s.tag, s.ndays, f.code, @extschema@.gbt8170_round(f.raw, i.decimals) AS v, f.n::integer AS n
        FROM stats s
        CROSS JOIN LATERAL (VALUES ('PM2.5', s.pm25, s.n_pm25), ('PM10', s.pm10, s.n_pm10), ('SO2', s.so2, s.n_so2),
                                   ('NO2', s.no2, s.n_no2), ('CO', s.co, s.n_co), ('O3', s.o3, s.n_o3),
                                   -- the ratio unrounded (rounded once, below, per GB/T 8170)
                                   ('good_days_ratio', s.good::numeric OPERATOR(pg_catalog.*) 100
                                       OPERATOR(pg_catalog./) NULLIF(s.n_aqi, 0), s.n_aqi))
                           AS f(code, raw, n)
        JOIN ind i ON i.code = f.code
    ),
    comp AS (
        SELECT f.tag, min(f.ndays) AS ndays, 'composite_index' AS code,
               @extschema@.gbt8170_round(@extschema@.composite_index(
                   max(f.v) FILTER (WHERE f.code = 'SO2')::float8, max(f.v) FILTER (WHERE f.code = 'NO2')::float8,
                   max(f.v) FILTER (WHERE f.code = 'PM10')::float8, max(f.v) FILTER (WHERE f.code = 'PM2.5')::float8,
                   max(f.v) FILTER (WHERE f.code = 'CO')::float8, max(f.v) FILTER (WHERE f.code = 'O3')::float8,
                   std)::numeric,
                   (SELECT i.decimals FROM ind i WHERE i.code = 'composite_index')) AS v,
               (SELECT s.n_all::integer FROM stats s WHERE s.tag = f.tag) AS n
        FROM figs f GROUP BY f.tag
    ),
    allf AS (SELECT f.tag, f.ndays, f.code, f.v, f.n FROM figs f
             UNION ALL SELECT c.tag, c.ndays, c.code, c.v, c.n FROM comp c)
    SELECT i.ord, i.code, i.name_zh, c.v, i.unit,
           c.n, c.ndays, @extschema@.share(c.n, c.ndays),
           p.v, p.n, p.ndays, @extschema@.share(p.n, p.ndays),
           @extschema@.change_rounded(c.v, p.v, i.change_kind),
           @extschema@.change_phrase(c.v, p.v, i.change_kind)
    FROM ind i
    JOIN allf c ON c.code = i.code AND c.tag = 'cur'
    JOIN allf p ON p.code = i.code AND p.tag = 'prev'
    ORDER BY i.ord;
END
$$;
COMMENT ON FUNCTION @extschema@.air_summary(text, daterange) IS
    'air figures of an area for a period and the same period last year (see eco.report_indicators): city value = mean over valid sites per day; values rounded per GB/T 8170 as published; changes from the published values; capture = valid days / calendar days';

-- ---------- the annual report ----------
CREATE FUNCTION @extschema@.annual_report(area text, year integer, as_of date DEFAULT NULL)
    RETURNS TABLE (seq integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    y_first date;
    y_last date;
    upto date;
    cur daterange;
    prv daterange;
    r record;
    t text;
BEGIN
    IF area IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'area and year are required' USING ERRCODE = '22023';
    END IF;
    IF year < 1 OR year > 9999 THEN
        RAISE EXCEPTION 'year out of range: %', year USING ERRCODE = '22023';
    END IF;
    y_first := make_date(year, 1, 1);
    y_last := make_date(year, 12, 31);
    upto := LEAST(COALESCE(as_of, y_last), y_last);
    IF upto < y_first THEN
        RAISE EXCEPTION 'as_of % is before the year %', as_of, year USING ERRCODE = '22023';
    END IF;
    cur := daterange(y_first, upto, '[]');
    prv := @extschema@.same_period_last_year(cur);
    seq := 0;

    -- ===== 大气环境 =====
    IF pg_catalog.to_regclass('@extschema@.air_daily') IS NOT NULL THEN
        FOR r IN SELECT * FROM @extschema@.air_summary(annual_report.area, cur) s
                 WHERE s.indicator IN ('PM2.5', 'PM10', 'good_days_ratio', 'composite_index') LOOP
            seq := seq + 1; section := '大气环境'; indicator := r.name_zh; value := r.value; unit := r.unit;
            prev_value := r.prev_value; change := r.change_phrase;
            detail := pg_catalog.format('数据有效率%s%%（%s/%s天），上年同期%s%%', r.capture, r.valid_days, r.days,
                                        r.prev_capture);
            RETURN NEXT;
        END LOOP;
    END IF;

    -- ===== 水环境: assessed sections (eco.site kind 'water' with a target class) =====
    IF pg_catalog.to_regprocedure('@extschema@.section_evaluation(timestamp, timestamp, double precision)') IS NOT NULL THEN
        SELECT count(*) FILTER (WHERE e.tag = 'cur') AS n,
               count(*) FILTER (WHERE e.tag = 'cur' AND e.target_met) AS met,
               count(*) FILTER (WHERE e.tag = 'cur' AND e.good) AS good,
               count(*) FILTER (WHERE e.tag = 'cur' AND e.worst) AS worst,
               count(*) FILTER (WHERE e.tag = 'prev') AS p_n,
               count(*) FILTER (WHERE e.tag = 'prev' AND e.target_met) AS p_met,
               count(*) FILTER (WHERE e.tag = 'prev' AND e.good) AS p_good,
               count(*) FILTER (WHERE e.tag = 'prev' AND e.worst) AS p_worst,
               string_agg(e.section_code || '（' || @extschema@.water_class_label(e.water_class)
                          || COALESCE('，' || NULLIF(e.main_pollutants_label, ''), '') || '）', '、'
                          ORDER BY e.section_code) FILTER (WHERE e.tag = 'cur' AND NOT e.target_met) AS failing
          INTO r
          FROM (SELECT x.tag, v.section_code, v.water_class, v.target_met, v.main_pollutants_label,
                       v.water_class OPERATOR(@extschema@.<=) 'III'::@extschema@.water_class AS good,
                       v.water_class OPERATOR(@extschema@.=) '劣V'::@extschema@.water_class AS worst
                FROM (VALUES ('cur', cur), ('prev', prv)) AS x(tag, per)
                CROSS JOIN LATERAL @extschema@.section_evaluation(lower(x.per)::timestamp, upper(x.per)::timestamp) v
                JOIN @extschema@.site st ON st.code = v.section_code
                WHERE st.kind = 'water' AND st.target_class IS NOT NULL
                  AND starts_with(st.area, annual_report.area)) e;
        seq := seq + 1; section := '水环境'; indicator := '考核断面'; value := r.n; unit := '个';
        prev_value := r.p_n; change := NULL; detail := NULL; RETURN NEXT;
        seq := seq + 1; indicator := '达到考核目标断面比例'; value := @extschema@.share(r.met, r.n); unit := '%';
        prev_value := @extschema@.share(r.p_met, r.p_n);
        change := @extschema@.change_phrase(value, prev_value, 'pp_higher_better');
        detail := pg_catalog.format('%s个断面中%s个达标', r.n, r.met); RETURN NEXT;
        seq := seq + 1; indicator := 'Ⅰ～Ⅲ类水质断面比例'; value := @extschema@.share(r.good, r.n);
        prev_value := @extschema@.share(r.p_good, r.p_n);
        change := @extschema@.change_phrase(value, prev_value, 'pp_higher_better'); detail := NULL; RETURN NEXT;
        seq := seq + 1; indicator := '劣Ⅴ类断面'; value := r.worst; unit := '个'; prev_value := r.p_worst;
        change := NULL; RETURN NEXT;
        seq := seq + 1; indicator := '未达标断面'; value := r.n - r.met; prev_value := r.p_n - r.p_met;
        detail := r.failing; RETURN NEXT;
    END IF;

    -- ===== 入河排污口 =====
    IF pg_catalog.to_regprocedure('@extschema@.outfall_progress(text, date)') IS NOT NULL THEN
        SELECT * INTO r FROM @extschema@.outfall_progress(annual_report.area, upto);
        seq := seq + 1; section := '入河排污口'; indicator := '排查排污口'; value := r.outfalls; unit := '个';
        prev_value := NULL; change := NULL;
        detail := pg_catalog.format('排查%s个，其中核查确认非排口%s个、专项行动前已整治%s个、纳入分类整治%s个'
                                    '（已完成%s个，整治中%s个）', r.outfalls, r.non_outfalls, r.pre_campaign,
                                    r.classified, r.done, r.in_progress)
                  || CASE WHEN r.suspected > 0 THEN pg_catalog.format('，尚待核查%s个', r.suspected) ELSE '' END;
        RETURN NEXT;
        seq := seq + 1; indicator := '核查确认非排口'; value := r.non_outfalls; detail := NULL; RETURN NEXT;
        seq := seq + 1; indicator := '专项行动前已整治'; value := r.pre_campaign; RETURN NEXT;
        seq := seq + 1; indicator := '纳入分类整治'; value := r.classified; RETURN NEXT;
        seq := seq + 1; indicator := '已完成整治'; value := r.done;
        detail := pg_catalog.format('取缔%s个、清理合并%s个、规范整治%s个', r.done_abolish, r.done_merge,
                                    r.done_regularize);
        RETURN NEXT;
        seq := seq + 1; indicator := '整治中'; value := r.in_progress; detail := NULL; RETURN NEXT;
    END IF;

    -- ===== 土壤环境: parcels changing in the year to first-class land, by survey status =====
    IF pg_catalog.to_regclass('@extschema@.land_parcel') IS NOT NULL THEN
        FOR r IN SELECT s.ord, s.status, count(p.code) AS n
                 FROM (VALUES (1, '未开展'), (2, '调查中'), (3, '报告已编制'), (4, '已通过评审')) AS s(ord, status)
                 LEFT JOIN @extschema@.land_parcel p
                        ON p.survey_status = s.status AND p.change_year = annual_report.year AND p.land_class = 1
                       AND starts_with(p.area, annual_report.area)
                 GROUP BY s.ord, s.status ORDER BY s.ord LOOP
            seq := seq + 1; section := '土壤环境'; indicator := '变更为第一类用地地块（' || r.status || '）';
            value := r.n; unit := '块'; prev_value := NULL; change := NULL; detail := NULL;
            RETURN NEXT;
        END LOOP;
    END IF;

    -- ===== 督察整改 =====
    SELECT * INTO r FROM @extschema@.rectification_summary(annual_report.area, upto) s WHERE s.level = '合计';
    SELECT string_agg(s.level || s.findings, '、') INTO t
      FROM @extschema@.rectification_summary(annual_report.area, upto) s WHERE s.level <> '合计';
    seq := seq + 1; section := '督察整改'; indicator := '交办问题'; value := r.findings; unit := '个';
    prev_value := NULL; change := NULL; detail := t; RETURN NEXT;
    seq := seq + 1; indicator := '已完成整改'; value := r.closed; detail := NULL; RETURN NEXT;
    seq := seq + 1; indicator := '未到期（整改中）'; value := r.open_not_due; RETURN NEXT;
    seq := seq + 1; indicator := '逾期未完成'; value := r.overdue; RETURN NEXT;

    -- ===== 信访投诉 =====
    SELECT * INTO r FROM @extschema@.complaint_summary(annual_report.area, cur) s WHERE s.dimension = 'total';
    seq := seq + 1; section := '信访投诉'; indicator := '受理信访投诉'; value := r.complaints; unit := '件';
    prev_value := r.prev_complaints; change := r.change;
    SELECT string_agg(s.key || s.complaints, '、') INTO t
      FROM @extschema@.complaint_summary(annual_report.area, cur) s WHERE s.dimension = 'channel' AND s.complaints > 0;
    detail := '按渠道：' || COALESCE(t, '无');
    SELECT string_agg(s.key || s.complaints, '、') INTO t
      FROM @extschema@.complaint_summary(annual_report.area, cur) s WHERE s.dimension = 'category' AND s.complaints > 0;
    detail := detail || '；按类别：' || COALESCE(t, '无');
    RETURN NEXT;
    seq := seq + 1; indicator := '办结率'; value := r.closure_rate; unit := '%'; prev_value := NULL; change := NULL;
    detail := pg_catalog.format('办结%s件', r.closed); RETURN NEXT;

    -- ===== 双随机、一公开 =====
    SELECT * INTO r FROM @extschema@.inspection_summary(annual_report.area, cur);
    seq := seq + 1; section := '双随机抽查'; indicator := '抽查企业'; value := r.checks; unit := '家';
    prev_value := NULL; change := NULL; detail := pg_catalog.format('抽取%s次，已检查%s家', r.draws, r.inspected);
    RETURN NEXT;
    seq := seq + 1; indicator := '发现问题企业'; value := r.with_problems; detail := NULL; RETURN NEXT;
    seq := seq + 1; indicator := '问题发现率'; value := r.problem_rate; unit := '%'; RETURN NEXT;

    -- ===== 行政执法 =====
    SELECT * INTO r FROM @extschema@.enforcement_summary(annual_report.area, cur);
    seq := seq + 1; section := '行政执法'; indicator := '行政处罚案件'; value := r.cases; unit := '件';
    prev_value := r.prev_cases; change := r.cases_change; detail := NULL; RETURN NEXT;
    seq := seq + 1; indicator := '罚没金额'; value := r.penalty; unit := '元';
    prev_value := r.prev_penalty; change := r.penalty_change; RETURN NEXT;

    -- ===== 总量指标（倍量替代） =====
    FOR r IN SELECT * FROM @extschema@.offset_summary(annual_report.area, 2, upto) LOOP
        seq := seq + 1; section := '总量指标'; indicator := r.pollutant || '削减量'; value := r.reduction_tpa;
        unit := 't/a'; prev_value := NULL; change := NULL;
        detail := pg_catalog.format('倍量替代可腾出%s t/a，已用于%s个项目，剩余%s t/a',
                                    round(r.freed_tpa, 2), r.projects, round(r.remaining_tpa, 2));
        RETURN NEXT;
    END LOOP;

    -- ===== 审批服务 =====
    FOR r IN SELECT * FROM @extschema@.approval_summary(annual_report.area, cur) LOOP
        seq := seq + 1; section := '审批服务'; indicator := r.kind || r.category; value := r.approvals;
        unit := '件'; prev_value := r.prev_approvals; change := r.change; detail := NULL;
        RETURN NEXT;
    END LOOP;

    -- ===== 重点任务 =====
    FOR r IN SELECT * FROM @extschema@.task_progress(annual_report.area, annual_report.year, upto) LOOP
        seq := seq + 1; section := '重点任务'; indicator := r.program; value := r.done; unit := '项';
        prev_value := NULL; change := NULL;
        detail := pg_catalog.format('完成%s/%s，完成率%s%%', r.done, r.planned, r.share);
        RETURN NEXT;
    END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.annual_report(text, integer, date) IS
    'the annual work summary of an area: one row per indicator (section, indicator, value, unit, value of the same period last year, change phrase, detail) from 1 January to as_of (default 31 December)';
