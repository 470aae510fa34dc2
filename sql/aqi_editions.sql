-- Air editions as records and the canonical API (GB 3095 Table 1 order: SO2, NO2, CO, O3, PM10, PM2.5; standard last).
SET extra_float_digits = 0;
\pset null NA

-- The rules of each AQI edition, as the C records hold them.
SELECT standard, report, input_rule, iaqi_rule, iaqi_cap, footnotes FROM eco.aqi_editions ORDER BY standard;
SELECT standard, daily_indicators, daily_missing FROM eco.aqi_editions ORDER BY standard;
SELECT standard, realtime_indicators, realtime_missing FROM eco.aqi_editions ORDER BY standard;
SELECT standard, published_indicators, published_missing FROM eco.aqi_editions ORDER BY standard;

-- Each family's default, stated once.
SELECT f, eco.air_default_standard(f) FROM unnest(ARRAY['HJ633', 'EPA', 'HJ663', 'GB3095', 'hj633']) f;
SELECT eco.air_default_standard('GB3838');

-- Worked example (HJ 633-2026 Table 3; the §2.10 vectors): positional calls in the canonical order.
SELECT * FROM eco.aqi_daily_report(20, 40, 1.0, 161, 150, 75);
SELECT * FROM eco.aqi_daily_report(20, 40, 1.0, 161, 150, 75, 220, 'HJ633-2012');
-- 2012 real time, convention text (§2.11): PM from the 24-h moving averages, O3 8-h an indicator.
SELECT * FROM eco.aqi_realtime_report(20, 250, 12.3, 220, 300, 200, 161, 150, 75, 30, 'text', 'HJ633-2012');
SELECT * FROM eco.aqi_realtime_report(20, 250, 12.3, 220, 300, 200);
-- US EPA TAD worked example (O3 8-h 0.07853333 ppm, PM2.5 35.9, CO 8.4 ppm): 126, O3.
SELECT * FROM eco.aqi_epa_report(co => 8.4, o3_8h => 0.07853333, pm25 => 35.9);
SELECT * FROM eco.aqi_epa_report(200, 50, 8.4, 0.07, 0.13, 160, 35.9, 400);

-- The new functions give the deprecated ones' answers, field by field, over a grid of both HJ 633 editions,
-- missing indicators included.
WITH g AS (
    SELECT so2, no2, co, o3_8h, pm10, pm25, o3_1h, std::eco.standard AS std
    FROM unnest(ARRAY[NULL, 5, 160, 900]::float8[]) so2, unnest(ARRAY[NULL, 90]::float8[]) no2,
         unnest(ARRAY[NULL, 1.25, 20]::float8[]) co, unnest(ARRAY[NULL, 100, 850]::float8[]) o3_8h,
         unnest(ARRAY[NULL, 151, 350.5]::float8[]) pm10, unnest(ARRAY[NULL, 35.5, 76]::float8[]) pm25,
         unnest(ARRAY[NULL, 950]::float8[]) o3_1h, unnest(ARRAY['HJ633-2012', 'HJ633-2026']) std
)
SELECT count(*) AS rows_compared,
       count(*) FILTER (WHERE (n.aqi, n.level, n.category, n.color, n.primary_pollutants, n.iaqi_so2, n.iaqi_no2,
                                n.iaqi_co, n.iaqi_o3_8h, n.iaqi_o3_1h, n.iaqi_pm10, n.iaqi_pm25)
                               IS DISTINCT FROM
                               (o.aqi, o.level, o.category, o.color,
                                CASE WHEN o.primary_pollutants IS NOT NULL THEN
                                ARRAY(SELECT x FROM unnest(o.primary_pollutants) x
                                      ORDER BY array_position(ARRAY['SO2', 'NO2', 'CO', 'O3_8H', 'O3_1H', 'PM10', 'PM2.5'], x)) END,
                                o.iaqi_so2, o.iaqi_no2, o.iaqi_co, o.iaqi_o3_8h, o.iaqi_o3_1h, o.iaqi_pm10, o.iaqi_pm25))
           AS differences,
       count(*) FILTER (WHERE n.aqi IS NULL) AS not_published,
       count(*) FILTER (WHERE cardinality(n.primary_pollutants) > 1) AS tied_primary
FROM g, eco.aqi_daily_report(so2, no2, co, o3_8h, pm10, pm25, o3_1h, std) n,
     eco.daily_aqi(so2, no2, co, pm10, pm25, o3_8h, o3_1h, std) o;

WITH g AS (
    SELECT so2, no2, co, o3, pm10, pm25, o3_8h, so2_24h, conv, std::eco.standard AS std
    FROM unnest(ARRAY[NULL, 5, 900]::float8[]) so2, unnest(ARRAY[NULL, 250]::float8[]) no2,
         unnest(ARRAY[NULL, 12.3]::float8[]) co, unnest(ARRAY[NULL, 220, 950]::float8[]) o3,
         unnest(ARRAY[NULL, 300]::float8[]) pm10, unnest(ARRAY[NULL, 75, 200]::float8[]) pm25,
         unnest(ARRAY[NULL, 850]::float8[]) o3_8h, unnest(ARRAY[NULL, 300]::float8[]) so2_24h,
         unnest(ARRAY['published', 'text']) conv, unnest(ARRAY['HJ633-2012', 'HJ633-2026']) std
)
SELECT count(*) AS rows_compared,
       count(*) FILTER (WHERE (n.aqi, n.level, n.iaqi_so2, n.iaqi_no2, n.iaqi_co, n.iaqi_o3_8h, n.iaqi_o3_1h,
                                n.iaqi_pm10, n.iaqi_pm25, cardinality(n.primary_pollutants))
                               IS DISTINCT FROM
                               (o.aqi, o.level, o.iaqi_so2, o.iaqi_no2, o.iaqi_co, o.iaqi_o3_8h, o.iaqi_o3_1h,
                                o.iaqi_pm10, o.iaqi_pm25, cardinality(o.primary_pollutants))) AS differences
FROM g, eco.aqi_realtime_report(so2, no2, co, o3, pm10, pm25, o3_8h, 150, 75, so2_24h, conv, std) n,
     eco.hourly_aqi(so2, no2, co, o3, pm10, pm25, o3_8h, 150, 75, so2_24h, std, conv) o;

WITH g AS (
    SELECT so2, no2, co, o3_8h, o3_1h, pm10, pm25, so2_24h
    FROM unnest(ARRAY[NULL, 40, 400]::float8[]) so2, unnest(ARRAY[NULL, 120]::float8[]) no2,
         unnest(ARRAY[NULL, 9.9]::float8[]) co, unnest(ARRAY[NULL, 0.08, 0.3]::float8[]) o3_8h,
         unnest(ARRAY[NULL, 0.2]::float8[]) o3_1h, unnest(ARRAY[NULL, 200]::float8[]) pm10,
         unnest(ARRAY[NULL, -1, 60.2]::float8[]) pm25, unnest(ARRAY[NULL, 700]::float8[]) so2_24h
)
SELECT count(*) AS rows_compared,
       count(*) FILTER (WHERE (n.aqi, n.level, n.category, n.index_so2, n.index_no2, n.index_co, n.index_o3_8h,
                                n.index_o3_1h, n.index_pm10, n.index_pm25, cardinality(n.main_pollutants))
                               IS DISTINCT FROM
                               (o.aqi, o.level, o.category, o.index_so2, o.index_no2, o.index_co, o.index_o3_8h,
                                o.index_o3_1h, o.index_pm10, o.index_pm25, cardinality(o.main_pollutants))) AS differences
FROM g, eco.aqi_epa_report(so2, no2, co, o3_8h, o3_1h, pm10, pm25, so2_24h) n,
     eco.epa_aqi(o3_8h, o3_1h, pm25, pm10, co, so2, no2, so2_24h) o;

-- Standards that are not AQI editions: ERROR naming the standard, never another edition's rules.
SELECT * FROM eco.aqi_daily_report(20, 40, 1.0, 161, 150, 75, standard => 'GB3095-2026');
SELECT * FROM eco.aqi_realtime_report(20, 40, 1.0, 161, 150, 75, standard => 'HJ663-2026');
SELECT * FROM eco.aqi_daily_report(20, 40, 1.0, 161, 150, 75, standard => 'EPA-2024');
SELECT * FROM eco.aqi_epa_report(so2 => 20, standard => 'HJ633-2026');
SELECT eco.iaqi('PM2.5', '24h', 75, 'GB3095-2012');

-- The composite index in the canonical order (worked example: 9, 15, 39, 21, CO 0.7, O3 192 -> 3.06).
SELECT round(eco.air_composite_index(9, 15, 0.7, 192, 39, 21, 'GB3095-2012')::numeric, 4) AS canonical,
       round(eco.composite_index(9, 15, 39, 21, 0.7, 192)::numeric, 4) AS deprecated,
       round(eco.air_composite_index(9, 15, 0.7, 192, 39, 21)::numeric, 4) AS default_gb3095_2026;
SELECT eco.air_single_index('PM2.5', 30), eco.air_single_index('PM2.5', 35, 'GB3095-2012'), eco.single_index('PM2.5', 35);
SELECT eco.air_composite_index(9, 15, 0.7, 192, 39, 21, 'HJ663-2026');

-- HJ 663 editions: records, annual statistics, percentile ranks.
SELECT * FROM eco.air_evaluation_editions ORDER BY standard;
SELECT * FROM eco.air_annual_statistics ORDER BY standard, ord;
SELECT p, eco.annual_percentile_rank(p), eco.annual_percentile_rank(p, 'HJ663-2013')
FROM unnest(ARRAY['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5']::eco.pollutant[]) p;
SELECT eco.annual_percentile_rank('TSP');
SELECT eco.annual_percentile_rank('SO2', 'HJ633-2026');
-- Annual evaluation (年评价) under an edition: annual mean and percentile statistic within the limits of its GB 3095
-- edition (HJ663-2026: GB 3095-2026 transition limits, PM2.5 30 / 60; HJ663-2013: GB 3095-2012, 35 / 75).
SELECT p, m, x, eco.annual_compliance(p, m, x) AS hj663_2026, eco.annual_compliance(p, m, x, 2, 'HJ663-2013') AS hj663_2013,
       eco.annual_compliance(p, m, x, 1) AS grade_1
FROM (VALUES ('PM2.5'::eco.pollutant, 32::float8, 70::float8), ('PM2.5', 30, 60), ('PM2.5', NULL, 60),
             ('PM2.5', NULL, 80), ('CO', NULL, 3.9), ('O3', NULL, 161), ('SO2', 9, 20)) v(p, m, x);
SELECT eco.annual_compliance('TSP', 100, 200);
SELECT eco.annual_compliance('PM2.5', 30, 60, 3);
-- MDA8 under an edition: the limit of its GB 3095 edition decides validity below 14 windows (HJ 663 §6.1.2).
SELECT eco.o3_mda8(h, 160 + h, 'HJ663-2026') AS hj663_2026,
       eco.mda8(h, 160 + h, 160) AS lim_160, eco.mda8(h, 160 + h, 200) AS lim_200
FROM generate_series(1, 12) h;
-- Annual statistics under an edition: 324 days, 27 a month, 25 in February.
SELECT eco.annual_mean(d::date, 10, 'HJ663-2026') AS mean_2026, eco.annual_mean(d::date, 10) AS mean_0_1_0,
       eco.annual_percentile(d::date, extract(doy FROM d)::float8, eco.annual_percentile_rank('O3'),
                             'HJ663-2026') AS p90
FROM generate_series('2023-01-01'::date, '2023-12-31', '1 day') d;
SELECT eco.annual_mean(d::date, 10, 'HJ663-2026') FROM generate_series('2023-01-01'::date, '2023-12-31', '1 day') d
WHERE extract(month FROM d) <> 2 OR extract(day FROM d) <= 24;
SELECT eco.annual_mean(d::date, 10, 'GB3095-2012') FROM generate_series('2023-01-01'::date, '2023-01-02', '1 day') d;
SELECT eco.annual_mean(d::date, 10, s::eco.standard)
FROM generate_series('2023-01-01'::date, '2023-01-02', '1 day') d, unnest(ARRAY['HJ663-2013', 'HJ663-2026']) s;

-- Deprecated 0.1.0 functions: the comment says so and names the replacement, which exists.
SELECT p.oid::regprocedure AS deprecated, substring(obj_description(p.oid, 'pg_proc') FROM 'use (eco\.[a-z_]+)') AS replacement,
       to_regproc(substring(obj_description(p.oid, 'pg_proc') FROM 'use (eco\.[a-z_]+)')) IS NOT NULL AS replacement_exists
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'eco' AND obj_description(p.oid, 'pg_proc') LIKE 'deprecated%'
  AND p.proname IN ('daily_aqi', 'hourly_aqi', 'epa_aqi', 'composite_index', 'single_index')
ORDER BY p.oid::regprocedure::text;
