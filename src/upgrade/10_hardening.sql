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

-- ---------- NaN and infinity are 22023 naming the argument (src/sql/50_report.sql, src/sql/40_sites.sql) ----------
--@ from src/sql/50_report.sql: function eco.pp_change(numeric, numeric)
--@ from src/sql/50_report.sql: function eco.offset_capacity(text, text, numeric)
--@ from src/sql/50_report.sql: function eco.offset_summary(text, numeric, date)
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE OR REPLACE FUNCTION @extschema@.nearest_sites(geom %1$s.geometry, kind text, n integer DEFAULT 5)
        RETURNS TABLE (code text, name text, site_kind text, area text, distance_m double precision)
        LANGUAGE plpgsql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        q %1$s.geography;
    BEGIN
        IF geom IS NULL OR kind IS NULL OR n IS NULL THEN
            RETURN;
        END IF;
        IF %1$s.ST_SRID(geom) NOT IN (4490, 4326) OR %1$s.GeometryType(geom) <> 'POINT' OR %1$s.ST_IsEmpty(geom) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('nearest_sites needs a point in SRID 4490 or 4326, not %%s in SRID %%s',
                                            pg_catalog.lower(%1$s.GeometryType(geom)), %1$s.ST_SRID(geom));
        END IF;
        IF NOT (%1$s.ST_X(geom) BETWEEN -180 AND 180) OR NOT (%1$s.ST_Y(geom) BETWEEN -90 AND 90) THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('nearest_sites: geom must have finite longitude/latitude in range, not %%s',
                                            %1$s.ST_AsText(geom));
        END IF;
        IF kind NOT IN ('air', 'water', 'other') THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('invalid site kind "%%s"', kind),
                HINT = 'Use ''air'', ''water'' or ''other''.';
        END IF;
        IF n < 1 THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = pg_catalog.format('number of sites must be positive: %%s', n);
        END IF;
        q := %1$s.geography(%1$s.ST_SetSRID(geom, 4490));
        RETURN QUERY
            SELECT s.code, s.name, s.kind, s.area, %1$s.geography(s.geom) OPERATOR(%1$s.<->) q
            FROM @extschema@.site s
            WHERE s.kind = nearest_sites.kind AND s.geom IS NOT NULL
            ORDER BY %1$s.geography(s.geom) OPERATOR(%1$s.<->) q
            LIMIT n;
    END
    $fn$$sql$, g);
END
$do$;

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

-- ---------- offset capacity holds at every isolation level: the check locks the reduction rows (src/sql/50_report.sql) ----------
--@ from src/sql/50_report.sql: function eco._offset_check()

-- ---------- geometry trigger: PostGIS calls with explicit casts, NaN coordinates out of range (src/sql/06_site.sql) ----------
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE OR REPLACE FUNCTION @extschema@._geom_to_cgcs2000() RETURNS trigger
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
END
$do$;
