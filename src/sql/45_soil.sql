-- ===================================================================
-- Soil screening: GB 36600-2018 (construction land) and GB 15618-2018
-- (agricultural land).  The limits are the C tables of src/core/soil.c,
-- shown through the views eco.soil_limits and eco.farmland_limits.
-- The land-parcel register (eco.land_parcel) is in 40_sites.sql.
-- ===================================================================

-- The item of eco.soil_screen and eco.farmland_screen: an eco.pollutant (as in 0.1.0), or text read in the
-- context of the function's standard, as that standard writes its items: '滴滴涕' is GB 36600-2018 Table 2 item 25
-- under GB 36600 and 滴滴涕总量 under GB 15618 (an untyped literal picks the text form).  Each function's family
-- has one default edition, the same in both forms (test/pgtap/soil.sql checks it).
CREATE FUNCTION @extschema@.soil_screen(pollutant @extschema@.pollutant, value double precision,
    land_class integer, background double precision DEFAULT NULL,
    standard @extschema@.standard DEFAULT 'GB36600-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_screen' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.soil_screen(pollutant text, value double precision,
    land_class integer, background double precision DEFAULT NULL,
    standard @extschema@.standard DEFAULT 'GB36600-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_screen_text' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.farmland_screen(pollutant @extschema@.pollutant, value double precision,
    ph double precision, land_use text, standard @extschema@.standard DEFAULT 'GB15618-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_farmland_screen' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.farmland_screen(pollutant text, value double precision,
    ph double precision, land_use text, standard @extschema@.standard DEFAULT 'GB15618-2018')
    RETURNS text
    AS 'MODULE_PATHNAME', 'soil_farmland_screen_text' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.soil_screen(@extschema@.pollutant, double precision, integer, double precision, @extschema@.standard) IS
    'GB 36600-2018 screening of a construction-land soil result (mg/kg), the item given as an eco.pollutant: below_screening (≤ screening value), between, above_intervention (> intervention value), or within_background (As, Co, V above screening but ≤ the background given); land_class 1, 2, or NULL when the planned use is not settled (first-class values)';
COMMENT ON FUNCTION @extschema@.soil_screen(text, double precision, integer, double precision, @extschema@.standard) IS
    'GB 36600-2018 screening of a construction-land soil result (mg/kg), the item named as the standard writes it (eco.soil_limits.item: 滴滴涕 is Table 2 item 25) or by any eco.pollutant input mapped to soil: below_screening (≤ screening value), between, above_intervention (> intervention value), or within_background (As, Co, V above screening but ≤ the background given); land_class 1, 2, or NULL when the planned use is not settled (first-class values)';
COMMENT ON FUNCTION @extschema@.farmland_screen(@extschema@.pollutant, double precision, double precision, text, @extschema@.standard) IS
    'GB 15618-2018 screening of an agricultural soil result (mg/kg), the item given as an eco.pollutant: 优先保护 (优先保护类), 安全利用 (安全利用类), 严格管控 (严格管控类), or monitor (加强监测: above screening, no intervention value); land_use paddy, orchard, other or rotation; NULL pH gives NULL for pH-dependent items';
COMMENT ON FUNCTION @extschema@.farmland_screen(text, double precision, double precision, text, @extschema@.standard) IS
    'GB 15618-2018 screening of an agricultural soil result (mg/kg), the item named as the standard writes it (eco.farmland_limits.item; 滴滴涕 and 六六六 are 滴滴涕总量 and 六六六总量) or by any eco.pollutant input mapped to soil: 优先保护 (优先保护类), 安全利用 (安全利用类), 严格管控 (严格管控类), or monitor (加强监测: above screening, no intervention value); land_use paddy, orchard, other or rotation; NULL pH gives NULL for pH-dependent items';

CREATE FUNCTION @extschema@._soil_limits_list(
    OUT pollutant_id smallint, OUT tbl smallint, OUT row_no smallint,
    OUT screening_1 double precision, OUT screening_2 double precision,
    OUT intervention_1 double precision, OUT intervention_2 double precision, OUT background_rule boolean,
    OUT item text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'soil_limits_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 85;
COMMENT ON FUNCTION @extschema@._soil_limits_list() IS 'rows of the C table behind eco.soil_limits';
CREATE VIEW @extschema@.soil_limits AS
    SELECT p.pollutant, p.name_zh, p.name_en, p.cas, l.tbl AS "table", l.row_no,
           l.screening_1, l.screening_2, l.intervention_1, l.intervention_2, l.background_rule, l.item
    FROM @extschema@._soil_limits_list() l
    JOIN @extschema@.pollutants p ON p.id = l.pollutant_id
    ORDER BY l.tbl, l.row_no;
COMMENT ON VIEW @extschema@.soil_limits IS
    'GB 36600-2018 Tables 1 (45 basic items) and 2 (40 other items): screening and intervention values (mg/kg) for first- and second-class land; item is the name as the standard writes it';
GRANT SELECT ON @extschema@.soil_limits TO PUBLIC;

CREATE FUNCTION @extschema@._farmland_limits_list(
    OUT pollutant_id smallint, OUT tbl smallint, OUT kind text, OUT land_type text,
    OUT ph_le_5_5 double precision, OUT ph_5_5_to_6_5 double precision,
    OUT ph_6_5_to_7_5 double precision, OUT ph_gt_7_5 double precision, OUT item text)
    RETURNS SETOF record
    AS 'MODULE_PATHNAME', 'farmland_limits_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;
COMMENT ON FUNCTION @extschema@._farmland_limits_list() IS 'rows of the C table behind eco.farmland_limits';
CREATE VIEW @extschema@.farmland_limits AS
    SELECT p.pollutant, p.name_zh, l.tbl AS "table", l.kind, l.land_type,
           l.ph_le_5_5, l.ph_5_5_to_6_5, l.ph_6_5_to_7_5, l.ph_gt_7_5, l.item
    FROM @extschema@._farmland_limits_list() l
    JOIN @extschema@.pollutants p ON p.id = l.pollutant_id;
COMMENT ON VIEW @extschema@.farmland_limits IS
    'GB 15618-2018 Table 1 (screening, by pH band and land type), Table 2 (screening, pH-independent) and Table 3 (intervention), mg/kg; a band edge belongs to the lower band; item is the name as the standard writes it';
GRANT SELECT ON @extschema@.farmland_limits TO PUBLIC;
