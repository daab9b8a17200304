#!/usr/bin/env bash
# A throwaway SST Desk team server for the test suite and the benchmarks: the real `sst-desk serve` over real
# HTTPS, on its own database in the test PostgreSQL (scripts/test-postgres.sh).
#
#   scripts/test-server.sh start DIR PG_URL [DATABASE]
#       makes a throwaway certificate authority and a server certificate for localhost/127.0.0.1 in DIR (openssl,
#       installed with apt when missing),
#       creates DATABASE (default sst_server; dropped first if there) in the cluster of PG_URL — never the
#       database of PG_URL itself, whose tables the PostgreSQL tests drop —, runs `sst-desk serve --init` on it
#       with the owner's URL (the first administrator `admin` with a random password, answered on standard
#       input), gives a runtime role of its own (sst_runtime_DATABASE) the privileges of docs/server-operations.md,
#       then runs `sst-desk serve` as that role in the background on a free port on 127.0.0.1; waits until
#       /api/v1/health answers over HTTPS verified against the throwaway CA and prints the server's URL on stdout.
#   scripts/test-server.sh stop DIR
#       stops the server, drops its database and runtime role, and removes DIR.
#
# What DIR holds for the tests: ca.pem (the CA to trust: SST_DESK_TEST_SERVER_CA), admin (two lines: the
# administrator's user name and password), database-url (the owner's URL of the server's database),
# server.pid, server.log, server.toml and state/ (the server's secret).
# The Python used is SST_DESK_PYTHON, or .venv/bin/python of this checkout; SST_DESK_TEST_SERVER_WORKERS sets the
# server's processes (`workers`; unset: the server's default, one).
set -euo pipefail

action=${1:?start or stop}
dir=${2:?a directory for the server}
root=$(cd "$(dirname "$0")/.." && pwd)
python=${SST_DESK_PYTHON:-$root/.venv/bin/python}

stop_server() {
    local pid
    if [ -f "$dir/server.pid" ]; then
        pid=$(cat "$dir/server.pid")
        # The server runs in its own session (setsid): its process group ends with it.
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
}

fail() {
    echo "$1" >&2
    [ -f "$dir/server.log" ] && tail -n 40 "$dir/server.log" >&2
    stop_server
    exit 1
}

make_certificates() {
    # A CA that lives as long as the run, and a server certificate it signs (P-256; the extensions a strict
    # verifier wants: key usages, SAN for both names the tests use, key identifiers).
    (
        cd "$dir"
        umask 077
        openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
            -subj "/CN=SST Desk throwaway test CA" -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" -keyout ca.key -out ca.pem
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
            -keyout server.key -out server.csr
        printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
            "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" "subjectKeyIdentifier=hash" \
            "authorityKeyIdentifier=keyid" > server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
            -out server.pem
        chmod 644 ca.pem
        rm -f ca.key server.csr server.ext ca.srl  # nothing can sign another certificate after this
    ) >"$dir/openssl.log" 2>&1 || { cat "$dir/openssl.log" >&2; exit 1; }
}

case "$action" in
start)
    pg_url=${3:?the test PostgreSQL URL (scripts/test-postgres.sh start prints it)}
    database=${4:-sst_server}
    [ -x "$python" ] || { echo "No Python at $python: run scripts/bootstrap.sh first." >&2; exit 1; }
    if ! command -v openssl >/dev/null; then
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        echo "Installing openssl for the test certificate" >&2
        $SUDO apt-get update -qq >&2
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssl >&2
    fi
    rm -rf "$dir"
    mkdir -p "$dir/state"
    chmod 700 "$dir" "$dir/state"
    make_certificates

    # The server's own database beside the tests' one, made afresh; its owner's URL.
    (umask 077; "$python" - "$pg_url" "$database" > "$dir/database-url") <<'EOF'
import sys

import psycopg
import sqlalchemy as sa

url = sa.engine.make_url(sys.argv[1])
name = sys.argv[2]
connect = dict(host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database)
with psycopg.connect(**connect, autocommit=True) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.execute(f'CREATE DATABASE "{name}"')
print(url.set(database=name).render_as_string(hide_password=False))
EOF
    database_url=$(cat "$dir/database-url")
    # The server runs as a runtime role of its own, as docs/server-operations.md sets it up: one per database
    # (roles are the whole cluster's; the run's server and a benchmark's must not change each other's password).
    runtime_role="sst_runtime_$database"
    runtime_password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
    runtime_url=$("$python" -c 'import sys, sqlalchemy as sa
print(sa.engine.make_url(sys.argv[1]).set(username=sys.argv[2], password=sys.argv[3])
      .render_as_string(hide_password=False))' "$database_url" "$runtime_role" "$runtime_password")
    port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
    (umask 077; printf '%s\n%s\n' admin "$password" > "$dir/admin")
    # TOML basic strings: the URL and paths hold no quote or backslash (hex password, mktemp paths).
    (umask 077; cat > "$dir/server.toml" <<EOF
database = "$runtime_url"
cert = "$dir/server.pem"
key = "$dir/server.key"
host = "127.0.0.1"
port = $port
state_dir = "$dir/state"
EOF
    if [ -n "${SST_DESK_TEST_SERVER_WORKERS:-}" ]; then
        echo "workers = $SST_DESK_TEST_SERVER_WORKERS" >> "$dir/server.toml"
    fi
    )

    cd "$root"
    printf '%s\n%s\n%s\n%s\n' admin "Test Administrator" "$password" "$password" \
        | "$python" -m sst_desk --lang en serve --config "$dir/server.toml" --database "$database_url" --init \
            >"$dir/init.log" 2>&1 \
        || { cat "$dir/init.log" >&2; echo "sst-desk serve --init failed (above)." >&2; exit 1; }

    # The runtime role and its privileges after the migrations: the grants of docs/server-operations.md (the
    # access log SELECT and INSERT only, no DDL), run as the test cluster's superuser.
    "$python" - "$database_url" "$runtime_role" "$runtime_password" <<'EOF' >>"$dir/init.log" 2>&1 \
        || { cat "$dir/init.log" >&2; echo "The runtime role could not be set up (above)." >&2; exit 1; }
import sys

import psycopg
import sqlalchemy as sa
from psycopg import sql

url = sa.engine.make_url(sys.argv[1])
role, password = sys.argv[2], sys.argv[3]
names = {"role": sql.Identifier(role), "db": sql.Identifier(url.database), "owner": sql.Identifier(url.username)}
connect = dict(host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database)
with psycopg.connect(**connect, autocommit=True) as conn:
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is not None
    verb = "ALTER" if exists else "CREATE"
    conn.execute(sql.SQL(verb + " ROLE {role} LOGIN PASSWORD {pw}").format(pw=sql.Literal(password), **names))
    for statement in (
        "REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        "GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {role}",
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        "GRANT USAGE ON SCHEMA public TO {role}",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON access_log FROM {role}",
        "REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {role}",
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public"
        " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT USAGE ON SEQUENCES TO {role}",
    ):
        conn.execute(sql.SQL(statement).format(**names))
EOF

    setsid "$python" -m sst_desk --lang en serve --config "$dir/server.toml" >"$dir/server.log" 2>&1 < /dev/null &
    echo $! > "$dir/server.pid"
    url="https://127.0.0.1:$port"
    "$python" - "$url/api/v1/health" "$dir/ca.pem" "$(cat "$dir/server.pid")" <<'EOF' \
        || fail "The test server did not answer /api/v1/health within 60 s (its log follows)."
import os
import ssl
import sys
import time
import urllib.request

health, ca, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
context = ssl.create_default_context(cafile=ca)
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit("the server stopped")
    try:
        with urllib.request.urlopen(health, context=context, timeout=2) as answer:
            if answer.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
EOF
    echo "$url"
    ;;
stop)
    stop_server
    # Its database and runtime role go too (a benchmark on a developer's own PostgreSQL leaves nothing).
    if [ -f "$dir/database-url" ] && [ -x "$python" ]; then
        "$python" - "$(cat "$dir/database-url")" <<'EOF' >/dev/null 2>&1 || true
import sys

import psycopg
import sqlalchemy as sa
from psycopg import sql

url = sa.engine.make_url(sys.argv[1])
connect = dict(host=url.host, port=url.port, user=url.username, password=url.password, dbname="postgres")
with psycopg.connect(**connect, autocommit=True) as conn:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(url.database)))
    conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(f"sst_runtime_{url.database}")))
EOF
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start DIR PG_URL [DATABASE] | stop DIR" >&2
    exit 2
    ;;
esac
