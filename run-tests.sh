#!/usr/bin/env bash
# Run the whole test suite headless (installs what it needs first).
# Extra arguments go to pytest, e.g. ./run-tests.sh tests/unit -x
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
