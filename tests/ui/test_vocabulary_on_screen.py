"""The window's words for codes are the paper's: in Swedish (the shipped translation) and in English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from sst_desk import vocabulary
from sst_desk.reports import labels_sv
from sst_desk.ui.common.labels import _PAIRS, choices, label
from sst_desk.workflow.codes import ContactKind

QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "sst_desk_sv.qm"


def test_in_swedish_every_label_on_screen_is_the_word_on_paper(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert len(_PAIRS) >= 130
        differing = [(code, label(code), labels_sv.label(code)) for code, _english in _PAIRS
                     if label(code) != labels_sv.label(code)]
        assert differing == []
        assert dict(choices(ContactKind))[ContactKind.DIGITALT] == "Digitalt möte"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_in_english_every_label_is_the_vocabularys_english(qapp):
    for code, english in _PAIRS:
        assert label(code) == english == vocabulary.words(code).en
