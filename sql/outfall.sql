\set VERBOSITY terse
SET search_path = eco, public;
-- HJ 1312-2023 outfall types: the hierarchy as typed in C.
SELECT id, level, parent, name, verified FROM eco.outfall_types;
-- Input by Chinese name at any level; level-1 ancestor.
SELECT t, t::eco.outfall_type AS type, eco.outfall_type_level(t::eco.outfall_type) AS level,
       eco.outfall_type_level1(t::eco.outfall_type) AS level1, eco.outfall_type_level2(t::eco.outfall_type) AS level2
FROM unnest(ARRAY['工业排污口', '工矿企业排污口', '矿山排污口', '尾矿库雨洪排口', '工业及其他各类园区污水处理厂排污口',
                  '城镇污水处理厂排污口', '农业排口', '规模化水产养殖排污口', '其他排口', '港口码头排口',
                  '规模以下畜禽养殖排污口', ' 矿山 排污口 ']) AS t;
-- Unverified subtypes go behind the documented 'other' rows.
SELECT t, t::eco.outfall_type AS type, eco.outfall_type_level1(t::eco.outfall_type) AS level1
FROM unnest(ARRAY['农村生活污水散排口', '城镇雨洪排口', '规模以下水产养殖排污口', '农村污水处理设施排污口',
                  '其他排口/其他', '工业排污口（其他）', '农业排口(其他)']) AS t;
-- Comparison and grouping.
SELECT '矿山排污口'::eco.outfall_type = '矿山排污口'::eco.outfall_type AS eq,
       '工业排污口'::eco.outfall_type < '矿山排污口'::eco.outfall_type AS lt;
SELECT 'nonsense'::eco.outfall_type;
SELECT ''::eco.outfall_type;
-- Text output reads back to the same id for every type (pg_dump writes text); binary round trip too.
SELECT count(*) AS types,
       count(*) FILTER (WHERE eco._outfall_type_send(name::eco.outfall_type) = int2send(id) AND type::text = name) AS text_round_trip
FROM eco.outfall_types;
-- Binary files go to this test's own results directory (the client writes them: \copy).
\getenv abs_builddir PG_ABS_BUILDDIR
\cd :abs_builddir
\copy (SELECT type FROM eco.outfall_types ORDER BY id) TO 'results/outfall_type.bin' (FORMAT binary)
CREATE TEMP TABLE ot_bin (t eco.outfall_type);
\copy ot_bin FROM 'results/outfall_type.bin' (FORMAT binary)
SELECT count(*) AS rows, bool_and(b.t = e.type) AS equal
FROM (SELECT t, row_number() OVER () AS n FROM ot_bin) b
JOIN (SELECT type, row_number() OVER (ORDER BY id) AS n FROM eco.outfall_types) e USING (n);
\copy (SELECT 13::smallint) TO 'results/outfall_type_bad.bin' (FORMAT binary)
\copy ot_bin FROM 'results/outfall_type_bad.bin' (FORMAT binary)
-- Lifecycle.
SELECT * FROM eco.outfall_lifecycle;
-- The transition check called directly: a missing or unknown status is 23514 too.
SELECT eco._outfall_check_transition('X1', NULL, NULL, false);
SELECT eco._outfall_check_transition('X1', '疑似', '销号', false);
SELECT eco._outfall_check_transition('X1', 'bogus', '疑似', false);
SELECT eco._outfall_check_transition('X1', NULL, '整治中', false) AS new_row_any_stage;
-- The lists of the family are typed once, in C: the views, the validators of the CHECK constraints and the hints.
SELECT * FROM eco.outfall_statuses;
SELECT * FROM eco.outfall_actions;
SELECT * FROM eco.parcel_survey_statuses;
SELECT * FROM eco.protection_zone_levels;
\set VERBOSITY default
SELECT 'nonsense'::eco.outfall_type;
SELECT eco._outfall_check_transition('X1', 'bogus', '疑似', false);
SELECT eco._outfall_status_known('销号');
SELECT eco._outfall_action_known('关停');
SELECT eco._parcel_survey_status_known('已完成');
SELECT eco._protection_zone_level_known('三级');
\set VERBOSITY terse
SELECT eco._outfall_status_known('已完成') AND eco._outfall_action_known('取缔')
       AND eco._parcel_survey_status_known('未开展') AS known;
