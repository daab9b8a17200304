"""Benchmark the figures issue 2 asks for: launch to a usable case list with 5,000 cases (beside a bare
QMainWindow in the same run), opening a case, and building the handlingsplan PDF.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_app.py [--cases 5000] [--rounds 5]

Launch times are measured in fresh child processes, from just before the interpreter starts to the first
painted window (for SST Desk: after the 5,000 rows are in the list). Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1100, 680); w.show(); app.processEvents(); w.grab()
print(time.time())
"""

SST = """
import sys, time
from sst_desk.app import build_context, make_application
from sst_desk.persistence import Database
from sst_desk.settings import Settings
from sst_desk.ui.main_window import MainWindow
from PySide6.QtCore import QEventLoop
settings = Settings.from_file(sys.argv[2])
app = make_application("sv", settings)
db = Database.open(sys.argv[1])
w = MainWindow(build_context(db, settings)); w.show()
loop = QEventLoop(); w.sig_rows_loaded.connect(loop.quit); w.reload(); loop.exec()
app.processEvents(); w.grab()
assert w.model.rowCount() >= int(sys.argv[3])
print(time.time())
"""


def launch(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def database(cases: int) -> Path:
    from sst_desk.demo import populate
    from sst_desk.persistence import Database

    path = Path(tempfile.gettempdir()) / f"sst-bench-{cases}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        db = Database.open(path)
        populate(db, students=cases, seed=7)
        db.close()
        print(f"(made {path} with {cases} cases in {time.perf_counter() - started:.1f} s)")
    return path


def load_rows(window) -> None:
    """Reload the case list and wait for the rows (they are loaded off the UI thread)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    window.sig_rows_loaded.connect(loop.quit)
    window.reload()
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path = database(args.cases)
    settings = Path(tempfile.mkdtemp()) / "bench.ini"

    bare = [launch(BARE) for _ in range(args.rounds)]
    sst = [launch(SST, str(path), str(settings), str(args.cases)) for _ in range(args.rounds)]
    print(f"launch → painted bare QMainWindow:            median {statistics.median(bare) * 1000:7.0f} ms")
    print(f"launch → usable case list ({args.cases} cases):     median {statistics.median(sst) * 1000:7.0f} ms")

    from sst_desk.app import build_context, make_application
    from sst_desk.persistence import Database
    from sst_desk.reports import ReportContext, build_handlingsplan
    from sst_desk.services import Door
    from sst_desk.settings import Settings
    from sst_desk.ui.main_window import MainWindow
    from sst_desk.workflow.codes import Stage

    app = make_application("sv", Settings.from_file(str(settings)))
    db = Database.open(path)
    window = MainWindow(build_context(db, Settings.from_file(str(settings))))
    load_rows(window)
    started = time.perf_counter()
    rows = Door(db.uow, db.actor).cases.case_rows(window.context.today())
    print(f"case_rows query ({len(rows)} cases):              {(time.perf_counter() - started) * 1000:7.0f} ms")
    planned = [r.case_id for r in rows if r.stage in (Stage.GENOMFORANDE, Stage.UPPFOLJNING)][: args.rounds * 4]
    opening = []
    for case_id in planned:
        started = time.perf_counter()
        window.open_case(case_id)  # read in the background; the window appears when the case arrives
        while case_id not in window.case_windows:
            app.processEvents()
        case_window = window.case_windows[case_id]
        case_window.grab()
        opening.append(time.perf_counter() - started)
        case_window.close()
        app.processEvents()
    print(f"open a case (load + window + first paint):   median {statistics.median(opening) * 1000:7.0f} ms")
    case = Door(db.uow, db.actor).cases.load_case(planned[0])
    build_handlingsplan(case, ReportContext())  # warm-up: fonts
    pdf = []
    for _ in range(args.rounds * 4):
        started = time.perf_counter()
        build_handlingsplan(case, ReportContext())
        pdf.append(time.perf_counter() - started)
    print(f"build the handlingsplan PDF:                 median {statistics.median(pdf) * 1000:7.0f} ms")
    db.close()


if __name__ == "__main__":
    main()
