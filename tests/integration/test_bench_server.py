"""benchmarks/bench_server.py runs end to end in its quick mode: its own team server (scripts/test-server.sh) on
the test PostgreSQL, demo accounts and cases, clients signing in and opening and saving over HTTPS, and every
figure printed. The figures themselves are not judged here (a busy machine would fail a timed test:
docs/performance.md); that the path works, with no error, is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
from server_harness import postgres_marks  # noqa: E402 - after the module's own imports

pytestmark = postgres_marks(timeout=300)


def test_the_server_benchmark_runs_its_quick_mode_without_an_error() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_server.py"), "--quick"],
                          capture_output=True, text=True, timeout=280, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "SST_DESK_PYTHON": sys.executable})
    assert done.returncode == 0, done.stdout + done.stderr
    for line in ("anchor: bare /api/v1/health, alone", "under load: view (cases.open_case)",
                 "under load: save (cases.save_case)", "requests per second", "errors: 0", "server memory (VmRSS)"):
        assert line in done.stdout, done.stdout
