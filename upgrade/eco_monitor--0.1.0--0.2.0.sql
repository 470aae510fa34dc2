\echo Use "ALTER EXTENSION eco_monitor UPDATE" to load this file. \quit
-- ===================================================================
-- 0.1.0 -> 0.2.0: hardening of access and integrity (area grants, outfall
-- history, lifecycle, offsets, geometry trigger, reference views, NaN).
-- Each block carries the change of one install piece to the objects that
-- existed in 0.1.0: the objects' statements are copied from the install
-- pieces (--@ directives, scripts/build_upgrade.py); literal statements
-- exist only in the upgrade.
-- ===================================================================

-- ---------- area grants: an unknown role (or 'public') never makes a query fail (src/sql/05_area.sql) ----------
-- from src/sql/05_area.sql: comment on table eco.area_grant
COMMENT ON TABLE @extschema@.area_grant IS
    'row-level security: role_name may see and change rows whose area starts with area_prefix ('''' = all areas; role public = every role; an unknown role matches nobody)';
ALTER POLICY area_grant_own ON @extschema@.area_grant
    USING (role_name OPERATOR(pg_catalog.=) CURRENT_USER OR role_name OPERATOR(pg_catalog.=) 'public'::name
           OR pg_catalog.pg_has_role(CURRENT_USER, pg_catalog.to_regrole(pg_catalog.quote_ident(role_name)), 'MEMBER'));
-- from src/sql/05_area.sql: function eco.area_visible(text)
CREATE OR REPLACE FUNCTION @extschema@.area_visible(area text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM @extschema@.area_grant g
        WHERE pg_catalog.starts_with(COALESCE(area, ''), g.area_prefix)
          AND (g.role_name = CURRENT_USER OR g.role_name = 'public'
               OR pg_catalog.pg_has_role(CURRENT_USER, pg_catalog.to_regrole(pg_catalog.quote_ident(g.role_name)),
                                         'MEMBER')))
$$;
COMMENT ON FUNCTION @extschema@.area_visible(text) IS
    'true when the current user may see rows of this administrative area (see eco.area_grant)';

-- ---------- reference views: readable by every role that can use the extension (every install piece) ----------
GRANT SELECT ON @extschema@.pollutants, @extschema@.standards, @extschema@.aqi_breakpoints, @extschema@.aqi_levels,
    @extschema@.aqi_sensitive_groups, @extschema@.air_limits, @extschema@.spearman_critical_values,
    @extschema@.water_limits, @extschema@.outfall_types, @extschema@.outfall_lifecycle, @extschema@.soil_limits,
    @extschema@.farmland_limits TO PUBLIC;

-- ---------- NaN and infinity are 22023 naming the argument (src/sql/50_report.sql, src/sql/40_sites.sql) ----------
-- from src/sql/50_report.sql: function eco.pp_change(numeric, numeric)
CREATE OR REPLACE FUNCTION @extschema@.pp_change(cur numeric, prev numeric) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF cur IN ('NaN', 'Infinity', '-Infinity') THEN
        RAISE EXCEPTION 'pp_change: cur must be a finite number, not %', cur USING ERRCODE = '22023';
    END IF;
    IF prev IN ('NaN', 'Infinity', '-Infinity') THEN
        RAISE EXCEPTION 'pp_change: prev must be a finite number, not %', prev USING ERRCODE = '22023';
    END IF;
    RETURN cur - prev;
END
$$;
COMMENT ON FUNCTION @extschema@.pp_change(numeric, numeric) IS
    'change in percentage points of a ratio given in %: cur - prev; NULL when either is NULL; ERROR 22023 for NaN or infinity';
-- from src/sql/50_report.sql: function eco.offset_capacity(text, text, numeric)
CREATE OR REPLACE FUNCTION @extschema@.offset_capacity(area text, pollutant text, ratio numeric DEFAULT 2)
    RETURNS numeric
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    red numeric;
    used numeric;
BEGIN
    IF ratio IN ('NaN', 'Infinity', '-Infinity') OR ratio <= 0 THEN
        RAISE EXCEPTION 'ratio must be a finite positive number: %', ratio USING ERRCODE = '22023';
    END IF;
    SELECT COALESCE(sum(r.reduction_tpa), 0) INTO red FROM @extschema@.emission_reduction r
     WHERE starts_with(r.area, offset_capacity.area) AND r.pollutant = offset_capacity.pollutant;
    SELECT COALESCE(sum(u.emission_tpa * u.ratio), 0) INTO used FROM @extschema@.offset_use u
     WHERE starts_with(u.area, offset_capacity.area) AND u.pollutant = offset_capacity.pollutant;
    RETURN (red - used) / ratio;
END
$$;
COMMENT ON FUNCTION @extschema@.offset_capacity(text, text, numeric) IS
    'new emissions (t/a) the remaining reductions can still offset at the replacement ratio: (reductions - sum(emission x ratio of each use)) / ratio';
-- from src/sql/50_report.sql: function eco.offset_summary(text, numeric, date)
CREATE OR REPLACE FUNCTION @extschema@.offset_summary(area text, ratio numeric DEFAULT 2, as_of date DEFAULT 'infinity')
    RETURNS TABLE (pollutant text, reduction_tpa numeric, consumed_tpa numeric, projects bigint,
                   freed_tpa numeric, remaining_tpa numeric)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF ratio IN ('NaN', 'Infinity', '-Infinity') OR ratio <= 0 THEN
        RAISE EXCEPTION 'ratio must be a finite positive number: %', ratio USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
    WITH r AS (SELECT r.pollutant AS pol, sum(r.reduction_tpa) AS red FROM @extschema@.emission_reduction r
               WHERE starts_with(r.area, offset_summary.area) AND r.achieved_on <= offset_summary.as_of
               GROUP BY r.pollutant),
         u AS (SELECT u.pollutant AS pol, sum(u.emission_tpa * u.ratio) AS used, count(*) AS n
               FROM @extschema@.offset_use u
               WHERE starts_with(u.area, offset_summary.area) AND u.approved_on <= offset_summary.as_of
               GROUP BY u.pollutant)
    SELECT COALESCE(r.pol, u.pol), COALESCE(r.red, 0), COALESCE(u.used, 0), COALESCE(u.n, 0),
           COALESCE(r.red, 0) / offset_summary.ratio,
           (COALESCE(r.red, 0) - COALESCE(u.used, 0)) / offset_summary.ratio
    FROM r FULL JOIN u ON u.pol = r.pol
    ORDER BY COALESCE(r.pol, u.pol) COLLATE "C";
END
$$;
COMMENT ON FUNCTION @extschema@.offset_summary(text, numeric, date) IS
    'per pollutant, counting reductions achieved and uses approved by as_of: reductions (t/a), reductions consumed by projects (emission x ratio), number of projects, and the new emissions the reductions free and still free at the replacement ratio (2 = 倍量替代)';
-- from src/sql/40_sites.sql: function eco.nearest_sites(geometry, text, integer)
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
    EXECUTE pg_catalog.format($sql$
    COMMENT ON FUNCTION @extschema@.nearest_sites(%1$s.geometry, text, integer) IS
        'the n sites of a kind nearest to a point (SRID 4490 or 4326), with spherical distances in metres; KNN on the geography index'
    $sql$, g);
END
$do$;

-- ---------- outfall history: written only by the lifecycle trigger, survives deletes, records code changes (src/sql/40_sites.sql) ----------
ALTER TABLE @extschema@.outfall_history DROP CONSTRAINT outfall_history_outfall_code_fkey,
    ADD CONSTRAINT outfall_history_outfall_code_fkey FOREIGN KEY (outfall_code)
        REFERENCES @extschema@.outfall (code) ON UPDATE CASCADE ON DELETE RESTRICT;
-- from src/sql/40_sites.sql: comment on table eco.outfall_history
COMMENT ON TABLE @extschema@.outfall_history IS
    'every status transition (and every change of action) of an outfall, written only by the trigger of eco.outfall';
-- from src/sql/40_sites.sql: table eco.outfall_code_change
CREATE TABLE @extschema@.outfall_code_change (
    id            bigserial PRIMARY KEY,
    outfall_code  text NOT NULL REFERENCES @extschema@.outfall (code) ON UPDATE CASCADE ON DELETE RESTRICT,
    previous_code text NOT NULL,
    changed_on    date NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT pg_catalog.now(),
    recorded_by   name NOT NULL,
    area          text NOT NULL
);
COMMENT ON TABLE @extschema@.outfall_code_change IS
    'every change of an outfall''s code (previous_code -> the code at that time; rows follow later changes by id order), written only by the trigger of eco.outfall';
COMMENT ON COLUMN @extschema@.outfall_code_change.outfall_code IS 'the outfall''s current code (follows later changes)';
COMMENT ON COLUMN @extschema@.outfall_code_change.previous_code IS 'the code the outfall had before this change';
CREATE INDEX outfall_code_change_outfall_idx ON @extschema@.outfall_code_change (outfall_code, id);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_code_change', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_code_change_id_seq', '');
ALTER TABLE @extschema@.outfall_code_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY outfall_code_change_by_area ON @extschema@.outfall_code_change
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
COMMENT ON POLICY outfall_code_change_by_area ON @extschema@.outfall_code_change IS
    'rows of the areas granted to the role in eco.area_grant (prefix match)';
GRANT SELECT ON @extschema@.outfall_code_change TO PUBLIC;
REVOKE ALL ON SEQUENCE @extschema@.outfall_code_change_id_seq FROM PUBLIC;
-- from src/sql/40_sites.sql: function eco._outfall_log()
CREATE OR REPLACE FUNCTION @extschema@._outfall_log() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    who name;
BEGIN
    IF TG_RELID <> '@extschema@.outfall'::pg_catalog.regclass::pg_catalog.oid OR TG_NAME <> 'outfall_log'
       OR TG_OP <> 'UPDATE' OR TG_WHEN <> 'AFTER' OR TG_LEVEL <> 'ROW' THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = pg_catalog.format('%s is the history trigger of eco.outfall only', TG_NAME);
    END IF;
    who := CASE WHEN pg_catalog.current_setting('role') = 'none' THEN SESSION_USER
                ELSE pg_catalog.current_setting('role')::name END;
    IF OLD.code IS DISTINCT FROM NEW.code THEN
        INSERT INTO @extschema@.outfall_code_change (outfall_code, previous_code, changed_on, area, recorded_by)
        VALUES (NEW.code, OLD.code, CURRENT_DATE, NEW.area, who);
    END IF;
    IF OLD.status IS DISTINCT FROM NEW.status OR OLD.action IS DISTINCT FROM NEW.action THEN
        INSERT INTO @extschema@.outfall_history (outfall_code, from_status, to_status, action, changed_on, area, recorded_by)
        VALUES (NEW.code, OLD.status, NEW.status, NEW.action, NEW.status_date, NEW.area, who);
    END IF;
    RETURN NULL;
END
$fn$;
REVOKE ALL ON FUNCTION @extschema@._outfall_log() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@._outfall_log() IS
    'trigger (SECURITY DEFINER, the only writer of eco.outfall_history and eco.outfall_code_change): append a status transition or a change of code';
DROP TRIGGER outfall_log ON @extschema@.outfall;
-- from src/sql/40_sites.sql: trigger outfall_log on eco.outfall
CREATE TRIGGER outfall_log AFTER UPDATE ON @extschema@.outfall
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.action IS DISTINCT FROM NEW.action
                       OR OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION @extschema@._outfall_log();
COMMENT ON TRIGGER outfall_log ON @extschema@.outfall IS
    'appends every change of status or action to eco.outfall_history, every change of code to eco.outfall_code_change';
REVOKE INSERT ON @extschema@.outfall_history FROM PUBLIC;
REVOKE USAGE ON SEQUENCE @extschema@.outfall_history_id_seq FROM PUBLIC;

-- ---------- outfall lifecycle: 销号 stored as 已完成; pre_campaign fixed past 核查确认 (src/sql/40_sites.sql) ----------
-- from src/sql/40_sites.sql: function eco._outfall_status_name(text)
CREATE OR REPLACE FUNCTION @extschema@._outfall_status_name(status text) RETURNS text
    AS 'MODULE_PATHNAME', 'outfall_status_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_status_name(text) IS
    'canonical name of an outfall status (销号 is 已完成); ERROR 23514 for an unknown status';
-- from src/sql/40_sites.sql: function eco._outfall_status()
CREATE OR REPLACE FUNCTION @extschema@._outfall_status() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    -- '销号' (and the other spellings the C table knows) is stored as 已完成, before the CHECK constraints run.
    NEW.status := @extschema@._outfall_status_name(NEW.status);
    IF TG_OP = 'INSERT' THEN
        PERFORM @extschema@._outfall_check_transition(NEW.code, NULL, NEW.status, NEW.pre_campaign);
        IF NEW.registered_status IS NULL THEN
            NEW.registered_status := NEW.status;
            NEW.registered_action := NEW.action;
        ELSIF (@extschema@._outfall_status_name(NEW.registered_status), NEW.registered_action)
              IS DISTINCT FROM (NEW.status, NEW.action)
              AND NOT pg_catalog.pg_has_role(CURRENT_USER, (SELECT c.relowner FROM pg_catalog.pg_class c
                                                            WHERE c.oid = TG_RELID), 'USAGE') THEN
            -- Only a restore (run by the owner) brings a registration that differs from the status at insertion.
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('the registration of outfall "%s" must be its status and action at insertion',
                                            NEW.code),
                HINT = 'Leave registered_status and registered_action empty: they are filled from status and action.';
        END IF;
        NEW.registered_on := COALESCE(NEW.registered_on, NEW.status_date);
    ELSE
        -- pre_campaign is settled before remediation: once an outfall is past 核查确认, toggling it would move the
        -- outfall between the pre-campaign and the remediated counts without passing through 整治中.
        IF NEW.pre_campaign IS DISTINCT FROM OLD.pre_campaign AND OLD.status NOT IN ('疑似', '核查确认') THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('pre_campaign of outfall "%s" cannot change once it is %s',
                                            OLD.code, OLD.status),
                HINT = 'Set pre_campaign while the outfall is 疑似 or 核查确认.';
        END IF;
        -- The state at registration is where the history starts (eco.outfall_progress reads it): it is not edited.
        IF (NEW.registered_on, NEW.registered_status, NEW.registered_action)
           IS DISTINCT FROM (OLD.registered_on, OLD.registered_status, OLD.registered_action) THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('the registration (registered_on, registered_status, registered_action) of outfall "%s" cannot change',
                                            OLD.code);
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status THEN
        PERFORM @extschema@._outfall_check_transition(OLD.code, OLD.status, NEW.status, NEW.pre_campaign);
        IF NEW.status_date IS NOT DISTINCT FROM OLD.status_date THEN
            NEW.status_date := CURRENT_DATE;
        END IF;
        IF NEW.status_date < OLD.status_date THEN
            RAISE EXCEPTION USING ERRCODE = '23514',
                MESSAGE = pg_catalog.format('status date %s of outfall "%s" is before its previous status date %s',
                                            NEW.status_date, NEW.code, OLD.status_date);
        END IF;
    END IF;
    CASE NEW.status
        WHEN '疑似' THEN NEW.found_on := COALESCE(NEW.found_on, NEW.status_date);
        WHEN '核查确认', '非排口' THEN NEW.confirmed_on := COALESCE(NEW.confirmed_on, NEW.status_date);
        WHEN '整治中' THEN NEW.remediation_started_on := COALESCE(NEW.remediation_started_on, NEW.status_date);
        WHEN '已完成' THEN NEW.closed_on := COALESCE(NEW.closed_on, NEW.status_date);
        ELSE NULL;
    END CASE;
    RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION @extschema@._outfall_status() IS
    'trigger: store the canonical status (销号 = 已完成), check the lifecycle transition, that pre_campaign is not changed past 核查确认 and that the registered_* columns are not changed (ERROR 23514), date it, fill the stage dates and the registered_* columns';

-- ---------- offset capacity holds at every isolation level: the check locks the reduction rows (src/sql/50_report.sql) ----------
-- from src/sql/50_report.sql: function eco._offset_check()
CREATE OR REPLACE FUNCTION @extschema@._offset_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    a text;
    p text;
    red numeric;
    used numeric;
BEGIN
    -- The capacity rows touched below fire this trigger again without a change: nothing to check.
    IF TG_TABLE_NAME = 'emission_reduction' AND TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NULL;
    END IF;
    -- The (area, pollutant) that may have lost cover: the new one of a use (inserted or changed), the old one of a
    -- reduction (deleted or changed, possibly moved to another area or pollutant).
    IF TG_TABLE_NAME = 'offset_use' THEN
        a := NEW.area; p := NEW.pollutant;
    ELSE
        a := OLD.area; p := OLD.pollutant;
    END IF;
    -- Lock the capacity: touch (update in place) every reduction row of the (area, pollutant).  Two transactions
    -- that consume or remove the same capacity conflict on these rows: at READ COMMITTED the second waits and then
    -- sees the first (its next statements take a new snapshot); at REPEATABLE READ and SERIALIZABLE, whose snapshot
    -- cannot see the first, the second fails with a serialization error (40001) instead of over-consuming.
    UPDATE @extschema@.emission_reduction r SET reduction_tpa = r.reduction_tpa
     WHERE r.area = a AND r.pollutant = p;
    -- one check at a time per (area, pollutant), also when there is no reduction row to lock
    PERFORM pg_advisory_xact_lock(hashtext('eco.offset/' || a || '/' || p));
    SELECT COALESCE(sum(r.reduction_tpa), 0) INTO red FROM @extschema@.emission_reduction r
     WHERE r.area = a AND r.pollutant = p;
    SELECT COALESCE(sum(u.emission_tpa * u.ratio), 0) INTO used FROM @extschema@.offset_use u
     WHERE u.area = a AND u.pollutant = p;
    IF used > red AND TG_TABLE_NAME = 'offset_use' THEN
        RAISE EXCEPTION 'offset uses of % in area % need % t/a of reductions but only % t/a were achieved',
            p, a, used, red
            USING ERRCODE = '23514',
                  DETAIL = pg_catalog.format('Project "%s" (%s t/a at ratio %s) exceeds the remaining capacity.',
                                             NEW.project, NEW.emission_tpa, NEW.ratio);
    ELSIF used > red THEN
        RAISE EXCEPTION 'offset uses of % in area % need % t/a of reductions but only % t/a would remain',
            p, a, used, red
            USING ERRCODE = '23514',
                  DETAIL = 'Removing or reducing this reduction would leave approved projects uncovered.';
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@._offset_check() IS
    'trigger: ERROR 23514 when the offset uses of an (area, pollutant) consume more than its reductions; locks the reduction rows (40001 for a concurrent change under REPEATABLE READ or SERIALIZABLE)';

-- ---------- geometry trigger: PostGIS calls with explicit casts, NaN coordinates out of range (src/sql/06_site.sql) ----------
-- from src/sql/06_site.sql: function eco._geom_to_cgcs2000()
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
COMMENT ON FUNCTION @extschema@._geom_to_cgcs2000() IS
    'trigger: accept SRID 4490 or 4326 (relabelled 4490), check the geometry type (TG_ARGV[0]: point or polygon) and range; ERROR 22023 otherwise';
-- ===================================================================
-- Changes of the 0.1.0 air-quality-index objects made by the network-data
-- work (the national network's published real-time AQI, EPA negative
-- readings).  New objects of that work are in 60_network_ingest.sql.
-- ===================================================================

-- eco.hourly_aqi gains the convention argument (default 'published').
DROP FUNCTION @extschema@.hourly_aqi(double precision, double precision, double precision, double precision,
                                     double precision, double precision, double precision, double precision,
                                     double precision, double precision, @extschema@.standard);
-- from src/sql/10_air_aqi.sql: function eco.hourly_aqi(double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, eco.standard, text)
CREATE OR REPLACE FUNCTION @extschema@.hourly_aqi(so2 double precision, no2 double precision, co double precision,
                                       o3 double precision, pm10 double precision, pm25 double precision,
                                       o3_8h double precision DEFAULT NULL,
                                       pm10_24h double precision DEFAULT NULL,
                                       pm25_24h double precision DEFAULT NULL,
                                       so2_24h double precision DEFAULT NULL,
                                       standard @extschema@.standard DEFAULT 'HJ633-2026',
                                       convention text DEFAULT 'published')
    RETURNS @extschema@.aqi_result
    AS 'MODULE_PATHNAME', 'aqi_hourly_fn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hourly_aqi(double precision, double precision, double precision, double precision,
                                           double precision, double precision, double precision, double precision,
                                           double precision, double precision, @extschema@.standard, text) IS
    'real-time AQI (实时报). convention ''published'' (default, both editions): the six 1-h means, PM 1-h values on the 24-h breakpoints, no O3 8-h indicator, a missing pollutant withholds an AQI of 100 or less (HJ 633-2026 §4.2.3, §5.3.1; what the national network publishes); convention ''text'': HJ 633-2012 as written, with the O3 8-h and PM 24-h moving averages (under HJ633-2026 both conventions read the same); so2_24h serves SO2 1-h above 800 under HJ633-2012';


-- EPA path: a negative reading counts as 0 (AQI 0, as the EPA's daily files publish it).
-- from src/sql/10_air_aqi.sql: comment on function eco.iaqi(eco.pollutant, text, double precision, eco.standard)
COMMENT ON FUNCTION @extschema@.iaqi(@extschema@.pollutant, text, double precision, @extschema@.standard) IS
    'individual air quality index of one concentration (HJ 633: µg/m³, CO mg/m³; EPA-2024: PM µg/m³, O3 and CO ppm, SO2 and NO2 ppb) for period 1h, 8h or 24h; exact decimal arithmetic on the value as written; NULL where the standard computes no index from that value; negative: ERROR under HJ 633, counted as 0 under EPA-2024';
-- from src/sql/10_air_aqi.sql: comment on function eco.epa_aqi(double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, eco.standard)
COMMENT ON FUNCTION @extschema@.epa_aqi(double precision, double precision, double precision, double precision,
                                        double precision, double precision, double precision, double precision,
                                        @extschema@.standard) IS
    'US EPA AQI (TAD May 2024) in EPA units: O3 8-h and 1-h ppm, PM2.5 and PM10 24-h µg/m³, CO 8-h ppm, SO2 1-h and 24-h ppb, NO2 1-h ppb; truncation, nearest integer, extrapolation above 500; a negative reading counts as 0 (AQI 0, as in the EPA''s daily files); NULL = not measured';
-- ===================================================================
-- 0.1.0 -> 0.2.0, air roll-up: one C CHECK on eco.air_hourly, the key of
-- eco.air_daily (day first), the one-pass roll-up aggregate, eco.refresh_air_daily in C
-- (serialised per month, AQI computed inline).  Rows are kept as they are:
-- the keys of eco.air_hourly (time first) and eco.air_daily (day first) are rebuilt and the CHECKs of
-- eco.air_hourly replaced.
-- ===================================================================
-- from src/sql/20_air_eval.sql: function eco._air_hourly_valid(timestamp, double precision, double precision, double precision, double precision, double precision, double precision)
CREATE OR REPLACE FUNCTION @extschema@._air_hourly_valid(hour_ending timestamp, so2 double precision, no2 double precision,
                                              co double precision, o3 double precision, pm10 double precision,
                                              pm25 double precision)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'air_eval_hourly_valid' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_hourly_valid(timestamp, double precision, double precision, double precision, double precision, double precision, double precision) IS
    'internal: CHECK of eco.air_hourly in one call: hour label finite and on a full hour, concentrations finite and non-negative (NULL = not measured); ERROR 23514 naming the column and the value, else true';
ALTER TABLE @extschema@.air_hourly
    DROP CONSTRAINT air_hourly_hour_ending_check, DROP CONSTRAINT air_hourly_so2_check,
    DROP CONSTRAINT air_hourly_no2_check, DROP CONSTRAINT air_hourly_co_check, DROP CONSTRAINT air_hourly_o3_check,
    DROP CONSTRAINT air_hourly_pm10_check, DROP CONSTRAINT air_hourly_pm25_check,
    ADD CONSTRAINT air_hourly_reading_check
        CHECK (@extschema@._air_hourly_valid(hour_ending, so2, no2, co, o3, pm10, pm25));
-- eco.air_hourly: the key time first (readings arrive hour by hour for every station); rebuilt from the rows.
ALTER TABLE @extschema@.air_hourly DROP CONSTRAINT air_hourly_pkey;
ALTER TABLE @extschema@.air_hourly ADD CONSTRAINT air_hourly_pkey PRIMARY KEY (hour_ending, site_code);
ALTER TABLE @extschema@.air_daily DROP CONSTRAINT air_daily_pkey;
ALTER TABLE @extschema@.air_daily ADD CONSTRAINT air_daily_pkey PRIMARY KEY (day, site_code)
    WITH (deduplicate_items = off);
-- from src/sql/20_air_eval.sql: comment on column eco.air_daily.aqi
COMMENT ON COLUMN @extschema@.air_daily.aqi IS 'daily AQI (HJ 633, the edition in force that day: eco.standard_in_force(''HJ633'', day)), as eco.daily_aqi computes it from the daily means, o3_8h and o3_1h; NULL when not published';

-- ---------- the one-pass daily roll-up ----------
-- from src/sql/20_air_eval.sql: type eco._air_day_result
CREATE TYPE @extschema@._air_day_result AS (
    day         date,
    so2         double precision,
    no2         double precision,
    co          double precision,
    o3          double precision,
    pm10        double precision,
    pm25        double precision,
    o3_1h       double precision,
    o3_8h       double precision,
    so2_valid   boolean,
    no2_valid   boolean,
    co_valid    boolean,
    o3_valid    boolean,
    pm10_valid  boolean,
    pm25_valid  boolean,
    o3_8h_valid boolean,
    n_hours     integer,
    aqi_standard @extschema@.standard,
    aqi         integer,
    aqi_level   integer,
    aqi_category text,
    primary_pollutants text[],
    dust        boolean
);
COMMENT ON TYPE @extschema@._air_day_result IS
    'internal: one site-day of eco.air_daily as eco._air_day_rollup computes it (the columns after site_code)';
-- from src/sql/20_air_eval.sql: function eco._air_day_accum(internal, timestamp, double precision, double precision, double precision, double precision, double precision, double precision, boolean)
CREATE OR REPLACE FUNCTION @extschema@._air_day_accum(internal, timestamp, double precision, double precision, double precision,
                                           double precision, double precision, double precision, boolean)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_day_accum' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_day_accum(internal, timestamp, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS 'internal: transition of eco._air_day_rollup';
-- from src/sql/20_air_eval.sql: function eco._air_day_combine(internal, internal)
CREATE OR REPLACE FUNCTION @extschema@._air_day_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_day_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_day_combine(internal, internal) IS 'internal: combine of eco._air_day_rollup';
-- from src/sql/20_air_eval.sql: function eco._air_day_serialize(internal)
CREATE OR REPLACE FUNCTION @extschema@._air_day_serialize(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'air_eval_day_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_day_serialize(internal) IS 'internal: serialize of eco._air_day_rollup';
-- from src/sql/20_air_eval.sql: function eco._air_day_deserialize(bytea, internal)
CREATE OR REPLACE FUNCTION @extschema@._air_day_deserialize(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'air_eval_day_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_day_deserialize(bytea, internal) IS 'internal: deserialize of eco._air_day_rollup';
-- from src/sql/20_air_eval.sql: function eco._air_day_final(internal)
CREATE OR REPLACE FUNCTION @extschema@._air_day_final(internal) RETURNS @extschema@._air_day_result
    AS 'MODULE_PATHNAME', 'air_eval_day_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._air_day_final(internal) IS 'internal: final of eco._air_day_rollup';
-- from src/sql/20_air_eval.sql: aggregate eco._air_day_rollup(timestamp, double precision, double precision, double precision, double precision, double precision, double precision, boolean)
CREATE OR REPLACE AGGREGATE @extschema@._air_day_rollup(hour_ending timestamp, so2 double precision, no2 double precision,
                                             co double precision, o3 double precision, pm10 double precision,
                                             pm25 double precision, dust boolean) (
    SFUNC = @extschema@._air_day_accum, STYPE = internal,
    COMBINEFUNC = @extschema@._air_day_combine,
    SERIALFUNC = @extschema@._air_day_serialize, DESERIALFUNC = @extschema@._air_day_deserialize,
    FINALFUNC = @extschema@._air_day_final, SSPACE = 336, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@._air_day_rollup(timestamp, double precision, double precision, double precision, double precision, double precision, double precision, boolean) IS
    'internal: one site-day of eco.air_hourly (group by site and eco.report_day(hour_ending)) rolled up in one pass into the eco.air_daily columns: eco.daily_mean of each item, max O3, eco.mda8, the hours, the dust flag and the daily AQI of the HJ 633 edition in force';

-- from src/sql/20_air_eval.sql: function eco.refresh_air_daily(date, date)
CREATE OR REPLACE FUNCTION @extschema@.refresh_air_daily(from_day date, to_day date) RETURNS bigint
    AS 'MODULE_PATHNAME', 'air_eval_refresh_daily' LANGUAGE C VOLATILE
    SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.refresh_air_daily(date, date) IS
    'recompute eco.air_daily for the days from_day..to_day (inclusive) from eco.air_hourly, leaving other days untouched; returns the number of site-days written; concurrent refreshes of the same months wait for each other';
-- ===================================================================
-- Surface water, 0.1.0 -> 0.2.0: the standard argument (last, defaulting to eco.water_default_standard()),
-- eco.water_class(pollutant, value, water_body) renamed eco.water_item_class (the old name stays, deprecated).
-- The install piece is src/sql/30_water.sql: the objects' statements are copied from it (--@ directives,
-- scripts/build_upgrade.py); literal statements exist only in the upgrade.
-- ===================================================================
-- from src/sql/30_water.sql: function eco.water_default_standard()
CREATE OR REPLACE FUNCTION @extschema@.water_default_standard() RETURNS @extschema@.standard
    AS 'MODULE_PATHNAME', 'water_default_standard' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_default_standard() IS
    'the default edition of the surface-water functions (GB3838-2002), the DEFAULT of their standard argument';

-- from src/sql/30_water.sql: function eco.water_item_class(eco.pollutant, double precision, text, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.water_item_class(pollutant @extschema@.pollutant, value double precision,
    water_body text DEFAULT 'river', standard @extschema@.standard DEFAULT @extschema@.water_default_standard())
    RETURNS @extschema@.water_class
    AS 'MODULE_PATHNAME', 'water_item_class' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_item_class(@extschema@.pollutant, double precision, text, @extschema@.standard) IS
    'GB 3838 Table 1 class of one value of one item (limits inclusive, DO a lower limit, pH 6–9 else 劣V); NULL for WT, TN in rivers and items without classes; standard: a GB3838 edition';

-- from src/sql/30_water.sql: function eco.water_class(eco.pollutant, double precision, text)
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
-- from src/sql/30_water.sql: function eco.water_exceedance(eco.pollutant, double precision, eco.water_class, text, integer, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.water_exceedance(pollutant @extschema@.pollutant, value double precision,
    target @extschema@.water_class DEFAULT 'III', water_body text DEFAULT 'river', decimals integer DEFAULT 2,
    standard @extschema@.standard DEFAULT @extschema@.water_default_standard())
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'water_exceedance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_exceedance(@extschema@.pollutant, double precision, @extschema@.water_class, text, integer, @extschema@.standard) IS
    'exceedance multiple (C − S)/S over the target class limit, on the decimals as written, rounded half-up; 0 when met; NULL for pH, DO, WT; standard: a GB3838 edition';

-- ---------- the section aggregates take the standard last (aggregates have no DEFAULT: an overload each) ----------
-- from src/sql/30_water.sql: function eco.water_agg_trans(internal, eco.pollutant, double precision, text, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
-- from src/sql/30_water.sql: function eco.water_agg_trans(internal, eco.pollutant, double precision, text, boolean, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, boolean, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
-- from src/sql/30_water.sql: function eco.water_agg_trans(internal, eco.pollutant, double precision, text, integer, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer, @extschema@.standard)
    RETURNS pg_catalog.internal AS 'MODULE_PATHNAME', 'water_agg_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_agg_trans(pg_catalog.internal, @extschema@.pollutant, double precision, text, integer, @extschema@.standard) IS 'water aggregates: transition (per-item sums)';
-- The aggregates are made by a loop over a VALUES list in the install piece (no single statement to copy).
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
-- from src/sql/30_water.sql: function eco._water_limits_list()
CREATE OR REPLACE FUNCTION @extschema@._water_limits_list(OUT standard smallint,
    OUT pollutant smallint, OUT gb3838_table integer, OUT table_row integer, OUT water_body text, OUT direction text,
    OUT class_i double precision, OUT class_ii double precision, OUT class_iii double precision,
    OUT class_iv double precision, OUT class_v double precision, OUT single_limit double precision,
    OUT range_low double precision, OUT range_high double precision,
    OUT evaluated boolean, OUT heavy_metal_priority boolean, OUT has_multiple boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'water_limits_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@._water_limits_list() IS 'rows of the view eco.water_limits, from the edition records of src/core/water.c';
-- from src/sql/30_water.sql: view eco.water_limits
CREATE OR REPLACE VIEW @extschema@.water_limits AS
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
-- from src/sql/30_water.sql: function eco.water_item(eco.pollutant)
CREATE OR REPLACE FUNCTION @extschema@.water_item(pollutant @extschema@.pollutant) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'water_item' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_item(@extschema@.pollutant) IS
    'the surface-water item of a substance (''Pb'' parses to air lead; this gives water:Pb)';
-- ===================================================================
-- 0.1.0 -> 0.2.0: one source of truth for the lists of the outfall and
-- land-parcel family (src/sql/40_sites.sql) and of the ledgers
-- (src/sql/50_report.sql).  The outfall statuses and actions, the
-- soil-survey statuses and the ledgers' fixed words are typed once in C
-- (src/core/outfall.c, land_parcel.c, ledger_vocabulary.c): views list them,
-- the CHECK constraints call validators whose errors list them.  The objects'
-- statements are copied from the install pieces (--@ directives,
-- scripts/build_upgrade.py); literal statements exist only in the upgrade.
-- ===================================================================

-- -------------------------------------------------------------------
-- The lists of the family, typed once in C (src/core/outfall.c,
-- src/core/land_parcel.c, src/core/protection_zone.c): views for users, validators for the CHECK
-- constraints (ERROR 23514 naming the value, the accepted list in the hint).
-- -------------------------------------------------------------------
-- from src/sql/40_sites.sql: function eco._outfall_status_list()
CREATE OR REPLACE FUNCTION @extschema@._outfall_status_list(OUT ord integer, OUT status text, OUT also_written text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outfall_status_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@._outfall_status_list() IS 'rows of the C table behind eco.outfall_statuses';
-- from src/sql/40_sites.sql: view eco.outfall_statuses
CREATE OR REPLACE VIEW @extschema@.outfall_statuses AS SELECT * FROM @extschema@._outfall_status_list();
COMMENT ON VIEW @extschema@.outfall_statuses IS
    'outfall statuses in lifecycle order as typed in C (eco.outfall.status); also_written: further spellings accepted on input (''|'' separated), stored under status';
GRANT SELECT ON @extschema@.outfall_statuses TO PUBLIC;
-- from src/sql/40_sites.sql: function eco._outfall_action_list()
CREATE OR REPLACE FUNCTION @extschema@._outfall_action_list(OUT ord integer, OUT action text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outfall_action_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@._outfall_action_list() IS 'rows of the C table behind eco.outfall_actions';
-- from src/sql/40_sites.sql: view eco.outfall_actions
CREATE OR REPLACE VIEW @extschema@.outfall_actions AS SELECT * FROM @extschema@._outfall_action_list();
COMMENT ON VIEW @extschema@.outfall_actions IS
    'remediation actions of an outfall (eco.outfall.action) as typed in C: 取缔, 清理合并, 规范整治';
GRANT SELECT ON @extschema@.outfall_actions TO PUBLIC;
-- from src/sql/40_sites.sql: function eco._outfall_status_known(text)
CREATE OR REPLACE FUNCTION @extschema@._outfall_status_known(status text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'outfall_status_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_status_known(text) IS
    'true for a status of eco.outfall_statuses as stored; ERROR 23514 otherwise (CHECK constraint of eco.outfall.status)';
-- from src/sql/40_sites.sql: function eco._outfall_action_known(text)
CREATE OR REPLACE FUNCTION @extschema@._outfall_action_known(action text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'outfall_action_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_action_known(text) IS
    'true for an action of eco.outfall_actions; ERROR 23514 otherwise (CHECK constraint of eco.outfall.action)';
-- from src/sql/40_sites.sql: function eco._parcel_survey_status_list()
CREATE OR REPLACE FUNCTION @extschema@._parcel_survey_status_list(OUT ord integer, OUT survey_status text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'parcel_survey_status_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@._parcel_survey_status_list() IS 'rows of the C table behind eco.parcel_survey_statuses';
-- from src/sql/40_sites.sql: view eco.parcel_survey_statuses
CREATE OR REPLACE VIEW @extschema@.parcel_survey_statuses AS SELECT * FROM @extschema@._parcel_survey_status_list();
COMMENT ON VIEW @extschema@.parcel_survey_statuses IS
    'soil survey statuses of a land parcel in survey order as typed in C (eco.land_parcel.survey_status): 未开展, 调查中, 报告已编制, 已通过评审';
GRANT SELECT ON @extschema@.parcel_survey_statuses TO PUBLIC;
-- from src/sql/40_sites.sql: function eco._parcel_survey_status_known(text)
CREATE OR REPLACE FUNCTION @extschema@._parcel_survey_status_known(survey_status text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'parcel_survey_status_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._parcel_survey_status_known(text) IS
    'true for a status of eco.parcel_survey_statuses; ERROR 23514 otherwise (CHECK constraint of eco.land_parcel.survey_status)';
-- from src/sql/40_sites.sql: function eco._protection_zone_level_list()
CREATE OR REPLACE FUNCTION @extschema@._protection_zone_level_list(OUT ord integer, OUT level text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'protection_zone_level_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 3;
COMMENT ON FUNCTION @extschema@._protection_zone_level_list() IS 'rows of the C table behind eco.protection_zone_levels';
-- from src/sql/40_sites.sql: view eco.protection_zone_levels
CREATE OR REPLACE VIEW @extschema@.protection_zone_levels AS SELECT * FROM @extschema@._protection_zone_level_list();
COMMENT ON VIEW @extschema@.protection_zone_levels IS
    'levels of a drinking-water source protection zone as typed in C (eco.protection_zone.level), innermost first: 一级, 二级, 准保护区';
GRANT SELECT ON @extschema@.protection_zone_levels TO PUBLIC;
-- from src/sql/40_sites.sql: function eco._protection_zone_level_known(text)
CREATE OR REPLACE FUNCTION @extschema@._protection_zone_level_known(level text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'protection_zone_level_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._protection_zone_level_known(text) IS
    'true for a level of eco.protection_zone_levels; ERROR 23514 otherwise (CHECK constraint of eco.protection_zone.level)';

-- The CHECK constraints of the users' tables call the validators instead of repeating the lists (same names; every
-- row of 0.1.0 passed the literal lists, which the C tables equal, so the rows stay valid).
ALTER TABLE @extschema@.outfall
    DROP CONSTRAINT outfall_status_check,
    ADD CONSTRAINT outfall_status_check CHECK (@extschema@._outfall_status_known(status)),
    DROP CONSTRAINT outfall_action_check,
    ADD CONSTRAINT outfall_action_check CHECK (@extschema@._outfall_action_known(action));
ALTER TABLE @extschema@.land_parcel
    DROP CONSTRAINT land_parcel_survey_status_check,
    ADD CONSTRAINT land_parcel_survey_status_check CHECK (@extschema@._parcel_survey_status_known(survey_status));
ALTER TABLE @extschema@.protection_zone
    DROP CONSTRAINT protection_zone_level_check,
    ADD CONSTRAINT protection_zone_level_check CHECK (@extschema@._protection_zone_level_known(level));

-- The outfalls in protection zones are ordered by the levels of the C table.
-- from src/sql/40_sites.sql: function eco.outfalls_in_protection_zones()
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE OR REPLACE FUNCTION @extschema@.outfalls_in_protection_zones()
        RETURNS TABLE (outfall_code text, outfall_name text, status text, action text,
                       zone_id integer, zone_name text, water_source text, level text)
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT o.code, o.name, o.status, o.action, z.id, z.name, z.water_source, z.level
        FROM @extschema@.outfall o
        JOIN @extschema@.protection_zone z ON %1$s.ST_Intersects(z.geom, o.geom)
        WHERE o.status <> '非排口'
        ORDER BY o.code, (SELECT l.ord FROM @extschema@._protection_zone_level_list() l WHERE l.level = z.level), z.id
    $fn$$sql$, g);
END
$do$;
COMMENT ON FUNCTION @extschema@.outfalls_in_protection_zones() IS
    'outfalls (not 非排口) lying inside or on the boundary of a drinking-water source protection zone: candidates for 取缔; one row per zone';

-- The survey summary reads the list from the C table.
-- from src/sql/40_sites.sql: function eco.parcel_survey_summary(integer)
CREATE OR REPLACE FUNCTION @extschema@.parcel_survey_summary(year integer)
    RETURNS TABLE (survey_status text, parcels bigint)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
    SELECT s.survey_status, count(p.code)
    FROM @extschema@._parcel_survey_status_list() s
    LEFT JOIN @extschema@.land_parcel p
           ON p.survey_status = s.survey_status AND p.change_year = $1 AND p.land_class = 1
    GROUP BY s.ord, s.survey_status
    ORDER BY s.ord
$fn$;
COMMENT ON FUNCTION @extschema@.parcel_survey_summary(integer) IS
    'parcels whose use changes in the year to first-class land (GB 36600 第一类用地), counted by soil survey status (every status listed)';

-- The basis of a verified type names the standard's table.
-- from src/sql/40_sites.sql: view eco.outfall_types
CREATE OR REPLACE VIEW @extschema@.outfall_types AS
    SELECT t.name::@extschema@.outfall_type AS type, t.id, t.level, p.name AS parent, t.name, t.verified,
           CASE WHEN t.verified THEN 'HJ 1312-2023 table'
                ELSE 'catch-all for subtypes not verified in HJ 1312-2023' END AS basis,
           t.aliases
    FROM @extschema@._outfall_type_list() t
    LEFT JOIN @extschema@._outfall_type_list() p ON p.id = t.parent_id
    ORDER BY t.id;
COMMENT ON VIEW @extschema@.outfall_types IS
    'HJ 1312-2023 outfall classification as typed in C: level, parent, and the catch-all ''other'' rows with the unverified names they accept';
GRANT SELECT ON @extschema@.outfall_types TO PUBLIC;

-- ---------- the ledgers' fixed words (src/sql/50_report.sql) ----------
-- The fixed words of the ledgers are typed once, in C (src/core/ledger_vocabulary.c): the CHECK constraints call
-- the validators below, the summaries order their rows by the view.
-- from src/sql/50_report.sql: function eco._ledger_vocabulary()
CREATE OR REPLACE FUNCTION @extschema@._ledger_vocabulary(OUT list text, OUT ord integer, OUT value text, OUT parent text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'ledger_vocabulary_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;
COMMENT ON FUNCTION @extschema@._ledger_vocabulary() IS 'rows of the C table behind eco.ledger_vocabulary';
-- from src/sql/50_report.sql: view eco.ledger_vocabulary
CREATE OR REPLACE VIEW @extschema@.ledger_vocabulary AS SELECT * FROM @extschema@._ledger_vocabulary();
COMMENT ON VIEW @extschema@.ledger_vocabulary IS
    'fixed words of the ledgers as typed in C, in the order of the summaries: rectification_level (中央/省/市), complaint_channel, complaint_category, approval_kind, approval_category (parent: its kind)';
GRANT SELECT ON @extschema@.ledger_vocabulary TO PUBLIC;
-- from src/sql/50_report.sql: function eco._ledger_word_known(text, text)
CREATE OR REPLACE FUNCTION @extschema@._ledger_word_known(list text, value text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'ledger_word_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._ledger_word_known(text, text) IS
    'true for a word of the list of eco.ledger_vocabulary; ERROR 23514 otherwise (CHECK constraints of the ledgers), 22023 for an unknown list';
-- from src/sql/50_report.sql: function eco._approval_category_known(text, text)
CREATE OR REPLACE FUNCTION @extschema@._approval_category_known(kind text, category text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'approval_category_known' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._approval_category_known(text, text) IS
    'true for a category of the approval kind (eco.ledger_vocabulary); ERROR 23514 otherwise (CHECK constraint of eco.approval)';

ALTER TABLE @extschema@.rectification
    DROP CONSTRAINT rectification_level_check,
    ADD CONSTRAINT rectification_level_check CHECK (@extschema@._ledger_word_known('rectification_level', level));
ALTER TABLE @extschema@.complaint
    DROP CONSTRAINT complaint_channel_check,
    ADD CONSTRAINT complaint_channel_check CHECK (@extschema@._ledger_word_known('complaint_channel', channel)),
    DROP CONSTRAINT complaint_category_check,
    ADD CONSTRAINT complaint_category_check CHECK (@extschema@._ledger_word_known('complaint_category', category));
ALTER TABLE @extschema@.approval
    DROP CONSTRAINT approval_kind_check,
    ADD CONSTRAINT approval_kind_check CHECK (@extschema@._ledger_word_known('approval_kind', kind)),
    DROP CONSTRAINT approval_check,
    ADD CONSTRAINT approval_check CHECK (@extschema@._approval_category_known(kind, category));

-- The summaries order their rows by the C table.
-- from src/sql/50_report.sql: function eco.rectification_summary(text, date)
CREATE OR REPLACE FUNCTION @extschema@.rectification_summary(area text, as_of date)
    RETURNS TABLE (level text, findings bigint, closed bigint, open_not_due bigint, overdue bigint)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT COALESCE(s.level, '合计'), count(*),
           count(*) FILTER (WHERE s.status = 'closed'),
           count(*) FILTER (WHERE s.status = 'open'),
           count(*) FILTER (WHERE s.status = 'overdue')
    FROM @extschema@.rectification_status($1, $2) s
    GROUP BY GROUPING SETS ((s.level), ())
    ORDER BY GROUPING(s.level),
             (SELECT v.ord FROM @extschema@._ledger_vocabulary() v WHERE v.list = 'rectification_level' AND v.value = s.level)
$$;
COMMENT ON FUNCTION @extschema@.rectification_summary(text, date) IS
    'findings by level (中央/省/市, then 合计): closed, open and not yet due, overdue, as of a date';
-- from src/sql/50_report.sql: function eco.complaint_summary(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@.complaint_summary(area text, period daterange)
    RETURNS TABLE (dimension text, key text, complaints bigint, prev_complaints bigint,
                   change_pct numeric, change text, closed bigint, closure_rate numeric)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    g AS (
        SELECT CASE WHEN GROUPING(c.channel) = 0 THEN 'channel'
                    WHEN GROUPING(c.category) = 0 THEN 'category' ELSE 'total' END AS dimension,
               CASE WHEN GROUPING(c.channel) = 0 THEN c.channel
                    WHEN GROUPING(c.category) = 0 THEN c.category ELSE '合计' END AS key,
               count(*) FILTER (WHERE c.received_on <@ p.cur) AS n,
               count(*) FILTER (WHERE c.received_on <@ p.prev) AS n_prev,
               count(*) FILTER (WHERE c.received_on <@ p.cur AND c.closed_on IS NOT NULL
                                  AND (upper_inf(p.cur) OR c.closed_on < upper(p.cur))) AS n_closed
        FROM p LEFT JOIN @extschema@.complaint c
               ON starts_with(c.area, $1) AND (c.received_on <@ p.cur OR c.received_on <@ p.prev)
        GROUP BY GROUPING SETS ((), (c.channel), (c.category))
    )
    SELECT g.dimension, g.key, g.n, g.n_prev,
           round(@extschema@.pct_change(g.n, g.n_prev), 2),
           @extschema@.change_phrase(g.n, g.n_prev, 'count'),
           g.n_closed, @extschema@.share(g.n_closed, g.n)
    FROM g
    WHERE g.dimension = 'total' OR g.key IS NOT NULL AND (g.n > 0 OR g.n_prev > 0)
    ORDER BY array_position(ARRAY['total', 'channel', 'category'], g.dimension),
             (SELECT v.ord FROM @extschema@._ledger_vocabulary() v WHERE v.list = 'complaint_' || g.dimension AND v.value = g.key)
$$;
COMMENT ON FUNCTION @extschema@.complaint_summary(text, daterange) IS
    'complaints received in the period, in total, by channel and by category, with the same period last year, the change (count kind) and the share closed by the end of the period';
-- from src/sql/50_report.sql: function eco.approval_summary(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@.approval_summary(area text, period daterange)
    RETURNS TABLE (kind text, category text, approvals bigint, prev_approvals bigint, change text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH p AS (SELECT $2 AS cur, @extschema@.same_period_last_year($2) AS prev),
    k AS (SELECT v.parent AS kind, v.value AS category, v.ord FROM @extschema@._ledger_vocabulary() v
          WHERE v.list = 'approval_category'),
    c AS (
        SELECT k.kind, k.category, k.ord,
               count(a.id) FILTER (WHERE a.decided_on <@ p.cur) AS n,
               count(a.id) FILTER (WHERE a.decided_on <@ p.prev) AS n_prev
        FROM p CROSS JOIN k
        LEFT JOIN @extschema@.approval a
               ON a.kind = k.kind AND a.category = k.category AND starts_with(a.area, $1)
              AND (a.decided_on <@ p.cur OR a.decided_on <@ p.prev)
        GROUP BY k.kind, k.category, k.ord
    )
    SELECT c.kind, c.category, c.n, c.n_prev, @extschema@.change_phrase(c.n, c.n_prev, 'count')
    FROM c ORDER BY c.ord
$$;
COMMENT ON FUNCTION @extschema@.approval_summary(text, daterange) IS
    'approvals in the period per kind and category (环评 报告书/报告表/登记表备案; 排污许可 重点管理/简化管理/登记管理), with the same period last year';
-- ===================================================================
-- 0.1.0 -> 0.2.0: soil screening (src/sql/45_soil.sql).
-- Item names resolve in the context of the function's standard: a text
-- form of eco.soil_screen and eco.farmland_screen beside the eco.pollutant
-- form of 0.1.0; the views gain the column item (the name as the standard
-- writes it), read from new list functions that replace the 0.1.0 ones.
-- ===================================================================
-- from src/sql/45_soil.sql: function eco.soil_screen(text, double precision, integer, double precision, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.soil_screen(pollutant text, value double precision,
    land_class integer, background double precision DEFAULT NULL,
    standard @extschema@.standard DEFAULT 'GB36600-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_screen_text' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.soil_screen(text, double precision, integer, double precision, @extschema@.standard) IS
    'GB 36600-2018 screening of a construction-land soil result (mg/kg), the item named as the standard writes it (eco.soil_limits.item: 滴滴涕 is Table 2 item 25) or by any eco.pollutant input mapped to soil: below_screening (≤ screening value), between, above_intervention (> intervention value), or within_background (As, Co, V above screening but ≤ the background given); land_class 1, 2, or NULL when the planned use is not settled (first-class values)';
-- from src/sql/45_soil.sql: function eco.farmland_screen(text, double precision, double precision, text, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.farmland_screen(pollutant text, value double precision,
    ph double precision, land_use text, standard @extschema@.standard DEFAULT 'GB15618-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_farmland_screen_text' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.farmland_screen(text, double precision, double precision, text, @extschema@.standard) IS
    'GB 15618-2018 screening of an agricultural soil result (mg/kg), the item named as the standard writes it (eco.farmland_limits.item; 滴滴涕 and 六六六 are 滴滴涕总量 and 六六六总量) or by any eco.pollutant input mapped to soil: 优先保护 (优先保护类), 安全利用 (安全利用类), 严格管控 (严格管控类), or monitor (加强监测: above screening, no intervention value); land_use paddy, orchard, other or rotation; NULL pH gives NULL for pH-dependent items';
-- from src/sql/45_soil.sql: comment on function eco.soil_screen(eco.pollutant, double precision, integer, double precision, eco.standard)
COMMENT ON FUNCTION @extschema@.soil_screen(@extschema@.pollutant, double precision, integer, double precision, @extschema@.standard) IS
    'GB 36600-2018 screening of a construction-land soil result (mg/kg), the item given as an eco.pollutant: below_screening (≤ screening value), between, above_intervention (> intervention value), or within_background (As, Co, V above screening but ≤ the background given); land_class 1, 2, or NULL when the planned use is not settled (first-class values)';
-- from src/sql/45_soil.sql: comment on function eco.farmland_screen(eco.pollutant, double precision, double precision, text, eco.standard)
COMMENT ON FUNCTION @extschema@.farmland_screen(@extschema@.pollutant, double precision, double precision, text, @extschema@.standard) IS
    'GB 15618-2018 screening of an agricultural soil result (mg/kg), the item given as an eco.pollutant: 优先保护 (优先保护类), 安全利用 (安全利用类), 严格管控 (严格管控类), or monitor (加强监测: above screening, no intervention value); land_use paddy, orchard, other or rotation; NULL pH gives NULL for pH-dependent items';

-- from src/sql/45_soil.sql: function eco._soil_limits_list()
CREATE OR REPLACE FUNCTION @extschema@._soil_limits_list(
    OUT pollutant_id smallint, OUT tbl smallint, OUT row_no smallint,
    OUT screening_1 double precision, OUT screening_2 double precision,
    OUT intervention_1 double precision, OUT intervention_2 double precision, OUT background_rule boolean,
    OUT item text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'soil_limits_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 85;
COMMENT ON FUNCTION @extschema@._soil_limits_list() IS 'rows of the C table behind eco.soil_limits';
-- from src/sql/45_soil.sql: view eco.soil_limits
CREATE OR REPLACE VIEW @extschema@.soil_limits AS
    SELECT p.pollutant, p.name_zh, p.name_en, p.cas, l.tbl AS "table", l.row_no,
           l.screening_1, l.screening_2, l.intervention_1, l.intervention_2, l.background_rule, l.item
    FROM @extschema@._soil_limits_list() l
    JOIN @extschema@.pollutants p ON p.id = l.pollutant_id
    ORDER BY l.tbl, l.row_no;
COMMENT ON VIEW @extschema@.soil_limits IS
    'GB 36600-2018 Tables 1 (45 basic items) and 2 (40 other items): screening and intervention values (mg/kg) for first- and second-class land; item is the name as the standard writes it';
GRANT SELECT ON @extschema@.soil_limits TO PUBLIC;

-- from src/sql/45_soil.sql: function eco._farmland_limits_list()
CREATE OR REPLACE FUNCTION @extschema@._farmland_limits_list(
    OUT pollutant_id smallint, OUT tbl smallint, OUT kind text, OUT land_type text,
    OUT ph_le_5_5 double precision, OUT ph_5_5_to_6_5 double precision,
    OUT ph_6_5_to_7_5 double precision, OUT ph_gt_7_5 double precision, OUT item text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'farmland_limits_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;
COMMENT ON FUNCTION @extschema@._farmland_limits_list() IS 'rows of the C table behind eco.farmland_limits';
-- from src/sql/45_soil.sql: view eco.farmland_limits
CREATE OR REPLACE VIEW @extschema@.farmland_limits AS
    SELECT p.pollutant, p.name_zh, l.tbl AS "table", l.kind, l.land_type,
           l.ph_le_5_5, l.ph_5_5_to_6_5, l.ph_6_5_to_7_5, l.ph_gt_7_5, l.item
    FROM @extschema@._farmland_limits_list() l
    JOIN @extschema@.pollutants p ON p.id = l.pollutant_id;
COMMENT ON VIEW @extschema@.farmland_limits IS
    'GB 15618-2018 Table 1 (screening, by pH band and land type), Table 2 (screening, pH-independent) and Table 3 (intervention), mg/kg; a band edge belongs to the lower band; item is the name as the standard writes it';
GRANT SELECT ON @extschema@.farmland_limits TO PUBLIC;

-- the 0.1.0 list functions (their C entry points stay, so that 0.1.0 still installs)
DROP FUNCTION @extschema@._soil_gb36600_list();
DROP FUNCTION @extschema@._soil_gb15618_list();
-- ===================================================================
-- The national air-quality network's hourly station and city files and
-- its station list, loaded with the client tools users have: \copy into a
-- session's staging table, then one call that validates, converts and
-- merges.  The reading of lines and cells is in C (src/core/network_file.c).
--
--   SELECT eco.network_stage();
--   \copy network_stage(line) FROM 'china_sites_20240101.csv'
--   SELECT * FROM eco.load_network_file('china_sites_20240101.csv');
--
-- Hour labels: a row's hour is the end of the hour it averages, so hour 0 of
-- day D is hour 24 of day D-1 (HJ 663); hour_ending = D + hour hours, and
-- eco.report_day(hour_ending) gives D-1 for it.
-- ===================================================================

CREATE TABLE @extschema@.network_hourly (
    site_code   text NOT NULL,
    hour_ending timestamp NOT NULL,
    aqi         integer CHECK (aqi >= 0),
    pm25_24h    double precision,
    pm10_24h    double precision,
    so2_24h     double precision,
    no2_24h     double precision,
    o3_24h      double precision,
    o3_8h       double precision,
    o3_8h_24h   double precision,
    co_24h      double precision,
    source_file text,
    -- time first: files arrive hour by hour for all stations, so the index grows at its right edge
    PRIMARY KEY (hour_ending, site_code)
);
COMMENT ON TABLE @extschema@.network_hourly IS
    'what the national network published with each station-hour besides the six 1-h means (those are in eco.air_hourly): the real-time AQI and the 24-h, O3 8-h and O3 8-h 24-h statistics, kept for cross-checking (eco.network_aqi_mismatch)';
COMMENT ON COLUMN @extschema@.network_hourly.aqi IS 'published real-time AQI';
COMMENT ON COLUMN @extschema@.network_hourly.o3_24h IS 'published O3_24h: the largest 1-h O3 of the last 24 hours';
COMMENT ON COLUMN @extschema@.network_hourly.source_file IS 'file the values were last loaded from';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.network_hourly', '');
ALTER TABLE @extschema@.network_hourly ENABLE ROW LEVEL SECURITY;
CREATE POLICY network_hourly_by_site ON @extschema@.network_hourly
    USING (@extschema@.site_visible(site_code)) WITH CHECK (@extschema@.site_visible(site_code));
COMMENT ON POLICY network_hourly_by_site ON @extschema@.network_hourly IS 'rows of the sites the user can see (eco.site_visible)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.network_hourly TO PUBLIC;

CREATE TABLE @extschema@.network_reject (
    file        text NOT NULL,
    line        bigint,
    column_name text,
    raw_value   text,
    reason      text NOT NULL,
    loaded_by   name NOT NULL DEFAULT CURRENT_USER,
    loaded_at   timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE @extschema@.network_reject IS
    'cells and lines of network files that were not loaded, with the reason (empty, not monitored, non-numeric, negative, unknown station, hour out of range, bad date, unknown type, wrong number of fields, duplicate with a different value, ...); loading a file again replaces its rows';
COMMENT ON COLUMN @extschema@.network_reject.line IS 'line number in the file (the header is line 1)';
COMMENT ON COLUMN @extschema@.network_reject.column_name IS 'station code (or city name) of the cell; date, hour or type for a line rejected by its key; NULL for a malformed line';
CREATE INDEX network_reject_file_idx ON @extschema@.network_reject (file, loaded_by);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.network_reject', '');
ALTER TABLE @extschema@.network_reject ENABLE ROW LEVEL SECURITY;
CREATE POLICY network_reject_own ON @extschema@.network_reject
    USING (loaded_by = CURRENT_USER) WITH CHECK (loaded_by = CURRENT_USER);
COMMENT ON POLICY network_reject_own ON @extschema@.network_reject IS 'a role sees and writes the rejects of its own loads';
GRANT SELECT, INSERT, DELETE ON @extschema@.network_reject TO PUBLIC;

CREATE FUNCTION @extschema@._network_split(line text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'network_split' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._network_split(text) IS 'internal: fields of a CSV line (RFC 4180 quotes removed); ERROR 22P02 for an unterminated quote';
CREATE FUNCTION @extschema@._network_header(line text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'network_header' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._network_header(text) IS 'internal: station codes (or city names) of a network file header date,hour,type,...; ERROR 22P02 for another header';
CREATE FUNCTION @extschema@._network_parse(file text, lines text[], known text[], progress_every bigint,
    OUT kind text, OUT line_no bigint, OUT column_name text, OUT raw_value text, OUT reason text,
    OUT site_code text, OUT hour_ending timestamp,
    OUT aqi double precision, OUT pm25 double precision, OUT pm25_24h double precision,
    OUT pm10 double precision, OUT pm10_24h double precision, OUT so2 double precision, OUT so2_24h double precision,
    OUT no2 double precision, OUT no2_24h double precision, OUT o3 double precision, OUT o3_24h double precision,
    OUT o3_8h double precision, OUT o3_8h_24h double precision, OUT co double precision, OUT co_24h double precision,
    OUT n_cells bigint, OUT file_name text, OUT cells_rejected bigint)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'network_parse' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION @extschema@._network_parse(text, text[], text[], bigint) IS
    'internal: pivot the lines of a network file (or of several, each after a line #file <name>) into station-hours (kind v), rejects (kind r), the files of the load (kind f) and a summary (kind s: data lines, cells read, cells rejected); codes not in known are unknown stations';

-- The session's staging table: one row per line of a file.
CREATE FUNCTION @extschema@.network_stage() RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
BEGIN
    IF pg_catalog.to_regclass('pg_temp.network_stage') IS NULL THEN
        CREATE TEMP TABLE network_stage (line_no bigint GENERATED ALWAYS AS IDENTITY, line text);
    ELSE
        TRUNCATE pg_temp.network_stage;
    END IF;
END
$fn$;
COMMENT ON FUNCTION @extschema@.network_stage() IS
    'create (or empty) the session''s temporary table network_stage(line_no, line) that \copy network_stage(line) FROM ''file'' fills with the lines of one file';

CREATE FUNCTION @extschema@.load_network_file(file text, progress_every bigint DEFAULT 1000000,
    OUT lines_read bigint, OUT cells_read bigint, OUT cells_loaded bigint, OUT cells_unchanged bigint,
    OUT cells_rejected bigint, OUT station_hours bigint)
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    codes text[];
    known text[];
    lines text[];
    nvalid bigint;
BEGIN
    IF file IS NULL THEN
        RAISE EXCEPTION 'file name must not be null' USING ERRCODE = '22004';
    END IF;
    IF pg_catalog.to_regclass('pg_temp.network_stage') IS NULL THEN
        RAISE EXCEPTION 'no staged file: run SELECT eco.network_stage() and \copy network_stage(line) FROM ''%'' first', file
            USING ERRCODE = '55000';
    END IF;
    -- One load of a file at a time per role: a second session loading the same file waits, then (at READ
    -- COMMITTED) sees the first one's rows and rejects; at REPEATABLE READ or SERIALIZABLE it may fail with
    -- 40001 instead (run it again).
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('eco.load_network_file ' || CURRENT_USER || ' ' || file, 0));
    SELECT pg_catalog.array_agg(s.line ORDER BY s.line_no) INTO lines FROM pg_temp.network_stage s;
    IF lines IS NULL THEN
        RAISE EXCEPTION 'staged file "%" is empty', file USING ERRCODE = '22023';
    END IF;
    -- the station codes of every header (a staged folder has one per file)
    SELECT coalesce(pg_catalog.array_agg(DISTINCT c.code), '{}') INTO codes
    FROM pg_temp.network_stage s
    CROSS JOIN LATERAL pg_catalog.unnest(@extschema@._network_header(s.line)) AS c(code)
    WHERE s.line ~* '^\uFEFF?date,hour,type,';
    -- unknown station = not in eco.site, or not visible to the user (row-level security)
    SELECT coalesce(pg_catalog.array_agg(s.code), '{}') INTO known FROM @extschema@.site s WHERE s.code = ANY (codes);

    -- The session's work table is kept between calls (dropping it would make every statement below plan again).
    IF pg_catalog.to_regclass('pg_temp._network_parsed') IS NULL THEN
        CREATE TEMP TABLE _network_parsed ON COMMIT DELETE ROWS AS
            SELECT * FROM @extschema@._network_parse(NULL, NULL, NULL, NULL) WITH NO DATA;
    END IF;
    DELETE FROM pg_temp._network_parsed;
    INSERT INTO pg_temp._network_parsed
        SELECT * FROM @extschema@._network_parse(file, lines, known, coalesce(progress_every, 0));
    lines := NULL;

    -- the rejects of every file of the load replace those of its earlier loads
    DELETE FROM @extschema@.network_reject r
    WHERE r.loaded_by = CURRENT_USER
      AND r.file IN (SELECT p.file_name FROM pg_temp._network_parsed p WHERE p.kind = 'f');
    INSERT INTO @extschema@.network_reject (file, line, column_name, raw_value, reason)
        SELECT p.file_name, p.line_no, p.column_name, p.raw_value, p.reason
        FROM pg_temp._network_parsed p WHERE p.kind = 'r';

    SELECT p.line_no, p.n_cells, p.cells_rejected INTO lines_read, cells_read, cells_rejected
    FROM pg_temp._network_parsed p WHERE p.kind = 's';

    -- cells that change what is stored (new or different), before the merge
    SELECT coalesce(sum(p.n_cells), 0),
           coalesce(sum((p.so2 IS NOT NULL AND p.so2 IS DISTINCT FROM h.so2)::int
                      + (p.no2 IS NOT NULL AND p.no2 IS DISTINCT FROM h.no2)::int
                      + (p.co IS NOT NULL AND p.co IS DISTINCT FROM h.co)::int
                      + (p.o3 IS NOT NULL AND p.o3 IS DISTINCT FROM h.o3)::int
                      + (p.pm10 IS NOT NULL AND p.pm10 IS DISTINCT FROM h.pm10)::int
                      + (p.pm25 IS NOT NULL AND p.pm25 IS DISTINCT FROM h.pm25)::int
                      + (p.aqi IS NOT NULL AND p.aqi IS DISTINCT FROM n.aqi)::int
                      + (p.pm25_24h IS NOT NULL AND p.pm25_24h IS DISTINCT FROM n.pm25_24h)::int
                      + (p.pm10_24h IS NOT NULL AND p.pm10_24h IS DISTINCT FROM n.pm10_24h)::int
                      + (p.so2_24h IS NOT NULL AND p.so2_24h IS DISTINCT FROM n.so2_24h)::int
                      + (p.no2_24h IS NOT NULL AND p.no2_24h IS DISTINCT FROM n.no2_24h)::int
                      + (p.o3_24h IS NOT NULL AND p.o3_24h IS DISTINCT FROM n.o3_24h)::int
                      + (p.o3_8h IS NOT NULL AND p.o3_8h IS DISTINCT FROM n.o3_8h)::int
                      + (p.o3_8h_24h IS NOT NULL AND p.o3_8h_24h IS DISTINCT FROM n.o3_8h_24h)::int
                      + (p.co_24h IS NOT NULL AND p.co_24h IS DISTINCT FROM n.co_24h)::int), 0)
        INTO nvalid, cells_loaded
        FROM pg_temp._network_parsed p
        LEFT JOIN @extschema@.air_hourly h ON h.site_code = p.site_code AND h.hour_ending = p.hour_ending
        LEFT JOIN @extschema@.network_hourly n ON n.site_code = p.site_code AND n.hour_ending = p.hour_ending
        WHERE p.kind = 'v';
    -- the rest of the cells read: stored already, or repeated in the file with the same value
    cells_unchanged := cells_read - cells_loaded - cells_rejected;

    -- both merges in the order of the two keys (hour_ending, site_code): new keys land at the right edge
    INSERT INTO @extschema@.air_hourly AS h (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
        SELECT p.site_code, p.hour_ending, p.so2, p.no2, p.co, p.o3, p.pm10, p.pm25
        FROM pg_temp._network_parsed p
        WHERE p.kind = 'v' AND pg_catalog.num_nonnulls(p.so2, p.no2, p.co, p.o3, p.pm10, p.pm25) > 0
        ORDER BY p.hour_ending, p.site_code
    ON CONFLICT (site_code, hour_ending) DO UPDATE
        SET so2 = coalesce(excluded.so2, h.so2), no2 = coalesce(excluded.no2, h.no2),
            co = coalesce(excluded.co, h.co), o3 = coalesce(excluded.o3, h.o3),
            pm10 = coalesce(excluded.pm10, h.pm10), pm25 = coalesce(excluded.pm25, h.pm25)
        WHERE (coalesce(excluded.so2, h.so2), coalesce(excluded.no2, h.no2), coalesce(excluded.co, h.co),
               coalesce(excluded.o3, h.o3), coalesce(excluded.pm10, h.pm10), coalesce(excluded.pm25, h.pm25))
              IS DISTINCT FROM (h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25);
    GET DIAGNOSTICS station_hours = ROW_COUNT;

    INSERT INTO @extschema@.network_hourly AS n (site_code, hour_ending, aqi, pm25_24h, pm10_24h, so2_24h, no2_24h,
                                                 o3_24h, o3_8h, o3_8h_24h, co_24h, source_file)
        SELECT p.site_code, p.hour_ending, p.aqi::integer, p.pm25_24h, p.pm10_24h, p.so2_24h, p.no2_24h,
               p.o3_24h, p.o3_8h, p.o3_8h_24h, p.co_24h, load_network_file.file
        FROM pg_temp._network_parsed p
        WHERE p.kind = 'v' AND pg_catalog.num_nonnulls(p.aqi, p.pm25_24h, p.pm10_24h, p.so2_24h, p.no2_24h,
                                                       p.o3_24h, p.o3_8h, p.o3_8h_24h, p.co_24h) > 0
        ORDER BY p.hour_ending, p.site_code
    ON CONFLICT (site_code, hour_ending) DO UPDATE
        SET aqi = coalesce(excluded.aqi, n.aqi), pm25_24h = coalesce(excluded.pm25_24h, n.pm25_24h),
            pm10_24h = coalesce(excluded.pm10_24h, n.pm10_24h), so2_24h = coalesce(excluded.so2_24h, n.so2_24h),
            no2_24h = coalesce(excluded.no2_24h, n.no2_24h), o3_24h = coalesce(excluded.o3_24h, n.o3_24h),
            o3_8h = coalesce(excluded.o3_8h, n.o3_8h), o3_8h_24h = coalesce(excluded.o3_8h_24h, n.o3_8h_24h),
            co_24h = coalesce(excluded.co_24h, n.co_24h), source_file = excluded.source_file
        WHERE (coalesce(excluded.aqi, n.aqi), coalesce(excluded.pm25_24h, n.pm25_24h),
               coalesce(excluded.pm10_24h, n.pm10_24h), coalesce(excluded.so2_24h, n.so2_24h),
               coalesce(excluded.no2_24h, n.no2_24h), coalesce(excluded.o3_24h, n.o3_24h),
               coalesce(excluded.o3_8h, n.o3_8h), coalesce(excluded.o3_8h_24h, n.o3_8h_24h),
               coalesce(excluded.co_24h, n.co_24h))
              IS DISTINCT FROM (n.aqi, n.pm25_24h, n.pm10_24h, n.so2_24h, n.no2_24h, n.o3_24h, n.o3_8h,
                                n.o3_8h_24h, n.co_24h);
    DELETE FROM pg_temp._network_parsed;
    RAISE NOTICE '%: % lines, % cells read: % loaded, % unchanged, % rejected (see eco.network_reject)',
        file, lines_read, cells_read, cells_loaded, cells_unchanged, cells_rejected;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_network_file(text, bigint) IS
    'load the network file staged in network_stage (header date,hour,type,<station codes or city names>; or a folder of them, each after a line #file <name>) into eco.air_hourly (six 1-h means) and eco.network_hourly (published AQI, 24-h and O3 8-h values); hour h of day D is hour ending D + h; every cell not loaded goes to eco.network_reject; cells_read = cells_loaded + cells_unchanged + cells_rejected; loading the same file again changes nothing; NOTICE every progress_every cells';

-- The station list (站点列表): code, name, city, longitude, latitude[, control station], header line first.
CREATE FUNCTION @extschema@.load_network_sites(file text, area text DEFAULT NULL,
    OUT lines_read bigint, OUT sites_loaded bigint, OUT sites_unchanged bigint, OUT rejected bigint)
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $fn$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    IF pg_catalog.to_regclass('pg_temp.network_stage') IS NULL THEN
        RAISE EXCEPTION 'no staged file: run SELECT eco.network_stage() and \copy network_stage(line) FROM ''%'' first', file
            USING ERRCODE = '55000';
    END IF;
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('eco.load_network_sites ' || CURRENT_USER || ' ' || file, 0));
    DROP TABLE IF EXISTS pg_temp._network_sites;
    CREATE TEMP TABLE _network_sites AS
        SELECT s.line_no, f,
               CASE WHEN pg_catalog.cardinality(f) < 5 THEN 'wrong number of fields'
                    WHEN pg_catalog.btrim(f[1]) = '' THEN 'empty code'
                    WHEN pg_catalog.btrim(f[4]) !~ '^[-+]?[0-9]+(\.[0-9]+)?$' THEN 'non-numeric longitude'
                    WHEN pg_catalog.btrim(f[5]) !~ '^[-+]?[0-9]+(\.[0-9]+)?$' THEN 'non-numeric latitude'
                    WHEN pg_catalog.btrim(f[4])::numeric NOT BETWEEN -180 AND 180 THEN 'longitude out of range'
                    WHEN pg_catalog.btrim(f[5])::numeric NOT BETWEEN -90 AND 90 THEN 'latitude out of range'
                    WHEN pg_catalog.count(*) OVER (PARTITION BY pg_catalog.btrim(f[1])) > 1 THEN 'duplicate code'
                    -- row-level security of eco.site: a station outside the user's areas is a reject, not an error
                    WHEN pg_catalog.row_security_active('@extschema@.site'::regclass)
                         AND NOT @extschema@.area_visible(coalesce(load_network_sites.area, pg_catalog.btrim(f[3])))
                         THEN 'area not granted'
               END AS reason
        FROM pg_temp.network_stage s
        CROSS JOIN LATERAL (SELECT @extschema@._network_split(pg_catalog.ltrim(s.line, pg_catalog.chr(65279))) AS f) x
        WHERE s.line_no > (SELECT pg_catalog.min(line_no) FROM pg_temp.network_stage) AND pg_catalog.btrim(s.line) <> '';
    SELECT count(*) INTO lines_read FROM pg_temp._network_sites;
    DELETE FROM @extschema@.network_reject r WHERE r.file = load_network_sites.file AND r.loaded_by = CURRENT_USER;
    INSERT INTO @extschema@.network_reject (file, line, column_name, raw_value, reason)
        SELECT load_network_sites.file, t.line_no, NULL, pg_catalog.array_to_string(t.f, ','), t.reason
        FROM pg_temp._network_sites t WHERE t.reason IS NOT NULL;
    GET DIAGNOSTICS rejected = ROW_COUNT;
    EXECUTE pg_catalog.format($q$
        WITH src AS (
            SELECT pg_catalog.btrim(t.f[1]) AS code, pg_catalog.btrim(t.f[2]) AS name,
                   coalesce($1, pg_catalog.btrim(t.f[3])) AS area,
                   %1$s.ST_SetSRID(%1$s.ST_MakePoint(pg_catalog.btrim(t.f[4])::double precision,
                                                     pg_catalog.btrim(t.f[5])::double precision), 4490) AS geom
            FROM pg_temp._network_sites t WHERE t.reason IS NULL)
        INSERT INTO @extschema@.site AS s (code, name, kind, control_level, area, geom)
        SELECT code, name, 'air', '国控', area, geom FROM src
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, area = excluded.area, geom = excluded.geom
        WHERE (s.name, s.area, %1$s.ST_AsEWKB(s.geom)) IS DISTINCT FROM (excluded.name, excluded.area, %1$s.ST_AsEWKB(excluded.geom))
        $q$, g) USING area;
    GET DIAGNOSTICS sites_loaded = ROW_COUNT;
    sites_unchanged := lines_read - rejected - sites_loaded;
    DROP TABLE pg_temp._network_sites;
END
$fn$;
COMMENT ON FUNCTION @extschema@.load_network_sites(text, text) IS
    'load the network''s station list staged in network_stage (header line, then code, name, city, longitude, latitude[, ...]) into eco.site as 国控 air stations in CGCS2000; area = the city unless given; bad lines go to eco.network_reject';

-- Published AQI against the one the extension computes (convention 'published', edition of the hour's report day).
CREATE VIEW @extschema@.network_aqi_mismatch WITH (security_invoker = true) AS
SELECT n.site_code, n.hour_ending, s.std AS standard, n.aqi AS published_aqi, r.aqi AS computed_aqi,
       r.primary_pollutants AS computed_primary_pollutants, n.source_file
FROM @extschema@.network_hourly n
JOIN @extschema@.air_hourly h ON h.site_code = n.site_code AND h.hour_ending = n.hour_ending
CROSS JOIN LATERAL (SELECT @extschema@.standard_in_force('HJ633', @extschema@.report_day(n.hour_ending)) AS std) s
CROSS JOIN LATERAL @extschema@.hourly_aqi(so2 => h.so2, no2 => h.no2, co => h.co, o3 => h.o3, pm10 => h.pm10,
                                          pm25 => h.pm25, so2_24h => n.so2_24h, standard => s.std) r
WHERE n.aqi IS DISTINCT FROM r.aqi;
COMMENT ON VIEW @extschema@.network_aqi_mismatch IS
    'station-hours whose published real-time AQI differs from the one eco.hourly_aqi computes from the stored 1-h means (convention ''published'', the HJ 633 edition in force on the hour''s report day); rows of the sites the user can see';
GRANT SELECT ON @extschema@.network_aqi_mismatch TO PUBLIC;
-- ===================================================================
-- Pollution sources and their online monitoring (HJ 212-2017 packets).
--   eco.hj212_parse / eco.hj212_values   read one packet (src/core/hj212.c)
--   eco.hj212_items, hj212_flags, hj212_kinds   the C tables as views
--   eco.pollution_source, eco.outlet, eco.outlet_limit   sources, outlets, limits
--   eco.hj212_staging -> eco.hj212_ingest -> eco.outlet_reading / eco.hj212_reject
--   eco.outlet_exceedances, outlet_exceedance_runs, outlet_data_capture   compliance
--   eco.exceedance_to_case -> eco.enforcement_case + eco.exceedance_case   the ledger
-- Tables: row-level security by area (eco.area_visible), registered with
-- pg_extension_config_dump.  User documentation: docs/online-monitoring.md.
-- ===================================================================

-- ---------- packets ----------
CREATE FUNCTION @extschema@.hj212_parse(packet text,
    OUT status text, OUT detail text, OUT data_length integer, OUT qn text, OUT st text, OUT cn text,
    OUT pw text, OUT mn text, OUT flag integer, OUT pnum integer, OUT pno integer, OUT data_time timestamp,
    OUT n_values integer, OUT crc_sent text, OUT crc_computed text, OUT crc_ok boolean)
    AS 'MODULE_PATHNAME', 'hj212_parse_packet' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hj212_parse(text) IS
    'header of an HJ 212-2017 packet (QN, ST, CN, PW, MN, Flag, PNUM, PNO, DataTime), CRC16 sent and computed, and status: ok or the reason it is refused (framing, length, crc, syntax, timestamp, unknown code) with detail; never raises';

CREATE FUNCTION @extschema@.hj212_values(packet text, strict boolean DEFAULT true,
    OUT mn text, OUT cn text, OUT data_time timestamp, OUT code text, OUT code2017 text,
    OUT pollutant @extschema@.pollutant, OUT legacy boolean, OUT kind text, OUT value double precision,
    OUT flag text, OUT valid boolean, OUT eflag text, OUT sample_time timestamp)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_values' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION @extschema@.hj212_values(text, boolean) IS
    'one row per item and numeric field (Rtd, Min, Avg, Max, Cou, ZsRtd, ZsMin, ZsAvg, ZsMax) of an HJ 212 packet, with the item''s data flag (valid = N or S), device flag and sample time; 2005 codes mapped to 2017 codes and eco.pollutant; a bad packet raises 22P02 (strict) or yields no row';

CREATE FUNCTION @extschema@.hj212_crc(data text) RETURNS text
    AS 'MODULE_PATHNAME', 'hj212_crc' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hj212_crc(text) IS
    'CRC16 of HJ 212-2017 over a data segment, as 4 upper-case hex digits';

CREATE FUNCTION @extschema@.hj212_frame(data text, crlf boolean DEFAULT true) RETURNS text
    AS 'MODULE_PATHNAME', 'hj212_frame' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.hj212_frame(text, boolean) IS
    'an HJ 212 packet from its data segment: ## + 4-digit length + data + CRC16 (+ CR LF); 22023 over 1024 bytes';

CREATE FUNCTION @extschema@._hj212_row(line text,
    OUT status text, OUT detail text, OUT mn text, OUT cn smallint, OUT data_time timestamp, OUT qn text,
    OUT codes text[], OUT flags text, OUT vals double precision[], OUT eflags text[], OUT sample_times timestamp[],
    OUT legacy boolean)
    AS 'MODULE_PATHNAME', 'hj212_row' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._hj212_row(text) IS
    'one packet as one row of eco.outlet_reading (items in order, vals[item][kind] in the order of eco.hj212_kinds), or status and detail of the reason it is refused';

CREATE FUNCTION @extschema@._hj212_pollutant(code text) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'hj212_code_pollutant' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._hj212_pollutant(text) IS
    'the eco.pollutant of an HJ 212 item code (2017 or 2005), NULL when the registry has no such item';

CREATE FUNCTION @extschema@._hj212_items(OUT code text, OUT legacy_code text, OUT name_zh text, OUT unit text,
    OUT verified boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_item_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@._hj212_items() IS 'rows of the C table behind eco.hj212_items';
CREATE VIEW @extschema@.hj212_items AS
    SELECT i.code, i.legacy_code, @extschema@._hj212_pollutant(i.code) AS pollutant, i.name_zh, i.unit, i.verified
    FROM @extschema@._hj212_items() i;
COMMENT ON VIEW @extschema@.hj212_items IS
    'HJ 212 item codes accepted in packets: the 2017 code, the HJ/T 212-2005 code still sent by older devices (mapped to the same item), the eco.pollutant when the registry has the item, the unit as transmitted; verified = false marks rows resting on a single source';

CREATE FUNCTION @extschema@._hj212_flags(OUT flag text, OUT meaning text, OUT valid boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_flag_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION @extschema@._hj212_flags() IS 'rows of the C table behind eco.hj212_flags';
CREATE VIEW @extschema@.hj212_flags AS SELECT * FROM @extschema@._hj212_flags();
COMMENT ON VIEW @extschema@.hj212_flags IS
    'HJ 212-2017 data flags: N normal, F stopped, M maintenance, S set value, D fault, C calibration, T over the upper limit, B communication fault; valid = N or S';

CREATE FUNCTION @extschema@._hj212_kinds(OUT ord integer, OUT kind text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_kind_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9;
COMMENT ON FUNCTION @extschema@._hj212_kinds() IS 'rows of the C table behind eco.hj212_kinds';
CREATE VIEW @extschema@.hj212_kinds AS SELECT * FROM @extschema@._hj212_kinds();
COMMENT ON VIEW @extschema@.hj212_kinds IS
    'numeric fields of an HJ 212 item, in the order of the second dimension of eco.outlet_reading.vals';
GRANT SELECT ON @extschema@.hj212_items, @extschema@.hj212_flags, @extschema@.hj212_kinds TO PUBLIC;

-- ---------- sources, outlets, limits ----------
CREATE TABLE @extschema@.pollution_source (
    id         bigserial PRIMARY KEY,
    code       text NOT NULL UNIQUE,
    name       text NOT NULL,
    industry   text,
    permit_no  text,
    area       text NOT NULL
);
COMMENT ON TABLE @extschema@.pollution_source IS
    'pollution sources (enterprises): code (统一社会信用代码 or a local code), name, industry, discharge permit number (排污许可证编号)';

DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE pg_catalog.format($sql$
    CREATE TABLE @extschema@.outlet (
        mn          text PRIMARY KEY CHECK (pg_catalog.length(mn) BETWEEN 1 AND 24),
        source_id   bigint NOT NULL REFERENCES @extschema@.pollution_source (id) ON UPDATE CASCADE,
        outlet_code text NOT NULL,
        name        text,
        medium      text NOT NULL CHECK (medium IN ('废气', '废水')),
        permit_no   text,
        area        text NOT NULL,
        geom        %1$s.geometry,
        UNIQUE (source_id, outlet_code),
        CONSTRAINT enforce_srid_geom CHECK (%1$s.ST_SRID(geom) = 4490),
        CONSTRAINT enforce_geotype_geom CHECK (%1$s.GeometryType(geom) = 'POINT'::text)
    )$sql$, g);
END
$do$;
COMMENT ON TABLE @extschema@.outlet IS
    'monitored outlets (排放口) of a source: MN (the data logger''s HJ 212 device code, at most 24 characters), outlet code (DA001, DW001, ...), medium 废气/废水, permit number, location (CGCS2000 point)';

CREATE TABLE @extschema@.outlet_limit (
    mn           text NOT NULL REFERENCES @extschema@.outlet (mn) ON UPDATE CASCADE ON DELETE CASCADE,
    code         text NOT NULL,
    limit_value  numeric NOT NULL CHECK (limit_value > 0),
    unit         text NOT NULL,
    standard     text NOT NULL,
    reference_o2 numeric CHECK (reference_o2 >= 0 AND reference_o2 < 21),
    PRIMARY KEY (mn, code)
);
COMMENT ON TABLE @extschema@.outlet_limit IS
    'emission limit of an outlet per HJ 212 item code (2017 code, see eco.hj212_items): limit in the unit the device transmits, the standard (GB 13223-2011, GB 8978-1996, 排污许可证, ...), and the reference oxygen content (%) when the limit applies to the converted concentration (折算浓度)';

CREATE FUNCTION @extschema@._outlet_limit_check() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM @extschema@.hj212_items i WHERE i.code = NEW.code) THEN
        RAISE EXCEPTION 'unknown HJ 212-2017 item code "%"', NEW.code USING ERRCODE = '22023',
            HINT = 'Limits use the 2017 codes listed in eco.hj212_items.';
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._outlet_limit_check() IS
    'trigger of eco.outlet_limit: the item code must be a 2017 code of eco.hj212_items';
CREATE TRIGGER outlet_limit_check BEFORE INSERT OR UPDATE OF code ON @extschema@.outlet_limit
    FOR EACH ROW EXECUTE FUNCTION @extschema@._outlet_limit_check();
COMMENT ON TRIGGER outlet_limit_check ON @extschema@.outlet_limit IS 'item codes are 2017 codes of eco.hj212_items';

-- ---------- staging, rejects, readings ----------
-- Staged lines live in eco.hj212_staging_lines (row-level security: each role its own lines).  COPY FROM refuses a
-- table with row-level security, so users copy into the view eco.hj212_staging, whose INSTEAD OF trigger inserts
-- each line as the caller.
CREATE TABLE @extschema@.hj212_staging_lines (
    id        bigint GENERATED ALWAYS AS IDENTITY,
    line      text,
    staged_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE INDEX hj212_staging_lines_id_brin ON @extschema@.hj212_staging_lines USING brin (id);
COMMENT ON TABLE @extschema@.hj212_staging_lines IS
    'raw HJ 212 packet lines waiting for eco.hj212_ingest, with the role that staged them (load them through the view eco.hj212_staging)';
CREATE VIEW @extschema@.hj212_staging WITH (security_invoker = true) AS
    SELECT s.id, s.line, s.staged_by FROM @extschema@.hj212_staging_lines s;
COMMENT ON VIEW @extschema@.hj212_staging IS
    'raw HJ 212 packet lines as platforms log them, one per line: \copy eco.hj212_staging (line) FROM ''file''; a role sees only its own lines; eco.hj212_ingest consumes them';
CREATE FUNCTION @extschema@._hj212_stage() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO @extschema@.hj212_staging_lines (line) VALUES (NEW.line);
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@._hj212_stage() IS
    'INSTEAD OF INSERT trigger of eco.hj212_staging: stores the line for the calling role (so that \copy works under row-level security)';
CREATE TRIGGER hj212_stage INSTEAD OF INSERT ON @extschema@.hj212_staging
    FOR EACH ROW EXECUTE FUNCTION @extschema@._hj212_stage();
COMMENT ON TRIGGER hj212_stage ON @extschema@.hj212_staging IS 'a staged line goes to eco.hj212_staging_lines as the caller''s';

CREATE TABLE @extschema@.hj212_reject (
    id          bigserial PRIMARY KEY,
    line        text,
    reason      text NOT NULL,
    detail      text,
    mn          text,
    area        text,
    rejected_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    rejected_by name NOT NULL DEFAULT CURRENT_USER
);
CREATE INDEX ON @extschema@.hj212_reject (rejected_at);
COMMENT ON TABLE @extschema@.hj212_reject IS
    'packets refused by eco.hj212_ingest with the raw line and the reason: framing, length, crc, syntax, timestamp, unknown code (detail keeps the code), split packet (PNUM > 1, not reassembled), unknown MN, unsupported command';

CREATE TABLE @extschema@.outlet_reading (
    mn           text NOT NULL,
    cn           smallint NOT NULL CHECK (cn IN (2011, 2051, 2061, 2031)),
    data_time    timestamp NOT NULL,
    area         text NOT NULL,
    qn           text,
    codes        text[] NOT NULL,
    flags        text NOT NULL,
    vals         double precision[] NOT NULL,
    eflags       text[],
    sample_times timestamp[],
    legacy       boolean NOT NULL DEFAULT false,
    revision     integer NOT NULL DEFAULT 0,
    ingested_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (mn, cn, data_time)
) PARTITION BY RANGE (data_time);
COMMENT ON TABLE @extschema@.outlet_reading IS
    'one HJ 212 data packet per row: outlet MN, data type CN (2011 real-time, 2051 minute, 2061 hourly, 2031 daily), DataTime (local time as sent); codes[i] the 2017 item codes, flags the data flag of item i at position i (- when none), vals[i][k] the value of field k (eco.hj212_kinds); revision counts the times a packet of the same key replaced it; partitioned by DataTime';
CREATE TABLE @extschema@.outlet_reading_default PARTITION OF @extschema@.outlet_reading DEFAULT;
COMMENT ON TABLE @extschema@.outlet_reading_default IS
    'default partition of eco.outlet_reading (time ranges without a partition of their own)';

CREATE TABLE @extschema@.exceedance_case (
    case_id      bigint PRIMARY KEY REFERENCES @extschema@.enforcement_case (id) ON DELETE CASCADE,
    mn           text NOT NULL,
    code         text NOT NULL,
    run_start    timestamp NOT NULL,
    run_end      timestamp NOT NULL,
    hours        integer NOT NULL CHECK (hours > 0),
    max_value    double precision NOT NULL,
    max_multiple numeric NOT NULL,
    limit_value  numeric NOT NULL,
    unit         text NOT NULL,
    standard     text NOT NULL,
    area         text NOT NULL,
    created_by   name NOT NULL DEFAULT CURRENT_USER,
    UNIQUE (mn, code, run_start),
    CHECK (run_end > run_start)
);
COMMENT ON TABLE @extschema@.exceedance_case IS
    'an exceedance run turned into an enforcement case: the case in eco.enforcement_case, and the evidence (outlet, item, hourly run [run_start, run_end), hours, maximum, limit and standard); eco.exceedance_case_evidence lists the readings';

-- Row-level security by area, dump registration, grants.
DO $do$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['pollution_source', 'outlet', 'outlet_reading', 'exceedance_case']
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE @extschema@.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE pg_catalog.format('CREATE POLICY %I ON @extschema@.%I USING (@extschema@.area_visible(area)) '
                                  'WITH CHECK (@extschema@.area_visible(area))', t || '_by_area', t);
        EXECUTE pg_catalog.format('COMMENT ON POLICY %I ON @extschema@.%I IS %L', t || '_by_area', t,
                                  'a role sees and changes the rows of the areas granted to it (eco.area_visible)');
        EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.%I TO PUBLIC', t);
    END LOOP;
END
$do$;
-- Partitions are reached through eco.outlet_reading; read directly, they filter the same way.
ALTER TABLE @extschema@.outlet_reading_default ENABLE ROW LEVEL SECURITY;
CREATE POLICY outlet_reading_default_by_area ON @extschema@.outlet_reading_default
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
COMMENT ON POLICY outlet_reading_default_by_area ON @extschema@.outlet_reading_default IS
    'a role sees and changes the rows of the areas granted to it (eco.area_visible)';
ALTER TABLE @extschema@.outlet_limit ENABLE ROW LEVEL SECURITY;
CREATE POLICY outlet_limit_by_outlet ON @extschema@.outlet_limit
    USING (EXISTS (SELECT 1 FROM @extschema@.outlet o WHERE o.mn = outlet_limit.mn))
    WITH CHECK (EXISTS (SELECT 1 FROM @extschema@.outlet o WHERE o.mn = outlet_limit.mn));
COMMENT ON POLICY outlet_limit_by_outlet ON @extschema@.outlet_limit IS
    'a role sees and changes the limits of the outlets it sees (eco.outlet is filtered by area)';
GRANT SELECT, INSERT, UPDATE, DELETE ON @extschema@.outlet_limit TO PUBLIC;
ALTER TABLE @extschema@.hj212_staging_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY hj212_staging_lines_own ON @extschema@.hj212_staging_lines
    USING (staged_by = CURRENT_USER) WITH CHECK (staged_by = CURRENT_USER);
COMMENT ON POLICY hj212_staging_lines_own ON @extschema@.hj212_staging_lines IS
    'a role sees, ingests and deletes only the lines it staged';
GRANT SELECT, INSERT, DELETE ON @extschema@.hj212_staging_lines, @extschema@.hj212_staging TO PUBLIC;
ALTER TABLE @extschema@.hj212_reject ENABLE ROW LEVEL SECURITY;
CREATE POLICY hj212_reject_by_area ON @extschema@.hj212_reject
    USING (@extschema@.area_visible(area) OR rejected_by = CURRENT_USER)
    WITH CHECK (rejected_by = CURRENT_USER);
COMMENT ON POLICY hj212_reject_by_area ON @extschema@.hj212_reject IS
    'a role sees the rejects of its areas and its own (a packet of an unknown MN has no area); it records only its own';
GRANT SELECT, INSERT, DELETE ON @extschema@.hj212_reject TO PUBLIC;
GRANT USAGE ON SEQUENCE @extschema@.pollution_source_id_seq, @extschema@.hj212_reject_id_seq TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.pollution_source', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.pollution_source_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outlet', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outlet_limit', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.hj212_staging_lines', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.hj212_staging_lines_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.hj212_reject', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.hj212_reject_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outlet_reading_default', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.exceedance_case', '');

-- One row per item and field of the stored packets.
CREATE VIEW @extschema@.outlet_reading_values WITH (security_invoker = true) AS
    SELECT r.mn, r.cn, r.data_time, r.codes[i.i] AS code, @extschema@._hj212_pollutant(r.codes[i.i]) AS pollutant,
           k.kind, r.vals[i.i][k.ord] AS value, NULLIF(pg_catalog.substr(r.flags, i.i, 1), '-') AS flag,
           r.eflags[i.i] AS eflag, r.sample_times[i.i] AS sample_time, r.area
    FROM @extschema@.outlet_reading r
    CROSS JOIN LATERAL pg_catalog.generate_subscripts(r.codes, 1) AS i(i)
    CROSS JOIN @extschema@.hj212_kinds k
    WHERE r.vals[i.i][k.ord] IS NOT NULL;
COMMENT ON VIEW @extschema@.outlet_reading_values IS
    'eco.outlet_reading one row per item and field (the caller''s row-level security applies)';
GRANT SELECT ON @extschema@.outlet_reading_values TO PUBLIC;

-- ---------- ingest ----------
CREATE FUNCTION @extschema@.hj212_ingest(batch_size integer DEFAULT 20000, progress boolean DEFAULT false,
    OUT given bigint, OUT loaded bigint, OUT rejected bigint, OUT duplicate bigint, OUT replaced bigint)
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
    -- a batch's parsed rows stay in memory; staging is read by id ranges through its BRIN index, whatever
    -- its (usually stale: freshly copied) statistics say
    SET work_mem = '64MB'
    SET enable_seqscan = off
    AS $$
DECLARE
    lo bigint;
    hi bigint;
    top bigint;
    b record;
BEGIN
    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION 'batch_size must be positive: %', batch_size USING ERRCODE = '22023';
    END IF;
    given := 0; loaded := 0; rejected := 0; duplicate := 0; replaced := 0;
    SELECT min(s.id), max(s.id) INTO lo, top FROM @extschema@.hj212_staging_lines s WHERE s.staged_by = CURRENT_USER;
    WHILE lo IS NOT NULL AND lo <= top LOOP
        hi := lo + batch_size;
        WITH batch AS (
            DELETE FROM @extschema@.hj212_staging_lines s
            WHERE s.staged_by = CURRENT_USER AND s.id >= lo AND s.id < hi
            RETURNING s.id, s.line
        ), parsed AS MATERIALIZED (
            -- _hj212_row is called once per line in the target list of q (OFFSET 0 keeps q apart), its fields read from
            -- the row it returns
            SELECT q.id, (q.r).status, (q.r).detail, (q.r).mn, (q.r).cn, (q.r).data_time, (q.r).qn, (q.r).codes,
                   (q.r).flags, (q.r).vals, (q.r).eflags, (q.r).sample_times, (q.r).legacy,
                   o.area, o.mn IS NOT NULL AS known, x.ok,
                   CASE WHEN NOT x.ok THEN q.line END AS line
            FROM (SELECT bt.id, bt.line, @extschema@._hj212_row(bt.line) AS r FROM batch bt OFFSET 0) q
            LEFT JOIN @extschema@.outlet o ON o.mn = (q.r).mn
            CROSS JOIN LATERAL (SELECT COALESCE((q.r).status = 'ok' AND o.mn IS NOT NULL
                                                AND (q.r).cn IN (2011, 2051, 2061, 2031), false) AS ok) x
        ), rej AS (
            INSERT INTO @extschema@.hj212_reject (line, reason, detail, mn, area)
            SELECT p.line,
                   CASE WHEN p.status IS NULL THEN 'framing'
                        WHEN p.status <> 'ok' THEN p.status
                        WHEN NOT p.known THEN 'unknown MN'
                        ELSE 'unsupported command' END,
                   CASE WHEN p.status IS NULL THEN 'empty line'
                        WHEN p.status <> 'ok' THEN p.detail
                        WHEN NOT p.known THEN 'no outlet with MN ' || p.mn
                        ELSE 'CN ' || p.cn || ' is not a data upload (2011, 2051, 2061, 2031)' END,
                   p.mn, p.area
            FROM parsed p
            WHERE NOT p.ok
            RETURNING 1
        ), dup AS MATERIALIZED (
            -- the same key twice in the batch: the last staged line wins (computed once: usually empty)
            SELECT p.mn, p.cn, p.data_time, max(p.id) AS keep
            FROM parsed p WHERE p.ok
            GROUP BY p.mn, p.cn, p.data_time HAVING count(*) > 1
        ), good AS (
            SELECT p.* FROM parsed p
            WHERE p.ok AND NOT EXISTS (SELECT 1 FROM dup d WHERE d.mn = p.mn AND d.cn = p.cn
                                                             AND d.data_time = p.data_time AND d.keep <> p.id)
        ), ins AS (
            INSERT INTO @extschema@.outlet_reading AS t
                (mn, cn, data_time, area, qn, codes, flags, vals, eflags, sample_times, legacy)
            SELECT g.mn, g.cn, g.data_time, g.area, g.qn, g.codes, g.flags, g.vals, g.eflags, g.sample_times, g.legacy
            FROM good g
            ON CONFLICT (mn, cn, data_time) DO UPDATE
               SET qn = excluded.qn, codes = excluded.codes, flags = excluded.flags, vals = excluded.vals,
                   eflags = excluded.eflags, sample_times = excluded.sample_times, legacy = excluded.legacy,
                   area = excluded.area, ingested_at = excluded.ingested_at, revision = t.revision + 1
               WHERE (t.codes, t.flags, t.vals, t.eflags, t.sample_times)
                     IS DISTINCT FROM (excluded.codes, excluded.flags, excluded.vals, excluded.eflags, excluded.sample_times)
            RETURNING t.revision = 0 AS inserted
        )
        SELECT (SELECT count(*) FROM parsed) AS n_given,
               (SELECT count(*) FROM rej) AS n_rej,
               count(*) FILTER (WHERE ins.inserted) AS n_ins,
               count(*) FILTER (WHERE NOT ins.inserted) AS n_upd
          INTO b
          FROM ins;
        given := given + b.n_given;
        rejected := rejected + b.n_rej;
        loaded := loaded + (b.n_given - b.n_rej);
        replaced := replaced + b.n_upd;
        duplicate := duplicate + (b.n_given - b.n_rej - b.n_ins - b.n_upd);
        IF progress THEN
            RAISE NOTICE 'hj212_ingest: % lines read, % loaded, % rejected', given, loaded, rejected;
        END IF;
        lo := hi;
    END LOOP;
END
$$;
COMMENT ON FUNCTION @extschema@.hj212_ingest(integer, boolean) IS
    'parse, validate and store the caller''s lines of eco.hj212_staging (consumed) in batches: each packet lands in eco.outlet_reading or eco.hj212_reject with its reason; same MN, CN and DataTime again is idempotent (the last staged wins); returns given = loaded + rejected, and of loaded the duplicates (already stored or repeated in the batch) and the replaced (same key, new values); progress => true reports each batch as a NOTICE';

-- ---------- compliance ----------
-- Values compared with the limits: one row per outlet, limited item and packet of a data type.
CREATE FUNCTION @extschema@.outlet_limit_values(area text, period tsrange, data_type integer DEFAULT 2061)
    RETURNS TABLE (mn text, code text, data_time timestamp, value double precision, flag text, valid boolean,
                   limit_value numeric, unit text, standard text, converted boolean, exceeded boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.mn, l.code, r.data_time, v.value, NULLIF(substr(r.flags, x.i, 1), '-'),
           substr(r.flags, x.i, 1) = 'N', l.limit_value, l.unit, l.standard, l.reference_o2 IS NOT NULL,
           substr(r.flags, x.i, 1) = 'N' AND v.value > l.limit_value
    FROM @extschema@.outlet_reading r
    JOIN @extschema@.outlet_limit l ON l.mn = r.mn
    CROSS JOIN LATERAL (SELECT array_position(r.codes, l.code) AS i, array_position(r.codes, 'a19001') AS o2) x
    CROSS JOIN LATERAL (SELECT CASE
             WHEN l.reference_o2 IS NULL THEN r.vals[x.i][3]
             WHEN r.vals[x.i][8] IS NOT NULL THEN r.vals[x.i][8]
             -- no ZsAvg sent: convert Avg with the packet's O2 (a19001), C = C' (21 - O2ref) / (21 - O2)
             WHEN r.vals[x.o2][3] < 21 THEN r.vals[x.i][3] * (21 - l.reference_o2::float8) / (21 - r.vals[x.o2][3])
           END AS value) v
    WHERE starts_with(r.area, $1) AND r.data_time <@ $2 AND r.cn = $3 AND x.i IS NOT NULL
$$;
COMMENT ON FUNCTION @extschema@.outlet_limit_values(text, tsrange, integer) IS
    'each Avg of a limited item in the packets of a data type (2061 hourly, 2031 daily) of the period: the converted concentration (ZsAvg, or Avg converted with the packet''s O2 as C x (21 - O2ref) / (21 - O2)) where the limit has a reference oxygen; valid = flag N; exceeded = valid and above the limit';

CREATE FUNCTION @extschema@.outlet_exceedances(area text, period tsrange, data_type integer DEFAULT 2061)
    RETURNS TABLE (mn text, source text, outlet_code text, code text, pollutant @extschema@.pollutant,
                   data_time timestamp, value double precision, limit_value numeric, unit text, standard text,
                   multiple numeric)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT v.mn, s.name, o.outlet_code, v.code, @extschema@._hj212_pollutant(v.code), v.data_time, v.value,
           v.limit_value, v.unit, v.standard,
           round((v.value::numeric - v.limit_value) / v.limit_value, 2)
    FROM @extschema@.outlet_limit_values($1, $2, $3) v
    JOIN @extschema@.outlet o ON o.mn = v.mn
    JOIN @extschema@.pollution_source s ON s.id = o.source_id
    WHERE v.exceeded
    ORDER BY v.mn, v.code, v.data_time
$$;
COMMENT ON FUNCTION @extschema@.outlet_exceedances(text, tsrange, integer) IS
    'hourly (2061) or daily (2031) averages above the outlet''s limit, valid data only (flag N), with the exceedance multiple (超标倍数) (value - limit) / limit rounded to 2 decimals';

CREATE FUNCTION @extschema@.outlet_exceedance_runs(area text, period tsrange)
    RETURNS TABLE (mn text, code text, run_start timestamp, run_end timestamp, hours integer,
                   max_value double precision, max_multiple numeric, limit_value numeric, unit text, standard text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT e.mn, e.code, min(e.data_time), max(e.data_time) + interval '1 hour', count(*)::integer,
           max(e.value), round((max(e.value)::numeric - min(e.limit_value)) / min(e.limit_value), 2),
           min(e.limit_value), min(e.unit), min(e.standard)
    FROM (SELECT v.*, v.data_time - interval '1 hour' * row_number() OVER (PARTITION BY v.mn, v.code ORDER BY v.data_time) AS grp
          FROM @extschema@.outlet_limit_values($1, $2, 2061) v
          WHERE v.exceeded) e
    GROUP BY e.mn, e.code, e.grp
    ORDER BY e.mn, e.code, min(e.data_time)
$$;
COMMENT ON FUNCTION @extschema@.outlet_exceedance_runs(text, tsrange) IS
    'runs of consecutive exceedance hours (hourly data, valid data only) per outlet and item, across midnight: [run_start, run_end), hours, maximum and its multiple; a missing or invalid hour ends a run';

CREATE FUNCTION @extschema@.outlet_data_capture(area text, days daterange)
    RETURNS TABLE (mn text, code text, day date, hours_received integer, hours_missing integer,
                   hours_valid integer, hours_n integer, hours_f integer, hours_m integer, hours_s integer,
                   hours_d integer, hours_c integer, hours_t integer, hours_b integer, hours_no_flag integer,
                   capture numeric, exceedance_hours integer, status text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH d AS (
        SELECT o.mn, l.code, g.day::date AS day
        FROM @extschema@.outlet o
        JOIN @extschema@.outlet_limit l ON l.mn = o.mn
        CROSS JOIN LATERAL generate_series(lower($2)::timestamp, (upper($2) - 1)::timestamp, interval '1 day') AS g(day)
        WHERE starts_with(o.area, $1) AND NOT lower_inf($2) AND NOT upper_inf($2)
    ), v AS (
        SELECT v.mn, v.code, v.data_time::date AS day, v.flag, v.exceeded
        FROM @extschema@.outlet_limit_values($1, tsrange(lower($2)::timestamp, upper($2)::timestamp), 2061) v
    )
    SELECT d.mn, d.code, d.day,
           count(v.day)::integer, (24 - count(v.day))::integer,
           count(*) FILTER (WHERE v.flag = 'N')::integer,
           count(*) FILTER (WHERE v.flag = 'N')::integer, count(*) FILTER (WHERE v.flag = 'F')::integer,
           count(*) FILTER (WHERE v.flag = 'M')::integer, count(*) FILTER (WHERE v.flag = 'S')::integer,
           count(*) FILTER (WHERE v.flag = 'D')::integer, count(*) FILTER (WHERE v.flag = 'C')::integer,
           count(*) FILTER (WHERE v.flag = 'T')::integer, count(*) FILTER (WHERE v.flag = 'B')::integer,
           count(*) FILTER (WHERE v.day IS NOT NULL AND v.flag IS NULL)::integer,
           @extschema@.share(count(*) FILTER (WHERE v.flag = 'N'), 24),
           count(*) FILTER (WHERE v.exceeded)::integer,
           CASE WHEN count(*) FILTER (WHERE v.exceeded) > 0 THEN 'exceeded'
                WHEN count(*) FILTER (WHERE v.flag = 'N') = 24 THEN 'compliant'
                ELSE 'insufficient data' END
    FROM d
    LEFT JOIN v ON v.mn = d.mn AND v.code = d.code AND v.day = d.day
    GROUP BY d.mn, d.code, d.day
    ORDER BY d.mn, d.code, d.day
$$;
COMMENT ON FUNCTION @extschema@.outlet_data_capture(text, daterange) IS
    'per outlet, limited item and day: hourly packets received and missing (of 24), hours by data flag, capture = valid (N) hours / 24 in %, exceedance hours, and status: exceeded, compliant (24 valid hours, none above the limit) or insufficient data (missing or invalid data is never counted as compliance)';

CREATE FUNCTION @extschema@.exceedance_to_case(mn text, code text, run_start timestamp, case_no text,
                                               decided_on date DEFAULT CURRENT_DATE, penalty numeric DEFAULT 0)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r record;
    o record;
    case_id bigint;
BEGIN
    IF mn IS NULL OR code IS NULL OR run_start IS NULL OR case_no IS NULL OR decided_on IS NULL OR penalty IS NULL THEN
        RAISE EXCEPTION 'mn, code, run_start, case_no, decided_on and penalty are required' USING ERRCODE = '22023';
    END IF;
    SELECT ol.area, ol.outlet_code, s.name AS source INTO o
      FROM @extschema@.outlet ol JOIN @extschema@.pollution_source s ON s.id = ol.source_id
     WHERE ol.mn = exceedance_to_case.mn;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no outlet with MN "%"', mn USING ERRCODE = '22023';
    END IF;
    SELECT * INTO r
      FROM @extschema@.outlet_exceedance_runs(o.area, tsrange(run_start - interval '1 hour', NULL)) x
     WHERE x.mn = exceedance_to_case.mn AND x.code = exceedance_to_case.code
       AND x.run_start <= exceedance_to_case.run_start
     ORDER BY x.run_start DESC LIMIT 1;
    IF NOT FOUND OR r.run_start <> exceedance_to_case.run_start THEN
        RAISE EXCEPTION 'no exceedance run of % at outlet "%" starts at %', code, mn, run_start
            USING ERRCODE = '22023', HINT = 'eco.outlet_exceedance_runs lists the runs.';
    END IF;
    SELECT x.case_id INTO case_id FROM @extschema@.exceedance_case x
     WHERE x.mn = exceedance_to_case.mn AND x.code = exceedance_to_case.code AND x.run_start = r.run_start;
    IF FOUND THEN
        RAISE EXCEPTION 'the exceedance run of % at outlet "%" starting at % already has case %', code, mn, run_start, case_id
            USING ERRCODE = '23505';
    END IF;
    INSERT INTO @extschema@.enforcement_case (area, case_no, enterprise, violation, decided_on, penalty)
    VALUES (o.area, case_no, o.source,
            format('%s排放口%s（MN %s）%s超标排放：%s至%s连续%s小时，最大%s %s，超标%s倍（限值%s %s，%s）',
                   o.source, o.outlet_code, mn, code, r.run_start, r.run_end, r.hours, r.max_value, r.unit,
                   r.max_multiple, r.limit_value, r.unit, r.standard),
            decided_on, penalty)
    RETURNING id INTO case_id;
    INSERT INTO @extschema@.exceedance_case (case_id, mn, code, run_start, run_end, hours, max_value, max_multiple,
                                             limit_value, unit, standard, area)
    VALUES (case_id, mn, code, r.run_start, r.run_end, r.hours, r.max_value, r.max_multiple,
            r.limit_value, r.unit, r.standard, o.area);
    RETURN case_id;
END
$$;
COMMENT ON FUNCTION @extschema@.exceedance_to_case(text, text, timestamp, text, date, numeric) IS
    'turn the exceedance run of an outlet''s item starting at run_start into an enforcement case (eco.enforcement_case) linked to its evidence (eco.exceedance_case); one case per run; returns the case id';

CREATE FUNCTION @extschema@.exceedance_case_evidence(case_id bigint)
    RETURNS TABLE (mn text, code text, data_time timestamp, value double precision, flag text,
                   limit_value numeric, unit text, exceeded boolean)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT v.mn, v.code, v.data_time, v.value, v.flag, v.limit_value, v.unit, v.exceeded
    FROM @extschema@.exceedance_case c
    CROSS JOIN LATERAL @extschema@.outlet_limit_values(c.area, tsrange(c.run_start, c.run_end), 2061) v
    WHERE c.case_id = $1 AND v.mn = c.mn AND v.code = c.code
    ORDER BY v.data_time
$$;
COMMENT ON FUNCTION @extschema@.exceedance_case_evidence(bigint) IS
    'the hourly readings behind an exceedance case (eco.exceedance_case): each hour of the run with its value, flag and limit';
-- ===================================================================
-- Outputs: what people look at (docs/outputs.md).
--   eco.work_summary        the annual work summary (工作总结) as Markdown, from eco.annual_report
--   eco.*_geojson           RFC 7946 FeatureCollections (WGS 84) of sites, sections, outfalls, parcels
--   eco.aqi_tile            Mapbox vector tile (z, x, y, query_params) for pg_tileserv and Martin
--   eco.*_svg               SVG 1.1 charts: AQI calendar, monthly AQI levels, year-on-year bars, static map
-- Colours and words come from the C tables (eco.aqi_levels, eco.water_class_colors) and the report layer
-- (eco.annual_report, eco.change_phrase); nothing here re-types a standard.
-- PL/pgSQL where a body reads objects of a later install piece (eco.annual_report), so the install order
-- does not matter; PostGIS calls are qualified by the PostGIS schema (DO blocks below).
-- ===================================================================

-- ---------- water class colours (C table in src/core/water.c) ----------
CREATE FUNCTION @extschema@._water_class_color_list(
    OUT water_class text, OUT label text, OUT status text, OUT color_zh text, OUT color_en text, OUT color text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'outputs_water_class_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;
COMMENT ON FUNCTION @extschema@._water_class_color_list() IS 'internal: rows of eco.water_class_colors, from the C tables of src/core/water.c';
CREATE VIEW @extschema@.water_class_colors AS
    SELECT l.water_class::@extschema@.water_class AS water_class, l.label, l.status, l.color_zh, l.color_en, l.color
    FROM @extschema@._water_class_color_list() l;
COMMENT ON VIEW @extschema@.water_class_colors IS
    'GB 3838 section classes with the status word and colour of 环办〔2011〕22号 §2.3 (蓝色 … 红色) and the screen colour (#RRGGBB) used by maps and charts';
GRANT SELECT ON @extschema@.water_class_colors TO PUBLIC;

-- ---------- small text helpers ----------
CREATE FUNCTION @extschema@._xml_escape(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN replace(replace(replace(replace(replace(t, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION @extschema@._xml_escape(text) IS 'internal: text escaped for XML/HTML content and attribute values';

CREATE FUNCTION @extschema@.svg_font_family() RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    RETURN '''Noto Sans CJK SC'', ''Source Han Sans SC'', ''Noto Sans SC'', ''WenQuanYi Micro Hei'', ''Microsoft YaHei'', ''PingFang SC'', ''SimHei'', ''Hiragino Sans GB'', sans-serif';
COMMENT ON FUNCTION @extschema@.svg_font_family() IS
    'font-family list of every chart: CJK fonts of Linux, Windows and macOS first, then the generic sans-serif';

-- Number as a bureau writes it: unit µg/m³ -> 微克/立方米, 元 -> 万元 (2 decimals), t/a kept, counts with their measure word.
CREATE FUNCTION @extschema@._summary_number(v numeric, unit text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT CASE WHEN v IS NULL THEN NULL
                WHEN unit = '元' THEN trim_scale(round(v / 10000, 2))::text || '万元'
                WHEN unit = 'µg/m³' THEN v::text || '微克/立方米'
                WHEN unit = 'mg/m³' THEN v::text || '毫克/立方米'
                WHEN unit = 't/a' THEN trim_scale(v)::text || ' t/a'
                ELSE v::text || COALESCE(unit, '') END
$$;
COMMENT ON FUNCTION @extschema@._summary_number(numeric, text) IS
    'internal: a figure with its unit as written in a work summary (微克/立方米, 万元, t/a, 个/件/家/块/项)';

-- One figure of a summary sentence: label, value and the report's change phrase; when the report has no phrase,
-- a sentence that still reads: 上年同期无可比数据 (no prior value), 上年同期为0 (prior value 0), 同比持平 (both 0).
CREATE FUNCTION @extschema@._summary_figure(label text, v numeric, unit text, prev numeric, change text,
                                            yoy boolean DEFAULT true) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT CASE WHEN v IS NULL THEN label || '无有效监测数据'
                ELSE label || @extschema@._summary_number(v, unit)
                     || CASE WHEN NOT yoy THEN ''
                             WHEN change IS NOT NULL THEN '，' || change
                             WHEN prev IS NULL THEN '，上年同期无可比数据'
                             WHEN prev = 0 AND v = 0 THEN '，同比持平'
                             WHEN prev = 0 THEN '，上年同期为0'
                             ELSE '' END END
$$;
COMMENT ON FUNCTION @extschema@._summary_figure(text, numeric, text, numeric, text, boolean) IS
    'internal: "label value unit，change" of a work summary; the change phrase is the report''s own (eco.change_phrase)';

-- ===================================================================
-- The written summary.
-- ===================================================================
CREATE FUNCTION @extschema@.work_summary(area text, year integer, as_of date DEFAULT NULL,
                                         area_name text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    rep jsonb;
    upto date;
    full_year boolean;
    per text;
    upto_zh text;
    who text;
    out text[] := '{}';
    s text[];
    s2 text[];
    t text;
    p text;
    n numeric;
    k numeric;
    r record;
    std @extschema@.standard;
    lim double precision;
    mult numeric;
    sec_no integer := 0;
    nums text[] := ARRAY['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
BEGIN
    IF area IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'area and year are required' USING ERRCODE = '22023';
    END IF;
    -- The figures, once: everything below reads this object (indicator -> row of eco.annual_report).
    SELECT COALESCE(jsonb_object_agg(a.indicator, to_jsonb(a)), '{}')
           || jsonb_build_object('_rows', COALESCE(jsonb_agg(to_jsonb(a) ORDER BY a.seq), '[]'))
      INTO rep
      FROM @extschema@.annual_report(work_summary.area, work_summary.year, work_summary.as_of) a;
    upto := LEAST(COALESCE(as_of, make_date(year, 12, 31)), make_date(year, 12, 31));
    full_year := upto = make_date(year, 12, 31);
    upto_zh := pg_catalog.format('%s年%s月%s日', extract(year FROM upto), extract(month FROM upto), extract(day FROM upto));
    per := CASE WHEN full_year THEN year || '年'
                WHEN upto = (date_trunc('month', upto) + interval '1 month - 1 day')::date
                    THEN CASE WHEN extract(month FROM upto) = 1 THEN year || '年1月'
                              ELSE year || '年1—' || extract(month FROM upto) || '月' END
                ELSE year || '年1月1日至' || extract(month FROM upto) || '月' || extract(day FROM upto) || '日' END;
    who := COALESCE(NULLIF(area_name, ''), '全市');

    out := out || ('# ' || COALESCE(NULLIF(area_name, ''), '') || year || '年生态环境工作总结'
                   || CASE WHEN full_year THEN '' ELSE '（截至' || upto_zh || '）' END);

    -- ===== 大气环境 =====
    IF rep ? 'PM2.5平均浓度' THEN
        s := '{}';
        FOR r IN SELECT x->>'indicator' AS ind, (x->>'value')::numeric AS v, x->>'unit' AS unit,
                        (x->>'prev_value')::numeric AS pv, x->>'change' AS ch
                 FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '大气环境' LOOP
            s := s || @extschema@._summary_figure(r.ind, r.v, r.unit, r.pv, r.ch);
        END LOOP;
        p := per || '，' || who || array_to_string(s, '；') || '。';
        IF (SELECT bool_and(x->>'value' IS NULL) FROM jsonb_array_elements(rep->'_rows') x
            WHERE x->>'section' = '大气环境') THEN
            p := per || '，' || who || '无有效的环境空气质量监测数据。';
        END IF;
        -- Data capture below 100 %: said once per distinct capture (the report's own detail text).
        FOR r IN SELECT string_agg(x->>'indicator', '、' ORDER BY (x->>'seq')::int) AS inds, x->>'detail' AS d
                 FROM jsonb_array_elements(rep->'_rows') x
                 WHERE x->>'section' = '大气环境' AND x->>'detail' NOT LIKE '数据有效率100.0%（%'
                   AND x->>'value' IS NOT NULL
                 GROUP BY x->>'detail' ORDER BY min((x->>'seq')::int) LOOP
            p := p || r.inds || '的' || r.d || '。';
        END LOOP;
        -- Annual means against the grade II annual limit of GB 3095 (whole years only): 均值超标0.07倍.
        IF full_year THEN
            std := @extschema@.standard_in_force('GB3095', make_date(year, 1, 1));
            s := '{}';
            FOR r IN SELECT c.code, c.name FROM (VALUES (1, 'PM2.5', 'PM2.5平均浓度'), (2, 'PM10', 'PM10平均浓度')) AS c(o, code, name)
                     WHERE (rep->c.name->>'value') IS NOT NULL ORDER BY c.o LOOP
                lim := @extschema@.limit_value(r.code::@extschema@.pollutant, 'year', 2, std);
                mult := @extschema@.gbt8170_round(@extschema@.exceedance_multiple((rep->r.name->>'value')::float8, lim)::numeric, 2);
                s := s || (r.code || '年均浓度' || CASE WHEN mult > 0 THEN '超过二级标准（' || lim || '微克/立方米），均值超标' || mult || '倍'
                                                      ELSE '达到二级标准（' || lim || '微克/立方米）' END);
            END LOOP;
            IF cardinality(s) > 0 THEN
                p := p || '对照' || replace(std::text, 'GB3095', 'GB 3095') || '，' || array_to_string(s, '；') || '。';
            END IF;
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、大气环境') || p;
    END IF;

    -- ===== 水环境 =====
    IF rep ? '考核断面' THEN
        n := (rep->'考核断面'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '无考核断面水质评价数据。';
        ELSE
            p := per || '，' || who || n || '个考核断面中，'
                 || @extschema@._summary_figure('达到考核目标断面比例', (rep->'达到考核目标断面比例'->>'value')::numeric, '%',
                                                 (rep->'达到考核目标断面比例'->>'prev_value')::numeric, rep->'达到考核目标断面比例'->>'change')
                 || '；' || @extschema@._summary_figure('Ⅰ～Ⅲ类水质断面比例', (rep->'Ⅰ～Ⅲ类水质断面比例'->>'value')::numeric, '%',
                                                 (rep->'Ⅰ～Ⅲ类水质断面比例'->>'prev_value')::numeric, rep->'Ⅰ～Ⅲ类水质断面比例'->>'change');
            k := (rep->'劣Ⅴ类断面'->>'value')::numeric;
            p := p || '；' || CASE WHEN k = 0 THEN '无劣Ⅴ类断面' ELSE '劣Ⅴ类断面' || k || '个' END
                 || COALESCE(CASE WHEN (rep->'劣Ⅴ类断面'->>'prev_value')::numeric = 0 AND k > 0 THEN '（上年同期无）'
                                  WHEN (rep->'劣Ⅴ类断面'->>'prev_value')::numeric > 0
                                      THEN '（上年同期' || (rep->'劣Ⅴ类断面'->>'prev_value') || '个）' END, '')
                 || '。';
            k := (rep->'未达标断面'->>'value')::numeric;
            p := p || CASE WHEN k = 0 AND n = 1 THEN '该断面达到考核目标。'
                           WHEN k = 0 THEN '所有考核断面均达到考核目标。'
                           ELSE '未达到考核目标的断面' || k || '个：' || COALESCE(rep->'未达标断面'->>'detail', '') || '。' END;
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、水环境') || p;
    END IF;

    -- ===== 入河排污口 =====
    IF rep ? '排查排污口' THEN
        n := (rep->'排查排污口'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := '截至' || upto_zh || '，' || who || '尚无入河排污口排查记录。';
        ELSE
            p := '截至' || upto_zh || '，' || who || '入河排污口' || (rep->'排查排污口'->>'detail') || '。';
            k := (rep->'已完成整治'->>'value')::numeric;
            IF k > 0 THEN
                -- the report's breakdown, its zero items left out
                SELECT string_agg(u.e, '、' ORDER BY u.o) INTO t
                  FROM unnest(string_to_array(rep->'已完成整治'->>'detail', '、')) WITH ORDINALITY AS u(e, o)
                 WHERE u.e !~ '[^0-9.]0个$';
                p := '截至' || upto_zh || '，' || who || '入河排污口' || (rep->'排查排污口'->>'detail') || '。'
                     || '已完成整治的' || k || '个排污口中，' || COALESCE(t, '') || '。';
            END IF;
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、入河排污口排查整治') || p;
    END IF;

    -- ===== 土壤环境 =====
    IF rep ? '变更为第一类用地地块（未开展）' THEN
        SELECT sum((x->>'value')::numeric),
               array_agg(CASE st WHEN '已通过评审' THEN '已通过评审' WHEN '报告已编制' THEN '已编制调查报告'
                                 WHEN '调查中' THEN '正在调查' ELSE '未开展调查' END || '的' || (x->>'value') || '块'
                         ORDER BY o) FILTER (WHERE (x->>'value')::numeric > 0),
               array_agg(CASE st WHEN '已通过评审' THEN '均已通过评审' WHEN '报告已编制' THEN '均已编制调查报告'
                                 WHEN '调查中' THEN '均在调查中' ELSE '均未开展调查' END ORDER BY o)
                         FILTER (WHERE (x->>'value')::numeric > 0)
          INTO n, s, s2
          FROM (VALUES (1, '已通过评审'), (2, '报告已编制'), (3, '调查中'), (4, '未开展')) AS v(o, st)
          CROSS JOIN LATERAL (SELECT rep->('变更为第一类用地地块（' || v.st || '）') AS x) j;
        IF n = 0 THEN
            p := per || '，' || who || '无变更为第一类用地的地块。';
        ELSIF cardinality(s) = 1 THEN
            p := per || '，' || who || '变更为第一类用地的地块' || n || '块，' || s2[1] || '。';
        ELSE
            p := per || '，' || who || '变更为第一类用地的地块' || n || '块，其中' || array_to_string(s, '、') || '。';
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、土壤环境') || p;
    END IF;

    -- ===== 督察整改 =====
    IF rep ? '交办问题' THEN
        n := (rep->'交办问题'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := '截至' || upto_zh || '，' || who || '无生态环境保护督察交办问题。';
        ELSE
            p := '截至' || upto_zh || '，' || who || '累计承接生态环境保护督察交办问题' || n || '个'
                 || COALESCE('（' || NULLIF(rep->'交办问题'->>'detail', '') || '）', '') || '，';
            k := (rep->'已完成整改'->>'value')::numeric;
            IF k = n THEN
                p := p || '已全部完成整改。';
            ELSE
                s := '{}';
                IF k > 0 THEN s := s || ('已完成整改' || k || '个'); END IF;
                IF (rep->'未到期（整改中）'->>'value')::numeric > 0 THEN
                    s := s || ('未到期、正在整改' || (rep->'未到期（整改中）'->>'value') || '个');
                END IF;
                IF (rep->'逾期未完成'->>'value')::numeric > 0 THEN
                    s := s || ('逾期未完成' || (rep->'逾期未完成'->>'value') || '个');
                ELSE
                    s := s || '无逾期未完成问题'::text;
                END IF;
                p := p || array_to_string(s, '，') || '。';
            END IF;
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、督察整改') || p;
    END IF;

    -- ===== 信访投诉 =====
    IF rep ? '受理信访投诉' THEN
        n := (rep->'受理信访投诉'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '未受理信访投诉'
                 || CASE WHEN (rep->'受理信访投诉'->>'prev_value')::numeric > 0
                         THEN '（上年同期' || (rep->'受理信访投诉'->>'prev_value') || '件）' ELSE '' END || '。';
        ELSE
            p := per || '，' || who || @extschema@._summary_figure('受理信访投诉', n, '件',
                     (rep->'受理信访投诉'->>'prev_value')::numeric, rep->'受理信访投诉'->>'change')
                 || '（' || (rep->'受理信访投诉'->>'detail') || '）'
                 || '；' || (rep->'办结率'->>'detail') || '，办结率' || (rep->'办结率'->>'value') || '%。';
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、信访投诉') || p;
    END IF;

    -- ===== 双随机抽查 =====
    IF rep ? '抽查企业' THEN
        n := (rep->'抽查企业'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '未开展“双随机、一公开”抽查。';
        ELSE
            p := per || '，' || who || '开展“双随机、一公开”抽查，共抽查企业' || n || '家（' || (rep->'抽查企业'->>'detail') || '）';
            k := (rep->'发现问题企业'->>'value')::numeric;
            p := p || CASE WHEN (rep->'问题发现率'->>'value') IS NULL THEN '，检查结果尚未录入。'
                           WHEN k = 0 THEN '，未发现问题。'
                           ELSE '，发现问题企业' || k || '家，问题发现率' || (rep->'问题发现率'->>'value') || '%。' END;
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、“双随机、一公开”监管') || p;
    END IF;

    -- ===== 行政执法 =====
    IF rep ? '行政处罚案件' THEN
        n := (rep->'行政处罚案件'->>'value')::numeric;
        IF COALESCE(n, 0) = 0 THEN
            p := per || '，' || who || '未作出行政处罚'
                 || CASE WHEN (rep->'行政处罚案件'->>'prev_value')::numeric > 0
                         THEN '（上年同期' || (rep->'行政处罚案件'->>'prev_value') || '件）' ELSE '' END || '。';
        ELSE
            p := per || '，' || who || @extschema@._summary_figure('办理行政处罚案件', n, '件',
                     (rep->'行政处罚案件'->>'prev_value')::numeric, rep->'行政处罚案件'->>'change')
                 || '；' || @extschema@._summary_figure('罚没金额', (rep->'罚没金额'->>'value')::numeric, '元',
                     (rep->'罚没金额'->>'prev_value')::numeric, rep->'罚没金额'->>'change') || '。';
        END IF;
        sec_no := sec_no + 1;
        out := out || ('## ' || nums[sec_no] || '、环境执法') || p;
    END IF;

    -- ===== 总量指标 =====
    SELECT array_agg(@extschema@._summary_figure(x->>'indicator', (x->>'value')::numeric, x->>'unit', NULL, NULL, false)
                     || '（' || (x->>'detail') || '）' ORDER BY (x->>'seq')::int)
      INTO s FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '总量指标';
    sec_no := sec_no + 1;
    out := out || ('## ' || nums[sec_no] || '、总量指标')
               || CASE WHEN s IS NULL THEN '截至' || upto_zh || '，' || who || '无登记的主要污染物削减量。'
                       ELSE '截至' || upto_zh || '，' || who || '主要污染物' || array_to_string(s, '；') || '。' END;

    -- ===== 审批服务 =====
    SELECT array_agg(@extschema@._summary_figure(x->>'indicator', (x->>'value')::numeric, x->>'unit',
                                                 (x->>'prev_value')::numeric, x->>'change') ORDER BY (x->>'seq')::int)
             FILTER (WHERE (x->>'value')::numeric > 0),
           array_agg((x->>'indicator') || '上年同期' || (x->>'prev_value') || (x->>'unit') ORDER BY (x->>'seq')::int)
             FILTER (WHERE (x->>'value')::numeric = 0 AND (x->>'prev_value')::numeric > 0)
      INTO s, s2 FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '审批服务';
    sec_no := sec_no + 1;
    out := out || ('## ' || nums[sec_no] || '、审批服务')
               || (CASE WHEN s IS NULL THEN per || '，' || who || '未办理环评审批和排污许可事项'
                        ELSE per || '，' || who || '办理' || array_to_string(s, '；') END
                   || COALESCE('（本期未办理' || array_to_string(s2, '、') || '）', '') || '。');

    -- ===== 重点任务 =====
    SELECT array_agg((x->>'indicator') || (x->>'detail') ORDER BY (x->>'seq')::int)
      INTO s FROM jsonb_array_elements(rep->'_rows') x WHERE x->>'section' = '重点任务';
    sec_no := sec_no + 1;
    out := out || ('## ' || nums[sec_no] || '、重点任务')
               || CASE WHEN s IS NULL THEN per || '，' || who || '无列入计划的重点任务。'
                       ELSE per || '，' || who || '重点任务进展：' || array_to_string(s, '；') || '。' END;

    RETURN array_to_string(out, E'\n\n') || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.work_summary(text, integer, date, text) IS
    'the annual (or year-to-date, as_of) work summary (工作总结) of an area prefix as Markdown: one paragraph per section, every figure from eco.annual_report with its year-on-year phrase as the report gives it; area_name names the area in the text (default 全市)';

-- ===================================================================
-- Daily AQI of a site or a city (calendar, monthly bars).
-- A site code gives that site's rows of eco.air_daily; any other text is an area prefix whose city value of a
-- day is the mean over its air sites with a valid daily value, then eco.daily_aqi under the HJ 633 edition in
-- force that day (the rule of eco.air_summary, HJ 663).  Colour and category from eco.aqi_levels.
-- ===================================================================
CREATE FUNCTION @extschema@.daily_aqi_series(site_or_area text, period daterange)
    RETURNS TABLE (day date, aqi integer, level integer, category text, color text, primary_pollutants text[])
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF isempty(period) OR lower_inf(period) OR upper_inf(period) THEN
        RAISE EXCEPTION 'period must be a bounded, non-empty date range: %', period USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM @extschema@.site s WHERE s.code = site_or_area AND s.kind = 'air') THEN
        RETURN QUERY
            SELECT a.day, a.aqi, a.aqi_level, a.aqi_category, l.color, a.primary_pollutants
            FROM @extschema@.air_daily a
            LEFT JOIN @extschema@._aqi_level_list() l ON l.standard = a.aqi_standard::text AND l.level = a.aqi_level
            WHERE a.site_code = site_or_area AND a.day <@ period
            ORDER BY a.day;
    ELSE
        RETURN QUERY
            WITH city AS (
                SELECT a.day,
                       avg(a.so2::numeric) FILTER (WHERE a.so2_valid) AS so2,
                       avg(a.no2::numeric) FILTER (WHERE a.no2_valid) AS no2,
                       avg(a.co::numeric) FILTER (WHERE a.co_valid) AS co,
                       avg(a.pm10::numeric) FILTER (WHERE a.pm10_valid) AS pm10,
                       avg(a.pm25::numeric) FILTER (WHERE a.pm25_valid) AS pm25,
                       avg(a.o3_8h::numeric) FILTER (WHERE a.o3_8h_valid) AS o3_8h,
                       avg(a.o3_1h::numeric) FILTER (WHERE a.o3_1h IS NOT NULL) AS o3_1h
                FROM @extschema@.air_daily a
                JOIN @extschema@.site s ON s.code = a.site_code
                WHERE s.kind = 'air' AND starts_with(s.area, site_or_area) AND a.day <@ period
                GROUP BY a.day)
            SELECT c.day, r.aqi, r.level, r.category, r.color, r.primary_pollutants
            FROM city c
            CROSS JOIN LATERAL @extschema@.daily_aqi(so2 => c.so2::float8, no2 => c.no2::float8, co => c.co::float8,
                                                     pm10 => c.pm10::float8, pm25 => c.pm25::float8,
                                                     o3_8h => c.o3_8h::float8, o3_1h => c.o3_1h::float8,
                                                     standard => @extschema@.standard_in_force('HJ633', c.day)) r
            ORDER BY c.day;
    END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.daily_aqi_series(text, daterange) IS
    'daily AQI, level, category and official colour of an air site (its code) or of a city (an area prefix: mean of the valid site values of each day, as eco.air_summary) over a period';

-- ===================================================================
-- Charts (SVG 1.1).  Integer or one-decimal coordinates written by SQL: same data, same bytes.
-- ===================================================================
CREATE FUNCTION @extschema@._svg_open(w integer, h integer, title text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT '<?xml version="1.0" encoding="UTF-8"?>' || E'\n'
        || pg_catalog.format('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" font-size="12">',
                             w, h, w, h, @extschema@._xml_escape(@extschema@.svg_font_family())) || E'\n'
        || '<title>' || @extschema@._xml_escape(title) || '</title>' || E'\n'
        || pg_catalog.format('<rect x="0" y="0" width="%s" height="%s" fill="#FFFFFF"/>', w, h) || E'\n'
        || pg_catalog.format('<text x="%s" y="24" text-anchor="middle" font-size="16" font-weight="bold" fill="#222222">%s</text>',
                             w / 2, @extschema@._xml_escape(title)) || E'\n'
$$;
COMMENT ON FUNCTION @extschema@._svg_open(integer, integer, text) IS 'internal: XML declaration, svg root (fonts), white background and title of a chart';

-- Legend of the six AQI levels (and "no data") in one row from (x, y).
CREATE FUNCTION @extschema@._svg_aqi_legend(x integer, y integer, standard @extschema@.standard) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT string_agg(pg_catalog.format('<rect x="%s" y="%s" width="14" height="14" fill="%s" stroke="#999999" stroke-width="0.5"/><text x="%s" y="%s" fill="#333333">%s</text>',
                                        x + (l.level - 1) * 84, y, l.color, x + (l.level - 1) * 84 + 18, y + 12,
                                        @extschema@._xml_escape(l.category_zh)), E'\n' ORDER BY l.level)
        || E'\n' || pg_catalog.format('<rect x="%s" y="%s" width="14" height="14" fill="#EEEEEE" stroke="#999999" stroke-width="0.5"/><text x="%s" y="%s" fill="#333333">无数据</text>',
                                      x + 6 * 84, y, x + 6 * 84 + 18, y + 12) || E'\n'
    FROM @extschema@._aqi_level_list() l WHERE l.standard = $3::text
$$;
COMMENT ON FUNCTION @extschema@._svg_aqi_legend(integer, integer, @extschema@.standard) IS 'internal: AQI level legend (eco.aqi_levels colours and categories)';

CREATE FUNCTION @extschema@.aqi_calendar_svg(site_or_area text, year integer, title text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    cells text;
    labels text;
    d0 date;
    d1 date;
BEGIN
    IF site_or_area IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'site_or_area and year are required' USING ERRCODE = '22023';
    END IF;
    IF year < 1 OR year > 9999 THEN
        RAISE EXCEPTION 'year out of range: %', year USING ERRCODE = '22023';
    END IF;
    d0 := make_date(year, 1, 1);
    d1 := make_date(year, 12, 31);
    -- One row per month (y = 50 + 20 (month - 1)), one column per day of the month (x = 60 + 18 (day - 1)).
    SELECT string_agg(pg_catalog.format('<rect x="%s" y="%s" width="17" height="19" fill="%s"><title>%s %s</title></rect>',
                                        60 + 18 * (extract(day FROM c.d)::int - 1),
                                        50 + 20 * (extract(month FROM c.d)::int - 1),
                                        COALESCE(s.color, '#EEEEEE'), to_char(c.d, 'YYYY-MM-DD'),
                                        CASE WHEN s.aqi IS NULL THEN '无数据'
                                             ELSE 'AQI ' || s.aqi || ' ' || @extschema@._xml_escape(s.category) END),
                      E'\n' ORDER BY c.d)
      INTO cells
      FROM (SELECT g::date AS d FROM generate_series(d0::timestamp, d1::timestamp, interval '1 day') g) c
      LEFT JOIN @extschema@.daily_aqi_series(site_or_area, daterange(d0, d1, '[]')) s ON s.day = c.d;
    SELECT string_agg(pg_catalog.format('<text x="54" y="%s" text-anchor="end" fill="#333333">%s月</text>', 50 + 20 * (m - 1) + 14, m),
                      E'\n' ORDER BY m)
           || E'\n' ||
           string_agg(pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>',
                                        60 + 18 * (m - 1) + 9, m), E'\n' ORDER BY m)
           || E'\n' ||
           string_agg(pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>',
                                        60 + 18 * (m + 12 - 1) + 9, m + 12), E'\n' ORDER BY m) FILTER (WHERE m <= 19)
      INTO labels FROM generate_series(1, 12) m;
    RETURN @extschema@._svg_open(640, 340, COALESCE(title, site_or_area || ' ' || year || '年空气质量日历'))
        || labels || E'\n'
        || pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>', 60 + 18 * 24 + 9, 25) || E'\n'
        || (SELECT string_agg(pg_catalog.format('<text x="%s" y="44" text-anchor="middle" font-size="10" fill="#666666">%s</text>',
                                                60 + 18 * (k - 1) + 9, k), E'\n' ORDER BY k) FROM generate_series(26, 31) k) || E'\n'
        || '<g stroke="none">' || E'\n' || cells || E'\n' || '</g>' || E'\n'
        || @extschema@._svg_aqi_legend(60, 300, @extschema@.standard_in_force('HJ633', d1))
        || '</svg>' || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.aqi_calendar_svg(text, integer, text) IS
    'AQI calendar of a year as an SVG 1.1 document: one cell per day (rows = months, columns = days) in the official colour of its AQI level (eco.aqi_levels), grey without data; for an air site (its code) or a city (area prefix, see eco.daily_aqi_series)';

CREATE FUNCTION @extschema@.aqi_monthly_svg(site_or_area text, year integer, title text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    bars text;
    axis text;
    d0 date;
    d1 date;
BEGIN
    IF site_or_area IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'site_or_area and year are required' USING ERRCODE = '22023';
    END IF;
    IF year < 1 OR year > 9999 THEN
        RAISE EXCEPTION 'year out of range: %', year USING ERRCODE = '22023';
    END IF;
    d0 := make_date(year, 1, 1);
    d1 := make_date(year, 12, 31);
    -- Plot area x 60..620, y 50..298 (31 days = 248 px, 8 px a day); bar m at x = 60 + 46 (m - 1) + 8, 30 wide;
    -- levels stacked from the bottom, level 1 first.
    SELECT string_agg(pg_catalog.format('<rect x="%s" y="%s" width="30" height="%s" fill="%s"><title>%s月 %s %s天</title></rect>',
                                        68 + 46 * (b.m - 1), 298 - 8 * b.cum, 8 * b.n, b.color, b.m,
                                        @extschema@._xml_escape(b.category), b.n), E'\n' ORDER BY b.m, b.level)
      INTO bars
      FROM (SELECT c.m, c.level, c.n, c.color, c.category,
                   sum(c.n) OVER (PARTITION BY c.m ORDER BY c.level) AS cum
            FROM (SELECT extract(month FROM s.day)::int AS m, s.level, count(*) AS n, min(s.color) AS color,
                         min(s.category) AS category
                  FROM @extschema@.daily_aqi_series(site_or_area, daterange(d0, d1, '[]')) s
                  WHERE s.level IS NOT NULL
                  GROUP BY 1, 2) c) b;
    SELECT string_agg(pg_catalog.format('<line x1="60" y1="%s" x2="620" y2="%s" stroke="#DDDDDD" stroke-width="1"/><text x="54" y="%s" text-anchor="end" fill="#666666">%s</text>',
                                        298 - 8 * k, 298 - 8 * k, 298 - 8 * k + 4, k), E'\n' ORDER BY k)
      INTO axis FROM generate_series(0, 30, 10) k;
    RETURN @extschema@._svg_open(640, 360, COALESCE(title, site_or_area || ' ' || year || '年各月空气质量级别天数'))
        || axis || E'\n'
        || '<text x="20" y="174" text-anchor="middle" fill="#666666" transform="rotate(-90 20 174)">天数</text>' || E'\n'
        || (SELECT string_agg(pg_catalog.format('<text x="%s" y="316" text-anchor="middle" fill="#333333">%s月</text>',
                                                83 + 46 * (m - 1), m), E'\n' ORDER BY m) FROM generate_series(1, 12) m) || E'\n'
        || '<g stroke="none">' || E'\n' || COALESCE(bars || E'\n', '') || '</g>' || E'\n'
        || '<line x1="60" y1="298" x2="620" y2="298" stroke="#333333" stroke-width="1"/>' || E'\n'
        || @extschema@._svg_aqi_legend(60, 330, @extschema@.standard_in_force('HJ633', d1))
        || '</svg>' || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.aqi_monthly_svg(text, integer, text) IS
    'monthly stacked bars of the days at each AQI level (official colours, eco.aqi_levels) as an SVG 1.1 document, for an air site or a city (area prefix)';

CREATE FUNCTION @extschema@.report_yoy_svg(area text, year integer, as_of date DEFAULT NULL, title text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    rows_svg text;
    n integer;
BEGIN
    IF area IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'area and year are required' USING ERRCODE = '22023';
    END IF;
    -- Headline indicators: the report's air and water figures that have both years and a change phrase.
    -- One block per indicator (46 px): last year (grey) and this year (blue), each scaled to the larger of the two
    -- (bars up to 260 px from x = 220), the values at the bar ends and the report's change phrase on the right.
    WITH h AS (
        SELECT row_number() OVER (ORDER BY a.seq)::int AS i, a.indicator, a.value, a.prev_value, a.unit, a.change
        FROM @extschema@.annual_report(report_yoy_svg.area, report_yoy_svg.year, report_yoy_svg.as_of) a
        WHERE a.section IN ('大气环境', '水环境') AND a.value IS NOT NULL AND a.prev_value IS NOT NULL
          AND a.change IS NOT NULL
    ), b AS (
        SELECT h.*, 60 + 46 * (h.i - 1) AS y, GREATEST(abs(h.value), abs(h.prev_value)) AS mx FROM h
    )
    SELECT count(*), string_agg(
        pg_catalog.format('<text x="212" y="%s" text-anchor="end" fill="#222222">%s</text>', b.y + 18, @extschema@._xml_escape(b.indicator)) || E'\n'
     || pg_catalog.format('<rect x="220" y="%s" width="%s" height="16" fill="#A0A0A0"/><text x="%s" y="%s" fill="#555555" font-size="11">%s</text>',
                          b.y, round(CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.prev_value) / b.mx END, 1),
                          round(224 + CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.prev_value) / b.mx END, 1), b.y + 13,
                          b.prev_value || COALESCE(b.unit, '')) || E'\n'
     || pg_catalog.format('<rect x="220" y="%s" width="%s" height="16" fill="#1F6FB4"/><text x="%s" y="%s" fill="#1F3F64" font-size="11">%s</text>',
                          b.y + 18, round(CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.value) / b.mx END, 1),
                          round(224 + CASE WHEN b.mx = 0 THEN 0 ELSE 260 * abs(b.value) / b.mx END, 1), b.y + 31,
                          b.value || COALESCE(b.unit, '')) || E'\n'
     || pg_catalog.format('<text x="600" y="%s" fill="%s">%s</text>', b.y + 22,
                          CASE WHEN b.change LIKE '%改善%' THEN '#008A00' WHEN b.change LIKE '%恶化%' THEN '#C00000' ELSE '#333333' END,
                          @extschema@._xml_escape(b.change)),
        E'\n' ORDER BY b.i)
      INTO n, rows_svg FROM b;
    RETURN @extschema@._svg_open(760, 80 + 46 * GREATEST(n, 1),
                                 COALESCE(title, year || '年主要指标同比' || CASE WHEN as_of IS NULL THEN '' ELSE '（截至' || to_char(LEAST(as_of, make_date(year, 12, 31)), 'YYYY-MM-DD') || '）' END))
        || pg_catalog.format('<rect x="220" y="34" width="12" height="10" fill="#A0A0A0"/><text x="236" y="44" fill="#333333">%s年</text>', year - 1) || E'\n'
        || pg_catalog.format('<rect x="300" y="34" width="12" height="10" fill="#1F6FB4"/><text x="316" y="44" fill="#333333">%s年</text>', year) || E'\n'
        || COALESCE(rows_svg || E'\n', '<text x="380" y="80" text-anchor="middle" fill="#666666">无可比数据</text>' || E'\n')
        || '</svg>' || E'\n';
END
$$;
COMMENT ON FUNCTION @extschema@.report_yoy_svg(text, integer, date, text) IS
    'year-on-year bar chart (SVG 1.1) of the headline air and water indicators of eco.annual_report: last year and this year per indicator with the report''s change phrase';

-- ===================================================================
-- Maps: RFC 7946 GeoJSON and Mapbox vector tiles.
-- Storage is CGCS2000 (SRID 4490); output is WGS 84 (RFC 7946 §4), the frames agreeing to a few centimetres
-- (as eco.site states): coordinates are relabelled, never shifted.  Longitude, latitude with 6 decimals
-- (about 0.1 m); polygons with the right-hand rule (RFC 7946 §3.1.6); no "crs" member.
-- The bodies name PostGIS by its schema: written with @pg@ and created by this DO block.
-- ===================================================================
DO $do$
DECLARE
    g text := @extschema@._postgis_schema();
BEGIN
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@._geojson_geometry(geom @pg@.geometry) RETURNS json
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        RETURN @pg@.ST_AsGeoJSON(@pg@.ST_ForcePolygonCCW(@pg@.ST_SetSRID(geom, 4326)), 6)::json
    $sql$, '@pg@', g);
    EXECUTE replace($sql$
    COMMENT ON FUNCTION @extschema@._geojson_geometry(@pg@.geometry) IS
        'internal: RFC 7946 geometry of a CGCS2000 geometry (WGS 84 longitude/latitude, 6 decimals, counter-clockwise exterior rings)'
    $sql$, '@pg@', g);
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@._geojson_feature(id text, geom @pg@.geometry, properties json) RETURNS json
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        RETURN json_build_object('type', 'Feature', 'id', id, 'geometry', @extschema@._geojson_geometry(geom),
                                 'properties', properties)
    $sql$, '@pg@', g);
    EXECUTE replace($sql$
    COMMENT ON FUNCTION @extschema@._geojson_feature(text, @pg@.geometry, json) IS
        'internal: an RFC 7946 Feature of the GeoJSON functions (id, geometry as eco._geojson_geometry, properties)'
    $sql$, '@pg@', g);

    -- Air sites with the day's AQI.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.sites_geojson(day date, area text DEFAULT '') RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT s.code, @extschema@._geojson_feature(s.code, s.geom, json_build_object(
                      'code', s.code, 'name', s.name, 'area', s.area, 'control_level', s.control_level,
                      'day', $1, 'aqi', a.aqi, 'level', a.aqi_level, 'category', a.aqi_category,
                      'color', l.color, 'primary_pollutants', a.primary_pollutants, 'standard', a.aqi_standard::text)) AS feature
              FROM @extschema@.site s
              LEFT JOIN @extschema@.air_daily a ON a.site_code = s.code AND a.day = $1
              LEFT JOIN @extschema@._aqi_level_list() l ON l.standard = a.aqi_standard::text AND l.level = a.aqi_level
              WHERE s.kind = 'air' AND s.geom IS NOT NULL AND starts_with(s.area, COALESCE($2, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Water sections with the class of a year.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.sections_geojson(year integer, area text DEFAULT '') RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT s.code, @extschema@._geojson_feature(s.code, s.geom, json_build_object(
                      'code', s.code, 'name', s.name, 'area', s.area, 'control_level', s.control_level,
                      'water_body', s.water_body, 'year', $1,
                      'target_class', @extschema@.water_class_label(s.target_class),
                      'class', @extschema@.water_class_label(e.water_class), 'status', e.status,
                      'color', c.color, 'target_met', e.target_met, 'main_pollutants', NULLIF(e.main_pollutants_label, ''),
                      'samples', e.samples)) AS feature
              FROM @extschema@.site s
              LEFT JOIN @extschema@.section_evaluation(make_date($1, 1, 1)::timestamp, make_date($1 + 1, 1, 1)::timestamp) e
                     ON e.section_code = s.code
              LEFT JOIN @extschema@.water_class_colors c ON c.water_class OPERATOR(@extschema@.=) e.water_class
              WHERE s.kind = 'water' AND s.geom IS NOT NULL AND starts_with(s.area, COALESCE($2, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Outfalls with type, status and remediation action.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.outfalls_geojson(area text DEFAULT '') RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT o.code, @extschema@._geojson_feature(o.code, o.geom, json_build_object(
                      'code', o.code, 'name', o.name, 'area', o.area, 'outfall_kind', o.outfall_kind,
                      'receiving_water', o.receiving_water, 'type', o.type::text,
                      'type_level1', @extschema@.outfall_type_level1(o.type)::text,
                      'status', o.status, 'action', o.action,
                      'stage', o.status || COALESCE('（' || o.action || '）', ''), 'status_date', o.status_date,
                      'pre_campaign', o.pre_campaign)) AS feature
              FROM @extschema@.outfall o
              WHERE o.geom IS NOT NULL AND starts_with(o.area, COALESCE($1, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Land parcels with their soil survey status.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.parcels_geojson(area text DEFAULT '') RETURNS json
        LANGUAGE sql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT json_build_object('type', 'FeatureCollection', 'features',
                                 COALESCE(json_agg(f.feature ORDER BY f.code), '[]'::json))
        FROM (SELECT p.code, @extschema@._geojson_feature(p.code, p.geom, json_build_object(
                      'code', p.code, 'name', p.name, 'area', p.area, 'current_use', p.current_use,
                      'planned_use', p.planned_use, 'land_class', p.land_class, 'change_year', p.change_year,
                      'survey_status', p.survey_status)) AS feature
              FROM @extschema@.land_parcel p
              WHERE p.geom IS NOT NULL AND starts_with(p.area, COALESCE($1, ''))) f
    $fn$$sql$, '@pg@', g);

    -- Vector tile: layers "sites" (air sites, the day's AQI) and "outfalls", features in code order (same data, same bytes).
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.aqi_tile(z integer, x integer, y integer, query_params json DEFAULT NULL)
        RETURNS bytea
        LANGUAGE plpgsql STABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        env @pg@.geometry;
        box @pg@.geometry;
        d date;
        a text := COALESCE(query_params->>'area', '');
        sites bytea;
        outfalls bytea;
    BEGIN
        IF z IS NULL OR x IS NULL OR y IS NULL THEN
            RETURN NULL;
        END IF;
        IF z < 0 OR z > 30 OR x < 0 OR y < 0 OR x >= (1::bigint << z) OR y >= (1::bigint << z) THEN
            RAISE EXCEPTION USING ERRCODE = '22003',
                MESSAGE = pg_catalog.format('tile %s/%s/%s is out of range', z, x, y),
                HINT = 'z is 0..30, x and y are 0..2^z - 1.';
        END IF;
        BEGIN
            d := (query_params->>'day')::date;
        EXCEPTION WHEN invalid_datetime_format OR datetime_field_overflow THEN
            RAISE EXCEPTION USING ERRCODE = '22P02',
                MESSAGE = pg_catalog.format('invalid day in query_params: "%s"', query_params->>'day');
        END;
        IF d IS NULL THEN
            SELECT max(ad.day) INTO d FROM @extschema@.air_daily ad WHERE ad.aqi IS NOT NULL;
        END IF;
        env := @pg@.ST_TileEnvelope(z, x, y);
        -- the tile and its 64/4096 buffer, in longitude/latitude (4490) for the GiST indexes
        box := @pg@.ST_SetSRID(@pg@.ST_Transform(@pg@.ST_TileEnvelope(z, x, y, margin => 64.0 / 4096), 4326), 4490);
        SELECT @pg@.ST_AsMVT(t.*, 'sites', 4096, 'geom') INTO sites
        FROM (SELECT @pg@.ST_AsMVTGeom(@pg@.ST_Transform(@pg@.ST_SetSRID(s.geom, 4326), 3857), env, 4096, 64, true) AS geom,
                     s.code, s.name, da.aqi, da.aqi_level AS level, da.aqi_category AS category, l.color, to_char(d, 'YYYY-MM-DD') AS day
              FROM @extschema@.site s
              LEFT JOIN @extschema@.air_daily da ON da.site_code = s.code AND da.day = d
              LEFT JOIN @extschema@._aqi_level_list() l ON l.standard = da.aqi_standard::text AND l.level = da.aqi_level
              WHERE s.kind = 'air' AND s.geom OPERATOR(@pg@.&&) box AND starts_with(s.area, a)
              ORDER BY s.code) t
        WHERE t.geom IS NOT NULL;
        SELECT @pg@.ST_AsMVT(t.*, 'outfalls', 4096, 'geom') INTO outfalls
        FROM (SELECT @pg@.ST_AsMVTGeom(@pg@.ST_Transform(@pg@.ST_SetSRID(o.geom, 4326), 3857), env, 4096, 64, true) AS geom,
                     o.code, o.name, o.type::text AS type, o.status, o.action, o.receiving_water
              FROM @extschema@.outfall o
              WHERE o.geom OPERATOR(@pg@.&&) box AND starts_with(o.area, a)
              ORDER BY o.code) t
        WHERE t.geom IS NOT NULL;
        RETURN COALESCE(sites, ''::bytea) || COALESCE(outfalls, ''::bytea);
    END
    $fn$$sql$, '@pg@', g);

    -- The features of GeoJSON layers with their map symbol: a point with a "color" is a circle (air sites, legend =
    -- AQI category) or, with a "class" property, a diamond (water sections, legend = class); a point without
    -- colour is a small grey square (outfalls); polygons are filled with their colour or sand (parcels); lines blue.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@._map_features(layers json[])
        RETURNS TABLE (li bigint, fi bigint, geom @pg@.geometry, symbol text, color text, label text, legend text, legend_order integer)
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
        SELECT l.li, e.fi, gg.geom, s.symbol, c.color,
               @extschema@._xml_escape(concat_ws(' ', p->>'code', p->>'name', p->>'category', p->>'class', p->>'status',
                                                 p->>'survey_status')),
               CASE s.symbol WHEN 'circle' THEN concat_ws(' ', '空气站', p->>'category')
                             WHEN 'diamond' THEN concat_ws(' ', '断面', p->>'class')
                             WHEN 'square' THEN CASE WHEN p->'outfall_kind' IS NOT NULL THEN '排污口' ELSE '点' END
                             WHEN 'polygon' THEN CASE WHEN p->'survey_status' IS NOT NULL THEN '地块' ELSE '面' END
                             ELSE '线' END,
               CASE s.symbol WHEN 'circle' THEN 100 WHEN 'diamond' THEN 200 WHEN 'square' THEN 300 WHEN 'polygon' THEN 400
                             ELSE 500 END
               + CASE WHEN (p->>'level') ~ '^[0-9]{1,2}$' THEN (p->>'level')::integer ELSE 0 END
        FROM unnest(layers) WITH ORDINALITY AS l(fc, li)
        CROSS JOIN LATERAL (SELECT l.fc::jsonb->'features' AS fs) lf
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(lf.fs) = 'array' THEN lf.fs ELSE '[]' END)
                           WITH ORDINALITY AS e(feat, fi)
        CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(e.feat->'properties') = 'object' THEN e.feat->'properties'
                                        ELSE '{}' END AS p) pp(p)
        CROSS JOIN LATERAL (SELECT @pg@.ST_GeomFromGeoJSON(e.feat->>'geometry') AS geom) gg
        CROSS JOIN LATERAL (SELECT CASE WHEN (p->>'color') ~ '^#[0-9A-Fa-f]{6}$' THEN p->>'color' END AS color) c
        CROSS JOIN LATERAL (SELECT CASE WHEN @pg@.GeometryType(gg.geom) IN ('POLYGON', 'MULTIPOLYGON') THEN 'polygon'
                                        WHEN @pg@.GeometryType(gg.geom) IN ('POINT', 'MULTIPOINT') AND c.color IS NULL THEN 'square'
                                        WHEN @pg@.GeometryType(gg.geom) IN ('POINT', 'MULTIPOINT') AND p->'class' IS NOT NULL THEN 'diamond'
                                        WHEN @pg@.GeometryType(gg.geom) IN ('POINT', 'MULTIPOINT') THEN 'circle'
                                        ELSE 'line' END AS symbol) s
        WHERE jsonb_typeof(e.feat->'geometry') = 'object'
    $fn$$sql$, '@pg@', g);
    EXECUTE replace($sql$
    COMMENT ON FUNCTION @extschema@._map_features(json[]) IS
        'internal: the features of GeoJSON layers for eco.map_svg: geometry, map symbol, colour, tooltip and legend entry'
    $sql$, '@pg@', g);

    -- Static map: layers of GeoJSON drawn as SVG (equirectangular, x scaled by cos of the mid latitude), with a legend.
    EXECUTE replace($sql$
    CREATE FUNCTION @extschema@.map_svg(layers json[], title text DEFAULT NULL, width integer DEFAULT 800,
                                        height integer DEFAULT 600)
        RETURNS text
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
        SET search_path = pg_catalog, pg_temp
        AS $fn$
    DECLARE
        ext @pg@.box2d;
        k double precision;
        kx double precision;
        x0 double precision;
        y1 double precision;
        body text;
        legend text;
        n_items integer;
        per_row integer;
        lh integer;
        bottom integer;
    BEGIN
        IF width IS NULL OR height IS NULL OR width < 100 OR height < 100 OR width > 10000 OR height > 10000 THEN
            RAISE EXCEPTION 'map size must be 100..10000 pixels: % x %', width, height USING ERRCODE = '22023';
        END IF;
        -- Legend: one entry (symbol, colour, words) per distinct kind, 130 px each, as many rows as needed at the bottom.
        per_row := GREATEST(1, (width - 40) / 130);
        SELECT count(*), string_agg(
                   CASE x.symbol
                       WHEN 'circle' THEN pg_catalog.format('<circle cx="%s" cy="%s" r="6" fill="%s" stroke="#333333" stroke-width="1"/>',
                                                            x.lx + 7, x.ly + 7, x.color)
                       WHEN 'diamond' THEN pg_catalog.format('<path d="M %s %s L %s %s L %s %s L %s %s Z" fill="%s" stroke="#333333" stroke-width="1"/>',
                                                             x.lx + 7, x.ly, x.lx + 14, x.ly + 7, x.lx + 7, x.ly + 14, x.lx, x.ly + 7, x.color)
                       WHEN 'square' THEN pg_catalog.format('<rect x="%s" y="%s" width="6" height="6" fill="#444444"/>', x.lx + 4, x.ly + 4)
                       WHEN 'polygon' THEN pg_catalog.format('<rect x="%s" y="%s" width="14" height="10" fill="%s" fill-opacity="0.75" stroke="#7A6A40" stroke-width="1"/>',
                                                             x.lx, x.ly + 2, COALESCE(x.color, '#E8D9A8'))
                       ELSE pg_catalog.format('<path d="M %s %s L %s %s" stroke="#3366AA" stroke-width="1.5"/>', x.lx, x.ly + 7, x.lx + 14, x.ly + 7) END
                   || pg_catalog.format('<text x="%s" y="%s" fill="#333333">%s</text>', x.lx + 20, x.ly + 12, @extschema@._xml_escape(x.legend)),
                   E'\n' ORDER BY x.n)
          INTO n_items, legend
          FROM (SELECT d.*, 20 + 130 * ((d.n - 1) % per_row) AS lx,
                       height - 10 - 20 * (((max(d.n) OVER ()) - 1) / per_row + 1) + 20 * ((d.n - 1) / per_row) AS ly
                FROM (SELECT u.*, row_number() OVER (ORDER BY u.legend_order, u.legend COLLATE "C", u.color COLLATE "C") AS n
                      FROM (SELECT DISTINCT f.symbol, CASE WHEN f.symbol IN ('square', 'line') THEN NULL ELSE f.color END AS color,
                                   f.legend, f.legend_order
                            FROM @extschema@._map_features(layers) f) u) d) x;
        lh := CASE WHEN n_items > 0 THEN 20 * ((n_items - 1) / per_row + 1) + 6 ELSE 0 END;
        IF height - 20 - lh - 50 < 50 THEN      -- no room for both: the map wins, the legend is left out
            legend := NULL;
            lh := 0;
        END IF;
        bottom := height - 20 - lh;
        SELECT @pg@.ST_Extent(f.geom) INTO ext FROM @extschema@._map_features(layers) f;
        IF ext IS NULL THEN
            body := NULL;
        ELSE
            -- Scale: the larger span fits; a lone point gets a 0.01-degree frame.  Plot area 20..width-20, 50..bottom.
            kx := cos(radians((@pg@.ST_YMin(ext) + @pg@.ST_YMax(ext)) / 2));
            k := LEAST((width - 40) / GREATEST((@pg@.ST_XMax(ext) - @pg@.ST_XMin(ext)) * kx, 0.01),
                       (bottom - 50) / GREATEST(@pg@.ST_YMax(ext) - @pg@.ST_YMin(ext), 0.01));
            x0 := 20 + ((width - 40) - (@pg@.ST_XMax(ext) - @pg@.ST_XMin(ext)) * kx * k) / 2 - @pg@.ST_XMin(ext) * kx * k;
            y1 := 50 + ((bottom - 50) - (@pg@.ST_YMax(ext) - @pg@.ST_YMin(ext)) * k) / 2 + @pg@.ST_YMax(ext) * k;
            -- ST_AsSVG writes -y: the affine map sends latitude to -(y1 - lat k), drawn at y1 - lat k.
            SELECT string_agg(CASE f.symbol
                       WHEN 'polygon' THEN
                           pg_catalog.format('<path d="%s" fill="%s" fill-opacity="0.75" stroke="#7A6A40" stroke-width="1"><title>%s</title></path>',
                                             @pg@.ST_AsSVG(f.tg, 0, 1), COALESCE(f.color, '#E8D9A8'), f.label)
                       WHEN 'circle' THEN
                           pg_catalog.format('<circle cx="%s" cy="%s" r="7" fill="%s" stroke="#333333" stroke-width="1"><title>%s</title></circle>',
                                             f.px, f.py, f.color, f.label)
                       WHEN 'diamond' THEN
                           pg_catalog.format('<path d="M %s %s L %s %s L %s %s L %s %s Z" fill="%s" stroke="#333333" stroke-width="1"><title>%s</title></path>',
                                             f.px, f.py - 8, f.px + 8, f.py, f.px, f.py + 8, f.px - 8, f.py, f.color, f.label)
                       WHEN 'square' THEN
                           pg_catalog.format('<rect x="%s" y="%s" width="6" height="6" fill="#444444"><title>%s</title></rect>',
                                             f.px - 3, f.py - 3, f.label)
                       ELSE pg_catalog.format('<path d="%s" fill="none" stroke="#3366AA" stroke-width="1.5"><title>%s</title></path>',
                                              @pg@.ST_AsSVG(f.tg, 0, 1), f.label) END,
                       E'\n' ORDER BY f.symbol <> 'polygon', f.li, f.fi)
              INTO body
              FROM (SELECT m.li, m.fi, m.symbol, m.color, m.label, a.tg,
                           round(@pg@.ST_X(@pg@.ST_PointOnSurface(a.tg))::numeric, 1) AS px,
                           round(-@pg@.ST_Y(@pg@.ST_PointOnSurface(a.tg))::numeric, 1) AS py
                    FROM @extschema@._map_features(layers) m
                    CROSS JOIN LATERAL (SELECT @pg@.ST_Affine(m.geom, kx * k, 0, 0, k, x0, -y1) AS tg) a) f;
        END IF;
        RETURN @extschema@._svg_open(width, height, COALESCE(title, '地图'))
            || pg_catalog.format('<rect x="10" y="40" width="%s" height="%s" fill="#F4F8FB" stroke="#99AABB" stroke-width="1"/>', width - 20, bottom - 30) || E'\n'
            || COALESCE(body || E'\n', '')
            || COALESCE(legend || E'\n', '')
            || '</svg>' || E'\n';
    END
    $fn$$sql$, '@pg@', g);
END
$do$;
COMMENT ON FUNCTION @extschema@.sites_geojson(date, text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the air sites of an area prefix with the day''s AQI, level, category and official colour (eco.aqi_levels); CGCS2000 storage relabelled';
COMMENT ON FUNCTION @extschema@.sections_geojson(integer, text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the water sections of an area prefix with the class of the year (eco.section_evaluation), status and class colour (eco.water_class_colors)';
COMMENT ON FUNCTION @extschema@.outfalls_geojson(text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the outfalls of an area prefix with type (HJ 1312), status, remediation action, stage (status with its action, e.g. 整治中（取缔）) and the date of the stage';
COMMENT ON FUNCTION @extschema@.parcels_geojson(text) IS
    'RFC 7946 FeatureCollection (WGS 84) of the land parcels of an area prefix with planned use, GB 36600 land class and soil survey status';
COMMENT ON FUNCTION @extschema@.map_svg(json[], text, integer, integer) IS
    'static map (SVG 1.1) of GeoJSON FeatureCollections with a legend: polygons first, then points in layer order; a point with a "color" is a circle (a "class" property: a diamond), without one a grey square; equirectangular, fitted to the data''s extent';
COMMENT ON FUNCTION @extschema@.aqi_tile(integer, integer, integer, json) IS
    'Mapbox vector tile of tile z/x/y (Web Mercator) with layers sites (air sites, AQI, level, category, colour of the day) and outfalls (type, status, action); query_params {"day": "YYYY-MM-DD", "area": prefix}, default day = latest with an AQI; the signature pg_tileserv and Martin call';
-- ===================================================================
-- Upgrade 0.1.0 -> 0.2.0: the report layer in sections.
-- eco.section_evaluation takes the standard argument last (default eco.water_default_standard()), as every
-- water function does; a fourth argument with a default next to the 0.1.0 function would make every shorter call
-- ambiguous, so the 0.1.0 signature goes and every 0.1.0 call (two or three arguments) resolves to the new one.
-- eco.annual_report assembles one small function per section (eco._report_<section>); its rows are unchanged.
-- The statements are copied from src/sql/30_water.sql and src/sql/90_annual_report.sql.  This piece sorts after
-- 70_sources_report.sql: its eco.annual_report is the final definition.
-- ===================================================================
DROP FUNCTION @extschema@.section_evaluation(timestamp, timestamp, double precision);
-- from src/sql/30_water.sql: function eco.section_evaluation(timestamp, timestamp, double precision, eco.standard)
CREATE OR REPLACE FUNCTION @extschema@.section_evaluation(period_from timestamp, period_to timestamp,
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
-- from src/sql/90_annual_report.sql: function eco.air_summary(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@.air_summary(area text, period daterange)
    RETURNS TABLE (ord integer, indicator text, name_zh text, value numeric, unit text,
                   valid_days integer, days integer, capture numeric,
                   prev_value numeric, prev_valid_days integer, prev_days integer, prev_capture numeric,
                   change numeric, change_phrase text)
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    prv daterange;
    std @extschema@.standard;
BEGIN
    IF isempty(period) OR lower_inf(period) OR upper_inf(period) THEN
        RAISE EXCEPTION 'period must be a bounded, non-empty date range: %', period USING ERRCODE = '22023';
    END IF;
    prv := @extschema@.same_period_last_year(period);
    -- Both years with the edition in force at the start of the current period, so the change compares like with like.
    std := @extschema@.standard_in_force('GB3095', lower(period));
    RETURN QUERY
    WITH per(tag, r) AS (VALUES ('cur', period), ('prev', prv)),
    -- City value of a day: the mean over the area's air sites whose daily value is valid (HJ 663 city
    -- evaluation: the arithmetic mean of the valid sites, not the worst site).
    city AS (
        SELECT per.tag, a.day,
               avg(a.so2::numeric) FILTER (WHERE a.so2_valid) AS so2,
               avg(a.no2::numeric) FILTER (WHERE a.no2_valid) AS no2,
               avg(a.co::numeric) FILTER (WHERE a.co_valid) AS co,
               avg(a.pm10::numeric) FILTER (WHERE a.pm10_valid) AS pm10,
               avg(a.pm25::numeric) FILTER (WHERE a.pm25_valid) AS pm25,
               avg(a.o3_8h::numeric) FILTER (WHERE a.o3_8h_valid) AS o3_8h,
               avg(a.o3_1h::numeric) FILTER (WHERE a.o3_1h IS NOT NULL) AS o3_1h,
               bool_or(a.dust) AS dust
        FROM per
        JOIN @extschema@.air_daily a ON a.day <@ per.r
        JOIN @extschema@.site s ON s.code = a.site_code
        WHERE s.kind = 'air' AND starts_with(s.area, air_summary.area)
        GROUP BY per.tag, a.day
    ),
    -- City AQI of a day from the city concentrations, under the HJ 633 edition in force that day; a good day
    -- (优良) is one of AQI level 1 or 2 (the AQI bounds of the levels live in the C table, view eco.aqi_levels).
    day_aqi AS (
        SELECT c.*, r.aqi, r.level AS aqi_level
        FROM city c
        CROSS JOIN LATERAL @extschema@.daily_aqi(so2 => c.so2::float8, no2 => c.no2::float8, co => c.co::float8,
                                                 pm10 => c.pm10::float8, pm25 => c.pm25::float8,
                                                 o3_8h => c.o3_8h::float8, o3_1h => c.o3_1h::float8,
                                                 standard => @extschema@.standard_in_force('HJ633', c.day)) r
    ),
    -- Period statistics.  PM and the composite index leave dust days out; the good-days ratio keeps them (§7).
    stats AS (
        SELECT per.tag, (upper(per.r) - lower(per.r))::integer AS ndays,
               avg(d.pm25) FILTER (WHERE NOT d.dust) AS pm25, count(d.pm25) FILTER (WHERE NOT d.dust) AS n_pm25,
               avg(d.pm10) FILTER (WHERE NOT d.dust) AS pm10, count(d.pm10) FILTER (WHERE NOT d.dust) AS n_pm10,
               avg(d.so2) AS so2, count(d.so2) AS n_so2,
               avg(d.no2) AS no2, count(d.no2) AS n_no2,
               @extschema@.percentile(d.co::float8, 0.95)::numeric AS co, count(d.co) AS n_co,
               @extschema@.percentile(d.o3_8h::float8, 0.90)::numeric AS o3, count(d.o3_8h) AS n_o3,
               count(*) FILTER (WHERE d.aqi_level <= 2) AS good, count(d.aqi) AS n_aqi,
               count(*) FILTER (WHERE NOT d.dust AND d.so2 IS NOT NULL AND d.no2 IS NOT NULL AND d.co IS NOT NULL
                                  AND d.pm10 IS NOT NULL AND d.pm25 IS NOT NULL AND d.o3_8h IS NOT NULL) AS n_all
        FROM per LEFT JOIN day_aqi d ON d.tag = per.tag
        GROUP BY per.tag, per.r
    ),
    ind AS (SELECT i.ord, i.code, i.name_zh, i.unit, i.decimals, i.change_kind FROM @extschema@.report_indicators i),
    -- Published (rounded) statistics, then the composite index from them (城市环境空气质量排名技术规定,
    -- 环办〔2014〕64号: I_sum = Σ C_i / S_i over the six pollutants; year-on-year changes on the published figures).
    figs AS (
        SELECT s.tag, s.ndays, f.code, @extschema@.gbt8170_round(f.raw, i.decimals) AS v, f.n::integer AS n
        FROM stats s
        CROSS JOIN LATERAL (VALUES ('PM2.5', s.pm25, s.n_pm25), ('PM10', s.pm10, s.n_pm10), ('SO2', s.so2, s.n_so2),
                                   ('NO2', s.no2, s.n_no2), ('CO', s.co, s.n_co), ('O3', s.o3, s.n_o3),
                                   -- the ratio unrounded (rounded once, below, per GB/T 8170)
                                   ('good_days_ratio', s.good::numeric OPERATOR(pg_catalog.*) 100
                                       OPERATOR(pg_catalog./) NULLIF(s.n_aqi, 0), s.n_aqi))
                           AS f(code, raw, n)
        JOIN ind i ON i.code = f.code
    ),
    comp AS (
        SELECT f.tag, min(f.ndays) AS ndays, 'composite_index' AS code,
               @extschema@.gbt8170_round(@extschema@.composite_index(
                   max(f.v) FILTER (WHERE f.code = 'SO2')::float8, max(f.v) FILTER (WHERE f.code = 'NO2')::float8,
                   max(f.v) FILTER (WHERE f.code = 'PM10')::float8, max(f.v) FILTER (WHERE f.code = 'PM2.5')::float8,
                   max(f.v) FILTER (WHERE f.code = 'CO')::float8, max(f.v) FILTER (WHERE f.code = 'O3')::float8,
                   std)::numeric,
                   (SELECT i.decimals FROM ind i WHERE i.code = 'composite_index')) AS v,
               (SELECT s.n_all::integer FROM stats s WHERE s.tag = f.tag) AS n
        FROM figs f GROUP BY f.tag
    ),
    allf AS (SELECT f.tag, f.ndays, f.code, f.v, f.n FROM figs f
             UNION ALL SELECT c.tag, c.ndays, c.code, c.v, c.n FROM comp c)
    SELECT i.ord, i.code, i.name_zh, c.v, i.unit,
           c.n, c.ndays, @extschema@.share(c.n, c.ndays),
           p.v, p.n, p.ndays, @extschema@.share(p.n, p.ndays),
           @extschema@.change_rounded(c.v, p.v, i.change_kind),
           @extschema@.change_phrase(c.v, p.v, i.change_kind)
    FROM ind i
    JOIN allf c ON c.code = i.code AND c.tag = 'cur'
    JOIN allf p ON p.code = i.code AND p.tag = 'prev'
    ORDER BY i.ord;
END
$$;
COMMENT ON FUNCTION @extschema@.air_summary(text, daterange) IS
    'air figures of an area for a period and the same period last year (see eco.report_indicators): city value = mean over valid sites per day; values rounded per GB/T 8170 as published; changes from the published values; capture = valid days / calendar days';
-- from src/sql/90_annual_report.sql: function eco._report_air(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_air(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT s.ord, '大气环境', s.name_zh, s.value, s.unit, s.prev_value, s.change_phrase,
           pg_catalog.format('数据有效率%s%%（%s/%s天），上年同期%s%%', s.capture, s.valid_days, s.days, s.prev_capture)
    FROM @extschema@.air_summary(_report_air.area, _report_air.period) s
    WHERE s.indicator IN ('PM2.5', 'PM10', 'good_days_ratio', 'composite_index')
    ORDER BY s.ord
    $$;
COMMENT ON FUNCTION @extschema@._report_air(text, daterange) IS
    'section 大气环境 of eco.annual_report: the headline indicators of eco.air_summary with their data capture';
-- from src/sql/90_annual_report.sql: function eco._report_water(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_water(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH e AS (
        SELECT x.tag, v.section_code, v.water_class, v.target_met, v.main_pollutants_label,
               v.water_class OPERATOR(@extschema@.<=) 'III'::@extschema@.water_class AS good,
               v.water_class OPERATOR(@extschema@.=) '劣V'::@extschema@.water_class AS worst
        FROM (VALUES ('cur', _report_water.period),
                     ('prev', @extschema@.same_period_last_year(_report_water.period))) AS x(tag, per)
        CROSS JOIN LATERAL @extschema@.section_evaluation(lower(x.per)::timestamp, upper(x.per)::timestamp, 1,
                                                          @extschema@.water_default_standard()) v
        JOIN @extschema@.site st ON st.code = v.section_code
        WHERE st.kind = 'water' AND st.target_class IS NOT NULL AND starts_with(st.area, _report_water.area)
    ),
    r AS (
        SELECT count(*) FILTER (WHERE e.tag = 'cur') AS n,
               count(*) FILTER (WHERE e.tag = 'cur' AND e.target_met) AS met,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'cur' AND e.target_met),
                                 count(*) FILTER (WHERE e.tag = 'cur')) AS met_share,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'cur' AND e.good),
                                 count(*) FILTER (WHERE e.tag = 'cur')) AS good_share,
               count(*) FILTER (WHERE e.tag = 'cur' AND e.worst) AS worst,
               count(*) FILTER (WHERE e.tag = 'prev') AS p_n,
               count(*) FILTER (WHERE e.tag = 'prev' AND e.target_met) AS p_met,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'prev' AND e.target_met),
                                 count(*) FILTER (WHERE e.tag = 'prev')) AS p_met_share,
               @extschema@.share(count(*) FILTER (WHERE e.tag = 'prev' AND e.good),
                                 count(*) FILTER (WHERE e.tag = 'prev')) AS p_good_share,
               count(*) FILTER (WHERE e.tag = 'prev' AND e.worst) AS p_worst,
               string_agg(e.section_code || '（' || @extschema@.water_class_label(e.water_class)
                          || COALESCE('，' || NULLIF(e.main_pollutants_label, ''), '') || '）', '、'
                          ORDER BY e.section_code) FILTER (WHERE e.tag = 'cur' AND NOT e.target_met) AS failing
        FROM e
    )
    SELECT l.* FROM r CROSS JOIN LATERAL (VALUES
        (1, '水环境', '考核断面', r.n::numeric, '个', r.p_n::numeric, NULL::text, NULL::text),
        (2, '水环境', '达到考核目标断面比例', r.met_share, '%', r.p_met_share,
         @extschema@.change_phrase(r.met_share, r.p_met_share, 'pp_higher_better'),
         pg_catalog.format('%s个断面中%s个达标', r.n, r.met)),
        (3, '水环境', 'Ⅰ～Ⅲ类水质断面比例', r.good_share, '%', r.p_good_share,
         @extschema@.change_phrase(r.good_share, r.p_good_share, 'pp_higher_better'), NULL),
        (4, '水环境', '劣Ⅴ类断面', r.worst, '个', r.p_worst, NULL, NULL),
        (5, '水环境', '未达标断面', r.n - r.met, '个', r.p_n - r.p_met, NULL, r.failing)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_water(text, daterange) IS
    'section 水环境 of eco.annual_report: the assessed sections (eco.site kind water with a target class) by eco.section_evaluation, this year and the same period last year';
-- from src/sql/90_annual_report.sql: function eco._report_outfalls(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_outfalls(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN @extschema@.outfall_progress(_report_outfalls.area, upper(_report_outfalls.period) - 1) r ON true
    CROSS JOIN LATERAL (VALUES
        (1, '入河排污口', '排查排污口', r.outfalls::numeric, '个', NULL::numeric, NULL::text,
         pg_catalog.format('排查%s个，其中核查确认非排口%s个、专项行动前已整治%s个、纳入分类整治%s个'
                           '（已完成%s个，整治中%s个）', r.outfalls, r.non_outfalls, r.pre_campaign,
                           r.classified, r.done, r.in_progress)
         || CASE WHEN r.suspected > 0 THEN pg_catalog.format('，尚待核查%s个', r.suspected) ELSE '' END),
        (2, '入河排污口', '核查确认非排口', r.non_outfalls, '个', NULL, NULL, NULL),
        (3, '入河排污口', '专项行动前已整治', r.pre_campaign, '个', NULL, NULL, NULL),
        (4, '入河排污口', '纳入分类整治', r.classified, '个', NULL, NULL, NULL),
        (5, '入河排污口', '已完成整治', r.done, '个', NULL, NULL,
         pg_catalog.format('取缔%s个、清理合并%s个、规范整治%s个', r.done_abolish, r.done_merge, r.done_regularize)),
        (6, '入河排污口', '整治中', r.in_progress, '个', NULL, NULL, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_outfalls(text, daterange) IS
    'section 入河排污口 of eco.annual_report: the outfall survey and remediation stages of eco.outfall_progress on the last day of the period';
-- from src/sql/90_annual_report.sql: function eco._report_sources(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_sources(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH r AS (
        SELECT count(DISTINCT x.mn) FILTER (WHERE p.tag = 'cur') AS outlets,
               count(*) FILTER (WHERE p.tag = 'cur') AS runs,
               COALESCE(sum(x.hours) FILTER (WHERE p.tag = 'cur'), 0) AS hours,
               count(DISTINCT x.mn) FILTER (WHERE p.tag = 'prev') AS p_outlets,
               COALESCE(sum(x.hours) FILTER (WHERE p.tag = 'prev'), 0) AS p_hours
        FROM (VALUES ('cur', _report_sources.period),
                     ('prev', @extschema@.same_period_last_year(_report_sources.period))) AS p(tag, per)
        CROSS JOIN LATERAL @extschema@.outlet_exceedance_runs(_report_sources.area,
                               tsrange(lower(p.per)::timestamp, upper(p.per)::timestamp)) x
    ),
    o AS (SELECT count(*) AS n FROM @extschema@.outlet o WHERE starts_with(o.area, _report_sources.area))
    SELECT l.* FROM r CROSS JOIN o CROSS JOIN LATERAL (VALUES
        (1, '污染源在线监控', '在线监控排放口', o.n::numeric, '个', NULL::numeric, NULL::text, NULL::text),
        (2, '污染源在线监控', '超标排放口', r.outlets, '个', r.p_outlets,
         NULL, pg_catalog.format('小时均值超标%s次（连续超标时段）', r.runs)),
        (3, '污染源在线监控', '超标小时数', r.hours, '小时', r.p_hours, NULL, NULL)) AS l
    WHERE o.n > 0
    $$;
COMMENT ON FUNCTION @extschema@._report_sources(text, daterange) IS
    'section 污染源在线监控 of eco.annual_report: monitored outlets, outlets with hourly exceedances and exceedance hours (eco.outlet_exceedance_runs); no rows when the area has no monitored outlet';
-- from src/sql/90_annual_report.sql: function eco._report_soil(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_soil(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT s.ord, '土壤环境', '变更为第一类用地地块（' || s.status || '）', count(p.code)::numeric, '块',
           NULL::numeric, NULL::text, NULL::text
    FROM (VALUES (1, '未开展'), (2, '调查中'), (3, '报告已编制'), (4, '已通过评审')) AS s(ord, status)
    LEFT JOIN @extschema@.land_parcel p
           ON p.survey_status = s.status AND p.change_year = extract(year FROM lower(_report_soil.period))::integer
          AND p.land_class = 1 AND starts_with(p.area, _report_soil.area)
    GROUP BY s.ord, s.status ORDER BY s.ord
    $$;
COMMENT ON FUNCTION @extschema@._report_soil(text, daterange) IS
    'section 土壤环境 of eco.annual_report: parcels changing in the year of the period to first-class land, by survey status';
-- from src/sql/90_annual_report.sql: function eco._report_rectification(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_rectification(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH s AS (SELECT * FROM @extschema@.rectification_summary(_report_rectification.area,
                                                                upper(_report_rectification.period) - 1))
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN s r ON r.level = '合计'
    CROSS JOIN LATERAL (VALUES
        (1, '督察整改', '交办问题', r.findings::numeric, '个', NULL::numeric, NULL::text,
         (SELECT string_agg(s.level || s.findings, '、') FROM s WHERE s.level <> '合计')),
        (2, '督察整改', '已完成整改', r.closed, '个', NULL, NULL, NULL),
        (3, '督察整改', '未到期（整改中）', r.open_not_due, '个', NULL, NULL, NULL),
        (4, '督察整改', '逾期未完成', r.overdue, '个', NULL, NULL, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_rectification(text, daterange) IS
    'section 督察整改 of eco.annual_report: inspection findings by level, closed, open and overdue on the last day of the period (eco.rectification_summary)';
-- from src/sql/90_annual_report.sql: function eco._report_complaints(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_complaints(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH s AS (SELECT * FROM @extschema@.complaint_summary(_report_complaints.area, _report_complaints.period))
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN s r ON r.dimension = 'total'
    CROSS JOIN LATERAL (VALUES
        (1, '信访投诉', '受理信访投诉', r.complaints::numeric, '件', r.prev_complaints::numeric, r.change,
         '按渠道：' || COALESCE((SELECT string_agg(s.key || s.complaints, '、') FROM s
                                  WHERE s.dimension = 'channel' AND s.complaints > 0), '无')
         || '；按类别：' || COALESCE((SELECT string_agg(s.key || s.complaints, '、') FROM s
                                      WHERE s.dimension = 'category' AND s.complaints > 0), '无')),
        (2, '信访投诉', '办结率', r.closure_rate, '%', NULL, NULL, pg_catalog.format('办结%s件', r.closed))) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_complaints(text, daterange) IS
    'section 信访投诉 of eco.annual_report: complaints received (by channel and category, change on last year) and the closure rate (eco.complaint_summary)';
-- from src/sql/90_annual_report.sql: function eco._report_inspections(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_inspections(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN @extschema@.inspection_summary(_report_inspections.area, _report_inspections.period) r ON true
    CROSS JOIN LATERAL (VALUES
        (1, '双随机抽查', '抽查企业', r.checks::numeric, '家', NULL::numeric, NULL::text,
         pg_catalog.format('抽取%s次，已检查%s家', r.draws, r.inspected)),
        (2, '双随机抽查', '发现问题企业', r.with_problems, '家', NULL, NULL, NULL),
        (3, '双随机抽查', '问题发现率', r.problem_rate, '%', NULL, NULL, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_inspections(text, daterange) IS
    'section 双随机抽查 of eco.annual_report: enterprises drawn, with problems and the problem rate (eco.inspection_summary)';
-- from src/sql/90_annual_report.sql: function eco._report_enforcement(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_enforcement(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT l.* FROM (SELECT) AS one
    LEFT JOIN @extschema@.enforcement_summary(_report_enforcement.area, _report_enforcement.period) r ON true
    CROSS JOIN LATERAL (VALUES
        (1, '行政执法', '行政处罚案件', r.cases::numeric, '件', r.prev_cases::numeric, r.cases_change, NULL::text),
        (2, '行政执法', '罚没金额', r.penalty, '元', r.prev_penalty, r.penalty_change, NULL)) AS l
    $$;
COMMENT ON FUNCTION @extschema@._report_enforcement(text, daterange) IS
    'section 行政执法 of eco.annual_report: penalty cases and amounts with the change on last year (eco.enforcement_summary)';
-- from src/sql/90_annual_report.sql: function eco._report_offsets(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_offsets(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.ordinality::integer, '总量指标', r.pollutant || '削减量', r.reduction_tpa, 't/a', NULL::numeric, NULL::text,
           pg_catalog.format('倍量替代可腾出%s t/a，已用于%s个项目，剩余%s t/a',
                             round(r.freed_tpa, 2), r.projects, round(r.remaining_tpa, 2))
    FROM @extschema@.offset_summary(_report_offsets.area, 2, upper(_report_offsets.period) - 1) WITH ORDINALITY r
    ORDER BY r.ordinality
    $$;
COMMENT ON FUNCTION @extschema@._report_offsets(text, daterange) IS
    'section 总量指标 of eco.annual_report: reductions per pollutant and what doubled offsetting (倍量替代) frees, on the last day of the period (eco.offset_summary)';
-- from src/sql/90_annual_report.sql: function eco._report_approvals(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_approvals(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.ordinality::integer, '审批服务', r.kind || r.category, r.approvals::numeric, '件', r.prev_approvals::numeric,
           r.change, NULL::text
    FROM @extschema@.approval_summary(_report_approvals.area, _report_approvals.period) WITH ORDINALITY r
    ORDER BY r.ordinality
    $$;
COMMENT ON FUNCTION @extschema@._report_approvals(text, daterange) IS
    'section 审批服务 of eco.annual_report: approvals per kind and category with the change on last year (eco.approval_summary)';
-- from src/sql/90_annual_report.sql: function eco._report_tasks(text, daterange)
CREATE OR REPLACE FUNCTION @extschema@._report_tasks(area text, period daterange)
    RETURNS TABLE (ord integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.ordinality::integer, '重点任务', r.program, r.done::numeric, '项', NULL::numeric, NULL::text,
           pg_catalog.format('完成%s/%s，完成率%s%%', r.done, r.planned, r.share)
    FROM @extschema@.task_progress(_report_tasks.area, extract(year FROM lower(_report_tasks.period))::integer,
                                   upper(_report_tasks.period) - 1) WITH ORDINALITY r
    ORDER BY r.ordinality
    $$;
COMMENT ON FUNCTION @extschema@._report_tasks(text, daterange) IS
    'section 重点任务 of eco.annual_report: key tasks done per programme by the last day of the period (eco.task_progress)';
-- from src/sql/90_annual_report.sql: function eco.annual_report(text, integer, date)
CREATE OR REPLACE FUNCTION @extschema@.annual_report(area text, year integer, as_of date DEFAULT NULL)
    RETURNS TABLE (seq integer, section text, indicator text, value numeric, unit text,
                   prev_value numeric, change text, detail text)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    upto date;
    p daterange;
BEGIN
    IF area IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'area and year are required' USING ERRCODE = '22023';
    END IF;
    IF year < 1 OR year > 9999 THEN
        RAISE EXCEPTION 'year out of range: %', year USING ERRCODE = '22023';
    END IF;
    upto := LEAST(COALESCE(as_of, make_date(year, 12, 31)), make_date(year, 12, 31));
    IF upto < make_date(year, 1, 1) THEN
        RAISE EXCEPTION 'as_of % is before the year %', as_of, year USING ERRCODE = '22023';
    END IF;
    p := daterange(make_date(year, 1, 1), upto, '[]');
    RETURN QUERY
    SELECT (row_number() OVER (ORDER BY s.part, s.ord))::integer, s.section, s.indicator, s.value, s.unit,
           s.prev_value, s.change, s.detail
    FROM (SELECT 1 AS part, r.* FROM @extschema@._report_air(area, p) r
          UNION ALL SELECT 2, r.* FROM @extschema@._report_water(area, p) r
          UNION ALL SELECT 3, r.* FROM @extschema@._report_outfalls(area, p) r
          UNION ALL SELECT 4, r.* FROM @extschema@._report_sources(area, p) r
          UNION ALL SELECT 5, r.* FROM @extschema@._report_soil(area, p) r
          UNION ALL SELECT 6, r.* FROM @extschema@._report_rectification(area, p) r
          UNION ALL SELECT 7, r.* FROM @extschema@._report_complaints(area, p) r
          UNION ALL SELECT 8, r.* FROM @extschema@._report_inspections(area, p) r
          UNION ALL SELECT 9, r.* FROM @extschema@._report_enforcement(area, p) r
          UNION ALL SELECT 10, r.* FROM @extschema@._report_offsets(area, p) r
          UNION ALL SELECT 11, r.* FROM @extschema@._report_approvals(area, p) r
          UNION ALL SELECT 12, r.* FROM @extschema@._report_tasks(area, p) r) s
    ORDER BY 1;
END
$$;
COMMENT ON FUNCTION @extschema@.annual_report(text, integer, date) IS
    'the annual work summary of an area: one row per indicator (section, indicator, value, unit, value of the same period last year, change phrase, detail) from 1 January to as_of (default 31 December)';
