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

    -- ===== 污染源在线监控: exceedances of the monitored outlets (HJ 212 hourly data), when the area has any =====
    IF pg_catalog.to_regprocedure('@extschema@.outlet_exceedance_runs(text, tsrange)') IS NOT NULL
       AND EXISTS (SELECT 1 FROM @extschema@.outlet o WHERE starts_with(o.area, annual_report.area)) THEN
        SELECT count(DISTINCT x.mn) FILTER (WHERE x.tag = 'cur') AS outlets,
               count(*) FILTER (WHERE x.tag = 'cur') AS runs,
               COALESCE(sum(x.hours) FILTER (WHERE x.tag = 'cur'), 0) AS hours,
               count(DISTINCT x.mn) FILTER (WHERE x.tag = 'prev') AS p_outlets,
               COALESCE(sum(x.hours) FILTER (WHERE x.tag = 'prev'), 0) AS p_hours
          INTO r
          FROM (SELECT p.tag, e.mn, e.hours
                FROM (VALUES ('cur', cur), ('prev', prv)) AS p(tag, per)
                CROSS JOIN LATERAL @extschema@.outlet_exceedance_runs(annual_report.area,
                                       tsrange(lower(p.per)::timestamp, upper(p.per)::timestamp)) e) x;
        seq := seq + 1; section := '污染源在线监控'; indicator := '在线监控排放口'; unit := '个';
        value := (SELECT count(*) FROM @extschema@.outlet o WHERE starts_with(o.area, annual_report.area));
        prev_value := NULL; change := NULL; detail := NULL; RETURN NEXT;
        seq := seq + 1; indicator := '超标排放口'; value := r.outlets; prev_value := r.p_outlets;
        detail := pg_catalog.format('小时均值超标%s次（连续超标时段）', r.runs); RETURN NEXT;
        seq := seq + 1; indicator := '超标小时数'; value := r.hours; unit := '小时'; prev_value := r.p_hours;
        detail := NULL; RETURN NEXT;
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
