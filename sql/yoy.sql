-- Year-on-year (同比): same period last year, % and percentage-point changes, bulletin phrases.
\set VERBOSITY terse
SET client_min_messages = warning;

-- 29 February maps to 28 February; other days keep their date.
SELECT d, eco.same_day_last_year(d)
FROM unnest(ARRAY['2024-02-29', '2024-02-28', '2024-03-01', '2023-11-11', '2021-02-28', '2000-02-29',
                  'infinity', '-infinity']::date[]) AS d;
-- Periods: first and last day move back one year.
SELECT r, eco.same_period_last_year(r)
FROM unnest(ARRAY['[2023-01-01,2023-11-11]', '[2024-01-01,2024-12-31]', '[2024-02-01,2024-02-29]',
                  '[2024-02-29,2024-02-29]', '[2024-02-29,2024-03-31]', '[2023-03-01,2024-02-29]',
                  '[2024-01-01,2024-02-28]', '(,2024-02-29]', '[2024-02-29,)', 'empty']::daterange[]) AS r;
-- Days in a leap year's February period against the year before: 29 -> 28.
SELECT upper(p) - lower(p) AS days_2024, upper(q) - lower(q) AS days_2023
FROM (SELECT '[2024-02-01,2024-02-29]'::daterange AS p) s,
     LATERAL (SELECT eco.same_period_last_year(p) AS q) t;
-- The lower end of the date type cannot move back.
SELECT eco.same_day_last_year('4714-11-24 BC');
SELECT eco.same_period_last_year('[4714-11-30 BC,4713-01-01 BC)');

-- Relative change in % (unrounded), percentage points, improvement.
SELECT eco.pct_change(32.2, 37.3) AS pm25, eco.pct_change(29, 30) AS national_2022,
       eco.pct_change(10, 10) AS same, eco.pct_change(5, 0) AS prev_zero, eco.pct_change(5, NULL) AS prev_null,
       eco.pct_change(-1, -2) AS negative_prev;
SELECT eco.pp_change(81.9, 80.0) AS good_days, eco.pp_change(90.0, 70.0) AS wuzhong, eco.pp_change(1, NULL);
SELECT eco.improvement(32.2, 37.3) AS pm25_better, eco.improvement(40, 37.3) AS pm25_worse,
       eco.improvement(81.9, 80, false) AS higher_better, eco.improvement(1, 0) AS prev_zero;

-- Phrases: improvement, deterioration, no change, for every kind.
SELECT kind, measure, direction, word_up, word_down, suffix FROM eco.change_kinds;
SELECT k.kind, eco.change_phrase(32.2, 37.3, k.kind) AS down, eco.change_phrase(40.0, 37.3, k.kind) AS up,
       eco.change_phrase(37.3, 37.3, k.kind) AS same
FROM eco.change_kinds k;
-- The bulletin figures: PM2.5 32.2 (prev 37.3) 改善13.7%, good days 81.9 (prev 80.0) 改善1.9个百分点,
-- composite index 3.75 (prev 3.94) 改善4.8%; MEE 2022: PM2.5 29 vs 30 下降3.3%; Wuzhong 90.0 vs 70.0 上升20.0个百分点.
SELECT eco.change_phrase(32.2, 37.3, 'concentration') AS pm25,
       eco.change_phrase(81.9, 80.0, 'pp_higher_better') AS good_days,
       eco.change_phrase(3.75, 3.94, 'concentration') AS composite,
       eco.change_phrase(29, 30, 'pct') AS mee_2022,
       eco.change_phrase(90.0, 70.0, 'pp') AS wuzhong;
-- 持平 when the rounded change is 0, even if the values differ.
SELECT eco.change_phrase(100.04, 100, 'pct') AS tiny_up, eco.change_phrase(99.96, 100, 'pct') AS tiny_down,
       eco.change_phrase(80.04, 80, 'pp') AS pp_tiny, eco.change_phrase(100.05, 100, 'pct') AS half_up;
-- Half-up on the exact decimal value: 1.25 / 1.35 / -1.25 % and values just below the half.
SELECT eco.change_rounded(101.25, 100, 'pct') AS p125, eco.change_rounded(101.35, 100, 'pct') AS p135,
       eco.change_rounded(98.75, 100, 'pct') AS m125, eco.change_rounded(101.2499999999999999, 100, 'pct') AS below,
       eco.change_rounded(1, 3, 'pct') AS third, eco.change_rounded(2, 3, 'pct') AS m_third,
       eco.change_rounded(80.25, 80, 'pp') AS pp_half, eco.change_rounded(80.249, 80, 'pp') AS pp_below;
-- A quotient that is a hair below a half in exact arithmetic (1.25 % minus 1e-20 %) must round down.
SELECT eco.change_rounded(100 + 1.25 - 1e-20, 100, 'pct') AS hair_below,
       eco.change_phrase(100 + 1.25 - 1e-20, 100, 'pct') AS phrase;
-- Other decimals.
SELECT eco.change_phrase(83, 139, 'count', 2) AS complaints_2dp, eco.change_phrase(83, 139, 'count', 0) AS dp0,
       eco.change_rounded(83, 139, 'count', 4) AS dp4;
-- Empty previous year or zero: NULL, not an error.
SELECT eco.change_phrase(32.2, NULL, 'concentration') AS prev_null, eco.change_phrase(5, 0, 'count') AS prev_zero,
       eco.change_phrase(0, 0, 'pct') AS both_zero, eco.change_phrase(5, 0, 'pp') AS pp_from_zero,
       eco.change_rounded(5, 0, 'pct') AS rounded_zero;
-- Shares.
SELECT eco.share(39, 88) AS problem_rate, eco.share(73, 92) AS heshan, eco.share(86, 91) AS naiman,
       eco.share(27, 30) AS wuzhong, eco.share(1, 8) AS eighth, eco.share(1, 8, 2) AS eighth_2dp,
       eco.share(1, 0) AS of_zero, eco.share(0, 5) AS none;

-- GB/T 8170 rounding (GB/T 8170-2008 §3.2 and its examples).
SELECT v, d, eco.gbt8170_round(v, d)
FROM (VALUES (1.15, 1), (1.25, 1), (1.35, 1), (1.251, 1), (1.249, 1), (34.5, 0), (35.5, 0), (60.5, 0), (75.5, 0),
             (35.01, 0), (28.175, 2), (28.165, 2), (28.350, 1), (28.250, 1), (1.050, 1), (0.35, 1),
             (-1.25, 1), (-1.35, 1), (0.5, 0), (1.5, 0), (2.5000000000000000001, 0), (3.0, 2)) AS t(v, d);
SELECT eco.gbt8170_round('NaN', 1);
SELECT eco.gbt8170_round(1.5, 5);
-- Published figures of the air summary.
SELECT * FROM eco.report_indicators;

-- Errors.
SELECT eco.change_phrase(1, 2, 'percent');
SELECT eco.change_phrase(1, 2, 'pct', 5);
SELECT eco.change_phrase(1, 2, 'pct', -1);
SELECT eco.change_phrase('NaN', 2, 'pct');
SELECT eco.pct_change(1, 'Infinity');
SELECT eco.share(1, 2, 9);
SELECT eco.share('NaN', 2);
SELECT eco.change_phrase(1e200, 1, 'pct');

-- Labels.
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'eco' AND p.proname IN ('same_day_last_year', 'same_period_last_year', 'pct_change', 'pp_change',
                                          'improvement', 'change_rounded', 'change_phrase', 'share', '_draw_sample')
ORDER BY 1;

-- The reproducible draw primitive.
SELECT eco._draw_sample(20231111, 0, 10, 4) AS a, eco._draw_sample(20231111, 0, 10, 4) AS again,
       eco._draw_sample(20231112, 0, 10, 4) AS other_seed, eco._draw_sample(20231111, 1, 10, 4) AS other_stream,
       eco._draw_sample(1, 0, 0, 0) AS empty;
SELECT (SELECT array_agg(x ORDER BY x) FROM unnest(eco._draw_sample(7, 0, 6, 6)) x) AS full_draw_sorted;
SELECT eco._draw_sample(1, 0, 3, 4);
SELECT eco._draw_sample(1, 0, -1, 0);
SELECT eco._draw_sample(1, 0, 10000001, 0);
SELECT eco._draw_sample(1, 0, 3, -1);
