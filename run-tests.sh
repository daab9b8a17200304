#!/usr/bin/env bash
# Run the linter and then the whole test suite headless (installs what it needs first, starts a throwaway
# PostgreSQL server and the real team server on it for the PostgreSQL and server tests, and stops both
# afterwards). Extra arguments go to pytest, e.g. ./run-tests.sh tests/unit -x
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh

# tests/unit needs neither PostgreSQL nor the server (docs/testing.md): a run that names only paths under
# tests/unit starts neither. Anything else (no path: the whole suite) gets both.
unit_paths=0
other_paths=0
here=$(pwd -P)
for arg in "$@"; do
    case "$arg" in -*) continue ;; esac
    path=${arg%%::*}
    [ -e "$path" ] || continue
    case "$(realpath "$path")/" in
    "$here/tests/unit/"*) unit_paths=$((unit_paths + 1)) ;;
    *) other_paths=$((other_paths + 1)) ;;
    esac
done
services=1
[ "$unit_paths" -gt 0 ] && [ "$other_paths" -eq 0 ] && services=0

if [ "$services" -eq 1 ]; then
    run_dir=$(mktemp -d /tmp/sst-desk-test.XXXXXX)
    chmod 711 "$run_dir"  # PostgreSQL's own user must reach its data directory inside
    stop_services() {
        [ -n "${starting:-}" ] && wait "$starting" 2>/dev/null || true
        scripts/test-server.sh stop "$run_dir/server" || true
        scripts/test-postgres.sh stop "$run_dir/pg" || true
        rm -rf "$run_dir"
    }
    trap stop_services EXIT
    # PostgreSQL, then the team server on it, start in the background while ruff runs.
    (
        umask 077
        scripts/test-postgres.sh start "$run_dir/pg" > "$run_dir/pg-url"
        scripts/test-server.sh start "$run_dir/server" "$(cat "$run_dir/pg-url")" > "$run_dir/server-url"
    ) 2> "$run_dir/start.log" &
    starting=$!
fi

# The linter first (rules and why: [tool.ruff] in pyproject.toml); a finding stops the run.
.venv/bin/ruff check --no-cache .

export QT_QPA_PLATFORM=offscreen

if [ "$services" -eq 1 ]; then
    if ! wait "$starting"; then
        cat "$run_dir/start.log" >&2
        echo "The test PostgreSQL or team server did not start." >&2
        exit 1
    fi
    starting=""
    SST_DESK_TEST_PG_URL=$(cat "$run_dir/pg-url")
    # The team server (scripts/test-server.sh): its URL, the CA its certificate is signed by, the file with its
    # administrator's user name and password, and its database's owner URL.
    SST_DESK_TEST_SERVER_URL=$(cat "$run_dir/server-url")
    SST_DESK_TEST_SERVER_CA=$run_dir/server/ca.pem
    SST_DESK_TEST_SERVER_ADMIN=$run_dir/server/admin
    SST_DESK_TEST_SERVER_DB=$(cat "$run_dir/server/database-url")
    export SST_DESK_TEST_PG_URL SST_DESK_TEST_SERVER_URL SST_DESK_TEST_SERVER_CA SST_DESK_TEST_SERVER_ADMIN \
        SST_DESK_TEST_SERVER_DB
    # In CI a PostgreSQL or server test must never be skipped for want of a server.
    export SST_DESK_REQUIRE_PG=1
fi

.venv/bin/python -m pytest -p no:cacheprovider "$@"
