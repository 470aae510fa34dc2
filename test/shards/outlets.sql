-- Sources, outlets and limits of the online-monitoring (HJ 212) part of the sharding test: the same rows, in the
-- same order, on every database (the sources' ids come from a sequence).  Used only when the extension has
-- eco.outlet_reading.  The limits go through the coordinator (routed to the shards) or straight into a table.
\set ON_ERROR_STOP 1
INSERT INTO eco.pollution_source (code, name, industry, permit_no, area)
SELECT 'SRC' || i, '企业' || i, '火力发电', 'P' || i, CASE WHEN i % 2 = 0 THEN '420702' ELSE '430102' END
FROM generate_series(1, 3) i ORDER BY i;
INSERT INTO eco.outlet (mn, source_id, outlet_code, name, medium, permit_no, area)
SELECT 'HJSH' || lpad(i::text, 4, '0'), s.id, 'DA00' || i, '烟囱' || i, '废气', s.permit_no, s.area
FROM generate_series(1, 9) i JOIN eco.pollution_source s ON s.code = 'SRC' || (1 + i % 3) ORDER BY i;
