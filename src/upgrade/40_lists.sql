-- ===================================================================
-- 0.1.0 -> 0.2.0: one source of truth for the lists of the outfall and
-- land-parcel family (src/sql/40_sites.sql) and of the ledgers
-- (src/sql/50_report.sql).  The outfall statuses and actions, the
-- soil-survey statuses and the ledgers' fixed words are typed once in C
-- (src/core/outfall.c, land_parcel.c, ledger_vocabulary.c): views list them,
-- the CHECK constraints call validators whose errors list them.  The statements equal
-- those of the install script.
-- ===================================================================

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
ALTER TABLE @extschema@.protection_zone
    DROP CONSTRAINT protection_zone_level_check,
    ADD CONSTRAINT protection_zone_level_check CHECK (@extschema@._protection_zone_level_known(level));

-- The outfalls in protection zones are ordered by the levels of the C table.
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE OR REPLACE FUNCTION @extschema@.outfalls_in_protection_zones()
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

-- ---------- the ledgers' fixed words (src/sql/50_report.sql) ----------
-- The fixed words of the ledgers are typed once, in C (src/core/ledger_vocabulary.c): the CHECK constraints call
-- the validators below, the summaries order their rows by the view.
CREATE FUNCTION @extschema@._ledger_vocabulary(OUT list text, OUT ord integer, OUT value text, OUT parent text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'ledger_vocabulary_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;
COMMENT ON FUNCTION @extschema@._ledger_vocabulary() IS 'rows of the C table behind eco.ledger_vocabulary';
CREATE VIEW @extschema@.ledger_vocabulary AS SELECT * FROM @extschema@._ledger_vocabulary();
COMMENT ON VIEW @extschema@.ledger_vocabulary IS
    'fixed words of the ledgers as typed in C, in the order of the summaries: rectification_level (中央/省/市), complaint_channel, complaint_category, approval_kind, approval_category (parent: its kind)';
GRANT SELECT ON @extschema@.ledger_vocabulary TO PUBLIC;
CREATE FUNCTION @extschema@._ledger_word_known(list text, value text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'ledger_word_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._ledger_word_known(text, text) IS
    'true for a word of the list of eco.ledger_vocabulary; ERROR 23514 otherwise (CHECK constraints of the ledgers), 22023 for an unknown list';
CREATE FUNCTION @extschema@._approval_category_known(kind text, category text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'approval_category_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._approval_category_known(text, text) IS
    'true for a category of the approval kind (eco.ledger_vocabulary); ERROR 23514 otherwise (CHECK constraint of eco.approval)';

ALTER TABLE @extschema@.rectification
    DROP CONSTRAINT rectification_level_check,
    ADD CONSTRAINT rectification_level_check CHECK (@extschema@._ledger_word_known('rectification_level', level));
ALTER TABLE @extschema@.complaint
    DROP CONSTRAINT complaint_channel_check,
    ADD CONSTRAINT complaint_channel_check CHECK (@extschema@._ledger_word_known('complaint_channel', channel)),
    DROP CONSTRAINT complaint_category_check,
    ADD CONSTRAINT complaint_category_check CHECK (@extschema@._ledger_word_known('complaint_category', category));
ALTER TABLE @extschema@.approval
    DROP CONSTRAINT approval_kind_check,
    ADD CONSTRAINT approval_kind_check CHECK (@extschema@._ledger_word_known('approval_kind', kind)),
    DROP CONSTRAINT approval_check,
    ADD CONSTRAINT approval_check CHECK (@extschema@._approval_category_known(kind, category));

-- The summaries order their rows by the C table.
CREATE OR REPLACE FUNCTION @extschema@.rectification_summary(area text, as_of date)
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
    ORDER BY GROUPING(s.level),
             (SELECT v.ord FROM @extschema@._ledger_vocabulary() v WHERE v.list = 'rectification_level' AND v.value = s.level)
$$;
CREATE OR REPLACE FUNCTION @extschema@.complaint_summary(area text, period daterange)
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
             (SELECT v.ord FROM @extschema@._ledger_vocabulary() v WHERE v.list = 'complaint_' || g.dimension AND v.value = g.key)
$$;
CREATE OR REPLACE FUNCTION @extschema@.approval_summary(area text, period daterange)
    RETURNS TABLE (kind text, category text, approvals bigint, prev_approvals bigint, change text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    k AS (SELECT v.parent AS kind, v.value AS category, v.ord FROM @extschema@._ledger_vocabulary() v
          WHERE v.list = 'approval_category'),
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
