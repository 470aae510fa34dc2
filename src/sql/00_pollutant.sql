-- eco_monitor install script, assembled by the Makefile from src/sql/*.sql.
\echo Use "CREATE EXTENSION eco_monitor CASCADE" to load this file. \quit

-- ===================================================================
-- eco.pollutant: a monitored item (a substance in one medium).
-- Pass-by-value 2-byte id; see the view eco.pollutants.
-- ===================================================================
-- BEGIN GENERATED base type pollutant: scripts/gen_base_types.py (edit the script, then `make base-types`)
CREATE TYPE @extschema@.pollutant;

CREATE FUNCTION @extschema@._pollutant_in(pg_catalog.cstring) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'pollutant_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._pollutant_out(@extschema@.pollutant) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'pollutant_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._pollutant_recv(pg_catalog.internal) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'pollutant_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._pollutant_send(@extschema@.pollutant) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'pollutant_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.pollutant (
    INPUT = @extschema@._pollutant_in, OUTPUT = @extschema@._pollutant_out,
    RECEIVE = @extschema@._pollutant_recv, SEND = @extschema@._pollutant_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.pollutant IS
    'monitored item (air, water or soil); input by code, Chinese or English name, HJ 212 code or CAS number';
COMMENT ON FUNCTION @extschema@._pollutant_in(pg_catalog.cstring) IS
    'text input of eco.pollutant: canonical code, alias, Chinese or English name, HJ 212 or CAS code (22P02 when unknown)';
COMMENT ON FUNCTION @extschema@._pollutant_out(@extschema@.pollutant) IS 'text output of eco.pollutant: the canonical code';
COMMENT ON FUNCTION @extschema@._pollutant_recv(pg_catalog.internal) IS
    'binary input of eco.pollutant: the registry id as int2, checked against the C table';
COMMENT ON FUNCTION @extschema@._pollutant_send(@extschema@.pollutant) IS 'binary output of eco.pollutant: the registry id as int2';

-- Comparison: by id (registry order: air, water, soil), through the int2 built-ins.
CREATE FUNCTION @extschema@._pollutant_eq(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@._pollutant_ne(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@._pollutant_lt(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@._pollutant_le(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@._pollutant_gt(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@._pollutant_ge(@extschema@.pollutant, @extschema@.pollutant) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@._pollutant_cmp(@extschema@.pollutant, @extschema@.pollutant) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@._pollutant_hash(@extschema@.pollutant) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
CREATE FUNCTION @extschema@._pollutant_hash_extended(@extschema@.pollutant, bigint) RETURNS bigint
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2extended';
COMMENT ON FUNCTION @extschema@._pollutant_eq(@extschema@.pollutant, @extschema@.pollutant) IS 'support of = on eco.pollutant';
COMMENT ON FUNCTION @extschema@._pollutant_ne(@extschema@.pollutant, @extschema@.pollutant) IS 'support of <> on eco.pollutant';
COMMENT ON FUNCTION @extschema@._pollutant_lt(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of < on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@._pollutant_le(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of <= on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@._pollutant_gt(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of > on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@._pollutant_ge(@extschema@.pollutant, @extschema@.pollutant) IS
    'support of >= on eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@._pollutant_cmp(@extschema@.pollutant, @extschema@.pollutant) IS
    'btree comparison of eco.pollutant (registry order: air, water, soil)';
COMMENT ON FUNCTION @extschema@._pollutant_hash(@extschema@.pollutant) IS 'hash of eco.pollutant (hash operator class)';
COMMENT ON FUNCTION @extschema@._pollutant_hash_extended(@extschema@.pollutant, bigint) IS
    'seeded 64-bit hash of eco.pollutant (hash operator class, hash partitioning)';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@._pollutant_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@._pollutant_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@._pollutant_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@._pollutant_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@._pollutant_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.pollutant, RIGHTARG = @extschema@.pollutant,
    FUNCTION = @extschema@._pollutant_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.pollutant_ops DEFAULT FOR TYPE @extschema@.pollutant USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@._pollutant_cmp(@extschema@.pollutant, @extschema@.pollutant);
CREATE OPERATOR CLASS @extschema@.pollutant_hash_ops DEFAULT FOR TYPE @extschema@.pollutant USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@._pollutant_hash(@extschema@.pollutant),
    FUNCTION 2 @extschema@._pollutant_hash_extended(@extschema@.pollutant, bigint);

CREATE CAST (text AS @extschema@.pollutant) WITH INOUT AS ASSIGNMENT;
-- END GENERATED base type pollutant

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
GRANT SELECT ON @extschema@.pollutants TO PUBLIC;
