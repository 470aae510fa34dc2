-- pgTAP: every figure of eco.annual_report equals an independent query over the same data.
BEGIN;
SELECT plan(48);

-- ---------- data: area 8801 (two districts) and a neighbour 8802 that must never be counted ----------
INSERT INTO eco.site (code, name, kind, area, water_body, target_class) VALUES
    ('TA1', 'air 1', 'air', '880101', NULL, NULL), ('TA2', 'air 2', 'air', '880102', NULL, NULL),
    ('TA3', 'air other', 'air', '880201', NULL, NULL),
    ('TW1', 'section 1', 'water', '880101', 'river', 'III'), ('TW2', 'section 2', 'water', '880102', 'river', 'II'),
    ('TW3', 'section 3', 'water', '880102', 'lake', 'III'), ('TW4', 'section other', 'water', '880201', 'river', 'III');

-- Daily air data, 1 Jan - 31 Mar of 2022 and 2023: TA2 misses PM2.5 every 7th day, TA1 has no MDA8 every
-- 11th day, the 5th of each month is a dust day at TA1, 2023 is cleaner.
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,
                           so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid,
                           n_hours, dust)
SELECT s.code, d, 8 + k % 5, 30 + k % 13, 0.6 + (k % 9) / 10.0, 50 + k % 30,
       CASE WHEN s.code = 'TA1' AND extract(day FROM d) = 5 THEN 400 ELSE (60 + (k * 7) % 50) * f END,
       CASE WHEN s.code = 'TA2' AND k % 7 = 0 THEN NULL ELSE (35 + (k * 11) % 60) * f END,
       90 + k % 40, CASE WHEN s.code = 'TA1' AND k % 11 = 0 THEN NULL ELSE 70 + (k * 3) % 90 END,
       true, true, true, true, true, NOT (s.code = 'TA2' AND k % 7 = 0), NOT (s.code = 'TA1' AND k % 11 = 0),
       24, s.code = 'TA1' AND extract(day FROM d) = 5
FROM (VALUES ('TA1', 1.0), ('TA2', 1.1), ('TA3', 3.0)) AS s(code, sf)
CROSS JOIN generate_series(date '2022-01-01', date '2023-03-31', interval '1 day') AS g(dd)
CROSS JOIN LATERAL (SELECT dd::date AS d, (dd::date - date '2022-01-01') % 97 AS k,
                           s.sf * CASE WHEN dd < '2023-01-01' THEN 1.0 ELSE 0.85 END AS f) x
WHERE extract(month FROM dd) <= 3;

-- Monthly water samples: TW1 meets III, TW2 (target II) is III by ammonia, TW3 a lake with TP over III in 2023.
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value)
SELECT w.code, make_timestamp(y, m, 10, 9, 0, 0), i.p::eco.pollutant, i.v * w.f * CASE WHEN y = 2023 THEN 1.1 ELSE 1 END
FROM (VALUES ('TW1', 0.5), ('TW2', 1.0), ('TW3', 1.3), ('TW4', 3.0)) AS w(code, f)
CROSS JOIN generate_series(2022, 2023) y CROSS JOIN generate_series(1, 3) m
CROSS JOIN (VALUES ('DO', 7.0), ('COD', 12.0), ('NH3-N', 0.7), ('TP', 0.04)) AS i(p, v);

-- Outfalls: 6 in the area (one non-outfall, one pre-campaign, three remediated, one in progress), 2 outside.
INSERT INTO eco.outfall (code, name, area, status, status_date, pre_campaign)
SELECT 'TO' || g, 'outfall ' || g, CASE WHEN g <= 6 THEN '880101' ELSE '880201' END, '疑似', '2022-02-01', g = 2
FROM generate_series(1, 8) g;
UPDATE eco.outfall SET status = CASE WHEN code = 'TO1' THEN '非排口' ELSE '核查确认' END, status_date = '2022-03-01';
UPDATE eco.outfall SET status = '已完成', status_date = '2022-05-01' WHERE code = 'TO2';
UPDATE eco.outfall SET status = '整治中', action = CASE WHEN code = 'TO3' THEN '取缔' ELSE '规范整治' END,
                       status_date = '2022-06-01' WHERE code IN ('TO3', 'TO4', 'TO5', 'TO6', 'TO7');
UPDATE eco.outfall SET status = '已完成', status_date = '2023-02-01' WHERE code IN ('TO3', 'TO4', 'TO5', 'TO7');
UPDATE eco.outfall SET status = '已完成', status_date = '2023-06-01' WHERE code = 'TO6';  -- after as_of

-- Parcels changing to first-class land in 2023.
INSERT INTO eco.land_parcel (code, name, land_class, change_year, survey_status, area)
SELECT 'TP' || g, 'parcel ' || g, CASE WHEN g % 4 = 0 THEN 2 ELSE 1 END, 2023,
       (ARRAY['未开展', '调查中', '报告已编制', '已通过评审'])[1 + g % 4], CASE WHEN g <= 10 THEN '880101' ELSE '880201' END
FROM generate_series(1, 12) g;

-- Ledgers.
INSERT INTO eco.rectification (area, level, finding, found_on, deadline, closed_on)
SELECT CASE WHEN g <= 9 THEN '880101' ELSE '880201' END, (ARRAY['中央', '省', '市'])[1 + g % 3], 'f' || g,
       '2022-06-01', date '2023-01-01' + g * 10, CASE WHEN g % 3 = 0 THEN date '2023-01-01' + g * 9 END
FROM generate_series(1, 12) g;
INSERT INTO eco.complaint (area, received_on, channel, category, closed_on)
SELECT CASE WHEN g % 5 = 0 THEN '880201' ELSE '880102' END, date '2022-01-01' + g * 3,
       (ARRAY['电话', '网络', '来信'])[1 + g % 3], (ARRAY['水', '气', '噪声'])[1 + g % 3],
       CASE WHEN g % 4 <> 0 THEN date '2022-01-01' + g * 3 + 2 END
FROM generate_series(1, 150) g;
INSERT INTO eco.inspection_enterprise (area, code, name) SELECT '880101', 'TE' || g, 'e' || g FROM generate_series(1, 30) g;
INSERT INTO eco.inspector (area, code, name) SELECT '880101', 'TI' || g, 'i' || g FROM generate_series(1, 6) g;
SELECT is((SELECT count(*)::int FROM eco.draw_inspections(10, 5, '8801', '2023-02-01')), 10, 'ten checks drawn');
UPDATE eco.inspection_check SET inspected_on = '2023-02-20', problem_found = seq % 3 = 0 WHERE area LIKE '8801%';
INSERT INTO eco.enforcement_case (area, case_no, enterprise, decided_on, penalty)
SELECT CASE WHEN g % 6 = 0 THEN '880201' ELSE '880101' END, 'TC' || g, 'e', date '2022-01-03' + g * 9, 1000 * g + 0.5
FROM generate_series(1, 80) g;
INSERT INTO eco.emission_reduction (area, pollutant, reduction_tpa, achieved_on) VALUES
    ('880101', 'VOCs', 120.5, '2022-08-01'), ('880102', 'VOCs', 20.25, '2023-02-01'), ('880201', 'VOCs', 99, '2022-08-01');
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on) VALUES ('880101', 'VOCs', 'p', 30, '2023-01-10');
INSERT INTO eco.approval (area, kind, category, decided_on)
SELECT CASE WHEN g % 7 = 0 THEN '880201' ELSE '880101' END, '环评', (ARRAY['报告书', '报告表', '登记表备案'])[1 + g % 3],
       date '2022-01-01' + g * 5
FROM generate_series(1, 140) g;
INSERT INTO eco.task (area, program, item, plan_year, done_on)
SELECT '880101', '村庄生活污水治理', 'v' || g, 2023, CASE WHEN g <= 5 THEN date '2023-01-01' + g * 10 END
FROM generate_series(1, 8) g;

CREATE TEMP TABLE rep AS SELECT * FROM eco.annual_report('8801', 2023, '2023-03-31');

-- ---------- air: independent city values (mean over valid sites per day), plain SQL statistics ----------
CREATE TEMP TABLE city AS
SELECT a.day, extract(year FROM a.day)::int AS y,
       avg(a.so2::numeric) FILTER (WHERE a.so2_valid) AS so2, avg(a.no2::numeric) FILTER (WHERE a.no2_valid) AS no2,
       avg(a.co::numeric) FILTER (WHERE a.co_valid) AS co, avg(a.pm10::numeric) FILTER (WHERE a.pm10_valid) AS pm10,
       avg(a.pm25::numeric) FILTER (WHERE a.pm25_valid) AS pm25,
       avg(a.o3_8h::numeric) FILTER (WHERE a.o3_8h_valid) AS o3_8h, avg(a.o3_1h::numeric) AS o3_1h,
       bool_or(a.dust) AS dust
FROM eco.air_daily a WHERE a.site_code IN ('TA1', 'TA2') AND a.day BETWEEN '2022-01-01' AND '2023-03-31'
GROUP BY a.day;
CREATE TEMP TABLE stat AS
SELECT y, avg(pm25) FILTER (WHERE NOT dust) AS pm25, avg(pm10) FILTER (WHERE NOT dust) AS pm10,
       avg(so2) AS so2, avg(no2) AS no2,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY co) AS co, percentile_cont(0.90) WITHIN GROUP (ORDER BY o3_8h) AS o3,
       count(pm25) FILTER (WHERE NOT dust) AS n_pm25
FROM city GROUP BY y;

SELECT is((SELECT value FROM rep WHERE indicator = 'PM2.5平均浓度'),
          (SELECT eco.gbt8170_round(pm25, 1) FROM stat WHERE y = 2023), 'PM2.5 = mean of the city daily values (no dust days)');
SELECT is((SELECT prev_value FROM rep WHERE indicator = 'PM2.5平均浓度'),
          (SELECT eco.gbt8170_round(pm25, 1) FROM stat WHERE y = 2022), 'PM2.5 of the same period last year');
SELECT is((SELECT change FROM rep WHERE indicator = 'PM2.5平均浓度'),
          (SELECT '同比' || CASE WHEN c < 0 THEN '改善' ELSE '恶化' END || abs(c) || '%'
           FROM (SELECT round((a.v - b.v) / b.v * 100, 1) AS c
                 FROM (SELECT eco.gbt8170_round(pm25, 1) AS v FROM stat WHERE y = 2023) a,
                      (SELECT eco.gbt8170_round(pm25, 1) AS v FROM stat WHERE y = 2022) b) x),
          'PM2.5 change phrase from the published values');
SELECT is((SELECT value FROM rep WHERE indicator = 'PM10平均浓度'),
          (SELECT eco.gbt8170_round(pm10, 1) FROM stat WHERE y = 2023), 'PM10 = mean of the city daily values (no dust days)');
SELECT is((SELECT detail FROM rep WHERE indicator = 'PM2.5平均浓度'),
          (SELECT pg_catalog.format('数据有效率%s%%（%s/%s天），上年同期%s%%', eco.share(a.n_pm25, 90), a.n_pm25, 90,
                                    eco.share(b.n_pm25, 90))
           FROM stat a, stat b WHERE a.y = 2023 AND b.y = 2022), 'PM2.5 capture: valid non-dust days over calendar days');
SELECT is((SELECT value FROM rep WHERE indicator = '优良天数比率'),
          (SELECT eco.share(count(*) FILTER (WHERE aqi <= 100), count(aqi))
           FROM (SELECT (eco.daily_aqi(so2 => so2::float8, no2 => no2::float8, co => co::float8, pm10 => pm10::float8,
                                       pm25 => pm25::float8, o3_8h => o3_8h::float8, o3_1h => o3_1h::float8,
                                       standard => 'HJ633-2012')).aqi AS aqi
                 FROM city WHERE y = 2023) d), 'good-days ratio from the city AQI of each day');
SELECT is((SELECT value FROM rep WHERE indicator = '环境空气质量综合指数'),
          (SELECT eco.gbt8170_round(eco.gbt8170_round(so2, 0) / 60 + eco.gbt8170_round(no2, 0) / 40
                                    + eco.gbt8170_round(pm10, 1) / 70 + eco.gbt8170_round(pm25, 1) / 35
                                    + eco.gbt8170_round(co::numeric, 1) / 4 + eco.gbt8170_round(o3::numeric, 0) / 160, 2)
           FROM stat WHERE y = 2023), 'composite index = sum of C/S over the published statistics (percentile_cont)');
SELECT is((SELECT count(*)::int FROM rep WHERE section = '大气环境'), 4, 'four air figures');

-- ---------- water: independent classes (item means, worst item class) ----------
CREATE TEMP TABLE sec AS
SELECT w.section_code, s.target_class::eco.water_class AS target, extract(year FROM w.sampled_at)::int AS y,
       eco.max(eco.water_item_class(w.pollutant, w.avg_v, s.water_body)) AS cls
FROM (SELECT section_code, pollutant, sampled_at, avg(value) OVER (PARTITION BY section_code, pollutant,
             extract(year FROM sampled_at)) AS avg_v FROM eco.water_sample
      WHERE sampled_at < '2023-04-01' AND section_code IN ('TW1', 'TW2', 'TW3')) w
JOIN eco.site s ON s.code = w.section_code
GROUP BY 1, 2, 3;
SELECT is((SELECT value FROM rep WHERE indicator = '考核断面'), (SELECT count(*)::numeric FROM sec WHERE y = 2023),
          'assessed sections of the area');
SELECT is((SELECT value FROM rep WHERE indicator = '达到考核目标断面比例'),
          (SELECT eco.share(count(*) FILTER (WHERE cls OPERATOR(eco.<=) target), count(*)) FROM sec WHERE y = 2023),
          'share of sections meeting their target');
SELECT is((SELECT prev_value FROM rep WHERE indicator = '达到考核目标断面比例'),
          (SELECT eco.share(count(*) FILTER (WHERE cls OPERATOR(eco.<=) target), count(*)) FROM sec WHERE y = 2022),
          'the same share last year');
SELECT is((SELECT value FROM rep WHERE indicator = 'Ⅰ～Ⅲ类水质断面比例'),
          (SELECT eco.share(count(*) FILTER (WHERE cls OPERATOR(eco.<=) 'III'::eco.water_class), count(*)) FROM sec WHERE y = 2023),
          'share of sections at class III or better');
SELECT is((SELECT value FROM rep WHERE indicator = '未达标断面'),
          (SELECT count(*)::numeric FROM sec WHERE y = 2023 AND cls OPERATOR(eco.>) target), 'sections missing their target');

-- ---------- outfalls and parcels ----------
SELECT is((SELECT value FROM rep WHERE indicator = '排查排污口'),
          (SELECT count(*)::numeric FROM eco.outfall WHERE area LIKE '8801%'), 'outfalls of the area');
SELECT is((SELECT value FROM rep WHERE indicator = '核查确认非排口'),
          (SELECT count(*)::numeric FROM eco.outfall WHERE area LIKE '8801%' AND status = '非排口'), 'non-outfalls');
SELECT is((SELECT value FROM rep WHERE indicator = '已完成整治'),
          (SELECT count(*)::numeric FROM eco.outfall_history h JOIN eco.outfall o ON o.code = h.outfall_code
           WHERE o.area LIKE '8801%' AND NOT o.pre_campaign AND h.to_status = '已完成' AND h.changed_on <= '2023-03-31'),
          'remediated by as_of (history)');
SELECT is((SELECT value FROM rep WHERE indicator = '整治中'), 1::numeric, 'TO6 was still in progress on as_of');
SELECT is((SELECT detail FROM rep WHERE indicator = '排查排污口'),
          '排查6个，其中核查确认非排口1个、专项行动前已整治1个、纳入分类整治4个（已完成3个，整治中1个）',
          'the outfall sentence');
SELECT is((SELECT array_agg(value ORDER BY seq) FROM rep WHERE section = '土壤环境'),
          (SELECT array_agg(n ORDER BY ord) FROM (
               SELECT s.ord, count(p.code)::numeric AS n
               FROM (VALUES (1, '未开展'), (2, '调查中'), (3, '报告已编制'), (4, '已通过评审')) s(ord, st)
               LEFT JOIN eco.land_parcel p ON p.survey_status = s.st AND p.area LIKE '8801%'
                     AND p.change_year = 2023 AND p.land_class = 1
               GROUP BY s.ord) x), 'parcels by survey status');

-- ---------- ledgers ----------
SELECT is((SELECT value FROM rep WHERE indicator = '逾期未完成'),
          (SELECT count(*)::numeric FROM eco.rectification WHERE area LIKE '8801%'
           AND (closed_on IS NULL OR closed_on > '2023-03-31') AND deadline < '2023-03-31'), 'overdue findings');
SELECT is((SELECT value FROM rep WHERE indicator = '已完成整改'),
          (SELECT count(*)::numeric FROM eco.rectification WHERE area LIKE '8801%' AND closed_on <= '2023-03-31'),
          'closed findings');
SELECT is((SELECT ARRAY[value, prev_value] FROM rep WHERE indicator = '受理信访投诉'),
          (SELECT ARRAY[count(*) FILTER (WHERE received_on BETWEEN '2023-01-01' AND '2023-03-31'),
                        count(*) FILTER (WHERE received_on BETWEEN '2022-01-01' AND '2022-03-31')]::numeric[]
           FROM eco.complaint WHERE area LIKE '8801%'), 'complaints and last year''s');
SELECT is((SELECT value FROM rep WHERE indicator = '办结率'),
          (SELECT eco.share(count(*) FILTER (WHERE closed_on <= '2023-03-31'), count(*)) FROM eco.complaint
           WHERE area LIKE '8801%' AND received_on BETWEEN '2023-01-01' AND '2023-03-31'), 'closure rate');
SELECT is((SELECT value FROM rep WHERE indicator = '发现问题企业'),
          (SELECT count(*)::numeric FROM eco.inspection_check WHERE area LIKE '8801%' AND problem_found), 'checks with problems');
SELECT is((SELECT ARRAY[value, prev_value] FROM rep WHERE indicator = '罚没金额'),
          (SELECT ARRAY[sum(penalty) FILTER (WHERE decided_on BETWEEN '2023-01-01' AND '2023-03-31'),
                        sum(penalty) FILTER (WHERE decided_on BETWEEN '2022-01-01' AND '2022-03-31')]
           FROM eco.enforcement_case WHERE area LIKE '8801%'), 'penalties and last year''s');
SELECT is((SELECT value FROM rep WHERE indicator = 'VOCs削减量'),
          (SELECT sum(reduction_tpa) FROM eco.emission_reduction WHERE area LIKE '8801%' AND achieved_on <= '2023-03-31'),
          'VOCs reductions by as_of');
SELECT is((SELECT detail FROM rep WHERE indicator = 'VOCs削减量'),
          '倍量替代可腾出70.38 t/a，已用于1个项目，剩余40.38 t/a', 'capacity freed at two-for-one and left');
SELECT is((SELECT value FROM rep WHERE indicator = '环评报告表'),
          (SELECT count(*)::numeric FROM eco.approval WHERE area LIKE '8801%' AND category = '报告表'
           AND decided_on BETWEEN '2023-01-01' AND '2023-03-31'), 'EIA reports approved');
SELECT is((SELECT value FROM rep WHERE indicator = '村庄生活污水治理'),
          (SELECT count(*)::numeric FROM eco.task WHERE area LIKE '8801%' AND done_on <= '2023-03-31'), 'tasks done');

-- rows of a section function named by text (ord, section, indicator)
CREATE FUNCTION pg_temp.section_rows(fn text, area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text) LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY EXECUTE format('SELECT ord, section, indicator FROM %s($1, $2)', fn) USING area, period;
END $$;

-- ---------- the sections: one function each, assembled in order, no lookup guards ----------
SELECT is(ARRAY(SELECT section || '|' || indicator FROM rep ORDER BY seq),
          ARRAY(SELECT r.section || '|' || r.indicator
                FROM unnest(ARRAY['eco._report_air', 'eco._report_water', 'eco._report_outfalls', 'eco._report_sources',
                                  'eco._report_soil', 'eco._report_rectification', 'eco._report_complaints',
                                  'eco._report_inspections', 'eco._report_enforcement', 'eco._report_offsets',
                                  'eco._report_approvals', 'eco._report_tasks']) WITH ORDINALITY AS f(fn, part)
                CROSS JOIN LATERAL pg_temp.section_rows(f.fn, '8801', daterange('2023-01-01', '2023-03-31', '[]')) r
                ORDER BY f.part, r.ord),
          'the report is its section functions, in order');
SELECT is(ARRAY(SELECT seq FROM rep ORDER BY seq), ARRAY(SELECT generate_series(1, (SELECT count(*)::int FROM rep))),
          'seq numbers the rows 1..n');
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p
                  WHERE p.pronamespace = 'eco'::regnamespace
                    AND (p.proname = 'annual_report' OR p.proname LIKE '\_report\_%')
                    AND p.prosrc ~ 'to_reg(class|procedure)'$$,
                'no section of the report hides behind a to_regclass / to_regprocedure guard');
SELECT is_empty($$SELECT p.oid::regprocedure FROM pg_proc p
                  WHERE p.pronamespace = 'eco'::regnamespace AND p.proname LIKE '\_report\_%'
                    AND p.pronargs = 2 AND p.proargtypes[1] = 'daterange'::regtype
                    AND NOT (p.provolatile = 's' AND p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp']
                             AND obj_description(p.oid, 'pg_proc') IS NOT NULL)$$,
                'every section function is STABLE, pins search_path and has a comment');
SELECT is((SELECT array_agg(x::text ORDER BY section_code) FROM eco.section_evaluation('2023-01-01', '2023-04-01') x),
          (SELECT array_agg(x::text ORDER BY section_code)
           FROM eco.section_evaluation('2023-01-01', '2023-04-01', 1, 'GB3838-2002') x),
          'section_evaluation: the 0.1.0 call equals the call with the default standard');
SELECT throws_ok($$SELECT * FROM eco.section_evaluation('2023-01-01', '2023-04-01', 1, 'HJ633-2026')$$, '22023', NULL,
                 'section_evaluation passes its standard to the section aggregates (a non-water edition is refused)');

-- ---------- row-level security: a role of the neighbouring area 8802 ----------
CREATE ROLE eco_tap_8802 NOLOGIN;
INSERT INTO eco.area_grant VALUES ('eco_tap_8802', '8802');
SET LOCAL ROLE eco_tap_8802;
SELECT is((SELECT value FROM eco.annual_report('', 2023, '2023-03-31') WHERE indicator = '受理信访投诉'),
          (SELECT count(*)::numeric FROM eco.complaint WHERE received_on BETWEEN '2023-01-01' AND '2023-03-31'),
          'the 8802 role''s report counts only its own complaints');
SELECT is((SELECT count(*)::int FROM eco.complaint WHERE area NOT LIKE '8802%'), 0, 'and sees no other complaint');
SELECT is((SELECT value FROM eco.annual_report('8801', 2023, '2023-03-31') WHERE indicator = 'PM2.5平均浓度'), NULL,
          'asking for 8801 gives no air figure (its stations are invisible)');
RESET ROLE;

-- ---------- errors ----------
SELECT throws_ok($$SELECT * FROM eco.annual_report('8801', 2023, '2022-12-31')$$, '22023', NULL, 'as_of before the year');
SELECT throws_ok($$SELECT * FROM eco.air_summary('8801', '[2023-01-01,)')$$, '22023', NULL, 'unbounded period');
-- a year outside the supported range (1..9999) is 22003 (value out of range) in the report and in every chart
SELECT throws_ok($$SELECT * FROM eco.annual_report('8801', 0)$$, '22003', 'year out of range: 0', 'annual_report year 0: 22003');
SELECT throws_ok($$SELECT * FROM eco.annual_report('8801', 10000)$$, '22003', 'year out of range: 10000',
                 'annual_report year 10000: 22003');
SELECT throws_ok($$SELECT eco.work_summary('8801', -1)$$, '22003', 'year out of range: -1', 'work_summary: 22003');
SELECT throws_ok($$SELECT eco.aqi_calendar_svg('8801', 10000)$$, '22003', 'year out of range: 10000', 'aqi_calendar_svg: 22003');
SELECT throws_ok($$SELECT eco.aqi_monthly_svg('8801', 0)$$, '22003', 'year out of range: 0', 'aqi_monthly_svg: 22003');
SELECT throws_ok($$SELECT eco.report_yoy_svg('8801', 0)$$, '22003', 'year out of range: 0', 'report_yoy_svg: 22003');
SELECT lives_ok($$SELECT * FROM eco.annual_report('8801', 9999)$$, 'year 9999 is in range');

SELECT * FROM finish();
ROLLBACK;
