-- Demo, part 50: pollution sources under online monitoring (HJ 212-2017 packets) in 示例市 (area 990100).
-- Three synthetic enterprises stream a week of hourly packets (July 2023): a few arrive with a bad CRC,
-- some hours carry the maintenance flag M, the sewage plant's old logger still sends HJ/T 212-2005 codes,
-- and the power plant has an SO2 exceedance episode across midnight, which becomes an enforcement case.
-- The annual report of 示例市 (part 90) counts the outlets' exceedances.
SET client_min_messages = notice;
\echo '== three enterprises, their outlets (MN = the data logger''s device code) and permit limits'
INSERT INTO eco.pollution_source (code, name, industry, permit_no, area) VALUES
    ('DEMO-ENT-1', '示例热电有限公司', '火力发电', '91990101DEMO00001P', '990101'),
    ('DEMO-ENT-2', '示例水务污水处理厂', '污水处理', '91990102DEMO00002P', '990102'),
    ('DEMO-ENT-3', '示例化工股份公司', '化学原料制造', '91990103DEMO00003P', '990103');
INSERT INTO eco.outlet (mn, source_id, outlet_code, name, medium, permit_no, area, geom)
SELECT v.mn, s.id, v.outlet_code, v.name, v.medium, s.permit_no, s.area,
       public.ST_SetSRID(public.ST_MakePoint(v.lon, v.lat), 4490)
FROM (VALUES ('DEMO-ENT-1', '990101DEMO0000000000DA01', 'DA001', '1号机组烟囱', '废气', 114.90, 30.38),
             ('DEMO-ENT-2', '990102DEMO0000000000DW01', 'DW001', '总排口', '废水', 114.95, 30.42),
             ('DEMO-ENT-3', '990103DEMO0000000000DA01', 'DA001', '焚烧炉排气筒', '废气', 114.87, 30.35))
     AS v(code, mn, outlet_code, name, medium, lon, lat)
JOIN eco.pollution_source s ON s.code = v.code;
-- Limits as written in each permit (flue gas at 6 % reference oxygen: the converted concentration is compared).
INSERT INTO eco.outlet_limit (mn, code, limit_value, unit, standard, reference_o2) VALUES
    ('990101DEMO0000000000DA01', 'a21026', 35, 'mg/m³', '排污许可证', 6),
    ('990101DEMO0000000000DA01', 'a21002', 50, 'mg/m³', '排污许可证', 6),
    ('990101DEMO0000000000DA01', 'a34013', 10, 'mg/m³', '排污许可证', 6),
    ('990102DEMO0000000000DW01', 'w01018', 50, 'mg/L', '排污许可证', NULL),
    ('990102DEMO0000000000DW01', 'w21003', 5, 'mg/L', '排污许可证', NULL),
    ('990103DEMO0000000000DA01', 'a21026', 100, 'mg/m³', '排污许可证', 11);
SELECT s.name AS enterprise, o.outlet_code, o.medium, l.code, h.name_zh, l.limit_value, l.unit, l.reference_o2
FROM eco.outlet_limit l JOIN eco.outlet o USING (mn) JOIN eco.pollution_source s ON s.id = o.source_id
JOIN eco.hj212_items h ON h.code = l.code
WHERE s.code LIKE 'DEMO-ENT-%' ORDER BY s.code, l.code;

\echo '== one packet: the standard''s worked example, and a data packet read field by field'
SELECT status, data_length, cn, mn, crc_sent, crc_computed, crc_ok
FROM eco.hj212_parse(E'##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n');
SELECT code, code2017, pollutant, legacy, kind, value, flag, valid
FROM eco.hj212_values(eco.hj212_frame('QN=20230701080000000;ST=32;CN=2061;PW=123456;MN=990102DEMO0000000000DW01;Flag=4;'
     || 'CP=&&DataTime=20230701080000;011-Avg=23.5,011-Flag=N;060-Avg=0.82,060-Flag=N;B01-Cou=1250.4,B01-Flag=N&&'));

\echo '== a week of hourly packets as the platform logged them (a real log goes in with psql''s copy into eco.hj212_staging (line))'
INSERT INTO eco.hj212_staging (line)
SELECT CASE WHEN (extract(doy FROM h)::int * 24 + extract(hour FROM h)::int) % 53 = 7
            THEN regexp_replace(p.line, '.{4}$', '0000')          -- a corrupted packet: the CRC no longer matches
            ELSE p.line END
FROM generate_series(timestamp '2023-07-01 00:00', '2023-07-07 23:00', interval '1 hour') AS h
CROSS JOIN LATERAL (VALUES
    -- power plant: SO2 above 35 (converted) from 2023-07-03 21:00 to 07-04 02:00; maintenance on 07-05 09-11 h
    (eco.hj212_frame(format('QN=%s000;ST=31;CN=2061;PW=123456;MN=990101DEMO0000000000DA01;Flag=4;CP=&&DataTime=%s;'
        || 'a21026-Avg=%s,a21026-ZsAvg=%s,a21026-Flag=%s;a21002-Avg=32.1,a21002-ZsAvg=%s,a21002-Flag=%s;'
        || 'a34013-Avg=2.1,a34013-ZsAvg=2.6,a34013-Flag=%s;a19001-Avg=7.2,a19001-Flag=N;a00000-Avg=412.5,a00000-Flag=N&&',
        to_char(h, 'YYYYMMDDHH24MISS'), to_char(h, 'YYYYMMDDHH24MISS'),
        CASE WHEN h BETWEEN '2023-07-03 21:00' AND '2023-07-04 02:00' THEN 40 + extract(hour FROM h)::int % 7 ELSE 18 END,
        CASE WHEN h BETWEEN '2023-07-03 21:00' AND '2023-07-04 02:00' THEN 44 + extract(hour FROM h)::int % 7 ELSE 20 END,
        CASE WHEN h BETWEEN '2023-07-05 09:00' AND '2023-07-05 11:00' THEN 'M' ELSE 'N' END,
        30 + extract(hour FROM h)::int % 5,
        CASE WHEN h BETWEEN '2023-07-05 09:00' AND '2023-07-05 11:00' THEN 'M' ELSE 'N' END,
        CASE WHEN h BETWEEN '2023-07-05 09:00' AND '2023-07-05 11:00' THEN 'M' ELSE 'N' END), false)),
    -- sewage plant: an HJ/T 212-2005 logger (no QN, 2005 item codes); calibration every day at 04:00
    (eco.hj212_frame(format('ST=32;CN=2061;PW=123456;MN=990102DEMO0000000000DW01;CP=&&DataTime=%s;'
        || '011-Avg=%s,011-Flag=%s;060-Avg=0.6,060-Flag=%s;B01-Cou=1180.0,B01-Flag=N&&',
        to_char(h, 'YYYYMMDDHH24MISS'), 20 + extract(hour FROM h)::int % 9,
        CASE WHEN extract(hour FROM h) = 4 THEN 'C' ELSE 'N' END,
        CASE WHEN extract(hour FROM h) = 4 THEN 'C' ELSE 'N' END), false)),
    -- chemical plant: compliant, but its logger was offline on 07-06 (no packets)
    (CASE WHEN h::date <> '2023-07-06' THEN eco.hj212_frame(format(
        'QN=%s000;ST=31;CN=2061;PW=123456;MN=990103DEMO0000000000DA01;Flag=4;CP=&&DataTime=%s;'
        || 'a21026-Avg=21.0,a21026-ZsAvg=25.4,a21026-Flag=N;a19001-Avg=12.6,a19001-Flag=N&&',
        to_char(h, 'YYYYMMDDHH24MISS'), to_char(h, 'YYYYMMDDHH24MISS')), false) END)) AS p(line)
WHERE p.line IS NOT NULL;
-- and a device with no outlet on record
INSERT INTO eco.hj212_staging (line)
VALUES (eco.hj212_frame('QN=20230701000000000;ST=31;CN=2061;PW=123456;MN=990109UNKNOWN00000000DA1;Flag=4;'
        || 'CP=&&DataTime=20230701000000;a21026-Avg=5,a21026-Flag=N&&', false));
SELECT * FROM eco.hj212_ingest(batch_size => 200, progress => true);
SELECT reason, count(*) AS packets, min(detail) AS example FROM eco.hj212_reject GROUP BY reason ORDER BY reason;

\echo '== hourly exceedances and their runs (valid data only, converted concentrations)'
SELECT o.outlet_code, r.code, r.run_start, r.run_end, r.hours, r.max_value, r.max_multiple, r.limit_value, r.standard
FROM eco.outlet_exceedance_runs('9901', tsrange('2023-07-01', '2023-07-08')) r JOIN eco.outlet o USING (mn);
\echo '== data capture by outlet and item for the week (missing or invalid hours are never counted as compliance)'
SELECT s.name AS enterprise, c.code, count(*) AS days, sum(c.hours_valid) AS valid_hours, sum(c.hours_missing) AS missing,
       sum(c.hours_m) AS maintenance, sum(c.hours_c) AS calibration, round(avg(c.capture), 1) AS capture_pct,
       string_agg(DISTINCT c.status, ', ') AS statuses
FROM eco.outlet_data_capture('9901', daterange('2023-07-01', '2023-07-08')) c
JOIN eco.outlet o USING (mn) JOIN eco.pollution_source s ON s.id = o.source_id
GROUP BY s.code, s.name, c.code ORDER BY s.code, c.code;

\echo '== the SO2 run becomes an enforcement case, linked to its evidence'
SELECT eco.exceedance_to_case('990101DEMO0000000000DA01', 'a21026', r.run_start, '示环罚〔2023〕在线1号', '2023-07-20', 200000) > 0
       AS case_opened
FROM eco.outlet_exceedance_runs('990101', tsrange('2023-07-01', '2023-07-08')) r WHERE r.code = 'a21026';
SELECT c.case_no, c.enterprise, c.violation, c.penalty FROM eco.enforcement_case c WHERE c.case_no = '示环罚〔2023〕在线1号';
SELECT e.data_time, e.value, e.flag, e.limit_value, e.exceeded
FROM eco.enforcement_case c JOIN eco.exceedance_case x ON x.case_id = c.id
CROSS JOIN LATERAL eco.exceedance_case_evidence(x.case_id) e WHERE c.case_no = '示环罚〔2023〕在线1号';
