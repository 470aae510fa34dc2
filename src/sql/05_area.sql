-- ===================================================================
-- Administrative areas and row-level security.
-- Tables holding users' data carry an "area" column (GB/T 2260 code or any
-- text the bureau uses).  A role sees and changes the rows whose area starts
-- with one of the prefixes granted to it (or to a role it belongs to) in
-- eco.area_grant; the prefix '' grants every area, the role name 'public'
-- every role.  A role name that does not exist (a grant left behind by a
-- dropped role) matches nobody: it never makes a query fail.  Table owners and
-- superusers bypass row-level security as usual.
-- ===================================================================
-- The schema: CREATE EXTENSION creates it when it does not exist.  A schema that already existed is adopted only
-- when it is safe: owned by the installing role or a superuser, with no other role allowed to create in it and no
-- object owned by another role (a hostile schema's owner would keep control: rename it, add overloads).  ERROR 42P06.
DO $do$
DECLARE
    ns oid := '@extschema@'::pg_catalog.regnamespace;
    me oid := (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER);
    why text;
BEGIN
    SELECT pg_catalog.format('it is owned by role %s', n.nspowner::pg_catalog.regrole) INTO why
      FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles o ON o.oid OPERATOR(pg_catalog.=) n.nspowner
     WHERE n.oid OPERATOR(pg_catalog.=) ns AND n.nspowner OPERATOR(pg_catalog.<>) me AND NOT o.rolsuper;
    IF why IS NULL THEN
        SELECT pg_catalog.format('role %s may create objects in it',
                                 CASE WHEN a.grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
                                      ELSE a.grantee::pg_catalog.regrole::text END) INTO why
          FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
          LEFT JOIN pg_catalog.pg_roles g ON g.oid OPERATOR(pg_catalog.=) a.grantee
         WHERE n.oid OPERATOR(pg_catalog.=) ns AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
           AND a.grantee OPERATOR(pg_catalog.<>) me AND NOT COALESCE(g.rolsuper, false)
         LIMIT 1;
    END IF;
    IF why IS NULL THEN
        SELECT pg_catalog.format('it holds %s owned by role %s', x.what, x.owner::pg_catalog.regrole) INTO why
          FROM (SELECT pg_catalog.format('relation %s', c.relname) AS what, c.relowner AS owner
                  FROM pg_catalog.pg_class c WHERE c.relnamespace OPERATOR(pg_catalog.=) ns
                UNION ALL
                SELECT pg_catalog.format('function %s', p.proname), p.proowner
                  FROM pg_catalog.pg_proc p WHERE p.pronamespace OPERATOR(pg_catalog.=) ns
                UNION ALL
                SELECT pg_catalog.format('type %s', t.typname), t.typowner
                  FROM pg_catalog.pg_type t WHERE t.typnamespace OPERATOR(pg_catalog.=) ns
                UNION ALL
                SELECT pg_catalog.format('operator %s', o.oprname), o.oprowner
                  FROM pg_catalog.pg_operator o WHERE o.oprnamespace OPERATOR(pg_catalog.=) ns) x
          JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) x.owner
         WHERE x.owner OPERATOR(pg_catalog.<>) me AND NOT r.rolsuper
         LIMIT 1;
    END IF;
    IF why IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42P06',
            MESSAGE = pg_catalog.format('schema %s already exists and eco_monitor cannot be installed in it: %s',
                                        ns::pg_catalog.regnamespace, why),
            HINT = 'Drop or rename that schema (or have a superuser own it and revoke CREATE on it from other roles), then run CREATE EXTENSION again.';
    END IF;
END
$do$;

-- Every role may use the schema; row-level security restricts the rows it sees.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

CREATE TABLE @extschema@.area_grant (
    role_name  name NOT NULL,
    area_prefix text NOT NULL,
    PRIMARY KEY (role_name, area_prefix)
);
COMMENT ON TABLE @extschema@.area_grant IS
    'row-level security: role_name may see and change rows whose area starts with area_prefix ('''' = all areas; role public = every role; an unknown role matches nobody)';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.area_grant', '');
GRANT SELECT ON @extschema@.area_grant TO PUBLIC;
-- A role sees only its own grants (and those of roles it belongs to): enough for eco.area_visible.
ALTER TABLE @extschema@.area_grant ENABLE ROW LEVEL SECURITY;
-- A role name that does not exist (a stale grant of a dropped role, a typo) matches nobody (to_regrole gives NULL,
-- pg_has_role of NULL is NULL: no error); 'public' matches everyone.
CREATE POLICY area_grant_own ON @extschema@.area_grant FOR SELECT
    USING (role_name OPERATOR(pg_catalog.=) CURRENT_USER OR role_name OPERATOR(pg_catalog.=) 'public'::name
           OR pg_catalog.pg_has_role(CURRENT_USER, pg_catalog.to_regrole(pg_catalog.quote_ident(role_name)), 'MEMBER'));
COMMENT ON POLICY area_grant_own ON @extschema@.area_grant IS 'a role reads only the grants that apply to it';

-- In C (src/pg_area.c): the granted prefixes are read once per statement, not once per row a policy checks; the
-- query is the one this comment used to hold: the role's own grants, the grants to 'public' and those of roles it
-- is a member of, under the policy area_grant_own.
CREATE FUNCTION @extschema@.area_visible(area text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eco_area_visible' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.area_visible(text) IS
    'true when the current user may see rows of this administrative area (see eco.area_grant)';
