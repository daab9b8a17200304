"""Every test file has a name of its own: pytest imports them by bare name (no packages under tests/)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_two_test_files_share_a_name() -> None:
    names = Counter(path.name for path in TESTS.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []


def test_conftest_is_imported_at_module_level_only() -> None:
    """``from conftest import …`` inside a function runs after collection, when the module ``conftest`` may be
    another folder's (docs/testing.md, "Trap"): it failed a whole-suite run once (test_server_cli.py)."""
    import ast

    late = []
    for path in TESTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and inner.module == "conftest":
                        late.append(f"{path.relative_to(TESTS)}:{inner.lineno}")
    assert late == []
