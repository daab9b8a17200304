"""What the smoke test asks of the frozen bundle itself: ``sst-desk --bundle-check all DB PDF RESULT``.

Built into the bundle's launcher (installer/launcher.py) only, never into the wheel: the installed app has no
such option. It runs inside the bundle, so it proves the bundled pieces rather than the build venv's:

1. the window: ``app.run_gui`` on the demo database ``DB`` (Qt's offscreen platform), the sign-in dialog
   answered as the demo team lead, the main window awaited, then closed as a person closes it — ``run_gui``
   must return 0, with no message box on the way;
2. QtPdf (the PDF preview): the handlingsplan ``PDF`` printed by the command line is loaded and page 1 drawn;
3. QtPrintSupport: the printer list is read (CUPS's plugin on Linux) and a page printed to a PDF file;
4. QtCharts: a bar chart drawn in a view;
5. SQLCipher: its version, from the bundled sqlcipher3.

``--bundle-check refused DB RESULT``: the window on a database stamped by a newer SST Desk, in Swedish: after
the sign-in, one message box with the sentence (recorded for the smoke to check), and the app ends.

A picture of the main window is saved beside ``RESULT`` (``….main-window.png``). The findings are written as
JSON to ``RESULT`` (the smoke reads and checks them); the exit status is 0 only
when every step passed. Every wait has a limit.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

DEMO_USER, DEMO_PASSWORD = "tove", "demo-losenord"  # README, "Demo users"
GUI_LIMIT_S = 90


def _launch_time() -> float:
    """When the smoke test started this process (SST_DESK_SMOKE_T0, time.time()); else now."""
    try:
        return float(os.environ.get("SST_DESK_SMOKE_T0", ""))
    except ValueError:
        return time.time()


def _gui(db: Path, found: dict, language: str, shot: Path | None = None) -> int:
    """The window on ``db``: sign in as the demo team lead, then close the main window; message boxes are
    recorded (their text in ``found["messages"]``) and answered with their default button."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox

    from sst_desk.app import run_gui

    launched = _launch_time()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    started = time.monotonic()
    state = {"signed_in": False}
    answered: set[int] = set()
    found["messages"] = []

    def step() -> None:
        if time.monotonic() - started > GUI_LIMIT_S:
            found["gui_error"] = f"no main window within {GUI_LIMIT_S} s"
            app.exit(3)
            for widget in QApplication.topLevelWidgets():
                widget.close()
            return
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible():
                continue
            if type(widget).__name__ == "MainWindow":
                found["main_window_s"] = round(time.monotonic() - started, 2)
                found["main_window_since_launch_s"] = round(time.time() - launched, 2)
                found["main_window_title"] = widget.windowTitle()
                if shot is not None:  # for a person to look at: the bundle's fonts, styles and icons
                    widget.grab().save(str(shot))
                timer.stop()
                widget.close()  # as a person closes it: sig_closed ends the session's loop with 0
                return
            if isinstance(widget, QMessageBox):
                if id(widget) not in answered:  # the timer fires again before the box has gone
                    answered.add(id(widget))
                    found["messages"].append(widget.text())
                    QTimer.singleShot(0, widget.accept)
                break
            if isinstance(widget, QDialog) and not state["signed_in"]:
                # Found by what they are, not by their (translated) names: the password is the hidden input.
                edits = widget.findChildren(QLineEdit)
                secret = [e for e in edits if e.echoMode() == QLineEdit.EchoMode.Password]
                plain = [e for e in edits if e.echoMode() == QLineEdit.EchoMode.Normal and e.isVisible()]
                boxes = widget.findChildren(QDialogButtonBox)
                if len(secret) == 1 and plain and boxes:
                    plain[0].setText(DEMO_USER)
                    secret[0].setText(DEMO_PASSWORD)
                    state["signed_in"] = True
                    found["signin_dialog_s"] = round(time.monotonic() - started, 2)
                    # Clicked from the event loop, not from here: what the click opens (a message box's own
                    # loop) must not keep this step from returning.
                    QTimer.singleShot(0, boxes[0].button(QDialogButtonBox.StandardButton.Ok).click)

    timer = QTimer()  # repeating: it also fires inside the nested loops of dialogs and message boxes
    timer.timeout.connect(step)
    timer.start(100)
    code = run_gui(str(db), language=language)
    timer.stop()
    found["gui_exit"] = code
    found["platform"] = QApplication.platformName()
    return code


def _pdf_preview(pdf: Path, found: dict) -> bool:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    found["qtpdf_pages"] = document.pageCount()
    image = document.render(0, QSize(400, 560))
    found["qtpdf_rendered"] = not image.isNull()
    return document.pageCount() >= 1 and not image.isNull()


def _printing(out: Path, found: dict) -> bool:
    from PySide6.QtGui import QPageSize, QTextDocument
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    found["printers"] = len(QPrinterInfo.availablePrinters())  # loads the print support plugin (CUPS on Linux)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFileName(str(out))
    text = QTextDocument()
    text.setPlainText("SST Desk: utskrift från paketet")
    text.print_(printer)
    found["printed_bytes"] = out.stat().st_size if out.exists() else 0
    return out.exists() and out.read_bytes()[:5] == b"%PDF-"


def _chart(found: dict) -> bool:
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView

    values = QBarSet("Ärenden")
    values.append([3, 5, 2])
    series = QBarSeries()
    series.append(values)
    chart = QChart()
    chart.addSeries(series)
    view = QChartView(chart)
    view.resize(320, 200)
    image = view.grab()
    found["chart_drawn"] = not image.isNull()
    return not image.isNull()


def _sqlcipher(found: dict) -> bool:
    from sqlcipher3 import dbapi2

    connection = dbapi2.connect(":memory:")
    try:
        row = connection.execute("PRAGMA cipher_version").fetchone()
    finally:
        connection.close()
    found["sqlcipher"] = row[0] if row else ""
    return bool(found["sqlcipher"])


def main(argv: list[str]) -> int:
    """``all DB PDF RESULT``: the window and every part; ``refused DB RESULT``: the window on a database from
    a newer SST Desk, in Swedish — it must end (exit 1) after saying so in one message box."""
    mode, rest = argv[0], argv[1:]
    found: dict = {"frozen": bool(getattr(sys, "frozen", False))}
    result = Path(rest[-1])
    try:
        if mode == "refused":
            passed = _gui(Path(rest[0]), found, "sv") == 1 and len(found["messages"]) == 1
        else:
            db, pdf = Path(rest[0]), Path(rest[1])
            passed = _gui(db, found, "en", result.with_suffix(".main-window.png")) == 0 and not found["messages"]
            passed &= _pdf_preview(pdf, found)
            passed &= _printing(result.with_suffix(".printed.pdf"), found)
            passed &= _chart(found)
            passed &= _sqlcipher(found)
    except Exception as exc:  # noqa: BLE001 - the smoke reports what failed, whatever it was
        found["error"] = f"{type(exc).__name__}: {exc}"
        passed = False
    found["passed"] = bool(passed)
    result.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if passed else 1
