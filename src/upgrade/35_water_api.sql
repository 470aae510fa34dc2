-- ===================================================================
-- Surface water, 0.1.0 -> 0.2.0: the standard argument (last, defaulting to eco.water_default_standard()),
-- eco.water_class(pollutant, value, water_body) renamed eco.water_item_class (the old name stays, deprecated).
-- The install piece is src/sql/30_water.sql.
-- ===================================================================
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

CREATE OR REPLACE FUNCTION @extschema@.water_class(p @extschema@.pollutant, value double precision, water_body text DEFAULT 'river')
    RETURNS @extschema@.water_class
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN @extschema@.water_item_class(p, value, water_body);
COMMENT ON FUNCTION @extschema@.water_class(@extschema@.pollutant, double precision, text) IS
    'deprecated since 0.2.0 (the function shared its name with the type): use eco.water_item_class(pollutant, value, water_body, standard)';

-- A sixth argument with a default next to the five-argument function would make every shorter call ambiguous:
-- the 0.1.0 signature goes; every 0.1.0 call (one to five arguments) still resolves to the new one.
DROP FUNCTION @extschema@.water_exceedance(@extschema@.pollutant, double precision, @extschema@.water_class, text, integer);
CREATE FUNCTION @extschema@.water_exceedance(pollutant @extschema@.pollutant, value double precision,
    target @extschema@.water_class DEFAULT 'III', water_body text DEFAULT 'river', decimals integer DEFAULT 2,
    standard @extschema@.standard DEFAULT @extschema@.water_default_standard())
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'water_exceedance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_exceedance(@extschema@.pollutant, double precision, @extschema@.water_class, text, integer, @extschema@.standard) IS
    'exceedance multiple (C − S)/S over the target class limit, on the decimals as written, rounded half-up; 0 when met; NULL for pH, DO, WT; standard: a GB3838 edition';

-- ---------- the section aggregates take the standard last (aggregates have no DEFAULT: an overload each) ----------
CREATE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
CREATE AGGREGATE @extschema@.section_class(@extschema@.pollutant, double precision, text, @extschema@.standard) (
    SFUNC = @extschema@.water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 544,
    FINALFUNC = @extschema@.water_agg_class_final, COMBINEFUNC = @extschema@.water_agg_combine,
    SERIALFUNC = @extschema@.water_agg_serialize, DESERIALFUNC = @extschema@.water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.section_class(@extschema@.pollutant, double precision, text, @extschema@.standard) IS
    'worst GB 3838 class over the 21 evaluation items of a section (several values of an item are averaged first); TN, fecal coliform and water temperature do not count; standard: a GB3838 edition (default eco.water_default_standard())';
CREATE AGGREGATE @extschema@.main_pollutants(@extschema@.pollutant, double precision, text, boolean, @extschema@.standard) (
    SFUNC = @extschema@.water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 544,
    FINALFUNC = @extschema@.water_agg_main_final, COMBINEFUNC = @extschema@.water_agg_combine,
    SERIALFUNC = @extschema@.water_agg_serialize, DESERIALFUNC = @extschema@.water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.main_pollutants(@extschema@.pollutant, double precision, text, boolean, @extschema@.standard) IS
    'main pollutants (主要污染指标) of a section worse than III: up to three items, heavy metals and cyanide first, then by class and multiple over III; standard: a GB3838 edition (default eco.water_default_standard())';
CREATE AGGREGATE @extschema@.main_pollutants_label(@extschema@.pollutant, double precision, text, integer, @extschema@.standard) (
    SFUNC = @extschema@.water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 544,
    FINALFUNC = @extschema@.water_agg_label_final, COMBINEFUNC = @extschema@.water_agg_combine,
    SERIALFUNC = @extschema@.water_agg_serialize, DESERIALFUNC = @extschema@.water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.main_pollutants_label(@extschema@.pollutant, double precision, text, integer, @extschema@.standard) IS
    'main pollutants as bulletin text, e.g. 氨氮(1.30)、总磷(0.70)、化学需氧量(0.60); standard: a GB3838 edition (default eco.water_default_standard())';
CREATE AGGREGATE @extschema@.drinking_source_compliance(@extschema@.pollutant, double precision, text, @extschema@.standard) (
    SFUNC = @extschema@.water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 544,
    FINALFUNC = @extschema@.water_agg_drinking_final, COMBINEFUNC = @extschema@.water_agg_combine,
    SERIALFUNC = @extschema@.water_agg_serialize, DESERIALFUNC = @extschema@.water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.drinking_source_compliance(@extschema@.pollutant, double precision, text, @extschema@.standard) IS
    'drinking-water source (集中式生活饮用水地表水源地): the 21 items against Class III plus GB 3838 Table 2; compliant and failing items; standard: a GB3838 edition (default eco.water_default_standard())';

-- ---------- eco.water_limits: one row set per edition record, with its standard ----------
DROP VIEW @extschema@.water_limits;
DROP FUNCTION @extschema@._water_limits_list();
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


-- ---------- one name for the pollutant argument: eco.water_item(p) -> eco.water_item(pollutant) ----------
-- (a parameter cannot be renamed in place; positional calls are unchanged)
DROP FUNCTION @extschema@.water_item(@extschema@.pollutant);
CREATE FUNCTION @extschema@.water_item(pollutant @extschema@.pollutant) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'water_item' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_item(@extschema@.pollutant) IS
    'the surface-water item of a substance (''Pb'' parses to air lead; this gives water:Pb)';
