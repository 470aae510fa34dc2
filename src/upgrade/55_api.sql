-- ===================================================================
-- 0.1.0 -> 0.2.0: one API shape for the SQL surface (CHANGELOG.md, docs/choices.md "One API shape").
-- The renames of support functions are in 00_renames.sql (generated from scripts/renames.tsv: it runs first,
-- so that every later piece finds the new names).  The objects' statements are copied from the install pieces
-- (--@ directives, scripts/build_upgrade.py); literal statements exist only in the upgrade.
-- ===================================================================

-- ---------- no function is named like a type: the deprecated eco.water_class(pollutant, value, water_body) goes ----------
-- (eco.water_item_class, its replacement since 0.2.0, takes the same arguments)
DROP FUNCTION @extschema@.water_class(@extschema@.pollutant, double precision, text);

-- ---------- the section aggregates' SSPACE is the size of their state, 800 bytes (src/pg_water.c) ----------
-- CREATE OR REPLACE keeps each aggregate (its oid, comment and the users' objects that depend on it).
DO $do$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT a.aggfnoid, p.proname, pg_catalog.pg_get_function_identity_arguments(a.aggfnoid) AS args,
               a.aggfinalfn::pg_catalog.regproc AS final
        FROM pg_catalog.pg_aggregate a JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) a.aggfnoid
        WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
          AND a.aggtransfn::pg_catalog.oid IN (SELECT oid FROM pg_catalog.pg_proc
                                               WHERE proname OPERATOR(pg_catalog.=) '_water_agg_trans'
                                                 AND pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace)
        ORDER BY 1
    LOOP
        EXECUTE pg_catalog.format($sql$
            CREATE OR REPLACE AGGREGATE %1$s.%2$I(%3$s) (
                SFUNC = %1$s._water_agg_trans, STYPE = pg_catalog.internal, SSPACE = 800,
                FINALFUNC = %4$s, COMBINEFUNC = %1$s._water_agg_combine,
                SERIALFUNC = %1$s._water_agg_serialize, DESERIALFUNC = %1$s._water_agg_deserialize,
                PARALLEL = SAFE)$sql$, '@extschema@', r.proname, r.args, r.final);
    END LOOP;
END
$do$;

-- ---------- one spelling, color (as the columns color, color_zh, color_en and the GeoJSON/SVG outputs write it) ----------
--@ from src/sql/30_water.sql: function eco.water_status_color(eco.water_class, text)
--@ from src/sql/30_water.sql: function eco.water_status_colour(eco.water_class, text)
-- the Chinese colour name of a basin's status, named as in eco.water_class_colors
ALTER TYPE @extschema@.basin_evaluation RENAME ATTRIBUTE colour TO color_zh;

-- ---------- a year outside 1..9999 is 22003 (value out of range), one check for the report and the charts ----------
-- (eco.annual_report takes it in 90_report_sections.sql, the charts are new in 0.2.0)
--@ from src/sql/50_change_wording.sql: function eco._report_year_check(integer)

-- ---------- the list functions' comments name the C files that hold the tables ----------
--@ from src/sql/50_change_wording.sql: comment on function eco._change_kind_list()
--@ from src/sql/50_change_wording.sql: comment on function eco._report_indicator_list()
-- the views over them, so that their definitions name the renamed functions as a fresh install does
--@ from src/sql/50_change_wording.sql: view eco.change_kinds
--@ from src/sql/50_change_wording.sql: view eco.report_indicators

-- ---------- one area convention: NULL (and '') = every area the caller may see; the functions take NULL ----------
-- (not STRICT any more; NULL in another argument still gives no rows).  The other ledger functions, eco.air_summary
-- and eco.annual_report are copied by 10_hardening.sql, 40_lists.sql and 90_report_sections.sql.
--@ from src/sql/52_ledgers.sql: function eco.rectification_status(text, date)
--@ from src/sql/52_ledgers.sql: function eco.draw_inspections(integer, bigint, text, date, integer)
--@ from src/sql/52_ledgers.sql: function eco.inspection_summary(text, daterange)
--@ from src/sql/52_ledgers.sql: function eco.enforcement_summary(text, daterange)
--@ from src/sql/52_ledgers.sql: function eco.task_progress(text, integer, date)

-- ---------- the sections of eco.annual_report return one row type (they are new in 0.2.0: 90_report_sections.sql) ----------
--@ from src/sql/90_annual_report.sql: type eco._report_row
