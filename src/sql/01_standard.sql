-- ===================================================================
-- eco.standard: one edition of a standard ('HJ633-2026', 'GB3095-2012', ...).
-- A literal is parsed once, when the query is planned.
-- ===================================================================
-- BEGIN GENERATED base type standard: scripts/gen_base_types.py (edit the script, then `make base-types`)
CREATE TYPE @extschema@.standard;

CREATE FUNCTION @extschema@._standard_in(pg_catalog.cstring) RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME', 'standard_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._standard_out(@extschema@.standard) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'standard_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._standard_recv(pg_catalog.internal) RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME', 'standard_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._standard_send(@extschema@.standard) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'standard_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.standard (
    INPUT = @extschema@._standard_in, OUTPUT = @extschema@._standard_out,
    RECEIVE = @extschema@._standard_recv, SEND = @extschema@._standard_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.standard IS
    'an edition of a standard, e.g. HJ633-2026; see eco.standards';
COMMENT ON FUNCTION @extschema@._standard_in(pg_catalog.cstring) IS
    'text input of eco.standard: an edition code such as HJ633-2026 or GB 3095-2012 (22P02 when unknown)';
COMMENT ON FUNCTION @extschema@._standard_out(@extschema@.standard) IS 'text output of eco.standard: the edition code';
COMMENT ON FUNCTION @extschema@._standard_recv(pg_catalog.internal) IS
    'binary input of eco.standard: the edition id as int2, checked against the C table';
COMMENT ON FUNCTION @extschema@._standard_send(@extschema@.standard) IS 'binary output of eco.standard: the edition id as int2';

-- Comparison: by id (registry order), through the int2 built-ins.
CREATE FUNCTION @extschema@._standard_eq(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@._standard_ne(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@._standard_lt(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@._standard_le(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@._standard_gt(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@._standard_ge(@extschema@.standard, @extschema@.standard) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@._standard_cmp(@extschema@.standard, @extschema@.standard) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@._standard_hash(@extschema@.standard) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
COMMENT ON FUNCTION @extschema@._standard_eq(@extschema@.standard, @extschema@.standard) IS 'support of = on eco.standard';
COMMENT ON FUNCTION @extschema@._standard_ne(@extschema@.standard, @extschema@.standard) IS 'support of <> on eco.standard';
COMMENT ON FUNCTION @extschema@._standard_lt(@extschema@.standard, @extschema@.standard) IS
    'support of < on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@._standard_le(@extschema@.standard, @extschema@.standard) IS
    'support of <= on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@._standard_gt(@extschema@.standard, @extschema@.standard) IS
    'support of > on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@._standard_ge(@extschema@.standard, @extschema@.standard) IS
    'support of >= on eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@._standard_cmp(@extschema@.standard, @extschema@.standard) IS
    'btree comparison of eco.standard (registry order)';
COMMENT ON FUNCTION @extschema@._standard_hash(@extschema@.standard) IS 'hash of eco.standard (hash operator class)';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@._standard_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@._standard_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@._standard_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@._standard_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@._standard_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.standard, RIGHTARG = @extschema@.standard,
    FUNCTION = @extschema@._standard_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.standard_ops DEFAULT FOR TYPE @extschema@.standard USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@._standard_cmp(@extschema@.standard, @extschema@.standard);
CREATE OPERATOR CLASS @extschema@.standard_hash_ops DEFAULT FOR TYPE @extschema@.standard USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@._standard_hash(@extschema@.standard);

CREATE CAST (text AS @extschema@.standard) WITH INOUT AS ASSIGNMENT;
-- END GENERATED base type standard

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
GRANT SELECT ON @extschema@.standards TO PUBLIC;
