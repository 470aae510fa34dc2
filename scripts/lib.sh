# Shared by demo.sh and bench.sh: set-up, exclusive install, throwaway cluster
# with one database that has eco_monitor; the caller's EXIT trap stops it.
# Usage: source scripts/lib.sh; eco_cluster_with_db DBNAME
# One install at a time per PostgreSQL installation (PG_CONFIG): its extension directory is shared.
eco_install_lock() {
  local pgc=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
  echo "/tmp/eco_monitor.install.$(printf '%s' "$pgc" | md5sum | cut -c1-12).lock"
}
eco_cluster_with_db() {
  bash scripts/setup.sh
  exec 9>"$(eco_install_lock)"
  flock 9
  bash scripts/build.sh
  eval "$(bash scripts/cluster.sh start)"
  trap 'bash scripts/cluster.sh stop "$ECO_PGDIR"' EXIT
  createdb "$1"
  psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c 'CREATE EXTENSION eco_monitor CASCADE' 2>/dev/null
}
