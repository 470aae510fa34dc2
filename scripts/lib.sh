# Shared by test.sh, demo.sh, bench.sh, gen_docs.sh and the shard scripts: set-up and exclusive install
# (eco_build_locked); eco_cluster_with_db also starts a throwaway cluster with one database that has
# eco_monitor, which the caller's EXIT trap stops.
# Usage: source scripts/lib.sh; eco_build_locked   or   eco_cluster_with_db DBNAME
# One install at a time per PostgreSQL installation (PG_CONFIG): its extension directory is shared.
eco_install_lock() {
  local pgc=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
  echo "/tmp/eco_monitor.install.$(printf '%s' "$pgc" | md5sum | cut -c1-12).lock"
}
# Set-up, then build and install while holding the install lock (file descriptor 9, kept until the caller exits).
eco_build_locked() {
  bash scripts/setup.sh || return 1
  exec 9>"$(eco_install_lock)"
  flock 9
  bash scripts/build.sh
}
eco_cluster_with_db() {
  eco_build_locked
  eval "$(bash scripts/cluster.sh start)"
  trap 'bash scripts/cluster.sh stop "$ECO_PGDIR"' EXIT
  createdb "$1"
  psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c 'CREATE EXTENSION eco_monitor CASCADE' 2>/dev/null
}
