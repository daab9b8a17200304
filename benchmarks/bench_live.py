"""Live changes (issue 13): from one client's save returning to another client's event arriving, and to its case
window and its case list showing it — p50/p95 over many saves (budget p95 ≤ 300 ms on loopback), printed beside
a bare HTTPS round trip to the same server measured in the same run.

    .venv/bin/python benchmarks/bench_live.py [--saves 200]

Runs the real thing: ``sst-desk serve`` as a subprocess on PostgreSQL with a throwaway certificate (the
integration tests' harness), two people signed in over HTTPS. Sara saves from a worker thread (as her window
does, off its UI thread), each time changing the student's school; Tove has the main window open with the
case's window, in this process (offscreen). Each save waits until Tove's window and list show it, so every
save is measured alone. PostgreSQL: SST_DESK_TEST_PG_URL, or a throwaway server is started with
scripts/test-postgres.sh and stopped at the end. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # server_harness: the server as its tests start it

SARA = ("sara.socionom", "Sara Socionom", "Snöstorm-Tallbacka-93")
TOVE = ("tove.teamledare", "Tove Teamledare", "Lingonris-Hällebäck-51")
SCHOOLS = ("Almbackaskolan", "Björkdalsskolan")


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """SST_DESK_TEST_PG_URL, or a throwaway PostgreSQL for the run."""
    url = os.environ.get("SST_DESK_TEST_PG_URL", "")
    if url:
        yield url
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-live-pg-"))
    script = ROOT / "scripts" / "test-postgres.sh"
    url = subprocess.run([str(script), "start", str(folder)], check=True, capture_output=True,
                         text=True).stdout.strip().splitlines()[-1]
    os.environ["SST_DESK_TEST_PG_URL"] = url
    try:
        yield url
    finally:
        subprocess.run([str(script), "stop", str(folder)], check=False, capture_output=True)


def percentiles(values: list[float]) -> tuple[float, float, float]:
    """(p50, p95, max) in ms."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000, ordered[-1] * 1000


def line(name: str, values: list[float], budget: str = "") -> str:
    p50, p95, most = percentiles(values)
    return f"  {name:<52} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {most:7.1f} ms  {budget}"


def measure(remote, sara, tove, saves: int, folder: Path) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from sst_desk.app import build_context, make_application
    from sst_desk.demo.generate import build_cases
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.common.operations import operations_running
    from sst_desk.workflow.codes import Stage

    app = make_application("en")
    case = next(c for c in build_cases(20, seed=7, today=dt.date.today()) if c.stage is Stage.AKTUALISERING)
    case.student.protected_identity = False
    case = sara.door.cases.add_case(case)

    context = build_context(tove, Settings.from_file(str(folder / "settings.ini")))
    window = MainWindow(context)
    window.show()

    def wait_until(condition, timeout_s: float = 30.0) -> None:
        loop, poll = QEventLoop(), QTimer()
        poll.timeout.connect(lambda: loop.quit() if condition() else None)
        poll.start(2)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        if not condition():
            loop.exec()
        poll.stop()
        if not condition():
            raise RuntimeError("timed out")

    window.reload()
    wait_until(lambda: any(r.case_id == case.id for r in window.model.rows()) and not operations_running())
    wait_until(lambda: window.live.stream.connected.is_set())
    window.open_case(case.id)
    wait_until(lambda: case.id in window.case_windows and not operations_running())
    theirs = window.case_windows[case.id]

    returned: dict[int, float] = {}
    arrived: dict[int, float] = {}
    shown: dict[int, float] = {}
    listed: dict[int, float] = {}
    done = threading.Event()
    progress = threading.Condition()
    stream = window.live.stream
    deliver = stream._deliver  # noqa: SLF001 - the benchmark notes when each event reaches the client

    def noted(event) -> None:
        if getattr(event, "case_id", None) == case.id:
            arrived.setdefault(event.revision, time.perf_counter())
        deliver(event)

    stream._deliver = noted  # noqa: SLF001

    def on_shown(revision: int) -> None:
        shown.setdefault(revision, time.perf_counter())
        with progress:
            progress.notify_all()

    theirs.follower.sig_taken_in.connect(on_shown)
    expected_school: dict[str, int] = {}

    def on_rows(_count: int) -> None:
        row = next((r for r in window.model.rows() if r.case_id == case.id), None)
        if row is not None and row.school in expected_school:
            listed.setdefault(expected_school[row.school], time.perf_counter())
        with progress:
            progress.notify_all()

    window.sig_rows_loaded.connect(on_rows)

    def saving() -> None:
        current = sara.door.cases.load_case(case.id)
        try:
            for number in range(saves):
                current.student.school = SCHOOLS[number % 2]
                expected_school.clear()
                expected_school[current.student.school] = current.revision + 1
                current = sara.door.cases.save_case(current)
                returned[current.revision] = time.perf_counter()
                with progress:
                    progress.wait_for(lambda r=current.revision: r in shown and r in listed, timeout=30)
        finally:
            done.set()

    worker = threading.Thread(target=saving, name="bench saves")
    started = time.perf_counter()
    worker.start()
    wait_until(done.is_set, timeout_s=saves * 30.0)
    worker.join()
    elapsed = time.perf_counter() - started

    health = []
    for _ in range(max(100, saves)):
        t0 = time.perf_counter()
        remote.health()
        health.append(time.perf_counter() - t0)
    save_rtt = []
    current = sara.door.cases.load_case(case.id)
    theirs.follower.sig_taken_in.disconnect(on_shown)
    for number in range(50):
        current.reason = f"Mätning {number}"
        t0 = time.perf_counter()
        current = sara.door.cases.save_case(current)
        save_rtt.append(time.perf_counter() - t0)

    revisions = sorted(r for r in returned if r in arrived and r in shown and r in listed)
    print(f"{len(revisions)} of {saves} saves measured in {elapsed:.1f} s (each waits until it is shown)")
    print(line("anchor: bare HTTPS round trip (GET /api/v1/health)", health))
    print(line("anchor: a save's round trip (save_case, 50 saves)", save_rtt))
    print(line("save returned → event on the other client's thread", [arrived[r] - returned[r] for r in revisions]))
    print(line("save returned → the other's case window shows it", [shown[r] - returned[r] for r in revisions],
               "(budget p95 ≤ 300 ms)"))
    print(line("event on the client → its case window shows it", [shown[r] - arrived[r] for r in revisions],
               "(reading the case + take_in)"))
    print(line("save returned → the other's case list shows it", [listed[r] - returned[r] for r in revisions],
               "(200 ms debounce included)"))
    for case_window in list(window.case_windows.values()):
        case_window.setWindowModified(False)
    window.close()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with postgres():
        from server_harness import ADMIN, team_server

        from sst_desk.remote.client import RemoteServer
        from sst_desk.workflow.access import Role

        folder = Path(tempfile.mkdtemp(prefix="bench-live-"))
        with team_server(folder) as (server, certs), RemoteServer(server.url, ca_file=certs.ca) as remote:
            admin = remote.signin(ADMIN[0], ADMIN[2])
            admin.door.accounts.create_user(SARA[0], SARA[1], Role.SKOLSOCIONOM, SARA[2])
            admin.door.accounts.create_user(TOVE[0], TOVE[1], Role.TEAMLEDARE, TOVE[2])
            sara, own = remote.signin(SARA[0], SARA[2]), "Egen-Lösenmening-Vintergata-82"
            sara.change_password(SARA[2], own)  # a first password handed over: each chooses their own first
            with RemoteServer(server.url, ca_file=certs.ca) as other:
                tove = other.signin(TOVE[0], TOVE[2])
                tove.change_password(TOVE[2], own)
                measure(remote, sara, tove, args.saves, folder)


if __name__ == "__main__":
    main()
