-- US EPA AQI (TAD May 2024): eco.iaqi under 'EPA-2024', eco.epa_aqi, eco.nowcast.
\set VERBOSITY terse
SET search_path = eco, public;

-- US EPA Technical Assistance Document (2024) examples (EPA units: O3 and CO ppm, PM µg/m³, SO2 and NO2 ppb).
SELECT p, per, c, eco.iaqi(p::eco.pollutant, per, c, 'EPA-2024') AS idx
FROM (VALUES ('O3', '8h', 0.07853333), ('PM2.5', '24h', 35.9), ('CO', '8h', 8.4), ('O3', '1h', 0.162),
             ('PM2.5', '24h', 9.0), ('PM2.5', '24h', 9.1), ('PM2.5', '24h', 12.0),
             ('PM2.5', '24h', 35.4), ('PM2.5', '24h', 35.5), ('PM2.5', '24h', 55.4), ('PM2.5', '24h', 55.5),
             ('PM2.5', '24h', 125.4), ('PM2.5', '24h', 125.5), ('PM2.5', '24h', 225.4), ('PM2.5', '24h', 225.5),
             ('PM2.5', '24h', 325.4), ('PM2.5', '24h', 400), ('O3', '8h', 0.200),
             -- truncation before the table
             ('PM2.5', '24h', 9.09), ('PM10', '24h', 54.9), ('CO', '8h', 4.49), ('SO2', '1h', 35.9),
             ('NO2', '1h', 53.9), ('O3', '8h', 0.0549),
             -- cells the TAD leaves blank, the SO2 1-h cap and the 24-h rows
             ('O3', '8h', 0.201), ('O3', '1h', 0.124), ('O3', '1h', 0.125), ('SO2', '1h', 304),
             ('SO2', '1h', 305), ('SO2', '24h', 304), ('SO2', '24h', 305), ('SO2', '24h', 1004),
             ('SO2', '24h', 1200), ('NO2', '1h', 2049), ('NO2', '1h', 3000), ('PM10', '24h', 700)) AS v(p, per, c);

-- The TAD example: O3 8-h 0.07853333, PM2.5 35.9, CO 8.4 -> 126, main pollutant O3.
SELECT * FROM eco.epa_aqi(o3_8h => 0.07853333, pm25 => 35.9, co => 8.4);
SELECT * FROM eco.epa_aqi(o3_8h => 0.078, o3_1h => 0.162);
SELECT * FROM eco.epa_aqi(so2 => 400);
SELECT * FROM eco.epa_aqi(so2 => 400, so2_24h => 400);
SELECT * FROM eco.epa_aqi(pm25 => 9.0, pm10 => 54);
SELECT * FROM eco.epa_aqi(pm25 => 400, no2 => 30);
SELECT * FROM eco.epa_aqi();
SELECT a, (eco.aqi_level(a, 'EPA-2024')).* FROM unnest(ARRAY[0, 50, 51, 101, 151, 201, 301, 649]) AS a;

-- NowCast (most recent first; NULL = missing hour).
SELECT eco.nowcast(ARRAY[10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]::float8[]) AS constant,
       eco.nowcast(ARRAY[20, 10, 40]::float8[]) AS clamped_to_half,
       round(eco.nowcast(ARRAY[30, 40]::float8[])::numeric, 6) AS w_three_quarters,
       eco.nowcast(ARRAY[NULL, 10, 10]::float8[]) AS one_recent_missing,
       eco.nowcast(ARRAY[NULL, NULL, 10, 10]::float8[]) AS two_recent_missing,
       eco.nowcast(ARRAY[]::float8[]) AS empty,
       eco.nowcast(ARRAY[0, 0, 0]::float8[]) AS zeros,
       eco.nowcast(ARRAY[12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 1000]::float8[]) AS thirteenth_ignored;
-- Huge finite hours: the weighted sum overflows float8, the NowCast does not.
SELECT eco.nowcast(ARRAY[1e308, 1e308, 1e308]::float8[]) AS nowcast_1e308;
-- NowCast feeding the index.
SELECT eco.iaqi('PM2.5', '24h', eco.nowcast(ARRAY[35.9, 35.9, 35.9]::float8[]), 'EPA-2024') AS nowcast_index;

-- Negative readings (instrument noise near zero): the EPA's daily files publish them with AQI 0, e.g. a daily
-- PM2.5 of -0.3 µg/m³.  Each counts as 0: index 0 where 0 has one, no index where 0 has none (O3 1-h, SO2 24-h).
SELECT (eco.epa_aqi(pm25 => -0.3)).*;
SELECT (eco.epa_aqi(pm25 => -0.3, pm10 => -2, o3_8h => -0.001, co => -0.1, so2 => -1, no2 => -0.5)).*;
SELECT (eco.epa_aqi(o3_1h => -0.002, so2_24h => -3)).aqi AS none_from_zero,
       (eco.epa_aqi(pm25 => -0.3, o3_8h => 0.078)).aqi AS o3_decides;
SELECT eco.iaqi('PM2.5', '24h', -0.3, 'EPA-2024') AS iaqi_pm25_neg, eco.iaqi('O3', '1h', -0.01, 'EPA-2024') AS iaqi_o3_1h_neg;
-- NaN and infinity stay errors; HJ 633 keeps rejecting negatives (22023).
SELECT eco.epa_aqi(pm25 => 'NaN');
SELECT eco.epa_aqi(pm10 => '-Infinity');
SELECT eco.iaqi('PM2.5', '24h', -0.3, 'HJ633-2026');

-- Errors.
SELECT eco.iaqi('PM2.5', '24h', 1e10, 'EPA-2024');
SELECT eco.iaqi('PM2.5', '1h', 10, 'EPA-2024');
SELECT eco.iaqi('CO', '24h', 1, 'EPA-2024');
SELECT eco.epa_aqi(pm10 => 1e12);
SELECT eco.epa_aqi(so2_24h => 1e12);
SELECT eco.epa_aqi(pm25 => 10, standard => 'HJ633-2026');
SELECT eco.nowcast(ARRAY[10, -1, 10]::float8[]);
SELECT eco.nowcast(ARRAY[10, 'NaN', 10]::float8[]);
SELECT eco.nowcast(ARRAY[[1, 2], [3, 4]]::float8[]);
