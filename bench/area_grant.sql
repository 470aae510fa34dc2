-- Benchmark: row-level security by area (eco.area_visible) over 200k sites, as a role with two area grants,
-- with 20 grant rows in eco.area_grant (among them grants of roles that do not exist).  Times, in the same run:
-- the extension's policy (a non-owner role counting the sites it sees), the plain-SQL way (the owner filtering
-- with an inline EXISTS on its own grants) and a floor (the owner counting every row, no filter).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'eco_bench_area') THEN CREATE ROLE eco_bench_area; END IF; END$$;
INSERT INTO eco.area_grant VALUES ('eco_bench_area', '4201'), ('eco_bench_area', '4202');
INSERT INTO eco.area_grant SELECT 'eco_bench_gone_' || g, '42' || g FROM generate_series(1, 18) g;
INSERT INTO eco.site (code, name, kind, area)
SELECT 'B' || g, 'b', 'air', (4200 + g % 5)::text || '01' FROM generate_series(1, 200000) g;
ANALYZE eco.site;
ANALYZE eco.area_grant;
CREATE TEMP TABLE bench_t (path text, ms double precision, result bigint);
GRANT ALL ON bench_t TO eco_bench_area;
DO $$
DECLARE
    t0 timestamptz;
    n bigint;
    r int;
BEGIN
    FOR r IN 1 .. 2 LOOP    -- first round warms the caches; the second is recorded
        DELETE FROM bench_t;
        SET LOCAL ROLE eco_bench_area;
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM eco.site;
        INSERT INTO bench_t VALUES ('policy: eco.area_visible as a non-owner role', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        RESET ROLE;
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM eco.site s
        WHERE EXISTS (SELECT 1 FROM eco.area_grant g
                      WHERE g.role_name = 'eco_bench_area' AND starts_with(s.area, g.area_prefix));
        INSERT INTO bench_t VALUES ('plain SQL: owner, inline EXISTS on its grants', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
        t0 := clock_timestamp();
        SELECT count(*) INTO n FROM eco.site s;
        INSERT INTO bench_t VALUES ('floor: owner, count(*) without a filter', 1000 * extract(epoch FROM clock_timestamp() - t0), n);
    END LOOP;
END
$$;
SELECT path, round(ms::numeric, 1) AS ms, result AS rows,
       round((ms / (SELECT ms FROM bench_t WHERE path LIKE 'floor%'))::numeric, 1) AS x_floor,
       round((ms / (SELECT ms FROM bench_t WHERE path LIKE 'plain%'))::numeric, 1) AS x_plain
FROM bench_t ORDER BY ms DESC;
DELETE FROM eco.site WHERE code LIKE 'B%';
DELETE FROM eco.area_grant WHERE role_name::text LIKE 'eco_bench_%';
DROP TABLE bench_t;
DROP ROLE eco_bench_area;
