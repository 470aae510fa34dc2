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
    USING (role_name OPERATOR(pg_catalog.=) CURRENT_USER OR role_name OPERATOR(pg_catalog.=) 'public'::name
           OR pg_catalog.pg_has_role(CURRENT_USER, pg_catalog.to_regrole(pg_catalog.quote_ident(role_name)), 'MEMBER'));
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

-- ---------- reference views: readable by every role that can use the extension (every install piece) ----------
GRANT SELECT ON @extschema@.pollutants, @extschema@.standards, @extschema@.aqi_breakpoints, @extschema@.aqi_levels,
    @extschema@.aqi_sensitive_groups, @extschema@.air_limits, @extschema@.spearman_critical_values,
    @extschema@.water_limits, @extschema@.outfall_types, @extschema@.outfall_lifecycle, @extschema@.soil_limits,
    @extschema@.farmland_limits TO PUBLIC;

-- ---------- NaN and infinity are 22023 naming the argument (src/sql/50_report.sql, src/sql/40_sites.sql) ----------
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
COMMENT ON TABLE @extschema@.outfall_history IS
    'every status transition (and every change of action) of an outfall, written only by the trigger of eco.outfall';
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
CREATE TRIGGER outfall_log AFTER UPDATE ON @extschema@.outfall
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.action IS DISTINCT FROM NEW.action
                       OR OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION @extschema@._outfall_log();
COMMENT ON TRIGGER outfall_log ON @extschema@.outfall IS
    'appends every change of status or action to eco.outfall_history, every change of code to eco.outfall_code_change';
REVOKE INSERT ON @extschema@.outfall_history FROM PUBLIC;
REVOKE USAGE ON SEQUENCE @extschema@.outfall_history_id_seq FROM PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_code_change', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.outfall_code_change_id_seq', '');
ALTER TABLE @extschema@.outfall_code_change ENABLE ROW LEVEL SECURITY;
CREATE POLICY outfall_code_change_by_area ON @extschema@.outfall_code_change
    USING (@extschema@.area_visible(area)) WITH CHECK (@extschema@.area_visible(area));
COMMENT ON POLICY outfall_code_change_by_area ON @extschema@.outfall_code_change IS
    'rows of the areas granted to the role in eco.area_grant (prefix match)';
GRANT SELECT ON @extschema@.outfall_code_change TO PUBLIC;
REVOKE ALL ON SEQUENCE @extschema@.outfall_code_change_id_seq FROM PUBLIC;

-- ---------- outfall lifecycle: 销号 stored as 已完成; pre_campaign fixed past 核查确认 (src/sql/40_sites.sql) ----------
CREATE FUNCTION @extschema@._outfall_status_name(status text) RETURNS text
    AS 'MODULE_PATHNAME', 'outfall_status_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._outfall_status_name(text) IS
    'canonical name of an outfall status (销号 is 已完成); ERROR 23514 for an unknown status';
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
