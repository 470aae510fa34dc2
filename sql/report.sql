-- Air summary and annual report on a small data set that can be checked by hand.
\set VERBOSITY terse
SET client_min_messages = warning;

INSERT INTO eco.site (code, name, kind, area) VALUES
    ('RA1', 'station 1', 'air', '770101'), ('RA2', 'station 2', 'air', '770102'), ('RA9', 'elsewhere', 'air', '780101');
-- PM2.5 by day and station (PM10 = 2 x PM2.5; the dust day's PM10 at RA1 is 300):
--   2024-02-28: 30, 40 -> city 35     2024-02-29: 50 (dust), 60 -> dust day, no PM value
--   2024-03-01: 20, invalid -> 20    2023-02-28: 40, 50 -> 45    2023-03-01: 30, 30 -> 30
-- Every day: SO2 10, NO2 30, CO 0.8, O3 MDA8 100 (max 1-h 120).  RA9 (another area) is 500 everywhere.
-- 2021-06-01: RA1 25, with nothing a year before.
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,
                           so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust)
SELECT site, day::date, 10, 30, 0.8, 60, CASE WHEN dust THEN 300 ELSE 2 * pm END, pm, 120, 100,
       true, true, true, true, pm IS NOT NULL, pm IS NOT NULL, true, 24, dust
FROM (VALUES ('RA1', '2024-02-28', 30, false), ('RA2', '2024-02-28', 40, false),
             ('RA1', '2024-02-29', 50, true), ('RA2', '2024-02-29', 60, false),
             ('RA1', '2024-03-01', 20, false), ('RA2', '2024-03-01', NULL, false),
             ('RA1', '2023-02-28', 40, false), ('RA2', '2023-02-28', 50, false),
             ('RA1', '2023-03-01', 30, false), ('RA2', '2023-03-01', 30, false),
             ('RA9', '2024-02-28', 500, false), ('RA9', '2023-02-28', 500, false),
             ('RA1', '2021-06-01', 25, false)) AS t(site, day, pm, dust);

-- 29 February: [2024-02-28, 2024-03-01] against [2023-02-28, 2023-03-01].
-- PM2.5 (35 + 20) / 2 = 27.5 against (45 + 30) / 2 = 37.5: 改善26.7%; PM10 55.0 against 75.0.
-- City AQI (HJ 633-2012): 60, 130 (PM10 210 on the dust day), 40 -> 2 of 3 good = 66.7 % against 100 %.
-- Composite: 10/60 + 30/40 + 55.0/70 + 27.5/35 + 0.8/4 + 100/160 = 3.3131 -> 3.31 against 3.8845 -> 3.88.
SELECT indicator, value, unit, valid_days, days, capture, prev_value, prev_valid_days, prev_days, prev_capture,
       change, change_phrase
FROM eco.air_summary('77', '[2024-02-28,2024-03-01]');
-- The same data through another area prefix: only the station of that area.
SELECT indicator, value, prev_value, change_phrase FROM eco.air_summary('78', '[2024-02-28,2024-03-01]')
WHERE indicator IN ('PM2.5', 'good_days_ratio');
-- One day (1 March): 20 against 30.
SELECT indicator, value, prev_value, prev_valid_days, change, change_phrase
FROM eco.air_summary('77', '[2024-03-01,2024-03-01]') WHERE indicator IN ('PM2.5', 'composite_index');
-- An empty previous year (nothing in 2020): values without a change.
SELECT indicator, value, prev_value, prev_valid_days, change, change_phrase
FROM eco.air_summary('77', '[2021-06-01,2021-06-01]') WHERE indicator IN ('PM2.5', 'composite_index');
-- An empty current period: last year's values, no change.
SELECT indicator, value, prev_value, change_phrase FROM eco.air_summary('77', '[2025-02-28,2025-03-01]')
WHERE indicator IN ('PM2.5', 'good_days_ratio');
-- No data at all in the period.
SELECT indicator, value, valid_days, days, capture FROM eco.air_summary('77', '[2020-01-01,2020-01-31]')
WHERE indicator = 'PM2.5';
SELECT * FROM eco.air_summary('77', '[2024-01-01,)');
SELECT * FROM eco.air_summary('77', 'empty');

-- The good-days ratio is rounded once, from the exact ratio (GB/T 8170): 167 good days out of 1003
-- is 16.650049...% -> 16.7 (rounding first to 4 decimals, 16.6500, then to 1 would give 16.6).
INSERT INTO eco.site (code, name, kind, area) VALUES ('RB1', 'long series', 'air', '660101');
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,
                           so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust)
SELECT 'RB1', date '2021-01-01' + i, 10, 30, 0.8, 60, pm * 2, pm, 120, 100, true, true, true, true, true, true, true,
       24, false
FROM generate_series(0, 1002) i CROSS JOIN LATERAL (SELECT CASE WHEN i < 167 THEN 20 ELSE 200 END AS pm) x;
SELECT indicator, value, valid_days, days FROM eco.air_summary('66', '[2021-01-01,2023-09-30]')
WHERE indicator = 'good_days_ratio';

-- A good day (优良) is AQI level 1 or 2: PM10 150 is AQI 100 (good), 151 is AQI 101 (not), HJ 633-2012.
INSERT INTO eco.site (code, name, kind, area) VALUES ('RC1', 'boundary', 'air', '650101');
INSERT INTO eco.air_daily (site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h,
                           so2_valid, no2_valid, co_valid, o3_valid, pm10_valid, pm25_valid, o3_8h_valid, n_hours, dust)
VALUES ('RC1', '2022-06-01', 10, 30, 0.8, 60, 150, 30, 120, 100, true, true, true, true, true, true, true, 24, false),
       ('RC1', '2022-06-02', 10, 30, 0.8, 60, 151, 30, 120, 100, true, true, true, true, true, true, true, 24, false);
SELECT indicator, value, valid_days FROM eco.air_summary('65', '[2022-06-01,2022-06-02]')
WHERE indicator = 'good_days_ratio';

-- The annual report of 2024 to 1 March, with one entry in some ledgers.
INSERT INTO eco.complaint (area, received_on, channel, category, closed_on) VALUES
    ('770101', '2024-02-29', '电话', '气', '2024-03-01'), ('770101', '2023-02-28', '网络', '噪声', '2023-03-02'),
    ('770102', '2023-02-01', '来信', '水', NULL);
INSERT INTO eco.rectification (area, level, finding, found_on, deadline, closed_on) VALUES
    ('770101', '中央', 'overdue one', '2023-06-01', '2024-01-31', NULL),
    ('770101', '省', 'closed one', '2023-06-01', '2024-06-30', '2024-02-01');
INSERT INTO eco.task (area, program, item, plan_year, done_on) VALUES
    ('770101', '燃煤锅炉淘汰', 'boiler 1', 2024, '2024-02-01'), ('770101', '燃煤锅炉淘汰', 'boiler 2', 2024, NULL);
SELECT seq, section, indicator, value, unit, prev_value, change, detail
FROM eco.annual_report('77', 2024, '2024-03-01') ORDER BY seq;
-- as_of after the year is cut to 31 December; errors.
SELECT count(*) FROM eco.annual_report('77', 2024, '2025-06-30');
SELECT * FROM eco.annual_report('77', 2024, '2023-12-31');
SELECT * FROM eco.annual_report('77', 0);
SELECT * FROM eco.annual_report('77', NULL);
