-- Demo, part 0: the monitored items and unit conversion.
\echo '== eco_monitor: a few monitored items, parsed from the names people write'
SELECT t AS written, t::eco.pollutant AS item, eco.pollutant_name(t::eco.pollutant) AS zh,
       eco.pollutant_name(t::eco.pollutant, 'en') AS en, eco.pollutant_unit(t::eco.pollutant) AS unit,
       eco.pollutant_medium(t::eco.pollutant) AS medium
FROM unnest(ARRAY['pm25', 'a21026', '臭氧', 'w01018', '氨氮', 'soil:As', '1,2-二氯乙烷']) AS t;
\echo '== readings converted to the standard units (gases at 298.15 K, 1013.25 hPa)'
SELECT p, v, unit, round(eco.to_standard_unit(p::eco.pollutant, v, unit)::numeric, 3) AS standard_value,
       eco.pollutant_unit(p::eco.pollutant) AS standard_unit
FROM (VALUES ('SO2', 20::float8, 'ppb'), ('O3', 80, 'ppb'), ('CO', 1.2, 'ppm'), ('PM2.5', 0.035, 'mg/m³'),
             ('water:Pb', 12, 'µg/L')) AS r(p, v, unit);
