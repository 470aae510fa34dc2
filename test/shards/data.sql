-- Deterministic test data for the sharding test: the same rows on every database it runs on (no random()).
-- :years hourly years ending with :last_year; 14 air sites in two provinces (42, 43) and four cities;
-- gaps (invalid days), NULL pollutants, dust hours, and values crossing the limits.
\set ON_ERROR_STOP 1
INSERT INTO eco.site (code, name, kind, control_level, area) VALUES
  ('A01', '武汉一', 'air', '国控', '420102'), ('A02', '武汉二', 'air', '国控', '420103'),
  ('A03', '武汉三', 'air', '省控', '420104'), ('A04', '鄂州一', 'air', '国控', '420702'),
  ('A05', '鄂州二', 'air', '国控', '420703'), ('A06', '鄂州三', 'air', '市控', '420704'),
  ('A07', '长沙一', 'air', '国控', '430102'), ('A08', '长沙二', 'air', '国控', '430103'),
  ('A09', '长沙三', 'air', '省控', '430104'), ('A10', '株洲一', 'air', '国控', '430202'),
  ('A11', '株洲二', 'air', '国控', '430203'), ('A12', '株洲三', 'air', '国控', '430204'),
  ('A13', '鄂州四', 'air', '国控', '420702'), ('A14', '株洲四', 'air', '国控', '430211');
INSERT INTO eco.air_hourly (site_code, hour_ending, so2, no2, co, o3, pm10, pm25, dust)
SELECT s.code, h,
       CASE WHEN x % 97 = 0 THEN NULL ELSE 3 + (x % 400) / 10.0 END,
       CASE WHEN x % 89 = 0 THEN NULL ELSE 10 + ((x >> 3) % 700) / 10.0 END,
       CASE WHEN x % 83 = 0 THEN NULL ELSE 0.2 + ((x >> 5) % 250) / 100.0 END,
       CASE WHEN x % 79 = 0 THEN NULL
            ELSE greatest(0, 20 + 90 * sin(pi() * (extract(hour FROM h) - 6) / 14.0) * (1 + extract(month FROM h) / 12.0)
                             + ((x >> 7) % 300) / 10.0)::numeric(10,1)::float8 END,
       CASE WHEN x % 73 = 0 THEN NULL ELSE (60 + ((x >> 9) % 1800) / 10.0 + 40 * cos(extract(doy FROM h) / 58.0))::numeric(10,1)::float8 END,
       CASE WHEN x % 71 = 0 THEN NULL ELSE (35 + ((x >> 11) % 1100) / 10.0 + 30 * cos(extract(doy FROM h) / 58.0))::numeric(10,1)::float8 END,
       extract(month FROM h) IN (3, 4) AND extract(day FROM h) IN (7, 8) AND s.code < 'A06'
FROM eco.site s
CROSS JOIN generate_series(make_timestamp(:last_year - :years + 1, 1, 1, 1, 0, 0),
                           make_timestamp(:last_year + 1, 1, 1, 0, 0, 0), interval '1 hour') AS h
CROSS JOIN LATERAL (SELECT abs(hashtext(s.code || h::text))::bigint AS x) r
WHERE s.kind = 'air'
  -- gaps: some site-days lose 6 hours (fewer than 20 hours: invalid), some lose single hours
  AND NOT (extract(doy FROM h)::int % 23 = (ascii(substr(s.code, 3)) % 23) AND extract(hour FROM h) BETWEEN 2 AND 7)
  AND x % 211 <> 0;
