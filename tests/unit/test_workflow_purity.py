"""The workflow stays pure Python: no Qt, no SQLAlchemy, no Alembic, not even indirectly (house style rule 1)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "sst_desk" / "workflow"
FORBIDDEN = ("PySide6", "shiboken6", "sqlalchemy", "alembic")
# Layers that may use the forbidden packages; importing them would smuggle those in.
FORBIDDEN_LAYERS = ("sst_desk.ui", "sst_desk.persistence")


def _is_forbidden(module: str) -> bool:
    top = module.split(".")[0]
    return top in FORBIDDEN or any(module == p or module.startswith(p + ".") for p in FORBIDDEN_LAYERS)


def _resolve(node: ast.ImportFrom, package: str) -> list[str]:
    """The absolute module names an ``import from`` statement may load."""
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1])
        module = f"{base}.{node.module}" if node.module else base
    else:
        module = node.module or ""
    # ``from sst_desk import ui`` imports a submodule through its names.
    return [module] + [f"{module}.{alias.name}" for alias in node.names]


def forbidden_imports(source: str, package: str = "sst_desk.workflow") -> list[tuple[int, str]]:
    """(line, module) for every import of a forbidden package, anywhere in ``source`` — inside functions too."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if _is_forbidden(a.name)]
        elif isinstance(node, ast.ImportFrom):
            names = _resolve(node, package)
            if any(_is_forbidden(n) for n in names):
                found.append((node.lineno, names[0]))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            target = node.args[0].value
            if name in ("import_module", "__import__") and isinstance(target, str) and _is_forbidden(target):
                found.append((node.lineno, target))
    return found


def workflow_files() -> list[Path]:
    return sorted(WORKFLOW.rglob("*.py"))


def workflow_modules() -> list[str]:
    modules = []
    for path in workflow_files():
        parts = path.relative_to(ROOT).with_suffix("").parts
        modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


# --- the checker itself must catch violations ----------------------------------------------------


@pytest.mark.parametrize(
    "snippet",
    [
        "import PySide6",
        "import PySide6.QtCore as qc",
        "import os, sqlalchemy.orm",
        "from PySide6.QtWidgets import QWidget",
        "from shiboken6 import isValid",
        "from sqlalchemy import select",
        "from alembic import command",
        "import alembic.config",
        "def later():\n    import sqlalchemy\n",
        "class A:\n    def m(self):\n        from PySide6 import QtCore\n",
        "try:\n    import shiboken6\nexcept ImportError:\n    pass\n",
        "if False:\n    from alembic.config import Config\n",
        "import importlib\nimportlib.import_module('sqlalchemy')",
        "__import__('PySide6.QtGui')",
        "from ..ui import main_window",
        "from .. import persistence",
        "from sst_desk.persistence.mapping import metadata",
        "from sst_desk import ui",
    ],
)
def test_the_checker_catches(snippet):
    assert forbidden_imports(textwrap.dedent(snippet)) != []


@pytest.mark.parametrize(
    "snippet",
    [
        "import datetime as dt\nfrom .codes import Stage",
        "from . import process",
        "from .. import paths",
        "from personnummer.personnummer import Personnummer",
        "import sqlalchemy_utils_lookalike",
        "text = 'import PySide6'  # a string, not an import",
        "from sst_desk.workflow.process import apply",
    ],
)
def test_the_checker_lets_pure_code_pass(snippet):
    assert forbidden_imports(snippet) == []


def test_the_checker_gives_the_line():
    assert forbidden_imports("import os\n\ndef f():\n    from sqlalchemy import orm\n") == [(4, "sqlalchemy")]


# --- the workflow package ------------------------------------------------------------------------


def test_there_are_workflow_modules_to_check():
    names = {p.name for p in workflow_files()}
    assert {"__init__.py", "process.py", "entities.py", "codes.py", "validation.py"} <= names


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: str(p.relative_to(WORKFLOW)))
def test_no_workflow_module_imports_qt_or_sqlalchemy(path):
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    assert forbidden_imports(path.read_text(encoding="utf-8"), package.removesuffix(".__init__")) == []


_PROBE = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {forbidden!r})
if loaded:
    sys.exit("loaded: " + ", ".join(loaded))
"""


def _probe(modules: list[str]) -> subprocess.CompletedProcess[str]:
    """Import ``modules`` in a fresh interpreter and fail if a forbidden package got loaded."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    code = _PROBE.format(forbidden=set(FORBIDDEN))
    return subprocess.run([sys.executable, "-c", code, *modules], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_importing_the_whole_workflow_loads_no_qt_or_sqlalchemy():
    modules = workflow_modules()
    assert "sst_desk.workflow.process" in modules
    result = _probe(modules)
    assert result.returncode == 0, result.stderr


def test_the_probe_would_notice_an_indirect_import():
    result = _probe(["sst_desk.workflow.codes", "sqlalchemy"])
    assert result.returncode != 0
    assert "sqlalchemy" in result.stderr
