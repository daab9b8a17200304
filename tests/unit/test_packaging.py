"""Every shipped resource reaches the wheel: each folder under resources/ is a listed package whose
package-data patterns cover its files (a new folder or file type must not be silently left out)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_resource_file_is_packaged():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = set(config["packages"])
    data = config["package-data"]
    missing = []
    for file in (ROOT / "resources").rglob("*"):
        if file.is_dir() or "__pycache__" in file.parts:
            continue
        relative = file.relative_to(ROOT / "resources")
        package = ".".join(("sst_desk", "resources", *relative.parts[:-1]))
        if package not in packages:
            missing.append(f"{relative}: package {package} is not listed")
        elif file.suffix != ".py" and not any(fnmatch.fnmatch(file.name, p) for p in data.get(package, [])):
            missing.append(f"{relative}: no package-data pattern of {package} matches")
    assert not missing, "\n".join(missing)


def test_migrations_ship_with_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert {"sst_desk.persistence.migrations", "sst_desk.persistence.migrations.versions"} <= set(config["packages"])
    assert (ROOT / "sst_desk" / "persistence" / "migrations" / "script.py.mako").is_file()
