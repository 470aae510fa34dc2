-- ===================================================================
-- City (area) values of a day (HJ 663 §5: a city's daily concentration is the arithmetic mean of its
-- air sites' valid daily values, not the worst site) and the city AQI of that day under the HJ 633 edition
-- in force that day.  One function, read by eco.air_summary (the report) and eco.daily_aqi_series (charts).
-- ===================================================================
CREATE FUNCTION @extschema@._air_city_days(area text, period daterange)
    RETURNS TABLE (day date, so2 numeric, no2 numeric, co numeric, o3_8h numeric, pm10 numeric, pm25 numeric,
                   o3_1h numeric, dust boolean, aqi integer, aqi_level integer, category text, color text,
                   primary_pollutants text[])
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH city AS (
        SELECT a.day,
               avg(a.so2::numeric) FILTER (WHERE a.so2_valid) AS so2,
               avg(a.no2::numeric) FILTER (WHERE a.no2_valid) AS no2,
               avg(a.co::numeric) FILTER (WHERE a.co_valid) AS co,
               avg(a.o3_8h::numeric) FILTER (WHERE a.o3_8h_valid) AS o3_8h,
               avg(a.pm10::numeric) FILTER (WHERE a.pm10_valid) AS pm10,
               avg(a.pm25::numeric) FILTER (WHERE a.pm25_valid) AS pm25,
               avg(a.o3_1h::numeric) FILTER (WHERE a.o3_1h IS NOT NULL) AS o3_1h,
               bool_or(a.dust) AS dust
        FROM @extschema@.air_daily a
        JOIN @extschema@.site s ON s.code = a.site_code
        -- NULL or '' = every area the caller may see
        WHERE s.kind = 'air' AND starts_with(s.area, COALESCE(_air_city_days.area, ''))
          AND a.day <@ _air_city_days.period
        GROUP BY a.day)
    SELECT c.day, c.so2, c.no2, c.co, c.o3_8h, c.pm10, c.pm25, c.o3_1h, c.dust,
           r.aqi, r.level, r.category, r.color, r.primary_pollutants
    FROM city c
    CROSS JOIN LATERAL @extschema@.aqi_daily_report(
        so2 => c.so2::float8, no2 => c.no2::float8, co => c.co::float8, o3_8h => c.o3_8h::float8,
        pm10 => c.pm10::float8, pm25 => c.pm25::float8, o3_1h => c.o3_1h::float8,
        standard => @extschema@.standard_in_force('HJ633', c.day)) r
    $$;
COMMENT ON FUNCTION @extschema@._air_city_days(text, daterange) IS
    'internal: the city values of each day of a period (mean of the area''s air sites with a valid daily value; NULL area = every area the caller may see), the dust flag and the city AQI under the HJ 633 edition in force that day';
