"""``sst-desk import-attendance`` and ``sst-desk attendance-mappings`` on the demo, as the weekly job runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import copy_team_db

from sst_desk.__main__ import main
from sst_desk.demo_attendance import DEMO_EXPORTS
from sst_desk.persistence.mapping import attendance
from sst_desk.security import signin

PASSWORD = "demo-losenord"


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # these tests read the English sentences (Swedish: test_cli_safety)
    monkeypatch.setenv("SST_DESK_USER", "karin")
    monkeypatch.setenv("SST_DESK_PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("attendance") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SST_DESK_DATA_DIR", str(path.parent / "data"))
        patch.setenv("SST_DESK_USER", "karin")
        patch.setenv("SST_DESK_PASSWORD", PASSWORD)
        assert main(["demo", "--db", str(path), "--students", "12", "--seed", "2"]) == 0
    return path


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the demo database, and the school export the demo wrote beside it."""
    file = copy_team_db(template, tmp_path / "db" / "demo.sqlite3")
    export = next((template.parent / DEMO_EXPORTS).glob("*.csv"))
    return file, shutil.copy2(export, tmp_path / export.name)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stored(file: Path) -> list[tuple]:
    db = signin.sign_in(file, "karin", PASSWORD)
    try:
        with db.engine.connect() as connection:
            return [tuple(r) for r in connection.execute(sa.select(attendance).order_by(attendance.c.id))]
    finally:
        db.close()


def mapping_name(capsys: pytest.CaptureFixture[str], file: Path) -> str:
    code, out, _err = run(capsys, "attendance-mappings", "--db", str(file))
    assert code == 0
    return out.split(" (")[0]


def test_the_demo_export_imports_with_its_saved_mapping_and_lists_the_unknown(capsys, demo, monkeypatch) -> None:
    monkeypatch.setenv("SST_DESK_USER", "tove")  # the team lead: every student of the team but protected ones
    file, export = demo
    name = mapping_name(capsys, file)
    before = stored(file)
    code, out, err = run(capsys, "import-attendance", str(export), "--mapping", name, "--db", str(file))
    assert code == 0, err
    # Unknown students and protected ones she is not responsible for read alike (issue 10).
    assert "matched to" in out and "who are not among your students were not imported" in out
    assert "not found" not in out
    assert "first on line" in out
    assert len(stored(file)) >= len(before)
    code, out, _ = run(capsys, "import-attendance", str(export), "--mapping", name, "--db", str(file))
    assert code == 0 and "stored 0 of" in out and "imported before" in out


def test_dry_run_stores_nothing(capsys, demo) -> None:
    file, export = demo
    before = stored(file)
    code, out, _ = run(capsys, "import-attendance", str(export), "--mapping", mapping_name(capsys, file),
                       "--db", str(file), "--dry-run")
    assert code == 0 and "Dry run: nothing was stored." in out and "would store" in out
    assert stored(file) == before


def test_a_bad_row_is_named_by_line_and_nothing_is_stored(capsys, demo, tmp_path) -> None:
    file, export = demo
    lines = export.read_bytes().decode("cp1252").split("\r\n" if b"\r\n" in export.read_bytes() else "\n")
    cells = lines[3].split(";")
    cells[3] = "2026-13-45"
    lines[3] = ";".join(cells)
    bad = tmp_path / "fel.csv"
    bad.write_bytes("\n".join(lines).encode("cp1252"))
    before = stored(file)
    code, out, _ = run(capsys, "import-attendance", str(bad), "--mapping", mapping_name(capsys, file),
                       "--db", str(file))
    assert code == 1
    assert "nothing was imported" in out and "line 4, column 'Datum': not a date: '2026-13-45'" in out
    assert stored(file) == before


def test_unknown_mapping_missing_file_and_empty_file_say_so(capsys, demo, tmp_path) -> None:
    file, export = demo
    code, _, err = run(capsys, "import-attendance", str(export), "--mapping", "Okänd", "--db", str(file))
    assert code == 1 and "no saved mapping called 'Okänd'" in err
    code, _, err = run(capsys, "import-attendance", str(tmp_path / "saknas.csv"), "--mapping", "x", "--db", str(file))
    assert code == 1 and "is not a file" in err
    empty = tmp_path / "tom.csv"
    empty.write_bytes(b"")
    code, _, err = run(capsys, "import-attendance", str(empty), "--mapping", mapping_name(capsys, file),
                       "--db", str(file))
    assert code == 1 and "the file is empty" in err and "Nothing was imported" in err
