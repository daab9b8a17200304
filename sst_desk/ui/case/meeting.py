"""Mötesläge: the open case's handlingsplan on the projector, in large type, showing only what the family may see.

The plan is made *with* the student and the guardians, often with it on a projector (DOMAIN.md, "The team and
the meeting"). This window shows, full screen on the case window's screen, the student's first name, the
current plan's goals and insatser, the next follow-up and the student's and the guardians' own views — and
nothing else: no personnummer (a valid one typed into a text is hidden too), no last name (the family knows
it; a projected plan is also seen by whoever passes the door or the window, and the last name identifies the
child to them without helping the meeting — so the student's and the guardians' full names in texts, e.g. as
responsible for an insats, are shortened to first names), no school, no log, no other case.

Type is at least ``FLOOR_PX`` pixels (legible from three metres on a 1080p projector, and never smaller on
1280×720), scaled by the window's height (full screen: the screen's) and by the person's +/−. Keyboard only:
Page Up/Down, Space, the arrows, Home/End scroll; Ctrl + plus/minus (or + and −) change the size, Ctrl+0
resets it; Esc or F11 leave, and the case window is as it was (this window only reads the case).

``show_case`` renders a case again, keeping the scroll position: the case window calls it whenever its case
changes (a local edit, a save, a colleague's save taken in, the shared document). Only the labels whose text
changed are touched, so a keystroke in the case window costs little here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Goal, Handlingsplan, Insats
from sst_desk.workflow.identity import normalise_personal_id
from sst_desk.ui.common.labels import label

FLOOR_PX = 28  # no text smaller than this, whatever the screen or the zoom
REFERENCE_HEIGHT = 1080  # the body is FLOOR_PX at this window height, and grows with it
ZOOM_STEPS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0)
LONG_WORD = 16  # a longer unbroken run of characters gets break opportunities (else it would be clipped)

# Relative sizes of the kinds of line (the body is 1).
SCALE = {"title": 1.6, "subtitle": 1.0, "heading": 1.3, "item": 1.1, "field": 1.0, "text": 1.0, "empty": 1.0,
         "help": 1.0}
INK = "#111111"  # on white: contrast 18.9:1
MUTED = "#3d3d3d"  # captions and "not yet" sentences: 10.9:1 on white, still high for a washed-out projector
ACCENT = "#0b3d91"  # headings and the rule under them: 10.7:1 on white

# 6 or 8 digits, an optional separator, 4 digits; not part of a longer number. Only a valid one is hidden
# (``identity.normalise_personal_id``: the date and the check digit), so a phone number mostly stays.
_PERSONAL_ID = re.compile(r"(?<![0-9])(?:[0-9]{8}|[0-9]{6})[-+ ]?[0-9]{4}(?![0-9])", re.ASCII)
_RUN = re.compile(r"\S{%d,}" % (LONG_WORD + 1))
_BREAK = "\u200b"  # zero-width space: a place where a long word may wrap


@dataclass(frozen=True)
class Line:
    """One label of the view: its kind (the style) and its text (``caption`` is shown before it, muted)."""

    kind: str
    text: str
    caption: str = ""


def _breakable(text: str) -> str:
    """``text`` with a wrap opportunity every ``LONG_WORD`` characters inside an over-long word (a link…)."""
    return _RUN.sub(lambda m: _BREAK.join(m.group(0)[i:i + LONG_WORD]
                                          for i in range(0, len(m.group(0)), LONG_WORD)), text)


class MeetingView(QWidget):
    """The plan for the family, full screen: large type, keyboard only, nothing but what they may see."""

    sig_left = Signal()
    """Emitted (no arguments) when the person leaves meeting mode (Esc, F11 or closing the window)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Meeting mode"))
        self.setAccessibleName(self.tr("Meeting mode"))
        self.setAccessibleDescription(self._help_text())
        self.setStyleSheet("MeetingView, QScrollArea, QWidget#meeting-content { background: white; }")
        self.zoom = 1.0
        self._lines: list[Line] = []
        self._labels: list[QLabel] = []
        self._px = 0  # the body size now applied to the labels
        self._mask: list[tuple[str, str]] = []  # (full name, first name) of the student and each guardian
        self._hidden_ids: set[str] = set()

        self.scroll = QScrollArea(self)
        self.scroll.setAccessibleName(self.tr("Action plan"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window takes every key (keyPressEvent)
        self.content = QWidget(self.scroll)
        self.content.setObjectName("meeting-content")
        self.lines_layout = QVBoxLayout(self.content)
        self.lines_layout.addStretch(1)
        self.scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build_actions()
        self._apply_size()

    def _build_actions(self) -> None:
        leave = QAction(self.tr("Leave meeting mode"), self)
        leave.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence(Qt.Key.Key_F11)])
        leave.triggered.connect(self.close)
        bigger = QAction(self.tr("Larger text"), self)
        bigger.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+="),
                             QKeySequence(Qt.Key.Key_Plus)])
        bigger.triggered.connect(lambda: self.change_zoom(+1))
        smaller = QAction(self.tr("Smaller text"), self)
        smaller.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomOut), QKeySequence(Qt.Key.Key_Minus)])
        smaller.triggered.connect(lambda: self.change_zoom(-1))
        reset = QAction(self.tr("Normal text size"), self)
        reset.setShortcut(QKeySequence("Ctrl+0"))
        reset.triggered.connect(lambda: self.set_zoom(1.0))
        for action in (leave, bigger, smaller, reset):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.leave_action, self.bigger_action, self.smaller_action = leave, bigger, smaller

    # --- entering and leaving ---------------------------------------------------------

    def enter(self, over: QWidget | None = None) -> None:
        """Show full screen on the screen ``over`` (the case window) is on, and take the keyboard."""
        screen = over.screen() if over is not None else None
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().closeEvent(event)
        if event.isAccepted():
            self.sig_left.emit()

    # --- what is shown ------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        """Show ``case`` (again), keeping the scroll position; the case is read now and not kept."""
        student = case.student
        mask = [(student.full_name, student.first_name.strip())]
        mask += [(g.name.strip(), g.name.split()[0]) for g in student.guardians if len(g.name.split()) > 1]
        hidden = {i for i in [student.personal_id] if i}
        again = (mask, hidden) != (self._mask, self._hidden_ids)  # what is hidden changed: every text anew
        self._mask, self._hidden_ids = mask, hidden
        self._set_lines(self.lines_for(case), every_text=again)

    def text(self) -> str:
        """Everything the view shows, line by line (what a person — or a test — reads on the screen)."""
        return "\n".join(str(lab.property("plain")).replace(_BREAK, "") for lab in self._labels)

    def lines_for(self, case: Case) -> list[Line]:
        """The lines of the view for ``case``: the student's first name, the current plan, the views."""
        first = case.student.first_name.strip() or self.tr("The student")
        plan = case.current_plan
        if plan is None:
            return [Line("title", self.tr("Action plan for %1").replace("%1", first)),
                    Line("empty", self.tr("There is no action plan yet: it is made together in the planning "
                                          "stage, after the assessment.")),
                    *self._views(case, None), Line("help", self._help_text())]
        made = self._date(plan.created_on)
        subtitle = self.tr("Version %1").replace("%1", str(plan.version))
        if made:
            subtitle = self.tr("Version %1, made %2").replace("%1", str(plan.version)).replace("%2", made)
        lines = [Line("title", self.tr("Action plan for %1").replace("%1", first)), Line("subtitle", subtitle)]
        lines += self._goals(plan)
        lines += self._insatser(plan)
        lines.append(Line("heading", self.tr("Follow-up")))
        if plan.follow_up_on is None:
            lines.append(Line("empty", self.tr("The date of the next follow-up is not decided yet.")))
        else:
            lines.append(Line("field", self._date(plan.follow_up_on), self.tr("Next follow-up")))
        lines += self._views(case, plan)
        lines.append(Line("help", self._help_text()))
        return lines

    def _goals(self, plan: Handlingsplan) -> list[Line]:
        lines = [Line("heading", self.tr("Goals"))]
        goals = _ordered_goals(plan)
        if not goals:
            return [*lines, Line("empty", self.tr("No goals yet."))]
        for number, goal in enumerate(goals, start=1):
            lines.append(Line("item", self.tr("Goal %1: %2").replace("%1", str(number)).replace(
                "%2", goal.description.strip() or self.tr("(no description yet)"))))
            lines.append(Line("field", label(goal.area), self.tr("Area")))
            if goal.measure.strip():
                lines.append(Line("field", goal.measure, self.tr("Measured by")))
            lines.append(Line("field", (goal.baseline.strip() or "–") + " → " + (goal.target.strip() or "–"),
                              self.tr("Baseline → target")))
        return lines

    def _insatser(self, plan: Handlingsplan) -> list[Line]:
        lines = [Line("heading", self.tr("Interventions"))]
        insatser = sorted(plan.insatser, key=lambda i: i.position)
        if not insatser:
            return [*lines, Line("empty", self.tr("No interventions yet."))]
        numbers = {id(goal): n for n, goal in enumerate(_ordered_goals(plan), start=1)}
        for number, insats in enumerate(insatser, start=1):
            lines.append(Line("item", f"{number}. " + (insats.name.strip() or self.tr("(no name yet)"))))
            if insats.description.strip():
                lines.append(Line("text", insats.description))
            lines.append(Line("field", self._responsible(insats), self.tr("Responsible")))
            lines.append(Line("field", self._period(insats), self.tr("When")))
            lines.append(Line("field", self._served_goal(insats, numbers), self.tr("Serves")))
        return lines

    def _views(self, case: Case, plan: Handlingsplan | None) -> list[Line]:
        student_view = case.student_view(Stage.PLANERING)  # the view written with the plan, as on paper
        lines = [Line("heading", self.tr("The student's own view"))]
        lines.append(Line("text", student_view) if student_view.strip()
                     else Line("empty", self.tr("The student's own view has not been written down yet.")))
        if plan is not None:
            lines.append(Line("heading", self.tr("The guardians' view")))
            lines.append(Line("text", plan.guardians_view) if plan.guardians_view.strip()
                         else Line("empty", self.tr("The guardians' view has not been written down yet.")))
        return lines

    def _responsible(self, insats: Insats) -> str:
        parts = [label(insats.responsible_authority), insats.responsible_person.strip()]
        return " – ".join(p for p in parts if p) or self.tr("Not decided yet")

    def _period(self, insats: Insats) -> str:
        start, end = self._date(insats.start_on), self._date(insats.end_on)
        if start and end:
            return self.tr("%1 to %2").replace("%1", start).replace("%2", end)
        if start:
            return self.tr("from %1, until further notice").replace("%1", start)
        if end:
            return self.tr("until %1").replace("%1", end)
        return self.tr("Not decided yet")

    def _served_goal(self, insats: Insats, numbers: dict[int, int]) -> str:
        goal = insats.goal
        if goal is None:
            return self.tr("No particular goal")
        number = numbers.get(id(goal))
        if number is None:  # a goal of another version of the plan: its words, without a number
            return goal.description
        return self.tr("Goal %1: %2").replace("%1", str(number)).replace("%2", goal.description)

    def _date(self, day: dt.date | None) -> str:
        """A date as people say it ("12 december 2026"), in the window's language."""
        if day is None:
            return ""
        return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")

    def _help_text(self) -> str:
        return self.tr("Esc or F11 leaves meeting mode. Page Up and Page Down scroll; Ctrl and plus or minus "
                       "change the text size.")

    # --- rendering ------------------------------------------------------------------------

    def _shown(self, line: Line) -> str:
        """A line's text as shown: personnummer hidden, the family's last name dropped, long words breakable."""
        text = line.text
        for full, first in sorted(self._mask, key=lambda pair: -len(pair[0])):  # "Eva Ek Berg" before "Eva Ek"
            if full and first and full != first:
                text = text.replace(full, first)
        text = _PERSONAL_ID.sub(self._hide_personal_id, text)
        for known in self._hidden_ids:  # the student's own, written exactly as stored
            text = text.replace(known, self.tr("[personal identity number hidden]"))
        return _breakable(text)

    def _hide_personal_id(self, match: re.Match) -> str:
        found, problem = normalise_personal_id(match.group(0), dt.date.today())
        return self.tr("[personal identity number hidden]") if found and problem is None else match.group(0)

    def _set_lines(self, lines: list[Line], every_text: bool = False) -> None:
        """Show ``lines``, touching only the labels whose kind or text changed; the scroll position stays."""
        bar = self.scroll.verticalScrollBar()
        kept = bar.value()
        rebuilt = len(lines) != len(self._labels)
        while len(self._labels) > len(lines):
            self._drop(self._labels.pop())
        for index, line in enumerate(lines):
            old = self._lines[index] if index < len(self._lines) else None
            if old is not None and old.kind == line.kind:
                if line != old or every_text:
                    self._set_text(self._labels[index], line)
                continue
            # A new label rather than a restyled one: Qt re-applies a style sheet's margins and padding only
            # to a label that is polished for the first time with its "kind" already set.
            widget = QLabel(self.content)
            widget.setWordWrap(True)
            widget.setIndent(0)  # else a label with a style sheet is indented by half an "x" and looks astray
            widget.setTextFormat(Qt.TextFormat.RichText if line.caption else Qt.TextFormat.PlainText)
            widget.setProperty("kind", line.kind)  # styled by the content's style sheet (_style_sheet)
            self._set_text(widget, line)
            if index < len(self._labels):
                self._drop(self._labels[index])
                self._labels[index] = widget
            else:
                self._labels.append(widget)
            self.lines_layout.insertWidget(index, widget)
            widget.show()  # now, not when the layout's queued show comes: the scroll range is needed now
            rebuilt = True
        self._lines = list(lines)
        if rebuilt:
            self._settle_layout()
            bar.setValue(min(kept, bar.maximum()))

    def _drop(self, widget: QLabel) -> None:
        self.lines_layout.removeWidget(widget)
        widget.hide()
        widget.deleteLater()

    def _set_text(self, widget: QLabel, line: Line) -> None:
        shown = self._shown(line)
        plain = f"{line.caption}: {shown}" if line.caption else shown
        widget.setProperty("plain", plain)
        widget.setAccessibleName(plain.replace(_BREAK, ""))
        if line.caption:  # the caption muted, the value in full ink: rich text, everything escaped
            widget.setText(f"<span style='color:{MUTED}'>{html.escape(line.caption)}:</span> "
                           + html.escape(shown).replace("\n", "<br>"))
        else:
            widget.setText(shown)

    def _settle_layout(self) -> None:
        """Lay the content out now, so the scroll range is known before a kept position is set."""
        self.lines_layout.activate()
        QApplication.sendPostedEvents(self.content, QEvent.Type.LayoutRequest)
        QApplication.sendPostedEvents(self.scroll, QEvent.Type.LayoutRequest)
        self.content.resize(self.scroll.viewport().width(),
                            max(self.content.heightForWidth(self.scroll.viewport().width()),
                                self.lines_layout.minimumSize().height()))

    # --- size -----------------------------------------------------------------------------

    def body_px(self) -> int:
        """The body text size now: FLOOR_PX at 1080 pixels of height (and below), scaled up by a greater height,
        then by the zoom; never under FLOOR_PX."""
        height = self.height() if self.isVisible() or self.testAttribute(Qt.WidgetAttribute.WA_Resized) \
            else REFERENCE_HEIGHT
        return max(FLOOR_PX, round(max(FLOOR_PX, FLOOR_PX * height / REFERENCE_HEIGHT) * self.zoom))

    def change_zoom(self, steps: int) -> None:
        """One step larger (+1) or smaller (−1); never below the floor of FLOOR_PX."""
        near = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, near + steps))])

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._apply_size()

    def _apply_size(self) -> None:
        """Size every line for the window's height and the zoom, keeping the same place in the plan."""
        px = self.body_px()
        if px == self._px:
            return
        bar = self.scroll.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._px = px
        margin = max(px, round(self.width() * 0.05)) if self.width() > 0 else px
        self.lines_layout.setContentsMargins(margin, px, margin, px * 2)
        self.lines_layout.setSpacing(round(px * 0.35))
        self.content.setStyleSheet(_style_sheet(px))  # one sheet for all labels: cheap to change
        if self._labels:
            self._settle_layout()
            bar.setValue(round(fraction * bar.maximum()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._apply_size()

    # --- keyboard -------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        bar = self.scroll.verticalScrollBar()
        line = round(self._px * 1.6)
        page = max(line, self.scroll.viewport().height() - 2 * line)  # a page, with two lines kept in view
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        steps = {
            Qt.Key.Key_Down: line, Qt.Key.Key_Up: -line,
            Qt.Key.Key_PageDown: page, Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_Space: -page if shift else page,
        }
        if key in steps:
            bar.setValue(bar.value() + steps[key])
        elif key == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def _ordered_goals(plan: Handlingsplan) -> list[Goal]:
    return sorted(plan.goals, key=lambda g: g.position)  # stable: equal positions keep list order (as on paper)


def _style_sheet(px: int) -> str:
    """The labels' style for a body of ``px`` pixels, by their ``kind`` property."""
    def size(kind: str) -> str:
        return f"font-size: {round(px * SCALE[kind])}px;"

    rule, pad = max(2, px // 9), px // 6
    return "\n".join([
        f"QLabel {{ color: {INK}; background: white; {size('text')} }}",
        f"QLabel[kind=\"title\"] {{ {size('title')} font-weight: bold; }}",
        f"QLabel[kind=\"subtitle\"] {{ {size('subtitle')} color: {MUTED}; }}",
        f"QLabel[kind=\"heading\"] {{ {size('heading')} font-weight: bold; color: {ACCENT}; "
        f"border-bottom: {rule}px solid {ACCENT}; padding-bottom: {pad}px; margin-top: {px}px; }}",
        f"QLabel[kind=\"item\"] {{ {size('item')} font-weight: bold; margin-top: {px // 2}px; }}",
        f"QLabel[kind=\"field\"], QLabel[kind=\"text\"] {{ padding-left: {px}px; }}",
        f"QLabel[kind=\"empty\"] {{ color: {MUTED}; padding-left: {px}px; }}",
        f"QLabel[kind=\"help\"] {{ color: {MUTED}; margin-top: {px}px; }}",
    ])
