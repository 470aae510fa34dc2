-- Demo, part 85 (SQL half of 85_network_files.sh): the synthetic city's air stations and hourly readings for
-- 2022-2023, written as the national network's files: a station list and one china_sites_YYYYMMDD.csv per day
-- (header date,hour,type,<station codes>; hour 0 of day D is hour 24 of day D-1).  85_network_files.sh splits the
-- lines into daily files and loads them the way a user loads a folder of files.  This is the demo's only source of
-- air data: 90_report.sql reports what the load stored.
\set ON_ERROR_STOP 1
\set QUIET 1
SET client_min_messages = warning;
\if :{?seed}
\else
\set seed 20231111
\endif
SELECT set_config('demo.seed', :'seed', false) AS seed_set \gset
CREATE FUNCTION pg_temp.u(k text) RETURNS float8 LANGUAGE sql STABLE AS
$$ SELECT (hashtextextended(k, current_setting('demo.seed')::bigint) & 4503599627370495) / 4503599627370496.0 $$;
CREATE FUNCTION pg_temp.n(k text) RETURNS float8 LANGUAGE sql STABLE AS
$$ SELECT sqrt(-2 * ln(1 - pg_temp.u(k || 'a'))) * cos(2 * pi() * pg_temp.u(k || 'b')) $$;

CREATE TEMP TABLE demo_site AS
SELECT 'A9901' || lpad(g::text, 2, '0') AS code, '示例市空气站' || g AS name,
       '9901' || (ARRAY['00', '02', '04', '05'])[1 + g % 4] AS area,
       118.70 + 0.05 * pg_temp.u('lon' || g) AS lon, 32.00 + 0.05 * pg_temp.u('lat' || g) AS lat, g
FROM generate_series(1, 8) g;

CREATE TEMP TABLE demo_day AS
SELECT d::date AS day, extract(year FROM d)::int AS y,
       2 * pi() * (extract(doy FROM d) - 1) / 365.0 AS th,
       exp(0.45 * pg_temp.n('pm-day' || d::date) - 0.1) AS pm_f,
       exp(0.18 * pg_temp.n('o3-day' || d::date)) AS o3_f,
       extract(month FROM d) BETWEEN 3 AND 5 AND pg_temp.u('dust' || d::date) < 0.04 AS dust,
       CASE WHEN extract(year FROM d) = 2022 THEN 1.0 ELSE 0.9 END AS trend
FROM generate_series(date '2022-01-01', date '2023-12-31', interval '1 day') d;

CREATE TEMP TABLE demo_hour AS
SELECT s.code, d.day + make_interval(hours => h) AS hour_ending,
       round(((7 + 4 * cos(d.th)) * s.sf * (1 + 0.25 * pg_temp.n('so2' || s.code || d.day || h)))::numeric, 0)::float8 AS so2,
       round(greatest(3, (30 + 10 * cos(d.th)) * s.sf * (1 + 0.35 * cos(2 * pi() * (h - 8) / 12))
                         * (1 + 0.2 * pg_temp.n('no2' || s.code || d.day || h)))::numeric, 0)::float8 AS no2,
       round(greatest(0.1, (0.75 + 0.35 * cos(d.th)) * sqrt(d.pm_f)
                           * (1 + 0.15 * pg_temp.n('co' || s.code || d.day || h)))::numeric, 2)::float8 AS co,
       round(greatest(2, (62 + 52 * cos(d.th - 2.9)) * d.o3_f * (2 - d.trend)
                         * (0.35 + 0.95 * greatest(0, sin(pi() * (h - 7) / 13)))
                         * (1 + 0.1 * pg_temp.n('o3' || s.code || d.day || h)))::numeric, 0)::float8 AS o3,
       round((p.pm * CASE WHEN d.dust THEN 4.5 ELSE 1.7 + 0.3 * pg_temp.u('pmr' || s.code || d.day) END)::numeric, 0)::float8 AS pm10,
       round(p.pm::numeric, 0)::float8 AS pm25
FROM demo_day d
CROSS JOIN (SELECT code, 0.9 + 0.2 * pg_temp.u('sf' || code) AS sf FROM demo_site) s
CROSS JOIN generate_series(1, 24) h
CROSS JOIN LATERAL (SELECT greatest(3, (36 + 24 * cos(d.th - 0.15)) * d.pm_f * d.trend * s.sf
                                       * (1 + 0.12 * cos(2 * pi() * (h - 22) / 24))
                                       * (1 + 0.15 * pg_temp.n('pm' || s.code || d.day || h))) AS pm) p
WHERE pg_temp.u('miss' || s.code || d.day || h) >= 0.02
  AND NOT (pg_temp.u('outage' || s.code || d.day) < 0.01 AND h BETWEEN 6 AND 15);

-- The station list (code, name, city, longitude, latitude).
SELECT code AS "监测点编码", name AS "监测点名称", area AS "城市", lon AS "经度",
       lat AS "纬度"
FROM demo_site ORDER BY g \g (format=csv) :stationfile

-- Every line of every daily file, after its date and a bar: the published real-time AQI (convention
-- 'published', the network's), then the six 1-h means.  A missing hour is an empty cell.
SELECT to_char(l.label::date, 'YYYYMMDD') AS day,
       to_char(l.label::date, 'YYYYMMDD') || ',' || extract(hour FROM l.label)::int || ',' || t.type || ','
       || string_agg(coalesce(CASE t.type WHEN 'AQI' THEN r.aqi::text WHEN 'PM2.5' THEN h.pm25::text
                                          WHEN 'PM10' THEN h.pm10::text WHEN 'SO2' THEN h.so2::text
                                          WHEN 'NO2' THEN h.no2::text WHEN 'O3' THEN h.o3::text
                                          WHEN 'CO' THEN h.co::text END, ''), ',' ORDER BY s.g) AS line
FROM (SELECT DISTINCT hour_ending AS label FROM demo_hour) l
CROSS JOIN (VALUES (1, 'AQI'), (2, 'PM2.5'), (3, 'PM10'), (4, 'SO2'), (5, 'NO2'), (6, 'O3'), (7, 'CO')) AS t(ord, type)
CROSS JOIN demo_site s
LEFT JOIN demo_hour h ON h.code = s.code AND h.hour_ending = l.label
LEFT JOIN LATERAL eco.aqi_realtime_report(so2 => h.so2, no2 => h.no2, co => h.co, o3 => h.o3, pm10 => h.pm10, pm25 => h.pm25,
                                          standard => eco.standard_in_force('HJ633', eco.report_day(l.label))) r ON true
GROUP BY l.label, t.ord, t.type
ORDER BY l.label::date, extract(hour FROM l.label), t.ord \g (format=unaligned tuples_only=on fieldsep='|') :linefile

-- Dust days (the bureau's separate sand-and-dust notices, not part of the network files).
SELECT day FROM demo_day WHERE dust ORDER BY day \g (format=unaligned tuples_only=on) :dustfile
