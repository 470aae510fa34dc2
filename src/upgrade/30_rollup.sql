-- ===================================================================
-- 0.1.0 -> 0.2.0, air roll-up: one C CHECK on eco.air_hourly, the key of
-- eco.air_daily (day first), the one-pass roll-up aggregate, eco.refresh_air_daily in C
-- (serialised per month, AQI computed inline).  Rows are kept as they are:
-- the keys of eco.air_hourly (time first) and eco.air_daily (day first) are rebuilt and the CHECKs of
-- eco.air_hourly replaced.
-- ===================================================================
--@ from src/sql/20_air_eval.sql: function eco._air_hourly_valid(timestamp, double precision, double precision,
--@     double precision, double precision, double precision, double precision)
ALTER TABLE @extschema@.air_hourly
    DROP CONSTRAINT air_hourly_hour_ending_check, DROP CONSTRAINT air_hourly_so2_check,
    DROP CONSTRAINT air_hourly_no2_check, DROP CONSTRAINT air_hourly_co_check, DROP CONSTRAINT air_hourly_o3_check,
    DROP CONSTRAINT air_hourly_pm10_check, DROP CONSTRAINT air_hourly_pm25_check,
    ADD CONSTRAINT air_hourly_reading_check
        CHECK (@extschema@._air_hourly_valid(hour_ending, so2, no2, co, o3, pm10, pm25));
-- eco.air_hourly: the key time first (readings arrive hour by hour for every station); rebuilt from the rows.
ALTER TABLE @extschema@.air_hourly DROP CONSTRAINT air_hourly_pkey;
ALTER TABLE @extschema@.air_hourly ADD CONSTRAINT air_hourly_pkey PRIMARY KEY (hour_ending, site_code);
ALTER TABLE @extschema@.air_daily DROP CONSTRAINT air_daily_pkey;
ALTER TABLE @extschema@.air_daily ADD CONSTRAINT air_daily_pkey PRIMARY KEY (day, site_code)
    WITH (deduplicate_items = off);
--@ from src/sql/20_air_eval.sql: comment on column eco.air_daily.aqi

-- ---------- the one-pass daily roll-up ----------
--@ from src/sql/20_air_eval.sql: type eco._air_day_result
--@ from src/sql/20_air_eval.sql: function eco._air_day_accum(internal, timestamp, double precision, double precision,
--@     double precision, double precision, double precision, double precision, boolean)
--@ from src/sql/20_air_eval.sql: function eco._air_day_combine(internal, internal)
--@ from src/sql/20_air_eval.sql: function eco._air_day_serialize(internal)
--@ from src/sql/20_air_eval.sql: function eco._air_day_deserialize(bytea, internal)
--@ from src/sql/20_air_eval.sql: function eco._air_day_final(internal)
--@ from src/sql/20_air_eval.sql: aggregate eco._air_day_rollup(timestamp, double precision, double precision,
--@     double precision, double precision, double precision, double precision, boolean)

--@ from src/sql/20_air_eval.sql: function eco.refresh_air_daily(date, date)
