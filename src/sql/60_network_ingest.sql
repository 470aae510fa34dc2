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
CROSS JOIN LATERAL @extschema@.aqi_realtime_report(so2 => h.so2, no2 => h.no2, co => h.co, o3 => h.o3, pm10 => h.pm10,
                                                   pm25 => h.pm25, so2_24h => n.so2_24h, standard => s.std) r
WHERE n.aqi IS DISTINCT FROM r.aqi;
COMMENT ON VIEW @extschema@.network_aqi_mismatch IS
    'station-hours whose published real-time AQI differs from the one eco.aqi_realtime_report computes from the stored 1-h means (convention ''published'', the HJ 633 edition in force on the hour''s report day); rows of the sites the user can see';
GRANT SELECT ON @extschema@.network_aqi_mismatch TO PUBLIC;
