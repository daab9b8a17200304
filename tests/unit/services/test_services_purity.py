"""Services never import Qt: the command line and the team server run them without a window (house style 4b)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_case_printing_and_attendance_services_load_without_qt() -> None:
    code = textwrap.dedent("""
        import sys
        from sst_desk.services import group_module
        for group in ("cases", "printing", "attendance"):
            module = group_module(group)
            for name in module.USE_CASES:
                assert callable(getattr(module, name)), (group, name)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("sst_desk.ui"))
        print(",".join(loaded))
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"a service pulled in Qt or the UI: {done.stdout.strip()}"
