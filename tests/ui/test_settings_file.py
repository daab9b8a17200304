"""The settings file holds plain text only: a planted pickled value never runs (issue 10, "Security").

PySide6 pickles Python ``bytes`` into QSettings as ``@Variant(…PySide::PyObjectWrapper…)`` and unpickles
such a value whenever QSettings converts it (reading the key, even with ``type=str``, or ``allKeys()``).
The window geometry used to be stored that way, so a planted INI file ran code when the window opened.
"""

from __future__ import annotations

import pickle
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from person import reload


class _CreatesAFile:
    """Unpickling this creates ``path``: the proof that code ran."""

    def __init__(self, path: Path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def pickled_variant(marker: Path, *, escape_at: bool = False) -> str:
    """An INI value as PySide writes a pickled Python object, whose unpickling creates ``marker``."""
    payload = pickle.dumps(_CreatesAFile(marker), protocol=4)
    name = b"PySide::PyObjectWrapper\0"
    blob = struct.pack(">I", 0x7F) + struct.pack(">I", len(name)) + name + struct.pack(">I", len(payload)) + payload
    return ("\\x40" if escape_at else "@") + "Variant(" + "".join(f"\\x{b:02x}" for b in blob) + ")"


def plant(path: Path, marker: Path, *, escape_at: bool = False) -> None:
    path.write_text("[team]\nname=Planterat team\n[ui]\nmain_geometry=" + pickled_variant(marker, escape_at=escape_at)
                    + "\ncase_geometry=" + pickled_variant(marker, escape_at=not escape_at) + "\n", encoding="utf-8")


def test_the_planted_payload_really_runs_when_qsettings_reads_it_raw(qapp, tmp_path):
    """Without this the other tests could pass with a payload that never worked: Qt alone unpickles it."""
    marker = tmp_path / "ran"
    ini = tmp_path / "raw.ini"
    plant(ini, marker)
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    try:
        store.allKeys()
    except Exception:  # noqa: BLE001 - open() returns a file object that is not a valid value; it ran anyway
        pass
    assert marker.exists()


@pytest.mark.parametrize("escape_at", [False, True], ids=["@Variant", "escaped-at"])
def test_a_planted_pickle_in_the_settings_file_does_not_run_when_the_main_window_opens(qtbot, database, tmp_path,
                                                                                       escape_at):
    """What broke: window geometry was stored as pickled bytes, and a planted INI file ran code on start."""
    from sst_desk.app import build_context
    from sst_desk.settings import MAIN_GEOMETRY, Settings
    from sst_desk.ui.caselist.main_window import MainWindow

    marker = tmp_path / "ran"
    ini = tmp_path / "settings.ini"
    plant(ini, marker, escape_at=escape_at)
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))  # the path the real app takes
    context = build_context(database, settings)
    window = MainWindow(context)
    window.show()
    reload(window)
    assert window.isVisible()
    # The rest of the file is kept: its team name was adopted as the team's at this first start.
    assert context.team_name == "Planterat team"
    assert settings.get(MAIN_GEOMETRY) == b""
    window.close()
    window.deleteLater()
    assert not marker.exists(), "the pickled value was unpickled"
    text = ini.read_text(encoding="utf-8")
    assert "Variant" not in text and "@ByteArray" not in text, text
    # what the window wrote is base64 text, and it comes back as the bytes Qt gave
    reopened = Settings.from_file(str(ini))
    assert reopened.get(MAIN_GEOMETRY) == bytes(window.saveGeometry())


def test_a_pickle_planted_with_a_continued_line_is_removed_too(qapp, tmp_path):
    """Qt joins a line ending in a backslash with the next: the payload may be split over two lines."""
    from sst_desk.settings import CASE_GEOMETRY, Settings

    marker = tmp_path / "ran"
    ini = tmp_path / "settings.ini"
    value = pickled_variant(marker)
    ini.write_text("[ui]\ncase_geometry=" + value[:5] + "\\\n" + value[5:] + "\n", encoding="utf-8")
    settings = Settings.from_file(str(ini))
    assert settings.get(CASE_GEOMETRY) == b""
    settings._store.allKeys()
    assert not marker.exists()


def test_a_geometry_that_is_not_base64_text_is_ignored(qapp, tmp_path):
    """An old ``@ByteArray`` or a garbled value gives the default size, never an error."""
    from sst_desk.settings import CASE_GEOMETRY, MAIN_GEOMETRY, Settings

    ini = tmp_path / "settings.ini"
    ini.write_text("[ui]\nmain_geometry=@ByteArray(\\x1\\x2)\ncase_geometry=not base64 at all!\n", encoding="utf-8")
    settings = Settings.from_file(str(ini))
    assert settings.get(MAIN_GEOMETRY) == b""
    assert settings.get(CASE_GEOMETRY) == b""
