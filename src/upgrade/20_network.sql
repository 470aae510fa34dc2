-- ===================================================================
-- Changes of the 0.1.0 air-quality-index objects made by the network-data
-- work (the national network's published real-time AQI, EPA negative
-- readings).  New objects of that work are in 60_network_ingest.sql.
-- ===================================================================

-- eco.hourly_aqi gains the convention argument (default 'published').
DROP FUNCTION @extschema@.hourly_aqi(double precision, double precision, double precision, double precision,
                                     double precision, double precision, double precision, double precision,
                                     double precision, double precision, @extschema@.standard);
--@ from src/sql/10_air_aqi.sql: function eco.hourly_aqi(double precision, double precision, double precision,
--@     double precision, double precision, double precision, double precision, double precision, double precision,
--@     double precision, eco.standard, text)


-- EPA path: a negative reading counts as 0 (AQI 0, as the EPA's daily files publish it).
--@ from src/sql/10_air_aqi.sql: comment on function eco.iaqi(eco.pollutant, text, double precision, eco.standard)
--@ from src/sql/10_air_aqi.sql: comment on function eco.epa_aqi(double precision, double precision,
--@     double precision, double precision, double precision, double precision, double precision, double precision,
--@     eco.standard)
