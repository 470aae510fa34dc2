-- ===================================================================
-- Surface water, 0.1.0 -> 0.2.0: the standard argument (last, defaulting to eco.water_default_standard()),
-- eco.water_class(pollutant, value, water_body) renamed eco.water_item_class (the old name is dropped in 55_api.sql:
-- no function is named like a type).
-- The install piece is src/sql/30_water.sql: the objects' statements are copied from it (--@ directives,
-- scripts/build_upgrade.py); literal statements exist only in the upgrade.
-- ===================================================================
--@ from src/sql/30_water.sql: function eco.water_default_standard()

--@ from src/sql/30_water.sql: function eco.water_item_class(eco.pollutant, double precision, text, eco.standard)

-- A sixth argument with a default next to the five-argument function would make every shorter call ambiguous:
-- the 0.1.0 signature goes; every 0.1.0 call (one to five arguments) still resolves to the new one.
DROP FUNCTION @extschema@.water_exceedance(@extschema@.pollutant, double precision, @extschema@.water_class, text, integer);
--@ from src/sql/30_water.sql: function eco.water_exceedance(eco.pollutant, double precision, eco.water_class, text,
--@     integer, eco.standard)

-- ---------- the section aggregates take the standard last (aggregates have no DEFAULT: an overload each) ----------
--@ from src/sql/30_water.sql: function eco._water_agg_trans(internal, eco.pollutant, double precision, text, eco.standard)
--@ from src/sql/30_water.sql: function eco._water_agg_trans(internal, eco.pollutant, double precision, text, boolean,
--@     eco.standard)
--@ from src/sql/30_water.sql: function eco._water_agg_trans(internal, eco.pollutant, double precision, text, integer,
--@     eco.standard)
-- The aggregates are made by a loop over a VALUES list in the install piece (no single statement to copy).
CREATE AGGREGATE @extschema@.section_class(@extschema@.pollutant, double precision, text, @extschema@.standard) (
    SFUNC = @extschema@._water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 800,
    FINALFUNC = @extschema@._water_agg_class_final, COMBINEFUNC = @extschema@._water_agg_combine,
    SERIALFUNC = @extschema@._water_agg_serialize, DESERIALFUNC = @extschema@._water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.section_class(@extschema@.pollutant, double precision, text, @extschema@.standard) IS
    'worst GB 3838 class over the 21 evaluation items of a section (several values of an item are averaged first); TN, fecal coliform and water temperature do not count; standard: a GB3838 edition (default eco.water_default_standard())';
CREATE AGGREGATE @extschema@.main_pollutants(@extschema@.pollutant, double precision, text, boolean, @extschema@.standard) (
    SFUNC = @extschema@._water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 800,
    FINALFUNC = @extschema@._water_agg_main_final, COMBINEFUNC = @extschema@._water_agg_combine,
    SERIALFUNC = @extschema@._water_agg_serialize, DESERIALFUNC = @extschema@._water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.main_pollutants(@extschema@.pollutant, double precision, text, boolean, @extschema@.standard) IS
    'main pollutants (主要污染指标) of a section worse than III: up to three items, heavy metals and cyanide first, then by class and multiple over III; standard: a GB3838 edition (default eco.water_default_standard())';
CREATE AGGREGATE @extschema@.main_pollutants_label(@extschema@.pollutant, double precision, text, integer, @extschema@.standard) (
    SFUNC = @extschema@._water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 800,
    FINALFUNC = @extschema@._water_agg_label_final, COMBINEFUNC = @extschema@._water_agg_combine,
    SERIALFUNC = @extschema@._water_agg_serialize, DESERIALFUNC = @extschema@._water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.main_pollutants_label(@extschema@.pollutant, double precision, text, integer, @extschema@.standard) IS
    'main pollutants as bulletin text, e.g. 氨氮(1.30)、总磷(0.70)、化学需氧量(0.60); standard: a GB3838 edition (default eco.water_default_standard())';
CREATE AGGREGATE @extschema@.drinking_source_compliance(@extschema@.pollutant, double precision, text, @extschema@.standard) (
    SFUNC = @extschema@._water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 800,
    FINALFUNC = @extschema@._water_agg_drinking_final, COMBINEFUNC = @extschema@._water_agg_combine,
    SERIALFUNC = @extschema@._water_agg_serialize, DESERIALFUNC = @extschema@._water_agg_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.drinking_source_compliance(@extschema@.pollutant, double precision, text, @extschema@.standard) IS
    'drinking-water source (集中式生活饮用水地表水源地): the 21 items against Class III plus GB 3838 Table 2; compliant and failing items; standard: a GB3838 edition (default eco.water_default_standard())';

-- ---------- eco.water_limits: one row set per edition record, with its standard ----------
DROP VIEW @extschema@.water_limits;
DROP FUNCTION @extschema@._water_limits_list();
--@ from src/sql/30_water.sql: function eco._water_limits_list()
--@ from src/sql/30_water.sql: view eco.water_limits


-- ---------- one name for the pollutant argument: eco.water_item(p) -> eco.water_item(pollutant) ----------
-- (a parameter cannot be renamed in place; positional calls are unchanged)
DROP FUNCTION @extschema@.water_item(@extschema@.pollutant);
--@ from src/sql/30_water.sql: function eco.water_item(eco.pollutant)
