-- Ledgers: rectification, complaints, random inspections, enforcement, offsets, approvals, tasks.
\set VERBOSITY terse
SET client_min_messages = warning;
-- The test runs as the superuser who owns the tables: row-level security is tested in pgTAP.

-- ---------- rectification ----------
INSERT INTO eco.rectification (area, level, batch, finding, responsible_unit, found_on, deadline, closed_on) VALUES
    ('320100', '中央', '第二轮第一批', 'F1 river outfall not removed', '市水务局', '2022-05-01', '2023-06-30', '2023-05-10'),
    ('320100', '中央', '第二轮第一批', 'F2 landfill leachate', '市城管局', '2022-05-01', '2023-12-31', NULL),
    ('320100', '省', '2023年', 'F3 dust at building sites', '市住建局', '2023-03-01', '2023-10-31', NULL),
    ('320100', '省', '2023年', 'F4 boiler emissions', '某区', '2023-03-01', '2023-11-11', NULL),
    ('320100', '市', '2023年', 'F5 noise', '某区', '2023-04-01', NULL, NULL),
    ('320102', '市', '2023年', 'F6 closed after as_of', '某区', '2023-04-01', '2023-09-30', '2023-11-20'),
    ('320100', '市', '2023年', 'F7 found after as_of', '某区', '2023-11-20', '2024-06-30', NULL),
    ('330100', '中央', '第二轮第一批', 'F8 other city', '杭州', '2022-05-01', '2023-01-31', NULL);
-- as of 2023-11-11: F1 closed; F2 open not due; F3 overdue; F4 due today = not overdue; F5 no deadline = open;
-- F6 closed only later = overdue on 2023-11-11; F7 not yet known; F8 other area.
SELECT s.finding, s.deadline, s.closed_on, s.status FROM eco.rectification_status('3201', '2023-11-11') s
JOIN eco.rectification r USING (id) ORDER BY id;
SELECT * FROM eco.rectification_summary('3201', '2023-11-11');
SELECT * FROM eco.rectification_summary('3201', '2023-12-31');
SELECT * FROM eco.rectification_summary('999', '2023-12-31');
INSERT INTO eco.rectification (area, level, finding) VALUES ('320100', '县', 'level not allowed');
INSERT INTO eco.rectification (area, level, finding, found_on, closed_on) VALUES ('320100', '市', 'x', '2023-05-01', '2023-04-01');

-- ---------- complaints ----------
INSERT INTO eco.complaint (area, received_on, channel, category, closed_on)
SELECT '3201' || lpad((g % 3)::text, 2, '0'),
       date '2023-01-01' + (g * 7 % 300),
       (ARRAY['电话', '电话', '电话', '网络', '来信', '来访'])[1 + g % 6],
       (ARRAY['气', '气', '水', '噪声', '固废', '其他', '气'])[1 + g % 7],
       CASE WHEN g % 10 <> 0 THEN date '2023-01-01' + (g * 7 % 300) + 5 END
FROM generate_series(1, 83) g;
INSERT INTO eco.complaint (area, received_on, channel, category, closed_on)
SELECT '320100', date '2022-01-01' + (g * 5 % 300), (ARRAY['电话', '网络'])[1 + g % 2],
       (ARRAY['气', '水', '噪声'])[1 + g % 3], date '2022-01-01' + (g * 5 % 300) + 3
FROM generate_series(1, 139) g;
-- A complaint closed after the period ends is open at its end.
INSERT INTO eco.complaint (area, received_on, channel, category, closed_on)
VALUES ('320100', '2023-11-10', '来访', '其他', '2023-11-15'), ('320100', '2024-02-29', '电话', '气', NULL);
SELECT * FROM eco.complaint_summary('3201', '[2023-01-01,2023-11-11]');
-- Independent counts for the check above.
SELECT count(*) AS n, count(*) FILTER (WHERE closed_on <= '2023-11-11') AS closed
FROM eco.complaint WHERE received_on BETWEEN '2023-01-01' AND '2023-11-11';
SELECT count(*) AS prev_n FROM eco.complaint WHERE received_on BETWEEN '2022-01-01' AND '2022-11-11';
-- 29 February 2024: counted in [2024-02-29,2024-02-29]; its same period last year is 28 February 2023.
SELECT dimension, key, complaints, prev_complaints, change FROM eco.complaint_summary('', '[2024-02-29,2024-02-29]');
-- Empty previous year: change NULL, not an error; no complaints at all: only the total row.
SELECT dimension, key, complaints, prev_complaints, change_pct, change
FROM eco.complaint_summary('', '[2021-01-01,2021-12-31]');
SELECT dimension, key, complaints, prev_complaints, change_pct, change, closure_rate
FROM eco.complaint_summary('', '[2023-01-01,2023-01-03]');
INSERT INTO eco.complaint (area, received_on, channel, category) VALUES ('320100', '2023-01-01', '微博', '气');

-- ---------- random inspections ----------
INSERT INTO eco.inspection_enterprise (area, code, name)
SELECT '3201' || lpad((g % 4)::text, 2, '0'), 'E' || lpad(g::text, 3, '0'), 'enterprise ' || g
FROM generate_series(1, 40) g;
INSERT INTO eco.inspection_enterprise (area, code, name, active) VALUES ('320100', 'E999', 'closed down', false);
INSERT INTO eco.inspector (area, code, name)
SELECT '320100', 'I' || lpad(g::text, 2, '0'), 'inspector ' || g FROM generate_series(1, 12) g;
SELECT * FROM eco.draw_inspections(5, 20231111, '3201', '2023-03-01');
-- Same seed, same draw (recorded again as a second draw).
SELECT seq, enterprise_code, inspectors FROM eco.draw_inspections(5, 20231111, '3201', '2023-03-02')
EXCEPT SELECT seq, enterprise_code, inspectors FROM eco.inspection_check WHERE draw_id = 1;
-- Another seed, another draw.
SELECT count(*) AS differing FROM (
    SELECT seq, enterprise_code FROM eco.draw_inspections(5, 42, '3201', '2023-06-01')
    EXCEPT SELECT seq, enterprise_code FROM eco.inspection_check WHERE draw_id = 1) d;
SELECT id, area, seed, n, drawn_on, enterprises, inspectors, drawn_by = current_user AS by_me
FROM eco.inspection_draw ORDER BY id;
-- Every check recorded; drawn enterprises distinct within a draw; inactive ones never drawn.
SELECT draw_id, count(*), count(DISTINCT enterprise_code), bool_and(cardinality(inspectors) = 2),
       bool_and(inspectors[1] <> inspectors[2]), bool_or(enterprise_code = 'E999')
FROM eco.inspection_check GROUP BY draw_id ORDER BY draw_id;
-- A draw of the whole register.
SELECT count(DISTINCT enterprise_code) FROM eco.draw_inspections(40, 7, '3201', '2023-07-01');
-- Results of the visits, then the summary.
UPDATE eco.inspection_check SET inspected_on = '2023-07-15', problem_found = (seq % 3 = 0) WHERE draw_id = 4;
UPDATE eco.inspection_check SET inspected_on = '2023-03-10', problem_found = true WHERE draw_id = 1 AND seq <= 2;
SELECT * FROM eco.inspection_summary('3201', '[2023-01-01,2023-12-31]');
SELECT * FROM eco.inspection_summary('3201', '[2023-07-01,2023-07-01]');
SELECT * FROM eco.inspection_summary('3301', '[2023-01-01,2023-12-31]');
-- Errors: too many, negative, no inspectors.
SELECT * FROM eco.draw_inspections(41, 1, '3201', '2023-01-01');
SELECT * FROM eco.draw_inspections(-1, 1, '3201', '2023-01-01');
SELECT * FROM eco.draw_inspections(1, 1, '3201', '2023-01-01', 13);
SELECT * FROM eco.draw_inspections(1, 1, '3201', '2023-01-01', 0);
SELECT count(*) AS draws_after_errors FROM eco.inspection_draw;

-- ---------- enforcement ----------
INSERT INTO eco.enforcement_case (area, case_no, enterprise, violation, decided_on, penalty)
SELECT '320100', 'C2023-' || g, 'enterprise ' || g, 'violation', date '2023-01-15' + g * 12, 10000 + g * 1250.50
FROM generate_series(1, 24) g;
INSERT INTO eco.enforcement_case (area, case_no, enterprise, decided_on, penalty)
SELECT '320100', 'C2022-' || g, 'enterprise ' || g, date '2022-01-15' + g * 10, 20000
FROM generate_series(1, 30) g;
SELECT * FROM eco.enforcement_summary('3201', '[2023-01-01,2023-12-31]');
SELECT sum(penalty), count(*) FROM eco.enforcement_case WHERE decided_on BETWEEN '2023-01-01' AND '2023-12-31';
SELECT * FROM eco.enforcement_summary('3201', '[2021-01-01,2021-12-31]');
INSERT INTO eco.enforcement_case (area, case_no, enterprise, decided_on, penalty) VALUES ('320100', 'neg', 'x', '2023-01-01', -1);

-- ---------- emission offsets ----------
INSERT INTO eco.emission_reduction (area, pollutant, source, reduction_tpa, achieved_on) VALUES
    ('320100', 'VOCs', 'coating line upgrade', 200.11, '2023-03-01'),
    ('320100', 'VOCs', 'boiler phase-out', 169.50, '2023-06-01'),
    ('320100', 'NOx', 'low-NOx burners', 50, '2023-04-01'),
    ('320102', 'VOCs', 'district', 10, '2023-04-01');
SELECT eco.offset_capacity('320100', 'VOCs') AS vocs_at_2, eco.offset_capacity('320100', 'VOCs', 1.5) AS at_1_5,
       eco.offset_capacity('3201', 'VOCs') AS city_prefix, eco.offset_capacity('320100', 'SO2') AS none;
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on) VALUES
    ('320100', 'VOCs', 'new paint shop', 100, '2023-07-01'),
    ('320100', 'VOCs', 'printing plant', 40, '2023-08-01');
SELECT eco.offset_capacity('320100', 'VOCs') AS remaining_at_2;
-- Exactly the remaining capacity is allowed; one more hundredth is not.
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on)
VALUES ('320100', 'VOCs', 'too big', 44.815, '2023-09-01');
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on)
VALUES ('320100', 'VOCs', 'exact fit', 44.805, '2023-09-01');
SELECT eco.offset_capacity('320100', 'VOCs') AS remaining_after_exact_fit;
-- A higher ratio consumes more; removing a reduction that covers projects is refused.
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, ratio, approved_on)
VALUES ('320100', 'NOx', 'furnace', 20, 2.5, '2023-09-01');
INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, ratio, approved_on)
VALUES ('320100', 'NOx', 'kiln', 0.01, 1, '2023-09-01');
DELETE FROM eco.emission_reduction WHERE pollutant = 'NOx';
UPDATE eco.emission_reduction SET reduction_tpa = 10 WHERE source = 'boiler phase-out';
UPDATE eco.offset_use SET emission_tpa = 45 WHERE project = 'printing plant';
-- Moving a covering reduction to another area or pollutant uncovers the projects it left.
UPDATE eco.emission_reduction SET area = '320102' WHERE source = 'boiler phase-out';
UPDATE eco.emission_reduction SET pollutant = 'SO2' WHERE source = 'boiler phase-out';
-- Moving a use to another area is checked there.
UPDATE eco.offset_use SET area = '320102' WHERE project = 'printing plant';
SELECT * FROM eco.offset_summary('3201');
SELECT * FROM eco.offset_summary('3201', 1);
SELECT eco.offset_capacity('320100', 'VOCs', 0);
SELECT * FROM eco.offset_summary('3201', -1);

-- ---------- approvals ----------
INSERT INTO eco.approval (area, kind, category, action, decided_on)
SELECT '320100', k, c, 'issued', d + g
FROM (VALUES ('环评', '报告书', 3), ('环评', '报告表', 25), ('环评', '登记表备案', 140),
             ('排污许可', '重点管理', 12), ('排污许可', '简化管理', 40)) AS v(k, c, n),
     LATERAL generate_series(1, n) g, (VALUES (date '2023-01-01'), (date '2022-03-01')) AS y(d)
WHERE g <= n - CASE WHEN d = '2022-03-01' THEN 2 ELSE 0 END;
SELECT * FROM eco.approval_summary('3201', '[2023-01-01,2023-12-31]');
INSERT INTO eco.approval (area, kind, category, decided_on) VALUES ('320100', '环评', '重点管理', '2023-01-01');

-- ---------- tasks ----------
INSERT INTO eco.task (area, program, item, plan_year, due_on, done_on)
SELECT '320100', '农村环境整治', 'village ' || g, 2023, '2023-12-31', date '2023-03-01' + g * 10 FROM generate_series(1, 13) g;
INSERT INTO eco.task (area, program, item, plan_year, due_on, done_on)
SELECT '320100', '村庄生活污水治理', 'village ' || g, 2023, '2023-12-31',
       CASE WHEN g <= 26 THEN date '2023-02-01' + g * 9 END FROM generate_series(1, 42) g;
SELECT * FROM eco.task_progress('3201', 2023, '2023-12-31');
SELECT * FROM eco.task_progress('3201', 2023, '2023-06-30');
SELECT * FROM eco.task_progress('3201', 2022, '2023-06-30');

-- ---------- catalogue: RLS on, registered for dump, granted ----------
SELECT c.relname, c.relrowsecurity, p.polname IS NOT NULL AS has_policy,
       c.oid = ANY (x.extconfig) AS dumped, has_table_privilege('public', c.oid, 'SELECT, INSERT') AS granted
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT extconfig FROM pg_extension WHERE extname = 'eco_monitor') x
LEFT JOIN pg_policy p ON p.polrelid = c.oid
WHERE n.nspname = 'eco' AND c.relkind = 'r'
  AND c.relname IN ('rectification', 'complaint', 'inspection_enterprise', 'inspector', 'inspection_draw',
                    'inspection_check', 'enforcement_case', 'emission_reduction', 'offset_use', 'approval', 'task')
ORDER BY 1;
SELECT c.relname, c.oid = ANY (x.extconfig) AS dumped
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN (SELECT extconfig FROM pg_extension WHERE extname = 'eco_monitor') x
WHERE n.nspname = 'eco' AND c.relkind = 'S'
  AND c.relname IN ('rectification_id_seq', 'complaint_id_seq', 'inspection_enterprise_id_seq', 'inspector_id_seq',
                    'inspection_draw_id_seq', 'enforcement_case_id_seq', 'emission_reduction_id_seq',
                    'offset_use_id_seq', 'approval_id_seq', 'task_id_seq')
ORDER BY 1;
-- The ledgers' fixed words are typed once, in C: the view, the validators of the CHECK constraints and their hints.
SELECT list, string_agg(value || COALESCE('(' || parent || ')', ''), ' ' ORDER BY ord) AS words
FROM eco.ledger_vocabulary GROUP BY list ORDER BY list COLLATE "C";
\set VERBOSITY default
SELECT eco._ledger_word_known('complaint_category', '辐射');
SELECT eco._approval_category_known('排污许可', '报告书');
SELECT eco._approval_category_known('规划环评', '报告书');
SELECT eco._ledger_word_known('complaint', '电话');
\set VERBOSITY terse
