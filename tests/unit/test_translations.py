"""The Swedish translation is complete, compiled, and covers every UI string in the sources."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
tr_tool = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("update_translations", tr_tool)
_spec.loader.exec_module(tr_tool)

FIX = "run `.venv/bin/python scripts/update_translations.py`, translate in resources/translations/sst_desk_sv.ts, " \
      "and run it again"


def _tool_or_skip(name: str) -> str:
    try:
        return tr_tool.tool(name)
    except tr_tool.ToolMissing as exc:
        pytest.skip(f"{name} is not installed, so this cannot be checked here: {exc}")


def _listing(pairs) -> str:
    return "\n".join(f"  [{m.context}] {m.source!r} ({why})" for m, why in pairs)


def test_every_message_has_a_finished_translation_with_the_same_placeholders():
    messages = tr_tool.read_messages(tr_tool.TS_FILE)
    assert len(messages) > 300
    problems = tr_tool.unready(messages)
    assert not problems, f"Not ready in the .ts ({FIX}):\n{_listing(problems)}"


def test_accelerators_and_quotes_follow_swedish_usage():
    """One & where the source has one; Swedish ”…” rather than English “…”."""
    bad = []
    for m in tr_tool.read_messages(tr_tool.TS_FILE):
        if m.source.replace("&&", "").count("&") != m.translation.replace("&&", "").count("&"):
            bad.append((m, "accelerator"))
        if "\u201c" in m.translation:
            bad.append((m, "English opening quote; use \u201d\u2026\u201d"))
    assert not bad, _listing(bad)


def test_problem_detection_is_not_a_tautology():
    ok = tr_tool.Message("Labels", "Version %1", "Version %1", finished=True)
    lost = tr_tool.Message("Labels", "Version %1", "Version", finished=True)
    open_ = tr_tool.Message("Labels", "Save", "Spara", finished=False)
    empty = tr_tool.Message("Labels", "Save", " ", finished=True)
    assert [m.problem() for m in (ok, lost, open_, empty)] == [None, "placeholders differ", "untranslated",
                                                             "untranslated"]


def test_committed_qm_is_what_lrelease_makes_from_the_ts(tmp_path):
    _tool_or_skip("pyside6-lrelease")
    assert tr_tool.QM_FILE.exists(), f"{tr_tool.QM_FILE.name} is missing: {FIX}"
    assert tr_tool.qm_is_current(tmp_path), f"{tr_tool.QM_FILE.name} is stale: {FIX}"


def test_every_translatable_string_in_the_sources_is_in_the_ts(tmp_path):
    _tool_or_skip("pyside6-lupdate")
    committed = {m.key for m in tr_tool.read_messages(tr_tool.TS_FILE)}
    updated = tr_tool.read_messages(tr_tool.extract_to_copy(tmp_path))
    new = [(m, "not in the .ts") for m in updated if m.key not in committed]
    unfinished = [(m, why) for m, why in tr_tool.unready(updated) if m.key in committed]
    assert not new + unfinished, f"Strings in the code without a Swedish translation ({FIX}):\n" \
                                 f"{_listing(new + unfinished)}"


def test_extraction_sees_helpers_constant_contexts_and_f_strings(tmp_path):
    """lupdate alone misses these three forms; the script must hand them over (and warn about other.tr)."""
    module = tmp_path / "sample.py"
    module.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "CONTEXT = 'Sample'\n"
        "def _t(text):\n"
        "    return QCoreApplication.translate(CONTEXT, text)\n"
        "LABEL = _t('First name')\n"
        "OTHER = QCoreApplication.translate(CONTEXT, 'Last name')\n"
        "GENDER = QCoreApplication.translate(CONTEXT, 'Other', 'gender')\n"
        "class Window:\n"
        "    def title(self, parent):\n"
        "        parent.tr('Could not print')\n"
        "        return f\"{self.tr('year')} 7\"\n",
        encoding="utf-8")
    found, warnings = tr_tool.helper_messages(module)
    assert set(found) == {("Sample", "First name", None), ("Sample", "Last name", None),
                          ("Sample", "Other", "gender"), ("Window", "year", None)}
    assert len(warnings) == 1 and "sample.py:10" in warnings[0]


def test_qt_translates_a_stage_with_the_shipped_qm(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from sst_desk import paths

    translator = QTranslator()
    assert translator.load(str(paths.resource("translations", "sst_desk_sv.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Labels", "Assessment") == "Kartläggning"
        assert QCoreApplication.translate("Labels", "Referral to the team") == "Aktualisering"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("Labels", "Assessment") == "Assessment"
