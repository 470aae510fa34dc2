-- HJ 212-2017 packets: framing, CRC, fields, flags, reject reasons, legacy codes;
-- sources, ingest (idempotent, counts), compliance (runs across midnight, capture) and the ledger.
SET client_min_messages = warning;
-- The standard's worked example (HJ 212-2017): length 101, CRC 1C80.
SELECT status, data_length, qn, st, cn, pw, mn, flag, crc_sent, crc_computed, crc_ok
FROM eco.hj212_parse(E'##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n');
SELECT eco.hj212_crc('QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&');
SELECT eco.hj212_frame('QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&', false);
-- A packet published in the README of the public library chenqi92/alltobs-hj212 (CRC sent in lower case):
-- the frame verifies; one of its codes (w01008) is in no code table (w01003, turbidity, is accepted).
SELECT status, detail, data_length, cn, mn, data_time, crc_sent, crc_ok
FROM eco.hj212_parse('##0435QN=20210301111100112;ST=21;CN=2011;PW=123456;MN=ZLDSZ20210127;Flag=8;CP=&&DataTime=20210301111100;w01001-Rtd=8.33,w01001-Flag=N;w01009-Rtd=10.15,w01009-Flag=N;w01010-Rtd=9.7,w01010-Flag=N;w01014-Rtd=1425,w01014-Flag=N;w01003-Rtd=13.10,w01003-Flag=N;w21011-Rtd=0,w21011-Flag=N;w21001-Rtd=3.563168,w21001-Flag=N;w21003-Rtd=0.09055002,w21003-Flag=N;w01019-Rtd=4.102818,w01019-Flag=N;w01008-Rtd=0,w01008-Flag=N;w23002-Rtd=0,w23002-Flag=N&&7d00');
-- Every reason a packet is refused, and the header of a bad-CRC packet still shown.
SELECT t.name, p.status, p.detail, p.crc_ok
FROM (VALUES
  ('ok', eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260301010000;a21026-Avg=35&&')),
  ('no ##', '#0060ST=31'),
  ('length', '##0099' || substr(eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260301010000;a21026-Avg=35&&'), 7)),
  ('crc', replace(eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260301010000;a21026-Avg=35&&'), 'Avg=35', 'Avg=36')),
  ('syntax', eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260301010000;a21026-Mean=35&&')),
  ('timestamp', eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260231010000;a21026-Avg=35&&')),
  ('unknown code', eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260301010000;x99999-Avg=35&&')),
  ('bad number', eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260301010000;a21026-Avg=3,5&&')),
  ('bad flag', eco.hj212_frame('ST=31;CN=2061;MN=M1;CP=&&DataTime=20260301010000;a21026-Avg=35,a21026-Flag=Z&&'))
) AS t(name, packet)
CROSS JOIN LATERAL eco.hj212_parse(t.packet) p;
-- Values: every flag, converted concentrations, sample time, legacy 2005 codes.
SELECT code, code2017, pollutant, legacy, kind, value, flag, valid, eflag, sample_time
FROM eco.hj212_values(eco.hj212_frame('QN=20260301010000000;ST=31;CN=2061;PW=123456;MN=M1;Flag=4;CP=&&DataTime=20260301010000;'
  || 'a21026-Avg=35.5,a21026-ZsAvg=41.25,a21026-Flag=N;a21002-Avg=80,a21002-Flag=F;a34013-Avg=9,a34013-Flag=M;'
  || '04-Avg=1,04-Flag=S;S02-Max=2,S02-Flag=D;B02-Min=3,B02-Flag=C;S01-Avg=8.5,S01-Flag=T;w01018-Rtd=4,w01018-Flag=B,'
  || 'w01018-SampleTime=20260301005500,w01018-EFlag=X1&&'), true);
SELECT f.flag, f.meaning, f.valid FROM eco.hj212_flags f;
SELECT count(*) AS items, count(legacy_code) AS with_2005_code, count(pollutant) AS in_registry FROM eco.hj212_items;
-- strict raises, non-strict yields nothing
SELECT * FROM eco.hj212_values('##0000');
SELECT count(*) FROM eco.hj212_values('##0000', false);
SELECT eco.hj212_frame(repeat('x', 1025));

-- ---------- sources, ingest ----------
INSERT INTO eco.pollution_source (code, name, industry, permit_no, area) VALUES
  ('91420700TEST0001', '某热电公司', '火力发电', '91420700TEST0001001P', '420702');
INSERT INTO eco.outlet (mn, source_id, outlet_code, name, medium, permit_no, area, geom)
SELECT 'HJTEST0001', id, 'DA001', '1号锅炉烟囱', '废气', permit_no, area,
       public.ST_SetSRID(public.ST_MakePoint(114.89, 30.39), 4490)
FROM eco.pollution_source WHERE code = '91420700TEST0001';
INSERT INTO eco.outlet_limit (mn, code, limit_value, unit, standard, reference_o2) VALUES
  ('HJTEST0001', 'a21026', 50, 'mg/m³', 'GB 13223-2011', 6),
  ('HJTEST0001', 'a34013', 10, 'mg/m³', 'GB 13223-2011', 6);
INSERT INTO eco.outlet_limit (mn, code, limit_value, unit, standard) VALUES ('HJTEST0001', 'a99999', 1, 'mg/m³', 'x');
-- 24 hours of 2026-03-01 plus 2 of 2026-03-02: SO2 above 50 from 22:00 to 01:00 (a run across midnight),
-- one maintenance hour at 10:00 (M, not counted), smoke dust without ZsAvg converted with O2.
INSERT INTO eco.hj212_staging (line)
SELECT eco.hj212_frame(format('QN=%s000;ST=31;CN=2061;PW=123456;MN=HJTEST0001;Flag=4;CP=&&DataTime=%s;'
         || 'a21026-Avg=%s,a21026-ZsAvg=%s,a21026-Flag=%s;a34013-Avg=%s,a34013-Flag=N;a19001-Avg=%s,a19001-Flag=N&&',
         to_char(h, 'YYYYMMDDHH24MISS'), to_char(h, 'YYYYMMDDHH24MISS'),
         30, CASE WHEN h >= '2026-03-01 22:00' AND h < '2026-03-02 02:00' THEN 60 + extract(hour FROM h) ELSE 40 END,
         CASE WHEN h = '2026-03-01 10:00' THEN 'M' ELSE 'N' END,
         CASE WHEN h = '2026-03-01 05:00' THEN 8 ELSE 5 END, 11), false)
FROM generate_series(timestamp '2026-03-01 00:00', '2026-03-02 01:00', interval '1 hour') AS h;
-- a 2005-style line, a bad CRC, an unknown MN, an unsupported command, an empty line
INSERT INTO eco.hj212_staging (line) VALUES
  (eco.hj212_frame('ST=31;CN=2061;PW=123456;MN=HJTEST0001;CP=&&DataTime=20260302020000;02-Avg=10,02-ZsAvg=12,02-Flag=N;01-Avg=3,01-Flag=N&&', false)),
  (replace(eco.hj212_frame('ST=31;CN=2061;MN=HJTEST0001;CP=&&DataTime=20260302030000;a21026-Avg=1&&', false), 'Avg=1', 'Avg=2')),
  (eco.hj212_frame('ST=31;CN=2061;MN=NOSUCHMN;CP=&&DataTime=20260302030000;a21026-Avg=1&&', false)),
  (eco.hj212_frame('ST=31;CN=1062;MN=HJTEST0001;CP=&&RtdInterval=30&&', false)),
  (NULL);
SELECT * FROM eco.hj212_ingest(batch_size => 10);
SELECT reason, detail, mn FROM eco.hj212_reject ORDER BY id;
SELECT count(*) AS readings, count(*) FILTER (WHERE legacy) AS legacy FROM eco.outlet_reading;
SELECT count(*) AS staged_left FROM eco.hj212_staging;
-- idempotent: the same lines again are duplicates; a changed value replaces
INSERT INTO eco.hj212_staging (line)
SELECT eco.hj212_frame(format('QN=%s000;ST=31;CN=2061;PW=123456;MN=HJTEST0001;Flag=4;CP=&&DataTime=%s;'
         || 'a21026-Avg=%s,a21026-ZsAvg=%s,a21026-Flag=%s;a34013-Avg=%s,a34013-Flag=N;a19001-Avg=%s,a19001-Flag=N&&',
         to_char(h, 'YYYYMMDDHH24MISS'), to_char(h, 'YYYYMMDDHH24MISS'),
         30, CASE WHEN h >= '2026-03-01 22:00' AND h < '2026-03-02 02:00' THEN 60 + extract(hour FROM h) ELSE 40 END,
         CASE WHEN h = '2026-03-01 10:00' THEN 'M' ELSE 'N' END,
         CASE WHEN h = '2026-03-01 05:00' THEN 8 ELSE 5 END, 11), false)
FROM generate_series(timestamp '2026-03-01 00:00', '2026-03-02 01:00', interval '1 hour') AS h;
INSERT INTO eco.hj212_staging (line) VALUES
  (eco.hj212_frame('ST=31;CN=2061;PW=123456;MN=HJTEST0001;CP=&&DataTime=20260302020000;02-Avg=10,02-ZsAvg=13,02-Flag=N;01-Avg=3,01-Flag=N&&', false));
SELECT * FROM eco.hj212_ingest();
SELECT count(*) AS readings FROM eco.outlet_reading;
SELECT code, pollutant, kind, value, flag FROM eco.outlet_reading_values
WHERE data_time = '2026-03-02 02:00' ORDER BY code, kind;

-- ---------- compliance ----------
SELECT mn, source, outlet_code, code, pollutant, data_time, value, limit_value, multiple
FROM eco.outlet_exceedances('4207', tsrange('2026-03-01', '2026-03-03'));
SELECT * FROM eco.outlet_exceedance_runs('', tsrange('2026-03-01', '2026-03-03'));
SELECT mn, code, day, hours_received, hours_missing, hours_valid, hours_m, capture, exceedance_hours, status
FROM eco.outlet_data_capture('42', daterange('2026-03-01', '2026-03-03'));
-- another area sees nothing
SELECT count(*) FROM eco.outlet_exceedance_runs('3201', tsrange('2026-03-01', '2026-03-03'));
-- the run becomes an enforcement case with its evidence
SELECT eco.exceedance_to_case('HJTEST0001', 'a21026', '2026-03-01 23:00', 'X-2026-001');
SELECT eco.exceedance_to_case('HJTEST0001', 'a21026', '2026-03-01 22:00', '鄂环罚〔2026〕1号', '2026-03-10', 100000) > 0 AS case_created;
SELECT c.case_no, c.enterprise, c.violation, c.decided_on, c.penalty FROM eco.enforcement_case c;
SELECT x.mn, x.code, x.run_start, x.run_end, x.hours, x.max_value, x.max_multiple, x.standard
FROM eco.exceedance_case x;
SELECT e.data_time, e.value, e.flag, e.exceeded
FROM eco.exceedance_case x CROSS JOIN LATERAL eco.exceedance_case_evidence(x.case_id) e;
DO $$
BEGIN
    PERFORM eco.exceedance_to_case('HJTEST0001', 'a21026', '2026-03-01 22:00', '鄂环罚〔2026〕2号');
EXCEPTION WHEN unique_violation THEN
    RAISE WARNING 'a second case for the same run is refused (%)', SQLSTATE;
END
$$;

-- leave the shared regression database as it was
DELETE FROM eco.enforcement_case WHERE case_no = '鄂环罚〔2026〕1号';
SELECT count(*) AS links_left FROM eco.exceedance_case;
DELETE FROM eco.outlet_reading; DELETE FROM eco.hj212_reject; DELETE FROM eco.outlet_limit;
DELETE FROM eco.outlet; DELETE FROM eco.pollution_source;
