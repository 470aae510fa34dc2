-- bench/rollup.sh: each station's annual statistics in plain SQL over plain_daily: HJ 663 validity (324 valid
-- days, 27 in every month, 25 in February) by month counts, avg, percentile_cont, the good-days ratio.
\set ON_ERROR_STOP on
CREATE TABLE plain_annual AS
WITH m AS (
    SELECT site_code, extract(month FROM day)::int AS mo,
           count(so2) AS so2, count(no2) AS no2, count(pm10) AS pm10, count(pm25) AS pm25, count(co) AS co,
           count(o3_8h) AS o3_8h
    FROM plain_daily GROUP BY 1, 2),
ok AS (
    SELECT site_code,
           count(*) = 12 AND bool_and(so2 >= CASE WHEN mo = 2 THEN 25 ELSE 27 END) AND sum(so2) >= 324 AS so2,
           count(*) = 12 AND bool_and(no2 >= CASE WHEN mo = 2 THEN 25 ELSE 27 END) AND sum(no2) >= 324 AS no2,
           count(*) = 12 AND bool_and(pm10 >= CASE WHEN mo = 2 THEN 25 ELSE 27 END) AND sum(pm10) >= 324 AS pm10,
           count(*) = 12 AND bool_and(pm25 >= CASE WHEN mo = 2 THEN 25 ELSE 27 END) AND sum(pm25) >= 324 AS pm25,
           count(*) = 12 AND bool_and(co >= CASE WHEN mo = 2 THEN 25 ELSE 27 END) AND sum(co) >= 324 AS co,
           count(*) = 12 AND bool_and(o3_8h >= CASE WHEN mo = 2 THEN 25 ELSE 27 END) AND sum(o3_8h) >= 324 AS o3_8h
    FROM m GROUP BY 1)
SELECT d.site_code,
       CASE WHEN ok.so2 THEN avg(d.so2) END AS so2, CASE WHEN ok.no2 THEN avg(d.no2) END AS no2,
       CASE WHEN ok.pm10 THEN avg(d.pm10) END AS pm10, CASE WHEN ok.pm25 THEN avg(d.pm25) END AS pm25,
       CASE WHEN ok.co THEN percentile_cont(0.95) WITHIN GROUP (ORDER BY d.co) END AS co_p95,
       CASE WHEN ok.o3_8h THEN percentile_cont(0.90) WITHIN GROUP (ORDER BY d.o3_8h) END AS o3_8h_p90,
       100.0 * count(*) FILTER (WHERE d.aqi <= 100) / nullif(count(d.aqi), 0) AS good_day_ratio,
       count(d.aqi)::int AS aqi_days
FROM plain_daily d JOIN ok USING (site_code)
GROUP BY d.site_code, ok.so2, ok.no2, ok.pm10, ok.pm25, ok.co, ok.o3_8h;
