"""One vocabulary for codes: screen and paper take their words from sst_desk/vocabulary.py.

Regression: 23 of 112 codes were worded differently on screen and on paper ("Videomöte" in the contact
log, "Digitalt möte" in the printed handlingsplan). Now paper reads the table's Swedish and the window's
Swedish .qm is written from the same table; these tests hold every code to that.
"""

from __future__ import annotations

import enum
import importlib.util
import sys
from pathlib import Path

import pytest

from sst_desk import vocabulary
from sst_desk.reports import labels_sv
from sst_desk.workflow import codes
from sst_desk.workflow.access import Role
from sst_desk.workflow.agenda import DueKind
from sst_desk.workflow.attention import Attention
from sst_desk.workflow.codes import ContactKind, Party, Stage
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.process import Move

ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "resources" / "translations" / "sst_desk_sv.qm"
_spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
tr_tool = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("update_translations", tr_tool)
_spec.loader.exec_module(tr_tool)

WORKFLOW_ENUMS = [obj for obj in vars(codes).values()
                  if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == codes.__name__]
OTHER_CODES = [Move, Role, Attention, DueKind, LogAction]  # the window's steps and flags, the access log's words
ALL_CODES = [code for cls in WORKFLOW_ENUMS + OTHER_CODES for code in cls]


def test_every_code_a_person_reads_has_words_in_both_languages():
    assert len(WORKFLOW_ENUMS) >= 19 and len(ALL_CODES) >= 160
    for code in ALL_CODES:
        words = vocabulary.words(code)
        assert words.en.strip() and words.sv.strip(), code


def test_within_one_kind_of_code_no_two_codes_share_a_word():
    """A choice list with two equal entries cannot be told apart (and one Qt message would serve both)."""
    for cls, table in vocabulary.CODE_WORDS.items():
        for language in ("en", "sv"):
            said = [getattr(w, language) for w in table.values()]
            assert len(said) == len(set(said)), (cls.__name__, language, said)


def test_paper_says_the_vocabularys_swedish_for_every_code():
    for code in ALL_CODES:
        assert labels_sv.label(code) == vocabulary.words(code).sv, code


def test_both_access_documents_say_the_log_actions_and_roles_as_the_vocabulary_does():
    """Regression: the access history, the registerutdrag and the log review had three words for one action
    ("Skapade ett ärende", "Registrerade ärendet", "Skapade ärendet")."""
    from sst_desk.reports import access_history, registerutdrag

    for action in LogAction:
        assert access_history.ACTION_SV[action] == registerutdrag.ACTIONS[action.value] == vocabulary.words(action).sv
    for role in Role:
        assert registerutdrag.ROLES[role.value] == vocabulary.words(role).sv
        assert access_history.ROLE_SV[role.value] == vocabulary.words(role).sv.lower()


def test_the_screens_swedish_is_the_papers_for_every_code():
    """The compiled translation the window loads, asked the way ``ui.labels.label`` asks it."""
    QTranslator = pytest.importorskip("PySide6.QtCore").QTranslator
    translator = QTranslator()
    assert translator.load(str(QM))
    for code in ALL_CODES:
        on_screen = translator.translate(vocabulary.CONTEXT, vocabulary.words(code).en,
                                         vocabulary.disambiguation(code))
        assert on_screen == labels_sv.label(code), (code, on_screen, labels_sv.label(code))


def test_the_words_that_once_drifted_apart_are_one_now():
    assert labels_sv.label(ContactKind.DIGITALT) == "Digitalt möte"
    assert labels_sv.label(Stage.INSKRIVNING) == "Inskrivning"  # as the process document names the stage
    assert labels_sv.label(Party.REGION) == vocabulary.words(codes.Authority.REGION).sv


def test_the_translation_check_notices_a_hand_edited_code(tmp_path):
    """The .ts must say the vocabulary's word: a translator's edit there is reported, not shipped."""
    messages = tr_tool.read_messages(tr_tool.TS_FILE)
    assert tr_tool.vocabulary_drift(messages) == []
    key = (vocabulary.CONTEXT, vocabulary.words(ContactKind.DIGITALT).en, "ContactKind")
    edited = [tr_tool.Message(m.context, m.source, "Videomöte", m.finished, m.comment) if m.key == key else m
              for m in messages]
    (drift,) = tr_tool.vocabulary_drift(edited)
    assert "Videomöte" in drift and "Digitalt möte" in drift


def test_writing_the_vocabulary_into_a_ts_sets_the_codes_words(tmp_path):
    copy = tmp_path / "sv.ts"
    original = tr_tool.TS_FILE.read_text(encoding="utf-8")
    copy.write_text(original.replace("<translation>Digitalt möte</translation>",
                                     "<translation type=\"unfinished\">Videomöte</translation>"), encoding="utf-8")
    assert tr_tool.vocabulary_drift(tr_tool.read_messages(copy)) != []
    assert tr_tool.write_vocabulary(copy) == len(vocabulary.qt_messages())
    assert copy.read_text(encoding="utf-8") == original
