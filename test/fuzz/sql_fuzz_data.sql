-- SQL fuzz driver: a few rows in the user tables, so that the functions that read them have something to read
-- (sites with and without geometry, water samples, air hours over two days, outfalls in a protection zone).
-- Loaded statement by statement without ON_ERROR_STOP: a statement that no longer fits the schema is reported
-- by sql_fuzz.sh as a diagnostic and the fuzzing goes on.
INSERT INTO eco.site (code, name, kind, control_level, area, target_class, geom) VALUES
  ('A01', '市监测站', 'air', '国控', '420702', NULL, public.ST_SetSRID(public.ST_MakePoint(114.8903, 30.3907), 4490)),
  ('A02', '开发区', 'air', '省控', '420703', NULL, public.ST_SetSRID(public.ST_MakePoint(114.95, 30.41), 4490)),
  ('W01', '三江港断面', 'water', '国控', '420702', 'II', public.ST_SetSRID(public.ST_MakePoint(114.874, 30.428), 4326)),
  ('W02', '湖心', 'water', '省控', '420703', 'III', NULL);
INSERT INTO eco.protection_zone (code, name, water_source, level, area, geom) VALUES
  ('PZ1', '一级保护区', '三江港水源地', '一级', '420702',
   public.ST_SetSRID('POLYGON((114.86 30.42, 114.88 30.42, 114.88 30.435, 114.86 30.435, 114.86 30.42))'::public.geometry, 4490));
INSERT INTO eco.outfall (code, name, receiving_water, responsible_party, type, area, geom, status_date) VALUES
  ('OF-1', '某化工厂排污口', '长江', '某公司', '矿山排污口', '420702',
   public.ST_SetSRID(public.ST_MakePoint(114.87, 30.428), 4490), '2024-03-01'),
  ('OF-2', '疑似点位', '长江', NULL, NULL, '420702', NULL, '2024-03-02');
UPDATE eco.outfall SET status = '核查确认', status_date = '2024-04-01' WHERE code = 'OF-1';
UPDATE eco.outfall SET status = '整治中', status_date = '2024-05-01', action = '取缔' WHERE code = 'OF-1';
INSERT INTO eco.land_parcel (code, name, planned_use, land_class, change_year, survey_status, area, geom) VALUES
  ('P1', '原化工厂地块', 'R', 1, 2025, '调查中', '420702',
   public.ST_SetSRID('POLYGON((114.88 30.39, 114.89 30.39, 114.89 30.40, 114.88 30.40, 114.88 30.39))'::public.geometry, 4490));
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value, below_detection) VALUES
  ('W01', '2025-01-10 09:00', 'CODMn', 4.5, false), ('W01', '2025-01-10 09:00', 'NH3-N', 0.025, true),
  ('W01', '2025-02-10 09:00', 'TP', 0.12, false), ('W02', '2025-01-11 09:00', 'TP', 0.06, false),
  ('W02', '2025-01-11 09:00', 'TN', 1.2, false), ('W01', '2026-01-10 09:00', 'CODMn', 3.9, false);
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
SELECT s, timestamp '2025-01-01 01:00' + h * interval '1 hour', 8 + h % 5, 30 + h % 17, 0.6 + (h % 7) / 10.0,
       40 + (h * 7) % 120, 70 + (h * 3) % 50, 45 + (h * 5) % 40
FROM unnest(ARRAY['A01', 'A02']) s, generate_series(0, 47) h
UNION ALL
SELECT 'A01', timestamp '2026-03-01 01:00' + h * interval '1 hour', 5, 20, 0.4, 160, 60, 35 FROM generate_series(0, 23) h;
