"""The team server under load: simulated clients opening and saving cases over HTTPS, each its own user.

    .venv/bin/python benchmarks/bench_server.py [--clients 30] [--seconds 30] [--cases-per-client 10]
                                                [--processes 3] [--quick]

The real server process (``sst-desk serve``, started by ``scripts/test-server.sh`` with a throwaway CA) on the
test PostgreSQL (``SST_DESK_TEST_PG_URL``, or a throwaway one started by ``scripts/test-postgres.sh``), in a
database of its own. The demo generator (``sst_desk.demo``) fills it: one account per client (skolsocionom
and kurator, alternately; made over the wire by the administrator, each password then chosen by its
person), each responsible for ``--cases-per-client`` fictional cases of its own. Every
client signs in over the wire with its own password (``remote.client.RemoteServer``: its own connection, as a
laptop has) and then, until the time is up, opens one of its cases (``cases.open_case``: the case window's
one read, logged as a view) and saves it with one field changed (``cases.save_case``), pausing ``--think``
seconds on average after each (a person reading and typing; ``--think 0`` runs flat out and measures what
the server can do at most). The clients run as
threads spread over ``--processes`` processes, so the clients' own decoding does not queue behind one
interpreter lock.

Printed: p50/p95/p99 of a view and a save under load (budget: p95 ≤ 150 ms on loopback), requests per
second, the server's resident memory (``/proc/PID/status``) at its start and after the load, its CPU time;
beside them, the anchor measured in the same run: a bare ``/api/v1/health`` round trip, alone before the
load and probed during it, and one client's view and save with no load. Not a test: ``--quick`` (3 clients,
3 s) only proves that the whole path runs (tests/integration/test_bench_server.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST_PASSWORD = "Första-Lösenordet-Ekorre-83"  # the administrator's, handed over
PASSWORD = "Eget-Lösenord-Havstrut-47"  # every benchmark account's own; the database is thrown away afterwards
BUDGET_MS = 150.0


# --- the services: PostgreSQL and the real server ------------------------------------------------------------

class Services:
    """The test PostgreSQL (given, or started here) and the team server on a database of its own."""

    def __init__(self, folder: Path, pg_url: str | None, workers: int = 1) -> None:
        self.folder = folder
        self.workers = workers
        self.own_pg = not pg_url
        self.pg_dir = folder / "pg"
        self.server_dir = folder / "server"
        self.pg_url = pg_url or ""
        self.url = ""

    def __enter__(self) -> Services:
        env = {**os.environ, "SST_DESK_PYTHON": sys.executable}
        if self.workers > 1:
            env["SST_DESK_TEST_SERVER_WORKERS"] = str(self.workers)
        if self.own_pg:
            self.pg_url = _script("test-postgres.sh", "start", str(self.pg_dir), env=env)
        self.url = _script("test-server.sh", "start", str(self.server_dir), self.pg_url, "sst_bench", env=env)
        return self

    def __exit__(self, *exc: object) -> None:
        subprocess.run([str(ROOT / "scripts" / "test-server.sh"), "stop", str(self.server_dir)], check=False)
        if self.own_pg:
            subprocess.run([str(ROOT / "scripts" / "test-postgres.sh"), "stop", str(self.pg_dir)], check=False)

    @property
    def ca(self) -> str:
        return str(self.server_dir / "ca.pem")

    @property
    def pid(self) -> int:
        return int((self.server_dir / "server.pid").read_text())

    @property
    def database_url(self) -> str:
        return (self.server_dir / "database-url").read_text().strip()


def _script(name: str, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run([str(ROOT / "scripts" / name), *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"scripts/{name} {args[0]} failed:\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


# --- the demo population --------------------------------------------------------------------------------------

def populate(services: Services, clients: int, cases_per_client: int) -> dict[str, list[int]]:
    """One account per client with its own fictional cases (the demo generator); user name → case ids.

    The accounts are made over the wire, as a team's are: the administrator makes each with a first password,
    and the person signs in and chooses her own (the server refuses everything else until then). The cases go
    straight into the server's database with the demo generator, which stores them as data (no log entries):
    300 cases through ``add_case`` one by one would take minutes.
    """
    from sst_desk.demo.generate import populate as demo_cases
    from sst_desk.persistence import Database
    from sst_desk.remote.client import RemoteServer
    from sst_desk.workflow.access import Role

    admin_name, admin_password = (services.server_dir / "admin").read_text().splitlines()[:2]
    roles = (Role.SKOLSOCIONOM, Role.KURATOR)
    ids: dict[str, int] = {}
    with RemoteServer(services.url, ca_file=services.ca) as remote:
        admin = remote.signin(admin_name, admin_password)
        for number in range(1, clients + 1):
            username = f"bench{number:02d}"
            record = admin.door.accounts.create_user(username, f"Klient {number:02d}", roles[number % 2],
                                                     FIRST_PASSWORD)
            person = remote.signin(username, FIRST_PASSWORD)
            person.change_password(FIRST_PASSWORD, PASSWORD)
            person.signout()
            ids[username] = record.id
        admin.signout()
    with Database.open(services.database_url) as db:
        return {username: demo_cases(db, students=cases_per_client, seed=number, members=[user_id])
                for number, (username, user_id) in enumerate(ids.items(), start=1)}


# --- measuring ------------------------------------------------------------------------------------------------

def percentiles(seconds: list[float]) -> dict[str, float]:
    """p50/p95/p99 in milliseconds (of at least two samples)."""
    if len(seconds) < 2:
        value = seconds[0] * 1000 if seconds else float("nan")
        return {"p50": value, "p95": value, "p99": value}
    cuts = statistics.quantiles([s * 1000 for s in seconds], n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98]}


def server_pids(pid: int) -> list[int]:
    """The server process and its children (the worker processes of ``--workers``)."""
    pids = [pid]
    try:
        pids += [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    return pids


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) summed over the server's processes, from /proc/PID/status."""
    total = {"VmRSS": 0, "VmHWM": 0}
    for one in server_pids(pid):
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in total:
                    total[name] += int(value.split()[0])
        except OSError:
            continue
    return total


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server's processes so far (their threads included)."""
    total = 0
    for one in server_pids(pid):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def health_round_trips(url: str, ca: str, count: int, pause: float = 0.0,
                       stop: threading.Event | None = None) -> list[float]:
    """``count`` bare GET /api/v1/health on one kept-alive HTTPS connection, verified against ``ca``."""
    import httpx

    from sst_desk.remote.client import ssl_context

    times: list[float] = []
    with httpx.Client(base_url=url, verify=ssl_context(ca), timeout=15) as client:
        client.get("/api/v1/health").raise_for_status()  # the TLS handshake is not the anchor
        while len(times) < count and not (stop is not None and stop.is_set()):
            start = time.perf_counter()
            client.get("/api/v1/health").raise_for_status()
            times.append(time.perf_counter() - start)
            if pause:
                time.sleep(pause)
    return times


def _edit(case: object, round_number: int) -> None:
    """One field changed, as a person typing would: the case's reason gets a new last line."""
    base = case.reason.split("\n[bänkprov", 1)[0]
    case.reason = f"{base}\n[bänkprov {round_number}]"


def idle_figures(url: str, ca: str, username: str, case_ids: list[int], rounds: int) -> dict[str, list[float]]:
    """One client alone: its views and saves with no other load (the same calls the clients make)."""
    from sst_desk.remote.client import RemoteServer

    session = RemoteServer(url, ca_file=ca).signin(username, PASSWORD)
    views, saves = [], []
    try:
        for number in range(rounds):
            case_id = case_ids[number % len(case_ids)]
            start = time.perf_counter()
            opened = session.door.cases.open_case(case_id)
            views.append(time.perf_counter() - start)
            _edit(opened.case, number)
            start = time.perf_counter()
            session.door.cases.save_case(opened.case)
            saves.append(time.perf_counter() - start)
    finally:
        session.signout()
    return {"view": views, "save": saves}


def client_process(url: str, ca: str, work: dict[str, list[int]], seconds: float, think: float, barrier,
                   results) -> None:
    """One process's clients: sign in each, wait for every process, then open and save until the time is up.

    ``think``: the mean pause (uniform between half and one and a half of it) after a view before the save and
    after a save before the next view — a person reading and typing; 0 sends the next call at once.
    """
    from sst_desk.remote.client import RemoteServer

    sessions = [(RemoteServer(url, ca_file=ca).signin(username, PASSWORD), ids) for username, ids in work.items()]
    samples: list[tuple[str, float]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def run(session, ids: list[int], deadline: float, seed: int) -> None:
        rng = random.Random(seed)
        mine: list[tuple[str, float]] = []
        number = 0
        if think:  # people do not all press at the same moment: the clients start spread over one cycle
            time.sleep(rng.uniform(0, 2 * think))
        while time.perf_counter() < deadline:
            number += 1
            case_id = rng.choice(ids)
            try:
                start = time.perf_counter()
                opened = session.door.cases.open_case(case_id)
                mine.append(("view", time.perf_counter() - start))
                _edit(opened.case, number)
                if think:
                    time.sleep(rng.uniform(think / 2, think * 1.5))
                start = time.perf_counter()
                session.door.cases.save_case(opened.case)
                mine.append(("save", time.perf_counter() - start))
                if think:
                    time.sleep(rng.uniform(think / 2, think * 1.5))
            except Exception as exc:  # counted and named in the figures; the client goes on like a person would
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
        with lock:
            samples.extend(mine)

    barrier.wait()
    deadline = time.perf_counter() + seconds
    threads = [threading.Thread(target=run, args=(session, ids, deadline, n)) for n, (session, ids) in
               enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for session, _ids in sessions:
        session.signout()
    results.put((samples, errors))


def load(url: str, ca: str, owned: dict[str, list[int]], seconds: float, think: float, processes: int,
         ) -> tuple[list[tuple[str, float]], list[str], list[float], float]:
    """Every client at once for ``seconds``; the samples, the errors, the health probes during it, the wall time."""
    context = multiprocessing.get_context("spawn")
    names = list(owned)
    groups = [names[n::processes] for n in range(processes) if names[n::processes]]
    barrier = context.Barrier(len(groups) + 1)
    results = context.Queue()
    workers = [context.Process(target=client_process,
                               args=(url, ca, {name: owned[name] for name in group}, seconds, think, barrier,
                                     results))
               for group in groups]
    for worker in workers:
        worker.start()
    barrier.wait(timeout=300)  # every client signed in
    stop = threading.Event()
    probes: list[float] = []
    prober = threading.Thread(target=lambda: probes.extend(health_round_trips(url, ca, 10_000, 0.1, stop)))
    start = time.perf_counter()
    prober.start()
    samples: list[tuple[str, float]] = []
    errors: list[str] = []
    for _ in workers:
        got_samples, got_errors = results.get(timeout=seconds + 300)
        samples += got_samples
        errors += got_errors
    wall = time.perf_counter() - start
    stop.set()
    prober.join()
    for worker in workers:
        worker.join()
    return samples, errors, probes, wall


def _row(name: str, figures: dict[str, float], extra: str = "") -> str:
    return f"  {name:<44} {figures['p50']:8.1f} {figures['p95']:8.1f} {figures['p99']:8.1f}  {extra}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--cases-per-client", type=int, default=10)
    parser.add_argument("--think", type=float, default=1.0,
                        help="a client's mean pause in seconds after a view and after a save (0: none)")
    parser.add_argument("--processes", type=int, default=3, help="client processes the clients are spread over")
    parser.add_argument("--workers", type=int, default=1, help="the server's processes (sst-desk serve --workers)")
    parser.add_argument("--quick", action="store_true", help="3 clients for 3 s: proves the path, measures nothing")
    args = parser.parse_args(argv)
    if args.quick:
        args.clients, args.seconds, args.cases_per_client, args.processes, args.think = 3, 3.0, 3, 1, 0.2
    args.processes = max(1, min(args.processes, args.clients))

    with tempfile.TemporaryDirectory(prefix="sst-desk-bench-server-") as tmp:
        folder = Path(tmp)
        folder.chmod(0o711)  # PostgreSQL's own user reaches its data directory inside
        started = time.perf_counter()
        with Services(folder, os.environ.get("SST_DESK_TEST_PG_URL"), args.workers) as services:
            memory_before = memory_kib(services.pid)  # just started: no request served yet
            owned = populate(services, args.clients, args.cases_per_client)
            cases = sum(len(ids) for ids in owned.values())
            print(f"server {services.url} (pid {services.pid}, {args.workers} worker process(es)) on PostgreSQL; "
                  f"{args.clients} accounts, {cases} "
                  f"demo cases; prepared in {time.perf_counter() - started:.0f} s; load average "
                  f"{os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs")
            first = next(iter(owned))
            anchor = health_round_trips(services.url, services.ca, 20 if args.quick else 200)
            alone = idle_figures(services.url, services.ca, first, owned[first], 4 if args.quick else 30)
            cpu_before = cpu_seconds(services.pid)
            samples, errors, probes, wall = load(services.url, services.ca, owned, args.seconds, args.think,
                                                   args.processes)
            cpu_used = cpu_seconds(services.pid) - cpu_before
            memory_after = memory_kib(services.pid)

    views = [s for kind, s in samples if kind == "view"]
    saves = [s for kind, s in samples if kind == "save"]
    print(f"\n{args.clients} clients in {args.processes} processes for {wall:.1f} s, pausing {args.think:g} s on "
          "average after each view and each save; milliseconds")
    print(f"  {'':<44} {'p50':>8} {'p95':>8} {'p99':>8}")
    print(_row("anchor: bare /api/v1/health, alone", percentiles(anchor), f"({len(anchor)} round trips)"))
    print(_row("anchor: bare /api/v1/health, during the load", percentiles(probes), f"({len(probes)}, one per 0.1 s)"))
    print(_row("one client alone: view (cases.open_case)", percentiles(alone["view"]), f"({len(alone['view'])})"))
    print(_row("one client alone: save (cases.save_case)", percentiles(alone["save"]), f"({len(alone['save'])})"))
    view_p, save_p = percentiles(views), percentiles(saves)
    print(_row("under load: view (cases.open_case)", view_p, f"({len(views)})"))
    print(_row("under load: save (cases.save_case)", save_p, f"({len(saves)})"))
    for name, figures in (("view", view_p), ("save", save_p)):
        verdict = "met" if figures["p95"] <= BUDGET_MS else "NOT met"
        print(f"  budget p95 ≤ {BUDGET_MS:.0f} ms, {name}: {verdict}")
    print(f"  requests per second (views + saves): {len(samples) / wall:.1f}; errors: {len(errors)}")
    for error in sorted(set(errors))[:5]:
        print(f"    {error}")
    print(f"  server memory (VmRSS) at its start {memory_before['VmRSS'] / 1024:.0f} MiB, after the load "
          f"{memory_after['VmRSS'] / 1024:.0f} MiB, peak {memory_after['VmHWM'] / 1024:.0f} MiB; server CPU "
          f"{cpu_used:.1f} s in {wall:.1f} s ({cpu_used / wall:.2f} cores), "
          f"{cpu_used / max(1, len(samples)) * 1000:.0f} ms of CPU a view or save (the probes' small share in)")
    print(f"  load average after: {os.getloadavg()[0]:.1f}; {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC")
    return 1 if errors or not views or not saves else 0


if __name__ == "__main__":
    sys.exit(main())
