"""The acceptance corpus of issue 11 imported into a real encrypted team database, and through the command line.

Each shape of ``tests/corpus`` either stores EXACTLY the records the file states (per student and period,
nothing more, nothing less) or is refused with the problem and the line, storing nothing. A file that
imports wrong numbers is the failure this module exists to catch, so stored records are compared whole:
dates, granularity, period end, unit and every number.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import TEST_PASSWORD, copy_team_db, make_team_db, new_case, open_as
from corpus import PEOPLE, TODAY, Shape, shapes

from sst_desk.importers import attendance_spec
from sst_desk.importers.attendance_file import ImportFileError
from sst_desk.importers.attendance_spec import Column, NoticeCode, ProblemCode
from sst_desk.importers.cells import cell_text
from sst_desk.importers.headers import guess_header_index, suggest_columns
from sst_desk.importers.tables import open_rows, open_table
from sst_desk.persistence import Database
from sst_desk.persistence.mapping import attendance, attendance_imports
from sst_desk.workflow.attendance import AttendanceRecord
from doors import door


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed team database holding the corpus's six students (cases made by sara)."""
    file = tmp_path_factory.mktemp("corpus") / "team.sqlite3"
    make_team_db(file)
    db = open_as(file, "sara")
    try:
        for personnummer, name in PEOPLE:
            first, last = name.split(" ", 1)
            case = new_case(first=first, last=last)
            case.student.personal_id = personnummer
            door(db).cases.add_case(case)
    finally:
        db.close()
    return file


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attendance_spec, "today", lambda: TODAY)


@pytest.fixture
def team(template: Path, tmp_path: Path):
    db = open_as(copy_team_db(template, tmp_path / "db" / "team.sqlite3"), "sara")
    yield db
    db.close()


def outcome(db: Database, shape: Shape):
    """(result or None, every problem): a whole-file refusal may come as ImportFileError or in the result."""
    try:
        result = door(db).attendance.import_attendance(shape.path, shape.spec, options=shape.options)
    except ImportFileError as exc:
        return None, list(exc.problems) if getattr(exc, "problems", None) else [exc.problem]
    return result, list(result.problems)


def stored_records(db: Database) -> dict[str, list[AttendanceRecord]]:
    out: dict[str, list[AttendanceRecord]] = {}
    for row in door(db).cases.case_rows(TODAY):
        records = door(db).attendance.attendance_for_case(row.case_id)
        if records:
            out[row.personal_id] = records
    return out


def same_record(got: AttendanceRecord, want: AttendanceRecord) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        return (a is None) == (b is None) and (a is None or math.isclose(a, b, abs_tol=1e-6))
    return (got.period_start, got.granularity, got.unit, got.period_end) == \
        (want.period_start, want.granularity, want.unit, want.period_end) and \
        all(close(getattr(got, f), getattr(want, f)) for f in ("scheduled", "absent", "valid", "invalid"))


def assert_stored_exactly(db: Database, shape: Shape) -> None:
    got = stored_records(db)
    assert sorted(got) == sorted(shape.expected), f"{shape.name}: students stored"
    for pnr, want in shape.expected.items():
        have = got[pnr]
        assert len(have) == len(want), f"{shape.name} {pnr}: {len(have)} records stored, {len(want)} expected"
        for g, w in zip(have, want, strict=True):
            assert same_record(g, w), f"{shape.name} {pnr}: stored {g}, the file says {w}"


def table_rows(db: Database, table: sa.Table) -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(sa.select(table))]


CSV_AND_SHEETS = [w for w in shapes.ALL if w is not shapes.zip_bomb_renamed_xlsx]


@pytest.mark.parametrize("writer", CSV_AND_SHEETS, ids=lambda w: w.__name__)
def test_each_shape_stores_exactly_its_numbers_or_is_refused_naming_the_line(team: Database, tmp_path: Path,
                                                                            writer) -> None:
    shape = writer(tmp_path)
    result, problems = outcome(team, shape)
    if shape.refused:
        found = {(p.code, p.line) for p in problems}
        assert set(shape.refusal) <= found, f"{shape.name}: expected {shape.refusal}, got {sorted(found)}"
        assert result is None or not result.committed
        assert table_rows(team, attendance) == [] and table_rows(team, attendance_imports) == []
        return
    assert result is not None and result.ok, f"{shape.name}: refused: {[p.describe() for p in problems[:5]]}"
    assert result.committed and not result.unmatched, f"{shape.name}: unmatched {result.unmatched[:3]}"
    assert_stored_exactly(team, shape)
    notices = {(n.code, n.line) for n in result.notices}
    assert set(shape.notices) <= notices, f"{shape.name}: notices {sorted(notices)}"


def test_a_duplicate_row_is_reported_with_both_of_its_lines(team: Database, tmp_path: Path) -> None:
    shape = shapes.rows_pasted_twice_refused(tmp_path)
    _result, problems = outcome(team, shape)
    duplicates = sorted((p.line, p.value) for p in problems if p.code is ProblemCode.DUPLICATE_ROW)
    assert duplicates == [(copy, str(original)) for copy, original in shapes.duplicate_copies(shape)]
    skipped = shapes.rows_pasted_twice_skipped(tmp_path)
    result, _ = outcome(team, skipped)
    assert result is not None
    pairs = sorted((n.line, n.other_line) for n in result.notices if n.code is NoticeCode.DUPLICATE_SKIPPED)
    assert pairs == shapes.duplicate_copies(skipped)


def test_weekend_and_holiday_rows_are_noticed_and_future_rows_are_not_stored(team: Database, tmp_path: Path
                                                                           ) -> None:
    shape = shapes.weekend_holiday_future(tmp_path)
    result, _ = outcome(team, shape)
    assert result is not None and result.ok
    stored = [r for records in stored_records(team).values() for r in records]
    assert stored and max(r.period_start for r in stored) <= TODAY
    codes = {n.code for n in result.notices}
    assert {NoticeCode.WEEKEND, NoticeCode.HOLIDAY, NoticeCode.FUTURE_SKIPPED} <= codes


@pytest.mark.timeout(30)
def test_a_zip_bomb_renamed_xlsx_is_refused_before_it_is_expanded(team: Database, tmp_path: Path) -> None:
    shape = shapes.zip_bomb_renamed_xlsx(tmp_path)
    result, problems = outcome(team, shape)
    assert result is None or not result.committed
    assert (ProblemCode.FILE_TOO_LARGE, 0) in {(p.code, p.line) for p in problems}
    assert table_rows(team, attendance) == []


@pytest.mark.parametrize("header", [shapes.EJ_ANMALD_HEADER,
                                    [h + " (min)" if "anmäld" in h.casefold() else h
                                     for h in shapes.EJ_ANMALD_HEADER],
                                    ["Personnummer", "Datum", "Schemalagd tid", "Anmäld frånvaro",
                                     "Ej anmäld frånvaro"]])
def test_suggestions_put_anmald_under_valid_and_ej_anmald_under_invalid(header: list[str]) -> None:
    suggested = suggest_columns(header)
    assert suggested.get(Column.VALID, "").casefold().startswith("anmäld")
    assert suggested.get(Column.INVALID, "").casefold().startswith("ej anmäld")
    assert len(set(suggested.values())) == len(suggested)  # never one header for two roles


def test_only_reported_absence_is_never_suggested_as_invalid_or_all_absence() -> None:
    suggested = suggest_columns(shapes.ONLY_ANMALD_HEADER)
    assert suggested.get(Column.VALID) == "Anmäld frånvaro (min)"
    assert Column.INVALID not in suggested
    assert suggested.get(Column.ABSENT) == "Frånvaro totalt (min)"


def test_the_header_is_guessed_right_when_every_data_cell_is_text(tmp_path: Path) -> None:
    shape = shapes.vklass_per_student_count_and_percent_title_period(tmp_path)
    table = open_table(shape.path, None)
    rows = open_rows(table)
    try:
        texts = [[cell_text(c) for c in cells or ()] for _line, cells in rows]
    finally:
        rows.close()
    index = guess_header_index(texts)
    assert index is not None and texts[index] == shapes.VKLASS_PERIOD_HEADER


# --- The command line, as the weekly job runs it --------------------------------------------------------------

@pytest.fixture
def cli(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("SST_DESK_USER", "sara")
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    return copy_team_db(template, tmp_path / "db" / "team.sqlite3")


def run_cli(capsys: pytest.CaptureFixture[str], file: Path, shape: Shape, *extra: str) -> tuple[int, str]:
    from sst_desk.__main__ import main

    db = open_as(file, "sara")
    try:
        door(db).attendance.save_attendance_mapping(shape.spec)
    finally:
        db.close()
    code = main(["import-attendance", str(shape.path), "--mapping", shape.spec.name, "--db", str(file), *extra])
    out, err = capsys.readouterr()
    return code, out + err


CLI_CASES = [
    (shapes.skola24_per_day, ()),
    (shapes.excel_us_region_ambiguous, ()),
    (shapes.excel_us_region_ambiguous_answered_mdy, ("--date-order", "mdy")),
    (shapes.weeks_without_any_year, ()),
    (shapes.infomentor_weeks_school_year_option, ("--school-year", "2025/26")),
    (shapes.rows_pasted_twice_refused, ()),
    (shapes.rows_pasted_twice_skipped, ("--skip-duplicate-rows",)),
    (shapes.per_student_without_period, ()),
    (shapes.per_student_period_from_option, ("--period", "2026-09-01:2026-09-30")),
    (shapes.hours_two_decimals, ()),
    (shapes.unikum_summa_rows, ()),
    (shapes.per_month_summary, ()),
    (shapes.us_thousands_separators_refused, ()),
    (shapes.comma_separated_unquoted_decimal_commas, ()),
    (shapes.hours_file_under_a_minutes_mapping, ()),
    (shapes.xlsx_formulas_never_computed, ()),
]
OPTION_NAMED = {ProblemCode.DATE_ORDER_AMBIGUOUS: "--date-order", ProblemCode.WEEK_YEAR_UNKNOWN: "--school-year",
                ProblemCode.PERIOD_UNKNOWN: "--period", ProblemCode.DUPLICATE_ROW: "--skip-duplicate-rows"}


@pytest.mark.parametrize(("writer", "extra"), CLI_CASES, ids=[w.__name__ for w, _ in CLI_CASES])
def test_the_command_line_stores_exactly_the_numbers_or_refuses_naming_what_to_do(
        capsys, cli: Path, tmp_path: Path, writer, extra: tuple[str, ...]) -> None:
    shape = writer(tmp_path)
    code, text = run_cli(capsys, cli, shape, *extra)
    db = open_as(cli, "sara")
    try:
        if shape.refused:
            assert code == 1 and "nothing was imported" in text.casefold(), text
            for problem, line in shape.refusal:
                assert OPTION_NAMED.get(problem, "") in text, text
                if line:
                    assert f"Line {line}" in text, text  # the dialog's sentences (sst_desk.attendance_words)
            assert table_rows(db, attendance) == []
        else:
            assert code == 0, text
            assert_stored_exactly(db, shape)
    finally:
        db.close()

