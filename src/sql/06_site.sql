-- ===================================================================
-- eco.site: monitoring sites (air stations, water sections, others).
-- Other tables refer to a site by its code and inherit its area for
-- row-level security through eco.site_visible(code).
--
-- Geometry: stored in CGCS2000 (SRID 4490).  A geometry in WGS 84 (SRID
-- 4326) is accepted and relabelled 4490 by a BEFORE trigger (the two
-- frames agree to a few centimetres, below the accuracy of a site's
-- coordinates); any other SRID, a wrong geometry type, an empty geometry
-- or a coordinate outside longitude/latitude range is an error 22023.  The
-- column is therefore an unconstrained geometry with CHECK constraints
-- (SRID 4490, POINT) instead of the typmod geometry(Point, 4490): a typmod
-- rejects SRID 4326 before any trigger can convert it.  PostGIS's
-- geometry_columns view reads the constraints and still reports Point, 4490.
-- ===================================================================
-- Every role may use the schema; row-level security decides which rows it sees.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- PostGIS may live in any schema: the install script qualifies its objects by that schema.
CREATE FUNCTION @extschema@._postgis_schema() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT pg_catalog.quote_ident(n.nspname) FROM pg_catalog.pg_extension e
          JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis' $$;
COMMENT ON FUNCTION @extschema@._postgis_schema() IS
    'internal: the quoted schema of PostGIS, used by the install script to qualify geometry types and functions';

DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    -- Trigger: normalise NEW.geom to SRID 4490.  TG_ARGV[0]: 'point' or 'polygon'
    -- (Polygon or MultiPolygon, stored as MultiPolygon).
    EXECUTE pg_catalog.format($sql$
    CREATE FUNCTION @extschema@._geom_to_cgcs2000() RETURNS trigger
        LANGUAGE plpgsql
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        srid integer;
        gtype text;
        want text := TG_ARGV[0];
    BEGIN
        IF NEW.geom IS NULL THEN
            RETURN NEW;
        END IF;
        srid := %1$s.ST_SRID(NEW.geom);
        gtype := %1$s.GeometryType(NEW.geom);
        IF srid NOT IN (4490, 4326) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must be in SRID 4490 (CGCS2000) or 4326 (WGS 84), not SRID %%s',
                                            TG_TABLE_NAME, srid),
                HINT = 'Longitude/latitude points: use ST_SetSRID(ST_MakePoint(lon, lat), 4490).';
        END IF;
        IF want = 'point' AND gtype <> 'POINT' THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must be a point, not %%s', TG_TABLE_NAME, pg_catalog.lower(gtype));
        END IF;
        IF want = 'polygon' AND gtype NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must be a polygon or multipolygon, not %%s',
                                            TG_TABLE_NAME, pg_catalog.lower(gtype));
        END IF;
        IF %1$s.ST_IsEmpty(NEW.geom) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s must not be empty', TG_TABLE_NAME);
        END IF;
        -- Every PostGIS call takes exactly the argument types of its PostGIS signature (explicit casts), so that
        -- no look-alike planted in the PostGIS schema can be a better match than the function meant.
        -- Written as NOT (inside) so that NaN coordinates are outside too.
        IF NOT (%1$s.ST_XMin(NEW.geom::%1$s.box3d) >= -180 AND %1$s.ST_XMax(NEW.geom::%1$s.box3d) <= 180
                AND %1$s.ST_YMin(NEW.geom::%1$s.box3d) >= -90 AND %1$s.ST_YMax(NEW.geom::%1$s.box3d) <= 90) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('geometry of %%s is outside longitude/latitude range: %%s',
                                            TG_TABLE_NAME, %1$s.ST_AsText(%1$s.Box2D(NEW.geom)::%1$s.geometry)),
                HINT = 'Coordinates are longitude, latitude in degrees (x = longitude).';
        END IF;
        IF want = 'polygon' THEN
            IF NOT %1$s.ST_IsValid(NEW.geom) THEN
                RAISE EXCEPTION USING ERRCODE = '22023',
                    MESSAGE = pg_catalog.format('geometry of %%s is not a valid polygon: %%s',
                                                TG_TABLE_NAME, %1$s.ST_IsValidReason(NEW.geom));
            END IF;
            NEW.geom := %1$s.ST_Multi(NEW.geom);
        END IF;
        IF srid = 4326 THEN
            NEW.geom := %1$s.ST_SetSRID(NEW.geom, 4490);
        END IF;
        RETURN NEW;
    END
    $fn$$sql$, g);

    EXECUTE pg_catalog.format($sql$
    CREATE TABLE @extschema@.site (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('air', 'water', 'other')),
        control_level text CHECK (control_level IN ('国控', '省控', '市控')),
        area          text NOT NULL,
        water_body    text CHECK (water_body IN ('river', 'lake')),
        target_class  @extschema@.water_class,
        geom          %1$s.geometry,
        CONSTRAINT enforce_srid_geom CHECK (%1$s.ST_SRID(geom) = 4490),
        CONSTRAINT enforce_geotype_geom CHECK (%1$s.GeometryType(geom) = 'POINT'::text)
    )$sql$, g);
    EXECUTE pg_catalog.format('CREATE INDEX site_geom_idx ON @extschema@.site USING gist (geom)');
    -- nearest_sites orders by spherical distance: KNN on the geography of the point.
    EXECUTE pg_catalog.format('CREATE INDEX site_geog_idx ON @extschema@.site USING gist ((%1$s.geography(geom)))', g);
END
$do$;
COMMENT ON FUNCTION @extschema@._geom_to_cgcs2000() IS
    'trigger: accept SRID 4490 or 4326 (relabelled 4490), check the geometry type (TG_ARGV[0]: point or polygon) and range; ERROR 22023 otherwise';
COMMENT ON TABLE @extschema@.site IS 'monitoring sites: air stations, water sections (断面) and others, in CGCS2000 (SRID 4490)';
COMMENT ON COLUMN @extschema@.site.geom IS 'point in CGCS2000 (SRID 4490); SRID 4326 input is accepted and stored as 4490';
COMMENT ON COLUMN @extschema@.site.area IS 'administrative area (GB/T 2260 code or the bureau''s own text); row-level security by prefix';
CREATE TRIGGER site_geom BEFORE INSERT OR UPDATE OF geom ON @extschema@.site
    FOR EACH ROW EXECUTE FUNCTION @extschema@._geom_to_cgcs2000('point');
COMMENT ON TRIGGER site_geom ON @extschema@.site IS
    'point in SRID 4490 or 4326 (stored as SRID 4490); ERROR 22023 otherwise';
CREATE INDEX site_area_idx ON @extschema@.site (area text_pattern_ops);
CREATE INDEX site_kind_idx ON @extschema@.site (kind);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.site', '');
ALTER TABLE @extschema@.site ENABLE ROW LEVEL SECURITY;
CREATE POLICY site_by_area ON @extschema@.site
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
COMMENT ON POLICY site_by_area ON @extschema@.site IS
    'a role sees and changes the sites whose area starts with a prefix granted to it in eco.area_grant';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.site TO PUBLIC;

-- In C (src/pg_area.c): the codes of the sites the user can see (eco.site under its row-level security) are read
-- once per statement, not once per row a policy checks.
CREATE FUNCTION @extschema@.site_visible(site_code text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eco_site_visible' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.site_visible(text) IS
    'true when the current user can see the site (row-level security of eco.site applies inside)';
