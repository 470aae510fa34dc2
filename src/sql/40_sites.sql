-- ===================================================================
-- Sites, outfalls and land parcels.
--   eco.outfall_type      HJ 1312-2023 outfall classification (C table)
--   eco.protection_zone   drinking-water source protection zones
--   eco.outfall           入河/入海排污口 with their remediation record
--   eco.outfall_history   every status transition of an outfall
--   eco.land_parcel       construction-land parcels and their soil survey
-- (soil screening of GB 36600 and GB 15618: 45_soil.sql)
-- Every table: row-level security by area (eco.area_visible), registered
-- with pg_extension_config_dump so that user rows survive pg_dump.
-- ===================================================================

-- -------------------------------------------------------------------
-- eco.outfall_type: pass-by-value 2-byte id into the C table of
-- src/core/outfall.c; input by Chinese name at any level.
-- -------------------------------------------------------------------
-- BEGIN GENERATED base type outfall_type: scripts/gen_base_types.py (edit the script, then `make base-types`)
CREATE TYPE @extschema@.outfall_type;

CREATE FUNCTION @extschema@._outfall_type_in(pg_catalog.cstring) RETURNS @extschema@.outfall_type
    AS 'MODULE_PATHNAME', 'outfall_type_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._outfall_type_out(@extschema@.outfall_type) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'outfall_type_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._outfall_type_recv(pg_catalog.internal) RETURNS @extschema@.outfall_type
    AS 'MODULE_PATHNAME', 'outfall_type_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._outfall_type_send(@extschema@.outfall_type) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'outfall_type_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.outfall_type (
    INPUT = @extschema@._outfall_type_in, OUTPUT = @extschema@._outfall_type_out,
    RECEIVE = @extschema@._outfall_type_recv, SEND = @extschema@._outfall_type_send,
    INTERNALLENGTH = 2, PASSEDBYVALUE, ALIGNMENT = int2, STORAGE = plain);
COMMENT ON TYPE @extschema@.outfall_type IS
    'HJ 1312-2023 outfall type at level 1, 2 or 3; input by Chinese name; see eco.outfall_types';
COMMENT ON FUNCTION @extschema@._outfall_type_in(pg_catalog.cstring) IS
    'text input of eco.outfall_type: the Chinese name at level 1, 2 or 3 (22P02 when unknown)';
COMMENT ON FUNCTION @extschema@._outfall_type_out(@extschema@.outfall_type) IS 'text output of eco.outfall_type: the Chinese name';
COMMENT ON FUNCTION @extschema@._outfall_type_recv(pg_catalog.internal) IS
    'binary input of eco.outfall_type: the id in the HJ 1312-2023 table as int2, checked against the C table';
COMMENT ON FUNCTION @extschema@._outfall_type_send(@extschema@.outfall_type) IS 'binary output of eco.outfall_type: the id in the HJ 1312-2023 table as int2';

-- Comparison: by id (order of the HJ 1312 table, each type before its subtypes), through the int2 built-ins.
CREATE FUNCTION @extschema@._outfall_type_eq(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2eq';
CREATE FUNCTION @extschema@._outfall_type_ne(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ne';
CREATE FUNCTION @extschema@._outfall_type_lt(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2lt';
CREATE FUNCTION @extschema@._outfall_type_le(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2le';
CREATE FUNCTION @extschema@._outfall_type_gt(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2gt';
CREATE FUNCTION @extschema@._outfall_type_ge(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2ge';
CREATE FUNCTION @extschema@._outfall_type_cmp(@extschema@.outfall_type, @extschema@.outfall_type) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'btint2cmp';
CREATE FUNCTION @extschema@._outfall_type_hash(@extschema@.outfall_type) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'hashint2';
COMMENT ON FUNCTION @extschema@._outfall_type_eq(@extschema@.outfall_type, @extschema@.outfall_type) IS 'support of = on eco.outfall_type';
COMMENT ON FUNCTION @extschema@._outfall_type_ne(@extschema@.outfall_type, @extschema@.outfall_type) IS 'support of <> on eco.outfall_type';
COMMENT ON FUNCTION @extschema@._outfall_type_lt(@extschema@.outfall_type, @extschema@.outfall_type) IS
    'support of < on eco.outfall_type (order of the HJ 1312 table, each type before its subtypes)';
COMMENT ON FUNCTION @extschema@._outfall_type_le(@extschema@.outfall_type, @extschema@.outfall_type) IS
    'support of <= on eco.outfall_type (order of the HJ 1312 table, each type before its subtypes)';
COMMENT ON FUNCTION @extschema@._outfall_type_gt(@extschema@.outfall_type, @extschema@.outfall_type) IS
    'support of > on eco.outfall_type (order of the HJ 1312 table, each type before its subtypes)';
COMMENT ON FUNCTION @extschema@._outfall_type_ge(@extschema@.outfall_type, @extschema@.outfall_type) IS
    'support of >= on eco.outfall_type (order of the HJ 1312 table, each type before its subtypes)';
COMMENT ON FUNCTION @extschema@._outfall_type_cmp(@extschema@.outfall_type, @extschema@.outfall_type) IS
    'btree comparison of eco.outfall_type (order of the HJ 1312 table, each type before its subtypes)';
COMMENT ON FUNCTION @extschema@._outfall_type_hash(@extschema@.outfall_type) IS 'hash of eco.outfall_type (hash operator class)';

CREATE OPERATOR @extschema@.= (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@._outfall_type_eq, COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR @extschema@.<> (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@._outfall_type_ne, COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR @extschema@.< (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@._outfall_type_lt, COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@._outfall_type_le, COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR @extschema@.> (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@._outfall_type_gt, COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (LEFTARG = @extschema@.outfall_type, RIGHTARG = @extschema@.outfall_type,
    FUNCTION = @extschema@._outfall_type_ge, COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS @extschema@.outfall_type_ops DEFAULT FOR TYPE @extschema@.outfall_type USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=,
    OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@._outfall_type_cmp(@extschema@.outfall_type, @extschema@.outfall_type);
CREATE OPERATOR CLASS @extschema@.outfall_type_hash_ops DEFAULT FOR TYPE @extschema@.outfall_type USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@._outfall_type_hash(@extschema@.outfall_type);

CREATE CAST (text AS @extschema@.outfall_type) WITH INOUT AS ASSIGNMENT;
-- END GENERATED base type outfall_type

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
           CASE WHEN t.verified THEN 'HJ 1312-2023 table'
                ELSE 'catch-all for subtypes not verified in HJ 1312-2023' END AS basis,
           t.aliases
    FROM @extschema@._outfall_type_list() t
    LEFT JOIN @extschema@._outfall_type_list() p ON p.id = t.parent_id
    ORDER BY t.id;
COMMENT ON VIEW @extschema@.outfall_types IS
    'HJ 1312-2023 outfall classification as typed in C: level, parent, and the catch-all ''other'' rows with the unverified names they accept';
GRANT SELECT ON @extschema@.outfall_types TO PUBLIC;

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
CREATE FUNCTION @extschema@._outfall_status_name(status text) RETURNS text
    AS 'MODULE_PATHNAME', 'outfall_status_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_status_name(text) IS
    'canonical name of an outfall status (销号 is 已完成); ERROR 23514 for an unknown status';
CREATE VIEW @extschema@.outfall_lifecycle AS SELECT * FROM @extschema@._outfall_lifecycle_list();
COMMENT ON VIEW @extschema@.outfall_lifecycle IS
    'allowed outfall status transitions: 疑似 → 核查确认 or 非排口 → 整治中 → 已完成 (销号); 核查确认 → 已完成 only for outfalls remediated before the campaign';
GRANT SELECT ON @extschema@.outfall_lifecycle TO PUBLIC;

-- -------------------------------------------------------------------
-- The lists of the family, typed once in C (src/core/outfall.c,
-- src/core/land_parcel.c, src/core/protection_zone.c): views for users, validators for the CHECK
-- constraints (ERROR 23514 naming the value, the accepted list in the hint).
-- -------------------------------------------------------------------
CREATE FUNCTION @extschema@._outfall_status_list(OUT ord integer, OUT status text, OUT also_written text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outfall_status_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@._outfall_status_list() IS 'rows of the C table behind eco.outfall_statuses';
CREATE VIEW @extschema@.outfall_statuses AS SELECT * FROM @extschema@._outfall_status_list();
COMMENT ON VIEW @extschema@.outfall_statuses IS
    'outfall statuses in lifecycle order as typed in C (eco.outfall.status); also_written: further spellings accepted on input (''|'' separated), stored under status';
GRANT SELECT ON @extschema@.outfall_statuses TO PUBLIC;
CREATE FUNCTION @extschema@._outfall_action_list(OUT ord integer, OUT action text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outfall_action_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@._outfall_action_list() IS 'rows of the C table behind eco.outfall_actions';
CREATE VIEW @extschema@.outfall_actions AS SELECT * FROM @extschema@._outfall_action_list();
COMMENT ON VIEW @extschema@.outfall_actions IS
    'remediation actions of an outfall (eco.outfall.action) as typed in C: 取缔, 清理合并, 规范整治';
GRANT SELECT ON @extschema@.outfall_actions TO PUBLIC;
CREATE FUNCTION @extschema@._outfall_status_known(status text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'outfall_status_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_status_known(text) IS
    'true for a status of eco.outfall_statuses as stored; ERROR 23514 otherwise (CHECK constraint of eco.outfall.status)';
CREATE FUNCTION @extschema@._outfall_action_known(action text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'outfall_action_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_action_known(text) IS
    'true for an action of eco.outfall_actions; ERROR 23514 otherwise (CHECK constraint of eco.outfall.action)';

CREATE FUNCTION @extschema@._parcel_survey_status_list(OUT ord integer, OUT survey_status text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'parcel_survey_status_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@._parcel_survey_status_list() IS 'rows of the C table behind eco.parcel_survey_statuses';
CREATE VIEW @extschema@.parcel_survey_statuses AS SELECT * FROM @extschema@._parcel_survey_status_list();
COMMENT ON VIEW @extschema@.parcel_survey_statuses IS
    'soil survey statuses of a land parcel in survey order as typed in C (eco.land_parcel.survey_status): 未开展, 调查中, 报告已编制, 已通过评审';
GRANT SELECT ON @extschema@.parcel_survey_statuses TO PUBLIC;
CREATE FUNCTION @extschema@._parcel_survey_status_known(survey_status text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'parcel_survey_status_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._parcel_survey_status_known(text) IS
    'true for a status of eco.parcel_survey_statuses; ERROR 23514 otherwise (CHECK constraint of eco.land_parcel.survey_status)';

CREATE FUNCTION @extschema@._protection_zone_level_list(OUT ord integer, OUT level text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'protection_zone_level_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@._protection_zone_level_list() IS 'rows of the C table behind eco.protection_zone_levels';
CREATE VIEW @extschema@.protection_zone_levels AS SELECT * FROM @extschema@._protection_zone_level_list();
COMMENT ON VIEW @extschema@.protection_zone_levels IS
    'levels of a drinking-water source protection zone as typed in C (eco.protection_zone.level), innermost first: 一级, 二级, 准保护区';
GRANT SELECT ON @extschema@.protection_zone_levels TO PUBLIC;
CREATE FUNCTION @extschema@._protection_zone_level_known(level text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'protection_zone_level_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._protection_zone_level_known(text) IS
    'true for a level of eco.protection_zone_levels; ERROR 23514 otherwise (CHECK constraint of eco.protection_zone.level)';

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
        level        text NOT NULL
                     CONSTRAINT protection_zone_level_check CHECK (@extschema@._protection_zone_level_known(level)),
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
                          CONSTRAINT outfall_status_check CHECK (@extschema@._outfall_status_known(status)),
        status_date       date NOT NULL DEFAULT CURRENT_DATE,
        action            text CONSTRAINT outfall_action_check CHECK (@extschema@._outfall_action_known(action)),
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
                      CONSTRAINT land_parcel_survey_status_check
                      CHECK (@extschema@._parcel_survey_status_known(survey_status)),
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
    outfall_code text NOT NULL REFERENCES @extschema@.outfall (code) ON UPDATE CASCADE ON DELETE RESTRICT,
    from_status  text NOT NULL,
    to_status    text NOT NULL,
    action       text,
    changed_on   date NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    recorded_by  name NOT NULL DEFAULT CURRENT_USER,
    area         text NOT NULL
);
COMMENT ON TABLE @extschema@.outfall_history IS
    'every status transition (and every change of action) of an outfall, written only by the trigger of eco.outfall';

-- History survives: an outfall with history (status changes or code changes) cannot be deleted (23503); a change of
-- code is itself recorded here, and the history rows follow the outfall to its new code.
CREATE TABLE @extschema@.outfall_code_change (
    id            bigserial PRIMARY KEY,
    outfall_code  text NOT NULL REFERENCES @extschema@.outfall (code) ON UPDATE CASCADE ON DELETE RESTRICT,
    previous_code text NOT NULL,
    changed_on    date NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT pg_catalog.now(),
    recorded_by   name NOT NULL,
    area          text NOT NULL
);
COMMENT ON TABLE @extschema@.outfall_code_change IS
    'every change of an outfall''s code (previous_code -> the code at that time; rows follow later changes by id order), written only by the trigger of eco.outfall';
COMMENT ON COLUMN @extschema@.outfall_code_change.outfall_code IS 'the outfall''s current code (follows later changes)';
COMMENT ON COLUMN @extschema@.outfall_code_change.previous_code IS 'the code the outfall had before this change';

CREATE INDEX protection_zone_area_idx ON @extschema@.protection_zone (area text_pattern_ops);
CREATE INDEX outfall_area_idx ON @extschema@.outfall (area text_pattern_ops);
CREATE INDEX outfall_local_code_idx ON @extschema@.outfall (local_code);
CREATE INDEX outfall_status_idx ON @extschema@.outfall (status);
CREATE INDEX outfall_history_outfall_idx ON @extschema@.outfall_history (outfall_code, changed_on, id);
CREATE INDEX outfall_code_change_outfall_idx ON @extschema@.outfall_code_change (outfall_code, id);
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
    -- '销号' (and the other spellings the C table knows) is stored as 已完成, before the CHECK constraints run.
    NEW.status := @extschema@._outfall_status_name(NEW.status);
    IF TG_OP = 'INSERT' THEN
        PERFORM @extschema@._outfall_check_transition(NEW.code, NULL, NEW.status, NEW.pre_campaign);
        IF NEW.registered_status IS NULL THEN
            NEW.registered_status := NEW.status;
            NEW.registered_action := NEW.action;
        ELSIF (@extschema@._outfall_status_name(NEW.registered_status), NEW.registered_action)
              IS DISTINCT FROM (NEW.status, NEW.action)
              AND NOT pg_catalog.pg_has_role(CURRENT_USER, (SELECT c.relowner FROM pg_catalog.pg_class c
                                                            WHERE c.oid = TG_RELID), 'USAGE') THEN
            -- Only a restore (run by the owner) brings a registration that differs from the status at insertion.
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('the registration of outfall "%s" must be its status and action at insertion',
                                            NEW.code),
                HINT = 'Leave registered_status and registered_action empty: they are filled from status and action.';
        END IF;
        NEW.registered_on := COALESCE(NEW.registered_on, NEW.status_date);
    ELSE
        -- pre_campaign is settled before remediation: once an outfall is past 核查确认, toggling it would move the
        -- outfall between the pre-campaign and the remediated counts without passing through 整治中.
        IF NEW.pre_campaign IS DISTINCT FROM OLD.pre_campaign AND OLD.status NOT IN ('疑似', '核查确认') THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('pre_campaign of outfall "%s" cannot change once it is %s',
                                            OLD.code, OLD.status),
                HINT = 'Set pre_campaign while the outfall is 疑似 or 核查确认.';
        END IF;
        -- The state at registration is where the history starts (eco.outfall_progress reads it): it is not edited.
        IF (NEW.registered_on, NEW.registered_status, NEW.registered_action)
           IS DISTINCT FROM (OLD.registered_on, OLD.registered_status, OLD.registered_action) THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('the registration (registered_on, registered_status, registered_action) of outfall "%s" cannot change',
                                            OLD.code);
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status THEN
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
    'trigger: store the canonical status (销号 = 已完成), check the lifecycle transition, that pre_campaign is not changed past 核查确认 and that the registered_* columns are not changed (ERROR 23514), date it, fill the stage dates and the registered_* columns';

-- History is written only by this trigger: it is SECURITY DEFINER (the history table grants no INSERT to other
-- roles), owned by the extension's owner, with a pinned search_path; nobody else may execute it, and it refuses to
-- run as any trigger but outfall_log of eco.outfall.  recorded_by is the role the session acts as (SET ROLE or the
-- session user), since CURRENT_USER is the owner here.
CREATE FUNCTION @extschema@._outfall_log() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    who name;
BEGIN
    IF TG_RELID <> '@extschema@.outfall'::pg_catalog.regclass::pg_catalog.oid OR TG_NAME <> 'outfall_log'
       OR TG_OP <> 'UPDATE' OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = pg_catalog.format('%s is the history trigger of eco.outfall only', TG_NAME);
    END IF;
    who := CASE WHEN pg_catalog.current_setting('role') = 'none' THEN SESSION_USER
                ELSE pg_catalog.current_setting('role')::name END;
    IF OLD.code IS DISTINCT FROM NEW.code THEN
        INSERT INTO @extschema@.outfall_code_change (outfall_code, previous_code, changed_on, area, recorded_by)
        VALUES (NEW.code, OLD.code, CURRENT_DATE, NEW.area, who);
    END IF;
    IF OLD.status IS DISTINCT FROM NEW.status OR OLD.action IS DISTINCT FROM NEW.action THEN
        INSERT INTO @extschema@.outfall_history (outfall_code, from_status, to_status, action, changed_on, area, recorded_by)
        VALUES (NEW.code, OLD.status, NEW.status, NEW.action, NEW.status_date, NEW.area, who);
    END IF;
    RETURN NULL;
END
$fn$;
REVOKE ALL ON FUNCTION @extschema@._outfall_log() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@._outfall_log() IS
    'trigger (SECURITY DEFINER, the only writer of eco.outfall_history and eco.outfall_code_change): append a status transition or a change of code';

CREATE TRIGGER outfall_status BEFORE INSERT OR UPDATE ON @extschema@.outfall
    FOR EACH ROW EXECUTE FUNCTION @extschema@._outfall_status();
CREATE TRIGGER outfall_log AFTER UPDATE ON @extschema@.outfall
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.action IS DISTINCT FROM NEW.action
                       OR OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION @extschema@._outfall_log();
COMMENT ON TRIGGER outfall_status ON @extschema@.outfall IS
    'checks each status transition against eco.outfall_lifecycle (ERROR 23514) and dates it';
COMMENT ON TRIGGER outfall_log ON @extschema@.outfall IS
    'appends every change of status or action to eco.outfall_history, every change of code to eco.outfall_code_change';

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
-- History is written only by the lifecycle trigger (eco._outfall_log, SECURITY DEFINER): other roles read it.
GRANT SELECT ON @extschema@.outfall_history TO PUBLIC;
GRANT USAGE ON SEQUENCE @extschema@.protection_zone_id_seq TO PUBLIC;
REVOKE ALL ON SEQUENCE @extschema@.outfall_history_id_seq FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_code_change', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_code_change_id_seq', '');
ALTER TABLE @extschema@.outfall_code_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY outfall_code_change_by_area ON @extschema@.outfall_code_change
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
COMMENT ON POLICY outfall_code_change_by_area ON @extschema@.outfall_code_change IS
    'rows of the areas granted to the role in eco.area_grant (prefix match)';
GRANT SELECT ON @extschema@.outfall_code_change TO PUBLIC;
REVOKE ALL ON SEQUENCE @extschema@.outfall_code_change_id_seq FROM PUBLIC;

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
        IF NOT (%1$s.ST_X(geom) BETWEEN -180 AND 180) OR NOT (%1$s.ST_Y(geom) BETWEEN -90 AND 90) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('nearest_sites: geom must have finite longitude/latitude in range, not %%s',
                                            %1$s.ST_AsText(geom));
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
        ORDER BY o.code, (SELECT l.ord FROM @extschema@._protection_zone_level_list() l WHERE l.level = z.level), z.id
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
    SELECT s.survey_status, count(p.code)
    FROM @extschema@._parcel_survey_status_list() s
    LEFT JOIN @extschema@.land_parcel p
           ON p.survey_status = s.survey_status AND p.change_year = $1 AND p.land_class = 1
    GROUP BY s.ord, s.survey_status
    ORDER BY s.ord
$fn$;
COMMENT ON FUNCTION @extschema@.parcel_survey_summary(integer) IS
    'parcels whose use changes in the year to first-class land (GB 36600 第一类用地), counted by soil survey status (every status listed)';
