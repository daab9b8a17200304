#!/usr/bin/env bash
# Build the Linux desktop bundle (PyInstaller onedir, installer/sst_desk.spec) into dist/sst-desk, then print
# the build time and the bundle's size. --smoke: then run the smoke test on it (installer/smoke.py).
#
# Installs what it needs like run-app.sh: scripts/bootstrap.sh prepares .venv (system libraries, the app and
# its extras, PyInstaller among them: the installer extra). Usage, from anywhere:
#   installer/build.sh [--smoke] [--no-timing]
# --no-timing: smoke without the cold-start measurement. SST_DESK_VENV=/path/to/venv: build with that
# existing venv instead (nothing is installed into it; it must hold the app's dependencies and PyInstaller).
# Output: dist/sst-desk/sst-desk (run it, or copy the folder anywhere: it needs no Python); build/ holds
# PyInstaller's work files.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
timing=""
for arg in "$@"; do
    case "$arg" in
    --smoke) smoke=1 ;;
    --no-timing) timing="--no-timing" ;;
    *) echo "usage: installer/build.sh [--smoke] [--no-timing]" >&2; exit 2 ;;
    esac
done

if [ -n "${SST_DESK_VENV:-}" ]; then
    venv=$SST_DESK_VENV
else
    venv=.venv
    scripts/bootstrap.sh  # the app with its extras, the installer extra (PyInstaller) among them
fi
py=$venv/bin/python
seconds_since() { "$py" -c 'import sys, time; print(round(time.time() - float(sys.argv[1])))' "$1"; }

# The .qm translations are built from the .ts in the checkout (scripts/update_translations.py keeps them in
# step); the bundle takes resources/ as it is.
started=$(date +%s.%N)
"$py" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    installer/sst_desk.spec
bytes=$(du -sb dist/sst-desk | cut -f1)
echo "Built dist/sst-desk in $(seconds_since "$started") s; size $bytes bytes ($((bytes / 1000000)) MB; budget 200 MB)."
if [ "$bytes" -gt 200000000 ]; then
    echo "The bundle is over its size budget of 200 MB." >&2
    exit 1
fi

if [ "$smoke" -eq 1 ]; then
    started=$(date +%s.%N)
    "$py" installer/smoke.py dist/sst-desk --venv-bin "$venv/bin" $timing
    echo "Smoke test passed in $(seconds_since "$started") s."
fi
