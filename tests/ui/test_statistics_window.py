"""The statistics window on a hand-made ``Statistics``: its models cell by cell, the period chooser, the charts.

The real path (the demo database, Team → Statistik, Visa, an export) is in test_statistics_menu.py; here the
figures are fixed (tests/ui/stats_ui_samples.py) so each shown text can be checked against its cell. The
door is a small stand-in that hands the sample back — only the window's own work is under test here.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox

from person import click, fill, find
from stats_ui_samples import SCHOOLS, sample_statistics

from sst_desk.workflow.stats_model import Dimension
from sst_desk.ui.statistics.models import CELL_ROLE, MARGIN_ROLE, VALUE_ROLE, CountTableModel, DistributionModel, \
    absence_figures
from sst_desk.ui.statistics.period import PeriodChooser, school_years

TODAY = dt.date(2026, 3, 2)


class SampleStatistics:
    """Hands back the sample for any request, and remembers what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple] = []

    def team_statistics(self, start, end, breakdown=None, today=None):
        self.asked.append((start, end, breakdown, today))
        return sample_statistics(breakdown)


@pytest.fixture
def window(qtbot):
    from sst_desk.ui.statistics.window import StatisticsWindow

    context = SimpleNamespace(today=lambda: TODAY, door=SimpleNamespace(statistics=SampleStatistics()), db=None)
    shown = StatisticsWindow(context, True, [dt.date(2023, 10, 1)])
    qtbot.addWidget(shown)
    shown.show()
    return shown


def pick(root, name: str, text: str) -> None:
    """Choose ``text`` in the combo box named ``name`` (a radio button beside it has the same name)."""
    box = find(root, name, QComboBox)
    index = box.findText(text)
    assert index >= 0, (name, text, [box.itemText(i) for i in range(box.count())])
    box.setCurrentIndex(index)


def _show(qtbot, window) -> None:
    with qtbot.waitSignal(window.sig_shown, timeout=10_000) as blocker:
        click(window, "Show", wait=False)
    assert not isinstance(blocker.args[0], BaseException), blocker.args[0]


def _texts(model, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_count_table_shows_each_cell_hides_the_suppressed_and_bolds_the_margins(qtmodeltester):
    stats = sample_statistics()
    table = stats.counts[0]
    model = CountTableModel()
    model.set_table(table, stats)
    qtmodeltester.check(model)
    assert model.rowCount() == len(SCHOOLS) + 1 and model.columnCount() == 5
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == ["Girl", "Boy", "Other",
                                                                                 "Not stated", "Total"]
    assert model.headerData(0, Qt.Orientation.Vertical) == SCHOOLS[0]
    assert model.headerData(len(SCHOOLS), Qt.Orientation.Vertical) == "Total"
    assert _texts(model, 0) == ["14", "11", "<5", "<5", "27"]
    assert _texts(model, 4) == ["47", "42", "8", "<5", "100"]
    primary, secondary = model.index(0, 2), model.index(1, 3)
    assert primary.data(VALUE_ROLE) is None and primary.data(CELL_ROLE).primary
    assert secondary.data(CELL_ROLE).suppressed and not secondary.data(CELL_ROLE).primary
    # a secondary cell holds at least 5: "<5" would be false there, it reads ".." and says why
    assert _texts(model, 1) == ["9", "7", "<5", "..", "18"]
    assert primary.data(Qt.ItemDataRole.ToolTipRole) == ("Fewer than 5 students: the number is not shown, so that "
                                                          "no student can be recognised.")
    assert secondary.data(Qt.ItemDataRole.ToolTipRole) == ("Hidden so that a smaller group cannot be worked out "
                                                            "from the totals.")
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(0, 0).data(VALUE_ROLE) == 14
    assert model.index(4, 0).data(MARGIN_ROLE) and model.index(0, 4).data(MARGIN_ROLE)
    assert model.index(4, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert not model.index(9, 9).isValid() and model.data(QModelIndex()) is None


def test_a_higher_threshold_shows_as_its_own_number_and_workers_by_name(qtmodeltester):
    stats = sample_statistics(Dimension.WORKER, min_cell=7)
    model = CountTableModel()
    model.set_table(stats.counts[2], stats)
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "<7"
    assert "Fewer than 7 students" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 3).data() == ".."
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["Sara Lind", "Omar Nilsson", "Total"]


def test_distributions_show_n_median_and_quartiles_and_nothing_of_a_small_group(qtmodeltester):
    stats = sample_statistics()
    model = DistributionModel(Dimension.SCHOOL.value, absence_figures(), "Group")
    model.set_rows(stats.absence["change_latest"], stats)
    qtmodeltester.check(model)
    assert _texts(model, 0) == ["All students", "52", "\u22126,5", "\u221214,3 to 1,5", "\u22125,8"]
    assert _texts(model, 1)[:3] == [SCHOOLS[0], "18", "\u22128,0"]
    assert _texts(model, 2) == [SCHOOLS[1], "<5", "–", "–", "–"]
    assert "Fewer than 5" in model.index(2, 2).data(Qt.ItemDataRole.ToolTipRole)
    # a group hidden to protect another holds at least 5: ".." and its own reason
    assert _texts(model, 3) == [SCHOOLS[2], "..", "–", "–", "–"]
    assert model.index(3, 1).data(Qt.ItemDataRole.ToolTipRole) == ("Hidden so that a smaller group cannot be "
                                                                    "worked out from the totals.")
    assert model.index(1, 2).data(VALUE_ROLE) == -8.0


def test_school_years_run_from_the_earliest_case_to_this_one():
    assert school_years([dt.date(2024, 3, 1), dt.date(2025, 9, 1)], TODAY) == [2025, 2024, 2023]
    assert school_years([], dt.date(2026, 8, 1)) == [2026]
    assert school_years([dt.date(2027, 1, 1)], TODAY) == [2025]  # a date ahead of today adds no year


def test_the_period_chooser_gives_a_year_a_term_or_dates_and_says_when_they_are_wrong(qtbot):
    chooser = PeriodChooser(TODAY, [dt.date(2024, 9, 1)])
    qtbot.addWidget(chooser)
    chooser.show()
    assert find(chooser, "School year", QComboBox).currentText() == "2025/26"
    assert chooser.period() == (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    pick(chooser, "School year", "2024/25")
    assert chooser.period() == (dt.date(2024, 7, 1), dt.date(2025, 6, 30))
    click(chooser, "Term", wait=False)
    pick(chooser, "Term", "Autumn term (HT)")
    chooser.term_year.setValue(2025)
    assert chooser.period() == (dt.date(2025, 7, 1), dt.date(2025, 12, 31)) and chooser.describe() == "HT 2025"
    click(chooser, "From–to", wait=False)
    fill(chooser, "From", "2026-02-01")
    fill(chooser, "To", "2026-01-15")
    assert chooser.period() is None
    assert chooser.error.isVisible()
    assert chooser.error.text() == "The period cannot end (2026-01-15) before it starts (2026-02-01)."
    fill(chooser, "To", "2026-02-30")
    assert chooser.period() is None and "YYYY-MM-DD" in chooser.error.text()
    fill(chooser, "To", "2026-02-28")
    assert chooser.period() == (dt.date(2026, 2, 1), dt.date(2026, 2, 28)) and not chooser.error.isVisible()


def test_show_asks_for_the_period_and_breakdown_chosen_and_fills_every_view(qtbot, window):
    pick(window, "Breakdown", "School")
    _show(qtbot, window)
    assert window.context.door.statistics.asked == [(dt.date(2025, 7, 1), dt.date(2026, 6, 30), Dimension.SCHOOL,
                                                      TODAY)]
    tables = find(window, "Tables")
    assert [tables.item(i).text() for i in range(tables.count())] == [
        "Students enrolled at some time in the period", "Reasons for closing", "New cases (referrals to the team)"]
    view = find(window, "Count table")
    assert view.model().index(0, 0).data() == "14"
    tables.setCurrentRow(1)
    assert view.model().headerData(0, Qt.Orientation.Vertical) == "Goals achieved"
    assert view.model().index(1, 0).data() == "<5" and view.model().index(1, 1).data() == ".."
    tables.setCurrentRow(2)
    assert "counted under each of them" in window.table_note.text()
    assert find(window, "Time in stages").model().index(0, 0).data() == "Referral to the team"
    assert find(window, "Insatser").model().index(0, 0).data() == "Motiverande samtal"
    assert "Few cases in the period" in find(window, "Notes").text()
    assert all(button.isEnabled() for button in window.export_buttons.values())


def test_the_charts_draw_no_hidden_figure_and_label_it(qtbot, window):
    _show(qtbot, window)
    chart = window.gender_chart
    # the first school is the top group: its bars are at the highest position
    top = len(SCHOOLS) - 1
    first_school = {bar.set_index: bar for bar in chart.bars if bar.category == top}
    assert [first_school[i].text for i in range(4)] == ["14", "11", "<5", "<5"]
    second_school = {bar.set_index: bar for bar in chart.bars if bar.category == top - 1}
    assert [second_school[i].text for i in range(4)] == ["9", "7", "<5", ".."]
    assert second_school[3].value == 0
    assert [first_school[i].value for i in range(4)] == [14, 11, 0, 0]
    assert chart.label_texts() == [bar.text for bar in chart.bars]
    assert chart.categories[-1] == SCHOOLS[0]
    histogram = window.histogram
    assert histogram.categories[0] == "below \u221220" and histogram.categories[-1] == "10 or more"
    assert [bar.text for bar in histogram.bars] == ["6", "14", "11", "9", "<5", "7", ".."]
    assert [bar.value for bar in histogram.bars][4] == 0
    pick(window, "Students", SCHOOLS[0])
    assert histogram.chart().title().endswith(SCHOOLS[0]) and not histogram.empty_text.text()
    pick(window, "Students", SCHOOLS[1])  # a group of fewer than 5: no bars, a sentence instead
    assert histogram.bars == [] and histogram.empty_text.text().startswith("Fewer than 5 students")
    pick(window, "Students", SCHOOLS[2])  # hidden to protect another group: it is not small, and not drawn
    assert histogram.bars == [] and histogram.empty_text.text().startswith("This group is hidden")
    window.tabs.setCurrentIndex(4)
    window.resize(1280, 800)
    window.grab().save("/tmp/statistics_window_gender_chart.png")


def test_a_failure_to_count_is_said_in_the_window(qtbot, window):
    class Refused(ValueError):  # as services.statistics.StatisticsRequestError: a problem code, said in words
        problem = "too_long"

    def refuse(*_args, **_kwargs):
        raise Refused("too long")

    window.context.door.statistics.team_statistics = refuse
    with qtbot.waitSignal(window.sig_shown, timeout=10_000):
        click(window, "Show", wait=False)
    assert find(window, "What is shown").text() == "The period is too long: choose at most five school years at a time."
    assert not any(button.isEnabled() for button in window.export_buttons.values())


def test_a_wrong_period_asks_nothing(qtbot, window):
    click(window, "From–to", wait=False)
    fill(window, "From", "2026-05-01")
    fill(window, "To", "2026-04-01")
    click(window, "Show", wait=False)
    assert window.context.door.statistics.asked == []
    assert window.period.error.isVisible()


def test_every_input_is_named_by_its_label(qtbot, window):
    from test_accessibility import _check

    _show(qtbot, window)
    assert _check(window) >= 5


def test_codes_read_as_words_level_numbers_and_empty_codes_included():
    from sst_desk.ui.common.labels import label
    from sst_desk.ui.statistics.words import code_words, group_words
    from sst_desk.workflow.codes import Level

    stats = sample_statistics(Dimension.WORKER)
    assert code_words("level", str(Level.NIVA_1.value)) == label(Level.NIVA_1)
    assert code_words("worker", "11", stats) == "Sara Lind" and code_words("worker", "99", stats) == "99"
    assert code_words("school", "Ekbackeskolan") == "Ekbackeskolan"
    assert code_words("grade", "0") == "Preschool class" and code_words("grade", "7") == "7"
    assert code_words("behorighet", "") == "Not recorded" and code_words("goal_rating", "") == "Not rated"
    assert code_words("", "") == group_words("school", "") == "All students"
    assert code_words("school", "") == "Not known"
    assert code_words("insats", "mi", stats) == "Motiverande samtal"
    assert code_words("raised_by", "a-code-from-a-newer-version") == "a-code-from-a-newer-version"
