"""Where things live: shipped resources and the user's data directory.

``resource()`` finds ``resources/`` the same way from a checkout (top of the
repository), an installed wheel (``sst_desk/resources``, mapped in
pyproject.toml) and a PyInstaller bundle (``sys._MEIPASS/resources``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "SST Desk"
APP_SLUG = "sst-desk"
DATABASE_FILENAME = "sst-desk.sqlite3"


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [here / "resources", here.parent / "resources"]
    for candidate in candidates:
        if (candidate / "__init__.py").is_file() or (candidate / "catalogue").is_dir():
            return candidate
    raise FileNotFoundError("SST Desk's resources folder is missing from this installation.")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's data directory (SST_DESK_DATA_DIR overrides it, e.g. for tests)."""
    override = os.environ.get("SST_DESK_DATA_DIR")
    return Path(override) if override else user_data_path(APP_SLUG, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def backup_dir_for(database: Path) -> Path:
    return database.parent / "backups"
