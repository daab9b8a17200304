#!/usr/bin/env bash
# Prepare everything SST Desk needs on a Debian/Ubuntu machine, idempotently:
# the few system libraries Qt loads, a virtual environment in .venv, and the
# package with its test extras. Quick when nothing changed (a stamp file keeps
# the hash of pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "SST Desk needs Python 3.11 or newer; '$PY' is $("$PY" --version 2>&1)." >&2
    exit 1
fi

# System libraries Qt needs (offscreen and a real X11/Wayland window), plus
# poppler-utils for rendering PDFs in checks. Installed only when missing.
APT_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 python3-venv"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $APT_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
fi
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "Installing system libraries:$missing"
    $SUDO apt-get update -qq
    # python3-venv only matters for the system python; tolerate its absence elsewhere.
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
        || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing/python3-venv/}
fi

if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
stamp=.venv/.sst-desk-installed
want=$(cat pyproject.toml scripts/bootstrap.sh | sha256sum | cut -d" " -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,postgres,server,installer]"
    echo "$want" > "$stamp"
fi
