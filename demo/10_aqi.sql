-- Demo, part 10: the air quality index under HJ 633-2012, HJ 633-2026 and the US EPA rules.
\echo '== the same day of concentrations, under the edition in force on each date'
SELECT d AS day, eco.standard_in_force('HJ633', d) AS edition, r.aqi, r.category, r.color,
       r.primary_pollutants AS primary, r.iaqi_pm25, r.iaqi_pm10
FROM unnest(ARRAY[date '2026-02-28', date '2026-03-01']) AS d
CROSS JOIN LATERAL eco.aqi_daily_report(so2 => 10, no2 => 30, co => 0.8, o3_8h => 90, pm10 => 150, pm25 => 75,
                                        o3_1h => 120, standard => eco.standard_in_force('HJ633', d)) AS r;
\echo '== exact to the standard: on a breakpoint, and the value as written (not its binary double)'
SELECT eco.iaqi('PM2.5', '24h', 75, 'HJ633-2012') AS "PM2.5 75 (2012)",
       eco.iaqi('CO', '24h', 2.24, 'HJ633-2012') AS "CO 2.24 (2012)",
       eco.iaqi('CO', '24h', 1.15) AS "CO 1.15 -> 1.2 (2026)",
       eco.iaqi('CO', '24h', 1.25) AS "CO 1.25 -> 1.2 (2026)";
\echo '== a missing indicator (2026 §5.3.1): the AQI is published only above 100'
SELECT pm25, r.aqi, r.category, r.iaqi_pm25, r.iaqi_no2
FROM unnest(ARRAY[30, 75]::float8[]) AS pm25
CROSS JOIN LATERAL eco.aqi_daily_report(so2 => 8, no2 => NULL, co => 0.6, o3_8h => 95, pm10 => 45, pm25 => pm25) AS r;
\echo '== what the level means (HJ 633-2026 Table 1)'
SELECT level_zh, category_zh, category_en, color_zh, health_effect FROM eco.aqi_level(175);
\echo '== US EPA (TAD 2024 example): O3 8-h 0.07853333 ppm, PM2.5 35.9 µg/m³, CO 8.4 ppm'
SELECT aqi, category, main_pollutants, index_o3_8h, index_pm25, index_co
FROM eco.aqi_epa_report(co => 8.4, o3_8h => 0.07853333, pm25 => 35.9);
