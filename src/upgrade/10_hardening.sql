-- ===================================================================
-- 0.1.0 -> 0.2.0: hardening of access and integrity (area grants, outfall
-- history, lifecycle, offsets, geometry trigger, reference views, NaN).
-- Each block carries the change of one install piece to the objects that
-- existed in 0.1.0: the objects' statements are copied from the install
-- pieces (--@ directives, scripts/build_upgrade.py); literal statements
-- exist only in the upgrade.
-- ===================================================================

-- ---------- area grants: an unknown role (or 'public') never makes a query fail (src/sql/05_area.sql) ----------
--@ from src/sql/05_area.sql: comment on table eco.area_grant
ALTER POLICY area_grant_own ON @extschema@.area_grant
    USING (role_name OPERATOR(pg_catalog.=) CURRENT_USER OR role_name OPERATOR(pg_catalog.=) 'public'::name
           OR pg_catalog.pg_has_role(CURRENT_USER, pg_catalog.to_regrole(pg_catalog.quote_ident(role_name)), 'MEMBER'));
--@ from src/sql/05_area.sql: function eco.area_visible(text)

-- ---------- reference views: readable by every role that can use the extension (every install piece) ----------
GRANT SELECT ON @extschema@.pollutants, @extschema@.standards, @extschema@.aqi_breakpoints, @extschema@.aqi_levels,
    @extschema@.aqi_sensitive_groups, @extschema@.air_limits, @extschema@.spearman_critical_values,
    @extschema@.water_limits, @extschema@.outfall_types, @extschema@.outfall_lifecycle, @extschema@.soil_limits,
    @extschema@.farmland_limits TO PUBLIC;

-- ---------- NaN and infinity are 22023 naming the argument (src/sql/50_change_wording.sql, 52_ledgers.sql, 40_sites.sql) ----------
--@ from src/sql/50_change_wording.sql: function eco.pp_change(numeric, numeric)
--@ from src/sql/52_ledgers.sql: function eco.offset_capacity(text, text, numeric)
--@ from src/sql/52_ledgers.sql: function eco.offset_summary(text, numeric, date)
--@ from src/sql/40_sites.sql: function eco.nearest_sites(geometry, text, integer)

-- ---------- outfall history: written only by the lifecycle trigger, survives deletes, records code changes (src/sql/40_sites.sql) ----------
ALTER TABLE @extschema@.outfall_history DROP CONSTRAINT outfall_history_outfall_code_fkey,
    ADD CONSTRAINT outfall_history_outfall_code_fkey FOREIGN KEY (outfall_code)
        REFERENCES @extschema@.outfall (code) ON UPDATE CASCADE ON DELETE RESTRICT;
--@ from src/sql/40_sites.sql: comment on table eco.outfall_history
--@ from src/sql/40_sites.sql: table eco.outfall_code_change
--@ from src/sql/40_sites.sql: function eco._outfall_log()
DROP TRIGGER outfall_log ON @extschema@.outfall;
--@ from src/sql/40_sites.sql: trigger outfall_log on eco.outfall
REVOKE INSERT ON @extschema@.outfall_history FROM PUBLIC;
REVOKE USAGE ON SEQUENCE @extschema@.outfall_history_id_seq FROM PUBLIC;

-- ---------- outfall lifecycle: 销号 stored as 已完成; pre_campaign fixed past 核查确认 (src/sql/40_sites.sql) ----------
--@ from src/sql/40_sites.sql: function eco._outfall_status_name(text)
--@ from src/sql/40_sites.sql: function eco._outfall_status()

-- ---------- offset capacity holds at every isolation level: the check locks the reduction rows (src/sql/52_ledgers.sql) ----------
--@ from src/sql/52_ledgers.sql: function eco._offset_check()

-- ---------- geometry trigger: PostGIS calls with explicit casts, NaN coordinates out of range (src/sql/06_site.sql) ----------
--@ from src/sql/06_site.sql: function eco._geom_to_cgcs2000()
