-- eco.iaqi, eco.daily_aqi, eco.hourly_aqi, eco.aqi_level (HJ 633-2012 / HJ 633-2026).
\set VERBOSITY terse
SET search_path = eco, public;

-- Exactness: a value on a breakpoint gives that row (75 -> 100, not 101); CO 2.24 -> 56, not 57.
SELECT eco.iaqi('PM2.5', '24h', 75, 'HJ633-2012') AS pm25_75_2012,
       eco.iaqi('CO', '24h', 2.24, 'HJ633-2012') AS co_2_24_2012,
       eco.iaqi('CO', '24h', 2.24, 'HJ633-2026') AS co_2_24_2026_rounded_to_2_2,
       eco.iaqi('CO', '24h', 2.24::numeric, 'HJ633-2012') AS from_numeric,
       eco.iaqi('PM2.5', '24h', 35.0000001, 'HJ633-2012') AS just_above_35,
       eco.iaqi('CO', '24h', 0.1::float8 + 0.2::float8, 'HJ633-2012') AS co_0_30000000000000004;

-- Single-IAQI worked examples, both editions (2026 applies GB/T 8170 first: 35.01 -> 35, 35.5 -> 36).
SELECT p, per, c, eco.iaqi(p::eco.pollutant, per, c, 'HJ633-2012') AS iaqi_2012,
       eco.iaqi(p::eco.pollutant, per, c) AS iaqi_2026
FROM (VALUES ('PM2.5', '24h', 35.01), ('PM2.5', '24h', 36), ('PM2.5', '24h', 55), ('PM2.5', '24h', 60),
             ('PM2.5', '24h', 75), ('PM2.5', '24h', 76), ('PM2.5', '24h', 120), ('PM10', '24h', 150),
             ('PM10', '24h', 151), ('PM10', '24h', 180), ('SO2', '24h', 65), ('SO2', '24h', 300),
             ('NO2', '24h', 150), ('CO', '24h', 1.0), ('CO', '24h', 2.1), ('CO', '24h', 4.4),
             ('O3', '8h', 161), ('O3', '8h', 200), ('O3', '1h', 220), ('O3', '1h', 950),
             ('NO2', '1h', 250), ('CO', '1h', 12.3),
             ('PM2.5', '24h', 10), ('PM2.5', '24h', 35.5), ('PM2.5', '24h', 40), ('PM2.5', '24h', 59),
             ('PM2.5', '24h', 80), ('CO', '24h', 1.5), ('CO', '24h', 2.5), ('CO', '24h', 3.4),
             ('PM10', '24h', 100), ('PM10', '24h', 118), ('PM10', '24h', 120), ('SO2', '24h', 150),
             ('SO2', '24h', 500), ('SO2', '24h', 650), ('O3', '8h', 120), ('NO2', '24h', 60),
             ('PM2.5', '24h', 501), ('PM10', '24h', 601)) AS v(p, per, c);

-- GB/T 8170 input rounding under 2026 (CO to 0.1, the rest to integers), half to even on the decimal as written.
SELECT c, eco.iaqi('CO', '24h', c, 'HJ633-2026') AS co_2026, eco.iaqi('CO', '24h', c, 'HJ633-2012') AS co_2012
FROM unnest(ARRAY[1.15, 1.25, 1.35, 1.251, 1.249]::float8[]) AS c;
SELECT c, eco.iaqi('PM2.5', '24h', c) AS pm25_2026
FROM unnest(ARRAY[34.5, 35.5, 60.5, 75.5, 35.01]::float8[]) AS c;

-- Footnotes: SO2 1-h and O3 8-h above 800.
SELECT eco.iaqi('SO2', '1h', 800, 'HJ633-2012') AS so2_800_2012, eco.iaqi('SO2', '1h', 900, 'HJ633-2012') AS so2_900_2012,
       eco.iaqi('SO2', '1h', 900, 'HJ633-2026') AS so2_900_2026, eco.iaqi('O3', '8h', 800, 'HJ633-2012') AS o3_800_2012,
       eco.iaqi('O3', '8h', 850, 'HJ633-2012') AS o3_850_2012, eco.iaqi('O3', '8h', 850, 'HJ633-2026') AS o3_850_2026;
-- 2026 real time: PM 1-h on the daily breakpoints; periods in other spellings.
SELECT eco.iaqi('PM2.5', '1h', 75) AS pm25_1h_2026, eco.iaqi('细颗粒物', '24H', 75) AS by_name,
       eco.iaqi('a34004', '24-h', 75) AS by_hj212;

-- Full-day worked examples A-D (derived from HJ 633 Tables), called with named arguments.
SELECT v.case_, s.std, r.*
FROM (VALUES ('A', 65, 150, 1.0, 180, 120, 200, 220), ('B', 10, 30, 0.8, 150, 75, 90, 120),
             ('C', 8, 25, 0.6, 45, 30, 95, 110), ('D', 12, 35, 0.9, 60, 36, 120, 150),
             ('F', 8, 25, 0.6, 45, 30, 850, 950)) AS v(case_, so2, no2, co, pm10, pm25, o3_8h, o3_1h)
CROSS JOIN (VALUES ('HJ633-2012'::eco.standard), ('HJ633-2026')) AS s(std)
CROSS JOIN LATERAL eco.daily_aqi(so2 => v.so2, no2 => v.no2, co => v.co, pm10 => v.pm10, pm25 => v.pm25,
                                 o3_8h => v.o3_8h, o3_1h => v.o3_1h, standard => s.std) AS r
ORDER BY v.case_, s.std::text;
-- Default edition, positional call, o3_1h omitted.
SELECT * FROM eco.daily_aqi(65, 150, 1.0, 180, 120, 200);
-- Missing indicators: 2012 from the others; 2026 §5.3.1 NA unless above 100 (IAQIs kept).
SELECT s.std, pm25, r.aqi, r.level, r.category, r.primary_pollutants, r.iaqi_no2, r.iaqi_pm25
FROM (VALUES ('HJ633-2012'::eco.standard), ('HJ633-2026')) AS s(std)
CROSS JOIN unnest(ARRAY[30, 60, 75]::float8[]) AS pm25
CROSS JOIN LATERAL eco.daily_aqi(so2 => 8, no2 => NULL, co => 0.6, pm10 => 45, pm25 => pm25, o3_8h => 95,
                                 standard => s.std) AS r
ORDER BY s.std::text, pm25;
SELECT (eco.daily_aqi(NULL, NULL, NULL, NULL, NULL, NULL, standard => 'HJ633-2012')).*;
SELECT eco.daily_aqi(1, 1, 0.1, 1, 1, 1, standard => NULL) IS NULL AS null_standard;
-- All zero: AQI 0, level 1.
SELECT (eco.daily_aqi(0, 0, 0, 0, 0, 0)).*;

-- Real time, convention 'text' (HJ 633-2012 as written): E (SO2 1-h 900 with the 24-h 300), F, and full sets.
-- The default convention 'published' is tested on published data in aqi_published.
SELECT s.std, r.*
FROM (VALUES ('HJ633-2012'::eco.standard), ('HJ633-2026')) AS s(std)
CROSS JOIN LATERAL eco.hourly_aqi(so2 => 900, no2 => NULL, co => NULL, o3 => NULL, pm10 => NULL, pm25 => NULL,
                                  so2_24h => 300, standard => s.std, convention => 'text') AS r;
SELECT (eco.hourly_aqi(so2 => 900, no2 => 20, co => 0.5, o3 => 100, pm10 => 50, pm25 => 30, o3_8h => 90,
                       pm10_24h => 50, pm25_24h => 30, standard => 'HJ633-2012', convention => 'text')).*;
-- 2012 footnotes without the companion value: the pollutant is known to be high but has no index, so the AQI is
-- NA rather than an understatement from the others (the individual indices stay).
SELECT aqi, level, primary_pollutants, iaqi_so2, iaqi_no2
FROM eco.hourly_aqi(so2 => 900, no2 => 20, co => NULL, o3 => NULL, pm10 => NULL, pm25 => NULL, standard => 'HJ633-2012',
                    convention => 'text');
SELECT aqi, level, iaqi_o3_8h, iaqi_o3_1h, iaqi_pm25
FROM eco.daily_aqi(so2 => 5, no2 => 20, co => 0.5, pm10 => 40, pm25 => 20, o3_8h => 850, standard => 'HJ633-2012');
SELECT aqi, level, iaqi_o3_8h, iaqi_o3_1h
FROM eco.daily_aqi(so2 => 5, no2 => 20, co => 0.5, pm10 => 40, pm25 => 20, o3_8h => 850, o3_1h => 950,
                   standard => 'HJ633-2012');
SELECT aqi, iaqi_o3_8h, iaqi_o3_1h
FROM eco.hourly_aqi(so2 => 5, no2 => 20, co => 0.5, o3 => NULL, pm10 => NULL, pm25 => NULL, o3_8h => 850,
                    pm10_24h => 40, pm25_24h => 20, standard => 'HJ633-2012', convention => 'text');
SELECT s.std, r.*
FROM (VALUES ('HJ633-2012'::eco.standard), ('HJ633-2026')) AS s(std)
CROSS JOIN LATERAL eco.hourly_aqi(so2 => 20, no2 => 250, co => 12.3, o3 => 950, pm10 => 300, pm25 => 200,
                                  o3_8h => 850, pm10_24h => 150, pm25_24h => 75, standard => s.std,
                                  convention => 'text') AS r;
SELECT s.std, r.*
FROM (VALUES ('HJ633-2012'::eco.standard), ('HJ633-2026')) AS s(std)
CROSS JOIN LATERAL eco.hourly_aqi(so2 => 20, no2 => 250, co => 12.3, o3 => 220, pm10 => 300, pm25 => 200,
                                  o3_8h => 161, pm10_24h => 150, pm25_24h => 75, standard => s.std,
                                  convention => 'text') AS r;

-- Levels and texts.
SELECT a, (eco.aqi_level(a, 'HJ633-2012')).level, (eco.aqi_level(a, 'HJ633-2012')).category_zh,
       (eco.aqi_level(a)).color, (eco.aqi_level(a)).color_zh
FROM unnest(ARRAY[0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500]) AS a;
SELECT * FROM eco.aqi_level(175, 'HJ633-2012');
SELECT * FROM eco.aqi_level(175);
SELECT standard, level, aqi_lo, aqi_hi, level_zh, category_zh, category_en, color_zh, color FROM eco.aqi_levels
ORDER BY standard::text, level;
SELECT standard::text, pollutant::text, period, unit, array_agg(bp_hi ORDER BY iaqi_hi) AS breakpoints,
       min(input_decimals) AS input_decimals
FROM eco.aqi_breakpoints GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3;
SELECT standard, pollutant, period, iaqi_lo, iaqi_hi, bp_lo, bp_hi, note FROM eco.aqi_breakpoints
WHERE standard = 'EPA-2024' ORDER BY pollutant, period, iaqi_lo;

SELECT standard, pollutant, sensitive_groups FROM eco.aqi_sensitive_groups ORDER BY pollutant;
-- Sensitive groups of the day's pollutants above 100 (2026), by joining the view.
SELECT g.pollutant, g.sensitive_groups
FROM eco.daily_aqi(so2 => 65, no2 => 150, co => 1.0, pm10 => 180, pm25 => 120, o3_8h => 200) AS r
CROSS JOIN LATERAL (VALUES ('NO2', r.iaqi_no2), ('PM10', r.iaqi_pm10), ('PM2.5', r.iaqi_pm25), ('O3', r.iaqi_o3_8h),
                           ('SO2', r.iaqi_so2), ('CO', r.iaqi_co)) AS v(p, iaqi)
JOIN eco.aqi_sensitive_groups g ON g.pollutant = v.p::eco.pollutant AND g.standard = 'HJ633-2026'
WHERE v.iaqi > 100 ORDER BY g.pollutant;
-- Every breakpoint of every table gives its row (both ends of every band).
SELECT standard::text, count(*) AS bands,
       count(*) FILTER (WHERE eco.iaqi(pollutant, period, bp_lo::float8, standard) IS DISTINCT FROM iaqi_lo) AS bad_lo,
       count(*) FILTER (WHERE eco.iaqi(pollutant, period, bp_hi::float8, standard) IS DISTINCT FROM iaqi_hi) AS bad_hi
FROM eco.aqi_breakpoints GROUP BY 1 ORDER BY 1;
-- Above the top breakpoint: 500 (SO2 1-h and O3 8-h follow their footnotes).
SELECT standard::text, pollutant::text, period, eco.iaqi(pollutant, period, max(bp_hi)::float8 + 1, standard) AS above_top
FROM eco.aqi_breakpoints WHERE standard <> 'EPA-2024' GROUP BY 1, 2, 3, standard, pollutant ORDER BY 1, 2, 3;

-- Errors (22023).
SELECT eco.iaqi('PM2.5', '24h', -1);
SELECT eco.iaqi('PM2.5', '24h', 'NaN');
SELECT eco.iaqi('PM2.5', '24h', 'Infinity');
SELECT eco.iaqi('PM2.5', '2h', 35);
SELECT eco.iaqi('PM2.5', '1h', 35, 'HJ633-2012');
SELECT eco.iaqi('PM10', '8h', 35);
SELECT eco.iaqi('TSP', '24h', 35);
SELECT eco.iaqi('water:COD', '24h', 35);
SELECT eco.iaqi('PM2.5', '24h', 35, 'GB3095-2012');
SELECT eco.daily_aqi(so2 => -1, no2 => 1, co => 1, pm10 => 1, pm25 => 1, o3_8h => 1);
SELECT eco.daily_aqi(so2 => 1, no2 => 1, co => 1, pm10 => 1, pm25 => 'NaN', o3_8h => 1);
SELECT eco.daily_aqi(1, 1, 1, 1, 1, 1, standard => 'EPA-2024');
SELECT eco.daily_aqi(1, 1, 1, 1, 1, 1, standard => 'GB3838-2002');
SELECT eco.hourly_aqi(1, 1, 1, 1, 1, 1, so2_24h => -3);
SELECT eco.hourly_aqi(1, 1, 1, 1, 1, 1, standard => 'HJ663-2013');
SELECT eco.aqi_level(-1);
SELECT eco.aqi_level(10, 'GB3095-2026');
