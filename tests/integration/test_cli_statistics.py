"""``sst-desk stats`` on the demo, run as a person runs it: the tables as text, a file, the access log, bad input.

The demo (``sst-desk demo``) has a team lead (tove), a skolsocionom (sara), a kurator (karin) and an
administrator (adam). Output is read in Swedish (``--lang sv``, the default language of the command line).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest import copy_team_db
from sst_desk.__main__ import main
from sst_desk.persistence.mapping import access_log
from sst_desk.security import signin

PASSWORD = "demo-losenord"
TODAY = dt.date.today()
FIRST = TODAY.year if TODAY.month >= 7 else TODAY.year - 1
YEAR = f"{FIRST}/{(FIRST + 1) % 100:02d}"  # the school year of today: the demo's cases are around today
PERIOD = f"{FIRST}-07-01–{FIRST + 1}-06-30"
REPORTS = importlib.util.find_spec("sst_desk.reports.statistics_tables") is not None


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SST_DESK_DATA_DIR", str(path.parent / "data"))
        patch.setenv("SST_DESK_USER", "tove")
        patch.setenv("SST_DESK_PASSWORD", PASSWORD)
        assert main(["demo", "--db", str(path), "--students", "60", "--seed", "3"]) == 0
    return path


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Path:
    return copy_team_db(template, tmp_path / "db" / "demo.sqlite3")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "sv", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def log(file: Path) -> list[sa.Row]:
    db = signin.sign_in(file, "tove", PASSWORD)
    try:
        with db.engine.connect() as connection:
            return list(connection.execute(sa.select(access_log).order_by(access_log.c.seq)))
    finally:
        db.close()


def counted(out: str) -> int:
    first = out.splitlines()[0]  # "Statistik 2026-07-01 – 2027-06-30, 60 ärenden räknade"
    return int(first.split(", ")[-1].split()[0])


def test_the_team_lead_reads_the_tables_in_swedish_and_the_view_is_logged(capsys, demo: Path):
    code, out, err = run(capsys, "stats", "--db", str(demo), "--year", YEAR, "--by", "school")
    assert (code, err) == (0, "")
    assert out.startswith(f"Statistik {FIRST}-07-01 – {FIRST + 1}-06-30, 60 ärenden räknade")
    assert "Grupper med färre än 5 elever visas som <5." in out
    for title in ("Nya ärenden (aktualiseringar) – per skola", "Avslut efter skäl", "Ärenden i varje fas nu",
                  "Förändring i frånvaro, från inskrivning till de senaste 4 veckorna (procentenheter)"):
        assert title in out, title
    assert "<5" in out and "Flicka" in out and "Totalt" in out
    last = log(demo)[-2]  # the view; then tove's own sign-in to read the log
    assert (last.action, last.username, last.case_id, last.student_id) == ("statistics", "tove", None, None)
    assert last.detail == f"{PERIOD};by=school;cases=60"


def test_a_worker_counts_only_their_own_cases(capsys, demo: Path, monkeypatch):
    _code, lead, _err = run(capsys, "stats", "--db", str(demo), "--year", YEAR)
    monkeypatch.setenv("SST_DESK_USER", "karin")
    code, own, err = run(capsys, "stats", "--db", str(demo), "--year", YEAR, "--by", "worker")
    assert (code, err) == (0, "")
    assert 0 < counted(own) < counted(lead)
    assert "Karin Berg" in own


def test_the_administrator_is_refused(capsys, demo: Path, monkeypatch):
    monkeypatch.setenv("SST_DESK_USER", "adam")
    code, out, err = run(capsys, "stats", "--db", str(demo), "--term", f"HT{FIRST}")
    assert code == 1 and out == ""
    assert err.startswith("sst-desk: ") and "Traceback" not in err
    assert "(se teamets statistik)" in err
    rows = log(demo)
    assert (rows[-2].action, rows[-2].detail) == ("denied", "statistics:view")


@pytest.mark.parametrize(("argv", "words"), [
    (["--from", "2026-03-01"], "--from kräver --to"),
    (["--year", "2025/26", "--to", "2026-01-01"], "--to hör ihop med --from"),
    (["--from", "2026-03-01", "--to", "2026-01-01"], "slutar innan den börjar"),
    (["--from", "2019-01-01", "--to", "2026-01-01"], "längre än 5 år"),
    (["--term", "XT2025"], "är ingen termin"),
    (["--from", "1 mars", "--to", "2026-01-01"], "är inget datum"),
    (["--year", "2025/27"], "är inget läsår"),
    (["--year", "2025/26", "--by", "klass"], "invalid choice"),
])
def test_bad_arguments_get_a_sentence_and_status_2(capsys, demo: Path, argv: list[str], words: str):
    before = len(log(demo))
    code, out, err = run(capsys, "stats", "--db", str(demo), *argv)
    assert code == 2 and out == ""
    assert words in err and "Traceback" not in err
    assert len(log(demo)) == before + 1  # only the check's own sign-in: nothing was counted or logged


def test_a_file_is_written_once_and_its_export_logged(capsys, demo: Path, tmp_path: Path):
    target = tmp_path / "statistik.csv"
    code, out, err = run(capsys, "stats", "--db", str(demo), "--year", YEAR, "--csv", str(target))
    if not REPORTS:  # stats-report's functions are not in this installation: said, nothing written
        assert code == 1 and "kan inte skriva statistiken som CSV" in err and not target.exists()
        return
    assert (code, err) == (0, "") and target.stat().st_size > 0
    assert out.startswith("Skrev statistiken för")
    export = [row for row in log(demo) if row.action == "export"][-1]
    assert export.detail == f"statistik csv;{PERIOD};by=none" and export.case_id is None
    written = target.read_bytes()
    code, _out, err = run(capsys, "stats", "--db", str(demo), "--year", YEAR, "--csv", str(target))
    assert code == 1 and "--force" in err and target.read_bytes() == written
    assert run(capsys, "stats", "--db", str(demo), "--year", YEAR, "--csv", str(target), "--force")[0] == 0


def test_never_over_the_database(capsys, demo: Path):
    code, _out, err = run(capsys, "stats", "--db", str(demo), "--year", YEAR, "--xlsx", str(demo), "--force")
    assert code == 1 and demo.stat().st_size > 0 and "Traceback" not in err
