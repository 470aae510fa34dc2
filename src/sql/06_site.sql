-- ===================================================================
-- eco.site: monitoring sites (air stations, water sections, others).
-- Other tables refer to a site by its code and inherit its area for
-- row-level security through eco.site_visible(code).
-- ===================================================================
-- PostGIS may live in any schema: qualify its type by the schema it was installed in.
DO $do$
DECLARE
    g text := (SELECT pg_catalog.quote_ident(n.nspname) FROM pg_catalog.pg_extension e
               JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis');
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE TABLE @extschema@.site (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('air', 'water', 'other')),
        control_level text CHECK (control_level IN ('国控', '省控', '市控')),
        area          text NOT NULL,
        water_body    text CHECK (water_body IN ('river', 'lake')),
        target_class  text,
        geom          %1$s.geometry(Point, 4490)
    )$sql$, g);
END
$do$;
COMMENT ON TABLE @extschema@.site IS 'monitoring sites: air stations, water sections (断面) and others, in CGCS2000 (SRID 4490)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.site', '');
ALTER TABLE @extschema@.site ENABLE ROW LEVEL SECURITY;
CREATE POLICY site_by_area ON @extschema@.site
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.site TO PUBLIC;

CREATE FUNCTION @extschema@.site_visible(site_code text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM @extschema@.site s WHERE s.code = site_code) $$;
COMMENT ON FUNCTION @extschema@.site_visible(text) IS
    'true when the current user can see the site (row-level security of eco.site applies inside)';
