-- pgTAP: HJ 212 packets, sources, ingest (no packet lost, idempotent, every reject reason),
-- compliance (runs across midnight, missing data never compliant), the ledger link, row-level security.
BEGIN;
SELECT plan(69);

-- Catalogue.
SELECT has_table('eco', t, 'table eco.' || t)
FROM unnest(ARRAY['pollution_source', 'outlet', 'outlet_limit', 'hj212_staging_lines', 'hj212_reject', 'outlet_reading',
                  'exceedance_case']) t;
SELECT is((SELECT relkind::text FROM pg_class WHERE oid = 'eco.hj212_staging'::regclass), 'p',
          'eco.hj212_staging (the copy target) routes to its partition eco.hj212_staging_lines');
SELECT is((SELECT relrowsecurity FROM pg_class WHERE oid = 'eco.hj212_staging'::regclass), false,
          'the copy target has no row-level security (COPY FROM refuses it)');
SELECT is((SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'eco.hj212_staging'::regclass), 0, 'nor a trigger');
SELECT is((SELECT relkind::text FROM pg_class WHERE oid = 'eco.outlet_reading'::regclass), 'p',
          'eco.outlet_reading is natively partitioned');
SELECT is((SELECT pg_get_partkeydef('eco.outlet_reading'::regclass)), 'RANGE (data_time)', 'partitioned by DataTime');
SELECT is((SELECT count(*)::int FROM eco.hj212_flags), 8, '8 data flags');
SELECT is((SELECT string_agg(flag, '' ORDER BY flag) FROM eco.hj212_flags WHERE valid), 'NS', 'N and S are valid data');
SELECT is((SELECT count(*)::int FROM eco.hj212_items i JOIN eco.pollutants p ON p.hj212 = i.code), 
          (SELECT count(*)::int FROM eco.pollutants WHERE hj212 IS NOT NULL),
          'every registry HJ 212 code is an accepted item');
SELECT is(eco.hj212_crc('QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&'),
          '1C80', 'CRC16 of the standard''s worked example');
SELECT throws_ok($$SELECT * FROM eco.hj212_values('##0000')$$, '22P02', NULL, 'a bad packet raises 22P02 in strict mode');
SELECT throws_ok($$SELECT eco.hj212_frame(repeat('x', 1025))$$, '22023', NULL, 'a data segment over 1024 bytes is refused');
SELECT throws_ok($$SELECT * FROM eco.hj212_ingest(0)$$, '22023', NULL, 'batch_size must be positive');
SELECT throws_ok($$INSERT INTO eco.outlet_limit (mn, code, limit_value, unit, standard) VALUES ('x', 'zz', 1, 'u', 's')$$,
                 '22023', NULL, 'a limit on an unknown item code is refused');

-- Sources in two areas.
INSERT INTO eco.pollution_source (code, name, area) VALUES ('TAP-S1', '甲热电', '990101'), ('TAP-S2', '乙化工', '990202');
INSERT INTO eco.outlet (mn, source_id, outlet_code, medium, area)
SELECT 'TAPMN1', id, 'DA001', '废气', area FROM eco.pollution_source WHERE code = 'TAP-S1';
INSERT INTO eco.outlet (mn, source_id, outlet_code, medium, area)
SELECT 'TAPMN2', id, 'DW001', '废水', area FROM eco.pollution_source WHERE code = 'TAP-S2';
INSERT INTO eco.outlet_limit (mn, code, limit_value, unit, standard, reference_o2) VALUES
    ('TAPMN1', 'a21026', 35, 'mg/m³', 'GB 13223-2011', 6);
INSERT INTO eco.outlet_limit (mn, code, limit_value, unit, standard) VALUES ('TAPMN2', 'w01018', 100, 'mg/L', 'GB 8978-1996');

-- Hourly SO2 of TAPMN1 on 2026-05-01 and 02: above 35 from 21:00 to 02:00 (across midnight), one M hour at 12:00
-- on day 1; COD of TAPMN2 on day 1 only, 23 hours (05:00 missing), all below the limit.
CREATE TEMP TABLE tap_lines AS
SELECT eco.hj212_frame(format('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=%s;a21026-Avg=20,a21026-ZsAvg=%s,a21026-Flag=%s&&',
                              to_char(h, 'YYYYMMDDHH24MISS'),
                              CASE WHEN h >= '2026-05-01 21:00' AND h < '2026-05-02 03:00' THEN 50 ELSE 30 END,
                              CASE WHEN h = '2026-05-01 12:00' THEN 'M' ELSE 'N' END), false) AS line
FROM generate_series(timestamp '2026-05-01 00:00', '2026-05-02 23:00', interval '1 hour') h
UNION ALL
SELECT eco.hj212_frame(format('ST=32;CN=2061;MN=TAPMN2;CP=&&DataTime=%s;011-Avg=60,011-Flag=N;B01-Cou=12.5,B01-Flag=N&&',
                              to_char(h, 'YYYYMMDDHH24MISS')), false)
FROM generate_series(timestamp '2026-05-01 00:00', '2026-05-01 23:00', interval '1 hour') h
WHERE h <> '2026-05-01 05:00';
INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_lines;
-- one bad packet per reason, and a duplicate inside the batch
INSERT INTO eco.hj212_staging (line) VALUES
    ('#' || eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260503000000;a21026-Avg=1&&', false)),
    ('##0999' || substr(eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260503000000;a21026-Avg=1&&', false), 7)),
    (replace(eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260503000000;a21026-Avg=1&&', false), 'Avg=1', 'Avg=2')),
    (eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260503000000;a21026-Avg=1,a21026-Flag=Q&&', false)),
    (eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260532000000;a21026-Avg=1&&', false)),
    (eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260503000000;a88888-Avg=1&&', false)),
    (eco.hj212_frame('ST=31;CN=2061;MN=NOBODY;CP=&&DataTime=20260503000000;a21026-Avg=1&&', false)),
    (eco.hj212_frame('ST=31;CN=1062;MN=TAPMN1;CP=&&RtdInterval=30&&', false)),
    (eco.hj212_frame('QN=20260503000000001;ST=31;CN=2061;MN=TAPMN1;PNUM=2;PNO=1;CP=&&DataTime=20260503000000;a21026-Avg=1&&', false)),
    (NULL),
    ((SELECT line FROM tap_lines LIMIT 1));
CREATE TEMP TABLE tap_counts AS SELECT * FROM eco.hj212_ingest(batch_size => 7);
SELECT is((SELECT given FROM tap_counts), 71 + 11::bigint, 'every staged line is given');
SELECT is((SELECT loaded + rejected FROM tap_counts), (SELECT given FROM tap_counts),
          'no packet is lost: loaded + rejected = given');
SELECT is((SELECT rejected FROM tap_counts), 10::bigint, '10 packets rejected');
SELECT is((SELECT duplicate FROM tap_counts), 1::bigint, 'the repeated line is a duplicate');
SELECT is((SELECT count(*) FROM eco.outlet_reading), 71::bigint, '71 packets stored');
SELECT is((SELECT count(*) FROM eco.hj212_staging), 0::bigint, 'the staging lines are consumed');
SELECT is((SELECT detail FROM eco.hj212_reject WHERE reason = 'split packet'), 'incomplete: part 1 of 2; parts received: 1',
          'a lone part of a split packet is rejected at the end, with the parts received');
SELECT is((SELECT string_agg(reason, ', ' ORDER BY reason) FROM eco.hj212_reject),
          'crc, framing, framing, length, split packet, syntax, timestamp, unknown MN, unknown code, unsupported command',
          'every reject reason, with the raw line kept');
SELECT is((SELECT detail FROM eco.hj212_reject WHERE reason = 'unknown code'), 'a88888', 'the unknown code is kept');
SELECT is((SELECT count(*) FROM eco.hj212_reject WHERE line IS NULL), 1::bigint, 'only the empty line has no text');
SELECT is((SELECT count(*) FROM eco.outlet_reading WHERE legacy), 23::bigint, '2005-coded packets stored as such');
SELECT is((SELECT count(DISTINCT pollutant::text) FROM eco.outlet_reading_values WHERE mn = 'TAPMN2' AND code = 'w01018'),
          1::bigint, 'the 2005 code 011 is COD');

-- Idempotent: the same lines again change nothing; a corrected packet replaces.
INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_lines;
CREATE TEMP TABLE tap_counts2 AS SELECT * FROM eco.hj212_ingest();
SELECT is((SELECT row(given, loaded, rejected, duplicate, replaced)::text FROM tap_counts2), '(71,71,0,71,0)',
          're-ingest: every packet a duplicate');
SELECT is((SELECT count(*) FROM eco.outlet_reading), 71::bigint, 're-ingest adds no row');
INSERT INTO eco.hj212_staging (line) VALUES
    (eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260502230000;a21026-Avg=20,a21026-ZsAvg=31,a21026-Flag=N&&', false));
SELECT is((SELECT replaced FROM eco.hj212_ingest()), 1::bigint, 'a corrected packet replaces the stored one');
SELECT is((SELECT revision FROM eco.outlet_reading WHERE mn = 'TAPMN1' AND data_time = '2026-05-02 23:00'), 1,
          'its revision counts the replacement');

-- Split packets (PNUM, PNO): the parts of a set are joined across batches, out of order; a set still incomplete at the
-- end is rejected part by part with the raw lines.
CREATE TEMP TABLE tap_split AS
SELECT p.pno, eco.hj212_frame(format('QN=20260503010000001;ST=31;CN=2061;PW=123456;MN=TAPMN1;Flag=7;PNUM=3;PNO=%s;'
                                     'CP=&&DataTime=20260503010000;%s&&', p.pno, p.items), false) AS line
FROM (VALUES (1, 'a21026-Avg=20,a21026-ZsAvg=30,a21026-Flag=N'), (2, 'a21002-Avg=80,a21002-Flag=N'),
             (3, 'a34013-Avg=9,a34013-Flag=M')) p(pno, items);
INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_split WHERE pno = 3;
INSERT INTO eco.hj212_staging (line) VALUES
    (eco.hj212_frame('QN=20260503020000001;ST=31;CN=2061;MN=TAPMN1;Flag=7;PNUM=2;PNO=2;CP=&&DataTime=20260503020000;a21002-Avg=1&&', false));
INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_split WHERE pno = 1;
INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_split WHERE pno = 2;
CREATE TEMP TABLE tap_counts3 AS SELECT * FROM eco.hj212_ingest(batch_size => 1);
SELECT is((SELECT row(given, loaded, rejected, duplicate, replaced, reassembled)::text FROM tap_counts3), '(4,3,1,0,0,3)',
          'split packets: 4 lines given, the 3 parts of a set loaded as one reading, a lone part rejected');
SELECT is((SELECT row(codes, flags, vals[1][8], vals[2][3], vals[3][3])::text FROM eco.outlet_reading
           WHERE mn = 'TAPMN1' AND data_time = '2026-05-03 01:00'),
          '("{a21026,a21002,a34013}",NNM,30,80,9)', 'the joined reading has the items of all parts in PNO order');
SELECT is((SELECT row(line, detail)::text FROM eco.hj212_reject WHERE reason = 'split packet' AND mn = 'TAPMN1'
           AND line LIKE '%PNO=2;CP=&&DataTime=20260503020000%'),
          row(eco.hj212_frame('QN=20260503020000001;ST=31;CN=2061;MN=TAPMN1;Flag=7;PNUM=2;PNO=2;CP=&&DataTime=20260503020000;a21002-Avg=1&&', false),
              'incomplete: part 2 of 2; parts received: 2')::text,
          'the incomplete set''s part is kept with its raw line');
INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_split WHERE pno <= 2 ORDER BY pno;
INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_split WHERE pno >= 2 ORDER BY pno;
SELECT is((SELECT row(given, loaded, rejected, duplicate, reassembled)::text FROM eco.hj212_ingest()), '(4,4,0,2,3)',
          'the same set again (one part twice) changes nothing: a duplicate reading and a duplicate part');
INSERT INTO eco.hj212_staging (line) VALUES
    (eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;PNUM=2;PNO=1;CP=&&DataTime=20260503030000;a21026-Avg=1&&', false));
SELECT is((SELECT row(given, rejected)::text FROM eco.hj212_ingest()), '(1,1)', 'a part without QN is rejected');
SELECT is((SELECT detail FROM eco.hj212_reject WHERE line LIKE '%DataTime=20260503030000%'),
          'a part of a split packet without QN', '... since the parts of a set are matched by MN, CN and QN');
-- The fallback of a batch whose keys are stored (a subtransaction rolled back) inside a caller's exception block.
SELECT lives_ok($q$DO $d$ BEGIN
                    INSERT INTO eco.hj212_staging (line) SELECT line FROM tap_lines LIMIT 3;
                    PERFORM eco.hj212_ingest();
                  EXCEPTION WHEN division_by_zero THEN NULL;
                  END $d$$q$, 'a re-ingest inside a caller''s exception block');

-- Compliance.
SELECT is((SELECT row(run_start, run_end, hours, max_value, max_multiple)::text
           FROM eco.outlet_exceedance_runs('9901', tsrange('2026-05-01', '2026-05-03'))),
          '("2026-05-01 21:00:00","2026-05-02 03:00:00",6,50,0.43)', 'one run of 6 hours across midnight, multiple 0.43');
SELECT is((SELECT count(*) FROM eco.outlet_exceedances('9901', tsrange('2026-05-01', '2026-05-03'))), 6::bigint,
          '6 exceedance hours');
SELECT is((SELECT count(*) FROM eco.outlet_exceedance_runs('9901', tsrange('2026-05-01 23:00', '2026-05-03'))), 1::bigint,
          'a period starting inside the run finds its tail');
SELECT is((SELECT string_agg(status || ':' || hours_valid || '/' || hours_m || '/' || hours_missing, ' ' ORDER BY day)
           FROM eco.outlet_data_capture('9901', daterange('2026-05-01', '2026-05-03'))),
          'exceeded:23/1/0 exceeded:24/0/0', 'SO2 capture: a maintenance hour is not valid data');
SELECT is((SELECT string_agg(status || ':' || hours_valid || '/' || hours_missing, ' ' ORDER BY day)
           FROM eco.outlet_data_capture('9902', daterange('2026-05-01', '2026-05-03'))),
          'insufficient data:23/1 insufficient data:0/24', 'missing data is never counted as compliance');
-- The area convention: NULL (or '') = every area the caller may see; NULL in another argument gives no rows.
SELECT is((SELECT count(*) FROM eco.outlet_exceedances(NULL, tsrange('2026-05-01', '2026-05-03'))),
          (SELECT count(*) FROM eco.outlet_exceedances('', tsrange('2026-05-01', '2026-05-03'))),
          'outlet_exceedances: NULL area = every area');
SELECT cmp_ok((SELECT count(*) FROM eco.outlet_data_capture(NULL, daterange('2026-05-01', '2026-05-03'))), '>',
              (SELECT count(*) FROM eco.outlet_data_capture('9901', daterange('2026-05-01', '2026-05-03'))),
              'outlet_data_capture: NULL area covers more than one area');
SELECT is((SELECT count(*) FROM eco.outlet_exceedance_runs('9901', NULL)), 0::bigint, 'a NULL period gives no rows');

-- The run becomes an enforcement case linked to its evidence.
SELECT isnt(eco.exceedance_to_case('TAPMN1', 'a21026', '2026-05-01 21:00', 'TAP-CASE-1', '2026-06-01', 50000), NULL,
            'an exceedance run becomes an enforcement case');
SELECT is((SELECT row(c.area, c.enterprise, c.penalty)::text FROM eco.enforcement_case c WHERE c.case_no = 'TAP-CASE-1'),
          '(990101,甲热电,50000.00)', 'the case names the enterprise and the area of the outlet');
SELECT is((SELECT count(*) FROM eco.exceedance_case x JOIN eco.enforcement_case c ON c.id = x.case_id
           CROSS JOIN LATERAL eco.exceedance_case_evidence(x.case_id) e WHERE c.case_no = 'TAP-CASE-1' AND e.exceeded),
          6::bigint, 'the evidence lists the 6 hours of the run');
SELECT throws_ok($$SELECT eco.exceedance_to_case('TAPMN1', 'a21026', '2026-05-01 21:00', 'TAP-CASE-2')$$, '23505', NULL,
                 'one case per run');
SELECT throws_ok($$SELECT eco.exceedance_to_case('TAPMN1', 'a21026', '2026-05-01 22:00', 'TAP-CASE-3')$$, '22023', NULL,
                 'a time inside a run is not its start');

-- The annual report counts the outlets' exceedances.
SELECT is((SELECT array_agg(value ORDER BY seq) FROM eco.annual_report('9901', 2026) WHERE section = '污染源在线监控'),
          ARRAY[1, 1, 6]::numeric[], 'annual report: 1 monitored outlet, 1 with exceedances, 6 exceedance hours');
SELECT is((SELECT count(*) FROM eco.annual_report('77', 2026) WHERE section = '污染源在线监控'), 0::bigint,
          'no such section for an area without monitored outlets');

-- Row-level security: a role of area 9902 only.
CREATE ROLE tap_src_limited;
INSERT INTO eco.area_grant VALUES ('tap_src_limited', '9902');
SET LOCAL ROLE tap_src_limited;
SELECT is((SELECT string_agg(mn, ',') FROM eco.outlet), 'TAPMN2', 'the limited role sees only the outlet of its area');
SELECT is((SELECT count(*) FROM eco.outlet_reading WHERE mn = 'TAPMN1'), 0::bigint, 'nor the readings of another area');
SELECT is((SELECT count(*) FROM eco.outlet_limit), 1::bigint, 'nor the limits of another area''s outlet');
SELECT is((SELECT count(*) FROM eco.exceedance_case), 0::bigint, 'nor its cases');
SELECT is((SELECT count(*) FROM eco.hj212_staging_lines), 0::bigint, 'nor the lines others staged');
SELECT throws_ok($$SELECT count(*) FROM eco.hj212_staging$$, '42501', NULL, 'the staging table itself is not readable');
SELECT throws_ok($$INSERT INTO eco.hj212_staging (line, staged_by) VALUES ('x', 'postgres')$$, '42501', NULL,
                 'a role cannot stage lines in another role''s name');
INSERT INTO eco.hj212_staging (line) VALUES
    (eco.hj212_frame('ST=31;CN=2061;MN=TAPMN1;CP=&&DataTime=20260504000000;a21026-Avg=1&&', false)),
    (eco.hj212_frame('ST=32;CN=2061;MN=TAPMN2;CP=&&DataTime=20260504000000;w01018-Avg=1&&', false));
SELECT is((SELECT row(given, loaded, rejected)::text FROM eco.hj212_ingest()), '(2,1,1)',
          'a packet of another area''s outlet is rejected as an unknown MN');
SELECT is((SELECT count(*) FROM eco.outlet_reading WHERE mn = 'TAPMN2'), 24::bigint, 'its own packet is stored');
SELECT throws_ok($$SELECT eco.exceedance_to_case('TAPMN1', 'a21026', '2026-05-01 21:00', 'TAP-CASE-4')$$, '22023', NULL,
                 'no case for an outlet the role cannot see');
RESET ROLE;
SELECT is((SELECT count(*) FROM eco.outlet_reading WHERE mn = 'TAPMN1'), 49::bigint,
          'the other area''s outlet got nothing from the limited role');

SELECT * FROM finish();
ROLLBACK;
