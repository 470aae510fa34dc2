-- Demo, part 20: air quality evaluation (GB 3095 limits, HJ 663 statistics).
\echo '== GB 3095 PM2.5 and PM10 grade II limits: 2012, 2026 transition, 2026 final'
SELECT pollutant, period, max(grade_2) FILTER (WHERE standard::text = 'GB3095-2012') AS "2012",
       max(grade_2) FILTER (WHERE standard::text = 'GB3095-2026') AS "2026",
       max(grade_2) FILTER (WHERE standard::text = 'GB3095-2026-final') AS "2031", min(unit) AS unit
FROM eco.air_limits WHERE pollutant::text IN ('PM2.5', 'PM10') GROUP BY pollutant, period ORDER BY pollutant, period;

\echo '== hour-ending labels: 00:00 is hour 24 of the day before'
SELECT t AS hour_ending, eco.report_day(t) AS day, eco.report_hour(t) AS hour
FROM unnest(ARRAY['2026-03-01 01:00', '2026-03-02 00:00']::timestamp[]) AS t;

\echo '== one day of O3: 8-h moving means (6 of 8 hours) and the MDA8 (14 of 17 windows)'
WITH o3 AS (SELECT '2026-06-01'::timestamp + h * interval '1 hour' AS hour_ending,
                   CASE WHEN h IN (3, 4) THEN NULL ELSE 60 + 120 * sin(pi() * h / 24) ^ 2 END AS o3
            FROM generate_series(1, 24) h),
     w AS (SELECT eco.report_hour(hour_ending) AS hour, o3,
                  eco.capture_avg(o3, 6) OVER (ORDER BY hour_ending RANGE BETWEEN '7 hours' PRECEDING AND CURRENT ROW) AS o3_8h,
                  eco.mda8(eco.report_hour(hour_ending), o3) OVER () AS mda8
           FROM o3)
SELECT hour, round(o3::numeric) AS o3, round(o3_8h::numeric, 1) AS o3_8h, round(mda8::numeric, 1) AS mda8
FROM w WHERE hour % 3 = 0 ORDER BY hour;

\echo '== HJ 663 percentile and the composite index (tianqi example, published 3.06)'
SELECT eco.percentile(v, 0.9) AS p90_of_3_4_8_2_5_4 FROM unnest(ARRAY[3, 4, 8, 2, 5, 4]::float8[]) v;
SELECT round(eco.composite_index(9, 15, 39, 21, 0.7, 192)::numeric, 2) AS composite_2012,
       round(eco.composite_index(9, 15, 39, 21, 0.7, 192, 'GB3095-2026')::numeric, 2) AS composite_2026_denominators,
       round(eco.exceedance_multiple(90, eco.limit_value('PM2.5', '24h'))::numeric, 2) AS pm25_90_exceedance_2026;

\echo '== good-days ratio: 73 of 92 valid days (Heshan 2020 Q4)'
SELECT round(eco.good_day_ratio(aqi)::numeric, 1) AS good_days_pct
FROM (SELECT CASE WHEN g <= 73 THEN 80 ELSE 120 END AS aqi FROM generate_series(1, 92) g) d;
