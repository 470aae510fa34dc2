-- ===================================================================
-- Changes of the 0.1.0 air-quality-index objects made by the network-data
-- work (the national network's published real-time AQI, EPA negative
-- readings).  New objects of that work are in 60_network_ingest.sql.
-- ===================================================================

-- eco.hourly_aqi gains the convention argument (default 'published').
DROP FUNCTION @extschema@.hourly_aqi(double precision, double precision, double precision, double precision,
                                     double precision, double precision, double precision, double precision,
                                     double precision, double precision, @extschema@.standard);
CREATE FUNCTION @extschema@.hourly_aqi(so2 double precision, no2 double precision, co double precision,
                                       o3 double precision, pm10 double precision, pm25 double precision,
                                       o3_8h double precision DEFAULT NULL,
                                       pm10_24h double precision DEFAULT NULL,
                                       pm25_24h double precision DEFAULT NULL,
                                       so2_24h double precision DEFAULT NULL,
                                       standard @extschema@.standard DEFAULT 'HJ633-2026',
                                       convention text DEFAULT 'published')
    RETURNS @extschema@.aqi_result
    AS 'MODULE_PATHNAME', 'aqi_hourly_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hourly_aqi(double precision, double precision, double precision, double precision,
                                           double precision, double precision, double precision, double precision,
                                           double precision, double precision, @extschema@.standard, text) IS
    'real-time AQI (实时报). convention ''published'' (default, both editions): the six 1-h means, PM 1-h values on the 24-h breakpoints, no O3 8-h indicator, a missing pollutant withholds an AQI of 100 or less (HJ 633-2026 §4.2.3, §5.3.1; what the national network publishes); convention ''text'': HJ 633-2012 as written, with the O3 8-h and PM 24-h moving averages (under HJ633-2026 both conventions read the same); so2_24h serves SO2 1-h above 800 under HJ633-2012';

