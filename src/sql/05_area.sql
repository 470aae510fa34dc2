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
-- A role name that does not exist (a stale grant of a dropped role, a typo) matches nobody; 'public' matches everyone.
CREATE POLICY area_grant_own ON @extschema@.area_grant FOR SELECT
    USING (role_name OPERATOR(pg_catalog.=) 'public'::name
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                      WHERE r.rolname OPERATOR(pg_catalog.=) role_name
                        AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER')));
COMMENT ON POLICY area_grant_own ON @extschema@.area_grant IS 'a role reads only the grants that apply to it';

CREATE FUNCTION @extschema@.area_visible(area text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT EXISTS (
        SELECT 1 FROM @extschema@.area_grant g
        WHERE pg_catalog.starts_with(COALESCE(area, ''), g.area_prefix)
          AND (g.role_name = 'public'
               OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                          WHERE r.rolname = g.role_name AND pg_catalog.pg_has_role(CURRENT_USER, r.oid, 'MEMBER'))))
$$;
COMMENT ON FUNCTION @extschema@.area_visible(text) IS
    'true when the current user may see rows of this administrative area (see eco.area_grant)';
