-- The national network's published real-time AQI, reproduced by eco.hourly_aqi (default convention 'published').
-- Sample: test/data/published_hourly_aqi.csv (see test/data/README.md): 514 published station-hours, 2022-2026,
-- winter/summer/autumn under HJ 633-2012 and spring 2026 under HJ 633-2026.  Every row must be reproduced
-- exactly (AQI and primary pollutants) except the rows whose published record contradicts itself, listed below
-- with the reason.
CREATE TEMP TABLE pub (timepoint text, stationcode text, primarypollutant text, aqi text, pm10 text, pm10_24h text,
    pm2_5 text, pm2_5_24h text, o3 text, o3_24h text, o3_8h text, o3_8h_24h text, no2 text, no2_24h text,
    so2 text, so2_24h text, co text, co_24h text);
\copy pub FROM 'test/data/published_hourly_aqi.csv' WITH (FORMAT csv, HEADER true)
-- '' and 'NA' are missing values, '/' marks a pollutant the station does not monitor.
CREATE FUNCTION pg_temp.v(t text) RETURNS double precision LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN t IS NULL OR t IN ('', 'NA', '/') THEN NULL ELSE t::double precision END $$;
-- Published primary pollutants as indicator codes.
CREATE FUNCTION pg_temp.codes(t text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(c ORDER BY c), '{}')
    FROM (SELECT CASE WHEN p LIKE '%PM2.5%' THEN 'PM2.5' WHEN p LIKE '%PM10%' THEN 'PM10'
                      WHEN p LIKE '臭氧1小时%' THEN 'O3_1H' WHEN p LIKE '臭氧8小时%' THEN 'O3_8H'
                      WHEN p LIKE '二氧化氮%' THEN 'NO2' WHEN p LIKE '二氧化硫%' THEN 'SO2'
                      WHEN p LIKE '一氧化碳%' THEN 'CO' END AS c
          FROM regexp_split_to_table(coalesce(nullif(nullif(t, ''), 'NA'), ''), ',') AS p WHERE p <> '') s $$;
CREATE TEMP VIEW cmp AS
SELECT p.timepoint, p.stationcode, p.aqi AS published, pg_temp.codes(p.primarypollutant) AS published_primary,
       r.aqi AS computed, (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(r.primary_pollutants) x) AS computed_primary,
       sw.aqi AS computed_o3_swapped, np.aqi AS computed_without_pm10,
       p.pm10, p.co, p.so2
FROM pub p
CROSS JOIN LATERAL (SELECT eco.standard_in_force('HJ633', left(p.timepoint, 10)::date) AS std) s
CROSS JOIN LATERAL eco.hourly_aqi(so2 => pg_temp.v(p.so2), no2 => pg_temp.v(p.no2), co => pg_temp.v(p.co),
                                  o3 => pg_temp.v(p.o3), pm10 => pg_temp.v(p.pm10), pm25 => pg_temp.v(p.pm2_5),
                                  so2_24h => pg_temp.v(p.so2_24h), standard => s.std) r
CROSS JOIN LATERAL eco.hourly_aqi(so2 => pg_temp.v(p.so2), no2 => pg_temp.v(p.no2), co => pg_temp.v(p.co),
                                  o3 => pg_temp.v(p.o3_24h), pm10 => pg_temp.v(p.pm10), pm25 => pg_temp.v(p.pm2_5),
                                  so2_24h => pg_temp.v(p.so2_24h), standard => s.std) sw
CROSS JOIN LATERAL eco.hourly_aqi(so2 => pg_temp.v(p.so2), no2 => pg_temp.v(p.no2), co => pg_temp.v(p.co),
                                  o3 => pg_temp.v(p.o3), pm10 => coalesce(pg_temp.v(p.pm10), 0), pm25 => pg_temp.v(p.pm2_5),
                                  so2_24h => pg_temp.v(p.so2_24h), standard => s.std) np;
CREATE TEMP VIEW verdict AS
SELECT c.*,
       CASE WHEN published IS NOT DISTINCT FROM nullif(computed::text, '') AND (published IS NULL OR published = 'NA' OR published_primary = computed_primary)
                 OR (coalesce(nullif(published, 'NA'), '') = '' AND computed IS NULL) THEN NULL
            WHEN nullif(nullif(published, ''), 'NA')::int IS NOT DISTINCT FROM computed_o3_swapped
                 THEN 'O3 and O3_24h swapped: the AQI is explained only by the O3_24h value'
            WHEN coalesce(pm10, '') IN ('', 'NA') AND nullif(nullif(published, ''), 'NA')::int <= 100
                 AND nullif(nullif(published, ''), 'NA')::int = computed_without_pm10
                 THEN 'PM10 missing, yet an AQI of 100 or less was published (a missing pollutant withholds it)'
            WHEN '/' IN (co, so2, pm10)
                 THEN 'a pollutant marked / (not monitored) counts as missing here'
            ELSE 'UNEXPLAINED' END AS excluded
FROM cmp c;
-- Totals by year: reproduced + excluded = rows.
SELECT left(timepoint, 4) AS year, count(*) AS station_hours,
       count(*) FILTER (WHERE excluded IS NULL) AS reproduced,
       count(*) FILTER (WHERE excluded IS NOT NULL) AS excluded
FROM verdict GROUP BY 1 ORDER BY 1;
-- Every excluded row with its reason (no row may be UNEXPLAINED).
SELECT timepoint, stationcode, published, computed, computed_o3_swapped AS if_swapped, excluded
FROM verdict WHERE excluded IS NOT NULL ORDER BY excluded, timepoint, stationcode;
-- The strict text reading stays available and differs: HJ 633-2012 with the PM 24-h moving averages.
SELECT (eco.hourly_aqi(so2 => 15, no2 => 46, co => 1.7, o3 => 24, pm10 => 73, pm25 => 45, o3_8h => 24,
                       pm10_24h => 51, pm25_24h => 28, standard => 'HJ633-2012')).aqi AS published_63,
       (eco.hourly_aqi(so2 => 15, no2 => 46, co => 1.7, o3 => 24, pm10 => 73, pm25 => 45, o3_8h => 24,
                       pm10_24h => 51, pm25_24h => 28, standard => 'HJ633-2012', convention => 'text')).aqi AS text_reading;
SELECT eco.hourly_aqi(1, 1, 1, 1, 1, 1, convention => 'moving');
