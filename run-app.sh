#!/usr/bin/env bash
# Start SST Desk (installs what it needs first). Arguments go to `sst-desk`,
# e.g. ./run-app.sh --demo   or   ./run-app.sh --db /path/to/file.sqlite3
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
exec .venv/bin/sst-desk "$@"
