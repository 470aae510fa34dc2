-- ===================================================================
-- Pollution sources and their online monitoring (HJ 212-2017 packets).
--   eco.hj212_parse / eco.hj212_values   read one packet (src/core/hj212.c)
--   eco.hj212_items, hj212_flags, hj212_kinds   the C tables as views
--   eco.pollution_source, eco.outlet, eco.outlet_limit   sources, outlets, limits
--   eco.hj212_staging (\copy target) -> eco.hj212_ingest -> eco.outlet_reading / eco.hj212_reject
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

CREATE FUNCTION @extschema@._hj212_pollutant(code text) RETURNS @extschema@.pollutant
    AS 'MODULE_PATHNAME', 'hj212_code_pollutant' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._hj212_pollutant(text) IS
    'the eco.pollutant of an HJ 212 item code (2017 or 2005), NULL when the registry has no such item';

CREATE FUNCTION @extschema@._hj212_item_list(OUT code text, OUT legacy_code text, OUT name_zh text, OUT unit text,
    OUT verified boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_item_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION @extschema@._hj212_item_list() IS 'rows of the C table behind eco.hj212_items';
CREATE VIEW @extschema@.hj212_items AS
    SELECT i.code, i.legacy_code, @extschema@._hj212_pollutant(i.code) AS pollutant, i.name_zh, i.unit, i.verified
    FROM @extschema@._hj212_item_list() i;
COMMENT ON VIEW @extschema@.hj212_items IS
    'HJ 212 item codes accepted in packets: the 2017 code, the HJ/T 212-2005 code still sent by older devices (mapped to the same item), the eco.pollutant when the registry has the item, the unit as transmitted; verified = false marks rows resting on a single source';

CREATE FUNCTION @extschema@._hj212_flag_list(OUT flag text, OUT meaning text, OUT valid boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_flag_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 8;
COMMENT ON FUNCTION @extschema@._hj212_flag_list() IS 'rows of the C table behind eco.hj212_flags';
CREATE VIEW @extschema@.hj212_flags AS SELECT * FROM @extschema@._hj212_flag_list();
COMMENT ON VIEW @extschema@.hj212_flags IS
    'HJ 212-2017 data flags: N normal, F stopped, M maintenance, S set value, D fault, C calibration, T over the upper limit, B communication fault; valid = N or S';

CREATE FUNCTION @extschema@._hj212_kind_list(OUT ord integer, OUT kind text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_kind_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 9;
COMMENT ON FUNCTION @extschema@._hj212_kind_list() IS 'rows of the C table behind eco.hj212_kinds';
CREATE VIEW @extschema@.hj212_kinds AS SELECT * FROM @extschema@._hj212_kind_list();
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
-- Staged lines.  Users \copy into eco.hj212_staging: a partitioned table without row-level security (COPY FROM
-- refuses a table with row-level security; a view would need a per-row trigger) on which every role may insert the
-- column line only (staged_by takes CURRENT_USER and cannot be set) and none may read.  Its one partition
-- eco.hj212_staging_lines holds the lines, with row-level security: each role sees, ingests and deletes its own.
CREATE TABLE @extschema@.hj212_staging (
    id        bigint GENERATED ALWAYS AS IDENTITY,
    line      text,
    staged_by name NOT NULL DEFAULT CURRENT_USER
) PARTITION BY RANGE (id);
COMMENT ON TABLE @extschema@.hj212_staging IS
    'copy target of raw HJ 212 packet lines as platforms log them, one per line: \copy eco.hj212_staging (line) FROM ''file''; every role may insert the column line (staged_by is set to the caller) and none may read it: the lines are in eco.hj212_staging_lines until eco.hj212_ingest consumes them';
CREATE TABLE @extschema@.hj212_staging_lines PARTITION OF @extschema@.hj212_staging DEFAULT;
-- A b-tree, not a BRIN: the ranges of freshly copied lines are not summarized, so a BRIN index would hand every
-- batch the whole table.
CREATE INDEX hj212_staging_lines_id ON @extschema@.hj212_staging_lines (id);
COMMENT ON TABLE @extschema@.hj212_staging_lines IS
    'the staged lines of eco.hj212_staging (its partition), with the role that staged them; a role sees, ingests and deletes only its own';

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
    'packets refused by eco.hj212_ingest with the raw line and the reason: framing, length, crc, syntax, timestamp, unknown code (detail keeps the code), split packet (bad PNUM/PNO, or a set still incomplete when the staged lines end: one row per part), unknown MN, unsupported command';

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
    -- DataTime first: packets arrive in time order, so the key is appended at the right end of the index
    PRIMARY KEY (data_time, mn, cn)
) PARTITION BY RANGE (data_time);
COMMENT ON TABLE @extschema@.outlet_reading IS
    'one HJ 212 data packet per row: outlet MN, data type CN (2011 real-time, 2051 minute, 2061 hourly, 2031 daily), DataTime (local time as sent); codes[i] the 2017 item codes, flags the data flag of item i at position i (- when none), vals[i][k] the value of field k (eco.hj212_kinds); revision counts the times a packet of the same key replaced it; partitioned by DataTime, keyed by (data_time, mn, cn)';
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
GRANT INSERT (line) ON @extschema@.hj212_staging TO PUBLIC;
ALTER TABLE @extschema@.hj212_staging_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY hj212_staging_lines_own ON @extschema@.hj212_staging_lines
    USING (staged_by = CURRENT_USER) WITH CHECK (staged_by = CURRENT_USER);
COMMENT ON POLICY hj212_staging_lines_own ON @extschema@.hj212_staging_lines IS
    'a role sees, ingests and deletes only the lines it staged';
GRANT SELECT, DELETE ON @extschema@.hj212_staging_lines TO PUBLIC;
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
SELECT pg_catalog.pg_extension_config_dump('@extschema@.hj212_staging_id_seq', '');
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
CREATE FUNCTION @extschema@._hj212_pending(
    OUT mn text, OUT cn smallint, OUT data_time timestamp, OUT area text, OUT qn text, OUT codes text[],
    OUT flags text, OUT vals double precision[], OUT eflags text[], OUT sample_times timestamp[], OUT legacy boolean)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'hj212_pending' LANGUAGE C VOLATILE ROWS 20000;
COMMENT ON FUNCTION @extschema@._hj212_pending() IS
    'the readings of the batch eco.hj212_ingest is storing in this session (no rows outside it)';

CREATE FUNCTION @extschema@.hj212_ingest(batch_size integer DEFAULT 20000, progress boolean DEFAULT false,
    OUT given bigint, OUT loaded bigint, OUT rejected bigint, OUT duplicate bigint, OUT replaced bigint,
    OUT reassembled bigint)
    AS 'MODULE_PATHNAME', 'hj212_ingest' LANGUAGE C VOLATILE
    SET search_path = pg_catalog, pg_temp
    -- a batch's readings stay in memory (eco._hj212_pending); staging is read by id range through its index,
    -- whatever its (usually stale: freshly copied) statistics say
    SET work_mem = '64MB'
    SET enable_seqscan = off
    -- each batch's statements are planned with 20,000 rows: JIT would compile them anew every batch
    SET jit = off;
COMMENT ON FUNCTION @extschema@.hj212_ingest(integer, boolean) IS
    'parse, validate and store the caller''s staged lines (eco.hj212_staging_lines, consumed) in batches of batch_size lines: each line lands in eco.outlet_reading or eco.hj212_reject with its reason; parts of split packets (PNUM, PNO) are joined into one reading, a set still incomplete at the end is rejected part by part; same MN, CN and DataTime again is idempotent (the last staged wins); returns given = loaded + rejected (lines), of the readings the duplicates (already stored, repeated in the batch, or a part sent twice) and the replaced (same key, new values), and the lines joined from split packets; progress => true reports each batch as a NOTICE';

-- ---------- compliance ----------
-- Values compared with the limits: one row per outlet, limited item and packet of a data type.
CREATE FUNCTION @extschema@._outlet_limit_values(area text, period tsrange, data_type integer)
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
    -- a plain parameter, so that postgres_fdw sends the area filter to the shards with the join
    WHERE starts_with(r.area, $1) AND r.data_time <@ $2 AND r.cn = $3 AND x.i IS NOT NULL
$$;
COMMENT ON FUNCTION @extschema@._outlet_limit_values(text, tsrange, integer) IS
    'internal: eco.outlet_limit_values for an area prefix that is not NULL';
CREATE FUNCTION @extschema@.outlet_limit_values(area text, period tsrange, data_type integer DEFAULT 2061)
    RETURNS TABLE (mn text, code text, data_time timestamp, value double precision, flag text, valid boolean,
                   limit_value numeric, unit text, standard text, converted boolean, exceeded boolean)
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    -- NULL or '' area = every area the caller may see; NULL in another argument gives no rows
    SELECT * FROM @extschema@._outlet_limit_values(COALESCE($1, ''), $2, $3)
$$;
COMMENT ON FUNCTION @extschema@.outlet_limit_values(text, tsrange, integer) IS
    'each Avg of a limited item in the packets of a data type (2061 hourly, 2031 daily) of the period: the converted concentration (ZsAvg, or Avg converted with the packet''s O2 as C x (21 - O2ref) / (21 - O2)) where the limit has a reference oxygen; valid = flag N; exceeded = valid and above the limit';

CREATE FUNCTION @extschema@.outlet_exceedances(area text, period tsrange, data_type integer DEFAULT 2061)
    RETURNS TABLE (mn text, source text, outlet_code text, code text, pollutant @extschema@.pollutant,
                   data_time timestamp, value double precision, limit_value numeric, unit text, standard text,
                   multiple numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
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
    LANGUAGE sql STABLE PARALLEL SAFE
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
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH d AS (
        SELECT o.mn, l.code, g.day::date AS day
        FROM @extschema@.outlet o
        JOIN @extschema@.outlet_limit l ON l.mn = o.mn
        CROSS JOIN LATERAL generate_series(lower($2)::timestamp, (upper($2) - 1)::timestamp, interval '1 day') AS g(day)
        WHERE starts_with(o.area, COALESCE($1, '')) AND NOT lower_inf($2) AND NOT upper_inf($2)
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
