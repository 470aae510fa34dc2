-- ===================================================================
-- Air quality index: HJ 633-2012, HJ 633-2026, US EPA (May 2024).
-- Breakpoints and level texts live in C (src/core/aqi.c) and are shown
-- read-only by the views eco.aqi_breakpoints and eco.aqi_levels; the
-- rules of each edition (a record in the C core) by eco.aqi_editions.
-- Every air function lists the six pollutants in GB 3095 Table 1 order
-- (SO2, NO2, CO, O3, PM10, PM2.5) and takes standard last, its default
-- eco.air_default_standard(family); the 0.1.0 functions in another order
-- stay, deprecated (docs/choices.md, "One order for the air pollutants").
-- ===================================================================

CREATE FUNCTION @extschema@.air_default_standard(family text) RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME', 'air_default_standard' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.air_default_standard(text) IS
    'default edition of an air standard family (HJ633, EPA, HJ663, GB3095), typed once in the C core: the default of the standard argument of every air function; ERROR for another family';

CREATE TYPE @extschema@.aqi_result AS (
    aqi integer,
    level integer,
    category text,
    color text,
    primary_pollutants text[],
    iaqi_so2 integer,
    iaqi_no2 integer,
    iaqi_co integer,
    iaqi_pm10 integer,
    iaqi_pm25 integer,
    iaqi_o3_8h integer,
    iaqi_o3_1h integer
);
COMMENT ON TYPE @extschema@.aqi_result IS
    'HJ 633 daily or real-time AQI: aqi (NULL = NA), level 1..6, category (优 ... 严重污染), color (#RRGGBB), primary pollutants (indicator codes SO2, NO2, CO, PM10, PM2.5, O3_8H, O3_1H; empty when AQI <= 50) and the IAQI of each indicator (NULL = missing or not an indicator of the report)';

CREATE FUNCTION @extschema@.iaqi(pollutant @extschema@.pollutant, period text, value double precision,
                                 standard @extschema@.standard DEFAULT @extschema@.air_default_standard('HJ633'))
    RETURNS integer
    AS 'MODULE_PATHNAME', 'aqi_iaqi_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.iaqi(@extschema@.pollutant, text, double precision, @extschema@.standard) IS
    'individual air quality index of one concentration (HJ 633: µg/m³, CO mg/m³; EPA-2024: PM µg/m³, O3 and CO ppm, SO2 and NO2 ppb) for period 1h, 8h or 24h; exact decimal arithmetic on the value as written; NULL where the standard computes no index from that value; negative: ERROR under HJ 633, counted as 0 under EPA-2024';

CREATE FUNCTION @extschema@.daily_aqi(so2 double precision, no2 double precision, co double precision,
                                      pm10 double precision, pm25 double precision, o3_8h double precision,
                                      o3_1h double precision DEFAULT NULL,
                                      standard @extschema@.standard DEFAULT 'HJ633-2026')
    RETURNS @extschema@.aqi_result
    AS 'MODULE_PATHNAME', 'aqi_daily_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.daily_aqi(double precision, double precision, double precision, double precision,
                                          double precision, double precision, double precision, @extschema@.standard) IS
    'deprecated (0.1.0 argument order so2, no2, co, pm10, pm25, o3_8h): use eco.aqi_daily_report; daily AQI (日报): 24-h means of SO2, NO2, CO (mg/m³), PM10, PM2.5, O3 daily maximum 8-h mean and, under HJ633-2012 only, O3 daily maximum 1-h mean; a NULL concentration is a missing indicator';

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
    'deprecated (standard before convention): use eco.aqi_realtime_report; real-time AQI (实时报). convention ''published'' (default, both editions): the six 1-h means, PM 1-h values on the 24-h breakpoints, no O3 8-h indicator, a missing pollutant withholds an AQI of 100 or less (HJ 633-2026 §4.2.3, §5.3.1; what the national network publishes); convention ''text'': HJ 633-2012 as written, with the O3 8-h and PM 24-h moving averages (under HJ633-2026 both conventions read the same); so2_24h serves SO2 1-h above 800 under HJ633-2012';

CREATE TYPE @extschema@.epa_aqi_result AS (
    aqi integer,
    level integer,
    category text,
    color text,
    main_pollutants text[],
    index_o3_8h integer,
    index_o3_1h integer,
    index_pm25 integer,
    index_pm10 integer,
    index_co integer,
    index_so2 integer,
    index_no2 integer
);
COMMENT ON TYPE @extschema@.epa_aqi_result IS
    'US EPA AQI: aqi (NULL when no pollutant is given), level 1..6, category (Good ... Hazardous), color, main pollutants (O3, PM2.5, PM10, CO, SO2, NO2; all tied at the maximum) and each index (SO2: 1-h and 24-h combined)';

CREATE FUNCTION @extschema@.epa_aqi(o3_8h double precision DEFAULT NULL, o3_1h double precision DEFAULT NULL,
                                    pm25 double precision DEFAULT NULL, pm10 double precision DEFAULT NULL,
                                    co double precision DEFAULT NULL, so2 double precision DEFAULT NULL,
                                    no2 double precision DEFAULT NULL, so2_24h double precision DEFAULT NULL,
                                    standard @extschema@.standard DEFAULT 'EPA-2024')
    RETURNS @extschema@.epa_aqi_result
    AS 'MODULE_PATHNAME', 'aqi_epa_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.epa_aqi(double precision, double precision, double precision, double precision,
                                        double precision, double precision, double precision, double precision,
                                        @extschema@.standard) IS
    'deprecated (0.1.0 argument order o3_8h, o3_1h, pm25, pm10, co, so2, no2): use eco.aqi_epa_report; US EPA AQI (TAD May 2024) in EPA units: O3 8-h and 1-h ppm, PM2.5 and PM10 24-h µg/m³, CO 8-h ppm, SO2 1-h and 24-h ppb, NO2 1-h ppb; truncation, nearest integer, extrapolation above 500; a negative reading counts as 0 (AQI 0, as in the EPA''s daily files); NULL = not measured';

CREATE FUNCTION @extschema@.aqi_level(aqi integer, standard @extschema@.standard DEFAULT @extschema@.air_default_standard('HJ633'),
    OUT level integer, OUT level_zh text, OUT category_zh text, OUT category_en text,
    OUT color_zh text, OUT color text, OUT health_effect text, OUT advice text)
    AS 'MODULE_PATHNAME', 'aqi_level_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aqi_level(integer, @extschema@.standard) IS
    'level, category, colour, health effect and advice of an AQI under an edition (HJ 633 texts verbatim; EPA-2024: category and colour)';

CREATE FUNCTION @extschema@.nowcast("values" double precision[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'aqi_nowcast_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nowcast(double precision[]) IS
    'US EPA NowCast of hourly PM values, most recent first (NULL = missing hour): 12 most recent hours, weight min/max clamped to at least 0.5; NULL unless 2 of the 3 most recent hours are valid';

CREATE FUNCTION @extschema@._aqi_breakpoint_list(
    OUT standard text, OUT pollutant text, OUT period text, OUT unit text,
    OUT iaqi_lo integer, OUT iaqi_hi integer, OUT bp_lo numeric, OUT bp_hi numeric,
    OUT input_decimals integer, OUT note text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'aqi_breakpoint_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
COMMENT ON FUNCTION @extschema@._aqi_breakpoint_list() IS 'internal: rows of the IAQI breakpoint tables (see eco.aqi_breakpoints)';
CREATE VIEW @extschema@.aqi_breakpoints AS
    SELECT b.standard::@extschema@.standard AS standard, b.pollutant::@extschema@.pollutant AS pollutant, b.period,
           b.unit, b.iaqi_lo, b.iaqi_hi, b.bp_lo, b.bp_hi, b.input_decimals, b.note
    FROM @extschema@._aqi_breakpoint_list() b;
COMMENT ON VIEW @extschema@.aqi_breakpoints IS
    'IAQI breakpoints of HJ 633-2012 Table 1, HJ 633-2026 Table 3 and US EPA Table 6 (2024): concentration band [bp_lo, bp_hi] maps to [iaqi_lo, iaqi_hi]; input_decimals = GB/T 8170 rounding places (HJ633-2026) or truncation places (EPA)';
GRANT SELECT ON @extschema@.aqi_breakpoints TO PUBLIC;

CREATE FUNCTION @extschema@._aqi_level_list(
    OUT standard text, OUT level integer, OUT aqi_lo integer, OUT aqi_hi integer,
    OUT level_zh text, OUT category_zh text, OUT category_en text, OUT color_zh text, OUT color text,
    OUT health_effect text, OUT advice text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'aqi_level_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 18;
COMMENT ON FUNCTION @extschema@._aqi_level_list() IS 'internal: rows of the AQI level tables (see eco.aqi_levels)';
CREATE VIEW @extschema@.aqi_levels AS
    SELECT v.standard::@extschema@.standard AS standard, v.level, v.aqi_lo, v.aqi_hi, v.level_zh, v.category_zh, v.category_en, v.color_zh, v.color,
           v.health_effect, v.advice
    FROM @extschema@._aqi_level_list() v;
COMMENT ON VIEW @extschema@.aqi_levels IS
    'AQI levels of HJ 633-2012 Table 2, HJ 633-2026 Table 1 (official texts) and the US EPA categories; aqi_hi NULL = open';
GRANT SELECT ON @extschema@.aqi_levels TO PUBLIC;

CREATE FUNCTION @extschema@._aqi_sensitive_group_list(OUT standard text, OUT pollutant text, OUT sensitive_groups text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'aqi_sensitive_group_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION @extschema@._aqi_sensitive_group_list() IS 'internal: rows of HJ 633-2026 Table 2 (see eco.aqi_sensitive_groups)';
CREATE VIEW @extschema@.aqi_sensitive_groups AS
    SELECT g.standard::@extschema@.standard AS standard, g.pollutant::@extschema@.pollutant AS pollutant,
           g.sensitive_groups
    FROM @extschema@._aqi_sensitive_group_list() g;
COMMENT ON VIEW @extschema@.aqi_sensitive_groups IS
    'HJ 633-2026 Table 2: groups who should take measures when the pollutant''s IAQI exceeds 100 (建议采取措施的敏感人群)';
GRANT SELECT ON @extschema@.aqi_sensitive_groups TO PUBLIC;

-- ---------- the edition records ----------
CREATE FUNCTION @extschema@._aqi_edition_list(
    OUT standard text, OUT report text, OUT input_rule text, OUT iaqi_rule text, OUT iaqi_cap integer,
    OUT footnotes text, OUT daily_indicators text[], OUT daily_missing text,
    OUT realtime_indicators text[], OUT realtime_missing text,
    OUT published_indicators text[], OUT published_missing text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'aqi_edition_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@._aqi_edition_list() IS 'internal: rows of the AQI edition records (see eco.aqi_editions)';
CREATE VIEW @extschema@.aqi_editions AS
    SELECT e.standard::@extschema@.standard AS standard, e.report, e.input_rule, e.iaqi_rule, e.iaqi_cap, e.footnotes,
           e.daily_indicators, e.daily_missing, e.realtime_indicators, e.realtime_missing,
           e.published_indicators, e.published_missing
    FROM @extschema@._aqi_edition_list() e;
COMMENT ON VIEW @extschema@.aqi_editions IS
    'the rules of each AQI edition, one record each in the C core: input step (HJ 633-2026 §4.2.2 GB/T 8170 rounding, EPA truncation), IAQI rounding and cap above the table, footnotes above the top breakpoint, indicators and missing-data rule of the daily, real-time (convention text) and published real-time reports (HJ 633-2026 §5.3.1)';
GRANT SELECT ON @extschema@.aqi_editions TO PUBLIC;

-- ---------- reports with the six pollutants in GB 3095 Table 1 order ----------
CREATE TYPE @extschema@.aqi_report AS (
    aqi integer,
    level integer,
    category text,
    color text,
    primary_pollutants text[],
    iaqi_so2 integer,
    iaqi_no2 integer,
    iaqi_co integer,
    iaqi_o3_8h integer,
    iaqi_o3_1h integer,
    iaqi_pm10 integer,
    iaqi_pm25 integer
);
COMMENT ON TYPE @extschema@.aqi_report IS
    'HJ 633 daily or real-time AQI: aqi (NULL = NA), level 1..6, category (优 ... 严重污染), color (#RRGGBB), primary pollutants (indicator codes in the order SO2, NO2, CO, O3_8H, O3_1H, PM10, PM2.5; empty when AQI <= 50) and the IAQI of each indicator in that order (NULL = missing or not an indicator of the report)';

CREATE FUNCTION @extschema@.aqi_daily_report(so2 double precision, no2 double precision, co double precision,
                                             o3_8h double precision, pm10 double precision, pm25 double precision,
                                             o3_1h double precision DEFAULT NULL,
                                             standard @extschema@.standard DEFAULT @extschema@.air_default_standard('HJ633'))
    RETURNS @extschema@.aqi_report
    AS 'MODULE_PATHNAME', 'aqi_daily_report_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aqi_daily_report(double precision, double precision, double precision, double precision,
                                                 double precision, double precision, double precision, @extschema@.standard) IS
    'daily AQI (日报) from the 24-h means of SO2, NO2, CO (mg/m³), the O3 daily maximum 8-h mean, the 24-h means of PM10 and PM2.5 and, an indicator under HJ633-2012 only, the O3 daily maximum 1-h mean; a NULL concentration is a missing indicator; the edition''s rules are listed in eco.aqi_editions';

CREATE FUNCTION @extschema@.aqi_realtime_report(so2 double precision, no2 double precision, co double precision,
                                                o3 double precision, pm10 double precision, pm25 double precision,
                                                o3_8h double precision DEFAULT NULL,
                                                pm10_24h double precision DEFAULT NULL,
                                                pm25_24h double precision DEFAULT NULL,
                                                so2_24h double precision DEFAULT NULL,
                                                convention text DEFAULT 'published',
                                                standard @extschema@.standard DEFAULT @extschema@.air_default_standard('HJ633'))
    RETURNS @extschema@.aqi_report
    AS 'MODULE_PATHNAME', 'aqi_realtime_report_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aqi_realtime_report(double precision, double precision, double precision, double precision,
                                                    double precision, double precision, double precision, double precision,
                                                    double precision, double precision, text, @extschema@.standard) IS
    'real-time AQI (实时报) from the 1-h means of SO2, NO2, CO, O3, PM10, PM2.5. convention ''published'' (default, both editions): the six 1-h means, PM 1-h values on the 24-h breakpoints, no O3 8-h indicator, a missing pollutant withholds an AQI of 100 or less (HJ 633-2026 §4.2.3, §5.3.1); convention ''text'': HJ 633-2012 as written, with the O3 8-h and PM 24-h moving averages (o3_8h, pm10_24h, pm25_24h); so2_24h serves SO2 1-h above 800 under HJ633-2012';

CREATE TYPE @extschema@.aqi_report_epa AS (
    aqi integer,
    level integer,
    category text,
    color text,
    main_pollutants text[],
    index_so2 integer,
    index_no2 integer,
    index_co integer,
    index_o3_8h integer,
    index_o3_1h integer,
    index_pm10 integer,
    index_pm25 integer
);
COMMENT ON TYPE @extschema@.aqi_report_epa IS
    'US EPA AQI: aqi (NULL when no pollutant is given), level 1..6, category (Good ... Hazardous), color, main pollutants (SO2, NO2, CO, O3, PM10, PM2.5 in that order; all tied at the maximum) and each index in that order (SO2: 1-h and 24-h combined)';

CREATE FUNCTION @extschema@.aqi_epa_report(so2 double precision DEFAULT NULL, no2 double precision DEFAULT NULL,
                                           co double precision DEFAULT NULL, o3_8h double precision DEFAULT NULL,
                                           o3_1h double precision DEFAULT NULL, pm10 double precision DEFAULT NULL,
                                           pm25 double precision DEFAULT NULL, so2_24h double precision DEFAULT NULL,
                                           standard @extschema@.standard DEFAULT @extschema@.air_default_standard('EPA'))
    RETURNS @extschema@.aqi_report_epa
    AS 'MODULE_PATHNAME', 'aqi_epa_report_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aqi_epa_report(double precision, double precision, double precision, double precision,
                                               double precision, double precision, double precision, double precision,
                                               @extschema@.standard) IS
    'US EPA AQI (TAD May 2024) in EPA units: SO2 1-h ppb, NO2 1-h ppb, CO 8-h ppm, O3 8-h and 1-h ppm, PM10 and PM2.5 24-h µg/m³, SO2 24-h ppb; truncation, nearest integer, extrapolation above 500; a negative reading counts as 0 (AQI 0, as in the EPA''s daily files); NULL = not measured';
