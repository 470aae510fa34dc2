-- Benchmark: spatial queries over 100k points and soil screening over 1M values.
-- Each family times the extension's path, a naive SQL equivalent and a floor
-- query in the same run, and prints milliseconds and ratios.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT setseed(0.42);

-- 100k sites (a third of each kind) and 100k outfalls spread over a 2° x 2° box;
-- 200 protection zones (squares of about 2 km).
INSERT INTO eco.site (code, name, kind, area, geom)
SELECT 'S' || i, 'site ' || i, (ARRAY['air', 'water', 'other'])[1 + i % 3], '4207' || (i % 10),
       public.ST_SetSRID(public.ST_MakePoint(113 + random() * 2, 30 + random() * 2), 4490)
FROM generate_series(1, 100000) i;
INSERT INTO eco.protection_zone (name, water_source, level, area, geom)
SELECT 'zone ' || i, 'source ' || (i / 3), (ARRAY['一级', '二级', '准保护区'])[1 + i % 3], '4207' || (i % 10),
       public.ST_SetSRID(public.ST_Expand(public.ST_MakePoint(113.05 + random() * 1.9, 30.05 + random() * 1.9), 0.01), 4490)
FROM generate_series(1, 200) i;
INSERT INTO eco.outfall (code, name, area, geom)
SELECT 'OF' || i, 'outfall ' || i, '4207' || (i % 10),
       public.ST_SetSRID(public.ST_MakePoint(113 + random() * 2, 30 + random() * 2), 4490)
FROM generate_series(1, 100000) i;
ANALYZE eco.site;
ANALYZE eco.protection_zone;
ANALYZE eco.outfall;
CREATE TEMP TABLE qp AS
SELECT i, public.ST_SetSRID(public.ST_MakePoint(113.1 + random() * 1.8, 30.1 + random() * 1.8), 4490) AS g
FROM generate_series(1, 50) i;
CREATE TEMP TABLE soil_v AS SELECT random() * 1600 AS v FROM generate_series(1, 1000000);
ANALYZE qp;
ANALYZE soil_v;

CREATE TEMP TABLE bench_t (family text, path text, ms double precision, result bigint);
DO $$
DECLARE
    t0 timestamptz;
    n bigint;
    r int;
BEGIN
    FOR r IN 1 .. 2 LOOP    -- first round warms the caches; the second is recorded
        DELETE FROM bench_t;
        -- nearest_sites: 50 queries of the 5 nearest air stations.
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM qp, LATERAL eco.nearest_sites(qp.g, 'air', 5) x;
        INSERT INTO bench_t VALUES ('nearest_sites x50', 'eco.nearest_sites (KNN index)', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM qp, LATERAL (
            SELECT s.code FROM eco.site s WHERE s.kind = 'air'
            ORDER BY public.ST_DistanceSphere(s.geom, qp.g) LIMIT 5) x;
        INSERT INTO bench_t VALUES ('nearest_sites x50', 'naive: sort all by ST_DistanceSphere', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM qp, LATERAL (
            SELECT s.code FROM eco.site s WHERE s.code IN ('S' || qp.i, 'S' || qp.i + 1, 'S' || qp.i + 2, 'S' || qp.i + 3, 'S' || qp.i + 4)) x;
        INSERT INTO bench_t VALUES ('nearest_sites x50', 'floor: 5 rows by primary key', 1000 * extract(epoch FROM clock_timestamp() - t0), n);

        -- outfalls in protection zones: 100k outfalls x 200 zones.
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM eco.outfalls_in_protection_zones();
        INSERT INTO bench_t VALUES ('outfalls in zones', 'eco.outfalls_in_protection_zones (GiST)', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        PERFORM pg_catalog.set_config('enable_indexscan', 'off', true);
        PERFORM pg_catalog.set_config('enable_bitmapscan', 'off', true);
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM eco.outfall o JOIN eco.protection_zone z ON public.ST_Intersects(z.geom, o.geom)
        WHERE o.status <> '非排口';
        INSERT INTO bench_t VALUES ('outfalls in zones', 'naive: nested loop, no index', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        PERFORM pg_catalog.set_config('enable_indexscan', 'on', true);
        PERFORM pg_catalog.set_config('enable_bitmapscan', 'on', true);
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM eco.outfall o WHERE o.status <> '非排口';
        INSERT INTO bench_t VALUES ('outfalls in zones', 'floor: scan the outfalls', 1000 * extract(epoch FROM clock_timestamp() - t0), n);

        -- soil_screen: 1M lead values on first-class land.
        t0 := clock_timestamp();
        SELECT count(*) FILTER (WHERE eco.soil_screen('Pb', v, 1) = 'between') INTO n FROM soil_v;
        INSERT INTO bench_t VALUES ('soil_screen x1M', 'eco.soil_screen (C table)', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        t0 := clock_timestamp();
        SELECT count(*) FILTER (WHERE CASE WHEN v <= l.screening_1 THEN 'below_screening'
                                           WHEN v <= l.intervention_1 THEN 'between'
                                           ELSE 'above_intervention' END = 'between') INTO n
        FROM soil_v, (SELECT screening_1, intervention_1 FROM eco.soil_limits WHERE name_zh = '铅') l;
        INSERT INTO bench_t VALUES ('soil_screen x1M', 'naive: CASE over eco.soil_limits', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        t0 := clock_timestamp();
        SELECT count(*) FILTER (WHERE v > 400) INTO n FROM soil_v;
        INSERT INTO bench_t VALUES ('soil_screen x1M', 'floor: one comparison per row', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
    END LOOP;
END
$$;

SELECT family, path, round(ms::numeric, 1) AS ms, result,
       round((ms / min(ms) FILTER (WHERE path LIKE 'floor%') OVER (PARTITION BY family))::numeric, 2) AS x_floor,
       round((max(ms) FILTER (WHERE path LIKE 'naive%') OVER (PARTITION BY family) / ms)::numeric, 1) AS naive_over_this
FROM bench_t ORDER BY family, ms;

-- Same answers: KNN and the naive sort pick the same sites for every query point.
SELECT count(*) AS query_points,
       count(*) FILTER (WHERE knn = naive) AS same_answer
FROM (SELECT qp.i,
             (SELECT array_agg(code ORDER BY code) FROM eco.nearest_sites(qp.g, 'air', 5)) AS knn,
             (SELECT array_agg(code ORDER BY code) FROM (SELECT s.code FROM eco.site s WHERE s.kind = 'air'
                     ORDER BY public.ST_DistanceSphere(s.geom, qp.g) LIMIT 5) x) AS naive
      FROM qp) t;
