-- pgTAP: year-on-year labels and SQLSTATEs; ledgers under row-level security; summaries against independent SQL.
BEGIN;
SELECT plan(48);

-- ---------- labels ----------
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname IN ('same_day_last_year', 'same_period_last_year', 'pct_change',
                 'pp_change', 'improvement', 'change_rounded', 'change_phrase', 'share', '_draw_sample')
             AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR NOT p.proisstrict)), 0,
          'year-on-year functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT is((SELECT provolatile::text FROM pg_proc WHERE oid = 'eco.draw_inspections'::regproc), 'v',
          'draw_inspections is VOLATILE (it records the draw)');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.prosecdef AND p.oid <> 'eco._outfall_log()'::regprocedure), 0,
          'no SECURITY DEFINER function but the history writer (test/pgtap/security.sql)');
SELECT ok(has_table_privilege('public', 'eco.change_kinds', 'SELECT')
          AND has_table_privilege('public', 'eco.report_indicators', 'SELECT'), 'the views are readable by every role');
SELECT is((SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'eco' AND p.proname LIKE '%summary' AND p.provolatile <> 's'), 0,
          'summaries are STABLE');

-- ---------- SQLSTATEs ----------
SELECT throws_ok($$SELECT eco.change_phrase(1, 2, 'percent')$$, '22023', NULL, 'unknown kind is 22023');
SELECT throws_ok($$SELECT eco.change_phrase(1, 2, 'pct', 7)$$, '22023', NULL, 'bad decimals is 22023');
SELECT throws_ok($$SELECT eco.pct_change('NaN', 2)$$, '22023', NULL, 'NaN is 22023');
SELECT throws_ok($$SELECT eco.same_day_last_year('4714-11-24 BC')$$, '22008', NULL, 'date before the range is 22008');
SELECT throws_ok($$SELECT eco._draw_sample(1, 0, 3, 4)$$, '22023', NULL, 'draw larger than population is 22023');
SELECT throws_ok($$SELECT eco.offset_capacity('3201', 'VOCs', 0)$$, '22023', NULL, 'ratio 0 is 22023');
SELECT throws_ok($$SELECT eco.pp_change('NaN', 1)$$, '22023', 'pp_change: cur must be a finite number, not NaN',
                 'pp_change: NaN cur is 22023 naming cur');
SELECT throws_ok($$SELECT eco.pp_change(1, 'Infinity')$$, '22023', 'pp_change: prev must be a finite number, not Infinity',
                 'pp_change: infinite prev is 22023 naming prev');
SELECT throws_ok($$SELECT eco.pp_change('-Infinity', 1)$$, '22023', NULL, 'pp_change: -Infinity is 22023');
SELECT throws_ok($$SELECT eco.offset_capacity('3201', 'VOCs', 'NaN')$$, '22023', 'ratio must be a finite positive number: NaN',
                 'offset_capacity: NaN ratio is 22023 naming the ratio');
SELECT throws_ok($$SELECT eco.offset_capacity('3201', 'VOCs', 'Infinity')$$, '22023',
                 'ratio must be a finite positive number: Infinity', 'offset_capacity: infinite ratio is 22023');
SELECT throws_ok($$SELECT eco.offset_capacity('3201', 'VOCs', '-Infinity')$$, '22023', NULL,
                 'offset_capacity: -Infinity ratio is 22023');
SELECT throws_ok($$SELECT * FROM eco.offset_summary('3201', 'NaN')$$, '22023', NULL, 'offset_summary: NaN ratio is 22023');
SELECT is(eco.pp_change(52.5, 50.6), 1.9, 'pp_change of finite values is the difference');
SELECT is(eco.change_phrase(5, NULL, 'count'), NULL, 'NULL previous value gives NULL');
SELECT is(eco.change_phrase(5, 0, 'count'), NULL, 'zero previous value gives NULL, not an error');
SELECT is(eco.same_day_last_year('2024-02-29'), '2023-02-28'::date, '29 February maps to 28 February');
SELECT is(eco.change_phrase(32.2, 37.3, 'concentration'), '同比改善13.7%', 'improvement phrase');
SELECT is(eco.change_phrase(81.9, 80.0, 'pp'), '同比上升1.9个百分点', 'percentage-point phrase');
SELECT is(eco.change_phrase(40.0, 37.3, 'concentration'), '同比恶化7.2%', 'deterioration phrase');
SELECT is(eco.change_phrase(37.31, 37.3, 'concentration'), '同比持平', 'no-change phrase when the rounded change is 0');
-- A city bureau's published sentence (previous values chosen so that the quoted changes follow):
-- PM2.5 32.2 against 37.27 -> 13.60 %, PM10 57.1 against 63.2 -> 9.65 % -> 9.7 %, good days 81.9 against 80.0.
SELECT is(eco.change_phrase(32.2, 37.27, 'concentration'), '同比改善13.6%', 'PM2.5 32.2: 同比改善13.6%');
SELECT is(eco.change_phrase(57.1, 63.2, 'concentration'), '同比改善9.7%', 'PM10 57.1: 同比改善9.7%');
SELECT is(eco.change_phrase(81.9, 80.0, 'pp_higher_better'), '同比改善1.9个百分点', 'good days 81.9 %: 同比改善1.9个百分点');

-- ---------- data: two areas ----------
INSERT INTO eco.rectification (area, level, finding, found_on, deadline, closed_on) VALUES
    ('320100', '中央', 'closed', '2023-01-01', '2023-06-30', '2023-05-01'),
    ('320100', '省', 'overdue', '2023-01-01', '2023-06-30', NULL),
    ('320100', '市', 'not due', '2023-01-01', '2023-12-31', NULL),
    ('330100', '中央', 'other city overdue', '2023-01-01', '2023-01-31', NULL);
INSERT INTO eco.complaint (area, received_on, channel, category, closed_on) VALUES
    ('320100', '2023-03-01', '电话', '气', '2023-03-05'), ('320100', '2023-04-01', '网络', '水', NULL),
    ('320100', '2022-03-01', '电话', '气', '2022-03-02'), ('330100', '2023-03-01', '来信', '噪声', NULL);
INSERT INTO eco.emission_reduction (area, pollutant, reduction_tpa, achieved_on) VALUES
    ('320100', 'VOCs', 369.61, '2023-03-01'), ('330100', 'VOCs', 100, '2023-03-01');
INSERT INTO eco.inspection_enterprise (area, code, name)
    SELECT '320100', 'E' || g, 'enterprise ' || g FROM generate_series(1, 10) g;
INSERT INTO eco.inspector (area, code, name) SELECT '320100', 'I' || g, 'inspector ' || g FROM generate_series(1, 4) g;

SELECT is((SELECT overdue::int FROM eco.rectification_summary('3201', '2023-11-11') WHERE level = '合计'), 1,
          'an overdue finding appears as overdue');
SELECT is((SELECT status FROM eco.rectification_status('3201', '2023-11-11') WHERE finding = 'overdue'), 'overdue',
          'its status is overdue');
SELECT is((SELECT array_agg(ARRAY[findings, closed, open_not_due, overdue] ORDER BY level)
           FROM eco.rectification_summary('3201', '2023-11-11') WHERE level <> '合计'),
          (SELECT array_agg(x ORDER BY level) FROM (
               SELECT level, ARRAY[count(*), count(*) FILTER (WHERE closed_on <= '2023-11-11'),
                                   count(*) FILTER (WHERE closed_on IS NULL AND deadline >= '2023-11-11'),
                                   count(*) FILTER (WHERE closed_on IS NULL AND deadline < '2023-11-11')] AS x
               FROM eco.rectification WHERE area LIKE '3201%' GROUP BY level) r),
          'rectification summary equals independent counts');
SELECT is(eco.offset_capacity('3201', 'VOCs'), 184.805, 'VOCs 369.61 t/a frees 184.805 t/a at two-for-one');
SELECT throws_ok($$INSERT INTO eco.offset_use (area, pollutant, project, emission_tpa, approved_on)
                   VALUES ('320100', 'VOCs', 'too big', 184.81, '2023-06-01')$$, '23514', NULL,
                 'a project consuming more than remains is 23514');

-- ---------- row-level security: a role limited to another area ----------
CREATE ROLE eco_tap_hz NOLOGIN;
GRANT USAGE ON SCHEMA eco TO eco_tap_hz;  -- already granted to PUBLIC by 05_area.sql; harmless
INSERT INTO eco.area_grant VALUES ('eco_tap_hz', '3301');
SET LOCAL ROLE eco_tap_hz;
SELECT is((SELECT count(*)::int FROM eco.rectification), 1, 'the Hangzhou role sees only its own finding');
SELECT is((SELECT findings::int FROM eco.rectification_summary('', '2023-11-11') WHERE level = '合计'), 1,
          'summaries count only visible rows');
SELECT is((SELECT complaints::int FROM eco.complaint_summary('', '[2023-01-01,2023-12-31]') WHERE dimension = 'total'),
          1, 'complaint summary counts only visible rows');
SELECT is(eco.offset_capacity('', 'VOCs'), 50::numeric, 'offset capacity counts only visible reductions');
SELECT is((SELECT count(*)::int FROM eco.inspection_enterprise), 0, 'the other area''s register is invisible');
SELECT throws_ok($$INSERT INTO eco.complaint (area, received_on, channel, category)
                   VALUES ('320100', '2023-05-01', '电话', '气')$$, '42501', NULL,
                 'inserting a row of another area is refused');
SELECT throws_ok($$UPDATE eco.complaint SET area = '320100'$$, '42501', NULL,
                 'moving a row into another area is refused');
SELECT results_eq($$WITH u AS (UPDATE eco.rectification SET closed_on = '2023-06-01' WHERE area = '320100'
                                RETURNING 1) SELECT count(*)::int FROM u$$, ARRAY[0],
                  'rows of another area cannot be updated');
SELECT lives_ok($$INSERT INTO eco.complaint (area, received_on, channel, category)
                  VALUES ('330102', '2023-05-01', '电话', '气')$$, 'inserting a row of its own area works');
SELECT throws_ok($$SELECT * FROM eco.draw_inspections(1, 1, '3301', '2023-01-01')$$, '22023', NULL,
                 'an empty visible register cannot be drawn from');
SELECT throws_ok($$SELECT * FROM eco.draw_inspections(0, 1, '', '2023-01-01')$$, '42501', NULL,
                 'a draw recorded for an area the role may not see is refused');
RESET ROLE;

-- ---------- draws ----------
SELECT is((SELECT array_agg(enterprise_code ORDER BY seq) FROM eco.draw_inspections(4, 99, '3201', '2023-05-01')),
          (SELECT array_agg(enterprise_code ORDER BY seq) FROM eco.draw_inspections(4, 99, '3201', '2023-05-02')),
          'same seed, same draw');
SELECT is((SELECT count(*)::int FROM eco.inspection_check c JOIN eco.inspection_draw d ON d.id = c.draw_id
           WHERE d.seed = 99), 8, 'every drawn check is recorded');
SELECT is((SELECT checks::int FROM eco.inspection_summary('3201', '[2023-05-01,2023-05-31]')), 8,
          'inspection summary counts the recorded checks');

SELECT * FROM finish();
ROLLBACK;
