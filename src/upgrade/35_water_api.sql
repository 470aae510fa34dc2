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
