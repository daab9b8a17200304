"""The smoke test of the Linux bundle: ``python installer/smoke.py DIST`` (installer/build.sh --smoke runs it).

``DIST`` is the bundle's folder (``dist/sst-desk``). Every step runs the bundle's own executable with a clean
environment — no venv on PATH, no PYTHON* or SST_DESK_* variables, a throwaway HOME and XDG folders (never the
user's), Qt's offscreen platform — each with a time limit, and checks its exit status:

1. ``sst-desk --version`` names this checkout's version; then, when run as root, ``--version`` and ``demo``
   again in a private mount namespace where the venv's and the base interpreter's folders are empty (no
   Python to be found: the bundle needs none);
2. ``sst-desk demo`` makes a demo database in the throwaway data folder (its Swedish words prove the .qm);
3. ``sst-desk cases`` signs in as the demo team lead and lists the cases;
4. ``sst-desk print handlingsplan`` prints one; the PDF is read back with pypdf (this interpreter's, not the
   bundle's) and must hold "Handlingsplan" and the student's first name (the fonts came along);
   ``sst-desk serve`` says, in one sentence, that the team server is not part of this installation;
5. a copy of the database taken back to the previous migration (with the venv's Alembic: what the last
   version left) is migrated by the bundle, its backup taken first (``backups/pre-upgrade-REV-….sqlite3``);
6. a copy stamped with a revision no SST Desk has is refused with the Swedish sentence, on the command line
   (exit 1) and in the window (one message box after the sign-in, then the app ends), and left untouched;
7. ``sst-desk --bundle-check all``: the window started on the demo database, signed in, closed cleanly
   (exit 0), then QtPdf, printing, QtCharts and SQLCipher inside the bundle (installer/bundle_check.py);
8. the cold start: ``--version``, and the window from the process's launch to its main window (signed in),
   bundle against the venv's
   ``sst-desk`` (``VENV``, default: the interpreter running this), alternately, after dropping the page cache
   when this user may (root), else after evicting the two trees' files with posix_fadvise(DONTNEED) — the
   output says which.

Prints one line per step and a JSON summary; exit status 0 only when every step passed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "demo-losenord"  # the documented demo password (README, "Demo users")
STEP_LIMIT_S = 180
NEWER_REFUSED = "nyare version"  # persistence/errors.py NewerDatabaseError, in Swedish


class SmokeFailure(Exception):
    pass


def clean_env(home: Path) -> dict[str, str]:
    """What a person's session would have, minus everything of this checkout and its venv."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "run"), "TMPDIR": str(home / "tmp"),
        # C.UTF-8: a UTF-8 locale every Linux has (Qt insists on UTF-8); SST Desk speaks Swedish for any
        # locale that is not English (sst_desk/i18n.py), which steps 2 and 6 check.
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
    }
    for folder in ("run", "tmp"):
        (home / folder).mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def run(argv: list[str], env: dict[str, str], *, cwd: Path, expect: int = 0,
        limit: float = STEP_LIMIT_S) -> subprocess.CompletedProcess[str]:
    try:
        done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=limit,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{' '.join(argv[:3])}… did not end within {limit:.0f} s") from exc
    if done.returncode != expect:
        raise SmokeFailure(f"{' '.join(argv)} exited with {done.returncode}, not {expect}:\n{done.stdout}\n"
                           f"{done.stderr}")
    return done


def bundle_check(argv: list[str], env: dict[str, str], work: Path, result: Path) -> tuple[int, dict, str]:
    """Run ``sst-desk --bundle-check …`` (argv: the command and its arguments, RESULT last); its exit status,
    findings and stderr."""
    try:
        done = subprocess.run(argv, env=env, cwd=work, capture_output=True, text=True, timeout=STEP_LIMIT_S,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{' '.join(argv[:3])}… did not end within {STEP_LIMIT_S} s") from exc
    found = json.loads(result.read_text(encoding="utf-8")) if result.exists() else {}
    return done.returncode, found, done.stderr


def without_python(bundle: Path, env: dict[str, str], work: Path) -> str:
    """Run ``--version`` and ``demo`` with every Python interpreter this run knows of hidden (empty folders
    mounted over the venv's and the base interpreter's prefixes, in a private mount namespace: root and
    util-linux's ``unshare`` needed). Returns what was done, or why it was skipped."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return "skipped: needs root and unshare for a private mount namespace"
    empty = work / "empty"
    empty.mkdir()
    hidden = sorted({str(Path(p).resolve()) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)})
    mounts = " && ".join(f"mount --bind '{empty}' '{folder}'" for folder in hidden)
    db = work / "without-python" / "demo.sqlite3"
    script = (f"{mounts} && test ! -e '{Path(sys.executable)}' && '{bundle}' --version && "
              f"'{bundle}' demo --db '{db}' --seed 1")
    done = run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script], env, cwd=work)
    if "påhittade" not in done.stdout:
        raise SmokeFailure(f"the bundle without Python did not make the demo database: {done.stdout!r}")
    return "passed with these hidden: " + ", ".join(hidden)


def source_version() -> str:
    text = (ROOT / "sst_desk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    assert found
    return found.group(1)


def stamp_newer(db: Path, env: dict[str, str]) -> None:
    """Mark the database copy ``db`` as made by a newer SST Desk (a revision this one lacks), via this venv."""
    code = "\n".join([
        "import sys",
        "from pathlib import Path",
        "import sqlalchemy as sa",
        "from sst_desk.cli.auth import unlock_key",
        "from sst_desk.persistence.engine import make_engine",
        "file = Path(sys.argv[1])",
        "engine = make_engine(file, key=unlock_key(file, 'tove', sys.argv[2]))",
        "with engine.begin() as connection:",
        "    connection.execute(sa.text(\"UPDATE alembic_version SET version_num = '9999'\"))",
        "engine.dispose()",
    ])
    venv_env = {**os.environ, "PYTHONPATH": str(ROOT), "SST_DESK_DATA_DIR": env["XDG_DATA_HOME"]}
    run([sys.executable, "-c", code, str(db), PASSWORD], venv_env, cwd=ROOT)


def downgrade(db: Path, revision: str) -> None:
    """Take the database copy ``db`` back to ``revision`` with the venv's Alembic: what an older SST Desk left."""
    code = "\n".join([
        "import sys",
        "from pathlib import Path",
        "from alembic import command",
        "from sst_desk.cli.auth import unlock_key",
        "from sst_desk.persistence.engine import make_engine",
        "from sst_desk.persistence.migrate import alembic_config",
        "file = Path(sys.argv[1])",
        "engine = make_engine(file, key=unlock_key(file, 'tove', sys.argv[2]))",
        "with engine.begin() as connection:",
        "    command.downgrade(alembic_config(connection), sys.argv[3])",
        "engine.dispose()",
    ])
    run([sys.executable, "-c", code, str(db), PASSWORD, revision], {**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)


def copy_database(db: Path, folder: Path) -> Path:
    """``db`` with its key file beside it, copied into ``folder`` under the same name (a demo database opened
    under another name is taken for a team's, and its public password must be replaced first)."""
    folder.mkdir(parents=True)
    to = folder / db.name
    shutil.copy2(db, to)
    for beside in db.parent.glob(db.name + ".*"):
        shutil.copy2(beside, to.with_name(beside.name.replace(db.name, to.name, 1)))
    return to


def evict(paths: list[Path]) -> str:
    """Drop what can be dropped of the page cache; returns how."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return "page cache dropped (echo 3 > /proc/sys/vm/drop_caches)"
    except OSError:
        pass
    for top in paths:
        for folder, _dirs, files in os.walk(top):
            for name in files:
                try:
                    fd = os.open(os.path.join(folder, name), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)
    return "files evicted with posix_fadvise(DONTNEED) (drop_caches not permitted)"


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    run(argv, env, cwd=cwd)
    return time.perf_counter() - started


def cold_start(bundle: Path, venv_bin: Path, db: Path, plan: Path, env: dict[str, str], work: Path,
               rounds: int = 3) -> dict:
    """Median seconds of the bundle's and the venv's starts, measured alternately in this run."""
    venv_python = venv_bin / "python"
    venv_env = {**env, "PATH": f"{venv_bin}:{env['PATH']}", "PYTHONPATH": str(ROOT)}
    import sysconfig

    trees = [bundle.parent, Path(sysconfig.get_paths()["purelib"]), ROOT / "sst_desk"]
    figures: dict[str, list[float]] = {"bundle_version": [], "venv_version": [], "bundle_window": [],
                                       "venv_window": []}
    how = ""
    for n in range(rounds):
        how = evict(trees)
        figures["bundle_version"].append(timed([str(bundle), "--version"], env, work))
        how = evict(trees)
        figures["venv_version"].append(timed([str(venv_bin / "sst-desk"), "--version"], venv_env, work))
        for label, argv, e in (
            ("bundle_window", [str(bundle), "--bundle-check", "all"], env),
            ("venv_window", [str(venv_python), str(ROOT / "installer" / "launcher.py"), "--bundle-check", "all"],
             venv_env),
        ):
            evict(trees)
            result = work / f"timing-{label}-{n}.json"
            run(argv + [str(db), str(plan), str(result)], {**e, "SST_DESK_SMOKE_T0": repr(time.time())}, cwd=work)
            figures[label].append(json.loads(result.read_text(encoding="utf-8"))["main_window_since_launch_s"])
    summary = {key: round(statistics.median(values), 3) for key, values in figures.items()}
    summary["version_ratio"] = round(summary["bundle_version"] / summary["venv_version"], 2)
    summary["window_ratio"] = round(summary["bundle_window"] / summary["venv_window"], 2)
    summary["cold_means"] = how
    summary["rounds"] = rounds
    return summary


def smoke(dist: Path, venv_bin: Path, measure: bool = True) -> dict:
    bundle = dist / "sst-desk"
    if not bundle.is_file():
        raise SmokeFailure(f"no bundle at {bundle}: build it first (installer/build.sh)")
    report: dict = {}
    with tempfile.TemporaryDirectory(prefix="sst-desk-smoke-") as scratch:
        work = Path(scratch)
        home = work / "home"
        env = clean_env(home)

        started = time.perf_counter()
        version = run([str(bundle), "--version"], env, cwd=work, limit=60).stdout.strip()
        if version != f"sst-desk {source_version()}":
            raise SmokeFailure(f"--version said {version!r}, the checkout is {source_version()}")
        print(f"1. --version: {version} ({time.perf_counter() - started:.2f} s)")
        report["without_python"] = without_python(bundle, env, work)
        print(f"1b. --version and demo with no Python to be found: {report['without_python']}")

        db = home / "demo.sqlite3"
        made = run([str(bundle), "demo", "--db", str(db), "--seed", "3"], env, cwd=work)
        if "påhittade" not in made.stdout:
            raise SmokeFailure(f"the demo's message is not Swedish: {made.stdout!r}")
        print(f"2. demo: {made.stdout.strip().splitlines()[0]}")

        signed_in = {**env, "SST_DESK_USER": "tove", "SST_DESK_PASSWORD": PASSWORD}
        listed = json.loads(run([str(bundle), "cases", "--db", str(db), "--format", "json"], signed_in,
                                cwd=work).stdout)
        case = next(row for row in listed if row["stage"] in ("genomforande", "uppfoljning")
                    and "consent_missing" not in row["attention"])
        print(f"3. cases: {len(listed)} cases seen by tove")

        plan = home / "plan.pdf"
        run([str(bundle), "print", "handlingsplan", "--case", str(case["id"]), "--db", str(db), "--out", str(plan)],
            signed_in, cwd=work)
        from pypdf import PdfReader

        text = PdfReader(plan).pages[0].extract_text()
        first_name = case["student"].split()[0]
        if not plan.read_bytes().startswith(b"%PDF-") or "Handlingsplan" not in text or first_name not in text:
            raise SmokeFailure("the printed handlingsplan lacks its title or the student's name")
        print(f"4. print handlingsplan: case {case['id']}, {plan.stat().st_size} bytes, words found")

        server = run([str(bundle), "serve", "--database", "postgresql://sst@localhost/sst"], env, cwd=work, expect=1)
        if "sst-desk[server]" not in server.stderr or "Traceback" in server.stderr:
            raise SmokeFailure(f"'serve' in the bundle did not say the server is not installed: {server.stderr!r}")
        print(f"4b. serve (not in the desktop bundle): {server.stderr.strip()}")

        older = copy_database(db, home / "older")
        previous = sorted(p.stem.split("_")[0] for p in (ROOT / "sst_desk/persistence/migrations/versions").glob("0*.py"))[-2]
        downgrade(older, previous)
        migrated = run([str(bundle), "cases", "--db", str(older), "--format", "json"], signed_in, cwd=work)
        backups = sorted((older.parent / "backups").glob(f"pre-upgrade-{previous}-*.sqlite3"))
        if len(json.loads(migrated.stdout)) != len(listed) or not backups:
            raise SmokeFailure(f"the database at {previous} was not migrated with a backup first: {backups}")
        print(f"5. a database from the previous revision ({previous}) migrated; backup first: {backups[0].name}")

        newer = copy_database(db, home / "newer")
        stamp_newer(newer, env)
        before = newer.read_bytes()
        refused = run([str(bundle), "cases", "--db", str(newer)], signed_in, cwd=work, expect=1)
        if NEWER_REFUSED not in refused.stderr or "Traceback" in refused.stderr:
            raise SmokeFailure(f"a newer database was not refused with the sentence: {refused.stderr!r}")
        result = work / "refused.json"
        code, said, stderr = bundle_check([str(bundle), "--bundle-check", "refused", str(newer), str(result)],
                                          env, work, result)
        if code != 0 or not said.get("passed") or NEWER_REFUSED not in said["messages"][0]:
            raise SmokeFailure(f"the window did not refuse the newer database with the sentence: {said}\n{stderr}")
        if newer.read_bytes() != before:
            raise SmokeFailure("the newer database was changed")
        report["newer_database_sentence"] = {"command_line": refused.stderr.strip(), "window": said["messages"][0]}
        print(f"6. newer database refused, untouched: {refused.stderr.strip()} | window: {said['messages'][0]}")

        result = work / "bundle-check.json"
        code, found, stderr = bundle_check([str(bundle), "--bundle-check", "all", str(db), str(plan), str(result)],
                                           env, work, result)
        if code != 0 or not found.get("passed"):
            raise SmokeFailure(f"the bundle check failed (exit {code}): {found}\n{stderr}")
        report["bundle_check"] = found
        print(f"7. window, QtPdf, printing, charts, SQLCipher: {json.dumps(found, ensure_ascii=False)}")

        if measure:
            report["cold_start"] = cold_start(bundle, venv_bin, db, plan, env, work)
            print(f"8. cold start: {json.dumps(report['cold_start'])}")
    report["passed"] = True
    return report


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="installer/smoke.py")
    parser.add_argument("dist", type=Path, help="the bundle's folder (dist/sst-desk)")
    parser.add_argument("--venv-bin", type=Path, default=Path(sys.executable).parent,
                        help="the venv's bin folder to compare the start with (default: this interpreter's)")
    parser.add_argument("--no-timing", action="store_true", help="skip the cold-start measurement")
    args = parser.parse_args(argv)
    try:
        report = smoke(args.dist.resolve(), args.venv_bin, measure=not args.no_timing)
    except (SmokeFailure, StopIteration, json.JSONDecodeError, KeyError) as exc:
        print(f"SMOKE FAILED: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
