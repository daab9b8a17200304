"""Save a screenshot of every screen to ./screenshots (offscreen), to look at after UI changes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang sv|en]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_rows(window) -> None:
    """Reload the case list and wait for the rows (they are loaded off the UI thread)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    window.sig_rows_loaded.connect(loop.quit)
    window.reload()
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="sv")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sst_desk.app import build_context, make_application
    from sst_desk.demo import populate
    from sst_desk.persistence import Database
    from sst_desk.settings import Settings
    from sst_desk.ui.main_window import MainWindow
    from sst_desk.workflow.codes import Stage

    work = Path(tempfile.mkdtemp())
    settings = Settings.from_file(str(work / "s.ini"))
    app = make_application(args.lang, settings)
    db = Database.open(work / "shots.sqlite3")
    populate(db, students=40, seed=11)
    window = MainWindow(build_context(db, settings))
    window.show()
    load_rows(window)
    app.processEvents()
    window.grab().save(str(out / "main_window.png"))

    def grab_dialog(name: str) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, lambda: grab_dialog(name))
            return
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.reject()

    QTimer.singleShot(0, lambda: grab_dialog("new_case_dialog"))
    window.new_case()
    QTimer.singleShot(0, lambda: grab_dialog("settings_dialog"))
    window.edit_settings()
    QTimer.singleShot(0, lambda: grab_dialog("backups_dialog"))
    window.show_backups()

    rows = window.model.rows()
    pick = next(r for r in rows if r.stage is Stage.UPPFOLJNING)
    case_window = window.open_case(pick.case_id)
    app.processEvents()
    for row in range(case_window.stepper.count()):
        case_window.stepper.setCurrentRow(row)
        app.processEvents()
        case_window.grab().save(str(out / f"case_{row}_{case_window.stepper.item(row).text().split()[0].lower()}.png"))
    early = next(r for r in rows if r.stage is Stage.INSKRIVNING)
    early_window = window.open_case(early.case_id)
    early_window.stepper.setCurrentRow(Stage.KARTLAGGNING.order)
    app.processEvents()
    early_window.grab().save(str(out / "case_locked_stage.png"))
    case_window.stepper.setCurrentRow(Stage.PLANERING.order)
    QTimer.singleShot(0, lambda: grab_dialog("insats_dialog"))
    case_window.pages[Stage.PLANERING.order].insatser.add_new()
    QTimer.singleShot(0, lambda: grab_dialog("follow_up_dialog"))
    case_window.pages[Stage.UPPFOLJNING.order].follow_ups.add_new()
    print(f"screenshots in {out}")
    db.close()


if __name__ == "__main__":
    main()
