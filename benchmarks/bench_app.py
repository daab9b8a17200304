"""Benchmark the figures issue 2 asks for: launch to a usable case list with 5,000 cases (beside a bare
QMainWindow in the same run), opening a case, and building the handlingsplan PDF.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_app.py [--cases 5000] [--rounds 5] [--before DIR]

Launch times are measured in fresh child processes, from just before the interpreter starts to the first
painted window (for SST Desk: after the 5,000 rows are in the list), with the package byte-compiled as an
installation has it. The two launches alternate, so both see the same load on the machine. Filter as you
type: a list of 20,000 cases (``--typing-cases``), each keystroke until the list is repainted, beside the
budget of one frame (16 ms). Also printed: launch to the first dialog of the real start (``run_gui``: the
sign-in, or the first administrator's form on a new file), the first paint a person sees. Not a test: it
prints figures.
"""

from __future__ import annotations

import argparse
import functools
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
from sst_desk.ui.caselist.main_window import MainWindow
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


@functools.cache
def as_installed(root: Path = ROOT) -> dict[str, str]:
    """The children's environment: the package byte-compiled and its .pyc files used, as pip or PyInstaller
    leave an installation (with PYTHONDONTWRITEBYTECODE every start would compile SST Desk's sources again)."""
    import compileall

    compileall.compile_dir(str(root / "sst_desk"), quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


SIGN_IN = """
import sys, time
from PySide6.QtWidgets import QApplication, QDialog

def shown(dialog):  # the first dialog of the real start, painted; then the start is ended as if cancelled
    dialog.show(); QApplication.processEvents(); dialog.grab()
    print(time.time(), flush=True)
    return 0

QDialog.exec = shown
from sst_desk.app import run_gui
run_gui(sys.argv[1])
"""


def launch(code: str, *args: str, root: Path = ROOT, **extra_env: str) -> float:
    env = dict(as_installed(root), **extra_env)
    start = time.time()
    # In the checkout's folder: ``-c`` puts the working folder first on sys.path, before PYTHONPATH.
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True,
                         cwd=root)
    return float(out.stdout.strip().splitlines()[-1]) - start


def database(cases: int) -> Path:
    from sst_desk.demo.generate import populate
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


def typing(app, window, rows: list, cases: int) -> list[float]:
    """Filter as you type in a list of ``cases`` rows: each keystroke until the list is repainted.

    The rows are the loaded ones repeated under new case numbers (no database needed for the list itself).
    Typed: a surname letter by letter and back, then a personnummer's digits, as a worker searches.
    """
    import dataclasses

    many = [dataclasses.replace(rows[i % len(rows)], case_id=i + 1) for i in range(cases)]
    window.model.set_rows(many)
    app.processEvents()
    surname = next(r.student_name.split()[-1] for r in rows if len(r.student_name.split()[-1]) >= 6)
    digits = next(r.personal_id for r in rows if r.personal_id).replace("-", "")[2:10]
    texts = [surname[:n] for n in range(1, len(surname) + 1)] + [surname[:n] for n in range(len(surname) - 1, -1, -1)]
    texts += [digits[:n] for n in range(1, len(digits) + 1)] + [""]
    times = []
    for text in texts:
        started = time.perf_counter()
        window.search.setText(text)  # what a keystroke does: textChanged → the filter
        app.processEvents()
        window.table.viewport().repaint()  # and the rows shown are painted
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--typing-cases", type=int, default=20000)
    parser.add_argument("--before", type=Path, default=None, metavar="CHECKOUT",
                        help="another checkout (e.g. `git worktree add ../old main`): its launch alternates with "
                             "this one's, for a before/after in one run")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path = database(args.cases)
    settings = Path(tempfile.mkdtemp()) / "bench.ini"

    bare, sst, before = [], [], []
    for _ in range(args.rounds):
        bare.append(launch(BARE))
        sst.append(launch(SST, str(path), str(settings), str(args.cases)))
        if args.before:
            before.append(launch(SST, str(path), str(settings), str(args.cases), root=args.before))
    own = Path(tempfile.mkdtemp())  # the real start's logs and settings go here, not to the user's folders
    first, first_before = [], []
    for _ in range(args.rounds):
        for root, found in ((ROOT, first), (args.before, first_before)):
            if root is not None:
                found.append(launch(SIGN_IN, str(path), root=root, SST_DESK_DATA_DIR=str(own / "data"),
                                    XDG_CONFIG_HOME=str(own / "config")))
    print(f"launch → painted bare QMainWindow:            median {statistics.median(bare) * 1000:7.0f} ms")
    print(f"launch → the real start's first dialog painted (sign-in): median {statistics.median(first) * 1000:5.0f} ms"
          f"   ({statistics.median(first) / statistics.median(bare):.1f}×)")
    if first_before:
        print(f"  the same launch from {args.before}: median {statistics.median(first_before) * 1000:7.0f} ms"
              f"   ({statistics.median(first_before) / statistics.median(bare):.1f}×)")
    print(f"launch → usable case list ({args.cases} cases):     median {statistics.median(sst) * 1000:7.0f} ms"
          f"   ({statistics.median(sst) / statistics.median(bare):.1f}× the bare window; budget 2×)")
    if before:
        print(f"  the same launch from {args.before}: median {statistics.median(before) * 1000:7.0f} ms"
              f"   ({statistics.median(before) / statistics.median(bare):.1f}×)")

    from sst_desk.app import build_context, make_application
    from sst_desk.persistence import Database
    from sst_desk.reports import ReportContext, build_handlingsplan
    from sst_desk.services import Door
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.workflow.codes import Stage

    app = make_application("sv", Settings.from_file(str(settings)))
    db = Database.open(path)
    window = MainWindow(build_context(db, Settings.from_file(str(settings))))
    load_rows(window)
    started = time.perf_counter()
    rows = Door(db.uow, db.actor).cases.case_rows(window.context.today())
    print(f"case_rows query ({len(rows)} cases):              {(time.perf_counter() - started) * 1000:7.0f} ms")
    planned = [r.case_id for r in rows if r.stage in (Stage.GENOMFORANDE, Stage.UPPFOLJNING)][: args.rounds * 4]
    opening, cpu = [], []
    for case_id in planned:
        started, started_cpu = time.perf_counter(), time.thread_time()
        window.open_case(case_id)  # read in the background; the window appears when the case arrives
        while case_id not in window.case_windows:
            app.processEvents()
        case_window = window.case_windows[case_id]
        case_window.grab()
        opening.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
        case_window.close()
        app.processEvents()
    # The UI thread's CPU time beside the wall clock: on a shared machine the wall clock also counts waiting
    # (the case is read on a worker thread since issue 12, so the UI thread's CPU no longer includes the read).
    print(f"open a case (load + window + first paint):   median {statistics.median(opening) * 1000:7.0f} ms"
          f"   (UI thread CPU {statistics.median(cpu) * 1000:.0f} ms; budget 100 ms)")
    case = Door(db.uow, db.actor).cases.load_case(planned[0])
    build_handlingsplan(case, ReportContext())  # warm-up: fonts
    pdf = []
    for _ in range(args.rounds * 4):
        started = time.perf_counter()
        build_handlingsplan(case, ReportContext())
        pdf.append(time.perf_counter() - started)
    print(f"build the handlingsplan PDF:                 median {statistics.median(pdf) * 1000:7.0f} ms")
    keys = typing(app, window, rows, args.typing_cases)
    print(f"filter as you type ({args.typing_cases} cases), a keystroke: median {statistics.median(keys) * 1000:5.1f} ms, "
          f"slowest {max(keys) * 1000:5.1f} ms   (budget: one frame, 16 ms)")
    db.close()


if __name__ == "__main__":
    main()
