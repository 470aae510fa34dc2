-- Air quality evaluation (1/2): GB 3095 limits, hour labels, indices.
\set VERBOSITY terse
SET search_path = eco, public;

-- GB 3095 Tables 1 and 2, all three editions (GB 3095-2012, its 2018 amendment and GB 3095-2026).
SELECT standard, pollutant, period, table_no, grade_1, grade_2, unit
FROM eco.air_limits ORDER BY standard::text, table_no, pollutant, period;
SELECT count(*) AS n_limits FROM eco.air_limits;

-- limit_value: defaults are grade 2 and GB3095-2026 (transition).
SELECT eco.limit_value('PM2.5', '24h') AS pm25_24h_2026, eco.limit_value('PM2.5', '24h', 2, 'GB3095-2012') AS pm25_24h_2012,
       eco.limit_value('PM2.5', '24h', 2, 'GB3095-2026-final') AS pm25_24h_final,
       eco.limit_value('PM2.5', 'year', 1, 'GB3095-2026-final') AS pm25_year_i_final;
SELECT eco.limit_value('O3', '8h') AS o3_8h, eco.limit_value('O3', '8h', 1) AS o3_8h_i, eco.limit_value('CO', '1h') AS co_1h,
       eco.limit_value('Pb', 'quarter') AS pb_q, eco.limit_value('BaP', 'year') AS bap_year,
       eco.limit_value('NOx', 'year') AS nox_year_2026, eco.limit_value('NOx', 'year', 2, 'GB3095-2026-final') AS nox_year_final;
-- Errors: pair not limited, unknown period, bad grade, wrong family.
-- the one period parser: spaces, '-' and case do not matter (also in eco.iaqi)
SELECT eco.limit_value('CO', '1 h') AS co_1_h, eco.limit_value('CO', '1-H') AS co_1_dash_h,
       eco.limit_value('PM2.5', '24 h') AS pm25_24_h, eco.limit_value('O3', '8H') AS o3_8h_upper,
       eco.iaqi('CO', '1 h', 5) AS iaqi_co_1_h;
SELECT eco.limit_value('CO', 'year');
SELECT eco.limit_value('O3', '24h', 2, 'GB3095-2012');
SELECT eco.limit_value('SO2', 'week');
SELECT eco.limit_value('SO2', '24h', 3);
SELECT eco.limit_value('SO2', '24h', 2, 'HJ633-2026');
SELECT eco.limit_value('COD', '24h');

-- Hour-ending labels: 01:00 is hour 1, 00:00 is hour 24 of the day before (HJ 663).
SELECT t, eco.report_day(t), eco.report_hour(t)
FROM unnest(ARRAY['2023-01-01 01:00', '2023-01-01 23:00', '2023-01-02 00:00', '2024-02-29 00:00',
                  '2024-03-01 00:00', '2000-01-01 00:00', '1999-12-31 01:00']::timestamp[]) AS t;
SELECT eco.report_day('2023-01-01 00:30');
SELECT eco.report_hour('2023-01-01 10:00:01');
SELECT eco.report_day('infinity');
-- The first timestamp ends hour 24 of a day before the first date; one hour later is hour 1 of the first date.
SELECT eco.report_day('4714-11-24 00:00:00 BC');
SELECT eco.report_hour('4714-11-24 00:00:00 BC');
SELECT eco.report_day('4714-11-24 01:00:00 BC'), eco.report_hour('4714-11-24 01:00:00 BC');

-- Single and composite index: tianqi example 3.0571 -> 3.06 (worked example from a published city figure).
SELECT round(eco.composite_index(9, 15, 39, 21, 0.7, 192)::numeric, 4) AS idx,
       round(eco.composite_index(9, 15, 39, 21, 0.7, 192)::numeric, 2) AS published;
-- Heshan 4.5926, Naiman 3.1321, Heyuan 1.74375 -> 1.74 (DERIVED values of §4.3).
SELECT round(eco.composite_index(13, 39, 65, 36, 1.2, 183)::numeric, 4) AS heshan,
       round(eco.composite_index(9, 14, 77, 23, 1.1, 96)::numeric, 4) AS naiman,
       round(eco.composite_index(3, 13, 16, 13, 0.9, 87)::numeric, 5) AS heyuan,
       round(eco.composite_index(3, 13, 16, 13, 0.9, 87)::numeric, 2) AS heyuan_2dp;
-- GB3095-2026: PM10 60 and PM2.5 30 (transition annual grade II); SO2 60, NO2 40, CO 4, O3 160 unchanged.
SELECT p, eco.single_index(p, 30, 'GB3095-2012') AS i_2012, eco.single_index(p, 30, 'GB3095-2026') AS i_2026,
       eco.single_index(p, 30, 'GB3095-2026-final') AS i_final
FROM unnest(ARRAY['SO2', 'NO2', 'PM10', 'PM2.5', 'CO', 'O3']::eco.pollutant[]) AS p;
SELECT round(eco.composite_index(9, 15, 39, 21, 0.7, 192, 'GB3095-2026')::numeric, 4) AS idx_2026;
SELECT round((eco.single_index('SO2', 9) + eco.single_index('NO2', 15) + eco.single_index('PM10', 39)
            + eco.single_index('PM2.5', 21) + eco.single_index('CO', 0.7) + eco.single_index('O3', 192))::numeric, 4)
       AS sum_of_terms;
SELECT eco.composite_index(9, 15, 39, 21, NULL, 192) IS NULL AS null_in_null_out;
SELECT eco.single_index('NOx', 30);
SELECT eco.single_index('SO2', -1);
SELECT eco.composite_index(9, 15, 39, 21, 'NaN', 192);
SELECT eco.composite_index(9, 15, 39, 21, 0.7, 192, 'HJ663-2013');
-- huge finite terms stay finite (every denominator is at least 4, Σ 1/S < 1)
SELECT eco.composite_index(1.7e308, 1.7e308, 1.7e308, 1.7e308, 1.7e308, 1.7e308) < 'Infinity' AS finite;

-- Exceedance multiple (C - S)/S when C > S, else 0.
SELECT eco.exceedance_multiple(112.5, 75) AS over, eco.exceedance_multiple(75, 75) AS at_limit,
       eco.exceedance_multiple(10, 75) AS below,
       eco.exceedance_multiple(240, eco.limit_value('O3', '8h')) AS o3_mda8;
SELECT eco.exceedance_multiple(10, 0);
SELECT eco.exceedance_multiple(-1, 75);
SELECT eco.exceedance_multiple(1e308, 1e-300);   -- beyond float8: 22003, not Infinity
