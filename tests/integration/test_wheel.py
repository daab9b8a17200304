"""The wheel built from this checkout, installed alone, runs ``sst-desk demo``, ``cases`` and ``print``.

Regression (issue 12): the package list in pyproject.toml was written by hand, and a wheel once shipped without
``sst_desk/security``, so every installed command failed at start while every test passed (they import the
checkout). setup.py now finds the packages; this test is what proves it.

How, and why this way:

- The sources are copied to a temporary folder first (without .git, .venv, build output and caches), so the
  build neither writes into the checkout nor packs a stale ``build/lib`` left by an earlier build.
- ``pip wheel --no-deps --no-build-isolation --no-index``: built with the setuptools of the test environment
  (the test extra pins it to what pyproject's ``[build-system]`` asks for), so no network is needed.
- The wheel must hold every module under ``sst_desk/`` and every file under ``resources/`` (as
  ``sst_desk/resources/``): a package left out is named here rather than found as an ImportError later.
- It is installed with ``--no-deps`` into a fresh venv made without ``--system-site-packages`` and without pip.
  Installing PySide6, SQLAlchemy, reportlab… again would take minutes and a network, so the venv gets the
  test environment's third-party packages through one ``.pth`` line naming that environment's site-packages.
  The line only puts that folder on ``sys.path``, after the venv's own site-packages; the ``.pth`` files in
  it are not run, so the checkout's editable install (a ``.pth`` hook there) does not reach the venv, and
  ``sst_desk`` (a regular package, searched only inside itself) comes from the wheel alone — the test checks
  that it does. The commands run from a temporary folder with no ``PYTHONPATH``, like a user's shell.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "demo-losenord"  # the documented demo password (README, "Demo users")
NOT_SOURCES = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                                     ".pytest_cache", ".hypothesis", ".ruff_cache")


def _build_requirements_met() -> list[str]:
    """The [build-system] requirements this environment does not satisfy (building without isolation)."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    unmet = []
    for text in requires:
        wanted = Requirement(text)
        try:
            have = metadata.version(wanted.name)
        except metadata.PackageNotFoundError:
            unmet.append(f"{text} (not installed)")
            continue
        if not wanted.specifier.contains(have, prereleases=True):
            unmet.append(f"{text} (installed: {have})")
    return unmet


def _run(argv: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"{' '.join(argv)} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def _build_wheel(tmp: Path) -> Path:
    unmet = _build_requirements_met()
    assert not unmet, ("this environment cannot build the wheel without network: " + ", ".join(unmet)
                       + " — scripts/bootstrap.sh installs the test extra, which brings them")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "--disable-pip-version-check", "-q", "--wheel-dir", str(tmp / "dist"), str(source)], timeout=180)
    wheels = list((tmp / "dist").glob("sst_desk-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _missing_from(wheel: Path) -> list[str]:
    """Every module and resource of the checkout that the wheel lacks."""
    names = set(zipfile.ZipFile(wheel).namelist())
    # Every file of the code, not only the .py: the migrations' script.py.mako (and any data file) too.
    wanted = [f.relative_to(ROOT).as_posix() for f in (ROOT / "sst_desk").rglob("*")
              if f.is_file() and f.suffix != ".pyc"]
    wanted += ["sst_desk/" + f.relative_to(ROOT).as_posix() for f in (ROOT / "resources").rglob("*")
               if f.is_file() and "__pycache__" not in f.parts]
    return sorted(name for name in wanted if "__pycache__" not in name and name not in names)


def _install(wheel: Path, tmp: Path) -> Path:
    """A fresh venv with the wheel installed; its ``bin`` (``Scripts`` on Windows) folder."""
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
          "--disable-pip-version-check", "-q", str(wheel)], timeout=180)
    site_packages = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
                         .stdout.strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site_packages / "sst_desk_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return python.parent


@pytest.mark.timeout(600)
def test_the_installed_wheel_runs_demo_cases_and_print(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    missing = _missing_from(wheel)
    assert not missing, "the wheel lacks:\n" + "\n".join(missing)
    bin_dir = _install(wheel, tmp_path)
    command = str(bin_dir / ("sst-desk.exe" if os.name == "nt" else "sst-desk"))

    home = tmp_path / "home"
    home.mkdir()
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("PYTHON", "SST_DESK_", "VIRTUAL_ENV"))}
    env.update(SST_DESK_DATA_DIR=str(home / "data"), HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               QT_QPA_PLATFORM="offscreen", LC_ALL="sv_SE.UTF-8", LANG="sv_SE.UTF-8")
    python = str(bin_dir / ("python.exe" if os.name == "nt" else "python"))
    where = _run([python, "-c", "import sst_desk; print(sst_desk.__file__)"], env=env, cwd=home).stdout.strip()
    assert Path(where).is_relative_to(bin_dir.parent), f"sst_desk was imported from {where}, not the wheel"

    db = home / "demo.sqlite3"
    made = _run([command, "demo", "--db", str(db), "--seed", "3"], env=env, cwd=home)
    assert "påhittade" in made.stdout, made.stdout  # the Swedish translation (.qm) came with the wheel

    signed_in = {**env, "SST_DESK_USER": "tove", "SST_DESK_PASSWORD": PASSWORD}
    listed = json.loads(_run([command, "cases", "--db", str(db), "--format", "json"], env=signed_in,
                             cwd=home).stdout)
    assert len(listed) >= 30  # the demo's 40 cases, less the protected students' (only Sara sees those)
    case = next(row for row in listed if row["stage"] in ("genomforande", "uppfoljning")
                and "consent_missing" not in row["attention"])

    out = home / "plan.pdf"
    _run([command, "print", "handlingsplan", "--case", str(case["id"]), "--db", str(db), "--out", str(out)],
         env=signed_in, cwd=home)
    text = PdfReader(out).pages[0].extract_text()
    assert "Handlingsplan" in text and case["student"].split()[0] in text  # the fonts came with the wheel too
