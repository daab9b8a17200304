#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on a private port and socket directory.
#
#   scripts/test-postgres.sh start DIR   installs PostgreSQL with apt when missing, initdb in DIR, starts it,
#                                        prints the SQLAlchemy URL of a scratch database on stdout
#   scripts/test-postgres.sh stop DIR    stops it and removes DIR
#
# pg_ctl refuses to run as root, so as root the server runs as the `postgres` user (created by Debian's
# package). Only 127.0.0.1 and the socket in DIR listen; the password is random per run.
set -euo pipefail

action=${1:?start or stop}
dir=${2:?a directory for the server}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        return 1
    fi
    echo "$bin"
}

case "$action" in
start)
    if ! bin=$(pg_bin); then
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        echo "Installing PostgreSQL for the tests" >&2
        $SUDO apt-get update -qq >&2
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
        bin=$(pg_bin)
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    chmod 700 "$dir"
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "umask 077; printf '%s\n' '$password' > '$dir/pw'"
    as_owner "'$bin/initdb' -D '$dir/data' -U sst --pwfile='$dir/pw' --auth-local=scram-sha-256 \
        --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
        -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U sst sst >&2
    echo "postgresql+psycopg://sst:$password@127.0.0.1:$port/sst"
    ;;
stop)
    if [ -d "$dir/data" ] && bin=$(pg_bin); then
        as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w -t 30 stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
