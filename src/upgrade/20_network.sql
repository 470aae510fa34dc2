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


-- EPA path: a negative reading counts as 0 (AQI 0, as the EPA's daily files publish it).
COMMENT ON FUNCTION @extschema@.iaqi(@extschema@.pollutant, text, double precision, @extschema@.standard) IS
    'individual air quality index of one concentration (HJ 633: µg/m³, CO mg/m³; EPA-2024: PM µg/m³, O3 and CO ppm, SO2 and NO2 ppb) for period 1h, 8h or 24h; exact decimal arithmetic on the value as written; NULL where the standard computes no index from that value; negative: ERROR under HJ 633, counted as 0 under EPA-2024';
COMMENT ON FUNCTION @extschema@.epa_aqi(double precision, double precision, double precision, double precision,
                                        double precision, double precision, double precision, double precision,
                                        @extschema@.standard) IS
    'US EPA AQI (TAD May 2024) in EPA units: O3 8-h and 1-h ppm, PM2.5 and PM10 24-h µg/m³, CO 8-h ppm, SO2 1-h and 24-h ppb, NO2 1-h ppb; truncation, nearest integer, extrapolation above 500; a negative reading counts as 0 (AQI 0, as in the EPA''s daily files); NULL = not measured';
