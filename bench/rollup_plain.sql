-- bench/rollup.sh: the daily roll-up in plain SQL on plain_hourly (no extension function): capture rules with
-- count/CASE, the O3 8-h windows over a dense (station, hour) grid (a window ends at every hour, present or not),
-- MDA8 validity (14 windows, or the maximum above 160), the HJ 633-2012 daily AQI by CASE on numeric from the
-- breakpoint table (ceiling, 500 above the top band, no O3 8-h index above its top band).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TABLE plain_daily0 AS
SELECT site_code, day,
       CASE WHEN count(so2) >= 20 THEN avg(so2) END AS so2, CASE WHEN count(no2) >= 20 THEN avg(no2) END AS no2,
       CASE WHEN count(co) >= 20 THEN avg(co) END AS co, CASE WHEN count(o3) >= 20 THEN avg(o3) END AS o3,
       CASE WHEN count(pm10) >= 20 THEN avg(pm10) END AS pm10, CASE WHEN count(pm25) >= 20 THEN avg(pm25) END AS pm25,
       max(o3) AS o3_1h,
       CASE WHEN count(o3_8h) FILTER (WHERE hr >= 8) >= 14 OR max(o3_8h) FILTER (WHERE hr >= 8) > 160
            THEN max(o3_8h) FILTER (WHERE hr >= 8) END AS o3_8h,
       count(present)::int AS n_hours, coalesce(bool_or(dust), false) AS dust
FROM (SELECT g.site_code, (g.hour_ending - interval '1 hour')::date AS day,
             extract(hour FROM g.hour_ending - interval '1 hour')::int + 1 AS hr,
             h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25, h.dust, h.site_code AS present,
             CASE WHEN count(h.o3) OVER w >= 6 THEN avg(h.o3) OVER w END AS o3_8h
      FROM (SELECT s.site_code, t AS hour_ending
            FROM (SELECT DISTINCT site_code FROM plain_hourly) s,
                 generate_series(make_timestamp(:year, 1, 1, 1, 0, 0), make_timestamp(:year + 1, 1, 1, 0, 0, 0),
                                 interval '1 hour') t) g
      LEFT JOIN plain_hourly h ON h.site_code = g.site_code AND h.hour_ending = g.hour_ending
      WINDOW w AS (PARTITION BY g.site_code ORDER BY g.hour_ending ROWS BETWEEN 7 PRECEDING AND CURRENT ROW)) x
GROUP BY site_code, day
HAVING count(present) > 0;

CREATE TABLE plain_daily AS
WITH v AS (
    SELECT d.site_code, d.day, i.ord, i.code, i.c,
           CASE WHEN i.c IS NULL THEN NULL
                WHEN b.bp_hi IS NULL THEN CASE WHEN i.code = 'O3_8H' THEN NULL ELSE 500 END
                ELSE ceil(b.iaqi_lo + (b.iaqi_hi - b.iaqi_lo) * (i.c::numeric - b.bp_lo) / (b.bp_hi - b.bp_lo))::int
           END AS iaqi
    FROM plain_daily0 d
    CROSS JOIN LATERAL (VALUES (1, 'SO2', 'SO2', '24h', d.so2), (2, 'NO2', 'NO2', '24h', d.no2),
                               (3, 'CO', 'CO', '24h', d.co), (4, 'PM10', 'PM10', '24h', d.pm10),
                               (5, 'PM2.5', 'PM2.5', '24h', d.pm25), (6, 'O3_8H', 'O3', '8h', d.o3_8h),
                               (7, 'O3_1H', 'O3', '1h', d.o3_1h)) i(ord, code, pol, per, c)
    LEFT JOIN LATERAL (SELECT * FROM plain_bp p WHERE p.pollutant::text = i.pol AND p.period = i.per
                         AND i.c::numeric <= p.bp_hi ORDER BY p.bp_hi LIMIT 1) b ON true),
a AS (SELECT site_code, day, max(aqi) AS aqi,
             '{' || coalesce(string_agg(code, ',' ORDER BY ord) FILTER (WHERE iaqi = aqi AND aqi > 50), '') || '}' AS prim
      FROM (SELECT v.*, max(iaqi) OVER (PARTITION BY site_code, day) AS aqi FROM v) v2 GROUP BY 1, 2)
SELECT d.*, a.aqi,
       CASE WHEN a.aqi <= 50 THEN 1 WHEN a.aqi <= 100 THEN 2 WHEN a.aqi <= 150 THEN 3 WHEN a.aqi <= 200 THEN 4
            WHEN a.aqi <= 300 THEN 5 WHEN a.aqi > 300 THEN 6 END AS aqi_level,
       CASE WHEN a.aqi IS NOT NULL THEN a.prim END AS primary_pollutants
FROM plain_daily0 d JOIN a USING (site_code, day);
