"""The administrative services stay free of Qt: the team server (issue 13) runs them without a window."""

from __future__ import annotations

import subprocess
import sys

GROUPS = ("accounts", "accesslog", "gallring", "backups", "extract", "errors")


def test_the_admin_services_import_no_qt():
    code = ("import sys, importlib\n"
            f"for group in {GROUPS!r}:\n"
            "    importlib.import_module('sst_desk.services.' + group)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


def test_every_listed_use_case_is_a_function_of_the_module():
    import importlib

    for group in GROUPS[:-1]:
        module = importlib.import_module(f"sst_desk.services.{group}")
        assert module.USE_CASES, group
        for name in module.USE_CASES:
            assert callable(getattr(module, name)), (group, name)
