-- ===================================================================
-- 0.1.0 -> 0.2.0: one source of truth for the lists of the outfall and
-- land-parcel family (src/sql/40_sites.sql).  The outfall statuses and
-- actions and the soil-survey statuses are typed once in C
-- (src/core/outfall.c, src/core/land_parcel.c): views list them, the CHECK
-- constraints call validators whose errors list them.  The statements equal
-- those of the install script.
-- ===================================================================

-- -------------------------------------------------------------------
-- The lists of the family, typed once in C (src/core/outfall.c,
-- src/core/land_parcel.c): views for users, validators for the CHECK
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

-- The CHECK constraints of the users' tables call the validators instead of repeating the lists (same names; every
-- row of 0.1.0 passed the literal lists, which the C tables equal, so the rows stay valid).
ALTER TABLE @extschema@.outfall
    DROP CONSTRAINT outfall_status_check,
    ADD CONSTRAINT outfall_status_check CHECK (@extschema@._outfall_status_known(status)),
    DROP CONSTRAINT outfall_action_check,
    ADD CONSTRAINT outfall_action_check CHECK (@extschema@._outfall_action_known(action));
ALTER TABLE @extschema@.land_parcel
    DROP CONSTRAINT land_parcel_survey_status_check,
    ADD CONSTRAINT land_parcel_survey_status_check CHECK (@extschema@._parcel_survey_status_known(survey_status));

-- The survey summary reads the list from the C table.
CREATE OR REPLACE FUNCTION @extschema@.parcel_survey_summary(year integer)
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

-- The basis of a verified type names the standard's table.
CREATE OR REPLACE VIEW @extschema@.outfall_types AS
    SELECT t.name::@extschema@.outfall_type AS type, t.id, t.level, p.name AS parent, t.name, t.verified,
           CASE WHEN t.verified THEN 'HJ 1312-2023 table'
                ELSE 'catch-all for subtypes not verified in HJ 1312-2023' END AS basis,
           t.aliases
    FROM @extschema@._outfall_type_list() t
    LEFT JOIN @extschema@._outfall_type_list() p ON p.id = t.parent_id
    ORDER BY t.id;
