"""One door: widgets, commands, the demo and the reports reach the data only through ``sst_desk.services``.

Issue 12's rule, read from the code with ``ast`` (docs/architecture.md, "The door"):

(a) no module under ``sst_desk/ui``, ``sst_desk/cli``, ``sst_desk/demo`` or ``sst_desk/reports`` imports
    ``sst_desk.persistence`` — at module level, inside a function, under ``if TYPE_CHECKING:``, as
    ``from sst_desk import persistence`` or through ``importlib.import_module`` — and
(b) nothing outside ``sst_desk/persistence`` and ``sst_desk/services`` calls ``.uow(...)`` (opens a unit
    of work); ``Door(db.uow, actor)`` hands the factory over without calling it and is fine.

The exceptions are the app's bootstrap (opening the database, signing in, a restore of a closed file)
and the demo's raw writer, each listed below with its reason. An entry that is no longer needed fails
too, so the lists stay as short as the code allows.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "sst_desk"
STORAGE = "sst_desk.persistence"

#: Layers that may not import ``sst_desk.persistence`` (a), as dotted package names.
GUARDED = ("sst_desk.ui", "sst_desk.cli", "sst_desk.demo", "sst_desk.reports")
#: Layers that may open a unit of work (b).
UOW_OWNERS = ("sst_desk.persistence", "sst_desk.services")

_DEMO_RAW = ("the demo generator writes thousands of fictional cases, their members and attendance raw, a "
             "batch per transaction, past the services (which load back every case they store): 5,000 cases "
             "in seconds, not minutes. Fictional data only; `sst-desk demo` into a database that has users "
             "first asks CASE x CREATE of the signed-in person (demo.generate.add_demo_cases)")

#: (a) Bootstrap modules that may import ``sst_desk.persistence``: module → why.
PERSISTENCE_IMPORTS_ALLOWED: dict[str, str] = {
    "sst_desk.ui.common.startup":
        "the window's bootstrap: a database file's location and integrity are checked before it is opened, "
        "Database.open, the offer to restore a damaged file, the daily backup, and the Backups dialog's restore "
        "of the closed file and reopening it (restore_for_window)",
    "sst_desk.ui.accounts.signin_dialog":
        "the window's sign-in: the first administrator, unlocking the key and Database.open with it (a server "
        "database is opened first and asked whether it has accounts yet)",
    "sst_desk.cli.common":
        "the command line's bootstrap: every command opens the database here (location, key, integrity check, "
        "Database.open, sign-in) and then acts through Door(db.uow, db.actor)",
    "sst_desk.cli.auth":
        "the command line's sign-in names the Database it signs in on (a type only)",
    "sst_desk.cli.backups":
        "`sst-desk restore` replaces a closed database file (persistence.restore.restore_as signs in and asks "
        "services.backups.authorize_restore) and `sst-desk backups` lists a file's backups folder, both "
        "before anyone could act through a door",
    "sst_desk.demo.accounts": _DEMO_RAW + "; the demo database's accounts and key file are made at its creation",
    "sst_desk.demo.attendance": _DEMO_RAW,
    "sst_desk.demo.generate": _DEMO_RAW,
}

#: (b) Modules outside persistence/ and services/ that may call ``.uow(...)``: module → why.
UOW_CALLS_ALLOWED: dict[str, str] = {
    "sst_desk.demo.accounts": _DEMO_RAW,
    "sst_desk.demo.attendance": _DEMO_RAW,
    "sst_desk.demo.generate": _DEMO_RAW,
}


@dataclass(frozen=True)
class Finding:
    module: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.what}"


def module_name(file: Path, root: Path = ROOT) -> str:
    parts = list(file.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(module: str, node: ast.ImportFrom, is_init: bool) -> str:
    """The module an ``ImportFrom`` names, relative imports resolved against ``module``."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_init else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_storage(name: str) -> bool:
    return name == STORAGE or name.startswith(STORAGE + ".")


def storage_imports(source: str, module: str, *, is_init: bool = False) -> list[Finding]:
    """Every place ``source`` imports ``sst_desk.persistence`` (anywhere in the file, in any form)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node, is_init)
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and (getattr(node.func, "attr", None) or getattr(node.func, "id", None)) in ("import_module",
                                                                                           "__import__")):
            names = [node.args[0].value]
        hit = next((name for name in names if _is_storage(name)), None)
        if hit is not None:
            found.append(Finding(module, node.lineno, f"imports {hit}"))
    return found


def uow_calls(source: str, module: str) -> list[Finding]:
    """Every ``something.uow(...)`` call in ``source`` (opening a unit of work)."""
    return [Finding(module, node.lineno, "opens a unit of work (.uow(...))")
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "uow"]


def _in(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def sources() -> list[tuple[str, str, bool]]:
    """(module, source, is a package's __init__) for every module of sst_desk."""
    return [(module_name(file), file.read_text(encoding="utf-8"), file.name == "__init__.py")
            for file in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in file.parts]


def storage_import_findings() -> list[Finding]:
    return [finding for module, source, is_init in sources() if _in(module, GUARDED)
            for finding in storage_imports(source, module, is_init=is_init)]


def uow_call_findings() -> list[Finding]:
    return [finding for module, source, _ in sources() if not _in(module, UOW_OWNERS)
            for finding in uow_calls(source, module)]


def test_widgets_commands_demo_and_reports_import_persistence_only_in_the_bootstrap():
    forbidden = [f for f in storage_import_findings() if f.module not in PERSISTENCE_IMPORTS_ALLOWED]
    assert not forbidden, ("reach the data through sst_desk.services (errors: services.errors; result types: the "
                           "service that returns them), or add the module to PERSISTENCE_IMPORTS_ALLOWED with "
                           "its reason:\n" + "\n".join(map(str, forbidden)))


def test_only_persistence_and_the_services_open_a_unit_of_work():
    forbidden = [f for f in uow_call_findings() if f.module not in UOW_CALLS_ALLOWED]
    assert not forbidden, ("call a use case through a Door instead (door.<group>.<use_case>(...)), or add the "
                           "module to UOW_CALLS_ALLOWED with its reason:\n" + "\n".join(map(str, forbidden)))


def test_every_allowed_module_still_needs_its_exception():
    importing = {f.module for f in storage_import_findings()}
    opening = {f.module for f in uow_call_findings()}
    assert sorted(set(PERSISTENCE_IMPORTS_ALLOWED) - importing) == []
    assert sorted(set(UOW_CALLS_ALLOWED) - opening) == []
    assert all(reason.strip() for reason in [*PERSISTENCE_IMPORTS_ALLOWED.values(), *UOW_CALLS_ALLOWED.values()])


@pytest.mark.parametrize("source", [
    "from sst_desk.persistence import Database\n",
    "import sst_desk.persistence.backups\n",
    "from sst_desk import persistence\n",
    "def f():\n    from sst_desk.persistence.accounts import log_event\n",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sst_desk.persistence import Database\n",
    "import importlib\nstore = importlib.import_module('sst_desk.persistence.uow')\n",
    "from ...persistence import errors\n",
])
def test_every_form_of_importing_persistence_is_found(source):
    (finding,) = storage_imports(source, "sst_desk.ui.common.some_widget")
    assert "sst_desk.persistence" in finding.what


@pytest.mark.parametrize("source", [
    "from sst_desk.services.errors import DatabaseError\n",
    "from sst_desk.services import Door\ndoor = Door(db.uow, db.actor)\n",
    "import sst_desk.persistence_notes\n",
])
def test_the_services_and_a_handed_over_factory_are_not_findings(source):
    assert storage_imports(source, "sst_desk.ui.common.some_widget") == []
    assert uow_calls(source, "sst_desk.ui.common.some_widget") == []


def test_opening_a_unit_of_work_is_found_however_it_is_written():
    source = "def f(db, context):\n    with db.uow() as tx:\n        pass\n    return context.db.uow(None)\n"
    assert sorted(f.line for f in uow_calls(source, "sst_desk.cli.x")) == [2, 4]
