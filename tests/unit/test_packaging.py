"""Every shipped resource reaches the wheel: each file under resources/ is matched by a package-data
pattern of its folder's package (a new folder or file type must not be silently left out).

setup.py finds the packages themselves; tests/integration/test_wheel.py builds the wheel and runs it.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _package_data() -> dict[str, list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "packages" not in config, "packages are found by setup.py, not listed in pyproject.toml"
    return config["package-data"]


def test_every_resource_file_is_packaged():
    data = _package_data()
    missing = []
    for file in (ROOT / "resources").rglob("*"):
        if file.is_dir() or "__pycache__" in file.parts or file.suffix == ".py":
            continue
        relative = file.relative_to(ROOT / "resources")
        package = ".".join(("sst_desk", "resources", *relative.parts[:-1]))
        if not any(fnmatch.fnmatch(file.name, p) for p in data.get(package, [])):
            missing.append(f"{relative}: no package-data pattern of {package} matches")
    assert not missing, "\n".join(missing)


def test_migrations_ship_with_the_package():
    data = _package_data()
    migrations = ROOT / "sst_desk" / "persistence" / "migrations"
    assert (migrations / "__init__.py").is_file() and (migrations / "versions" / "__init__.py").is_file()
    assert any(fnmatch.fnmatch("script.py.mako", p) for p in data["sst_desk.persistence.migrations"])
    assert (migrations / "script.py.mako").is_file()
