"""The ``sst-desk`` command, run in process (and twice as a real subprocess)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.__main__ import main
from sst_desk.workflow.codes import Stage
from doors import door

STUDENTS = 24
PASSWORD = "demo-losenord"  # the documented demo password (sst_desk/demo/accounts.py)


def visible_to_team_lead(students: int) -> int:
    """Demo cases a team lead sees: all but protected students' (the demo makes index 11, 48 … protected)."""
    return students - sum(1 for index in range(students) if index % 37 == 11)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(folder))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # these tests read the English sentences (Swedish: test_cli_safety)
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", "demo-losenord")
    return folder


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SST_DESK_DATA_DIR", str(path.parent / "data"))
        patch.setenv("SST_DESK_USER", "tove")
        patch.setenv("SST_DESK_PASSWORD", "demo-losenord")
        assert main(["demo", "--db", str(path), "--students", str(STUDENTS), "--seed", "4"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows_as_json(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict]:
    code, out, _ = run(capsys, "cases", "--db", str(db), "--format", "json")
    assert code == 0
    return json.loads(out)


def one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- help and the GUI --------------------------------------------------------------


def test_help_lists_every_command_and_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("demo", "cases", "print", "--db", "--demo", "--lang", "--version", "default database"):
        assert word in out
    code, out, _ = run(capsys, "print", "handlingsplan", "--help")
    assert code == 0 and "--case" in out and "--out" in out and "--team-name" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from sst_desk import __version__

    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    calls: list[tuple] = []
    module = types.ModuleType("sst_desk.app")
    module.run_gui = lambda target, **kw: calls.append((target, kw)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sst_desk.app", module)
    return calls


def test_without_a_command_the_window_opens_with_the_options(fake_gui: list[tuple], monkeypatch) -> None:
    monkeypatch.delenv("SST_DESK_CA_FILE", raising=False)
    assert main(["--db", "team.sqlite3", "--lang", "en"]) == 0
    assert main(["--demo", "--user", "sara"]) == 0
    assert main([]) == 0
    assert main(["--server", "https://sst.kommun.example:8443", "--ca-file", "ca.pem"]) == 0
    monkeypatch.setenv("SST_DESK_CA_FILE", "/etc/sst-desk/ca.pem")
    assert main(["--server", "https://sst.kommun.example:8443"]) == 0
    plain = {"server": None, "ca_file": None}
    on_server = {"demo": False, "language": None, "user": None, "server": "https://sst.kommun.example:8443"}
    assert fake_gui == [
        ("team.sqlite3", {"demo": False, "language": "en", "user": None, **plain}),
        (None, {"demo": True, "language": None, "user": "sara", **plain}),  # the name is filled in; the password asked
        (None, {"demo": False, "language": None, "user": None, **plain}),
        (None, {**on_server, "ca_file": "ca.pem"}),  # the window on the team server
        (None, {**on_server, "ca_file": "/etc/sst-desk/ca.pem"}),  # the CA file from the environment
    ]


def test_a_window_that_cannot_start_is_one_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("sst_desk.app")

    def no_display(target: str | None, **kw: object) -> int:
        raise ImportError("libEGL.so.1: cannot open shared object file")

    module.run_gui = no_display  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sst_desk.app", module)
    code, _, err = run(capsys, "--demo")
    assert code == 1 and "ImportError" in one_sentence(err)


def test_demo_and_db_together_is_a_usage_error(capsys: pytest.CaptureFixture[str], fake_gui: list) -> None:
    code, _, err = run(capsys, "--demo", "--db", "x.sqlite3")
    assert code == 2 and "not allowed with" in err and not fake_gui


# --- demo ---------------------------------------------------------------------------------


def test_demo_creates_the_cases_in_every_stage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "new" / "demo.sqlite3"
    code, out, err = run(capsys, "demo", "--db", str(db), "--students", "16")
    assert code == 0, err
    assert out.startswith(f"Created 16 fictional cases in {db.resolve()}\nDemo users: sara (skolsocionom)")
    assert PASSWORD in out
    rows = rows_as_json(capsys, db)
    assert len(rows) == visible_to_team_lead(16)  # the team lead does not see the protected student
    from sst_desk.persistence import Database
    from sst_desk.security.signin import unlock

    with Database.open(db, key=unlock(db, "tove", PASSWORD)) as raw:  # storage access, no actor: every case
        assert {r.stage for r in door(raw).cases.case_rows(__import__("datetime").date.today())} == set(Stage)


def test_demo_into_an_existing_database_records_the_steps_as_taken_by_the_user(tmp_path: Path) -> None:
    from sst_desk.security.signin import sign_in

    path = tmp_path / "more.sqlite3"
    assert main(["demo", "--db", str(path), "--students", "2"]) == 0
    assert main(["demo", "--db", str(path), "--students", "3", "--user", "karin"]) == 0  # signs in
    db = sign_in(path, "karin", PASSWORD)
    try:
        newest = max(row.case_id for row in door(db).cases.case_rows(__import__("datetime").date.today()))
        case = door(db).cases.load_case(newest)
        members = door(db).cases.case_member_ids(newest)
    finally:
        db.close()
    assert case.transitions[0].to_stage is Stage.AKTUALISERING
    assert all(t.by == "Karin Berg" for t in case.transitions)
    assert members == [db.actor.user_id]  # she is responsible for the cases she made


def test_demo_into_an_existing_database_is_refused_to_someone_who_may_not_add_cases(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The demo writes its cases past the services (for speed), so it asks CASE x CREATE itself first."""
    from sst_desk.security.signin import sign_in

    path = tmp_path / "more.sqlite3"
    assert run(capsys, "demo", "--db", str(path), "--students", "2")[0] == 0
    code, out, err = run(capsys, "demo", "--db", str(path), "--students", "3", "--user", "adam")
    assert code != 0 and "You may not do this" in err and "attempt was logged" in err and "Created" not in out
    db = sign_in(path, "tove", PASSWORD)
    try:
        rows = door(db).cases.case_rows(__import__("datetime").date.today())
        (refusal,) = door(db).accesslog.query_log(username="adam", action="denied")
    finally:
        db.close()
    assert len(rows) == 2 and refusal.detail == "case:create"


def test_demo_without_db_fills_the_demo_database_not_the_real_one(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "demo", "--students", "3")
    assert code == 0 and f"{data_dir / 'demo.sqlite3'}\n" in out
    assert not (data_dir / "sst-desk.sqlite3").exists()


@pytest.mark.parametrize("value", ["0", "-3", "ten", "2.5"])
def test_students_must_be_a_positive_whole_number(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, _, err = run(capsys, "demo", "--db", "unused.sqlite3", "--students", value)
    assert code == 2 and "--students" in err and "Traceback" not in err


# --- cases -----------------------------------------------------------------------------


def test_cases_as_json(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    rows = rows_as_json(capsys, demo_db)
    assert len(rows) == visible_to_team_lead(STUDENTS)
    assert {r["stage"] for r in rows} == {s.value for s in Stage}
    first = rows[0]
    assert set(first) >= {"id", "student", "personal_id", "school", "stage", "next_due", "attention"}
    assert all(isinstance(r["attention"], list) for r in rows)
    assert any(r["attention"] for r in rows)
    dated = next(r for r in rows if r["next_due"])
    __import__("datetime").date.fromisoformat(dated["next_due"])


def test_cases_as_csv_match_the_json(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    expected = rows_as_json(capsys, demo_db)
    code, out, _ = run(capsys, "cases", "--db", str(demo_db), "--format", "csv")
    assert code == 0
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["id"]) for r in parsed] == [r["id"] for r in expected]
    assert [r["stage"] for r in parsed] == [r["stage"] for r in expected]
    assert [r["student"] for r in parsed] == [r["student"] for r in expected]
    assert [r["attention"] for r in parsed] == [";".join(r["attention"]) for r in expected]


def test_cases_as_a_table_with_swedish_stage_names(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    code, out, _ = run(capsys, "cases", "--db", str(demo_db))
    assert code == 0
    lines = out.splitlines()
    header, rule, body = lines[0], lines[1], lines[2 : 2 + visible_to_team_lead(STUDENTS)]
    assert header.split()[:3] == ["ID", "Student", "Personnummer"]
    column = header.index("Stage")
    words = ("Aktualisering", "Inskrivning", "Kartläggning", "Planering", "Genomförande", "Uppföljning",
             "Avslutad", "Vidmakthållande")
    seen = {next(w for w in words if line[column:].startswith(w)) for line in body}
    assert seen == set(words)
    assert set(rule.replace(" ", "")) == {"-"}
    assert lines[-1] == f"{visible_to_team_lead(STUDENTS)} cases."


def test_db_may_come_before_the_command(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "cases", "--format", "csv")
    assert code == 0 and len(out.splitlines()) == visible_to_team_lead(STUDENTS) + 1


def test_without_db_the_default_database_is_listed(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, "cases")
    assert code == 1
    assert f"There is no database at {data_dir / 'sst-desk.sqlite3'}; give one with --db." == one_sentence(
        err).removeprefix("sst-desk: ")
    assert main(["demo", "--db", str(data_dir / "sst-desk.sqlite3"), "--students", "2"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "cases", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2


def test_cases_of_a_missing_database_is_refused_without_creating_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nothing.sqlite3"
    code, _, err = run(capsys, "cases", "--db", str(missing))
    assert code == 1 and "There is no database" in one_sentence(err)
    assert not missing.exists()


def test_a_file_that_is_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("Inte en databas, bara text.\n" * 50, encoding="utf-8")
    code, _, err = run(capsys, "cases", "--db", str(junk))
    assert code == 1
    assert "not an SST Desk database" in one_sentence(err)


def test_a_folder_or_an_unknown_url_is_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "demo", "--db", str(tmp_path), "--students", "2")
    assert code == 1 and "is a folder" in one_sentence(err)
    code, _, err = run(capsys, "cases", "--db", "nonsense://somewhere/db")
    assert code == 1 and "not a database URL" in one_sentence(err)


# --- print handlingsplan ---------------------------------------------------------


def _case_in(capsys: pytest.CaptureFixture[str], db: Path, stage: Stage) -> dict:
    return next(r for r in rows_as_json(capsys, db) if r["stage"] == stage.value)


def test_print_writes_a_real_pdf(capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path) -> None:
    row = _case_in(capsys, demo_db, Stage.GENOMFORANDE)
    out_file = tmp_path / "plan.pdf"
    code, out, err = run(capsys, "print", "handlingsplan", "--case", str(row["id"]), "--db", str(demo_db),
                         "--out", str(out_file), "--team-name", "SST Testby")
    assert code == 0, err
    assert str(out_file) in out
    assert out_file.read_bytes()[:5] == b"%PDF-"
    text = "".join(page.extract_text() for page in PdfReader(out_file).pages)
    assert "Handlingsplan" in text
    assert row["student"].split()[0] in text


def test_print_a_case_without_a_plan(capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path) -> None:
    row = _case_in(capsys, demo_db, Stage.AKTUALISERING)
    out_file = tmp_path / "plan.pdf"
    code, _, err = run(capsys, "print", "handlingsplan", "--case", str(row["id"]), "--db", str(demo_db),
                       "--out", str(out_file))
    assert code == 1 and "has no handlingsplan yet" in one_sentence(err)
    assert not out_file.exists()


def test_print_an_unknown_case(capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "print", "handlingsplan", "--case", "9999", "--db", str(demo_db),
                       "--out", str(tmp_path / "plan.pdf"))
    assert code == 1 and "9999" in one_sentence(err)
    assert not (tmp_path / "plan.pdf").exists()


def test_print_into_a_missing_folder(capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path) -> None:
    row = _case_in(capsys, demo_db, Stage.GENOMFORANDE)
    code, _, err = run(capsys, "print", "handlingsplan", "--case", str(row["id"]), "--db", str(demo_db),
                       "--out", str(tmp_path / "no" / "such" / "plan.pdf"))
    assert code == 1 and "does not exist" in one_sentence(err)


def test_print_into_a_read_only_folder(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                      read_only_folder: Path) -> None:
    row = _case_in(capsys, demo_db, Stage.GENOMFORANDE)
    code, _, err = run(capsys, "print", "handlingsplan", "--case", str(row["id"]), "--db", str(demo_db),
                       "--out", str(read_only_folder / "plan.pdf"))
    assert code == 1 and "cannot be written" in one_sentence(err)
    assert not (read_only_folder / "plan.pdf").exists()


def test_print_refuses_a_folder_it_may_not_write(
    capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check as above, in a way that also runs as root (who may write anywhere)."""
    row = _case_in(capsys, demo_db, Stage.GENOMFORANDE)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    code, _, err = run(capsys, "print", "handlingsplan", "--case", str(row["id"]), "--db", str(demo_db),
                       "--out", str(tmp_path / "plan.pdf"))
    assert code == 1 and "cannot be written" in one_sentence(err)
    assert not (tmp_path / "plan.pdf").exists()


def test_a_failed_write_is_one_sentence(
    capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder looked writable but the write failed (full disk, network share gone)."""
    import sst_desk.fileio

    def refuse(path: Path, data: bytes) -> str:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(sst_desk.fileio, "_temp_beside", refuse)
    row = _case_in(capsys, demo_db, Stage.GENOMFORANDE)
    code, _, err = run(capsys, "print", "handlingsplan", "--case", str(row["id"]), "--db", str(demo_db),
                       "--out", str(tmp_path / "plan.pdf"))
    assert code == 1 and "Permission denied" in one_sentence(err)


@pytest.mark.parametrize("value", ["abc", "0"])
def test_case_id_must_be_a_number(capsys: pytest.CaptureFixture[str], value: str) -> None:
    code, _, err = run(capsys, "print", "handlingsplan", "--case", value, "--out", "x.pdf")
    assert code == 2 and "--case" in err


# --- unexpected errors -------------------------------------------------------------


def test_an_unexpected_error_is_logged_without_case_content(
    capsys: pytest.CaptureFixture[str], demo_db: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sst_desk.cli.cases as cli  # the cases command formats the rows

    rows = rows_as_json(capsys, demo_db)

    def broken(rows: list, fmt: str) -> str:
        raise RuntimeError(f"could not format {rows[0].student_name} {rows[0].personal_id}")

    monkeypatch.setattr(cli, "format_rows", broken)
    code, _, err = run(capsys, "cases", "--db", str(demo_db))
    sentence = one_sentence(err)
    assert code == 1 and "RuntimeError" in sentence and "details were written to" in sentence
    log = data_dir / "logs" / "sst-desk-cli.log"
    assert str(log) in sentence
    logged = log.read_text(encoding="utf-8")
    assert "RuntimeError" in logged and "test_cli.py" in logged
    for row in rows:
        assert row["student"] not in logged
        assert not row["personal_id"] or row["personal_id"] not in logged


# --- as a real process ----------------------------------------------------------------


def _subprocess(*argv: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **env_extra}
    return subprocess.run([sys.executable, "-m", "sst_desk", *argv], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)


def test_python_m_sst_desk_help(data_dir: Path) -> None:
    done = _subprocess("--help", env_extra={"SST_DESK_DATA_DIR": str(data_dir)})
    assert done.returncode == 0
    assert "demo" in done.stdout and "cases" in done.stdout and "print" in done.stdout


def test_an_error_in_a_real_process_has_no_traceback(tmp_path: Path, data_dir: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00\x01 not sqlite " * 100)
    done = _subprocess("cases", "--db", str(junk), env_extra={"SST_DESK_DATA_DIR": str(data_dir)})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_subcommands_never_import_qt_widgets(demo_db: Path, data_dir: Path) -> None:
    code = ("import sys; from sst_desk.__main__ import main; "
            f"main(['cases', '--db', {str(demo_db)!r}, '--format', 'csv']); "
            "print('widgets' if 'PySide6.QtWidgets' in sys.modules else 'clean', file=sys.stderr)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SST_DESK_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.stderr.strip().splitlines()[-1] == "clean", done.stderr
