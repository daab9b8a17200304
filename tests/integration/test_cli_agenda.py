"""``sst-desk due``: the real command on a demo database, in Swedish, against the service's own list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sst_desk.__main__ import main
from sst_desk.demo.users import DEMO_PASSWORD
from sst_desk.reports.labels_sv import label
from sst_desk.security import signin
from doors import door
from server_harness import sst_desk


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("due") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SST_DESK_DATA_DIR", str(path.parent / "data"))
        assert main(["demo", "--db", str(path), "--students", "40", "--seed", "1"]) == 0
    return path


def swedish(*args: str, user: str = "sara") -> tuple[int, str, str]:
    done = sst_desk("--lang", "sv", *args, "--user", user, env={"SST_DESK_PASSWORD": DEMO_PASSWORD})
    return done.returncode, done.stdout, done.stderr


def items_of(path: Path, user: str, days: int = 14) -> list:
    db = signin.sign_in(path, user, DEMO_PASSWORD)
    try:
        return door(db).agenda.due_items(dt.date.today(), days)
    finally:
        db.close()


def test_the_list_as_aligned_swedish_text_one_line_per_item(demo_db: Path) -> None:
    code, out, err = swedish("due", "--db", str(demo_db), "--days", "30")
    assert code == 0, err
    items = items_of(demo_db, "sara", 30)
    assert items, "the demo gives Sara something to do"
    lines = out.splitlines()
    today = dt.date.today()
    assert lines[0] == f"Kommande {today.isoformat()} – {(today + dt.timedelta(days=30)).isoformat()} (30 dagar)"
    header, rule, body = lines[2], lines[3], lines[4:4 + len(items)]
    assert header.split() == ["Datum", "Tid", "Vad", "Ärende", "Elev", "Plats", "Detalj"]
    assert set(rule.replace(" ", "")) == {"-"}
    for item, line in zip(items, body, strict=True):
        assert line.startswith(item.date.isoformat())
        assert f"{item.case_id}  {item.label}" in line
        assert label(item.kind) in line and ("försenad" in line) is item.overdue
    assert lines[-1] == (f"{len(items)} datum." if len(items) != 1 else "1 datum.")
    student = header.index("Elev")
    assert all(line[student:].startswith(item.label) for item, line in zip(items, body))  # the columns line up


def test_an_administrator_has_nothing_due(demo_db: Path) -> None:
    code, out, err = swedish("due", "--db", str(demo_db), user="adam")
    assert code == 0, err
    assert out.splitlines()[-1] == "Inget faller ut de närmaste 14 dagarna."


@pytest.mark.parametrize("days", ["-1", "367", "två", "1e3"])
def test_bad_days_are_one_swedish_sentence_and_exit_2(demo_db: Path, days: str) -> None:
    code, out, err = swedish("due", "--db", str(demo_db), "--days", days)
    assert code == 2 and out == ""
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("sst-desk due: error: argument --days: ")
    assert any(word in err for word in ("heltal", "minst", "högst"))
