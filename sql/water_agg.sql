\set VERBOSITY terse
SET search_path = eco, public;

-- ---------- worked examples W1–W7 (环办〔2011〕22号 section class) ----------
CREATE TEMP TABLE w (ex text, wb text, p eco.pollutant, v float8);
-- items the examples leave at Class I levels
CREATE TEMP TABLE rest (p eco.pollutant, v float8);
INSERT INTO rest VALUES ('Cu', 0.004), ('Zn', 0.02), ('F', 0.4), ('Se', 0.0004), ('As', 0.002), ('Hg', 0.00002),
    ('Cd', 0.0005), ('Cr(VI)', 0.004), ('water:Pb', 0.002), ('CN', 0.002), ('phenol', 0.0008), ('oil', 0.02),
    ('LAS', 0.05), ('sulfide', 0.01);
INSERT INTO w SELECT e.ex, e.wb, r.p, r.v FROM rest r,
    (VALUES ('W1', 'river'), ('W2', 'river'), ('W3', 'lake'), ('W3b', 'river'), ('W5', 'river'), ('W6', 'river'),
            ('W7', 'river')) e(ex, wb);
INSERT INTO w SELECT 'W4', 'river', r.p, r.v FROM rest r WHERE r.p NOT IN ('water:Pb', 'Cd');
INSERT INTO w VALUES
    ('W1', 'river', 'pH', 7.6), ('W1', 'river', 'DO', 6.5), ('W1', 'river', 'CODMn', 4.5), ('W1', 'river', 'COD', 18),
    ('W1', 'river', 'BOD5', 3.5), ('W1', 'river', 'NH3-N', 0.8), ('W1', 'river', 'TP', 0.15), ('W1', 'river', 'TN', 2.5),
    ('W1', 'river', 'FC', 3000),
    ('W2', 'river', 'pH', 7.2), ('W2', 'river', 'DO', 4.2), ('W2', 'river', 'CODMn', 7.5), ('W2', 'river', 'COD', 32),
    ('W2', 'river', 'BOD5', 5.0), ('W2', 'river', 'NH3-N', 2.3), ('W2', 'river', 'TP', 0.34),
    ('W3', 'lake', 'pH', 8.1), ('W3', 'lake', 'DO', 8.0), ('W3', 'lake', 'CODMn', 3.2), ('W3', 'lake', 'COD', 12),
    ('W3', 'lake', 'BOD5', 2.0), ('W3', 'lake', 'NH3-N', 0.12), ('W3', 'lake', 'TP', 0.06), ('W3', 'lake', 'TN', 1.2),
    ('W4', 'river', 'pH', 7.0), ('W4', 'river', 'DO', 5.5), ('W4', 'river', 'CODMn', 9.0), ('W4', 'river', 'COD', 28),
    ('W4', 'river', 'BOD5', 5.5), ('W4', 'river', 'NH3-N', 1.2), ('W4', 'river', 'TP', 0.18), ('W4', 'river', 'Pb', 0.07),
    ('W4', 'river', 'Cd', 0.004),
    ('W5', 'river', 'pH', 9.3), ('W5', 'river', 'DO', 8), ('W5', 'river', 'CODMn', 2), ('W5', 'river', 'COD', 10),
    ('W5', 'river', 'BOD5', 2), ('W5', 'river', 'NH3-N', 0.1), ('W5', 'river', 'TP', 0.01),
    ('W6', 'river', 'pH', 6.0), ('W6', 'river', 'DO', 5.0), ('W6', 'river', 'CODMn', 6.0), ('W6', 'river', 'COD', 20),
    ('W6', 'river', 'BOD5', 4), ('W6', 'river', 'NH3-N', 1.0), ('W6', 'river', 'TP', 0.2),
    ('W7', 'river', 'pH', 7), ('W7', 'river', 'DO', 1.9), ('W7', 'river', 'CODMn', 3), ('W7', 'river', 'COD', 15),
    ('W7', 'river', 'BOD5', 3), ('W7', 'river', 'NH3-N', 0.4), ('W7', 'river', 'TP', 0.05);
INSERT INTO w SELECT 'W3b', 'river', p, v FROM w WHERE ex = 'W3' AND p NOT IN (SELECT p FROM rest);
SELECT ex, wb, count(*) AS items, eco.section_class(p, v, wb) AS class,
       eco.water_status(eco.section_class(p, v, wb)) AS status,
       eco.main_pollutants(p, v, wb) AS main, eco.main_pollutants_label(p, v, wb) AS label
FROM w GROUP BY ex, wb ORDER BY ex;
-- two-argument forms (river)
SELECT ex, eco.section_class(p, v), eco.main_pollutants(p, v), eco.main_pollutants_label(p, v)
FROM w WHERE wb = 'river' GROUP BY ex ORDER BY ex;
-- one decimal, as in the Guangdong bulletin (S8): 氨氮(1.3)、总磷(0.7)、化学需氧量(0.6)
SELECT eco.main_pollutants_label(p, v, 'river', 1) FROM w WHERE ex = 'W2';
-- heavy-metal priority: Class V cadmium (multiple 0.02) ahead of Class V COD (0.75), unless switched off
SELECT eco.main_pollutants(p, v, 'river', true) AS heavy_first, eco.main_pollutants(p, v, 'river', false) AS by_class,
       eco.main_pollutants_label(p, v) AS label
FROM (VALUES ('COD'::eco.pollutant, 35::float8), ('Cd', 0.0051), ('BOD5', 7), ('NH3-N', 1.6)) t(p, v);
-- ... and ahead of worse classes: Class IV arsenic (0.06, multiple 0.20) before three Class V items
SELECT eco.main_pollutants(p, v, 'river', true) AS heavy_first, eco.main_pollutants(p, v, 'river', false) AS by_class,
       eco.main_pollutants_label(p, v) AS label
FROM (VALUES ('COD'::eco.pollutant, 35::float8), ('As', 0.06), ('BOD5', 7), ('NH3-N', 1.6)) t(p, v);
-- several values of one item are averaged (annual mean 6.42 → 0.07)
SELECT eco.section_class(p, v), eco.main_pollutants_label(p, v)
FROM (SELECT 'CODMn'::eco.pollutant, CASE WHEN i % 2 = 0 THEN 6.72 ELSE 6.12 END FROM generate_series(1, 12) i) t(p, v);
-- TN never drives a river's class; reference items alone give no class; NULL rows are skipped
SELECT eco.section_class(p, v) AS tn_only, eco.main_pollutants(p, v) AS main
FROM (VALUES ('TN'::eco.pollutant, 9::float8), ('FC', 1e6), ('WT', 35)) t(p, v);
SELECT eco.section_class(p, v) FROM (VALUES ('COD'::eco.pollutant, NULL::float8), (NULL, 50), ('COD', 16)) t(p, v);
-- empty input
SELECT eco.section_class(p, v), eco.main_pollutants(p, v), eco.main_pollutants_label(p, v),
       eco.drinking_source_compliance(p, v)
FROM w WHERE false;
-- errors 22023
SELECT eco.section_class(p, v) FROM (VALUES ('COD'::eco.pollutant, -1::float8)) t(p, v);
SELECT eco.section_class(p, v) FROM (VALUES ('COD'::eco.pollutant, 'NaN'::float8)) t(p, v);
SELECT eco.section_class(p, v, wb) FROM (VALUES ('COD'::eco.pollutant, 1::float8, 'river'), ('TP', 1, 'lake')) t(p, v, wb);
SELECT eco.section_class(p, v, 'pond') FROM (VALUES ('COD'::eco.pollutant, 1::float8)) t(p, v);
SELECT eco.section_class(p, v) FROM (VALUES ('PM2.5'::eco.pollutant, 1::float8)) t(p, v);
SELECT eco.main_pollutants_label(p, v, 'river', 9) FROM (VALUES ('COD'::eco.pollutant, 1::float8)) t(p, v);
-- A multiple out of range in the label is 22003; the list of items still works.
SELECT eco.main_pollutants(p, v) FROM (VALUES ('Hg'::eco.pollutant, 1e17::float8)) t(p, v);
SELECT eco.main_pollutants_label(p, v) FROM (VALUES ('Hg'::eco.pollutant, 1e17::float8)) t(p, v);
-- Section means are exact sums (values below 2^63): a larger value is 22003.
SELECT eco.section_class(p, v) FROM (VALUES ('Hg'::eco.pollutant, 1e26::float8)) t(p, v);
SELECT eco.section_class(p, v) FROM (VALUES ('COD'::eco.pollutant, 9e18::float8), ('COD', 9e18)) t(p, v);

-- ---------- drinking-water source ----------
SELECT ex, eco.drinking_source_compliance(p, v, wb) FROM w GROUP BY ex, wb ORDER BY ex;
SELECT eco.drinking_source_compliance(p, v)
FROM (SELECT p, v FROM w WHERE ex = 'W1'
      UNION ALL VALUES ('SO4'::eco.pollutant, 250::float8), ('Cl', 251), ('NO3-N', 10), ('Fe', 0.31), ('Mn', 0.1)) t(p, v);

-- ---------- basin status (环办〔2011〕22号; worked examples) ----------
SELECT name, (eco.basin_status(c)).*
FROM (VALUES ('60/10', '{II,II,III,III,III,III,IV,IV,V,劣V}'::eco.water_class[]),
             ('90/5', array_fill('II'::eco.water_class, ARRAY[18]) || '{IV,劣V}'::eco.water_class[]),
             ('87.5/0', '{II,III,III,III,II,III,III,IV}'),
             ('28.6/28.6', '{III,III,IV,IV,V,劣V,劣V}'),
             ('10/50', '{III,IV,IV,V,V,劣V,劣V,劣V,劣V,劣V}'),
             ('edge 60/40', '{I,II,III,劣V,劣V}'),
             ('exactly 75', array_fill('II'::eco.water_class, ARRAY[15]) || array_fill('IV'::eco.water_class, ARRAY[5])),
             ('劣V just under 20', array_fill('IV'::eco.water_class, ARRAY[21]) || array_fill('劣V'::eco.water_class, ARRAY[5]) ||
                                 array_fill('III'::eco.water_class, ARRAY[1])),
             ('4 sections', '{I,II,III,劣V}'),
             ('1 section', '{V}')) t(name, cs),
     LATERAL unnest(cs) c
GROUP BY name ORDER BY name;
SELECT eco.basin_status(c) FROM unnest('{}'::eco.water_class[]) c;
SELECT eco.basin_status(c) FROM unnest('{III,NULL,IV}'::eco.water_class[]) c;

-- ---------- Spearman trend (环办〔2011〕22号; worked examples) ----------
SELECT (eco.spearman_trend(y, v)).* FROM (VALUES (2015, 5.8), (2016, 5.2), (2017, 5.5), (2018, 4.9), (2019, 4.6),
    (2020, 4.1), (2021, 4.3)) t(y, v);
SELECT (eco.spearman_trend(y, v)).* FROM (VALUES (1, 0.21), (2, 0.19), (3, 0.23), (4, 0.20), (5, 0.22), (6, 0.18)) t(y, v);
SELECT (eco.spearman_trend(y, v)).* FROM (VALUES (5, 1.5), (1, 1.0), (3, 1.2), (2, 1.1), (4, 1.3)) t(y, v);
SELECT (eco.spearman_trend(y, v)).* FROM (VALUES (1, 1.0), (2, 1.0), (3, 2.0), (4, 2.0), (5, 3.0)) t(y, v);
SELECT (eco.spearman_trend(y, v)).* FROM generate_series(1, 11) y, LATERAL (SELECT (y % 3)::float8) s(v);
-- a constant series has no ranking: r_s NULL and no trend (the tie-free formula gave 0.5, "significant increase" at N = 14)
SELECT (eco.spearman_trend(y, 5.0)).* FROM generate_series(2011, 2024) y;
SELECT eco.spearman_trend(y, v) FROM (VALUES (1, 1.0), (2, 2.0), (3, 3.0), (4, 4.0)) t(y, v);
SELECT eco.spearman_trend(y, v) FROM (VALUES (1, 1.0), (2, 2.0), (3, 3.0), (4, 4.0), (NULL, 5.0), (5, NULL)) t(y, v);
SELECT eco.spearman_trend(y, v) FROM (VALUES (1, 1.0), (2, 2.0), (2, 3.0), (4, 4.0), (5, 5.0)) t(y, v);
SELECT eco.spearman_trend(y, v) FROM (VALUES (1, 'NaN'::float8)) t(y, v);

-- ---------- parallel aggregation: Partial Aggregate, parallel = serial ----------
CREATE TABLE water_par (sec int, k int, p eco.pollutant, v float8, c eco.water_class);
INSERT INTO water_par
SELECT s, s * 1000 + i, (ARRAY['pH','DO','CODMn','COD','BOD5','NH3-N','TP','water:Pb','Cd','Hg'])[1 + i % 10]::eco.pollutant,
       CASE 1 + i % 10 WHEN 1 THEN 6 + (i * 7 % 40) / 10.0 WHEN 2 THEN 1 + (i * 13 % 80) / 10.0
            WHEN 3 THEN (i * 17 % 160) / 10.0 WHEN 4 THEN (i * 11 % 500) / 10.0 WHEN 5 THEN (i * 3 % 120) / 10.0
            WHEN 6 THEN (i * 19 % 250) / 100.0 WHEN 7 THEN (i * 23 % 45) / 100.0 WHEN 8 THEN (i * 29 % 12) / 100.0
            WHEN 9 THEN (i * 31 % 11) / 1000.0 ELSE (i * 37 % 12) / 10000.0 END,
       ((ARRAY['I','II','III','IV','V','劣V'])[1 + i % 6])::eco.water_class
FROM generate_series(1, 40) s, generate_series(1, 120) i;
ANALYZE water_par;
CREATE TEMP TABLE serial_result AS
SELECT sec, eco.section_class(p, v) AS cls, eco.main_pollutants(p, v) AS mp, eco.main_pollutants_label(p, v) AS mpl,
       eco.drinking_source_compliance(p, v) AS dsc
FROM water_par GROUP BY sec;
CREATE TEMP TABLE serial_total AS
SELECT eco.section_class(p, v) AS cls, eco.main_pollutants_label(p, v) AS mpl, eco.basin_status(c) AS bs,
       eco.spearman_trend(k, v) AS sp
FROM water_par;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT eco.section_class(p, v), eco.main_pollutants_label(p, v), eco.basin_status(c), eco.spearman_trend(k, v)
FROM water_par;
EXPLAIN (COSTS OFF)
SELECT sec, eco.section_class(p, v) FROM water_par GROUP BY sec;
SELECT s.cls = t.cls AS class_equal, s.mpl = t.mpl AS label_equal, s.bs = t.bs AS basin_equal, s.sp = t.sp AS trend_equal,
       t.cls, t.mpl, t.bs
FROM serial_total s,
     (SELECT eco.section_class(p, v) AS cls, eco.main_pollutants_label(p, v) AS mpl, eco.basin_status(c) AS bs,
             eco.spearman_trend(k, v) AS sp FROM water_par) t;
SET enable_hashagg = off;
SELECT count(*) AS sections, count(*) FILTER (WHERE s.cls IS NOT DISTINCT FROM p.cls AND s.mp = p.mp AND s.mpl = p.mpl
                                                   AND s.dsc = p.dsc) AS equal
FROM serial_result s JOIN
     (SELECT sec, eco.section_class(p, v) AS cls, eco.main_pollutants(p, v) AS mp, eco.main_pollutants_label(p, v) AS mpl,
             eco.drinking_source_compliance(p, v) AS dsc FROM water_par GROUP BY sec) p USING (sec);
RESET enable_hashagg;
-- workers that see no rows: empty partial states combine with non-empty ones
SELECT eco.section_class(p, v), eco.main_pollutants_label(p, v), eco.basin_status(c), eco.spearman_trend(k, v)
FROM water_par WHERE sec = 7 AND p = 'COD';
SELECT eco.section_class(p, v), eco.basin_status(c), eco.spearman_trend(k, v) FROM water_par WHERE k = 7007;
SELECT eco.section_class(p, v), eco.basin_status(c), eco.spearman_trend(k, v) FROM water_par WHERE sec < 0;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
DROP TABLE water_par;

-- ---------- eco.water_sample, row-level security, section_evaluation ----------
INSERT INTO eco.site (code, name, kind, area, water_body, target_class) VALUES
    ('WT-R1', '河一断面', 'water', 'wtest-a', 'river', 'Ⅲ类'),
    ('WT-R2', '河二断面', 'water', 'wtest-a', 'river', 'IV'),
    ('WT-L1', '湖一点位', 'water', 'wtest-b', 'lake', 'III');
INSERT INTO eco.water_sample (section_code, sampled_at, pollutant, value, below_detection)
SELECT s.code, make_timestamp(2025, m, 10, 9, 0, 0), x.p, x.v * (0.9 + 0.2 * (m % 2)), x.bd
FROM (VALUES ('WT-R1'), ('WT-R2'), ('WT-L1')) s(code), generate_series(1, 12) m,
     LATERAL (SELECT p, v, bd FROM (VALUES
        ('WT-R1', 'pH'::eco.pollutant, 7.5::float8, false), ('WT-R1', 'DO', 6.5, false), ('WT-R1', 'CODMn', 4.0, false),
        ('WT-R1', 'NH3-N', 0.5, false), ('WT-R1', 'TP', 0.1, false), ('WT-R1', 'TN', 3.0, false),
        ('WT-R1', 'water:Pb', 0.08, true),
        ('WT-R2', 'pH', 7.5, false), ('WT-R2', 'DO', 4.5, false), ('WT-R2', 'CODMn', 9.0, false),
        ('WT-R2', 'NH3-N', 2.3, false), ('WT-R2', 'TP', 0.34, false), ('WT-R2', 'COD', 32, false),
        ('WT-L1', 'pH', 8.1, false), ('WT-L1', 'DO', 8.0, false), ('WT-L1', 'CODMn', 3.2, false),
        ('WT-L1', 'TP', 0.06, false), ('WT-L1', 'TN', 1.2, false)) d(code, p, v, bd) WHERE d.code = s.code) x;
SELECT * FROM eco.section_evaluation('2025-01-01', '2026-01-01');
SELECT section_code, water_class, main_pollutants_label FROM eco.section_evaluation('2025-01-01', '2026-01-01', 0.5);
SELECT * FROM eco.section_evaluation('2030-01-01', '2031-01-01');
-- constraints
INSERT INTO eco.water_sample VALUES ('WT-R1', '2025-02-01', 'PM2.5', 1, false);
INSERT INTO eco.water_sample VALUES ('WT-R1', '2025-02-01', 'COD', -1, false);
INSERT INTO eco.water_sample VALUES ('WT-R1', '2025-02-01', 'COD', 'NaN', false);
INSERT INTO eco.water_sample VALUES ('NO-SUCH', '2025-02-01', 'COD', 1, false);
INSERT INTO eco.water_sample VALUES ('WT-R1', '2025-01-10 09:00', 'COD', 1, false);
INSERT INTO eco.water_sample VALUES ('WT-R1', '2025-01-10 09:00', 'CODMn', 1, false);
SELECT c.relrowsecurity, (SELECT count(*) FROM pg_policy WHERE polrelid = c.oid) AS policies,
       c.oid = ANY (e.extconfig) AS dumped
FROM pg_class c, pg_extension e WHERE c.oid = 'eco.water_sample'::regclass AND e.extname = 'eco_monitor';
DELETE FROM eco.water_sample WHERE section_code LIKE 'WT-%';
DELETE FROM eco.site WHERE code LIKE 'WT-%';

-- ---------- the aggregates with the standard last ----------
SELECT eco.section_class(p::eco.pollutant, v, 'river', 'GB3838-2002') AS cls,
       eco.section_class(p::eco.pollutant, v, 'river') AS cls_default,
       eco.main_pollutants(p::eco.pollutant, v, 'river', true, 'GB3838-2002') AS main,
       eco.main_pollutants_label(p::eco.pollutant, v, 'river', 1, 'GB3838-2002') AS label,
       eco.drinking_source_compliance(p::eco.pollutant, v, 'river', 'GB3838-2002') AS drinking
FROM (VALUES ('pH', 7.2), ('DO', 4.2), ('CODMn', 7.5), ('COD', 32), ('BOD5', 5.0), ('NH3-N', 2.3), ('TP', 0.34)) t(p, v);
-- a NULL standard on a row takes the default; two editions in one group are refused
SELECT eco.section_class(p::eco.pollutant, v, 'river', s::eco.standard)
FROM (VALUES ('COD', 32, NULL), ('NH3-N', 2.3, 'GB3838-2002')) t(p, v, s);
SELECT eco.section_class(p::eco.pollutant, v, 'river', s::eco.standard)
FROM (VALUES ('COD', 32, 'GB3838-2002'), ('NH3-N', 2.3, 'HJ633-2026')) t(p, v, s);
