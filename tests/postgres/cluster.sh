#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: in a temporary folder, on a free loopback port, no system service.
#   tests/postgres/cluster.sh start DIR   creates and starts it in DIR; prints the connection string of its test role
#   tests/postgres/cluster.sh stop DIR    stops it and deletes DIR
# The test role may create databases but is no superuser, as an app's own role would be; each test class makes its
# own database and drops it. Installs Debian's PostgreSQL when it is missing.
set -euo pipefail

command=${1:?start or stop}
dir=${2:?a folder for the cluster}

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

# initdb and postgres refuse to run as root: run them as the postgres account Debian's package creates.
as_owner() {
  if [ "$(id -u)" = "0" ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

case "$command" in
  start)
    if [ -z "$(bin_dir)" ] || [ ! -e "$(bin_dir)/initdb" ]; then
      echo "Installing postgresql from Debian." >&2
      sudo_cmd=""; [ "$(id -u)" != "0" ] && sudo_cmd="sudo"
      $sudo_cmd apt-get update -qq
      # Only the server binaries: no cluster of its own is created or started (we make ours).
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq -o Dpkg::Options::=--force-confdef postgresql-common >/dev/null
      $sudo_cmd sed -i 's/^#\?create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
      DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(bin_dir)
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then
      chown postgres "$dir"
      chmod a+x "$(dirname "$dir")"  # a mktemp folder is root's alone
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE ROLE diplomacy_tests LOGIN CREATEDB;"
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=diplomacy_tests;Database=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
