
-- ===================================================================
-- Surface water: GB 3838-2002 classes and the national evaluation
-- method 环办〔2011〕22号 (see README, Surface water).
-- ===================================================================

-- eco.water_class: I < II < III < IV < V < 劣V.  Pass-by-value int2 1..6.
-- BEGIN GENERATED base type water_class: scripts/gen_base_types.py (edit the script, then `make base-types`)
CREATE TYPE @extschema@.water_class;

CREATE FUNCTION @extschema@._water_class_in(pg_catalog.cstring) RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME', 'water_class_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_class_out(@extschema@.water_class) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'water_class_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_class_recv(pg_catalog.internal) RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME', 'water_class_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_class_send(@extschema@.water_class) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'water_class_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.water_class (
    INPUT = @extschema@._water_class_in, OUTPUT = @extschema@._water_class_out,
    RECEIVE = @extschema@._water_class_recv, SEND = @extschema@._water_class_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.water_class IS
    'GB 3838-2002 surface-water class, ordered I < II < III < IV < V < 劣V; input III, Ⅲ, 3, Ⅲ类, 劣Ⅴ, worse than V';
COMMENT ON FUNCTION @extschema@._water_class_in(pg_catalog.cstring) IS
    'text input of eco.water_class: III, Ⅲ, 3, Ⅲ类, 劣V, 劣Ⅴ, worse than V (22P02 when unknown)';
COMMENT ON FUNCTION @extschema@._water_class_out(@extschema@.water_class) IS 'text output of eco.water_class: I, II, III, IV, V or 劣V';
COMMENT ON FUNCTION @extschema@._water_class_recv(pg_catalog.internal) IS
    'binary input of eco.water_class: the class number 1 (I) to 6 (劣V) as int2, checked against the C table';
COMMENT ON FUNCTION @extschema@._water_class_send(@extschema@.water_class) IS 'binary output of eco.water_class: the class number 1 (I) to 6 (劣V) as int2';

-- Comparison: by id (I < II < III < IV < V < 劣V, better before worse), through the int2 built-ins.
CREATE FUNCTION @extschema@._water_class_eq(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@._water_class_ne(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@._water_class_lt(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@._water_class_le(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@._water_class_gt(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@._water_class_ge(@extschema@.water_class, @extschema@.water_class) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@._water_class_cmp(@extschema@.water_class, @extschema@.water_class) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@._water_class_hash(@extschema@.water_class) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
CREATE FUNCTION @extschema@._water_class_hash_extended(@extschema@.water_class, bigint) RETURNS bigint
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2extended';
COMMENT ON FUNCTION @extschema@._water_class_eq(@extschema@.water_class, @extschema@.water_class) IS 'support of = on eco.water_class';
COMMENT ON FUNCTION @extschema@._water_class_ne(@extschema@.water_class, @extschema@.water_class) IS 'support of <> on eco.water_class';
COMMENT ON FUNCTION @extschema@._water_class_lt(@extschema@.water_class, @extschema@.water_class) IS
    'support of < on eco.water_class (I < II < III < IV < V < 劣V, better before worse)';
COMMENT ON FUNCTION @extschema@._water_class_le(@extschema@.water_class, @extschema@.water_class) IS
    'support of <= on eco.water_class (I < II < III < IV < V < 劣V, better before worse)';
COMMENT ON FUNCTION @extschema@._water_class_gt(@extschema@.water_class, @extschema@.water_class) IS
    'support of > on eco.water_class (I < II < III < IV < V < 劣V, better before worse)';
COMMENT ON FUNCTION @extschema@._water_class_ge(@extschema@.water_class, @extschema@.water_class) IS
    'support of >= on eco.water_class (I < II < III < IV < V < 劣V, better before worse)';
COMMENT ON FUNCTION @extschema@._water_class_cmp(@extschema@.water_class, @extschema@.water_class) IS
    'btree comparison of eco.water_class (I < II < III < IV < V < 劣V, better before worse)';
COMMENT ON FUNCTION @extschema@._water_class_hash(@extschema@.water_class) IS 'hash of eco.water_class (hash operator class)';
COMMENT ON FUNCTION @extschema@._water_class_hash_extended(@extschema@.water_class, bigint) IS
    'seeded 64-bit hash of eco.water_class (hash operator class, hash partitioning)';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@._water_class_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@._water_class_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@._water_class_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@._water_class_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@._water_class_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.water_class, RIGHTARG = @extschema@.water_class,
    FUNCTION = @extschema@._water_class_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.water_class_ops DEFAULT FOR TYPE @extschema@.water_class USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@._water_class_cmp(@extschema@.water_class, @extschema@.water_class);
CREATE OPERATOR CLASS @extschema@.water_class_hash_ops DEFAULT FOR TYPE @extschema@.water_class USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@._water_class_hash(@extschema@.water_class),
    FUNCTION 2 @extschema@._water_class_hash_extended(@extschema@.water_class, bigint);

CREATE CAST (text AS @extschema@.water_class) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.water_class AS text) WITH INOUT AS ASSIGNMENT;
-- END GENERATED base type water_class
