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
    from sst_desk.demo.accounts import DEMO_PASSWORD, create_demo_database
    from sst_desk.security import signin
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.workflow.codes import Stage

    work = Path(tempfile.mkdtemp())
    settings = Settings.from_file(str(work / "s.ini"))
    app = make_application(args.lang, settings)
    demo_file = work / "demo.sqlite3"
    create_demo_database(demo_file, students_count=40, seed=11)
    grab_signin_screens(out, demo_file, work)
    db = signin.sign_in(demo_file, "tove", DEMO_PASSWORD)  # the team lead: every menu of the team
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

    def opened(case_id: int):
        """Open a case and wait until its window is there (the case is read in the background)."""
        window.open_case(case_id)
        while case_id not in window.case_windows:
            app.processEvents()
        return window.case_windows[case_id]

    rows = window.model.rows()
    pick = next(r for r in rows if r.stage is Stage.UPPFOLJNING)
    case_window = opened(pick.case_id)
    app.processEvents()
    for row in range(case_window.stepper.count()):
        case_window.stepper.setCurrentRow(row)
        app.processEvents()
        case_window.grab().save(str(out / f"case_{row}_{case_window.stepper.item(row).text().split()[0].lower()}.png"))
    early = next(r for r in rows if r.stage is Stage.INSKRIVNING)
    early_window = opened(early.case_id)
    early_window.stepper.setCurrentRow(Stage.KARTLAGGNING.order)
    app.processEvents()
    early_window.grab().save(str(out / "case_locked_stage.png"))
    case_window.stepper.setCurrentRow(Stage.PLANERING.order)
    QTimer.singleShot(0, lambda: grab_dialog("insats_dialog"))
    case_window.pages[Stage.PLANERING.order].insatser.add_new()
    QTimer.singleShot(0, lambda: grab_dialog("follow_up_dialog"))
    case_window.pages[Stage.UPPFOLJNING.order].follow_ups.add_new()
    grab_security_screens(out, window, grab_dialog, case_window)
    grab_import_screens(out, window, demo_file)
    print(f"screenshots in {out}")
    db.close()


def grab_import_screens(out: Path, window, demo_file: Path) -> None:
    """The attendance import with the demo's school export chosen, checked; and imported."""
    import time

    from PySide6.QtWidgets import QApplication

    from sst_desk.demo.attendance import DEMO_EXPORTS

    dialog = window.show_attendance_import()
    dialog.open_file(next((demo_file.parent / DEMO_EXPORTS).glob("*.csv")))
    for label, dry in (("attendance_import_checked", True), ("attendance_import_done", False)):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # the preview, then the run, come back from worker threads
            QApplication.processEvents()
            time.sleep(0.02)
            if not dialog.running:
                break
        dialog.start(dry)
        deadline = time.monotonic() + 20
        while dialog.running and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)
        QApplication.processEvents()
        dialog.grab().save(str(out / f"{label}.png"))
    dialog.reject()
    load_rows(window)
    window.grab().save(str(out / "main_window_after_import.png"))


def grab_signin_screens(out: Path, demo_file: Path, work: Path) -> None:
    """The first-run and sign-in dialogs, shown (not run), with their messages."""
    from sst_desk.ui.accounts.signin_dialog import FirstRunDialog, SignInDialog, demo_hint

    first = FirstRunDialog(work / "new.sqlite3", lambda *_: None)
    first.edits["username"].setText("anna admin")
    first.edits["password"].setText("kort")
    first.show()
    first._submit()
    first.grab().save(str(out / "first_run_errors.png"))
    sign = SignInDialog(lambda *_: None, username="tove", hint=demo_hint(demo_file), file=demo_file)
    sign.show()
    sign.grab().save(str(out / "sign_in_demo.png"))


def grab_security_screens(out: Path, window, grab_dialog, case_window) -> None:
    from PySide6.QtCore import QTimer

    from sst_desk.ui.case.consent_gate import OverrideDialog
    from sst_desk.ui.common.lock import UnlockDialog
    from sst_desk.workflow.consent_rules import ConsentPurpose

    unlock = UnlockDialog(window.context)
    unlock.show()
    unlock.grab().save(str(out / "unlock_dialog.png"))
    unlock.hide()
    override = OverrideDialog(ConsentPurpose.GATHER_DOCUMENTS, "Samtycke saknas från Anna Andersson.")
    override.show()
    override.ground.setCurrentIndex(override.ground.count() - 1)
    override._submit()
    override.grab().save(str(out / "consent_override.png"))
    override.hide()
    for name, slot in (("log_review", window.show_access_log), ("gallring_dialog", window.show_gallring)):
        QTimer.singleShot(300, lambda name=name: grab_dialog(name))
        slot()
    QTimer.singleShot(100, lambda: grab_dialog("members_dialog"))
    case_window.edit_members()
    from PySide6.QtWidgets import QApplication

    previews = len(getattr(case_window, "previews", []))
    if case_window.print_plan() is not None:  # made in the background: wait for the preview
        from sst_desk.ui.common.operations import operations_running

        while operations_running():
            QApplication.processEvents()
    preview = case_window.previews[-1] if len(getattr(case_window, "previews", [])) > previews else None
    if preview is not None:
        from PySide6.QtWidgets import QApplication

        import time

        for _ in range(40):  # QPdfView renders its pages in the background
            QApplication.processEvents()
            time.sleep(0.05)
        preview.grab().save(str(out / "print_preview.png"))
        preview.close()


if __name__ == "__main__":
    main()
