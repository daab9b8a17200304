"""The date field's calendar: made only when its popup first opens, and picking a day still fills the field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint

from sst_desk.ui.common.widgets import DateField


def test_the_calendar_is_made_when_the_popup_opens_and_picking_a_day_fills_the_field(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.set_date(dt.date(2026, 11, 22))
    assert field._calendar is None  # opening a case window builds no calendars
    menu = field.button.menu()
    menu.popup(QPoint(0, 0))  # what the button does, without exec()'s own event loop
    try:
        qtbot.waitUntil(menu.isVisible)
        assert field.calendar.isVisible() and menu.height() >= field.calendar.sizeHint().height()
        assert field.calendar.selectedDate() == QDate(2026, 11, 22)  # it opens on the field's date
        field.calendar.clicked.emit(QDate(2026, 12, 24))
    finally:
        menu.close()
    assert field.text() == "2026-12-24" and not menu.isVisible()
    menu.popup(QPoint(0, 0))  # a second opening reuses the one calendar
    menu.close()
    assert len(menu.actions()) == 1
