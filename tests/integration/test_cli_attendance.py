"""``sst-desk import-attendance`` and ``sst-desk attendance-mappings`` on the demo, as the weekly job runs them."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import copy_team_db

from sst_desk.__main__ import main
from sst_desk.demo import accounts
from sst_desk.demo.attendance import DEMO_EXPORTS
from sst_desk.importers import attendance_spec
from sst_desk.persistence.mapping import attendance
from sst_desk.security import signin

PASSWORD = "demo-losenord"
# The demo's "today" and the importer's: the demo writes the school export of the weeks up to today, so the
# file these tests read (its days, which of them read both ways as M/D/YYYY, which rows carry a note that
# spans two lines, or no rows at all in the summer and Christmas breaks) changed with the date they ran on.
# A Monday whose export holds a two-line note (lines are counted as the importer counts them: _line_numbers).
TODAY = dt.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # these tests read the English sentences (Swedish: test_cli_safety)
    monkeypatch.setenv("SST_DESK_USER", "karin")
    monkeypatch.setenv("SST_DESK_PASSWORD", PASSWORD)
    monkeypatch.setattr(attendance_spec, "today", lambda: TODAY)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("attendance") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SST_DESK_DATA_DIR", str(path.parent / "data"))
        patch.setenv("SST_DESK_USER", "karin")
        patch.setenv("SST_DESK_PASSWORD", PASSWORD)
        # `sst-desk demo` has no option for the day; the command takes create_demo_database from its module.
        patch.setattr(accounts, "create_demo_database", functools.partial(accounts.create_demo_database, today=TODAY))
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
    said = f"Line {_line_numbers(lines)[3]}, column \u201cDatum\u201d: Not a date. (\u201c2026-13-45\u201d)"
    assert "nothing was imported" in out and said in out
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
    assert code == 1 and "The file is empty" in err and "Nothing was imported" in err


# --- issue 11: what the file cannot settle is asked for by an option; copies and notices are said ------------

def run_exit(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Like ``run``, for an option argparse refuses (it exits with status 2)."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("option", "value", "said"), [
    ("--school-year", "2026/28", "'2026/28' is not a school year: the second year must follow the first (2026/27)"),
    ("--school-year", "26/27", "'26/27' is not a school year; write it as 2026/27, 2026/2027 or 2026"),
    ("--period", "2026-12-18:2026-08-17", "'2026-12-18:2026-08-17' is not a period: it ends before it starts"),
    ("--period", "2026-08-17", "'2026-08-17' is not a period; write it as FROM:TO, e.g. 2026-08-17:2026-12-18"),
    ("--date-order", "ymd", "invalid choice: 'ymd'"),
])
def test_a_malformed_option_is_refused_with_its_own_sentence(capsys, demo, option, value, said) -> None:
    file, export = demo
    before = stored(file)
    code, _, err = run_exit(capsys, "import-attendance", str(export), "--mapping", "x", "--db", str(file),
                            option, value)
    assert code == 2 and said in err
    assert stored(file) == before


def test_school_years_are_read_in_all_three_spellings() -> None:
    from sst_desk.cli.attendance import period, school_year

    assert school_year("2026/27") == school_year("2026/2027") == school_year("2026") == 2026
    assert period("2026-08-17:2026-12-18") == (dt.date(2026, 8, 17), dt.date(2026, 12, 18))


def test_the_help_is_swedish_by_default(capsys, monkeypatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    code, out, _ = run_exit(capsys, "import-attendance", "--help")
    assert code == 0
    assert "läsåret för veckor skrivna utan år" in out and "hoppa över rader som är exakta kopior" in out


def _export_lines(export: Path) -> tuple[list[str], str]:
    data = export.read_bytes().decode("cp1252")
    newline = "\r\n" if "\r\n" in data else "\n"
    return [line for line in data.split(newline) if line], newline


def _date_column(header: str) -> int:
    return header.split(";").index("Datum")


def _line_numbers(records: list[str]) -> list[int]:
    """The line each record starts on in the file: a quoted note may hold a line break, and the importer
    names a row by the line it starts on, as an editor shows the file (importers/tables.py)."""
    numbers, line = [], 1
    for record in records:
        numbers.append(line)
        line += 1 + record.count("\n")
    return numbers


def test_dates_that_read_both_ways_are_refused_until_the_order_is_given(capsys, demo, tmp_path) -> None:
    """11/2/2026 was stored as 11 February without a word (issue 11): refused; with --date-order the same
    records as the ISO-dated file."""
    file, export = demo
    lines, newline = _export_lines(export)
    column = _date_column(lines[0])
    # The rows of the export's first two days, moved to two days whose day and month swap into each other:
    # 2/3/2026 and 3/2/2026 give the same two school days in either order, so no calendar clue in the file
    # can settle it (file_context._by_calendar). The export's own days may settle it: as M/D/YYYY, 1-7
    # December read as 12 January - 12 July, two of them Sundays, and are rightly taken as month/day.
    first_days = sorted({line.split(";")[column] for line in lines[1:]})[:2]
    moved = dict(zip(first_days, ("2026-02-03", "2026-03-02"), strict=True))
    kept = [lines[0]]
    for line in lines[1:]:
        cells = line.split(";")
        if cells[column] in moved:
            cells[column] = moved[cells[column]]
            kept.append(";".join(cells))
    assert len(kept) > 5
    iso = tmp_path / "iso.csv"
    iso.write_bytes(newline.join(kept).encode("cp1252"))
    us = []
    for line in kept[1:]:
        cells = line.split(";")
        day = dt.date.fromisoformat(cells[column])
        cells[column] = f"{day.month}/{day.day}/{day.year}"
        us.append(";".join(cells))
    us_file = tmp_path / "us.csv"
    us_file.write_bytes(newline.join([kept[0], *us]).encode("cp1252"))
    name = mapping_name(capsys, file)
    before = stored(file)

    code, _, err = run(capsys, "import-attendance", str(us_file), "--mapping", name, "--db", str(file))
    assert code == 1 and "--date-order" in err and "Nothing was imported" in err
    assert stored(file) == before

    code, out, err = run(capsys, "import-attendance", str(us_file), "--mapping", name, "--db", str(file),
                         "--date-order", "mdy")
    assert code == 0, err
    after_us = stored(file)
    code, out, _ = run(capsys, "import-attendance", str(iso), "--mapping", name, "--db", str(file))
    assert code == 0 and "stored 0 of" in out  # the same records: the ISO file changes nothing
    assert stored(file)[: len(after_us)] == after_us


def test_copied_rows_are_refused_by_line_until_skipped(capsys, demo, tmp_path) -> None:
    """The same rows pasted twice were summed (600 of 600 minutes instead of 300 of 300; issue 11)."""
    file, export = demo
    lines, newline = _export_lines(export)
    doubled = tmp_path / "dubbel.csv"
    doubled.write_bytes(newline.join([*lines, lines[1], lines[2]]).encode("cp1252"))
    *_, first, second = starts = _line_numbers([*lines, lines[1], lines[2]])
    name = mapping_name(capsys, file)
    before = stored(file)

    code, out, _ = run(capsys, "import-attendance", str(doubled), "--mapping", name, "--db", str(file))
    assert code == 1
    assert f"Line {first} is a copy of line {starts[1]}." in out and f"Line {second} is a copy of line {starts[2]}." in out
    assert "--skip-duplicate-rows" in out
    assert stored(file) == before

    code, out, err = run(capsys, "import-attendance", str(doubled), "--mapping", name, "--db", str(file),
                         "--skip-duplicate-rows")
    assert code == 0, err
    assert "2 row(s) that copy an earlier row were skipped:" in out
    with_copies_skipped = stored(file)
    code, out, _ = run(capsys, "import-attendance", str(export), "--mapping", name, "--db", str(file))
    assert code == 0 and "stored 0 of" in out  # exactly the numbers of the file without its copies
    assert stored(file) == with_copies_skipped
