-- ===================================================================
-- The bureau's ledgers (台账): rectification, complaints, random
-- inspections (双随机), enforcement, emission reductions and offsets
-- (倍量替代), approvals and tasks, with their summaries.
-- The ledgers' fixed words and the draw generator live in src/core/
-- (ledger_vocabulary.c, inspection_draw.c); the change wording they use is in
-- 50_change_wording.sql.
-- Area: every function that takes an area takes an area-code prefix, and NULL
-- or '' for every area the caller may see ('3201' = the rows whose area starts
-- with 3201).  Row-level security applies inside them (SECURITY INVOKER), so a
-- role only ever counts its own rows (docs/choices.md, "Areas").
-- ===================================================================

-- ---------- random inspections: the draw ----------
CREATE FUNCTION @extschema@._draw_sample(seed bigint, stream bigint, n integer, k integer) RETURNS integer[]
    AS 'MODULE_PATHNAME', 'yoy_draw_sample' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._draw_sample(bigint, bigint, integer, integer) IS
    'k distinct positions out of 1..n in draw order (splitmix64, partial Fisher-Yates); same arguments, same draw';

-- ---------- ledgers ----------
-- The fixed words of the ledgers are typed once, in C (src/core/ledger_vocabulary.c): the CHECK constraints call
-- the validators below, the summaries order their rows by the view.
CREATE FUNCTION @extschema@._ledger_vocabulary_list(OUT list text, OUT ord integer, OUT value text, OUT parent text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'ledger_vocabulary_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;
COMMENT ON FUNCTION @extschema@._ledger_vocabulary_list() IS 'rows of the C table behind eco.ledger_vocabulary';
CREATE VIEW @extschema@.ledger_vocabulary AS SELECT * FROM @extschema@._ledger_vocabulary_list();
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

-- 督察整改: findings of environmental inspections and their rectification.
CREATE TABLE @extschema@.rectification (
    id               bigserial PRIMARY KEY,
    area             text NOT NULL,
    level            text NOT NULL
                     CONSTRAINT rectification_level_check CHECK (@extschema@._ledger_word_known('rectification_level', level)),
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
    channel     text NOT NULL
                CONSTRAINT complaint_channel_check CHECK (@extschema@._ledger_word_known('complaint_channel', channel)),
    category    text NOT NULL
                CONSTRAINT complaint_category_check CHECK (@extschema@._ledger_word_known('complaint_category', category)),
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
    kind       text NOT NULL CONSTRAINT approval_kind_check CHECK (@extschema@._ledger_word_known('approval_kind', kind)),
    category   text NOT NULL,
    action     text,
    project    text,
    decided_on date NOT NULL,
    CONSTRAINT approval_check CHECK (@extschema@._approval_category_known(kind, category))
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
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.id, r.level, r.batch, r.finding, r.responsible_unit, r.deadline,
           CASE WHEN r.closed_on <= $2 THEN r.closed_on END,
           CASE WHEN r.closed_on <= $2 THEN 'closed'
                WHEN r.deadline < $2 THEN 'overdue'
                ELSE 'open' END
    FROM @extschema@.rectification r
    WHERE starts_with(r.area, COALESCE($1, '')) AND $2 IS NOT NULL AND (r.found_on IS NULL OR r.found_on <= $2)
    ORDER BY r.id
$$;
COMMENT ON FUNCTION @extschema@.rectification_status(text, date) IS
    'each finding known on as_of with its status then: closed (closed_on <= as_of), overdue (open past its deadline), open (not yet due, or no deadline)';

CREATE FUNCTION @extschema@.rectification_summary(area text, as_of date)
    RETURNS TABLE (level text, findings bigint, closed bigint, open_not_due bigint, overdue bigint)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT COALESCE(s.level, '合计'), count(*),
           count(*) FILTER (WHERE s.status = 'closed'),
           count(*) FILTER (WHERE s.status = 'open'),
           count(*) FILTER (WHERE s.status = 'overdue')
    FROM @extschema@.rectification_status($1, $2) s
    GROUP BY GROUPING SETS ((s.level), ())
    HAVING $2 IS NOT NULL
    ORDER BY GROUPING(s.level),
             (SELECT v.ord FROM @extschema@._ledger_vocabulary_list() v WHERE v.list = 'rectification_level' AND v.value = s.level)
$$;
COMMENT ON FUNCTION @extschema@.rectification_summary(text, date) IS
    'findings by level (中央/省/市, then 合计): closed, open and not yet due, overdue, as of a date';

-- ---------- complaints ----------
CREATE FUNCTION @extschema@.complaint_summary(area text, period daterange)
    RETURNS TABLE (dimension text, key text, complaints bigint, prev_complaints bigint,
                   change_pct numeric, change text, closed bigint, closure_rate numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
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
               ON starts_with(c.area, COALESCE($1, '')) AND (c.received_on <@ p.cur OR c.received_on <@ p.prev)
        GROUP BY GROUPING SETS ((), (c.channel), (c.category))
    )
    SELECT g.dimension, g.key, g.n, g.n_prev,
           round(@extschema@.pct_change(g.n, g.n_prev), 2),
           @extschema@.change_phrase(g.n, g.n_prev, 'count'),
           g.n_closed, @extschema@.share(g.n_closed, g.n)
    FROM g
    WHERE $2 IS NOT NULL AND (g.dimension = 'total' OR g.key IS NOT NULL AND (g.n > 0 OR g.n_prev > 0))
    ORDER BY array_position(ARRAY['total', 'channel', 'category'], g.dimension),
             (SELECT v.ord FROM @extschema@._ledger_vocabulary_list() v WHERE v.list = 'complaint_' || g.dimension AND v.value = g.key)
$$;
COMMENT ON FUNCTION @extschema@.complaint_summary(text, daterange) IS
    'complaints received in the period, in total, by channel and by category, with the same period last year, the change (count kind) and the share closed by the end of the period';

-- ---------- random inspections (双随机) ----------
CREATE FUNCTION @extschema@.draw_inspections(n integer, seed bigint, area text DEFAULT NULL,
                                             drawn_on date DEFAULT CURRENT_DATE,
                                             inspectors_per_check integer DEFAULT 2)
    RETURNS TABLE (draw_id bigint, seq integer, enterprise_code text, enterprise_name text, inspectors text[])
    LANGUAGE plpgsql VOLATILE
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
    IF n IS NULL OR seed IS NULL OR drawn_on IS NULL OR inspectors_per_check IS NULL THEN
        RETURN;
    END IF;
    draw_inspections.area := COALESCE(draw_inspections.area, '');  -- NULL = every area the caller may see
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
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT count(DISTINCT d.id), count(c.seq), count(c.inspected_on),
           count(*) FILTER (WHERE c.inspected_on IS NOT NULL AND c.problem_found),
           @extschema@.share(count(*) FILTER (WHERE c.inspected_on IS NOT NULL AND c.problem_found),
                             count(c.inspected_on))
    FROM @extschema@.inspection_draw d
    JOIN @extschema@.inspection_check c ON c.draw_id = d.id
    WHERE d.drawn_on <@ $2 AND starts_with(c.area, COALESCE($1, ''))
    HAVING $2 IS NOT NULL
$$;
COMMENT ON FUNCTION @extschema@.inspection_summary(text, daterange) IS
    'random inspections drawn in the period: draws, checks, checks carried out, checks finding problems and the problem rate (% of checks carried out)';

-- ---------- enforcement ----------
CREATE FUNCTION @extschema@.enforcement_summary(area text, period daterange)
    RETURNS TABLE (cases bigint, penalty numeric, prev_cases bigint, prev_penalty numeric,
                   cases_change text, penalty_change text)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    s AS (
        SELECT count(e.id) FILTER (WHERE e.decided_on <@ p.cur) AS n,
               COALESCE(sum(e.penalty) FILTER (WHERE e.decided_on <@ p.cur), 0) AS pen,
               count(e.id) FILTER (WHERE e.decided_on <@ p.prev) AS n_prev,
               COALESCE(sum(e.penalty) FILTER (WHERE e.decided_on <@ p.prev), 0) AS pen_prev
        FROM p LEFT JOIN @extschema@.enforcement_case e
               ON starts_with(e.area, COALESCE($1, '')) AND (e.decided_on <@ p.cur OR e.decided_on <@ p.prev)
    )
    SELECT s.n, s.pen, s.n_prev, s.pen_prev,
           @extschema@.change_phrase(s.n, s.n_prev, 'count'),
           @extschema@.change_phrase(s.pen, s.pen_prev, 'count')
    FROM s
    WHERE $2 IS NOT NULL
$$;
COMMENT ON FUNCTION @extschema@.enforcement_summary(text, daterange) IS
    'penalty cases decided in the period and their total fine (yuan), with the same period last year and the changes';

-- ---------- emission offsets (倍量替代) ----------
CREATE FUNCTION @extschema@.offset_capacity(area text, pollutant text, ratio numeric DEFAULT 2)
    RETURNS numeric
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    red numeric;
    used numeric;
BEGIN
    IF pollutant IS NULL OR ratio IS NULL THEN
        RETURN NULL;
    END IF;
    offset_capacity.area := COALESCE(offset_capacity.area, '');  -- NULL = every area the caller may see
    IF ratio IN ('NaN', 'Infinity', '-Infinity') OR ratio <= 0 THEN
        RAISE EXCEPTION 'ratio must be a finite positive number: %', ratio USING ERRCODE = '22023';
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
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF ratio IS NULL OR as_of IS NULL THEN
        RETURN;
    END IF;
    offset_summary.area := COALESCE(offset_summary.area, '');  -- NULL = every area the caller may see
    IF ratio IN ('NaN', 'Infinity', '-Infinity') OR ratio <= 0 THEN
        RAISE EXCEPTION 'ratio must be a finite positive number: %', ratio USING ERRCODE = '22023';
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
    -- The capacity rows touched below fire this trigger again without a change: nothing to check.
    IF TG_TABLE_NAME = 'emission_reduction' AND TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NULL;
    END IF;
    -- The (area, pollutant) that may have lost cover: the new one of a use (inserted or changed), the old one of a
    -- reduction (deleted or changed, possibly moved to another area or pollutant).
    IF TG_TABLE_NAME = 'offset_use' THEN
        a := NEW.area; p := NEW.pollutant;
    ELSE
        a := OLD.area; p := OLD.pollutant;
    END IF;
    -- Lock the capacity: touch (update in place) every reduction row of the (area, pollutant).  Two transactions
    -- that consume or remove the same capacity conflict on these rows: at READ COMMITTED the second waits and then
    -- sees the first (its next statements take a new snapshot); at REPEATABLE READ and SERIALIZABLE, whose snapshot
    -- cannot see the first, the second fails with a serialization error (40001) instead of over-consuming.
    UPDATE @extschema@.emission_reduction r SET reduction_tpa = r.reduction_tpa
     WHERE r.area = a AND r.pollutant = p;
    -- one check at a time per (area, pollutant), also when there is no reduction row to lock
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
    'trigger: ERROR 23514 when the offset uses of an (area, pollutant) consume more than its reductions; locks the reduction rows (40001 for a concurrent change under REPEATABLE READ or SERIALIZABLE)';
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
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    k AS (SELECT v.parent AS kind, v.value AS category, v.ord FROM @extschema@._ledger_vocabulary_list() v
          WHERE v.list = 'approval_category'),
    c AS (
        SELECT k.kind, k.category, k.ord,
               count(a.id) FILTER (WHERE a.decided_on <@ p.cur) AS n,
               count(a.id) FILTER (WHERE a.decided_on <@ p.prev) AS n_prev
        FROM p CROSS JOIN k
        LEFT JOIN @extschema@.approval a
               ON a.kind = k.kind AND a.category = k.category AND starts_with(a.area, COALESCE($1, ''))
              AND (a.decided_on <@ p.cur OR a.decided_on <@ p.prev)
        GROUP BY k.kind, k.category, k.ord
    )
    SELECT c.kind, c.category, c.n, c.n_prev, @extschema@.change_phrase(c.n, c.n_prev, 'count')
    FROM c
    WHERE $2 IS NOT NULL
    ORDER BY c.ord
$$;
COMMENT ON FUNCTION @extschema@.approval_summary(text, daterange) IS
    'approvals in the period per kind and category (环评 报告书/报告表/登记表备案; 排污许可 重点管理/简化管理/登记管理), with the same period last year';

-- ---------- tasks ----------
CREATE FUNCTION @extschema@.task_progress(area text, year integer, as_of date)
    RETURNS TABLE (program text, planned bigint, done bigint, share numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT t.program, count(*), count(*) FILTER (WHERE t.done_on <= $3),
           @extschema@.share(count(*) FILTER (WHERE t.done_on <= $3), count(*))
    FROM @extschema@.task t
    WHERE starts_with(t.area, COALESCE($1, '')) AND t.plan_year = $2 AND $3 IS NOT NULL
    GROUP BY t.program
    ORDER BY t.program COLLATE "C"
$$;
COMMENT ON FUNCTION @extschema@.task_progress(text, integer, date) IS
    'per programme: items planned for the year, items done by as_of and the share done (%)';
