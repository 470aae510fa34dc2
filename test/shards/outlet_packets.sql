-- Three days of hourly packets (CN 2061) of the nine test outlets: SO2 (a21026, converted value ZsAvg) and smoke
-- dust (a34013) with O2 (a19001); exceedance episodes of different lengths per outlet, some across midnight;
-- maintenance (M) hours inside episodes.  One packet line per row, with its MN (for routing to a shard).
SELECT o.mn, eco.hj212_frame(format('QN=%s000;ST=31;CN=2061;PW=123456;MN=%s;Flag=4;CP=&&DataTime=%s;'
         || 'a21026-Avg=%s,a21026-ZsAvg=%s,a21026-Flag=%s;a34013-Avg=%s,a34013-Flag=N;a19001-Avg=%s,a19001-Flag=N&&',
         to_char(h, 'YYYYMMDDHH24MISS'), o.mn, to_char(h, 'YYYYMMDDHH24MISS'), 30,
         CASE WHEN (extract(epoch FROM h)::bigint / 3600 + o.k * 7) % (20 + o.k) < o.k THEN 55 + o.k ELSE 40 END,
         CASE WHEN (extract(epoch FROM h)::bigint / 3600 + o.k) % 31 = 0 THEN 'M' ELSE 'N' END,
         CASE WHEN (extract(epoch FROM h)::bigint / 3600 + o.k) % 13 = 0 THEN 12 ELSE 5 END,
         10 + o.k % 3), false) AS line
FROM (SELECT mn, substr(mn, 5)::int AS k FROM eco.outlet WHERE mn LIKE 'HJSH%') o
CROSS JOIN generate_series(timestamp '2026-03-01 01:00', '2026-03-04 00:00', interval '1 hour') AS h
