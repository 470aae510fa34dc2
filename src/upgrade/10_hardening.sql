-- ===================================================================
-- 0.1.0 -> 0.2.0: hardening of access and integrity (area grants, outfall
-- history, lifecycle, offsets, geometry trigger, reference views, NaN).
-- Each block carries the change of one install piece to the objects that
-- existed in 0.1.0; the statements equal those of the install script.
-- ===================================================================

-- ---------- area grants: an unknown role (or 'public') never makes a query fail (src/sql/05_area.sql) ----------
COMMENT ON TABLE @extschema@.area_grant IS
    'row-level security: role_name may see and change rows whose area starts with area_prefix ('''' = all areas; role public = every role; an unknown role matches nobody)';
ALTER POLICY area_grant_own ON @extschema@.area_grant
    USING (role_name OPERATOR(pg_catalog.=) 'public'::name
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                      WHERE r.rolname OPERATOR(pg_catalog.=) role_name
                        AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER')));
CREATE OR REPLACE FUNCTION @extschema@.area_visible(area text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM @extschema@.area_grant g
        WHERE pg_catalog.starts_with(COALESCE(area, ''), g.area_prefix)
          AND (g.role_name = 'public'
               OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                          WHERE r.rolname = g.role_name AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER'))))
$$;

-- ---------- reference views: readable by every role that can use the extension (every install piece) ----------
GRANT SELECT ON @extschema@.pollutants, @extschema@.standards, @extschema@.aqi_breakpoints, @extschema@.aqi_levels,
    @extschema@.aqi_sensitive_groups, @extschema@.air_limits, @extschema@.spearman_critical_values,
    @extschema@.water_limits, @extschema@.outfall_types, @extschema@.outfall_lifecycle, @extschema@.soil_limits,
    @extschema@.farmland_limits TO PUBLIC;
