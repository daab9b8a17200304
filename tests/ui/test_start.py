"""Starting the app on a bad database file or an unusable folder: one clear sentence, nothing changed."""

from __future__ import annotations

import pytest

from sst_desk import app as app_module


@pytest.fixture
def shown(monkeypatch, tmp_path) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda _parent, _title, text: messages.append(text))
    real = app_module.Settings
    monkeypatch.setattr(app_module, "Settings", lambda: real.from_file(str(tmp_path / "settings.ini")))
    return messages


def test_a_file_that_is_not_a_database(qapp, tmp_path, shown):
    notes = tmp_path / "anteckningar.sqlite3"
    notes.write_text("Det här är inte en databas.\n", encoding="utf-8")
    before = notes.read_bytes()
    assert app_module.run_gui(str(notes), language="en") == 1
    assert len(shown) == 1 and "is not an SST Desk database" in shown[0] and str(notes) in shown[0]
    assert "Traceback" not in shown[0]
    assert notes.read_bytes() == before


def test_a_folder_that_cannot_be_written(qapp, tmp_path, shown):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    target = blocker / "sub" / "sst.sqlite3"  # a folder can never be made under a regular file
    assert app_module.run_gui(str(target), language="en") == 1
    assert len(shown) == 1 and "cannot write to the folder" in shown[0]


def test_the_app_starts_in_swedish_by_default(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from sst_desk.settings import Settings

    from sst_desk.settings import LANGUAGE

    default = Settings.from_file(str(tmp_path / "s.ini")).get(LANGUAGE)
    assert default == "sv"
    translators = app_module.install_translators(qapp, default)
    try:
        assert QCoreApplication.translate("Labels", "Assessment") == "Kartläggning"
        assert QCoreApplication.translate("MainWindow", "New case") == "Nytt ärende"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
