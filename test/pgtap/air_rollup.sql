-- pgTAP: the one-pass daily roll-up behind eco.refresh_air_daily: equal to the separate statistics and a direct
-- eco.daily_aqi call on full-precision data across the change of HJ 633 edition, parallel = serial, bound to its
-- own arithmetic (an overload of eco.daily_aqi changes nothing), and linear work under stale statistics.
BEGIN;
SELECT plan(31);
SET LOCAL search_path = eco, public;

-- Stale statistics: the tables are analysed while they hold none of the rows below (as when autovacuum
-- analyses before a load commits); nothing re-analyses them inside this transaction.
ANALYZE eco.air_hourly;
ANALYZE eco.air_daily;

SELECT setseed(0.14);
-- 6 sites x 12 days (2026-02-25 .. 2026-03-08: HJ633-2012 then HJ633-2026), ~8 % of the hours missing,
-- ~5 % of the values missing, full-precision doubles, some dust hours.
CREATE TEMP TABLE ru_h AS
SELECT 'RU' || s AS site_code, timestamp '2026-02-25 00:00' + g * interval '1 hour' AS hour_ending,
       CASE WHEN random() < 0.05 THEN NULL ELSE random() * 40 END AS so2,
       CASE WHEN random() < 0.05 THEN NULL ELSE random() * 120 END AS no2,
       CASE WHEN random() < 0.05 THEN NULL ELSE random() * 3 END AS co,
       CASE WHEN random() < 0.05 THEN NULL ELSE random() * 260 END AS o3,
       CASE WHEN random() < 0.05 THEN NULL ELSE random() * 300 END AS pm10,
       CASE WHEN random() < 0.05 OR (s = 6 AND g % 48 < 6) THEN NULL ELSE random() * 160 END AS pm25,
       random() < 0.03 AS dust
FROM generate_series(1, 6) s, generate_series(1, 12 * 24) g
WHERE random() > 0.08 OR s = 1;
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25, dust) SELECT * FROM ru_h;

-- Work counters of this transaction for the two tables.
CREATE TEMP VIEW ru_work AS
SELECT relname, seq_tup_read, coalesce(idx_tup_fetch, 0) AS idx_tup_fetch, n_tup_ins, n_tup_del
FROM pg_stat_xact_user_tables WHERE schemaname = 'eco' AND relname IN ('air_hourly', 'air_daily');
CREATE TEMP TABLE ru_w0 AS SELECT * FROM ru_work;

SELECT is(eco.refresh_air_daily('2026-02-25', '2026-03-08'), (SELECT count(DISTINCT (site_code, eco.report_day(hour_ending))) FROM ru_h),
          'one row per site-day');

-- ---------- equal to the separate statistics and a direct eco.daily_aqi call ----------
CREATE TEMP VIEW ru_ref AS
SELECT r.*, eco.standard_in_force('HJ633', r.day) AS std,
       eco.daily_aqi(so2 => r.so2, no2 => r.no2, co => r.co, pm10 => r.pm10, pm25 => r.pm25, o3_8h => r.o3_8h,
                     o3_1h => r.o3_1h, standard => eco.standard_in_force('HJ633', r.day)) AS a
FROM (SELECT site_code, eco.report_day(hour_ending) AS day,
             eco.daily_mean(so2) AS so2, eco.daily_mean(no2) AS no2, eco.daily_mean(co) AS co,
             eco.daily_mean(o3) AS o3, eco.daily_mean(pm10) AS pm10, eco.daily_mean(pm25) AS pm25,
             max(o3) AS o3_1h, eco.mda8(eco.report_hour(hour_ending), o3) AS o3_8h,
             count(*)::int AS n_hours, bool_or(dust) AS dust
      FROM ru_h GROUP BY 1, 2) r;
CREATE TEMP VIEW ru_diff AS
SELECT coalesce(r.site_code, d.site_code) AS site_code, coalesce(r.day, d.day) AS day
FROM ru_ref r FULL JOIN (SELECT * FROM eco.air_daily WHERE site_code LIKE 'RU%') d
  ON d.site_code = r.site_code AND d.day = r.day
WHERE r.site_code IS NULL OR d.site_code IS NULL
   OR (r.so2, r.no2, r.co, r.o3, r.pm10, r.pm25, r.o3_1h, r.o3_8h, r.n_hours, r.dust,
       r.so2 IS NOT NULL, r.no2 IS NOT NULL, r.co IS NOT NULL, r.o3 IS NOT NULL, r.pm10 IS NOT NULL,
       r.pm25 IS NOT NULL, r.o3_8h IS NOT NULL,
       r.std, (r.a).aqi, (r.a).level, (r.a).category, (r.a).primary_pollutants)
      IS DISTINCT FROM
      (d.so2, d.no2, d.co, d.o3, d.pm10, d.pm25, d.o3_1h, d.o3_8h, d.n_hours, d.dust,
       d.so2_valid, d.no2_valid, d.co_valid, d.o3_valid, d.pm10_valid, d.pm25_valid, d.o3_8h_valid,
       d.aqi_standard, d.aqi, d.aqi_level, d.aqi_category, d.primary_pollutants);
SELECT is((SELECT count(*)::int FROM ru_diff), 0,
          'every column equals eco.daily_mean / max / eco.mda8 / eco.daily_aqi computed separately (bit for bit)');
SELECT ok((SELECT count(*) FILTER (WHERE aqi IS NOT NULL) > 40 AND count(DISTINCT aqi_standard) = 2
                  AND count(*) FILTER (WHERE NOT pm25_valid) > 0 AND count(*) FILTER (WHERE o3_8h_valid) > 40
           FROM eco.air_daily WHERE site_code LIKE 'RU%'),
          'the data exercise both editions, published AQIs and invalid means');

-- ---------- linear work under the stale statistics ----------
-- (12 days: the range of the key (hour_ending, site_code), each row once)
SELECT ok((SELECT w.seq_tup_read - w0.seq_tup_read + w.idx_tup_fetch - w0.idx_tup_fetch <= (SELECT count(*) FROM ru_h)
           FROM ru_work w JOIN ru_w0 w0 USING (relname) WHERE relname = 'air_hourly'),
          'a refresh of all days reads each hourly row once');
-- A range longer than 31 days: one aggregate per calendar month, each reading its month's range of the key,
-- still once per row; the probe for the first and last hour with rows fetches two rows more.
DELETE FROM ru_w0; INSERT INTO ru_w0 SELECT * FROM ru_work;
SELECT is(eco.refresh_air_daily('2026-01-01', '2026-04-30'), (SELECT count(DISTINCT (site_code, eco.report_day(hour_ending))) FROM ru_h),
          'a refresh of four months writes the same site-days');
SELECT ok((SELECT w.seq_tup_read - w0.seq_tup_read + w.idx_tup_fetch - w0.idx_tup_fetch <= (SELECT count(*) FROM ru_h) + 2
           FROM ru_work w JOIN ru_w0 w0 USING (relname) WHERE relname = 'air_hourly'),
          'and reads each hourly row once (a month at a time, plus the first and last hour)');
SELECT is((SELECT count(*)::int FROM ru_diff), 0, 'with every column equal');
DELETE FROM ru_w0; INSERT INTO ru_w0 SELECT * FROM ru_work;
SELECT is(eco.refresh_air_daily('2026-03-01', '2026-03-01'), 6::bigint, 'a refresh of one day writes its 6 site-days');
-- (its 6 x 24 hours by the key (hour_ending, site_code), nothing else)
SELECT is((SELECT (w.seq_tup_read - w0.seq_tup_read, w.idx_tup_fetch - w0.idx_tup_fetch <= 6 * 24)::text
           FROM ru_work w JOIN ru_w0 w0 USING (relname) WHERE relname = 'air_hourly'), '(0,t)',
          'a refresh of one day reads only that day''s hourly rows');
SELECT is((SELECT (w.seq_tup_read - w0.seq_tup_read, w.idx_tup_fetch - w0.idx_tup_fetch <= 6,
                   w.n_tup_del - w0.n_tup_del, w.n_tup_ins - w0.n_tup_ins)::text
           FROM ru_work w JOIN ru_w0 w0 USING (relname) WHERE relname = 'air_daily'), '(0,t,6,6)',
          'and touches only that day''s daily rows: 6 read, 6 deleted, 6 inserted');
SELECT is((SELECT count(*)::int FROM ru_diff), 0, 'the one-day refresh leaves every row equal');

-- ---------- parallel = serial ----------
CREATE TEMP TABLE ru_serial AS SELECT * FROM eco.air_daily WHERE site_code LIKE 'RU%';
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL min_parallel_index_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT lives_ok($$SELECT eco.refresh_air_daily('2026-02-25', '2026-03-08')$$, 'refresh with a parallel plan allowed');
SELECT is((SELECT count(*)::int FROM (SELECT * FROM ru_serial EXCEPT SELECT * FROM eco.air_daily WHERE site_code LIKE 'RU%'
                                      UNION ALL
                                      SELECT * FROM eco.air_daily WHERE site_code LIKE 'RU%' EXCEPT SELECT * FROM ru_serial) x), 0,
          'parallel refresh = serial refresh, row for row');
-- A range longer than 31 days: the month aggregates shared out among the workers (a Parallel Append).
SELECT is(eco.refresh_air_daily('2026-01-01', '2026-04-30'), (SELECT count(*) FROM ru_serial),
          'a four-month refresh with a parallel plan allowed');
SELECT is((SELECT count(*)::int FROM (SELECT * FROM ru_serial EXCEPT SELECT * FROM eco.air_daily WHERE site_code LIKE 'RU%'
                                      UNION ALL
                                      SELECT * FROM eco.air_daily WHERE site_code LIKE 'RU%' EXCEPT SELECT * FROM ru_serial) x), 0,
          'parallel month aggregates = serial refresh, row for row');
-- Rows 13 years apart: more months than 24 x 5 between the first and the last hour, so each aggregate takes
-- two months; a range without rows writes nothing; a reading in 44 BC makes each aggregate span centuries
-- (month arithmetic across year 0).
INSERT INTO ru_h (site_code, hour_ending, so2, pm25, dust)
VALUES ('RU7', '2013-07-15 09:00', 7.25, 31.5, false), ('RU7', '2026-04-20 10:00', 3.5, 12.125, true);
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, pm25, dust)
SELECT site_code, hour_ending, so2, pm25, dust FROM ru_h WHERE site_code = 'RU7';
SELECT is(eco.refresh_air_daily('2000-01-01', '2039-12-31'),
          (SELECT count(DISTINCT (site_code, eco.report_day(hour_ending))) FROM eco.air_hourly
           WHERE hour_ending > '2000-01-01' AND hour_ending <= '2040-01-01'),
          'a refresh of 40 years writes every site-day once');
SELECT is((SELECT count(*)::int FROM ru_diff), 0, 'with every column equal, the two far-apart days included');
SELECT is(eco.refresh_air_daily('1990-01-01', '1995-12-31'), 0::bigint, 'a range without rows writes nothing');
INSERT INTO ru_h (site_code, hour_ending, so2, pm25, dust) VALUES ('RU8', '0044-03-15 12:00 BC', 2.5, 8.75, false);
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, pm25, dust)
SELECT site_code, hour_ending, so2, pm25, dust FROM ru_h WHERE site_code = 'RU8';
SELECT is(eco.refresh_air_daily('0100-01-01 BC', '2039-12-31'),
          (SELECT count(DISTINCT (site_code, eco.report_day(hour_ending))) FROM eco.air_hourly
           WHERE hour_ending > '0100-01-01 BC' AND hour_ending <= '2040-01-01'),
          'a refresh from 100 BC to 2039 writes every site-day once');
SELECT is((SELECT count(*)::int FROM ru_diff), 0, 'with every column equal, the day in 44 BC included');
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET min_parallel_index_scan_size; RESET max_parallel_workers_per_gather;

-- ---------- bound to its own arithmetic: overloads of eco.daily_aqi change nothing ----------
CREATE FUNCTION eco.daily_aqi(so2 numeric, no2 numeric, co numeric, pm10 numeric, pm25 numeric, o3_8h numeric,
                              o3_1h numeric DEFAULT NULL, standard eco.standard DEFAULT 'HJ633-2026')
    RETURNS eco.aqi_result LANGUAGE sql AS $$ SELECT NULL::eco.aqi_result $$;
CREATE FUNCTION eco.daily_aqi(so2 double precision, no2 double precision, co double precision,
                              pm10 double precision, pm25 double precision, o3_8h double precision,
                              o3_1h double precision, standard eco.standard, extra integer DEFAULT 0)
    RETURNS eco.aqi_result LANGUAGE sql AS $$ SELECT NULL::eco.aqi_result $$;
SELECT is(eco.refresh_air_daily('2026-02-25', '2026-03-08'), (SELECT count(*) FROM ru_serial),
          'refresh with two overloads of eco.daily_aqi in the schema');
SELECT is((SELECT count(*)::int FROM (SELECT * FROM ru_serial EXCEPT SELECT * FROM eco.air_daily WHERE site_code LIKE 'RU%') x), 0,
          'the same AQI as before the overloads (never NULL for a look-up that became ambiguous)');
SELECT ok((SELECT count(aqi) > 40 FROM eco.air_daily WHERE site_code LIKE 'RU%'), 'AQIs are written');
SELECT ok(NOT EXISTS (SELECT 1 FROM pg_proc WHERE oid = 'eco.refresh_air_daily(date, date)'::regprocedure
                                              AND prosrc ~ 'to_regproc'), 'no run-time look-up guard left');

-- ---------- the writers' contract: upserts name (site_code, hour_ending) ----------
INSERT INTO eco.air_hourly (site_code, hour_ending, pm25) VALUES ('XU1', '2026-02-25 01:00', 5);
SELECT lives_ok($$INSERT INTO eco.air_hourly (site_code, hour_ending, pm25) VALUES ('XU1', '2026-02-25 01:00', 10)
                  ON CONFLICT (site_code, hour_ending) DO UPDATE SET pm25 = EXCLUDED.pm25$$,
                'ON CONFLICT (site_code, hour_ending) finds the key');
SELECT is((SELECT pm25 FROM eco.air_hourly WHERE site_code = 'XU1' AND hour_ending = '2026-02-25 01:00'), 10::float8,
          'and merges the reading');

-- ---------- a role under row-level security refreshes only the sites it sees ----------
CREATE ROLE ru_reader;
INSERT INTO eco.area_grant VALUES ('ru_reader', '3301');
INSERT INTO eco.site (code, name, kind, area) VALUES ('RU1', 'ru 1', 'air', '330101');
SET LOCAL ROLE ru_reader;
SELECT is(eco.refresh_air_daily('2026-03-01', '2026-03-01'), 1::bigint, 'a reader refreshes one day of the one site it sees');
SELECT is(eco.refresh_air_daily('2026-02-01', '2026-03-31'), 12::bigint, 'and two months of it (one scan)');
RESET ROLE;
SELECT is((SELECT count(*)::int FROM ru_diff), 0, 'the other sites'' rows stay as they were, and RU1''s are equal');

-- ---------- errors ----------
SELECT throws_ok($$SELECT eco.refresh_air_daily('infinity', 'infinity')$$, '22023', NULL, 'infinite day: 22023');
SELECT throws_ok($$SELECT eco._air_day_rollup(h, 1, 1, 1, 1, 1, 1, false)
                   FROM (VALUES (timestamp '2023-01-01 05:00'), ('2023-01-02 05:00')) v(h)$$,
                 '22023', NULL, 'two days in one roll-up group: 22023');

SELECT * FROM finish();
ROLLBACK;
