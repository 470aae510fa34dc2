-- Demo, part 40: sites, protection zones, outfalls and soil screening.
\echo '== sites in CGCS2000 (a WGS 84 point is stored as SRID 4490), and the nearest air stations'
INSERT INTO eco.site (code, name, kind, control_level, area, geom) VALUES
    ('DEMO-A1', '市监测站', 'air', '国控', '420702', public.ST_SetSRID(public.ST_MakePoint(114.8903, 30.3907), 4490)),
    ('DEMO-A2', '城东站', 'air', '国控', '420702', public.ST_SetSRID(public.ST_MakePoint(114.9270, 30.3850), 4326)),
    ('DEMO-A3', '华容站', 'air', '市控', '420703', public.ST_SetSRID(public.ST_MakePoint(114.7330, 30.5340), 4326));
SELECT code, name, round(distance_m) AS metres
FROM eco.nearest_sites(public.ST_SetSRID(public.ST_MakePoint(114.90, 30.40), 4490), 'air', 3);
\echo '== an outfall inside a 一级 drinking-water protection zone: a candidate for 取缔'
INSERT INTO eco.protection_zone (name, water_source, level, area, geom) VALUES
    ('三江港水源地一级保护区', '三江港水源地', '一级', '420702',
     public.ST_SetSRID('POLYGON((114.86 30.42, 114.88 30.42, 114.88 30.435, 114.86 30.435, 114.86 30.42))'::public.geometry, 4490));
INSERT INTO eco.outfall (code, name, receiving_water, type, area, geom, status_date) VALUES
    ('DEMO-OF-1', '某化工厂排污口', '长江', '矿山排污口', '420702',
     public.ST_SetSRID(public.ST_MakePoint(114.870, 30.428), 4490), '2024-03-01'),
    ('DEMO-OF-2', '村庄散排口', '长港', '农村生活污水散排口', '420702',
     public.ST_SetSRID(public.ST_MakePoint(114.950, 30.440), 4490), '2024-03-01');
SELECT code, type, eco.outfall_type_level1(type) AS level1 FROM eco.outfall WHERE code LIKE 'DEMO%' ORDER BY code;
SELECT outfall_code, zone_name, level FROM eco.outfalls_in_protection_zones();
\echo '== remediation: 疑似 → 核查确认 → 整治中 (取缔) → 已完成, and the bulletin sentence'
UPDATE eco.outfall SET status = '核查确认', status_date = '2024-04-01' WHERE code LIKE 'DEMO-OF-%';
UPDATE eco.outfall SET status = '整治中', action = '取缔', status_date = '2024-05-01' WHERE code = 'DEMO-OF-1';
UPDATE eco.outfall SET status = '已完成', status_date = '2024-06-30' WHERE code = 'DEMO-OF-1';
SELECT outfall_code, from_status, to_status, action, changed_on FROM eco.outfall_history ORDER BY id;
SELECT sentence FROM eco.outfall_progress('4207', '2024-12-31');
\echo '== soil screening: GB 36600 (construction land) and GB 15618 (farmland)'
SELECT item, v, eco.soil_screen(item::eco.pollutant, v, 1) AS first_class, eco.soil_screen(item::eco.pollutant, v, 2) AS second_class
FROM (VALUES ('As', 45::float8), ('Cd', 50), ('苯', 4.0)) AS t(item, v);
SELECT eco.farmland_screen('Cd', 0.45, 6.0, 'paddy') AS paddy_cd, eco.farmland_screen('Cu', 120, 6.0, 'other') AS other_cu;
