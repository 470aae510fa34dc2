-- ===================================================================
-- Outputs: what people look at (docs/outputs.md).
--   eco.work_summary        the annual work summary (工作总结) as Markdown, from eco.annual_report
--   eco.*_geojson           RFC 7946 FeatureCollections (WGS 84) of sites, sections, outfalls, parcels
--   eco.aqi_tile            Mapbox vector tile (z, x, y, query_params) for pg_tileserv and Martin
--   eco.*_svg               SVG 1.1 charts: AQI calendar, monthly AQI levels, year-on-year bars, static map
-- Colours and words come from the C tables (eco.aqi_levels, eco.water_class_colors) and the report layer
-- (eco.annual_report, eco.change_phrase); nothing here re-types a standard.
-- PL/pgSQL where a body reads objects of a later install piece (eco.annual_report), so the install order
-- does not matter; PostGIS calls are qualified by the PostGIS schema (DO blocks below).
-- ===================================================================

-- ---------- water class colours (C table in src/core/water.c) ----------
CREATE FUNCTION @extschema@._water_class_color_list(
    OUT water_class text, OUT label text, OUT status text, OUT color_zh text, OUT color_en text, OUT color text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outputs_water_class_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION @extschema@._water_class_color_list() IS 'internal: rows of eco.water_class_colors, from the C tables of src/core/water.c';
CREATE VIEW @extschema@.water_class_colors AS
    SELECT l.water_class::@extschema@.water_class AS water_class, l.label, l.status, l.color_zh, l.color_en, l.color
    FROM @extschema@._water_class_color_list() l;
COMMENT ON VIEW @extschema@.water_class_colors IS
    'GB 3838 section classes with the status word and colour of 环办〔2011〕22号 §2.3 (蓝色 … 红色) and the screen colour (#RRGGBB) used by maps and charts';
GRANT SELECT ON @extschema@.water_class_colors TO PUBLIC;

-- ---------- small text helpers ----------
CREATE FUNCTION @extschema@._xml_escape(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN replace(replace(replace(replace(replace(t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION @extschema@._xml_escape(text) IS 'internal: text escaped for XML/HTML content and attribute values';

CREATE FUNCTION @extschema@.svg_font_family() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN '''Noto Sans CJK SC'', ''Source Han Sans SC'', ''Noto Sans SC'', ''WenQuanYi Micro Hei'', ''Microsoft YaHei'', ''PingFang SC'', ''SimHei'', ''Hiragino Sans GB'', sans-serif';
COMMENT ON FUNCTION @extschema@.svg_font_family() IS
    'font-family list of every chart: CJK fonts of Linux, Windows and macOS first, then the generic sans-serif';

-- Number as a bureau writes it: unit µg/m³ -> 微克/立方米, 元 -> 万元 (2 decimals), t/a kept, counts with their measure word.
CREATE FUNCTION @extschema@._summary_number(v numeric, unit text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT CASE WHEN v IS NULL THEN NULL
                WHEN unit = '元' THEN trim_scale(round(v / 10000, 2))::text || '万元'
                WHEN unit = 'µg/m³' THEN v::text || '微克/立方米'
                WHEN unit = 'mg/m³' THEN v::text || '毫克/立方米'
                WHEN unit = 't/a' THEN trim_scale(v)::text || ' t/a'
                ELSE v::text || COALESCE(unit, '') END
$$;
COMMENT ON FUNCTION @extschema@._summary_number(numeric, text) IS
    'internal: a figure with its unit as written in a work summary (微克/立方米, 万元, t/a, 个/件/家/块/项)';

-- One figure of a summary sentence: label, value and the report's change phrase; when the report has no phrase,
-- a sentence that still reads: 上年同期无可比数据 (no prior value), 上年同期为0 (prior value 0), 同比持平 (both 0).
CREATE FUNCTION @extschema@._summary_figure(label text, v numeric, unit text, prev numeric, change text,
                                            yoy boolean DEFAULT true) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT CASE WHEN v IS NULL THEN label || '无有效监测数据'
                ELSE label || @extschema@._summary_number(v, unit)
                     || CASE WHEN NOT yoy THEN ''
                             WHEN change IS NOT NULL THEN '，' || change
                             WHEN prev IS NULL THEN '，上年同期无可比数据'
                             WHEN prev = 0 AND v = 0 THEN '，同比持平'
                             WHEN prev = 0 THEN '，上年同期为0'
                             ELSE '' END END
$$;
COMMENT ON FUNCTION @extschema@._summary_figure(text, numeric, text, numeric, text, boolean) IS
    'internal: "label value unit，change" of a work summary; the change phrase is the report''s own (eco.change_phrase)';

-- A row of eco.annual_report (as jsonb) as one figure of a summary sentence, under its own indicator name unless
-- label is given.
CREATE FUNCTION @extschema@._summary_row(x jsonb, label text DEFAULT NULL) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT @extschema@._summary_figure(COALESCE(label, x->>'indicator'), (x->>'value')::numeric, x->>'unit',
                                       (x->>'prev_value')::numeric, x->>'change')
$$;
COMMENT ON FUNCTION @extschema@._summary_row(jsonb, text) IS
    'internal: eco._summary_figure of a row of eco.annual_report (value, unit, last year''s value and change phrase)';

-- Last year's figure of a row that is 0 this period: （上年同期3件）; empty when last year had none either.
CREATE FUNCTION @extschema@._summary_prev(x jsonb, measure text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT CASE WHEN (x->>'prev_value')::numeric > 0 THEN '（上年同期' || (x->>'prev_value') || measure || '）' ELSE '' END
$$;
COMMENT ON FUNCTION @extschema@._summary_prev(jsonb, text) IS
    'internal: （上年同期N件） after a nil figure of a work summary, empty when last year''s value is not above 0';

-- The lines of a summary with one more section: its heading numbered after those already there (## 三、title),
-- then its paragraph.
CREATE FUNCTION @extschema@._summary_section(lines text[], title text, para text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT lines || ('## ' || (ARRAY['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'])
                              [1 + (SELECT count(*) FROM unnest(lines) AS l WHERE l LIKE '## %')::integer]
                   || '、' || title) || para
$$;
COMMENT ON FUNCTION @extschema@._summary_section(text[], text, text) IS
    'internal: the lines of a work summary with the next numbered section heading (一、二、…) and its paragraph';

-- ===================================================================
-- The written summary.
-- ===================================================================
CREATE FUNCTION @extschema@.work_summary(area text, year integer, as_of date DEFAULT NULL,
                                         area_name text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    rep jsonb;
    upto date;
    full_year boolean;
    per text;
    upto_zh text;
    who text;
    out text[] := '{}';
    s text[];
    s2 text[];
    t text;
    p text;
    n numeric;
    k numeric;
    r record;
    std @extschema@.standard;
    lim double precision;
    mult numeric;
BEGIN
    IF year IS NULL THEN
        RAISE EXCEPTION 'year is required' USING ERRCODE = '22023';
    END IF;
    -- The figures, once: everything below reads this object (indicator -> row of eco.annual_report).
    SELECT COALESCE(jsonb_object_agg(a.indicator, to_jsonb(a)), '{}')
           || jsonb_build_object('_rows', COALESCE(jsonb_agg(to_jsonb(a) ORDER BY a.seq), '[]'))
      INTO rep
      FROM @extschema@.annual_report(work_summary.area, work_summary.year, work_summary.as_of) a;
    upto := LEAST(COALESCE(as_of, make_date(year, 12, 31)), make_date(year, 12, 31));
    full_year := upto = make_date(year, 12, 31);
    upto_zh := pg_catalog.format('%s年%s月%s日', extract(year FROM upto), extract(month FROM upto), extract(day FROM upto));
    per := CASE WHEN full_year THEN year || '年'
                WHEN upto = (date_trunc('month', upto) + interval '1 month - 1 day')::date
                    THEN CASE WHEN extract(month FROM upto) = 1 THEN year || '年1月'
                              ELSE year || '年1—' || extract(month FROM upto) || '月' END
                ELSE year || '年1月1日至' || extract(month FROM upto) || '月' || extract(day FROM upto) || '日' END;
    who := COALESCE(NULLIF(area_name, ''), '全市');

    out := out || ('# ' || COALESCE(NULLIF(area_name, ''), '') || year || '年生态环境工作总结'
                   || CASE WHEN full_year THEN '' ELSE '（截至' || upto_zh || '）' END);

    -- ===== 大气环境 =====
    IF rep ? 'PM2.5平均浓度' THEN
        s := '{}';
        FOR r IN SELECT x FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '大气环境' LOOP
            s := s || @extschema@._summary_row(r.x);
        END LOOP;
        p := per || '，' || who || array_to_string(s, '；') || '。';
        IF (SELECT bool_and(x->>'value' IS NULL) FROM jsonb_array_elements(rep->'_rows') x
            WHERE x->>'section' = '大气环境') THEN
            p := per || '，' || who || '无有效的环境空气质量监测数据。';
        END IF;
        -- Data capture below 100 %: said once per distinct capture (the report's own detail text).
        FOR r IN SELECT string_agg(x->>'indicator', '、' ORDER BY (x->>'seq')::int) AS inds, x->>'detail' AS d
                 FROM jsonb_array_elements(rep->'_rows') x
                 WHERE x->>'section' = '大气环境' AND x->>'detail' NOT LIKE '数据有效率100.0%（%'
                   AND x->>'value' IS NOT NULL
                 GROUP BY x->>'detail' ORDER BY min((x->>'seq')::int) LOOP
            p := p || r.inds || '的' || r.d || '。';
        END LOOP;
        -- Annual means against the grade II annual limit of GB 3095 (whole years only): 均值超标0.07倍.
        IF full_year THEN
            std := @extschema@.standard_in_force('GB3095', make_date(year, 1, 1));
            s := '{}';
            FOR r IN SELECT c.code, c.name FROM (VALUES (1, 'PM2.5', 'PM2.5平均浓度'), (2, 'PM10', 'PM10平均浓度')) AS c(o, code, name)
                     WHERE (rep->c.name->>'value') IS NOT NULL ORDER BY c.o LOOP
                lim := @extschema@.limit_value(r.code::@extschema@.pollutant, 'year', 2, std);
                mult := @extschema@.gbt8170_round(@extschema@.exceedance_multiple((rep->r.name->>'value')::float8, lim)::numeric, 2);
                s := s || (r.code || '年均浓度' || CASE WHEN mult > 0 THEN '超过二级标准（' || lim || '微克/立方米），均值超标' || mult || '倍'
                                                      ELSE '达到二级标准（' || lim || '微克/立方米）' END);
            END LOOP;
            IF cardinality(s) > 0 THEN
                p := p || '对照' || replace(std::text, 'GB3095', 'GB 3095') || '，' || array_to_string(s, '；') || '。';
            END IF;
        END IF;
        out := @extschema@._summary_section(out, '大气环境', p);
    END IF;

    -- ===== 水环境 =====
    IF rep ? '考核断面' THEN
        n := (rep->'考核断面'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '无考核断面水质评价数据。';
        ELSE
            p := per || '，' || who || n || '个考核断面中，'
                 || @extschema@._summary_row(rep->'达到考核目标断面比例')
                 || '；' || @extschema@._summary_row(rep->'Ⅰ～Ⅲ类水质断面比例');
            k := (rep->'劣Ⅴ类断面'->>'value')::numeric;
            p := p || '；' || CASE WHEN k = 0 THEN '无劣Ⅴ类断面' ELSE '劣Ⅴ类断面' || k || '个' END
                 || CASE WHEN (rep->'劣Ⅴ类断面'->>'prev_value')::numeric = 0 AND k > 0 THEN '（上年同期无）'
                         ELSE @extschema@._summary_prev(rep->'劣Ⅴ类断面', '个') END
                 || '。';
            k := (rep->'未达标断面'->>'value')::numeric;
            p := p || CASE WHEN k = 0 AND n = 1 THEN '该断面达到考核目标。'
                           WHEN k = 0 THEN '所有考核断面均达到考核目标。'
                           ELSE '未达到考核目标的断面' || k || '个：' || COALESCE(rep->'未达标断面'->>'detail', '') || '。' END;
        END IF;
        out := @extschema@._summary_section(out, '水环境', p);
    END IF;

    -- ===== 入河排污口 =====
    IF rep ? '排查排污口' THEN
        n := (rep->'排查排污口'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := '截至' || upto_zh || '，' || who || '尚无入河排污口排查记录。';
        ELSE
            p := '截至' || upto_zh || '，' || who || '入河排污口' || (rep->'排查排污口'->>'detail') || '。';
            k := (rep->'已完成整治'->>'value')::numeric;
            IF k > 0 THEN
                -- the report's breakdown, its zero items left out
                SELECT string_agg(u.e, '、' ORDER BY u.o) INTO t
                  FROM unnest(string_to_array(rep->'已完成整治'->>'detail', '、')) WITH ORDINALITY AS u(e, o)
                 WHERE u.e !~ '[^0-9.]0个$';
                p := '截至' || upto_zh || '，' || who || '入河排污口' || (rep->'排查排污口'->>'detail') || '。'
                     || '已完成整治的' || k || '个排污口中，' || COALESCE(t, '') || '。';
            END IF;
        END IF;
        out := @extschema@._summary_section(out, '入河排污口排查整治', p);
    END IF;

    -- ===== 土壤环境 =====
    IF rep ? '变更为第一类用地地块（未开展）' THEN
        SELECT sum((x->>'value')::numeric),
               array_agg(CASE st WHEN '已通过评审' THEN '已通过评审' WHEN '报告已编制' THEN '已编制调查报告'
                                 WHEN '调查中' THEN '正在调查' ELSE '未开展调查' END || '的' || (x->>'value') || '块'
                         ORDER BY o) FILTER (WHERE (x->>'value')::numeric > 0),
               array_agg(CASE st WHEN '已通过评审' THEN '均已通过评审' WHEN '报告已编制' THEN '均已编制调查报告'
                                 WHEN '调查中' THEN '均在调查中' ELSE '均未开展调查' END ORDER BY o)
                         FILTER (WHERE (x->>'value')::numeric > 0)
          INTO n, s, s2
          FROM (VALUES (1, '已通过评审'), (2, '报告已编制'), (3, '调查中'), (4, '未开展')) AS v(o, st)
          CROSS JOIN LATERAL (SELECT rep->('变更为第一类用地地块（' || v.st || '）') AS x) j;
        IF n = 0 THEN
            p := per || '，' || who || '无变更为第一类用地的地块。';
        ELSIF cardinality(s) = 1 THEN
            p := per || '，' || who || '变更为第一类用地的地块' || n || '块，' || s2[1] || '。';
        ELSE
            p := per || '，' || who || '变更为第一类用地的地块' || n || '块，其中' || array_to_string(s, '、') || '。';
        END IF;
        out := @extschema@._summary_section(out, '土壤环境', p);
    END IF;

    -- ===== 督察整改 =====
    IF rep ? '交办问题' THEN
        n := (rep->'交办问题'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := '截至' || upto_zh || '，' || who || '无生态环境保护督察交办问题。';
        ELSE
            p := '截至' || upto_zh || '，' || who || '累计承接生态环境保护督察交办问题' || n || '个'
                 || COALESCE('（' || NULLIF(rep->'交办问题'->>'detail', '') || '）', '') || '，';
            k := (rep->'已完成整改'->>'value')::numeric;
            IF k = n THEN
                p := p || '已全部完成整改。';
            ELSE
                s := '{}';
                IF k > 0 THEN s := s || ('已完成整改' || k || '个'); END IF;
                IF (rep->'未到期（整改中）'->>'value')::numeric > 0 THEN
                    s := s || ('未到期、正在整改' || (rep->'未到期（整改中）'->>'value') || '个');
                END IF;
                IF (rep->'逾期未完成'->>'value')::numeric > 0 THEN
                    s := s || ('逾期未完成' || (rep->'逾期未完成'->>'value') || '个');
                ELSE
                    s := s || '无逾期未完成问题'::text;
                END IF;
                p := p || array_to_string(s, '，') || '。';
            END IF;
        END IF;
        out := @extschema@._summary_section(out, '督察整改', p);
    END IF;

    -- ===== 信访投诉 =====
    IF rep ? '受理信访投诉' THEN
        n := (rep->'受理信访投诉'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '未受理信访投诉' || @extschema@._summary_prev(rep->'受理信访投诉', '件') || '。';
        ELSE
            p := per || '，' || who || @extschema@._summary_row(rep->'受理信访投诉')
                 || '（' || (rep->'受理信访投诉'->>'detail') || '）'
                 || '；' || (rep->'办结率'->>'detail') || '，办结率' || (rep->'办结率'->>'value') || '%。';
        END IF;
        out := @extschema@._summary_section(out, '信访投诉', p);
    END IF;

    -- ===== 双随机抽查 =====
    IF rep ? '抽查企业' THEN
        n := (rep->'抽查企业'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '未开展“双随机、一公开”抽查。';
        ELSE
            p := per || '，' || who || '开展“双随机、一公开”抽查，共抽查企业' || n || '家（' || (rep->'抽查企业'->>'detail') || '）';
            k := (rep->'发现问题企业'->>'value')::numeric;
            p := p || CASE WHEN (rep->'问题发现率'->>'value') IS NULL THEN '，检查结果尚未录入。'
                           WHEN k = 0 THEN '，未发现问题。'
                           ELSE '，发现问题企业' || k || '家，问题发现率' || (rep->'问题发现率'->>'value') || '%。' END;
        END IF;
        out := @extschema@._summary_section(out, '“双随机、一公开”监管', p);
    END IF;

    -- ===== 行政执法 =====
    IF rep ? '行政处罚案件' THEN
        n := (rep->'行政处罚案件'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '未作出行政处罚' || @extschema@._summary_prev(rep->'行政处罚案件', '件') || '。';
        ELSE
            p := per || '，' || who || @extschema@._summary_row(rep->'行政处罚案件', '办理行政处罚案件')
                 || '；' || @extschema@._summary_row(rep->'罚没金额') || '。';
        END IF;
        out := @extschema@._summary_section(out, '环境执法', p);
    END IF;

    -- ===== 总量指标 =====
    SELECT array_agg(@extschema@._summary_figure(x->>'indicator', (x->>'value')::numeric, x->>'unit', NULL, NULL, false)
                     || '（' || (x->>'detail') || '）' ORDER BY (x->>'seq')::int)
      INTO s FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '总量指标';
    out := @extschema@._summary_section(out, '总量指标',
        CASE WHEN s IS NULL THEN '截至' || upto_zh || '，' || who || '无登记的主要污染物削减量。'
             ELSE '截至' || upto_zh || '，' || who || '主要污染物' || array_to_string(s, '；') || '。' END);

    -- ===== 审批服务 =====
    SELECT array_agg(@extschema@._summary_row(x) ORDER BY (x->>'seq')::int)
             FILTER (WHERE (x->>'value')::numeric > 0),
           array_agg((x->>'indicator') || '上年同期' || (x->>'prev_value') || (x->>'unit') ORDER BY (x->>'seq')::int)
             FILTER (WHERE (x->>'value')::numeric = 0 AND (x->>'prev_value')::numeric > 0)
      INTO s, s2 FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '审批服务';
    out := @extschema@._summary_section(out, '审批服务',
        (CASE WHEN s IS NULL THEN per || '，' || who || '未办理环评审批和排污许可事项'
              ELSE per || '，' || who || '办理' || array_to_string(s, '；') END
         || COALESCE('（本期未办理' || array_to_string(s2, '、') || '）', '') || '。'));

    -- ===== 重点任务 =====
    SELECT array_agg((x->>'indicator') || (x->>'detail') ORDER BY (x->>'seq')::int)
      INTO s FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '重点任务';
    out := @extschema@._summary_section(out, '重点任务',
        CASE WHEN s IS NULL THEN per || '，' || who || '无列入计划的重点任务。'
             ELSE per || '，' || who || '重点任务进展：' || array_to_string(s, '；') || '。' END);

    RETURN array_to_string(out, E'\n\n') || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.work_summary(text, integer, date, text) IS
    'the annual (or year-to-date, as_of) work summary (工作总结) of an area prefix as Markdown: one paragraph per section, every figure from eco.annual_report with its year-on-year phrase as the report gives it; area_name names the area in the text (default 全市)';

-- ===================================================================
-- Daily AQI of a site or a city (calendar, monthly bars).
-- A site code gives that site's rows of eco.air_daily; any other text is an area prefix whose city value of a
-- day is eco._air_city_days (the rule of eco.air_summary, HJ 663).  Colour and category from eco.aqi_levels.
-- ===================================================================
CREATE FUNCTION @extschema@.daily_aqi_series(site_or_area text, period daterange)
    RETURNS TABLE (day date, aqi integer, level integer, category text, color text, primary_pollutants text[])
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF period IS NULL THEN
        RETURN;
    END IF;
    site_or_area := COALESCE(site_or_area, '');  -- NULL = every area the caller may see
    PERFORM @extschema@._report_period_check(period);
    IF EXISTS (SELECT 1 FROM @extschema@.site s WHERE s.code = site_or_area AND s.kind = 'air') THEN
        RETURN QUERY
            SELECT a.day, a.aqi, a.aqi_level, a.aqi_category, l.color, a.primary_pollutants
            FROM @extschema@.air_daily a
            LEFT JOIN @extschema@._aqi_level_list() l ON l.standard = a.aqi_standard::text AND l.level = a.aqi_level
            WHERE a.site_code = site_or_area AND a.day <@ period
            ORDER BY a.day;
    ELSE
        RETURN QUERY
            SELECT c.day, c.aqi, c.aqi_level, c.category, c.color, c.primary_pollutants
            FROM @extschema@._air_city_days(site_or_area, period) c
            ORDER BY c.day;
    END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.daily_aqi_series(text, daterange) IS
    'daily AQI, level, category and official colour of an air site (its code) or of a city (an area prefix: mean of the valid site values of each day, as eco.air_summary) over a period';

-- ===================================================================
-- Charts (SVG 1.1).  Integer or one-decimal coordinates written by SQL: same data, same bytes.
-- ===================================================================
CREATE FUNCTION @extschema@._svg_open(w integer, h integer, title text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT '<?xml version="1.0" encoding="UTF-8"?>' || E'\n'
        || pg_catalog.format('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" font-size="12">',
                             w, h, w, h, @extschema@._xml_escape(@extschema@.svg_font_family())) || E'\n'
        || '<title>' || @extschema@._xml_escape(title) || '</title>' || E'\n'
        || pg_catalog.format('<rect x="0" y="0" width="%s" height="%s" fill="#FFFFFF"/>', w, h) || E'\n'
        || pg_catalog.format('<text x="%s" y="24" text-anchor="middle" font-size="16" font-weight="bold" fill="#222222">%s</text>',
                             w / 2, @extschema@._xml_escape(title)) || E'\n'
$$;
COMMENT ON FUNCTION @extschema@._svg_open(integer, integer, text) IS 'internal: XML declaration, svg root (fonts), white background and title of a chart';

-- Legend of the six AQI levels (and "no data") in one row from (x, y).
CREATE FUNCTION @extschema@._svg_aqi_legend(x integer, y integer, standard @extschema@.standard) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT string_agg(pg_catalog.format('<rect x="%s" y="%s" width="14" height="14" fill="%s" stroke="#999999" stroke-width="0.5"/><text x="%s" y="%s" fill="#333333">%s</text>',
                                        x + (l.level - 1) * 84, y, l.color, x + (l.level - 1) * 84 + 18, y + 12,
                                        @extschema@._xml_escape(l.category_zh)), E'\n' ORDER BY l.level)
        || E'\n' || pg_catalog.format('<rect x="%s" y="%s" width="14" height="14" fill="#EEEEEE" stroke="#999999" stroke-width="0.5"/><text x="%s" y="%s" fill="#333333">无数据</text>',
                                      x + 6 * 84, y, x + 6 * 84 + 18, y + 12) || E'\n'
    FROM @extschema@._aqi_level_list() l WHERE l.standard = $3::text
$$;
COMMENT ON FUNCTION @extschema@._svg_aqi_legend(integer, integer, @extschema@.standard) IS 'internal: AQI level legend (eco.aqi_levels colours and categories)';

CREATE FUNCTION @extschema@.aqi_calendar_svg(site_or_area text, year integer, title text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    cells text;
    labels text;
    d0 date;
    d1 date;
BEGIN
    IF year IS NULL THEN
        RAISE EXCEPTION 'year is required' USING ERRCODE = '22023';
    END IF;
    PERFORM @extschema@._report_year_check(year);
    d0 := make_date(year, 1, 1);
    d1 := make_date(year, 12, 31);
    -- One row per month (y = 50 + 20 (month - 1)), one column per day of the month (x = 60 + 18 (day - 1)).
    SELECT string_agg(pg_catalog.format('<rect x="%s" y="%s" width="17" height="19" fill="%s"><title>%s %s</title></rect>',
                                        60 + 18 * (extract(day FROM c.d)::int - 1),
                                        50 + 20 * (extract(month FROM c.d)::int - 1),
                                        COALESCE(s.color, '#EEEEEE'), to_char(c.d, 'YYYY-MM-DD'),
                                        CASE WHEN s.aqi IS NULL THEN '无数据'
                                             ELSE 'AQI ' || s.aqi || ' ' || @extschema@._xml_escape(s.category) END),
                      E'\n' ORDER BY c.d)
      INTO cells
      FROM (SELECT g::date AS d FROM generate_series(d0::timestamp, d1::timestamp, interval '1 day') g) c
      LEFT JOIN @extschema@.daily_aqi_series(site_or_area, daterange(d0, d1, '[]')) s ON s.day = c.d;
    SELECT string_agg(pg_catalog.format('<text x="54" y="%s" text-anchor="end" fill="#333333">%s月</text>', 50 + 20 * (m - 1) + 14, m),
                      E'\n' ORDER BY m)
           || E'\n' ||
           string_agg(pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>',
                                        60 + 18 * (m - 1) + 9, m), E'\n' ORDER BY m)
           || E'\n' ||
           string_agg(pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>',
                                        60 + 18 * (m + 12 - 1) + 9, m + 12), E'\n' ORDER BY m) FILTER (WHERE m <= 19)
      INTO labels FROM generate_series(1, 12) m;
    RETURN @extschema@._svg_open(640, 340, COALESCE(title, concat_ws(' ', NULLIF(site_or_area, ''), year || '年空气质量日历')))
        || labels || E'\n'
        || pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>', 60 + 18 * 24 + 9, 25) || E'\n'
        || (SELECT string_agg(pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>',
                                                60 + 18 * (k - 1) + 9, k), E'\n' ORDER BY k) FROM generate_series(26, 31) k) || E'\n'
        || '<g stroke="none">' || E'\n' || cells || E'\n' || '</g>' || E'\n'
        || @extschema@._svg_aqi_legend(60, 300, @extschema@.standard_in_force('HJ633', d1))
        || '</svg>' || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.aqi_calendar_svg(text, integer, text) IS
    'AQI calendar of a year as an SVG 1.1 document: one cell per day (rows = months, columns = days) in the official colour of its AQI level (eco.aqi_levels), grey without data; for an air site (its code) or a city (area prefix, see eco.daily_aqi_series)';

CREATE FUNCTION @extschema@.aqi_monthly_svg(site_or_area text, year integer, title text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    bars text;
    axis text;
    d0 date;
    d1 date;
BEGIN
    IF year IS NULL THEN
        RAISE EXCEPTION 'year is required' USING ERRCODE = '22023';
    END IF;
    PERFORM @extschema@._report_year_check(year);
    d0 := make_date(year, 1, 1);
    d1 := make_date(year, 12, 31);
    -- Plot area x 60..620, y 50..298 (31 days = 248 px, 8 px a day); bar m at x = 60 + 46 (m - 1) + 8, 30 wide;
    -- levels stacked from the bottom, level 1 first.
    SELECT string_agg(pg_catalog.format('<rect x="%s" y="%s" width="30" height="%s" fill="%s"><title>%s月 %s %s天</title></rect>',
                                        68 + 46 * (b.m - 1), 298 - 8 * b.cum, 8 * b.n, b.color, b.m,
                                        @extschema@._xml_escape(b.category), b.n), E'\n' ORDER BY b.m, b.level)
      INTO bars
      FROM (SELECT c.m, c.level, c.n, c.color, c.category,
                   sum(c.n) OVER (PARTITION BY c.m ORDER BY c.level) AS cum
            FROM (SELECT extract(month FROM s.day)::int AS m, s.level, count(*) AS n, min(s.color) AS color,
                         min(s.category) AS category
                  FROM @extschema@.daily_aqi_series(site_or_area, daterange(d0, d1, '[]')) s
                  WHERE s.level IS NOT NULL
                  GROUP BY 1, 2) c) b;
    SELECT string_agg(pg_catalog.format('<line x1="60" y1="%s" x2="620" y2="%s" stroke="#DDDDDD" stroke-width="1"/><text x="54" y="%s" text-anchor="end" fill="#666666">%s</text>',
                                        298 - 8 * k, 298 - 8 * k, 298 - 8 * k + 4, k), E'\n' ORDER BY k)
      INTO axis FROM generate_series(0, 30, 10) k;
    RETURN @extschema@._svg_open(640, 360, COALESCE(title, concat_ws(' ', NULLIF(site_or_area, ''), year || '年各月空气质量级别天数')))
        || axis || E'\n'
        || '<text x="20" y="174" text-anchor="middle" fill="#666666" transform="rotate(-90 20 174)">天数</text>' || E'\n'
        || (SELECT string_agg(pg_catalog.format('<text x="%s" y="316" text-anchor="middle" fill="#333333">%s月</text>',
                                                83 + 46 * (m - 1), m), E'\n' ORDER BY m) FROM generate_series(1, 12) m) || E'\n'
        || '<g stroke="none">' || E'\n' || COALESCE(bars || E'\n', '') || '</g>' || E'\n'
        || '<line x1="60" y1="298" x2="620" y2="298" stroke="#333333" stroke-width="1"/>' || E'\n'
        || @extschema@._svg_aqi_legend(60, 330, @extschema@.standard_in_force('HJ633', d1))
        || '</svg>' || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.aqi_monthly_svg(text, integer, text) IS
    'monthly stacked bars of the days at each AQI level (official colours, eco.aqi_levels) as an SVG 1.1 document, for an air site or a city (area prefix)';

CREATE FUNCTION @extschema@.report_yoy_svg(area text, year integer, as_of date DEFAULT NULL, title text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    rows_svg text;
    n integer;
BEGIN
    IF year IS NULL THEN
        RAISE EXCEPTION 'year is required' USING ERRCODE = '22023';
    END IF;
    -- Headline indicators: the report's air and water figures that have both years and a change phrase.
    -- One block per indicator (46 px): last year (grey) and this year (blue), each scaled to the larger of the two
    -- (bars up to 260 px from x = 220), the values at the bar ends and the report's change phrase on the right.
    WITH h AS (
        SELECT row_number() OVER (ORDER BY a.seq)::int AS i, a.indicator, a.value, a.prev_value, a.unit, a.change
        FROM @extschema@.annual_report(report_yoy_svg.area, report_yoy_svg.year, report_yoy_svg.as_of) a
        WHERE a.section IN ('大气环境', '水环境') AND a.value IS NOT NULL AND a.prev_value IS NOT NULL
          AND a.change IS NOT NULL
    ), b AS (
        SELECT h.*, 60 + 46 * (h.i - 1) AS y, GREATEST(abs(h.value), abs(h.prev_value)) AS mx FROM h
    )
    SELECT count(*), string_agg(
        pg_catalog.format('<text x="212" y="%s" text-anchor="end" fill="#222222">%s</text>', b.y + 18, @extschema@._xml_escape(b.indicator)) || E'\n'
     || pg_catalog.format('<rect x="220" y="%s" width="%s" height="16" fill="#A0A0A0"/><text x="%s" y="%s" fill="#555555" font-size="11">%s</text>',
                          b.y, round(CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.prev_value) / b.mx END, 1),
                          round(224 + CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.prev_value) / b.mx END, 1), b.y + 13,
                          b.prev_value || COALESCE(b.unit, '')) || E'\n'
     || pg_catalog.format('<rect x="220" y="%s" width="%s" height="16" fill="#1F6FB4"/><text x="%s" y="%s" fill="#1F3F64" font-size="11">%s</text>',
                          b.y + 18, round(CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.value) / b.mx END, 1),
                          round(224 + CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.value) / b.mx END, 1), b.y + 31,
                          b.value || COALESCE(b.unit, '')) || E'\n'
     || pg_catalog.format('<text x="600" y="%s" fill="%s">%s</text>', b.y + 22,
                          CASE WHEN b.change LIKE '%改善%' THEN '#008A00' WHEN b.change LIKE '%恶化%' THEN '#C00000' ELSE '#333333' END,
                          @extschema@._xml_escape(b.change)),
        E'\n' ORDER BY b.i)
      INTO n, rows_svg FROM b;
    RETURN @extschema@._svg_open(760, 80 + 46 * GREATEST(n, 1),
                                 COALESCE(title, year || '年主要指标同比' || CASE WHEN as_of IS NULL THEN '' ELSE '（截至' || to_char(LEAST(as_of, make_date(year, 12, 31)), 'YYYY-MM-DD') || '）' END))
        || pg_catalog.format('<rect x="220" y="34" width="12" height="10" fill="#A0A0A0"/><text x="236" y="44" fill="#333333">%s年</text>', year - 1) || E'\n'
        || pg_catalog.format('<rect x="300" y="34" width="12" height="10" fill="#1F6FB4"/><text x="316" y="44" fill="#333333">%s年</text>', year) || E'\n'
        || COALESCE(rows_svg || E'\n', '<text x="380" y="80" text-anchor="middle" fill="#666666">无可比数据</text>' || E'\n')
        || '</svg>' || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.report_yoy_svg(text, integer, date, text) IS
    'year-on-year bar chart (SVG 1.1) of the headline air and water indicators of eco.annual_report: last year and this year per indicator with the report''s change phrase';

-- ===================================================================
-- Maps: RFC 7946 GeoJSON and Mapbox vector tiles.
-- Storage is CGCS2000 (SRID 4490); output is WGS 84 (RFC 7946 §4), the frames agreeing to a few centimetres
-- (as eco.site states): coordinates are relabelled, never shifted.  Longitude, latitude with 6 decimals
-- (about 0.1 m); polygons with the right-hand rule (RFC 7946 §3.1.6); no "crs" member.
-- The bodies name PostGIS by its schema: written with @pg@ and created by this DO block.
-- ===================================================================
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@._geojson_geometry(geom @pg@.geometry) RETURNS json
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        RETURN @pg@.ST_AsGeoJSON(@pg@.ST_ForcePolygonCCW(@pg@.ST_SetSRID(geom, 4326)), 6)::json
    $sql$, '@pg@', g);
    EXECUTE replace($sql$
    COMMENT ON FUNCTION @extschema@._geojson_geometry(@pg@.geometry) IS
        'internal: RFC 7946 geometry of a CGCS2000 geometry (WGS 84 longitude/latitude, 6 decimals, counter-clockwise exterior rings)'
    $sql$, '@pg@', g);
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@._geojson_feature(id text, geom @pg@.geometry, properties json) RETURNS json
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        RETURN json_build_object('type', 'Feature', 'id', id, 'geometry', @extschema@._geojson_geometry(geom),
                                 'properties', properties)
    $sql$, '@pg@', g);
    EXECUTE replace($sql$
    COMMENT ON FUNCTION @extschema@._geojson_feature(text, @pg@.geometry, json) IS
        'internal: an RFC 7946 Feature of the GeoJSON functions (id, geometry as eco._geojson_geometry, properties)'
    $sql$, '@pg@', g);

    -- Air sites with the day's AQI.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.sites_geojson(day date, area text DEFAULT NULL) RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT s.code, @extschema@._geojson_feature(s.code, s.geom, json_build_object(
                      'code', s.code, 'name', s.name, 'area', s.area, 'control_level', s.control_level,
                      'day', $1, 'aqi', a.aqi, 'level', a.aqi_level, 'category', a.aqi_category,
                      'color', l.color, 'primary_pollutants', a.primary_pollutants, 'standard', a.aqi_standard::text)) AS feature
              FROM @extschema@.site s
              LEFT JOIN @extschema@.air_daily a ON a.site_code = s.code AND a.day = $1
              LEFT JOIN @extschema@._aqi_level_list() l ON l.standard = a.aqi_standard::text AND l.level = a.aqi_level
              WHERE s.kind = 'air' AND s.geom IS NOT NULL AND starts_with(s.area, COALESCE($2, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Water sections with the class of a year.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.sections_geojson(year integer, area text DEFAULT NULL) RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT s.code, @extschema@._geojson_feature(s.code, s.geom, json_build_object(
                      'code', s.code, 'name', s.name, 'area', s.area, 'control_level', s.control_level,
                      'water_body', s.water_body, 'year', $1,
                      'target_class', @extschema@.water_class_label(s.target_class),
                      'class', @extschema@.water_class_label(e.water_class), 'status', e.status,
                      'color', c.color, 'target_met', e.target_met, 'main_pollutants', NULLIF(e.main_pollutants_label, ''),
                      'samples', e.samples)) AS feature
              FROM @extschema@.site s
              LEFT JOIN @extschema@.section_evaluation(make_date($1, 1, 1)::timestamp, make_date($1 + 1, 1, 1)::timestamp) e
                     ON e.section_code = s.code
              LEFT JOIN @extschema@.water_class_colors c ON c.water_class OPERATOR(@extschema@.=) e.water_class
              WHERE s.kind = 'water' AND s.geom IS NOT NULL AND starts_with(s.area, COALESCE($2, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Outfalls with type, status and remediation action.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.outfalls_geojson(area text DEFAULT NULL) RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT o.code, @extschema@._geojson_feature(o.code, o.geom, json_build_object(
                      'code', o.code, 'name', o.name, 'area', o.area, 'outfall_kind', o.outfall_kind,
                      'receiving_water', o.receiving_water, 'type', o.type::text,
                      'type_level1', @extschema@.outfall_type_level1(o.type)::text,
                      'status', o.status, 'action', o.action,
                      'stage', o.status || COALESCE('（' || o.action || '）', ''), 'status_date', o.status_date,
                      'pre_campaign', o.pre_campaign)) AS feature
              FROM @extschema@.outfall o
              WHERE o.geom IS NOT NULL AND starts_with(o.area, COALESCE($1, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Land parcels with their soil survey status.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.parcels_geojson(area text DEFAULT NULL) RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT p.code, @extschema@._geojson_feature(p.code, p.geom, json_build_object(
                      'code', p.code, 'name', p.name, 'area', p.area, 'current_use', p.current_use,
                      'planned_use', p.planned_use, 'land_class', p.land_class, 'change_year', p.change_year,
                      'survey_status', p.survey_status)) AS feature
              FROM @extschema@.land_parcel p
              WHERE p.geom IS NOT NULL AND starts_with(p.area, COALESCE($1, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Vector tile: layers "sites" (air sites, the day's AQI) and "outfalls", features in code order (same data, same bytes).
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.aqi_tile(z integer, x integer, y integer, query_params json DEFAULT NULL)
        RETURNS bytea
        LANGUAGE plpgsql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        env @pg@.geometry;
        box @pg@.geometry;
        d date;
        a text := COALESCE(query_params->>'area', '');
        sites bytea;
        outfalls bytea;
    BEGIN
        IF z IS NULL OR x IS NULL OR y IS NULL THEN
            RETURN NULL;
        END IF;
        IF z < 0 OR z > 30 OR x < 0 OR y < 0 OR x >= (1::bigint << z) OR y >= (1::bigint << z) THEN
            RAISE EXCEPTION USING ERRCODE = '22003',
                MESSAGE = pg_catalog.format('tile %s/%s/%s is out of range', z, x, y),
                HINT = 'z is 0..30, x and y are 0..2^z - 1.';
        END IF;
        BEGIN
            d := (query_params->>'day')::date;
        EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
            RAISE EXCEPTION USING ERRCODE = '22P02',
                MESSAGE = pg_catalog.format('invalid day in query_params: "%s"', query_params->>'day');
        END;
        IF d IS NULL THEN
            SELECT max(ad.day) INTO d FROM @extschema@.air_daily ad WHERE ad.aqi IS NOT NULL;
        END IF;
        env := @pg@.ST_TileEnvelope(z, x, y);
        -- the tile and its 64/4096 buffer, in longitude/latitude (4490) for the GiST indexes
        box := @pg@.ST_SetSRID(@pg@.ST_Transform(@pg@.ST_TileEnvelope(z, x, y, margin => 64.0 / 4096), 4326), 4490);
        SELECT @pg@.ST_AsMVT(t.*, 'sites', 4096, 'geom') INTO sites
        FROM (SELECT @pg@.ST_AsMVTGeom(@pg@.ST_Transform(@pg@.ST_SetSRID(s.geom, 4326), 3857), env, 4096, 64, true) AS geom,
                     s.code, s.name, da.aqi, da.aqi_level AS level, da.aqi_category AS category, l.color, to_char(d, 'YYYY-MM-DD') AS day
              FROM @extschema@.site s
              LEFT JOIN @extschema@.air_daily da ON da.site_code = s.code AND da.day = d
              LEFT JOIN @extschema@._aqi_level_list() l ON l.standard = da.aqi_standard::text AND l.level = da.aqi_level
              WHERE s.kind = 'air' AND s.geom OPERATOR(@pg@.&&) box AND starts_with(s.area, a)
              ORDER BY s.code) t
        WHERE t.geom IS NOT NULL;
        SELECT @pg@.ST_AsMVT(t.*, 'outfalls', 4096, 'geom') INTO outfalls
        FROM (SELECT @pg@.ST_AsMVTGeom(@pg@.ST_Transform(@pg@.ST_SetSRID(o.geom, 4326), 3857), env, 4096, 64, true) AS geom,
                     o.code, o.name, o.type::text AS type, o.status, o.action, o.receiving_water
              FROM @extschema@.outfall o
              WHERE o.geom OPERATOR(@pg@.&&) box AND starts_with(o.area, a)
              ORDER BY o.code) t
        WHERE t.geom IS NOT NULL;
        RETURN COALESCE(sites, ''::bytea) || COALESCE(outfalls, ''::bytea);
    END
    $fn$$sql$, '@pg@', g);

    -- The features of GeoJSON layers with their map symbol: a point with a "color" is a circle (air sites, legend =
    -- AQI category) or, with a "class" property, a diamond (water sections, legend = class); a point without
    -- colour is a small grey square (outfalls); polygons are filled with their colour or sand (parcels); lines blue.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@._map_features(layers json[])
        RETURNS TABLE (li bigint, fi bigint, geom @pg@.geometry, symbol text, color text, label text, legend text, legend_order integer)
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT l.li, e.fi, gg.geom, s.symbol, c.color,
               @extschema@._xml_escape(concat_ws(' ', p->>'code', p->>'name', p->>'category', p->>'class', p->>'status',
                                                 p->>'survey_status')),
               CASE s.symbol WHEN 'circle' THEN concat_ws(' ', '空气站', p->>'category')
                             WHEN 'diamond' THEN concat_ws(' ', '断面', p->>'class')
                             WHEN 'square' THEN CASE WHEN p->'outfall_kind' IS NOT NULL THEN '排污口' ELSE '点' END
                             WHEN 'polygon' THEN CASE WHEN p->'survey_status' IS NOT NULL THEN '地块' ELSE '面' END
                             ELSE '线' END,
               CASE s.symbol WHEN 'circle' THEN 100 WHEN 'diamond' THEN 200 WHEN 'square' THEN 300 WHEN 'polygon' THEN 400
                             ELSE 500 END
               + CASE WHEN (p->>'level') ~ '^[0-9]{1,2}$' THEN (p->>'level')::integer ELSE 0 END
        FROM unnest(layers) WITH ORDINALITY AS l(fc, li)
        CROSS JOIN LATERAL (SELECT l.fc::jsonb->'features' AS fs) lf
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(lf.fs) = 'array' THEN lf.fs ELSE '[]' END)
                           WITH ORDINALITY AS e(feat, fi)
        CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(e.feat->'properties') = 'object' THEN e.feat->'properties'
                                        ELSE '{}' END AS p) pp(p)
        CROSS JOIN LATERAL (SELECT @pg@.ST_GeomFromGeoJSON(e.feat->>'geometry') AS geom) gg
        CROSS JOIN LATERAL (SELECT CASE WHEN (p->>'color') ~ '^#[0-9A-Fa-f]{6}$' THEN p->>'color' END AS color) c
        CROSS JOIN LATERAL (SELECT CASE WHEN @pg@.GeometryType(gg.geom) IN ('POLYGON', 'MULTIPOLYGON') THEN 'polygon'
                                        WHEN @pg@.GeometryType(gg.geom) IN ('POINT', 'MULTIPOINT') AND c.color IS NULL THEN 'square'
                                        WHEN @pg@.GeometryType(gg.geom) IN ('POINT', 'MULTIPOINT') AND p->'class' IS NOT NULL THEN 'diamond'
                                        WHEN @pg@.GeometryType(gg.geom) IN ('POINT', 'MULTIPOINT') THEN 'circle'
                                        ELSE 'line' END AS symbol) s
        WHERE jsonb_typeof(e.feat->'geometry') = 'object'
    $fn$$sql$, '@pg@', g);
    EXECUTE replace($sql$
    COMMENT ON FUNCTION @extschema@._map_features(json[]) IS
        'internal: the features of GeoJSON layers for eco.map_svg: geometry, map symbol, colour, tooltip and legend entry'
    $sql$, '@pg@', g);

    -- Static map: layers of GeoJSON drawn as SVG (equirectangular, x scaled by cos of the mid latitude), with a legend.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.map_svg(layers json[], title text DEFAULT NULL, width integer DEFAULT 800,
                                        height integer DEFAULT 600)
        RETURNS text
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        ext @pg@.box2d;
        k double precision;
        kx double precision;
        x0 double precision;
        y1 double precision;
        body text;
        legend text;
        n_items integer;
        per_row integer;
        lh integer;
        bottom integer;
    BEGIN
        IF width IS NULL OR height IS NULL OR width < 100 OR height < 100 OR width > 10000 OR height > 10000 THEN
            RAISE EXCEPTION 'map size must be 100..10000 pixels: % x %', width, height USING ERRCODE = '22023';
        END IF;
        -- Legend: one entry (symbol, colour, words) per distinct kind, 130 px each, as many rows as needed at the bottom.
        per_row := GREATEST(1, (width - 40) / 130);
        SELECT count(*), string_agg(
                   CASE x.symbol
                       WHEN 'circle' THEN pg_catalog.format('<circle cx="%s" cy="%s" r="6" fill="%s" stroke="#333333" stroke-width="1"/>',
                                                            x.lx + 7, x.ly + 7, x.color)
                       WHEN 'diamond' THEN pg_catalog.format('<path d="M %s %s L %s %s L %s %s L %s %s Z" fill="%s" stroke="#333333" stroke-width="1"/>',
                                                             x.lx + 7, x.ly, x.lx + 14, x.ly + 7, x.lx + 7, x.ly + 14, x.lx, x.ly + 7, x.color)
                       WHEN 'square' THEN pg_catalog.format('<rect x="%s" y="%s" width="6" height="6" fill="#444444"/>', x.lx + 4, x.ly + 4)
                       WHEN 'polygon' THEN pg_catalog.format('<rect x="%s" y="%s" width="14" height="10" fill="%s" fill-opacity="0.75" stroke="#7A6A40" stroke-width="1"/>',
                                                             x.lx, x.ly + 2, COALESCE(x.color, '#E8D9A8'))
                       ELSE pg_catalog.format('<path d="M %s %s L %s %s" stroke="#3366AA" stroke-width="1.5"/>', x.lx, x.ly + 7, x.lx + 14, x.ly + 7) END
                   || pg_catalog.format('<text x="%s" y="%s" fill="#333333">%s</text>', x.lx + 20, x.ly + 12, @extschema@._xml_escape(x.legend)),
                   E'\n' ORDER BY x.n)
          INTO n_items, legend
          FROM (SELECT d.*, 20 + 130 * ((d.n - 1) % per_row) AS lx,
                       height - 10 - 20 * (((max(d.n) OVER ()) - 1) / per_row + 1) + 20 * ((d.n - 1) / per_row) AS ly
                FROM (SELECT u.*, row_number() OVER (ORDER BY u.legend_order, u.legend COLLATE "C", u.color COLLATE "C") AS n
                      FROM (SELECT DISTINCT f.symbol, CASE WHEN f.symbol IN ('square', 'line') THEN NULL ELSE f.color END AS color,
                                   f.legend, f.legend_order
                            FROM @extschema@._map_features(layers) f) u) d) x;
        lh := CASE WHEN n_items > 0 THEN 20 * ((n_items - 1) / per_row + 1) + 6 ELSE 0 END;
        IF height - 20 - lh - 50 < 50 THEN      -- no room for both: the map wins, the legend is left out
            legend := NULL;
            lh := 0;
        END IF;
        bottom := height - 20 - lh;
        SELECT @pg@.ST_Extent(f.geom) INTO ext FROM @extschema@._map_features(layers) f;
        IF ext IS NULL THEN
            body := NULL;
        ELSE
            -- Scale: the larger span fits; a lone point gets a 0.01-degree frame.  Plot area 20..width-20, 50..bottom.
            kx := cos(radians((@pg@.ST_YMin(ext) + @pg@.ST_YMax(ext)) / 2));
            k := LEAST((width - 40) / GREATEST((@pg@.ST_XMax(ext) - @pg@.ST_XMin(ext)) * kx, 0.01),
                       (bottom - 50) / GREATEST(@pg@.ST_YMax(ext) - @pg@.ST_YMin(ext), 0.01));
            x0 := 20 + ((width - 40) - (@pg@.ST_XMax(ext) - @pg@.ST_XMin(ext)) * kx * k) / 2 - @pg@.ST_XMin(ext) * kx * k;
            y1 := 50 + ((bottom - 50) - (@pg@.ST_YMax(ext) - @pg@.ST_YMin(ext)) * k) / 2 + @pg@.ST_YMax(ext) * k;
            -- ST_AsSVG writes -y: the affine map sends latitude to -(y1 - lat k), drawn at y1 - lat k.
            SELECT string_agg(CASE f.symbol
                       WHEN 'polygon' THEN
                           pg_catalog.format('<path d="%s" fill="%s" fill-opacity="0.75" stroke="#7A6A40" stroke-width="1"><title>%s</title></path>',
                                             @pg@.ST_AsSVG(f.tg, 0, 1), COALESCE(f.color, '#E8D9A8'), f.label)
                       WHEN 'circle' THEN
                           pg_catalog.format('<circle cx="%s" cy="%s" r="7" fill="%s" stroke="#333333" stroke-width="1"><title>%s</title></circle>',
                                             f.px, f.py, f.color, f.label)
                       WHEN 'diamond' THEN
                           pg_catalog.format('<path d="M %s %s L %s %s L %s %s L %s %s Z" fill="%s" stroke="#333333" stroke-width="1"><title>%s</title></path>',
                                             f.px, f.py - 8, f.px + 8, f.py, f.px, f.py + 8, f.px - 8, f.py, f.color, f.label)
                       WHEN 'square' THEN
                           pg_catalog.format('<rect x="%s" y="%s" width="6" height="6" fill="#444444"><title>%s</title></rect>',
                                             f.px - 3, f.py - 3, f.label)
                       ELSE pg_catalog.format('<path d="%s" fill="none" stroke="#3366AA" stroke-width="1.5"><title>%s</title></path>',
                                              @pg@.ST_AsSVG(f.tg, 0, 1), f.label) END,
                       E'\n' ORDER BY f.symbol <> 'polygon', f.li, f.fi)
              INTO body
              FROM (SELECT m.li, m.fi, m.symbol, m.color, m.label, a.tg,
                           round(@pg@.ST_X(@pg@.ST_PointOnSurface(a.tg))::numeric, 1) AS px,
                           round(-@pg@.ST_Y(@pg@.ST_PointOnSurface(a.tg))::numeric, 1) AS py
                    FROM @extschema@._map_features(layers) m
                    CROSS JOIN LATERAL (SELECT @pg@.ST_Affine(m.geom, kx * k, 0, 0, k, x0, -y1) AS tg) a) f;
        END IF;
        RETURN @extschema@._svg_open(width, height, COALESCE(title, '地图'))
            || pg_catalog.format('<rect x="10" y="40" width="%s" height="%s" fill="#F4F8FB" stroke="#99AABB" stroke-width="1"/>', width - 20, bottom - 30) || E'\n'
            || COALESCE(body || E'\n', '')
            || COALESCE(legend || E'\n', '')
            || '</svg>' || E'\n';
    END
    $fn$$sql$, '@pg@', g);
END
$do$;
COMMENT ON FUNCTION @extschema@.sites_geojson(date, text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the air sites of an area prefix with the day''s AQI, level, category and official colour (eco.aqi_levels); CGCS2000 storage relabelled';
COMMENT ON FUNCTION @extschema@.sections_geojson(integer, text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the water sections of an area prefix with the class of the year (eco.section_evaluation), status and class colour (eco.water_class_colors)';
COMMENT ON FUNCTION @extschema@.outfalls_geojson(text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the outfalls of an area prefix with type (HJ 1312), status, remediation action, stage (status with its action, e.g. 整治中（取缔）) and the date of the stage';
COMMENT ON FUNCTION @extschema@.parcels_geojson(text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the land parcels of an area prefix with planned use, GB 36600 land class and soil survey status';
COMMENT ON FUNCTION @extschema@.map_svg(json[], text, integer, integer) IS
    'static map (SVG 1.1) of GeoJSON FeatureCollections with a legend: polygons first, then points in layer order; a point with a "color" is a circle (a "class" property: a diamond), without one a grey square; equirectangular, fitted to the data''s extent';
COMMENT ON FUNCTION @extschema@.aqi_tile(integer, integer, integer, json) IS
    'Mapbox vector tile of tile z/x/y (Web Mercator) with layers sites (air sites, AQI, level, category, colour of the day) and outfalls (type, status, action); query_params {"day": "YYYY-MM-DD", "area": prefix}, default day = latest with an AQI; the signature pg_tileserv and Martin call';
