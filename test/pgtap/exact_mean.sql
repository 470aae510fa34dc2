-- pgTAP: exact means on the decimals as written (eco.daily_mean, eco.capture_avg), the HJ 633-2026 CO case, the
-- exact quotient against numeric, parallel = serial bit for bit on both sums (decimal and fallback), window frames,
-- and the one period parser in eco.limit_value.
BEGIN;
SELECT plan(15);

-- ---------- the CO day whose mean is exactly 0.55 mg/m³ ----------
SELECT is((SELECT eco.daily_mean(CASE WHEN g % 2 = 0 THEN 0.15 ELSE 0.95 END) FROM generate_series(1, 24) g),
          0.55::float8, '12 x 0.15 + 12 x 0.95 mg/m³: the daily mean is 0.55');
SELECT is((SELECT eco.iaqi('CO', '24h', eco.daily_mean(CASE WHEN g % 2 = 0 THEN 0.15 ELSE 0.95 END))
           FROM generate_series(1, 24) g),
          15, 'its CO IAQI (HJ 633-2026: 0.55 rounds to 0.6) is 15');
SELECT is(eco.iaqi('CO', '24h', 0.5499999999999999), 13,
          'the binary mean 0.5499999999999999 would round to 0.5: IAQI 13 (the test can fail)');
SELECT is((SELECT eco.capture_avg(CASE WHEN g % 2 = 0 THEN 0.15 ELSE 0.95 END, 24) FROM generate_series(1, 24) g),
          0.55::float8, 'capture_avg: the same day, 0.55');
-- the same day through eco.refresh_air_daily (the one-pass roll-up sums the values as written too)
INSERT INTO eco.site (code, name, kind, area) VALUES ('TAPCO', 'tap co', 'air', '330199');
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25)
SELECT 'TAPCO', timestamp '2026-05-01 00:00' + g * interval '1 hour', 5, 10,
       CASE WHEN g % 2 = 0 THEN 0.15 ELSE 0.95 END, 20, 10, 5
FROM generate_series(1, 24) g;
SELECT eco.refresh_air_daily('2026-05-01', '2026-05-01');
SELECT is((SELECT co FROM eco.air_daily WHERE site_code = 'TAPCO' AND day = '2026-05-01'), 0.55::float8,
          'eco.refresh_air_daily: the CO daily mean is 0.55, as eco.daily_mean');
SELECT is((SELECT (eco.aqi_daily_report(so2, no2, co, o3_8h, pm10, pm25)).iaqi_co
           FROM eco.air_daily WHERE site_code = 'TAPCO' AND day = '2026-05-01'), 15,
          'and its CO IAQI is 15');

-- ---------- the exact quotient: numeric division to 30 decimals, rounded once ----------
CREATE TEMP TABLE tap_co AS
SELECT d, h, round((abs(sin(d * 24 + h)) * 10 ^ (d % 4))::numeric, 3 - d % 4)::float8 AS v
FROM generate_series(1, 3000) d, generate_series(1, 24) h
WHERE (d * 5 + h * 3) % 13 <> 0;
SELECT is((SELECT count(*)::int FROM (
             SELECT d, eco.daily_mean(v) AS c,
                    CASE WHEN count(v) >= 20 THEN (sum(v::numeric)::numeric(60, 30) / count(v))::float8 END AS q
             FROM tap_co GROUP BY d) x
           WHERE c IS DISTINCT FROM q), 0,
          'daily_mean = the exact mean of the decimals rounded once (3000 days, 0 to 3 decimals)');

-- ---------- parallel = serial, bit for bit, on the decimal sum and on the fallback ----------
CREATE TABLE tap_par AS
SELECT i, i / 48 AS g,
       CASE WHEN i % 1000 = 7 THEN (i % 97) / 7.0::float8      -- a computed value: more than 6 decimals
            ELSE ((i * 37) % 2000) / 100.0::float8 END AS v
FROM generate_series(0, 47999) i;
CREATE INDEX ON tap_par (i);
ANALYZE tap_par;
\ir ../fixtures/parallel_plan.sql
SELECT matches(pg_temp.tap_plan($$SELECT g, eco.daily_mean(v), eco.capture_avg(v, 40) FROM tap_par GROUP BY g$$),
               'Partial GroupAggregate|Partial HashAggregate|Partial Aggregate',
               'the means run as partial aggregates under a forced parallel plan');
CREATE TEMP TABLE par_res AS
SELECT g, float8send(eco.daily_mean(v)) AS dm, float8send(eco.capture_avg(v, 40)) AS ca FROM tap_par GROUP BY g;
CREATE TEMP TABLE par_all AS
SELECT float8send(eco.daily_mean(v)) AS dm, float8send(eco.capture_avg(v, 40)) AS ca FROM tap_par;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT is((SELECT count(*)::int FROM par_res p
           JOIN (SELECT g, float8send(eco.daily_mean(v)) AS dm, float8send(eco.capture_avg(v, 40)) AS ca
                 FROM tap_par GROUP BY g) s USING (g)
           WHERE p.dm IS DISTINCT FROM s.dm OR p.ca IS DISTINCT FROM s.ca), 0,
          'grouped: parallel = serial bit for bit (1000 groups, some with a computed value)');
SELECT is((SELECT dm FROM par_all), (SELECT float8send(eco.daily_mean(v)) FROM tap_par),
          'one group of 48000 rows with computed values: parallel = serial bit for bit');
SELECT is((SELECT count(*)::int FROM (
             SELECT g, eco.daily_mean(v) AS c, (sum(v::numeric)::numeric(60, 30) / count(*))::float8 AS q
             FROM tap_par WHERE i % 1000 <> 7 GROUP BY g) x
           WHERE c <> q), 0,
          'groups of decimals: exact means');

-- ---------- window frames: the inverse transition subtracts exactly ----------
SELECT is((SELECT count(*)::int FROM (
             SELECT i, eco.capture_avg(v, 6) OVER (ORDER BY i ROWS BETWEEN 7 PRECEDING AND CURRENT ROW) AS w,
                    (SELECT eco.capture_avg(t.v, 6) FROM tap_par t WHERE t.i BETWEEN o.i - 7 AND o.i) AS fresh
             FROM tap_par o WHERE i < 2500) x
           WHERE w IS DISTINCT FROM fresh), 0,
          '8-h moving capture_avg = capture_avg of each frame from scratch (2500 frames, through a computed value)');

-- ---------- the one period parser ----------
SELECT is(eco.limit_value('CO', '1 h'), eco.limit_value('CO', '1h'), 'eco.limit_value accepts ''1 h''');
SELECT is(eco.limit_value('PM2.5', '24-H'), eco.limit_value('PM2.5', '24h'), 'eco.limit_value accepts ''24-H''');
SELECT is(eco.iaqi('CO', '1 h', 5), eco.iaqi('CO', '1h', 5), 'eco.iaqi accepts ''1 h''');

SELECT * FROM finish();
ROLLBACK;
