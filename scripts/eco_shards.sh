#!/usr/bin/env bash
# eco_shards.sh — spread eco_monitor's readings tables over shard servers with postgres_fdw.
#
#   eco_shards.sh COORDINATOR_CONNINFO SHARD_CONNINFO [SHARD_CONNINFO ...]
#
# One command does the whole set-up, and may be run again (it skips what exists):
#   1. on each shard: CREATE EXTENSION eco_monitor CASCADE (same version as on the coordinator, else an error);
#   2. on the coordinator: CREATE EXTENSION postgres_fdw and eco_monitor; one server per shard, eco_shard_1 ..
#      eco_shard_N, declared with OPTIONS (extensions 'eco_monitor', async_capable 'true') so that the
#      extension's functions and aggregates are shipped to the shards and the shards are scanned concurrently;
#      a user mapping for PUBLIC (ECO_SHARD_USER, default the shard conninfo's user or postgres);
#   3. for each readings table (ECO_SHARD_TABLES, default "eco.air_hourly:site_code eco.air_daily:site_code",
#      "table:key column" pairs, so any table of the extension is added by name): the extension's plain table is
#      renamed <table>_unsharded and kept (empty), and a partitioned table of the same name and columns takes its
#      place, hashed on the key column, one foreign-table partition per shard (<table>_shard_<i>) pointing at the
#      shard's own table of that name; its row-level security policies and grants are copied; rows already in the
#      plain table are moved to the shards;
#   4. the coordinator database gets enable_partitionwise_aggregate and enable_partitionwise_join = on.
# The extension's functions (eco.refresh_air_daily, eco.air_summary, eco.annual_report, ...) resolve the tables by
# name when they run, so they run unchanged on the coordinator over the sharded tables.
#
#   eco_shards.sh --each-shard COORDINATOR_CONNINFO SQL
# runs SQL on every shard of the coordinator at once (connection options and user from its servers and user
# mappings), e.g. the daily roll-up where the rows are: "SELECT eco.refresh_air_daily('2025-01-01', '2025-12-31')".
# Each shard runs in its own transaction; a failing shard is named and the exit status is non-zero.
#
# Conninfo strings are libpq keyword=value lists without quoted values (host, port, dbname, user, password, ...).
# Environment: ECO_SHARD_TABLES (above); ECO_SHARD_USER / ECO_SHARD_PASSWORD for the user mapping;
# ECO_SHARD_FETCH_SIZE (default 10000) and ECO_SHARD_BATCH_SIZE (default 1000) for the servers; PSQL (default psql).
set -euo pipefail
PSQL=${PSQL:-psql}
TABLES=${ECO_SHARD_TABLES:-"eco.air_hourly:site_code eco.air_daily:site_code"}
FETCH=${ECO_SHARD_FETCH_SIZE:-10000}
BATCH=${ECO_SHARD_BATCH_SIZE:-1000}

die() { echo "eco_shards: $*" >&2; exit 1; }
q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" "$PSQL" -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "$2"; }
lit() { local s=${1//\'/\'\'}; printf "'%s'" "$s"; }

if [ "${1:-}" = "--each-shard" ]; then
  [ $# -eq 3 ] || die "usage: eco_shards.sh --each-shard COORDINATOR_CONNINFO SQL"
  # one line per shard: server name, then a libpq conninfo built from the server's and the user mapping's options
  mapfile -t targets < <(q "$2" "
SELECT s.srvname || ' ' || string_agg(o.k || '=' || o.v, ' ' ORDER BY o.k)
FROM pg_foreign_server s
LEFT JOIN pg_user_mappings m ON m.srvid = s.oid AND m.usename = 'public'
CROSS JOIN LATERAL (SELECT split_part(x, '=', 1) AS k, substr(x, strpos(x, '=') + 1) AS v
                    FROM unnest(s.srvoptions || coalesce(m.umoptions, '{}')) x) o
WHERE s.srvname ~ '^eco_shard_[0-9]+\$'
  AND o.k IN ('host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'sslmode', 'connect_timeout')
GROUP BY s.srvname ORDER BY substr(s.srvname, 11)::integer")
  [ ${#targets[@]} -gt 0 ] || die "no eco_shard_N servers on the coordinator (run the set-up first)"
  tmp=$(mktemp -d /tmp/eco_shards.XXXXXX); pids=()
  for t in "${targets[@]}"; do
    ( q "${t#* }" "$3" >"$tmp/${t%% *}.out" 2>&1 ) & pids+=($!)
  done
  rc=0; i=0
  for t in "${targets[@]}"; do
    if wait "${pids[$i]}"; then sed "s/^/${t%% *}: /" "$tmp/${t%% *}.out"
    else rc=1; sed "s/^/eco_shards: shard ${t%% *} failed: /" "$tmp/${t%% *}.out" >&2; fi
    i=$((i + 1))
  done
  rm -rf "$tmp"
  exit $rc
fi
[ $# -ge 2 ] || die "usage: eco_shards.sh COORDINATOR_CONNINFO SHARD_CONNINFO [SHARD_CONNINFO ...]"
coord=$1; shift
shards=("$@")

# Options of a conninfo: server options (everything but user/password) and the user mapping's user/password.
conn_opt() { # conninfo key -> value or empty
  local kv
  for kv in $1; do case "$kv" in "$2="*) printf '%s' "${kv#*=}"; return ;; esac; done
}
server_opts() {
  local kv out=""
  for kv in $1; do
    case "$kv" in user=*|password=*) ;; *=*) out+="${kv%%=*} $(lit "${kv#*=}"), " ;; *) die "bad conninfo item: $kv" ;; esac
  done
  printf '%s' "$out"
}

# --- 1. the coordinator must be able to use postgres_fdw, then the extension on every shard.
q "$coord" "CREATE EXTENSION IF NOT EXISTS postgres_fdw" 2>/dev/null \
  || die "postgres_fdw is not available on the coordinator: install PostgreSQL's contrib modules (Debian: postgresql-15) first"
q "$coord" "CREATE EXTENSION IF NOT EXISTS eco_monitor CASCADE" >/dev/null
ver=$(q "$coord" "SELECT extversion FROM pg_extension WHERE extname = 'eco_monitor'")
schema=$(q "$coord" "SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'eco_monitor'")
i=0
for s in "${shards[@]}"; do
  i=$((i + 1))
  q "$s" "CREATE EXTENSION IF NOT EXISTS eco_monitor CASCADE" >/dev/null \
    || die "shard $i ($s): cannot create extension eco_monitor"
  sv=$(q "$s" "SELECT extversion FROM pg_extension WHERE extname = 'eco_monitor'")
  [ "$sv" = "$ver" ] || die "shard $i ($s): eco_monitor $sv, the coordinator has $ver (ALTER EXTENSION eco_monitor UPDATE)"
done

# --- 2. servers and user mappings.
n=${#shards[@]}
i=0
for s in "${shards[@]}"; do
  i=$((i + 1))
  user=${ECO_SHARD_USER:-$(conn_opt "$s" user)}; user=${user:-postgres}
  pass=${ECO_SHARD_PASSWORD:-$(conn_opt "$s" password)}
  umopts="user $(lit "$user")"
  if [ -n "$pass" ]; then umopts+=", password $(lit "$pass")"; else umopts+=", password_required 'false'"; fi
  q "$coord" "
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_foreign_server WHERE srvname = 'eco_shard_$i') THEN
    CREATE SERVER eco_shard_$i FOREIGN DATA WRAPPER postgres_fdw
      OPTIONS ($(server_opts "$s")extensions 'eco_monitor', async_capable 'true',
               fetch_size '$FETCH', batch_size '$BATCH', application_name 'eco_monitor coordinator');
    COMMENT ON SERVER eco_shard_$i IS 'eco_monitor shard $i of $n';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_user_mappings WHERE srvname = 'eco_shard_$i' AND usename = 'public') THEN
    CREATE USER MAPPING FOR PUBLIC SERVER eco_shard_$i OPTIONS ($umopts);
  END IF;
END
\$\$"
done

# --- 3. each readings table: partitioned by hash of its key, one foreign partition per shard.
for tk in $TABLES; do
  t=${tk%%:*}; key=${tk#*:}
  [ "$t" != "$key" ] || die "ECO_SHARD_TABLES item '$tk' is not table:key"
  tname=${t#*.}; tschema=${t%%.*}; [ "$tschema" != "$t" ] || tschema=$schema
  q "$coord" "
DO \$\$
DECLARE
  t regclass := to_regclass($(lit "$tschema.$tname"));
  loc text := $(lit "${tname}_unsharded");
  p record;
  g record;
  st text;
  policies text[] := '{}';
  i integer;
  n integer := $n;
BEGIN
  IF t IS NULL THEN
    RAISE EXCEPTION 'table %.% does not exist on the coordinator', $(lit "$tschema"), $(lit "$tname");
  END IF;
  -- already sharded (its partitions are foreign tables on eco_shard_N servers): check they match the shards.
  -- A table the extension itself partitions (by time, say) has local partitions and is sharded like a plain one.
  SELECT count(*) INTO i FROM pg_inherits h JOIN pg_foreign_table f ON f.ftrelid = h.inhrelid
    JOIN pg_foreign_server s ON s.oid = f.ftserver WHERE h.inhparent = t AND s.srvname LIKE 'eco\_shard\_%';
  IF i > 0 THEN
    IF i <> n THEN
      RAISE EXCEPTION '% is already sharded over % servers, not %', t, i, n;
    END IF;
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = t AND attname = $(lit "$key") AND NOT attisdropped) THEN
    RAISE EXCEPTION 'table % has no column %', t, $(lit "$key");
  END IF;
  -- the policies as written for this table name (read before the rename: their expressions may name the table)
  FOR p IN SELECT * FROM pg_policies WHERE schemaname = $(lit "$tschema") AND tablename = $(lit "$tname") LOOP
    policies := policies || format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s%s%s', p.policyname,
                   $(lit "$tschema"), $(lit "$tname"), p.permissive, p.cmd,
                   (SELECT string_agg(quote_ident(r), ', ') FROM unnest(p.roles) r),
                   coalesce(' USING (' || p.qual || ')', ''), coalesce(' WITH CHECK (' || p.with_check || ')', ''));
  END LOOP;
  EXECUTE format('ALTER TABLE %s RENAME TO %I', t, loc);
  EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS)
                  PARTITION BY HASH (%I)', $(lit "$tschema"), $(lit "$tname"), $(lit "$tschema"), loc, $(lit "$key"));
  EXECUTE format('COMMENT ON TABLE %I.%I IS %L', $(lit "$tschema"), $(lit "$tname"),
                 coalesce(obj_description(t, 'pg_class') || '; ', '')
                 || format('sharded over %s postgres_fdw servers eco_shard_1..%s by hash of %s', n, n, $(lit "$key")));
  FOR i IN 1..n LOOP
    EXECUTE format('CREATE FOREIGN TABLE %I.%I PARTITION OF %I.%I FOR VALUES WITH (MODULUS %s, REMAINDER %s)
                    SERVER %I OPTIONS (schema_name %L, table_name %L)',
                   $(lit "$tschema"), $(lit "${tname}_shard_")||i, $(lit "$tschema"), $(lit "$tname"), n, i - 1,
                   'eco_shard_'||i, $(lit "$tschema"), $(lit "$tname"));
    EXECUTE format('COMMENT ON FOREIGN TABLE %I.%I IS %L', $(lit "$tschema"), $(lit "${tname}_shard_")||i,
                   format('rows of %s.%s whose %s hashes to shard %s of %s', $(lit "$tschema"), $(lit "$tname"),
                          $(lit "$key"), i, n));
  END LOOP;
  -- row-level security and privileges as on the extension's table (the policies run on the coordinator)
  IF (SELECT relrowsecurity FROM pg_class WHERE oid = t) THEN
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', $(lit "$tschema"), $(lit "$tname"));
  END IF;
  FOREACH st IN ARRAY policies LOOP
    EXECUTE st;
  END LOOP;
  FOR g IN SELECT grantee, string_agg(privilege_type, ', ') AS privs FROM information_schema.role_table_grants
           WHERE table_schema = $(lit "$tschema") AND table_name = loc AND grantee <> 'postgres'
             AND grantee <> (SELECT rolname FROM pg_roles r JOIN pg_class c ON c.relowner = r.oid WHERE c.oid = t)
           GROUP BY grantee LOOP
    EXECUTE format('GRANT %s ON %I.%I TO %s', g.privs, $(lit "$tschema"), $(lit "$tname"),
                   CASE WHEN g.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(g.grantee) END);
  END LOOP;
  -- rows already on the coordinator go to their shards
  EXECUTE format('INSERT INTO %I.%I SELECT * FROM %I.%I', $(lit "$tschema"), $(lit "$tname"), $(lit "$tschema"), loc);
  EXECUTE format('DELETE FROM %I.%I', $(lit "$tschema"), loc);
END
\$\$"
done

# --- 4. partitionwise planning for this database.
q "$coord" "
DO \$\$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_aggregate = on', current_database());
  EXECUTE format('ALTER DATABASE %I SET enable_partitionwise_join = on', current_database());
END
\$\$"
echo "eco_shards: $n shards ready for: $TABLES"
