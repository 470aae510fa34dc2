-- ===================================================================
-- Surface water (GB 3838-2002, 环办〔2011〕22号): functions, aggregates, tables.
-- The type eco.water_class is defined in 03_water_class.sql (eco.site uses it).
-- ===================================================================
CREATE FUNCTION @extschema@.water_class_label(c @extschema@.water_class, style text DEFAULT 'zh') RETURNS text
    AS 'MODULE_PATHNAME', 'water_class_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_class_label(@extschema@.water_class, text) IS
    'class label: ''zh'' Ⅲ类 / 劣Ⅴ类, ''roman'' Ⅲ, ''ascii'' III, ''en'' Class III';

CREATE FUNCTION @extschema@.water_status(c @extschema@.water_class, lang text DEFAULT 'zh') RETURNS text
    AS 'MODULE_PATHNAME', 'water_class_status' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_status(@extschema@.water_class, text) IS
    '水质状况 of a section class: 优 (I–II), 良好 (III), 轻度污染 (IV), 中度污染 (V), 重度污染 (劣V)';
CREATE FUNCTION @extschema@.water_status_color(c @extschema@.water_class, lang text DEFAULT 'zh') RETURNS text
    AS 'MODULE_PATHNAME', 'water_class_colour' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_status_color(@extschema@.water_class, text) IS
    '表征颜色 of a section class: 蓝色 (I–II), 绿色, 黄色, 橙色, 红色 (劣V); lang ''en'': blue, green, yellow, orange, red';
CREATE FUNCTION @extschema@.water_status_colour(c @extschema@.water_class, lang text DEFAULT 'zh') RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN @extschema@.water_status_color(c, lang);
COMMENT ON FUNCTION @extschema@.water_status_colour(@extschema@.water_class, text) IS
    'deprecated since 0.2.0 (one spelling, color, as in every column and output): use eco.water_status_color(c, lang)';

-- ---------- single values ----------
CREATE FUNCTION @extschema@.water_item(pollutant @extschema@.pollutant) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'water_item' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_item(@extschema@.pollutant) IS
    'the surface-water item of a substance (''Pb'' parses to air lead; this gives water:Pb)';

-- The family default edition, stated once: the record marked default in src/core/water.c.  Every water function's
-- standard argument defaults to it.
CREATE FUNCTION @extschema@.water_default_standard() RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME', 'water_default_standard' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_default_standard() IS
    'the default edition of the surface-water functions (GB3838-2002), the DEFAULT of their standard argument';

CREATE FUNCTION @extschema@.water_item_class(pollutant @extschema@.pollutant, value double precision,
    water_body text DEFAULT 'river', standard @extschema@.standard DEFAULT @extschema@.water_default_standard())
    RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME', 'water_item_class' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_item_class(@extschema@.pollutant, double precision, text, @extschema@.standard) IS
    'GB 3838 Table 1 class of one value of one item (limits inclusive, DO a lower limit, pH 6–9 else 劣V); NULL for WT, TN in rivers and items without classes; standard: a GB3838 edition';

CREATE FUNCTION @extschema@.water_exceedance(pollutant @extschema@.pollutant, value double precision,
    target @extschema@.water_class DEFAULT 'III', water_body text DEFAULT 'river', decimals integer DEFAULT 2,
    standard @extschema@.standard DEFAULT @extschema@.water_default_standard())
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'water_exceedance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_exceedance(@extschema@.pollutant, double precision, @extschema@.water_class, text, integer, @extschema@.standard) IS
    'exceedance multiple (C − S)/S over the target class limit, on the decimals as written, rounded half-up; 0 when met; NULL for pH, DO, WT; standard: a GB3838 edition';

-- ---------- section aggregates (per-item arithmetic means, then classification) ----------
CREATE FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_combine(pg_catalog.internal, pg_catalog.internal)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'water_agg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_agg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_class_final(pg_catalog.internal) RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME', 'water_agg_class_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_main_final(pg_catalog.internal) RETURNS @extschema@.pollutant[]
    AS 'MODULE_PATHNAME', 'water_agg_main_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_agg_label_final(pg_catalog.internal) RETURNS text
    AS 'MODULE_PATHNAME', 'water_agg_label_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE TYPE @extschema@.drinking_compliance AS (compliant boolean, failing @extschema@.pollutant[], items integer);
COMMENT ON TYPE @extschema@.drinking_compliance IS
    'drinking-water source result: compliant, the failing items, the number of items evaluated';
CREATE FUNCTION @extschema@._water_agg_drinking_final(pg_catalog.internal) RETURNS @extschema@.drinking_compliance
    AS 'MODULE_PATHNAME', 'water_agg_drinking_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@._water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@._water_agg_combine(pg_catalog.internal, pg_catalog.internal) IS 'water aggregates: combine partial states';
COMMENT ON FUNCTION @extschema@._water_agg_serialize(pg_catalog.internal) IS 'water aggregates: state to bytea';
COMMENT ON FUNCTION @extschema@._water_agg_deserialize(pg_catalog.bytea, pg_catalog.internal) IS 'water aggregates: bytea to state';
COMMENT ON FUNCTION @extschema@._water_agg_class_final(pg_catalog.internal) IS 'section_class final function';
COMMENT ON FUNCTION @extschema@._water_agg_main_final(pg_catalog.internal) IS 'main_pollutants final function';
COMMENT ON FUNCTION @extschema@._water_agg_label_final(pg_catalog.internal) IS 'main_pollutants_label final function';
COMMENT ON FUNCTION @extschema@._water_agg_drinking_final(pg_catalog.internal) IS 'drinking_source_compliance final function';

-- SSPACE 800 = sizeof(WaterAggState), SSPACE 56 = sizeof(BasinState): src/pg_water.c asserts both at compile time.
DO $do$
DECLARE
    s text := '@extschema@';
    agg record;
    sig text;
BEGIN
    FOR agg IN SELECT * FROM (VALUES
        ('section_class', '_water_agg_class_final',
         'worst GB 3838 class over the 21 evaluation items of a section (several values of an item are averaged first); TN, fecal coliform and water temperature do not count'),
        ('main_pollutants', '_water_agg_main_final',
         'main pollutants (主要污染指标) of a section worse than III: up to three items, heavy metals and cyanide first, then by class and multiple over III'),
        ('main_pollutants_label', '_water_agg_label_final',
         'main pollutants as bulletin text, e.g. 氨氮(1.30)、总磷(0.70)、化学需氧量(0.60)'),
        ('drinking_source_compliance', '_water_agg_drinking_final',
         'drinking-water source (集中式生活饮用水地表水源地): the 21 items against Class III plus GB 3838 Table 2; compliant and failing items')
    ) AS t(name, final, cmt)
    LOOP
        FOREACH sig IN ARRAY ARRAY['%1$s.pollutant, double precision', '%1$s.pollutant, double precision, text']
            || CASE WHEN agg.name IN ('main_pollutants') THEN ARRAY['%1$s.pollutant, double precision, text, boolean',
                                                                    '%1$s.pollutant, double precision, text, boolean, %1$s.standard']
                    WHEN agg.name IN ('main_pollutants_label') THEN ARRAY['%1$s.pollutant, double precision, text, integer',
                                                                    '%1$s.pollutant, double precision, text, integer, %1$s.standard']
                    ELSE ARRAY['%1$s.pollutant, double precision, text, %1$s.standard'] END
        LOOP
            sig := pg_catalog.format(sig, s);
            EXECUTE pg_catalog.format($sql$
                CREATE AGGREGATE %1$s.%2$I(%3$s) (
                    SFUNC = %1$s._water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 800,
                    FINALFUNC = %1$s.%4$I, COMBINEFUNC = %1$s._water_agg_combine,
                    SERIALFUNC = %1$s._water_agg_serialize, DESERIALFUNC = %1$s._water_agg_deserialize,
                    PARALLEL = SAFE)$sql$, s, agg.name, sig, agg.final);
            EXECUTE pg_catalog.format('COMMENT ON AGGREGATE %1$s.%2$I(%3$s) IS %4$L', s, agg.name, sig,
                agg.cmt || CASE WHEN sig LIKE '%standard' THEN '; standard: a GB3838 edition (default eco.water_default_standard())'
                                ELSE '' END);
        END LOOP;
    END LOOP;
END
$do$;

-- ---------- basin (river / lake group) status ----------
CREATE TYPE @extschema@.basin_evaluation AS (
    status text, color_zh text, sections integer, share_i_iii numeric, share_worse_v numeric, method text);
COMMENT ON TYPE @extschema@.basin_evaluation IS
    'river or basin status by section-class shares (percent, 2 decimals); status NULL below 5 sections';
CREATE FUNCTION @extschema@._water_basin_trans(pg_catalog.internal, @extschema@.water_class) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_basin_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_basin_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_basin_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_basin_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'water_basin_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_basin_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_basin_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_basin_final(pg_catalog.internal) RETURNS @extschema@.basin_evaluation
    AS 'MODULE_PATHNAME', 'water_basin_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._water_basin_trans(pg_catalog.internal, @extschema@.water_class) IS 'basin_status transition';
COMMENT ON FUNCTION @extschema@._water_basin_combine(pg_catalog.internal, pg_catalog.internal) IS 'basin_status combine';
COMMENT ON FUNCTION @extschema@._water_basin_serialize(pg_catalog.internal) IS 'basin_status serialize';
COMMENT ON FUNCTION @extschema@._water_basin_deserialize(pg_catalog.bytea, pg_catalog.internal) IS 'basin_status deserialize';
COMMENT ON FUNCTION @extschema@._water_basin_final(pg_catalog.internal) IS 'basin_status final function';
CREATE AGGREGATE @extschema@.basin_status(@extschema@.water_class) (
    SFUNC = @extschema@._water_basin_trans, STYPE = pg_catalog.internal, SSPACE = 56,
    FINALFUNC = @extschema@._water_basin_final, COMBINEFUNC = @extschema@._water_basin_combine,
    SERIALFUNC = @extschema@._water_basin_serialize, DESERIALFUNC = @extschema@._water_basin_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.basin_status(@extschema@.water_class) IS
    'river/basin status by the section-class proportion method (≥ 5 sections; ≥ 90% I–III 优, ≥ 75% 良好, else by the 劣V share 20%/40%)';

-- ---------- Spearman trend ----------
CREATE TYPE @extschema@.spearman_result AS (r_s double precision, n integer, critical_value double precision, verdict text);
COMMENT ON TYPE @extschema@.spearman_result IS 'Spearman rank-correlation trend: r_s, periods, W_p at α = 0.05, verdict';
CREATE FUNCTION @extschema@._water_spearman_trans(pg_catalog.internal, integer, double precision) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_spearman_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_spearman_combine(pg_catalog.internal, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_spearman_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_spearman_serialize(pg_catalog.internal) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'water_spearman_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_spearman_deserialize(pg_catalog.bytea, pg_catalog.internal) RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'water_spearman_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@._water_spearman_final(pg_catalog.internal) RETURNS @extschema@.spearman_result
    AS 'MODULE_PATHNAME', 'water_spearman_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._water_spearman_trans(pg_catalog.internal, integer, double precision) IS 'spearman_trend transition';
COMMENT ON FUNCTION @extschema@._water_spearman_combine(pg_catalog.internal, pg_catalog.internal) IS 'spearman_trend combine';
COMMENT ON FUNCTION @extschema@._water_spearman_serialize(pg_catalog.internal) IS 'spearman_trend serialize';
COMMENT ON FUNCTION @extschema@._water_spearman_deserialize(pg_catalog.bytea, pg_catalog.internal) IS 'spearman_trend deserialize';
COMMENT ON FUNCTION @extschema@._water_spearman_final(pg_catalog.internal) IS 'spearman_trend final function';
CREATE AGGREGATE @extschema@.spearman_trend(period integer, value double precision) (
    SFUNC = @extschema@._water_spearman_trans, STYPE = pg_catalog.internal,
    FINALFUNC = @extschema@._water_spearman_final, COMBINEFUNC = @extschema@._water_spearman_combine,
    SERIALFUNC = @extschema@._water_spearman_serialize, DESERIALFUNC = @extschema@._water_spearman_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.spearman_trend(integer, double precision) IS
    'Spearman rank-correlation trend (环办〔2011〕22号): r_s with average ranks for ties, W_p at α = 0.05, verdict; NULL below 5 periods';

CREATE FUNCTION @extschema@._spearman_critical_list(OUT n integer, OUT alpha_0_05 double precision, OUT alpha_0_01 double precision)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'water_spearman_table' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 16;
COMMENT ON FUNCTION @extschema@._spearman_critical_list() IS 'rows of the view eco.spearman_critical_values';
CREATE VIEW @extschema@.spearman_critical_values AS SELECT n, alpha_0_05, alpha_0_01 FROM @extschema@._spearman_critical_list();
COMMENT ON VIEW @extschema@.spearman_critical_values IS
    'Spearman critical values W_p (one-sided) by number of periods, α = 0.05 and 0.01 (环办〔2011〕22号)';
GRANT SELECT ON @extschema@.spearman_critical_values TO PUBLIC;

-- ---------- lake trophic state ----------
CREATE FUNCTION @extschema@.tli(chla double precision, tp double precision, tn double precision,
    sd double precision, codmn double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'water_tli' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tli(double precision, double precision, double precision, double precision, double precision) IS
    'comprehensive trophic level index TLI(Σ) from chla (mg/m³), TP, TN (mg/L), SD (m), CODMn (mg/L)';
CREATE FUNCTION @extschema@.tli_grade(tli double precision) RETURNS text
    AS 'MODULE_PATHNAME', 'water_tli_grade' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.tli_grade(double precision) IS
    'trophic grade: < 30 贫营养, 30–50 中营养, (50, 60] 轻度富营养, (60, 70] 中度富营养, > 70 重度富营养';

-- ---------- limits ----------
CREATE FUNCTION @extschema@._water_limits_list(OUT standard smallint,
    OUT pollutant smallint, OUT gb3838_table integer, OUT table_row integer, OUT water_body text, OUT direction text,
    OUT class_i double precision, OUT class_ii double precision, OUT class_iii double precision,
    OUT class_iv double precision, OUT class_v double precision, OUT single_limit double precision,
    OUT range_low double precision, OUT range_high double precision,
    OUT evaluated boolean, OUT heavy_metal_priority boolean, OUT has_multiple boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'water_limits_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@._water_limits_list() IS 'rows of the view eco.water_limits, from the edition records of src/core/water.c';
CREATE VIEW @extschema@.water_limits AS
    SELECT s.code::@extschema@.standard AS standard, p.pollutant, l.gb3838_table, l.table_row, l.water_body, l.direction,
           l.class_i, l.class_ii, l.class_iii, l.class_iv, l.class_v, l.single_limit, l.range_low, l.range_high,
           l.evaluated, l.heavy_metal_priority, l.has_multiple
    FROM @extschema@._water_limits_list() l
    JOIN @extschema@._standard_list() s ON s.id = l.standard
    JOIN @extschema@.pollutants p ON p.id = l.pollutant;
COMMENT ON VIEW @extschema@.water_limits IS
    'GB 3838 limits per edition (standard): Table 1 per water body (river, lake) with classes I–V (direction max ≤, min ≥ for DO, range for pH 6–9), Table 2 single limits';
GRANT SELECT ON @extschema@.water_limits TO PUBLIC;

-- ---------- samples ----------
CREATE TABLE @extschema@.water_sample (
    section_code    text NOT NULL REFERENCES @extschema@.site (code) ON UPDATE CASCADE,
    sampled_at      timestamp NOT NULL,
    pollutant       @extschema@.pollutant NOT NULL
                    CHECK (@extschema@.pollutant_medium(pollutant) = 'water'),
    value           double precision NOT NULL CHECK (value >= 0 AND value < 'Infinity'),
    below_detection boolean NOT NULL DEFAULT false,
    PRIMARY KEY (section_code, sampled_at, pollutant)
);
COMMENT ON TABLE @extschema@.water_sample IS
    'surface-water samples of a section (断面): one value per item and sampling time; below_detection marks a value reported as the detection limit';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.water_sample', '');
ALTER TABLE @extschema@.water_sample ENABLE ROW LEVEL SECURITY;
CREATE POLICY water_sample_by_site ON @extschema@.water_sample
    USING (@extschema@.site_visible(section_code)) WITH CHECK (@extschema@.site_visible(section_code));
COMMENT ON POLICY water_sample_by_site ON @extschema@.water_sample IS
    'rows of the sections the role can see in eco.site (area granted in eco.area_grant)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.water_sample TO PUBLIC;

CREATE FUNCTION @extschema@.section_evaluation(period_from timestamp, period_to timestamp,
    below_detection_factor double precision DEFAULT 1,
    standard @extschema@.standard DEFAULT @extschema@.water_default_standard())
    RETURNS TABLE (section_code text, water_body text, samples bigint,
                   water_class @extschema@.water_class, status text, target_class @extschema@.water_class,
                   target_met boolean, main_pollutants @extschema@.pollutant[], main_pollutants_label text)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT e.code, e.wb, e.samples, e.cls, @extschema@.water_status(e.cls),
           e.target, e.cls OPERATOR(@extschema@.<=) e.target, e.mp, e.mpl
    FROM (SELECT w.section_code AS code, x.wb, pg_catalog.count(*) AS samples,
                 @extschema@.section_class(w.pollutant, x.v, x.wb, section_evaluation.standard) AS cls,
                 @extschema@.main_pollutants(w.pollutant, x.v, x.wb, true, section_evaluation.standard) AS mp,
                 @extschema@.main_pollutants_label(w.pollutant, x.v, x.wb, 2, section_evaluation.standard) AS mpl,
                 s.target_class AS target
          FROM @extschema@.water_sample w
          LEFT JOIN @extschema@.site s ON s.code = w.section_code
          CROSS JOIN LATERAL (SELECT CASE WHEN w.below_detection THEN w.value * below_detection_factor
                                          ELSE w.value END AS v,
                                     COALESCE(s.water_body, 'river') AS wb) x
          WHERE w.sampled_at >= period_from AND w.sampled_at < period_to
          GROUP BY w.section_code, x.wb, s.target_class) e
    ORDER BY e.code
    $$;
COMMENT ON FUNCTION @extschema@.section_evaluation(timestamp, timestamp, double precision, @extschema@.standard) IS
    'per-section evaluation of [period_from, period_to): class from the item means, status, target class met, main pollutants (heavy metals first, multiples to 2 decimals); below-detection values count as value × below_detection_factor; standard: a GB3838 edition (default eco.water_default_standard())';

-- ---------- worst / best class ----------
CREATE FUNCTION @extschema@._water_class_larger(@extschema@.water_class, @extschema@.water_class)
    RETURNS @extschema@.water_class LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2larger';
CREATE FUNCTION @extschema@._water_class_smaller(@extschema@.water_class, @extschema@.water_class)
    RETURNS @extschema@.water_class LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'int2smaller';
COMMENT ON FUNCTION @extschema@._water_class_larger(@extschema@.water_class, @extschema@.water_class) IS 'the worse of two classes';
COMMENT ON FUNCTION @extschema@._water_class_smaller(@extschema@.water_class, @extschema@.water_class) IS 'the better of two classes';
CREATE AGGREGATE @extschema@.max(@extschema@.water_class) (
    SFUNC = @extschema@._water_class_larger, STYPE = @extschema@.water_class,
    COMBINEFUNC = @extschema@._water_class_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.min(@extschema@.water_class) (
    SFUNC = @extschema@._water_class_smaller, STYPE = @extschema@.water_class,
    COMBINEFUNC = @extschema@._water_class_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.max(@extschema@.water_class) IS 'worst class';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.water_class) IS 'best class';
