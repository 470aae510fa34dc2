-- Loading the national network's station list and hourly station files: \copy into the staging table, then
-- one call.  Fixture (test/data/network): a station list with one bad line, and two synthetic station files
-- over the year boundary (2025-12-31, 2026-01-01) for T001A, T002A and T003A (T003A not on the list), the second
-- with planted problems: a negative SO2, a non-numeric NO2, an empty CO, hour 24, a duplicate with a different
-- value, a duplicate with the same value, an unknown type, a bad date, a short line; a UTF-8 byte-order mark.
SET client_min_messages = warning;
SELECT eco.network_stage();
\copy network_stage(line) FROM 'test/data/network/sites.csv'
SELECT * FROM eco.load_network_sites('sites.csv');
SELECT code, name, kind, control_level, area, ST_AsText(geom) FROM eco.site WHERE code LIKE 'T00%' ORDER BY code;
SELECT file, line, column_name, raw_value, reason FROM eco.network_reject ORDER BY file, line;

SELECT eco.network_stage();
\copy network_stage(line) FROM 'test/data/network/china_sites_20251231.csv'
SELECT * FROM eco.load_network_file('china_sites_20251231.csv');
SELECT eco.network_stage();
\copy network_stage(line) FROM 'test/data/network/china_sites_20260101.csv'
SELECT * FROM eco.load_network_file('china_sites_20260101.csv');
-- Every cell not loaded, with its reason (T003A: unknown station, one row per non-empty cell).
SELECT reason, count(*) FROM eco.network_reject WHERE file LIKE 'china_sites_%' GROUP BY reason ORDER BY reason;
SELECT line, column_name, raw_value, reason FROM eco.network_reject
WHERE file = 'china_sites_20260101.csv' AND reason <> 'unknown station' AND reason <> 'empty' ORDER BY line;

-- Hour labels: hour 0 of 2026-01-01 is the hour ending 2026-01-01 00:00 = hour 24 of 2025-12-31 (report day).
SELECT hour_ending, eco.report_day(hour_ending) AS report_day, eco.report_hour(hour_ending) AS report_hour, pm25
FROM eco.air_hourly WHERE site_code = 'T001A' AND hour_ending BETWEEN '2025-12-31 23:00' AND '2026-01-01 01:00'
ORDER BY hour_ending;
-- The file's PM2.5_24h at hour 0 of 2026-01-01 is the mean of the 24 values of 2025-12-31 (hours 1..24).
SELECT n.pm25_24h AS published_24h,
       (SELECT round(avg(h.pm25)) FROM eco.air_hourly h
        WHERE h.site_code = 'T001A' AND eco.report_day(h.hour_ending) = '2025-12-31') AS mean_of_report_day
FROM eco.network_hourly n WHERE n.site_code = 'T001A' AND n.hour_ending = '2026-01-01 00:00';
SELECT count(*) AS station_hours, min(hour_ending), max(hour_ending) FROM eco.air_hourly WHERE site_code LIKE 'T00%';
-- Negative SO2 was rejected, the rest of that station-hour loaded.
SELECT so2, no2, co FROM eco.air_hourly WHERE site_code = 'T001A' AND hour_ending = '2026-01-01 03:00';

-- Loading the same file again changes nothing: every cell read is unchanged or rejected as before.
SELECT eco.network_stage();
\copy network_stage(line) FROM 'test/data/network/china_sites_20260101.csv'
SELECT * FROM eco.load_network_file('china_sites_20260101.csv');
SELECT count(*) FROM eco.network_reject WHERE file = 'china_sites_20260101.csv';

-- A folder in one call: the shell puts each file after a line '#file <name>'.  The rejects keep each file's name
-- and line numbers; after the loads above every cell is unchanged or rejected as before.
SELECT eco.network_stage();
\copy network_stage(line) FROM PROGRAM 'cd test/data/network && for f in china_sites_*.csv; do echo "#file $f"; cat "$f"; done'
SELECT * FROM eco.load_network_file('test/data/network');
SELECT file, count(*) AS rejects, min(line) AS first_line, max(line) AS last_line
FROM eco.network_reject WHERE file LIKE 'china_sites_%' GROUP BY file ORDER BY file;

-- A city file: the columns are city names, registered as sites; progress every 10 cells (NOTICE).
INSERT INTO eco.site (code, name, kind, area) VALUES ('测试市', '测试市', 'air', '990100');
SELECT eco.network_stage();
INSERT INTO network_stage(line) VALUES ('date,hour,type,测试市,未登记市'), ('20260102,1,PM2.5,35,40'),
    ('20260102,1,AQI,50,57'), ('20260102,1,SO2,6,7'), ('20260102,1,NO2,20,21'), ('20260102,1,CO,0.5,0.6'),
    ('20260102,1,O3,60,61'), ('20260102,1,PM10,40,45'), ('20260102,2,PM2.5,36,41'), ('20260102,2,PM10,41,46'),
    ('20260102,2,SO2,6,7'), ('20260102,2,NO2,20,21'), ('20260102,2,CO,0.5,0.6'), ('20260102,2,O3,60,61');
SET client_min_messages = notice;
SELECT * FROM eco.load_network_file('china_cities_20260102.csv', progress_every => 10);
SET client_min_messages = warning;
SELECT site_code, hour_ending, pm25, pm10, co FROM eco.air_hourly WHERE site_code = '测试市' ORDER BY hour_ending;
-- The published AQI against the computed one: hour 1 agrees (PM2.5 35 -> 50); hour 2 has no published AQI.
SELECT site_code, hour_ending, published_aqi, computed_aqi FROM eco.network_aqi_mismatch WHERE site_code = '测试市';
UPDATE eco.network_hourly SET aqi = 49 WHERE site_code = '测试市';
SELECT site_code, hour_ending, standard, published_aqi, computed_aqi, computed_primary_pollutants
FROM eco.network_aqi_mismatch WHERE site_code = '测试市';

-- Hour labels on real published data: an excerpt of the archive's Beijing station file of 2014-01-01 (same
-- format; six stations, the PM2.5 and PM2.5_24h rows of the day and hour 0 of 2014-01-02; test/data/README.md).
-- Read as hour ending, the PM2.5_24h published at hour 0 of 2014-01-02 is the rounded mean of the 24 values of
-- report day 2014-01-01 (labels 1..23 and 0 of the next day), for all six stations; the mean of the labels
-- 0..23 of 2014-01-01 (the hour-beginning reading) is what was published at hour 23 and differs from it.
INSERT INTO eco.site (code, name, kind, area)
SELECT c, c, 'air', '990100' FROM unnest('{东四,天坛,官园,万寿西宫,奥体中心,农展馆}'::text[]) c;
SELECT eco.network_stage();
\copy network_stage(line) FROM 'test/data/network/beijing_all_20140101_excerpt.csv'
SELECT * FROM eco.load_network_file('beijing_all_20140101.csv');
SELECT n.site_code, n.pm25_24h AS published_24h_at_0,
       (SELECT round(avg(h.pm25)) FROM eco.air_hourly h
        WHERE h.site_code = n.site_code AND eco.report_day(h.hour_ending) = '2014-01-01') AS mean_hour_ending,
       (SELECT round(avg(h.pm25)) FROM eco.air_hourly h
        WHERE h.site_code = n.site_code AND h.hour_ending >= '2014-01-01 00:00' AND h.hour_ending < '2014-01-02 00:00')
           AS mean_hour_beginning,
       (SELECT m.pm25_24h FROM eco.network_hourly m WHERE m.site_code = n.site_code
        AND m.hour_ending = '2014-01-01 23:00') AS published_24h_at_23
FROM eco.network_hourly n WHERE n.hour_ending = '2014-01-02 00:00' ORDER BY n.site_code;

-- Not a network file: its lines are rejected, nothing else happens.
SELECT eco.network_stage();
INSERT INTO network_stage(line) VALUES ('code,name'), ('1,2');
SELECT * FROM eco.load_network_file('x.csv');
SELECT line, raw_value, reason FROM eco.network_reject WHERE file = 'x.csv' ORDER BY line;

-- Errors: nothing staged.
\set VERBOSITY terse
DISCARD TEMP;
SELECT * FROM eco.load_network_file('x.csv');
