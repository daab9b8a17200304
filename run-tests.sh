#!/usr/bin/env bash
# Run the linter and then the whole test suite headless (installs what it needs first, starts a throwaway
# PostgreSQL server for the PostgreSQL tests and stops it afterwards).
# Extra arguments go to pytest, e.g. ./run-tests.sh tests/unit -x
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh

# The linter first (rules and why: [tool.ruff] in pyproject.toml); a finding stops the run.
.venv/bin/ruff check --no-cache .

export QT_QPA_PLATFORM=offscreen

pg_dir=$(mktemp -d /tmp/sst-desk-test-pg.XXXXXX)
trap 'scripts/test-postgres.sh stop "$pg_dir"' EXIT
SST_DESK_TEST_PG_URL=$(scripts/test-postgres.sh start "$pg_dir")
export SST_DESK_TEST_PG_URL
# In CI a PostgreSQL test must never be skipped for want of a server.
export SST_DESK_REQUIRE_PG=1

.venv/bin/python -m pytest -p no:cacheprovider "$@"
