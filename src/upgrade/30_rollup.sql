-- ===================================================================
-- 0.1.0 -> 0.2.0, air roll-up: one C CHECK on eco.air_hourly, the key of
-- eco.air_daily (day first), the one-pass roll-up aggregate, eco.refresh_air_daily in C
-- (serialised per month, AQI computed inline).  Rows are kept as they are:
-- the key of eco.air_daily is rebuilt and the CHECKs of eco.air_hourly replaced.
-- ===================================================================
CREATE FUNCTION @extschema@._air_hourly_valid(hour_ending timestamp, so2 double precision, no2 double precision,
                                              co double precision, o3 double precision, pm10 double precision,
                                              pm25 double precision)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'air_eval_hourly_valid' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_hourly_valid(timestamp, double precision, double precision, double precision, double precision, double precision, double precision) IS
    'internal: CHECK of eco.air_hourly in one call: hour label finite and on a full hour, concentrations finite and non-negative (NULL = not measured); ERROR 23514 naming the column and the value, else true';
ALTER TABLE @extschema@.air_hourly
    DROP CONSTRAINT air_hourly_hour_ending_check, DROP CONSTRAINT air_hourly_so2_check,
    DROP CONSTRAINT air_hourly_no2_check, DROP CONSTRAINT air_hourly_co_check, DROP CONSTRAINT air_hourly_o3_check,
    DROP CONSTRAINT air_hourly_pm10_check, DROP CONSTRAINT air_hourly_pm25_check,
    ADD CONSTRAINT air_hourly_reading_check
        CHECK (@extschema@._air_hourly_valid(hour_ending, so2, no2, co, o3, pm10, pm25));
ALTER TABLE @extschema@.air_daily DROP CONSTRAINT air_daily_pkey;
ALTER TABLE @extschema@.air_daily ADD CONSTRAINT air_daily_pkey PRIMARY KEY (day, site_code)
    WITH (deduplicate_items = off);
COMMENT ON COLUMN @extschema@.air_daily.aqi IS 'daily AQI (HJ 633, the edition in force that day: eco.standard_in_force(''HJ633'', day)), as eco.daily_aqi computes it from the daily means, o3_8h and o3_1h; NULL when not published';

-- ---------- the one-pass daily roll-up ----------
CREATE TYPE @extschema@._air_day_result AS (
    day         date,
    so2         double precision,
    no2         double precision,
    co          double precision,
    o3          double precision,
    pm10        double precision,
    pm25        double precision,
    o3_1h       double precision,
    o3_8h       double precision,
    so2_valid   boolean,
    no2_valid   boolean,
    co_valid    boolean,
    o3_valid    boolean,
    pm10_valid  boolean,
    pm25_valid  boolean,
    o3_8h_valid boolean,
    n_hours     integer,
    aqi_standard @extschema@.standard,
    aqi         integer,
    aqi_level   integer,
    aqi_category text,
    primary_pollutants text[],
    dust        boolean
);
COMMENT ON TYPE @extschema@._air_day_result IS
    'internal: one site-day of eco.air_daily as eco._air_day_rollup computes it (the columns after site_code)';
CREATE FUNCTION @extschema@._air_day_accum(internal, timestamp, double precision, double precision, double precision,
                                           double precision, double precision, double precision, boolean)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_day_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_day_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_day_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_day_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_day_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_day_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_day_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_day_final(internal) RETURNS @extschema@._air_day_result
    AS 'MODULE_PATHNAME', 'air_eval_day_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_day_accum(internal, timestamp, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS 'internal: transition of eco._air_day_rollup';
COMMENT ON FUNCTION @extschema@._air_day_combine(internal, internal) IS 'internal: combine of eco._air_day_rollup';
COMMENT ON FUNCTION @extschema@._air_day_serialize(internal) IS 'internal: serialize of eco._air_day_rollup';
COMMENT ON FUNCTION @extschema@._air_day_deserialize(bytea, internal) IS 'internal: deserialize of eco._air_day_rollup';
COMMENT ON FUNCTION @extschema@._air_day_final(internal) IS 'internal: final of eco._air_day_rollup';
CREATE AGGREGATE @extschema@._air_day_rollup(hour_ending timestamp, so2 double precision, no2 double precision,
                                             co double precision, o3 double precision, pm10 double precision,
                                             pm25 double precision, dust boolean) (
    SFUNC = @extschema@._air_day_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_day_combine,
    SERIALFUNC = @extschema@._air_day_serialize, DESERIALFUNC = @extschema@._air_day_deserialize,
    FINALFUNC = @extschema@._air_day_final, SSPACE = 336, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@._air_day_rollup(timestamp, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
    'internal: one site-day of eco.air_hourly (group by site and eco.report_day(hour_ending)) rolled up in one pass into the eco.air_daily columns: eco.daily_mean of each item, max O3, eco.mda8, the hours, the dust flag and the daily AQI of the HJ 633 edition in force';

CREATE OR REPLACE FUNCTION @extschema@.refresh_air_daily(from_day date, to_day date) RETURNS bigint
    AS 'MODULE_PATHNAME', 'air_eval_refresh_daily' LANGUAGE C VOLATILE
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.refresh_air_daily(date, date) IS
    'recompute eco.air_daily for the days from_day..to_day (inclusive) from eco.air_hourly, leaving other days untouched; returns the number of site-days written; concurrent refreshes of the same months wait for each other';
