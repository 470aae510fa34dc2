-- SQL fuzz driver: a few rows in the user tables, so that the functions that read them have something to read
-- (sites with and without geometry, water samples, air hours over two days, outfalls in a protection zone): the
-- rows of test/fixtures/site_rows.sql and a few more.
-- Loaded statement by statement without ON_ERROR_STOP: a statement that no longer fits the schema is reported
-- by sql_fuzz.sh as a diagnostic and the fuzzing goes on.
\ir ../fixtures/site_rows.sql
INSERT INTO eco.site (code, name, kind, control_level, area, target_class, geom) VALUES
  ('A02', '开发区', 'air', '省控', '420703', NULL, public.ST_SetSRID(public.ST_MakePoint(114.95, 30.41), 4490)),
  ('W02', '湖心', 'water', '省控', '420703', 'III', NULL);
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value, below_detection) VALUES
  ('W02', '2025-01-11 09:00', 'TP', 0.06, false), ('W02', '2025-01-11 09:00', 'TN', 1.2, false),
  ('W01', '2026-01-10 09:00', 'CODMn', 3.9, false);
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
SELECT s, timestamp '2025-01-01 01:00' + h * interval '1 hour', 8 + h % 5, 30 + h % 17, 0.6 + (h % 7) / 10.0,
       40 + (h * 7) % 120, 70 + (h * 3) % 50, 45 + (h * 5) % 40
FROM unnest(ARRAY['A01', 'A02']) s, generate_series(0, 47) h
UNION ALL
SELECT 'A01', timestamp '2026-03-01 01:00' + h * interval '1 hour', 5, 20, 0.4, 160, 60, 35 FROM generate_series(0, 23) h;
