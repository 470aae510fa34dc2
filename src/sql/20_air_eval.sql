-- ===================================================================
-- Air quality evaluation: GB 3095 limits, HJ 663 statistics with the
-- data-validity rules, composite index, good-days ratio, hourly data and
-- the daily roll-up.  Reference: README, Air quality evaluation.
-- ===================================================================

-- ---------- GB 3095 limits (one C table) ----------
CREATE FUNCTION @extschema@._air_limit_list(
    OUT standard smallint, OUT pollutant smallint, OUT period text, OUT table_no smallint,
    OUT grade_1 double precision, OUT grade_2 double precision, OUT unit text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'air_eval_limit_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 70;
COMMENT ON FUNCTION @extschema@._air_limit_list() IS 'internal: rows of the GB 3095 limit tables (see eco.air_limits)';

CREATE VIEW @extschema@.air_limits AS
    SELECT s.code::@extschema@.standard AS standard, p.pollutant, l.period, l.table_no, l.grade_1, l.grade_2, l.unit
    FROM @extschema@._air_limit_list() l
    JOIN @extschema@._standard_list() s ON s.id = l.standard
    JOIN @extschema@.pollutants p ON p.id = l.pollutant;
COMMENT ON VIEW @extschema@.air_limits IS
    'GB 3095-2012 and GB 3095-2026 (transition and final) Tables 1 and 2: concentration limits by pollutant, averaging period and grade (CO in mg/m³, the rest µg/m³)';
GRANT SELECT ON @extschema@.air_limits TO PUBLIC;

CREATE FUNCTION @extschema@.limit_value(pollutant @extschema@.pollutant, period text, grade integer DEFAULT 2,
                                        standard @extschema@.standard DEFAULT @extschema@.air_default_standard('GB3095'))
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_limit_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.limit_value(@extschema@.pollutant, text, integer, @extschema@.standard) IS
    'GB 3095 concentration limit of a pollutant for an averaging period (''1h'', ''8h'', ''24h'', ''year'', ''quarter'') and grade (1 or 2); GB3095-2026 = transition limits, GB3095-2026-final = limits from 2031';

-- ---------- hour-ending labels (HJ 663) ----------
CREATE FUNCTION @extschema@.report_day(hour_ending timestamp) RETURNS date
    AS 'MODULE_PATHNAME', 'air_eval_report_day' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.report_day(timestamp) IS
    'natural day of an hourly reading labelled with the end of its hour: 2023-01-02 00:00 belongs to 2023-01-01';
CREATE FUNCTION @extschema@.report_hour(hour_ending timestamp) RETURNS integer
    AS 'MODULE_PATHNAME', 'air_eval_report_hour' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.report_hour(timestamp) IS
    'hour 1..24 of an hourly reading labelled with the end of its hour: 01:00 is hour 1, 00:00 is hour 24 of the day before';

-- ---------- indices ----------
CREATE FUNCTION @extschema@.single_index(pollutant @extschema@.pollutant, value double precision,
                                         standard @extschema@.standard DEFAULT 'GB3095-2012')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_single_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.single_index(@extschema@.pollutant, double precision, @extschema@.standard) IS
    'deprecated (default GB3095-2012 kept from 0.1.0): use eco.air_single_index; single-item quality index C/S of the composite index: S = grade II annual limit (SO2, NO2, PM10, PM2.5), 24-h limit (CO, for its P95), MDA8 limit (O3, for its P90) of the edition';
CREATE FUNCTION @extschema@.composite_index(so2 double precision, no2 double precision, pm10 double precision,
                                            pm25 double precision, co_p95 double precision, o3_p90 double precision,
                                            standard @extschema@.standard DEFAULT 'GB3095-2012')
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_composite_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.composite_index(double precision, double precision, double precision, double precision, double precision, double precision, @extschema@.standard) IS
    'deprecated (0.1.0 argument order so2, no2, pm10, pm25, co_p95, o3_p90; default GB3095-2012): use eco.air_composite_index; composite index (综合指数) Σ C/S over SO2, NO2, PM10, PM2.5 (period means), CO (P95) and O3 (MDA8 P90), weights 1, unrounded; round to 2 decimals for publication';
CREATE FUNCTION @extschema@.air_single_index(pollutant @extschema@.pollutant, value double precision,
                                             standard @extschema@.standard DEFAULT @extschema@.air_default_standard('GB3095'))
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_single_index' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.air_single_index(@extschema@.pollutant, double precision, @extschema@.standard) IS
    'single-item quality index C/S of the composite index: S = grade II annual limit (SO2, NO2, PM10, PM2.5), 24-h limit (CO, for its P95), MDA8 limit (O3, for its P90) of the GB 3095 edition';
CREATE FUNCTION @extschema@.air_composite_index(so2 double precision, no2 double precision, co_p95 double precision,
                                                o3_p90 double precision, pm10 double precision, pm25 double precision,
                                                standard @extschema@.standard DEFAULT @extschema@.air_default_standard('GB3095'))
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_composite_index_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.air_composite_index(double precision, double precision, double precision, double precision, double precision, double precision, @extschema@.standard) IS
    'composite index (综合指数) Σ C/S over SO2, NO2 (period means), CO (P95 of the daily means), O3 (P90 of the MDA8), PM10, PM2.5 (period means), S the grade II limits of the GB 3095 edition (eco.air_single_index), weights 1, unrounded; round to 2 decimals for publication';
CREATE FUNCTION @extschema@.exceedance_multiple(value double precision, "limit" double precision)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_exceedance_multiple' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.exceedance_multiple(double precision, double precision) IS
    'exceedance multiple (超标倍数) (C − S)/S when C > S, else 0';

-- ---------- capture-aware means ----------
CREATE FUNCTION @extschema@._air_mean_accum(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_capture_accum(internal, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_capture_inv(internal, double precision, integer) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mean_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mean_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_mean_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mean_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mean_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_daily_mean_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_daily_mean_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_capture_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_capture_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_mean_accum(internal, double precision) IS 'internal: transition of eco.daily_mean';
COMMENT ON FUNCTION @extschema@._air_capture_accum(internal, double precision, integer) IS 'internal: transition of eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_capture_inv(internal, double precision, integer) IS 'internal: inverse transition of eco.capture_avg (window frames)';
COMMENT ON FUNCTION @extschema@._air_mean_combine(internal, internal) IS 'internal: combine of eco.daily_mean and eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_mean_serialize(internal) IS 'internal: serialize of eco.daily_mean and eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_mean_deserialize(bytea, internal) IS 'internal: deserialize of eco.daily_mean and eco.capture_avg';
COMMENT ON FUNCTION @extschema@._air_daily_mean_final(internal) IS 'internal: final of eco.daily_mean';
COMMENT ON FUNCTION @extschema@._air_capture_final(internal) IS 'internal: final of eco.capture_avg';

CREATE AGGREGATE @extschema@.daily_mean(double precision) (
    SFUNC = @extschema@._air_mean_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mean_combine,
    SERIALFUNC = @extschema@._air_mean_serialize, DESERIALFUNC = @extschema@._air_mean_deserialize,
    FINALFUNC = @extschema@._air_daily_mean_final, SSPACE = 48, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.daily_mean(double precision) IS
    'daily (24-h) mean of hourly values; NULL unless at least 20 hourly values (GB 3095 Table 4); exact order-independent sum';

CREATE AGGREGATE @extschema@.capture_avg(double precision, integer) (
    SFUNC = @extschema@._air_capture_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mean_combine,
    SERIALFUNC = @extschema@._air_mean_serialize, DESERIALFUNC = @extschema@._air_mean_deserialize,
    FINALFUNC = @extschema@._air_capture_final,
    MSFUNC = @extschema@._air_capture_accum, MINVFUNC = @extschema@._air_capture_inv,
    MSTYPE = internal, MFINALFUNC = @extschema@._air_capture_final,
    SSPACE = 48, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.capture_avg(double precision, integer) IS
    'mean of the non-NULL values, NULL unless at least min_count of them; as a window function with RANGE ''7 hours'' PRECEDING and min_count 6 it is the O3 8-h moving average';

-- ---------- MDA8 ----------
CREATE FUNCTION @extschema@._air_mda8_accum(internal, integer, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_mda8_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_mda8_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_mda8_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_mda8_accum(internal, integer, double precision, double precision) IS 'internal: transition of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_combine(internal, internal) IS 'internal: combine of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_serialize(internal) IS 'internal: serialize of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_deserialize(bytea, internal) IS 'internal: deserialize of eco.mda8';
COMMENT ON FUNCTION @extschema@._air_mda8_final(internal) IS 'internal: final of eco.mda8';

-- The three-argument aggregate and a two-argument form for the default limit
-- (aggregates cannot have DEFAULT arguments).
CREATE AGGREGATE @extschema@.mda8(hour integer, value double precision, lim double precision) (
    SFUNC = @extschema@._air_mda8_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mda8_combine,
    SERIALFUNC = @extschema@._air_mda8_serialize, DESERIALFUNC = @extschema@._air_mda8_deserialize,
    FINALFUNC = @extschema@._air_mda8_final, SSPACE = 232, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mda8(integer, double precision, double precision) IS
    'O3 daily maximum 8-h mean (HJ 663): hours 1..24 of one day, windows ending 08..24 each needing 6 values; NULL unless 14 valid windows or the maximum exceeds lim';

CREATE FUNCTION @extschema@._air_mda8_accum_default(internal, integer, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_mda8_accum_default(internal, integer, double precision) IS
    'internal: transition of eco.mda8(hour, value) with the grade II MDA8 limit (160)';
CREATE AGGREGATE @extschema@.mda8(hour integer, value double precision) (
    SFUNC = @extschema@._air_mda8_accum_default, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mda8_combine,
    SERIALFUNC = @extschema@._air_mda8_serialize, DESERIALFUNC = @extschema@._air_mda8_deserialize,
    FINALFUNC = @extschema@._air_mda8_final, SSPACE = 232, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mda8(integer, double precision) IS
    'eco.mda8(hour, value, 160): the grade II O3 MDA8 limit decides validity below 14 windows';

-- ---------- percentiles ----------
CREATE FUNCTION @extschema@._air_pct_accum(internal, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_pct_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_pct_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_pct_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_pct_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_pct_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_pct_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_pct_accum(internal, double precision, double precision) IS 'internal: transition of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_combine(internal, internal) IS 'internal: combine of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_serialize(internal) IS 'internal: serialize of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_deserialize(bytea, internal) IS 'internal: deserialize of eco.percentile';
COMMENT ON FUNCTION @extschema@._air_pct_final(internal) IS 'internal: final of eco.percentile';
CREATE AGGREGATE @extschema@.percentile(value double precision, p double precision) (
    SFUNC = @extschema@._air_pct_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_pct_combine,
    SERIALFUNC = @extschema@._air_pct_serialize, DESERIALFUNC = @extschema@._air_pct_deserialize,
    FINALFUNC = @extschema@._air_pct_final, SSPACE = 2048, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.percentile(double precision, double precision) IS
    'HJ 663 Appendix A percentile, p in 0..1: rank k = 1 + (n − 1)p with linear interpolation (= percentile_cont(p)); combinable';

-- ---------- annual statistics ----------
CREATE FUNCTION @extschema@._air_year_accum(internal, date, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_accum_p(internal, date, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_accum_p' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_year_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_mean_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_year_mean_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_pct_final(internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_year_pct_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_year_accum(internal, date, double precision) IS 'internal: transition of eco.annual_mean';
COMMENT ON FUNCTION @extschema@._air_year_accum_p(internal, date, double precision, double precision) IS 'internal: transition of eco.annual_percentile';
COMMENT ON FUNCTION @extschema@._air_year_combine(internal, internal) IS 'internal: combine of the annual statistics';
COMMENT ON FUNCTION @extschema@._air_year_serialize(internal) IS 'internal: serialize of the annual statistics';
COMMENT ON FUNCTION @extschema@._air_year_deserialize(bytea, internal) IS 'internal: deserialize of the annual statistics';
COMMENT ON FUNCTION @extschema@._air_year_mean_final(internal) IS 'internal: final of eco.annual_mean';
COMMENT ON FUNCTION @extschema@._air_year_pct_final(internal) IS 'internal: final of eco.annual_percentile';
CREATE AGGREGATE @extschema@.annual_mean(day date, value double precision) (
    SFUNC = @extschema@._air_year_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_year_combine,
    SERIALFUNC = @extschema@._air_year_serialize, DESERIALFUNC = @extschema@._air_year_deserialize,
    FINALFUNC = @extschema@._air_year_mean_final, SSPACE = 3328, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.annual_mean(date, double precision) IS
    'annual mean of valid daily values (one per day, one calendar year); NULL unless 324 days and 27 in every month (25 in February)';
CREATE AGGREGATE @extschema@.annual_percentile(day date, value double precision, p double precision) (
    SFUNC = @extschema@._air_year_accum_p, STYPE = internal,
    COMBINEFUNC = @extschema@._air_year_combine,
    SERIALFUNC = @extschema@._air_year_serialize, DESERIALFUNC = @extschema@._air_year_deserialize,
    FINALFUNC = @extschema@._air_year_pct_final, SSPACE = 3328, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.annual_percentile(date, double precision, double precision) IS
    'HJ 663 percentile (p in 0..1) of valid daily values of one calendar year; NULL unless 324 days and 27 in every month (25 in February)';

-- ---------- HJ 663 editions (records in the C core) ----------
CREATE FUNCTION @extschema@._air_evaluation_edition_list(
    OUT standard smallint, OUT limits smallint, OUT min_hours_day integer, OUT min_hours_8h integer,
    OUT mda8_first_window_end integer, OUT mda8_last_window_end integer, OUT min_windows_mda8 integer,
    OUT min_days_year integer, OUT min_days_month integer, OUT min_days_february integer)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'air_eval_edition_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;
COMMENT ON FUNCTION @extschema@._air_evaluation_edition_list() IS 'internal: rows of the HJ 663 edition records (see eco.air_evaluation_editions)';
CREATE VIEW @extschema@.air_evaluation_editions AS
    SELECT s.code::@extschema@.standard AS standard, l.code::@extschema@.standard AS limits, e.min_hours_day,
           e.min_hours_8h, e.mda8_first_window_end, e.mda8_last_window_end, e.min_windows_mda8,
           e.min_days_year, e.min_days_month, e.min_days_february
    FROM @extschema@._air_evaluation_edition_list() e
    JOIN @extschema@._standard_list() s ON s.id = e.standard
    JOIN @extschema@._standard_list() l ON l.id = e.limits;
COMMENT ON VIEW @extschema@.air_evaluation_editions IS
    'the data-validity rules of each HJ 663 edition, one record each in the C core (HJ 663 §6.1.2, GB 3095 Table 4): hours for a daily mean and an 8-h mean, the MDA8 windows and their minimum (fewer: valid when the MDA8 exceeds the limit of the GB 3095 edition in limits), daily values per year, month and February';
GRANT SELECT ON @extschema@.air_evaluation_editions TO PUBLIC;

CREATE FUNCTION @extschema@._air_annual_statistic_list(
    OUT standard smallint, OUT ord integer, OUT pollutant smallint, OUT annual_mean boolean,
    OUT percentile double precision, OUT daily_statistic text, OUT index_period text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'air_eval_annual_statistic_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@._air_annual_statistic_list() IS 'internal: rows of the HJ 663 annual statistics (see eco.air_annual_statistics)';
CREATE VIEW @extschema@.air_annual_statistics AS
    SELECT s.code::@extschema@.standard AS standard, a.ord, p.pollutant, a.annual_mean, a.percentile,
           a.daily_statistic, a.index_period
    FROM @extschema@._air_annual_statistic_list() a
    JOIN @extschema@._standard_list() s ON s.id = a.standard
    JOIN @extschema@.pollutants p ON p.id = a.pollutant;
COMMENT ON VIEW @extschema@.air_annual_statistics IS
    'annual statistics of each HJ 663 edition for the six pollutants (ord 1..6: SO2, NO2, CO, O3, PM10, PM2.5): whether the annual mean is evaluated, the percentile rank of the daily statistic (24-h mean, or MDA8 for O3) and the limit period of the composite index denominator';
GRANT SELECT ON @extschema@.air_annual_statistics TO PUBLIC;

CREATE FUNCTION @extschema@.annual_percentile_rank(pollutant @extschema@.pollutant,
                                                   standard @extschema@.standard DEFAULT @extschema@.air_default_standard('HJ663'))
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_annual_percentile_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.annual_percentile_rank(@extschema@.pollutant, @extschema@.standard) IS
    'percentile rank (0..1) of a pollutant''s annual statistic under an HJ 663 edition (SO2, NO2 0.98; CO, PM10, PM2.5 0.95; O3 MDA8 0.90), for eco.annual_percentile; ERROR for another pollutant';

CREATE FUNCTION @extschema@.annual_compliance(pollutant @extschema@.pollutant, annual_mean double precision,
                                              percentile_value double precision, grade integer DEFAULT 2,
                                              standard @extschema@.standard DEFAULT @extschema@.air_default_standard('HJ663'))
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'air_eval_annual_compliance' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.annual_compliance(@extschema@.pollutant, double precision, double precision, integer, @extschema@.standard) IS
    'HJ 663 annual evaluation (年评价) of SO2, NO2, CO, O3, PM10 or PM2.5: true when the annual mean (SO2, NO2, PM10, PM2.5) and the percentile statistic (eco.annual_percentile_rank; O3 of the MDA8) are each at most the grade''s limit of the edition''s GB 3095 edition (annual, 24-h, MDA8), compared as given; false when one exceeds; NULL when a needed statistic is NULL and none exceeds';
CREATE FUNCTION @extschema@._air_mda8_accum_std(internal, integer, double precision, @extschema@.standard) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_mda8_accum_std' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_mda8_accum_std(internal, integer, double precision, @extschema@.standard) IS
    'internal: transition of eco.o3_mda8';
CREATE AGGREGATE @extschema@.o3_mda8(hour integer, value double precision, standard @extschema@.standard) (
    SFUNC = @extschema@._air_mda8_accum_std, STYPE = internal,
    COMBINEFUNC = @extschema@._air_mda8_combine,
    SERIALFUNC = @extschema@._air_mda8_serialize, DESERIALFUNC = @extschema@._air_mda8_deserialize,
    FINALFUNC = @extschema@._air_mda8_final, SSPACE = 232, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.o3_mda8(integer, double precision, @extschema@.standard) IS
    'O3 daily maximum 8-h mean (as eco.mda8) under an HJ 663 edition (e.g. eco.air_default_standard(''HJ663'')): the windows and validity of eco.air_evaluation_editions, the limit deciding validity below 14 windows the grade II O3 MDA8 limit of the edition''s GB 3095 edition';

CREATE FUNCTION @extschema@._air_year_accum_std(internal, date, double precision, @extschema@.standard) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_accum_std' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_year_accum_p_std(internal, date, double precision, double precision, @extschema@.standard)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_year_accum_p_std' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_year_accum_std(internal, date, double precision, @extschema@.standard) IS
    'internal: transition of eco.annual_mean(day, value, standard)';
COMMENT ON FUNCTION @extschema@._air_year_accum_p_std(internal, date, double precision, double precision, @extschema@.standard) IS
    'internal: transition of eco.annual_percentile(day, value, p, standard)';
CREATE AGGREGATE @extschema@.annual_mean(day date, value double precision, standard @extschema@.standard) (
    SFUNC = @extschema@._air_year_accum_std, STYPE = internal,
    COMBINEFUNC = @extschema@._air_year_combine,
    SERIALFUNC = @extschema@._air_year_serialize, DESERIALFUNC = @extschema@._air_year_deserialize,
    FINALFUNC = @extschema@._air_year_mean_final, SSPACE = 3336, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.annual_mean(date, double precision, @extschema@.standard) IS
    'annual mean of valid daily values (one per day, one calendar year) under an HJ 663 edition; NULL unless the edition''s annual minimums hold (eco.air_evaluation_editions)';
CREATE AGGREGATE @extschema@.annual_percentile(day date, value double precision, p double precision,
                                               standard @extschema@.standard) (
    SFUNC = @extschema@._air_year_accum_p_std, STYPE = internal,
    COMBINEFUNC = @extschema@._air_year_combine,
    SERIALFUNC = @extschema@._air_year_serialize, DESERIALFUNC = @extschema@._air_year_deserialize,
    FINALFUNC = @extschema@._air_year_pct_final, SSPACE = 3336, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.annual_percentile(date, double precision, double precision, @extschema@.standard) IS
    'HJ 663 percentile (p in 0..1, e.g. eco.annual_percentile_rank(pollutant, standard)) of valid daily values of one calendar year under an HJ 663 edition; NULL unless the edition''s annual minimums hold';

-- ---------- good-days ratio ----------
CREATE FUNCTION @extschema@._air_ratio_accum(double precision[], integer) RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'air_eval_ratio_accum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_ratio_combine(double precision[], double precision[]) RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'air_eval_ratio_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._air_ratio_final(double precision[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'air_eval_ratio_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_ratio_accum(double precision[], integer) IS 'internal: transition of eco.good_day_ratio';
COMMENT ON FUNCTION @extschema@._air_ratio_combine(double precision[], double precision[]) IS 'internal: combine of eco.good_day_ratio';
COMMENT ON FUNCTION @extschema@._air_ratio_final(double precision[]) IS 'internal: final of eco.good_day_ratio';
CREATE AGGREGATE @extschema@.good_day_ratio(aqi integer) (
    SFUNC = @extschema@._air_ratio_accum, STYPE = double precision[], INITCOND = '{0,0}',
    COMBINEFUNC = @extschema@._air_ratio_combine, FINALFUNC = @extschema@._air_ratio_final,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.good_day_ratio(integer) IS
    'good-days ratio (优良天数比例) in percent: days with AQI ≤ 100 over days with a valid (non-NULL) AQI';

-- ---------- hourly data ----------
CREATE FUNCTION @extschema@._air_hourly_valid(hour_ending timestamp, so2 double precision, no2 double precision,
                                              co double precision, o3 double precision, pm10 double precision,
                                              pm25 double precision)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'air_eval_hourly_valid' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_hourly_valid(timestamp, double precision, double precision, double precision, double precision, double precision, double precision) IS
    'internal: CHECK of eco.air_hourly in one call: hour label finite and on a full hour, concentrations finite and non-negative (NULL = not measured); ERROR 23514 naming the column and the value, else true';
CREATE TABLE @extschema@.air_hourly (
    site_code   text NOT NULL,
    hour_ending timestamp NOT NULL,
    so2         double precision,
    no2         double precision,
    co          double precision,
    o3          double precision,
    pm10        double precision,
    pm25        double precision,
    dust        boolean NOT NULL DEFAULT false,
    -- Time first: readings arrive hour by hour for every station (network files, HJ 212 packets), so new keys
    -- land at the right edge of the index (COPY of time-ordered readings about twice as fast as with a
    -- station-first key, index a third smaller); a refresh of a few days reads that range of the key.
    PRIMARY KEY (hour_ending, site_code),
    -- One C call per row (fourteen SQL expressions with a date_trunc cost more than the btree).
    CONSTRAINT air_hourly_reading_check
        CHECK (@extschema@._air_hourly_valid(hour_ending, so2, no2, co, o3, pm10, pm25))
);
COMMENT ON TABLE @extschema@.air_hourly IS
    'hourly air readings by site (eco.site code), labelled with the end of the hour (HJ 663; a finite timestamp on a full hour); CO in mg/m³, the rest µg/m³, finite and non-negative; dust = hour affected by sand and dust';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.air_hourly', '');
-- Site-days are the usual grouping: with expression statistics the planner estimates their number (instead of
-- a tenth of the rows) and chooses parallel partial aggregation on its own for large roll-ups.
CREATE STATISTICS @extschema@.air_hourly_site_day ON site_code, (@extschema@.report_day(hour_ending))
    FROM @extschema@.air_hourly;
COMMENT ON STATISTICS @extschema@.air_hourly_site_day IS
    'number of site-days in eco.air_hourly, so that GROUP BY site_code, eco.report_day(hour_ending) is estimated well';
ALTER TABLE @extschema@.air_hourly ENABLE ROW LEVEL SECURITY;
CREATE POLICY air_hourly_by_site ON @extschema@.air_hourly
    USING (@extschema@.site_visible(site_code)) WITH CHECK (@extschema@.site_visible(site_code));
COMMENT ON POLICY air_hourly_by_site ON @extschema@.air_hourly IS 'rows of the sites the user can see (eco.site_visible)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.air_hourly TO PUBLIC;

CREATE TABLE @extschema@.air_daily (
    site_code   text NOT NULL,
    day         date NOT NULL,
    so2         double precision,
    no2         double precision,
    co          double precision,
    o3          double precision,
    pm10        double precision,
    pm25        double precision,
    o3_1h       double precision,
    o3_8h       double precision,
    so2_valid   boolean NOT NULL,
    no2_valid   boolean NOT NULL,
    co_valid    boolean NOT NULL,
    o3_valid    boolean NOT NULL,
    pm10_valid  boolean NOT NULL,
    pm25_valid  boolean NOT NULL,
    o3_8h_valid boolean NOT NULL,
    n_hours     integer NOT NULL,
    aqi_standard @extschema@.standard,
    aqi         integer,
    aqi_level   integer,
    aqi_category text,
    primary_pollutants text[],
    dust        boolean NOT NULL,
    -- Day first: a refresh replaces ranges of days.
    PRIMARY KEY (day, site_code) WITH (deduplicate_items = off)
);
COMMENT ON TABLE @extschema@.air_daily IS
    'daily roll-up of eco.air_hourly by eco.refresh_air_daily: daily means (NULL when fewer than 20 hours), O3 max 1-h and MDA8, validity flags, the day''s AQI under the HJ 633 edition in force, dust flag';
COMMENT ON COLUMN @extschema@.air_daily.o3 IS 'O3 24-h mean (NULL when fewer than 20 hours)';
COMMENT ON COLUMN @extschema@.air_daily.o3_1h IS 'O3 maximum 1-h value of the day (any number of hours)';
COMMENT ON COLUMN @extschema@.air_daily.o3_8h IS 'O3 MDA8 (eco.mda8 with the grade II limit of GB 3095); NULL when not valid';
COMMENT ON COLUMN @extschema@.air_daily.n_hours IS 'hours of the day with a row in eco.air_hourly (a row whose six values are all NULL counts)';
COMMENT ON COLUMN @extschema@.air_daily.aqi IS 'daily AQI (HJ 633, the edition in force that day: eco.standard_in_force(''HJ633'', day)), as eco.aqi_daily_report computes it from the daily means, o3_8h and o3_1h; NULL when not published';
COMMENT ON COLUMN @extschema@.air_daily.dust IS 'true when any hour of the day is flagged dust';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.air_daily', '');
ALTER TABLE @extschema@.air_daily ENABLE ROW LEVEL SECURITY;
CREATE POLICY air_daily_by_site ON @extschema@.air_daily
    USING (@extschema@.site_visible(site_code)) WITH CHECK (@extschema@.site_visible(site_code));
COMMENT ON POLICY air_daily_by_site ON @extschema@.air_daily IS 'rows of the sites the user can see (eco.site_visible)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.air_daily TO PUBLIC;

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
    FINALFUNC = @extschema@._air_day_final, SSPACE = 504, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@._air_day_rollup(timestamp, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
    'internal: one site-day of eco.air_hourly (group by site and eco.report_day(hour_ending)) rolled up in one pass into the eco.air_daily columns: eco.daily_mean of each item, max O3, eco.mda8, the hours, the dust flag and the daily AQI of the HJ 633 edition in force';

CREATE FUNCTION @extschema@.refresh_air_daily(from_day date, to_day date) RETURNS bigint
    AS 'MODULE_PATHNAME', 'air_eval_refresh_daily' LANGUAGE C VOLATILE
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.refresh_air_daily(date, date) IS
    'recompute eco.air_daily for the days from_day..to_day (inclusive) from eco.air_hourly, leaving other days untouched; returns the number of site-days written; concurrent refreshes of the same months wait for each other';
