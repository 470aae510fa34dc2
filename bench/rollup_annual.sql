-- bench/rollup.sh: each station's annual statistics with the extension's aggregates (HJ 663 validity built in).
CREATE TABLE :dst AS
SELECT site_code,
       eco.annual_mean(day, so2) AS so2, eco.annual_mean(day, no2) AS no2,
       eco.annual_mean(day, pm10) AS pm10, eco.annual_mean(day, pm25) AS pm25,
       eco.annual_percentile(day, co, 0.95) AS co_p95, eco.annual_percentile(day, o3_8h, 0.90) AS o3_8h_p90,
       eco.good_day_ratio(aqi) AS good_day_ratio, count(aqi)::int AS aqi_days
FROM :src
WHERE day BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31)
GROUP BY site_code;
