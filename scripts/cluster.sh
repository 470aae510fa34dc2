#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster owned by the postgres user, in a fresh
# temporary directory, listening only on a Unix socket in that directory
# (so the port number never collides with anything else on the machine).
#   scripts/cluster.sh start   -> prints "export PGHOST=... PGPORT=... PGUSER=postgres ECO_PGDIR=..."
#   scripts/cluster.sh stop DIR
#   scripts/cluster.sh halt DIR   -> stop the server but keep DIR (a test's "server down" case; stop DIR removes it)
# Several clusters may run at once: each has its own socket directory, so they all use the same port number.
set -euo pipefail
# PG_CONFIG (as for make) picks the PostgreSQL installation; default: Debian's PostgreSQL 15.
BIN=$("${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}" --bindir)
PORT=${ECO_PGPORT:-55432}
as_pg() {
  if [ "$(id -un)" = postgres ]; then "$@";
  elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@";
  else sudo -u postgres "$@"; fi
}
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/eco_pg.XXXXXX)
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; else sudo chown postgres:postgres "$dir"; fi
    as_pg "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = $PORT
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
shared_buffers = 256MB
work_mem = 32MB
maintenance_work_mem = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'Asia/Shanghai'
CONF
    as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PGHOST=$dir PGPORT=$PORT PGUSER=postgres ECO_PGDIR=$dir"
    ;;
  stop)
    dir=${2:?usage: cluster.sh stop DIR}
    if [ -d "$dir/data" ]; then
      as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    case "$dir" in /tmp/eco_pg.*) rm -rf "$dir" ;; esac
    ;;
  halt)
    dir=${2:?usage: cluster.sh halt DIR}
    as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *) echo "usage: $0 start|stop DIR|halt DIR" >&2; exit 2 ;;
esac
