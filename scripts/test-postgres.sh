#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster of our own for the tests: initdb in a temp folder, a free
# port on 127.0.0.1, never the system cluster. `start` prints the connection string on stdout;
# `stop DIR` stops the cluster and removes its folder.
set -euo pipefail

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; exit 1; }
  echo "$dir"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

case "${1:-}" in
  start)
    bin=$(pg_bin)
    dir=$(mktemp -d /tmp/vms-pg.XXXXXX)
    chown postgres:postgres "$dir"
    port=$(free_port)
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >"$dir/initdb.log" 2>&1
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "$dir" > "$dir/.vms-pg"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true|$dir"
    ;;
  stop)
    dir=${2:?folder}
    [ -f "$dir/.vms-pg" ] || { echo "$dir is not a VMS test cluster" >&2; exit 1; }
    bin=$(pg_bin)
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
