\set VERBOSITY terse
SET search_path = eco, public;
-- A small data set around a city on the Yangtze (area codes 4207xx).
-- Sites: SRID 4490 and 4326 accepted (4326 stored as 4490).
INSERT INTO eco.site (code, name, kind, control_level, area, geom) VALUES
    ('A01', '市监测站', 'air', '国控', '420702', ST_SetSRID(ST_MakePoint(114.8903, 30.3907), 4490)),
    ('A02', '城东站', 'air', '国控', '420702', ST_SetSRID(ST_MakePoint(114.9270, 30.3850), 4326)),
    ('A03', '葛店站', 'air', '省控', '420704', ST_SetSRID(ST_MakePoint(114.6520, 30.5200), 4490)),
    ('A04', '华容站', 'air', '市控', '420703', ST_SetSRID(ST_MakePoint(114.7330, 30.5340), 4326)),
    ('W01', '三江港断面', 'water', '国控', '420702', ST_SetSRID(ST_MakePoint(114.8740, 30.4280), 4490)),
    ('W02', '燕矶断面', 'water', '省控', '420703', ST_SetSRID(ST_MakePoint(114.9700, 30.3600), 4490)),
    ('X01', '背景点', 'other', NULL, '420704', NULL);
SELECT code, ST_SRID(geom) AS srid, ST_AsText(geom) AS wkt FROM eco.site WHERE code ~ '^[AWX]0' ORDER BY code;
SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns
WHERE f_table_schema = 'eco' AND f_table_name IN ('site', 'protection_zone', 'outfall', 'land_parcel') ORDER BY f_table_name;
-- Errors 22023: other SRID, not a point, empty, out of range; also on UPDATE.
INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('E1', 'x', 'air', '420702', ST_SetSRID(ST_MakePoint(114.9, 30.4), 3857));
INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('E2', 'x', 'air', '420702', ST_MakePoint(114.9, 30.4));
INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('E3', 'x', 'air', '420702',
    ST_SetSRID('LINESTRING(114 30, 115 31)'::geometry, 4490));
INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('E4', 'x', 'air', '420702', ST_SetSRID('POINT EMPTY'::geometry, 4490));
INSERT INTO eco.site (code, name, kind, area, geom) VALUES ('E5', 'x', 'air', '420702', ST_SetSRID(ST_MakePoint(30.4, 114.9), 4490));
UPDATE eco.site SET geom = ST_SetSRID(ST_MakePoint(114.9, 30.4), 4214) WHERE code = 'A01';
UPDATE eco.site SET geom = ST_SetSRID(ST_MakePoint(114.8910, 30.3910), 4326) WHERE code = 'A01';
SELECT ST_SRID(geom), ST_AsText(geom) FROM eco.site WHERE code = 'A01';
-- target_class is an eco.water_class: any accepted spelling is stored as the class; others are 22P02.
UPDATE eco.site SET water_body = 'river', target_class = 'Ⅱ类' WHERE code = 'W01';
SELECT code, target_class, pg_typeof(target_class) AS type, target_class < 'III' AS better_than_iii FROM eco.site WHERE code = 'W01';
UPDATE eco.site SET target_class = 'VII' WHERE code = 'W01';
UPDATE eco.site SET water_body = NULL, target_class = NULL WHERE code = 'W01';

-- nearest_sites: metres on the sphere, nearest first, by kind.
SELECT code, name, round(distance_m) AS m
FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.8900, 30.3900), 4490), 'air', 3);
SELECT code, round(distance_m) AS m FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.95, 30.37), 4326), 'water', 2);
-- Cross-check against ST_DistanceSphere (independent formula, different radius: < 0.1 % apart).
SELECT n.code, abs(n.distance_m - ST_DistanceSphere(s.geom, ST_SetSRID(ST_MakePoint(114.89, 30.39), 4490))) / n.distance_m < 1e-3 AS agrees
FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.89, 30.39), 4490), 'air', 4) n JOIN eco.site s USING (code) ORDER BY n.distance_m;
-- X01 has no geometry: it is never a nearest site.
SELECT count(*) FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.89, 30.39), 4490), 'other', 100) WHERE code = 'X01';
SELECT * FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.89, 30.39), 3857), 'air', 3);
SELECT * FROM eco.nearest_sites(ST_SetSRID('LINESTRING(114 30, 115 31)'::geometry, 4490), 'air', 3);
SELECT * FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.89, 30.39), 4490), 'noise', 3);
SELECT * FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.89, 30.39), 4490), 'air', 0);
-- The KNN query uses the geography index.
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT code FROM eco.site
ORDER BY geography(geom) <-> geography(ST_SetSRID(ST_MakePoint(114.89, 30.39), 4490)) LIMIT 3;
RESET enable_seqscan;

-- Protection zones: 一级 zone around an intake; 二级 zone around it (with the 一级 zone as a hole); 准保护区.
INSERT INTO eco.protection_zone (code, name, water_source, level, area, geom) VALUES
    ('PZ1', '三江港水源地一级保护区', '三江港水源地', '一级', '420702',
     ST_SetSRID('POLYGON((114.860 30.420, 114.880 30.420, 114.880 30.435, 114.860 30.435, 114.860 30.420))'::geometry, 4490)),
    ('PZ2', '三江港水源地二级保护区', '三江港水源地', '二级', '420702',
     ST_SetSRID('POLYGON((114.840 30.410, 114.900 30.410, 114.900 30.450, 114.840 30.450, 114.840 30.410),
                         (114.860 30.420, 114.880 30.420, 114.880 30.435, 114.860 30.435, 114.860 30.420))'::geometry, 4326)),
    ('PZ3', '三江港水源地准保护区', '三江港水源地', '准保护区', '420702',
     ST_SetSRID('MULTIPOLYGON(((114.900 30.410, 114.940 30.410, 114.940 30.450, 114.900 30.450, 114.900 30.410)))'::geometry, 4490));
SELECT code, level, ST_SRID(geom) AS srid, GeometryType(geom) AS type FROM eco.protection_zone ORDER BY id;
INSERT INTO eco.protection_zone (name, water_source, level, area, geom) VALUES
    ('x', 'x', '一级', '420702', ST_SetSRID(ST_MakePoint(114.9, 30.4), 4490));
INSERT INTO eco.protection_zone (name, water_source, level, area, geom) VALUES
    ('x', 'x', '一级', '420702', ST_SetSRID('POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))'::geometry, 4490));
INSERT INTO eco.protection_zone (name, water_source, level, area, geom) VALUES
    ('x', 'x', '三级', '420702', ST_SetSRID('POLYGON((0 0, 1 0, 1 1, 0 0))'::geometry, 4490));

-- Outfalls: opaque codes; one inside the 一级 zone, one on the 二级 boundary, one in the 准保护区, one outside.
INSERT INTO eco.outfall (code, name, receiving_water, responsible_party, type, type_detail, area, geom, status_date) VALUES
    ('420702-OF-0001', '某化工厂排污口', '长江', '某化工有限公司', '工业企业排污口', NULL, '420702',
     ST_SetSRID(ST_MakePoint(114.870, 30.428), 4490), '2024-03-01'),
    ('420702-OF-0002', '城区污水厂排口', '长江', '城区污水处理厂', '城镇污水处理厂排污口', NULL, '420702',
     ST_SetSRID(ST_MakePoint(114.900, 30.430), 4326), '2024-03-01'),
    ('420702-OF-0003', '村庄散排口', '长港', '某村委会', '其他排口（其他）', '农村生活污水散排口', '420702',
     ST_SetSRID(ST_MakePoint(114.920, 30.440), 4490), '2024-03-02'),
    ('鄂州-0004', '养殖场排口', '梁子湖', '某养殖场', '规模化畜禽养殖排污口', NULL, '420704',
     ST_SetSRID(ST_MakePoint(114.650, 30.300), 4490), '2024-03-02'),
    ('420702-OF-0005', '疑似点位', '长江', NULL, NULL, NULL, '420702',
     ST_SetSRID(ST_MakePoint(114.875, 30.425), 4490), '2024-03-05');
SELECT code, status, status_date, registered_on, registered_status, found_on, eco.outfall_type_level1(type) AS level1
FROM eco.outfall ORDER BY code;
SELECT * FROM eco.outfalls_in_protection_zones();

-- Lifecycle with dates; every transition is logged.
UPDATE eco.outfall SET status = '核查确认', status_date = '2024-04-01' WHERE code IN ('420702-OF-0001', '420702-OF-0002', '420702-OF-0003');
UPDATE eco.outfall SET status = '核查确认', status_date = '2024-04-02', pre_campaign = true WHERE code = '鄂州-0004';
UPDATE eco.outfall SET status = '非排口', status_date = '2024-04-03' WHERE code = '420702-OF-0005';
UPDATE eco.outfall SET status = '整治中', status_date = '2024-05-01', action = '取缔' WHERE code = '420702-OF-0001';
UPDATE eco.outfall SET status = '整治中', status_date = '2024-05-01', action = '规范整治' WHERE code = '420702-OF-0002';
UPDATE eco.outfall SET status = '整治中', status_date = '2024-05-10', action = '清理合并' WHERE code = '420702-OF-0003';
UPDATE eco.outfall SET status = '已完成', status_date = '2024-06-30' WHERE code IN ('420702-OF-0001', '420702-OF-0003');
UPDATE eco.outfall SET status = '已完成', status_date = '2024-05-15' WHERE code = '鄂州-0004';
SELECT code, status, action, pre_campaign, found_on, confirmed_on, remediation_started_on, closed_on
FROM eco.outfall ORDER BY code;
SELECT outfall_code, from_status, to_status, action, changed_on, area FROM eco.outfall_history ORDER BY outfall_code, id;
-- Illegal transitions: 23514 with a clear message.
\set VERBOSITY default
UPDATE eco.outfall SET status = '整治中', action = '取缔' WHERE code = '420702-OF-0005';
UPDATE eco.outfall SET status = '疑似' WHERE code = '420702-OF-0002';
\set VERBOSITY terse
INSERT INTO eco.outfall (code, name, area, status, status_date) VALUES ('T1', 't', '420702', '疑似', '2025-01-01');
UPDATE eco.outfall SET status = '整治中', action = '规范整治' WHERE code = 'T1';
UPDATE eco.outfall SET status = '已完成' WHERE code = 'T1';
UPDATE eco.outfall SET status = '核查确认', status_date = '2020-01-01' WHERE code = 'T1';
UPDATE eco.outfall SET status = '核查确认', status_date = '2099-01-01' WHERE code = 'T1';
UPDATE eco.outfall SET status = '已完成', status_date = '2099-02-01' WHERE code = 'T1';
UPDATE eco.outfall SET status = '整治中', status_date = '2099-02-01' WHERE code = 'T1';
UPDATE eco.outfall SET status = '销号' WHERE code = 'T1';
INSERT INTO eco.outfall (code, name, area, status) VALUES ('T2', 't', '420702', '已完成');
INSERT INTO eco.outfall (code, name, area, status, action) VALUES ('T3', 't', '420702', '核查确认', '取缔');
INSERT INTO eco.outfall (code, name, area, status, pre_campaign) VALUES ('T4', 't', '420702', '非排口', true);
INSERT INTO eco.outfall (code, name, area, status, action, pre_campaign) VALUES ('T4b', 't', '420702', '已完成', '取缔', true);
INSERT INTO eco.outfall (code, name, area, type) VALUES ('T5', 't', '420702', '工业排口');
INSERT INTO eco.outfall (code, name, area, geom) VALUES ('T6', 't', '420702', ST_SetSRID(ST_MakePoint(114.9, 30.4), 32650));
-- History survives: an outfall with history cannot be deleted; a change of code is recorded.
DELETE FROM eco.outfall WHERE code = 'T1';
UPDATE eco.outfall SET code = 'T1-renamed' WHERE code = 'T1';
SELECT outfall_code, previous_code, area FROM eco.outfall_code_change;
SELECT outfall_code, from_status, to_status FROM eco.outfall_history WHERE outfall_code LIKE 'T1%';
-- (the owner may still clear test rows, history first)
DELETE FROM eco.outfall_history WHERE outfall_code = 'T1-renamed';
DELETE FROM eco.outfall_code_change WHERE outfall_code = 'T1-renamed';
DELETE FROM eco.outfall WHERE code = 'T1-renamed';
-- Progress: now, as of earlier dates, by area prefix.
SELECT * FROM eco.outfall_progress();
SELECT d, p.outfalls, p.suspected, p.non_outfalls, p.pre_campaign, p.classified, p.done, p.in_progress, p.not_started, p.sentence
FROM unnest(ARRAY['2024-02-28', '2024-03-01', '2024-04-02', '2024-05-01', '2024-06-01', '2024-06-30']::date[]) AS d,
     eco.outfall_progress(NULL, d) AS p;
SELECT a, (eco.outfall_progress(a)).sentence FROM unnest(ARRAY['4207', '420702', '420704', '9']) AS a;
-- The bulletin of the issue, rebuilt from a register of 162 outfalls.
CREATE TEMP TABLE bulletin AS SELECT g AS i FROM generate_series(1, 162) g;
INSERT INTO eco.outfall (code, name, area, status, status_date)
SELECT 'B' || i, 'b', '429999', '疑似', '2023-01-01' FROM bulletin;
UPDATE eco.outfall SET status = '非排口', status_date = '2023-02-01' WHERE area = '429999' AND substr(code, 2)::int <= 7;
UPDATE eco.outfall SET status = '核查确认', status_date = '2023-02-01', pre_campaign = substr(code, 2)::int <= 36
WHERE area = '429999' AND substr(code, 2)::int > 7;
UPDATE eco.outfall SET status = '已完成', status_date = '2023-03-01' WHERE area = '429999' AND pre_campaign;
UPDATE eco.outfall SET status = '整治中', status_date = '2023-04-01',
       action = CASE WHEN substr(code, 2)::int <= 59 THEN '取缔' ELSE '规范整治' END
WHERE area = '429999' AND status = '核查确认';
UPDATE eco.outfall SET status = '已完成', status_date = '2023-09-01' WHERE area = '429999' AND status = '整治中' AND substr(code, 2)::int <= 158;
SELECT sentence FROM eco.outfall_progress('429999', '2023-12-31');
SELECT sentence FROM eco.outfall_progress('429999', '2023-02-15');
DELETE FROM eco.outfall_history WHERE area = '429999';
DELETE FROM eco.outfall WHERE area = '429999';

-- Land parcels and the survey summary.
INSERT INTO eco.land_parcel (code, name, current_use, planned_use, land_class, change_year, survey_status, area, geom) VALUES
    ('P1', '原化工厂地块', 'M', 'R 居住', 1, 2025, '已通过评审', '420702',
     ST_SetSRID('POLYGON((114.88 30.39, 114.89 30.39, 114.89 30.40, 114.88 30.40, 114.88 30.39))'::geometry, 4326)),
    ('P2', '原仓储地块', 'W', 'A33 中小学', 1, 2025, '调查中', '420702', NULL),
    ('P3', '原纺织厂地块', 'M', 'B 商业', 2, 2025, '报告已编制', '420703', NULL),
    ('P4', '原农机厂地块', 'M', 'A5 医疗', 1, 2024, '未开展', '420703', NULL),
    ('P5', '原砖厂地块', 'M', 'G1 社区公园', 1, 2025, '调查中', '420704', NULL),
    ('P6', '待定地块', 'M', NULL, NULL, 2025, '未开展', '420704', NULL);
SELECT code, GeometryType(geom), ST_SRID(geom) FROM eco.land_parcel WHERE geom IS NOT NULL;
SELECT * FROM eco.parcel_survey_summary(2025);
SELECT * FROM eco.parcel_survey_summary(2024);
SELECT * FROM eco.parcel_survey_summary(1999);
INSERT INTO eco.land_parcel (code, name, land_class, area) VALUES ('PX', 'x', 3, '420702');
INSERT INTO eco.land_parcel (code, name, survey_status, area) VALUES ('PX', 'x', '已完成', '420702');
-- Soil screening of a parcel's samples at its planned class (NULL class: first-class values).
SELECT p.code, s.item, s.v, eco.soil_screen(s.item::eco.pollutant, s.v, p.land_class) AS result
FROM eco.land_parcel p JOIN (VALUES ('P1', 'As', 45.0), ('P3', 'As', 45.0), ('P6', 'Pb', 900.0)) AS s(code, item, v) USING (code)
ORDER BY 1;

-- Row-level security: a role limited to 420703 sees and changes only its rows.
CREATE ROLE regress_sites_ezhou_hr;
INSERT INTO eco.area_grant VALUES ('regress_sites_ezhou_hr', '420703');
SET ROLE regress_sites_ezhou_hr;
SELECT (SELECT count(*) FROM eco.site) AS sites, (SELECT count(*) FROM eco.outfall) AS outfalls,
       (SELECT count(*) FROM eco.protection_zone) AS zones, (SELECT count(*) FROM eco.land_parcel) AS parcels,
       (SELECT count(*) FROM eco.outfall_history) AS history;
SELECT code FROM eco.nearest_sites(ST_SetSRID(ST_MakePoint(114.89, 30.39), 4490), 'air', 100);
UPDATE eco.site SET name = name WHERE code = 'A01';
INSERT INTO eco.site (code, name, kind, area) VALUES ('Z1', 'z', 'air', '420702');
INSERT INTO eco.site (code, name, kind, area) VALUES ('Z2', 'z', 'air', '420703');
RESET ROLE;
DELETE FROM eco.site WHERE code = 'Z2';
DELETE FROM eco.area_grant WHERE role_name = 'regress_sites_ezhou_hr';
DROP ROLE regress_sites_ezhou_hr;
-- Leave the shared tables as found for the tests that follow.
DELETE FROM eco.outfall_history WHERE area LIKE '4207%';
DELETE FROM eco.outfall WHERE area LIKE '4207%';
DELETE FROM eco.protection_zone WHERE code LIKE 'PZ_';
DELETE FROM eco.land_parcel WHERE code LIKE 'P_';
DELETE FROM eco.site WHERE code IN ('A01', 'A02', 'A03', 'A04', 'W01', 'W02', 'X01');
SELECT (SELECT count(*) FROM eco.outfall_history) AS history_left;
