-- eco.pollutant: input forms, output, properties, conversion, errors, binary I/O.
\set VERBOSITY terse
SET client_min_messages = warning;
-- Operators live in schema eco: put it on the search_path.
SET search_path = eco, public;

-- Canonical codes, case-insensitively, with punctuation and subscripts.
SELECT t, t::eco.pollutant AS p
FROM unnest(ARRAY['PM2.5', 'pm25', 'PM2_5', 'PM₂.₅', 'ＰＭ２.５', 'pm 2.5', 'SO2', 'so₂', 'NOx', 'O3', 'co',
                  'Pb', 'BaP', 'TSP', 'PM10']) AS t;
-- Chinese names, HJ 212 codes, CAS numbers, English names.
SELECT t, t::eco.pollutant AS p
FROM unnest(ARRAY['细颗粒物', '二氧化硫', '化学需氧量', '氨氮', '总磷', '铬（六价）', '六价铬', '高锰酸盐指数',
                  'a34004', 'a21026', 'w21003', 'w01018', 'W01018', '7440-38-2', '56-23-5',
                  'chemical oxygen demand', 'fine particulate matter PM2.5', '苯并(a)芘', '苯并[a]芘']) AS t;
-- The same substance in several media: the bare name is the first medium; a prefix picks another.
SELECT t, t::eco.pollutant AS p, eco.pollutant_medium(t::eco.pollutant) AS medium,
       eco.pollutant_unit(t::eco.pollutant) AS unit
FROM unnest(ARRAY['Pb', 'water:Pb', 'soil:Pb', 'As', 'soil:As', 'soil:砷', 'BaP', 'soil:BaP', 'Air:pb']) AS t;
-- Output round-trips.
SELECT count(*) AS items, count(*) FILTER (WHERE code::eco.pollutant = pollutant) AS round_trip,
       count(DISTINCT code) AS distinct_codes
FROM eco.pollutants;
SELECT medium, count(*) FROM eco.pollutants GROUP BY medium ORDER BY medium;
-- Coverage required: GB 3838 Table 1 (24) + Table 2 (5); GB 36600 Table 1 (45); GB 15618 basic (8).
SELECT count(*) AS gb3838_t1 FROM eco.pollutants WHERE medium = 'water' AND id BETWEEN 100 AND 123;
SELECT count(*) AS gb3838_t2 FROM eco.pollutants WHERE medium = 'water' AND id BETWEEN 124 AND 128;
SELECT count(*) AS gb36600_t1 FROM eco.pollutants WHERE medium = 'soil' AND id BETWEEN 200 AND 244;
SELECT string_agg(p::text, ',' ORDER BY p) AS gb15618_basic
FROM unnest(ARRAY['soil:Cd', 'soil:Hg', 'soil:As', 'soil:Pb', 'soil:Cr', 'soil:Cu', 'soil:Ni', 'soil:Zn']::eco.pollutant[]) AS p;

-- Names and units.
SELECT p, eco.pollutant_name(p) AS zh, eco.pollutant_name(p, 'en') AS en, eco.pollutant_unit(p) AS unit
FROM unnest(ARRAY['SO2', 'CO', 'PM2.5', 'pH', 'DO', 'FC', 'WT', 'chla', 'soil:Cd']::eco.pollutant[]) AS p;

-- Conversion to the standard unit.
SELECT p, v, u, eco.to_standard_unit(p::eco.pollutant, v, u) AS std
FROM (VALUES ('PM2.5', 35, 'µg/m³'), ('PM2.5', 0.075, 'mg/m³'), ('PM2.5', 75, 'ug/m3'), ('PM2.5', 75, 'μg/m3'),
             ('CO', 4000, 'µg/m³'), ('CO', 4, 'mg/m3'), ('BaP', 2.5, 'ng/m³'),
             ('COD', 20000, 'µg/L'), ('Hg', 0.1, 'µg/L'), ('soil:Pb', 400000, 'µg/kg'),
             ('FC', 1000, 'MPN/100mL'), ('pH', 7.5, 'pH'), ('chla', 10, 'µg/L'), ('SD', 120, 'cm')) AS r(p, v, u);
-- ppb/ppm at 298.15 K and 1013.25 hPa (24.465 L/mol), rounded for display.
SELECT p, v, u, round(eco.to_standard_unit(p::eco.pollutant, v, u)::numeric, 4) AS std
FROM (VALUES ('SO2', 1, 'ppb'), ('NO2', 1, 'ppb'), ('O3', 1, 'ppb'), ('CO', 1, 'ppm'), ('NOx', 100, 'ppb'),
             ('SO2', 1, 'ppm'), ('O3', 0.1, 'ppm')) AS r(p, v, u);

-- Comparison and hashing.
SELECT 'PM2.5'::eco.pollutant = 'pm25'::eco.pollutant AS eq, 'SO2'::eco.pollutant < 'NO2'::eco.pollutant AS lt,
       'Pb'::eco.pollutant <> 'water:Pb'::eco.pollutant AS ne;
SELECT p, count(*) FROM unnest(ARRAY['PM2.5', 'pm25', 'O3', '臭氧', 'a05024']::eco.pollutant[]) AS p
GROUP BY p ORDER BY p;
SET enable_sort = off;
SELECT p, count(*) FROM unnest(ARRAY['SO2', 'NO2', '二氧化硫']::eco.pollutant[]) AS p GROUP BY p ORDER BY 1;
RESET enable_sort;
CREATE TEMP TABLE pol_t (p eco.pollutant PRIMARY KEY);
INSERT INTO pol_t SELECT pollutant FROM eco.pollutants;
CREATE INDEX ON pol_t USING hash (p);
SELECT count(*) FROM pol_t WHERE p = 'NH3-N';
INSERT INTO pol_t VALUES ('氨氮');

-- Assignment cast from text.
CREATE TEMP TABLE pol_text (p eco.pollutant);
INSERT INTO pol_text VALUES ('二氧化氮'::text);
SELECT * FROM pol_text;

-- Binary round trip through COPY (FORMAT binary).
-- Binary files go to this test's own results directory (the client writes them: \copy).
\getenv abs_builddir PG_ABS_BUILDDIR
\cd :abs_builddir
\copy (SELECT pollutant FROM eco.pollutants ORDER BY id) TO 'results/pollutant.bin' (FORMAT binary)
CREATE TEMP TABLE pol_bin (p eco.pollutant);
\copy pol_bin FROM 'results/pollutant.bin' (FORMAT binary)
SELECT count(*) AS rows, bool_and(b.p = e.pollutant) AS equal
FROM (SELECT p, row_number() OVER () AS n FROM pol_bin) b
JOIN (SELECT pollutant, row_number() OVER (ORDER BY id) AS n FROM eco.pollutants) e USING (n);
-- recv validates: an unknown id is rejected.
\copy (SELECT 999::smallint) TO 'results/pollutant_bad.bin' (FORMAT binary)
\copy pol_bin FROM 'results/pollutant_bad.bin' (FORMAT binary)

-- Errors.
SELECT 'PM3'::eco.pollutant;
SELECT ''::eco.pollutant;
SELECT 'mars:Pb'::eco.pollutant;
SELECT 'water:PM2.5'::eco.pollutant;
SELECT eco.pollutant_name('SO2', 'fr');
SELECT eco.to_standard_unit('SO2', 1, 'furlong');
SELECT eco.to_standard_unit('PM2.5', 1, 'ppb');
SELECT eco.to_standard_unit('COD', 1, 'mg/kg');
SELECT eco.to_standard_unit('SO2', 'NaN', 'µg/m³');
SELECT eco.to_standard_unit('SO2', 'Infinity', 'µg/m³');
SELECT eco.to_standard_unit('SO2', -1, 'µg/m³');
SELECT eco.to_standard_unit(NULL, 1, 'µg/m³') IS NULL AS strict;
