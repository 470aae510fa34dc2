-- ===================================================================
-- The annual work-summary report (年度工作总结): the air summary, one small
-- internal function per section (eco._report_<section>(area, period), the
-- rows of that section in order), and eco.annual_report assembling them.
-- Every object a section reads is installed by the extension itself.
-- ===================================================================

-- ---------- air summary ----------
CREATE FUNCTION @extschema@.air_summary(area text, period daterange)
    RETURNS TABLE (ord integer, indicator text, name_zh text, value numeric, unit text,
                   valid_days integer, days integer, capture numeric,
                   prev_value numeric, prev_valid_days integer, prev_days integer, prev_capture numeric,
                   change numeric, change_phrase text)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    prv daterange;
    std @extschema@.standard;
BEGIN
    IF period IS NULL THEN
        RETURN;
    END IF;
    area := COALESCE(area, '');  -- NULL = every area the caller may see
    PERFORM @extschema@._report_period_check(period);
    prv := @extschema@.same_period_last_year(period);
    -- Both years with the edition in force at the start of the current period, so the change compares like with like.
    std := @extschema@.standard_in_force('GB3095', lower(period));
    RETURN QUERY
    WITH per(tag, r) AS (VALUES ('cur', period), ('prev', prv)),
    -- City values and AQI of each day (eco._air_city_days: HJ 663 city evaluation, the mean of the valid sites);
    -- a good day (优良) is one of AQI level 1 or 2 (the AQI bounds of the levels live in the C table, view
    -- eco.aqi_levels).
    day_aqi AS (
        SELECT per.tag, d.*
        FROM per CROSS JOIN LATERAL @extschema@._air_city_days(air_summary.area, per.r) d
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
    -- Published (rounded) statistics, then the composite index from them (城市环境空气质量排名技术规定,
    -- 环办〔2014〕64号: I_sum = Σ C_i / S_i over the six pollutants; year-on-year changes on the published figures).
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

-- ---------- the sections of the annual report ----------
-- Each takes the area prefix and the report period [1 January, as_of] and returns the rows of its section in order
-- (ord orders the rows within the section; eco.annual_report numbers them).  The year of the report is
-- lower(period); the last day is upper(period) - 1.
-- Every section returns rows of one type, eco._report_row (the row of eco.annual_report with ord in place of seq).
CREATE TYPE @extschema@._report_row AS (
    ord integer, section text, indicator text, value numeric, unit text, prev_value numeric, change text, detail text);
COMMENT ON TYPE @extschema@._report_row IS
    'internal: a row of a section of eco.annual_report (ord orders the rows within the section)';

CREATE FUNCTION @extschema@._report_air(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT s.ord, '大气环境', s.name_zh, s.value, s.unit, s.prev_value, s.change_phrase,
           pg_catalog.format('数据有效率%s%%（%s/%s天），上年同期%s%%', s.capture, s.valid_days, s.days, s.prev_capture)
    FROM @extschema@.air_summary(_report_air.area, _report_air.period) s
    WHERE s.indicator IN ('PM2.5', 'PM10', 'good_days_ratio', 'composite_index')
    ORDER BY s.ord
    $$;
COMMENT ON FUNCTION @extschema@._report_air(text, daterange) IS
    'section 大气环境 of eco.annual_report: the headline indicators of eco.air_summary with their data capture';

CREATE FUNCTION @extschema@._report_water(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH e AS (
        SELECT x.tag, v.section_code, v.water_class, v.target_met, v.main_pollutants_label,
               v.water_class OPERATOR(@extschema@.<=) 'III'::@extschema@.water_class AS good,
               v.water_class OPERATOR(@extschema@.=) '劣V'::@extschema@.water_class AS worst
        FROM (VALUES ('cur', _report_water.period),
                     ('prev', @extschema@.same_period_last_year(_report_water.period))) AS x(tag, per)
        CROSS JOIN LATERAL @extschema@.section_evaluation(lower(x.per)::timestamp, upper(x.per)::timestamp, 1,
                                                          @extschema@.water_default_standard()) v
        JOIN @extschema@.site st ON st.code = v.section_code
        WHERE st.kind = 'water' AND st.target_class IS NOT NULL AND starts_with(st.area, _report_water.area)
    ),
    r AS (
        SELECT count(*) FILTER (WHERE e.tag = 'cur') AS n,
               count(*) FILTER (WHERE e.tag = 'cur' AND e.target_met) AS met,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'cur' AND e.target_met),
                                 count(*) FILTER (WHERE e.tag = 'cur')) AS met_share,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'cur' AND e.good),
                                 count(*) FILTER (WHERE e.tag = 'cur')) AS good_share,
               count(*) FILTER (WHERE e.tag = 'cur' AND e.worst) AS worst,
               count(*) FILTER (WHERE e.tag = 'prev') AS p_n,
               count(*) FILTER (WHERE e.tag = 'prev' AND e.target_met) AS p_met,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'prev' AND e.target_met),
                                 count(*) FILTER (WHERE e.tag = 'prev')) AS p_met_share,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'prev' AND e.good),
                                 count(*) FILTER (WHERE e.tag = 'prev')) AS p_good_share,
               count(*) FILTER (WHERE e.tag = 'prev' AND e.worst) AS p_worst,
               string_agg(e.section_code || '（' || @extschema@.water_class_label(e.water_class)
                          || COALESCE('，' || NULLIF(e.main_pollutants_label, ''), '') || '）', '、'
                          ORDER BY e.section_code) FILTER (WHERE e.tag = 'cur' AND NOT e.target_met) AS failing
        FROM e
    )
    SELECT l.* FROM r CROSS JOIN LATERAL (VALUES
        (1, '水环境', '考核断面', r.n::numeric, '个', r.p_n::numeric, NULL::text, NULL::text),
        (2, '水环境', '达到考核目标断面比例', r.met_share, '%', r.p_met_share,
         @extschema@.change_phrase(r.met_share, r.p_met_share, 'pp_higher_better'),
         pg_catalog.format('%s个断面中%s个达标', r.n, r.met)),
        (3, '水环境', 'Ⅰ～Ⅲ类水质断面比例', r.good_share, '%', r.p_good_share,
         @extschema@.change_phrase(r.good_share, r.p_good_share, 'pp_higher_better'), NULL),
        (4, '水环境', '劣Ⅴ类断面', r.worst, '个', r.p_worst, NULL, NULL),
        (5, '水环境', '未达标断面', r.n - r.met, '个', r.p_n - r.p_met, NULL, r.failing)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_water(text, daterange) IS
    'section 水环境 of eco.annual_report: the assessed sections (eco.site kind water with a target class) by eco.section_evaluation, this year and the same period last year';

CREATE FUNCTION @extschema@._report_outfalls(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN @extschema@.outfall_progress(_report_outfalls.area, upper(_report_outfalls.period) - 1) r ON true
    CROSS JOIN LATERAL (VALUES
        (1, '入河排污口', '排查排污口', r.outfalls::numeric, '个', NULL::numeric, NULL::text,
         pg_catalog.format('排查%s个，其中核查确认非排口%s个、专项行动前已整治%s个、纳入分类整治%s个'
                           '（已完成%s个，整治中%s个）', r.outfalls, r.non_outfalls, r.pre_campaign,
                           r.classified, r.done, r.in_progress)
         || CASE WHEN r.suspected > 0 THEN pg_catalog.format('，尚待核查%s个', r.suspected) ELSE '' END),
        (2, '入河排污口', '核查确认非排口', r.non_outfalls, '个', NULL, NULL, NULL),
        (3, '入河排污口', '专项行动前已整治', r.pre_campaign, '个', NULL, NULL, NULL),
        (4, '入河排污口', '纳入分类整治', r.classified, '个', NULL, NULL, NULL),
        (5, '入河排污口', '已完成整治', r.done, '个', NULL, NULL,
         pg_catalog.format('取缔%s个、清理合并%s个、规范整治%s个', r.done_abolish, r.done_merge, r.done_regularize)),
        (6, '入河排污口', '整治中', r.in_progress, '个', NULL, NULL, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_outfalls(text, daterange) IS
    'section 入河排污口 of eco.annual_report: the outfall survey and remediation stages of eco.outfall_progress on the last day of the period';

CREATE FUNCTION @extschema@._report_sources(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH r AS (
        SELECT count(DISTINCT x.mn) FILTER (WHERE p.tag = 'cur') AS outlets,
               count(*) FILTER (WHERE p.tag = 'cur') AS runs,
               COALESCE(sum(x.hours) FILTER (WHERE p.tag = 'cur'), 0) AS hours,
               count(DISTINCT x.mn) FILTER (WHERE p.tag = 'prev') AS p_outlets,
               COALESCE(sum(x.hours) FILTER (WHERE p.tag = 'prev'), 0) AS p_hours
        FROM (VALUES ('cur', _report_sources.period),
                     ('prev', @extschema@.same_period_last_year(_report_sources.period))) AS p(tag, per)
        CROSS JOIN LATERAL @extschema@.outlet_exceedance_runs(_report_sources.area,
                               tsrange(lower(p.per)::timestamp, upper(p.per)::timestamp)) x
    ),
    o AS (SELECT count(*) AS n FROM @extschema@.outlet o WHERE starts_with(o.area, _report_sources.area))
    SELECT l.* FROM r CROSS JOIN o CROSS JOIN LATERAL (VALUES
        (1, '污染源在线监控', '在线监控排放口', o.n::numeric, '个', NULL::numeric, NULL::text, NULL::text),
        (2, '污染源在线监控', '超标排放口', r.outlets, '个', r.p_outlets,
         NULL, pg_catalog.format('小时均值超标%s次（连续超标时段）', r.runs)),
        (3, '污染源在线监控', '超标小时数', r.hours, '小时', r.p_hours, NULL, NULL)) AS l
    WHERE o.n > 0
    $$;
COMMENT ON FUNCTION @extschema@._report_sources(text, daterange) IS
    'section 污染源在线监控 of eco.annual_report: monitored outlets, outlets with hourly exceedances and exceedance hours (eco.outlet_exceedance_runs); no rows when the area has no monitored outlet';

CREATE FUNCTION @extschema@._report_soil(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT s.ord, '土壤环境', '变更为第一类用地地块（' || s.status || '）', count(p.code)::numeric, '块',
           NULL::numeric, NULL::text, NULL::text
    FROM (VALUES (1, '未开展'), (2, '调查中'), (3, '报告已编制'), (4, '已通过评审')) AS s(ord, status)
    LEFT JOIN @extschema@.land_parcel p
           ON p.survey_status = s.status AND p.change_year = extract(year FROM lower(_report_soil.period))::integer
          AND p.land_class = 1 AND starts_with(p.area, _report_soil.area)
    GROUP BY s.ord, s.status ORDER BY s.ord
    $$;
COMMENT ON FUNCTION @extschema@._report_soil(text, daterange) IS
    'section 土壤环境 of eco.annual_report: parcels changing in the year of the period to first-class land, by survey status';

CREATE FUNCTION @extschema@._report_rectification(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH s AS (SELECT * FROM @extschema@.rectification_summary(_report_rectification.area,
                                                                upper(_report_rectification.period) - 1))
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN s r ON r.level = '合计'
    CROSS JOIN LATERAL (VALUES
        (1, '督察整改', '交办问题', r.findings::numeric, '个', NULL::numeric, NULL::text,
         (SELECT string_agg(s.level || s.findings, '、') FROM s WHERE s.level <> '合计')),
        (2, '督察整改', '已完成整改', r.closed, '个', NULL, NULL, NULL),
        (3, '督察整改', '未到期（整改中）', r.open_not_due, '个', NULL, NULL, NULL),
        (4, '督察整改', '逾期未完成', r.overdue, '个', NULL, NULL, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_rectification(text, daterange) IS
    'section 督察整改 of eco.annual_report: inspection findings by level, closed, open and overdue on the last day of the period (eco.rectification_summary)';

CREATE FUNCTION @extschema@._report_complaints(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH s AS (SELECT * FROM @extschema@.complaint_summary(_report_complaints.area, _report_complaints.period))
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN s r ON r.dimension = 'total'
    CROSS JOIN LATERAL (VALUES
        (1, '信访投诉', '受理信访投诉', r.complaints::numeric, '件', r.prev_complaints::numeric, r.change,
         '按渠道：' || COALESCE((SELECT string_agg(s.key || s.complaints, '、') FROM s
                                  WHERE s.dimension = 'channel' AND s.complaints > 0), '无')
         || '；按类别：' || COALESCE((SELECT string_agg(s.key || s.complaints, '、') FROM s
                                      WHERE s.dimension = 'category' AND s.complaints > 0), '无')),
        (2, '信访投诉', '办结率', r.closure_rate, '%', NULL, NULL, pg_catalog.format('办结%s件', r.closed))) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_complaints(text, daterange) IS
    'section 信访投诉 of eco.annual_report: complaints received (by channel and category, change on last year) and the closure rate (eco.complaint_summary)';

CREATE FUNCTION @extschema@._report_inspections(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN @extschema@.inspection_summary(_report_inspections.area, _report_inspections.period) r ON true
    CROSS JOIN LATERAL (VALUES
        (1, '双随机抽查', '抽查企业', r.checks::numeric, '家', NULL::numeric, NULL::text,
         pg_catalog.format('抽取%s次，已检查%s家', r.draws, r.inspected)),
        (2, '双随机抽查', '发现问题企业', r.with_problems, '家', NULL, NULL, NULL),
        (3, '双随机抽查', '问题发现率', r.problem_rate, '%', NULL, NULL, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_inspections(text, daterange) IS
    'section 双随机抽查 of eco.annual_report: enterprises drawn, with problems and the problem rate (eco.inspection_summary)';

CREATE FUNCTION @extschema@._report_enforcement(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN @extschema@.enforcement_summary(_report_enforcement.area, _report_enforcement.period) r ON true
    CROSS JOIN LATERAL (VALUES
        (1, '行政执法', '行政处罚案件', r.cases::numeric, '件', r.prev_cases::numeric, r.cases_change, NULL::text),
        (2, '行政执法', '罚没金额', r.penalty, '元', r.prev_penalty, r.penalty_change, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_enforcement(text, daterange) IS
    'section 行政执法 of eco.annual_report: penalty cases and amounts with the change on last year (eco.enforcement_summary)';

CREATE FUNCTION @extschema@._report_offsets(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.ordinality::integer, '总量指标', r.pollutant || '削减量', r.reduction_tpa, 't/a', NULL::numeric, NULL::text,
           pg_catalog.format('倍量替代可腾出%s t/a，已用于%s个项目，剩余%s t/a',
                             round(r.freed_tpa, 2), r.projects, round(r.remaining_tpa, 2))
    FROM @extschema@.offset_summary(_report_offsets.area, 2, upper(_report_offsets.period) - 1) WITH ORDINALITY r
    ORDER BY r.ordinality
    $$;
COMMENT ON FUNCTION @extschema@._report_offsets(text, daterange) IS
    'section 总量指标 of eco.annual_report: reductions per pollutant and what doubled offsetting (倍量替代) frees, on the last day of the period (eco.offset_summary)';

CREATE FUNCTION @extschema@._report_approvals(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.ordinality::integer, '审批服务', r.kind || r.category, r.approvals::numeric, '件', r.prev_approvals::numeric,
           r.change, NULL::text
    FROM @extschema@.approval_summary(_report_approvals.area, _report_approvals.period) WITH ORDINALITY r
    ORDER BY r.ordinality
    $$;
COMMENT ON FUNCTION @extschema@._report_approvals(text, daterange) IS
    'section 审批服务 of eco.annual_report: approvals per kind and category with the change on last year (eco.approval_summary)';

CREATE FUNCTION @extschema@._report_tasks(area text, period daterange)
    RETURNS SETOF @extschema@._report_row
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.ordinality::integer, '重点任务', r.program, r.done::numeric, '项', NULL::numeric, NULL::text,
           pg_catalog.format('完成%s/%s，完成率%s%%', r.done, r.planned, r.share)
    FROM @extschema@.task_progress(_report_tasks.area, extract(year FROM lower(_report_tasks.period))::integer,
                                   upper(_report_tasks.period) - 1) WITH ORDINALITY r
    ORDER BY r.ordinality
    $$;
COMMENT ON FUNCTION @extschema@._report_tasks(text, daterange) IS
    'section 重点任务 of eco.annual_report: key tasks done per programme by the last day of the period (eco.task_progress)';

-- ---------- the annual report ----------
CREATE FUNCTION @extschema@.annual_report(area text, year integer, as_of date DEFAULT NULL)
    RETURNS TABLE (seq integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    upto date;
    p daterange;
BEGIN
    IF year IS NULL THEN
        RAISE EXCEPTION 'year is required' USING ERRCODE = '22023';
    END IF;
    PERFORM @extschema@._report_year_check(year);
    area := COALESCE(area, '');  -- NULL = every area the caller may see
    upto := LEAST(COALESCE(as_of, make_date(year, 12, 31)), make_date(year, 12, 31));
    IF upto < make_date(year, 1, 1) THEN
        RAISE EXCEPTION 'as_of % is before the year %', as_of, year USING ERRCODE = '22023';
    END IF;
    p := daterange(make_date(year, 1, 1), upto, '[]');
    RETURN QUERY
    SELECT (row_number() OVER (ORDER BY s.part, s.ord))::integer, s.section, s.indicator, s.value, s.unit,
           s.prev_value, s.change, s.detail
    FROM (SELECT 1 AS part, r.* FROM @extschema@._report_air(area, p) r
          UNION ALL SELECT 2, r.* FROM @extschema@._report_water(area, p) r
          UNION ALL SELECT 3, r.* FROM @extschema@._report_outfalls(area, p) r
          UNION ALL SELECT 4, r.* FROM @extschema@._report_sources(area, p) r
          UNION ALL SELECT 5, r.* FROM @extschema@._report_soil(area, p) r
          UNION ALL SELECT 6, r.* FROM @extschema@._report_rectification(area, p) r
          UNION ALL SELECT 7, r.* FROM @extschema@._report_complaints(area, p) r
          UNION ALL SELECT 8, r.* FROM @extschema@._report_inspections(area, p) r
          UNION ALL SELECT 9, r.* FROM @extschema@._report_enforcement(area, p) r
          UNION ALL SELECT 10, r.* FROM @extschema@._report_offsets(area, p) r
          UNION ALL SELECT 11, r.* FROM @extschema@._report_approvals(area, p) r
          UNION ALL SELECT 12, r.* FROM @extschema@._report_tasks(area, p) r) s
    ORDER BY 1;
END
$$;
COMMENT ON FUNCTION @extschema@.annual_report(text, integer, date) IS
    'the annual work summary of an area: one row per indicator (section, indicator, value, unit, value of the same period last year, change phrase, detail) from 1 January to as_of (default 31 December)';
