"""The words of the attendance import for the shapes of issue 11: period records, percentages, copies, notices."""

from __future__ import annotations

import datetime as dt


def test_a_period_record_reads_from_to_and_a_percentage_with_a_comma(qapp):
    from sst_desk.attendance_words import amount, period
    from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit

    record = AttendanceRecord(period_start=dt.date(2026, 8, 17), granularity=Granularity.PERIOD, scheduled=100,
                              absent=35.1, unit=Unit.PERCENT, end=dt.date(2026, 12, 18))
    assert period(record) == "2026-08-17 \u2013 2026-12-18"
    assert amount(record.absent, record) == "35,1 %"


def test_every_new_code_and_role_has_words(qapp):
    from sst_desk.importers.attendance_spec import AmountUnit, Column, NoticeCode, ProblemCode
    from sst_desk.attendance_words import notice_text, problem_text, role_label, unit_label

    assert all(problem_text(code) for code in ProblemCode)
    assert all(notice_text(code) for code in NoticeCode)
    assert [role_label(c) for c in (Column.FIRST_NAME, Column.LAST_NAME, Column.KIND, Column.PERIOD_FROM,
                                    Column.PERIOD_TO)] == [
        "First name", "Last name", "Absence kind (valid/invalid)", "Period from", "Period to"]
    assert unit_label(AmountUnit.PERCENT) == "percent"
    assert "XLS" in problem_text(ProblemCode.FILE_FORMAT) and "ODS" in problem_text(ProblemCode.FILE_FORMAT)


def test_copies_and_notices_name_their_lines(qapp):
    from sst_desk.importers.attendance_spec import NoticeCode, RowNotice
    from sst_desk.attendance_words import duplicate_sentence, notice_sentence

    assert duplicate_sentence(14, "4") == "Line 14 is a copy of line 4."
    assert notice_sentence(RowNotice(14, NoticeCode.DUPLICATE_SKIPPED, other_line=4)) == \
        "Line 14 is a copy of line 4. Skipped."
    assert notice_sentence(RowNotice(9, NoticeCode.FUTURE_SKIPPED)) == "Line 9: A date after today: not stored."


def test_the_swedish_words(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from sst_desk import paths
    from sst_desk.importers.attendance_spec import AmountUnit, Column
    from sst_desk.ui.attendance.asks import long_date
    from sst_desk.attendance_words import duplicate_sentence, role_label, unit_label

    translator = QTranslator()
    assert translator.load(str(paths.resource("translations", "sst_desk_sv.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert duplicate_sentence(14, 4) == "Rad 14 är en kopia av rad 4."
        assert role_label(Column.KIND) == "Frånvarotyp (giltig/ogiltig)"
        assert unit_label(AmountUnit.PERCENT) == "procent"
        assert long_date(dt.date(2026, 2, 11)) == "11 februari 2026"
    finally:
        QCoreApplication.removeTranslator(translator)
