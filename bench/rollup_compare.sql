-- bench/rollup.sh: the extension, pandas and plain SQL agree row for row (doubles within 1e-9 relative: the
-- three sum in different orders; everything else exactly).
\set ON_ERROR_STOP on
CREATE FUNCTION pg_temp.close(a float8, b float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$ SELECT (a IS NULL AND b IS NULL) OR abs(a - b) <= 1e-9 * greatest(1, abs(a), abs(b)) $$;
CREATE TEMP VIEW ext_d AS
SELECT site_code, day, so2, no2, co, o3, pm10, pm25, o3_1h, o3_8h, n_hours, aqi, aqi_level,
       primary_pollutants::text AS primary_pollutants, dust FROM eco.air_daily;
CREATE FUNCTION pg_temp.daily_diff(a regclass, b regclass) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format($q$
    SELECT count(*) FROM %s x FULL JOIN %s y ON x.site_code = y.site_code AND x.day = y.day
    WHERE x.site_code IS NULL OR y.site_code IS NULL
       OR NOT (pg_temp.close(x.so2, y.so2) AND pg_temp.close(x.no2, y.no2) AND pg_temp.close(x.co, y.co)
               AND pg_temp.close(x.o3, y.o3) AND pg_temp.close(x.pm10, y.pm10) AND pg_temp.close(x.pm25, y.pm25)
               AND pg_temp.close(x.o3_1h, y.o3_1h) AND pg_temp.close(x.o3_8h, y.o3_8h))
       OR (x.n_hours, x.aqi, x.aqi_level, x.primary_pollutants, x.dust)
          IS DISTINCT FROM (y.n_hours, y.aqi, y.aqi_level, y.primary_pollutants, y.dust)$q$, a, b) INTO n;
    RETURN n;
END $$;
CREATE FUNCTION pg_temp.annual_diff(a regclass, b regclass) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format($q$
    SELECT count(*) FROM %s x FULL JOIN %s y ON x.site_code = y.site_code
    WHERE x.site_code IS NULL OR y.site_code IS NULL
       OR NOT (pg_temp.close(x.so2, y.so2) AND pg_temp.close(x.no2, y.no2) AND pg_temp.close(x.pm10, y.pm10)
               AND pg_temp.close(x.pm25, y.pm25) AND pg_temp.close(x.co_p95, y.co_p95)
               AND pg_temp.close(x.o3_8h_p90, y.o3_8h_p90) AND pg_temp.close(x.good_day_ratio, y.good_day_ratio))
       OR x.aqi_days IS DISTINCT FROM y.aqi_days$q$, a, b) INTO n;
    RETURN n;
END $$;
SELECT (SELECT count(*) FROM eco.air_daily) AS site_days,
       (SELECT count(*) FILTER (WHERE aqi IS NOT NULL) FROM eco.air_daily) AS with_aqi,
       (SELECT count(*) FILTER (WHERE o3_8h IS NOT NULL) FROM eco.air_daily) AS valid_mda8,
       (SELECT count(*) FILTER (WHERE aqi > 100) FROM eco.air_daily) AS polluted_days,
       (SELECT count(*) FILTER (WHERE pm25 IS NOT NULL) FROM ext_annual) AS valid_annual_pm25;
SELECT pg_temp.daily_diff('ext_d', 'pd_daily') AS daily_ext_vs_pandas,
       pg_temp.daily_diff('ext_d', 'plain_daily') AS daily_ext_vs_plain,
       pg_temp.annual_diff('ext_annual', 'pd_annual') AS annual_ext_vs_pandas,
       pg_temp.annual_diff('ext_annual', 'plain_annual') AS annual_ext_vs_plain;
