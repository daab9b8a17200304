"""Translation outside the window: the command line's language, and one ``translate`` for both worlds.

In the window, Qt's installed translators do the work (``app.install_translators``) and ``translate``
is ``QCoreApplication.translate``. The command line has no QCoreApplication (creating one would stop
the window from starting in the same process), so ``use_language`` loads SST Desk's .qm into a
``QTranslator`` kept here and ``translate`` asks it directly. Modules shared by both (``fileio``,
``persistence.errors``, ``cli_*``) call ``translate``; the message catalogue is the same .ts.

The language: ``--lang sv|en``, else the system's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``): Swedish
for ``sv*``, English for ``en*``, and Swedish, the product's default, for anything else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("sv", "en")
DEFAULT = "sv"

_translator = None  # a QTranslator while the command line runs in Swedish
_language = "en"  # the command line's language once use_language ran (numbers are written in it)


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """``sv`` or ``en`` from the POSIX locale variables (the first one set wins, as in gettext)."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in LANGUAGES else DEFAULT
    return DEFAULT


def use_language(language: str | None) -> str:
    """Translate the command line into ``language`` (None: the system's); returns the language used."""
    global _translator, _language
    chosen = language if language in LANGUAGES else system_language()
    _translator = None
    _language = chosen
    if chosen != "en":
        try:
            from PySide6.QtCore import QTranslator

            from sst_desk import paths

            translator = QTranslator()
            if translator.load(str(paths.resource("translations", f"sst_desk_{chosen}.qm"))):
                _translator = translator
        except (ImportError, FileNotFoundError):  # no Qt or no resources: English it is
            _translator = None
    return chosen


def reset() -> None:
    """Back to Qt's own translators (after a command ran in-process, e.g. in tests)."""
    global _translator, _language
    _translator = None
    _language = "en"


def language() -> str:
    """The command line's language (``sv`` or ``en``) once ``use_language`` ran; ``en`` before."""
    return _language


def decimal(value: float, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals as the command line's language writes it (Swedish: a comma)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if _language == "sv" else text


def translate(context: str, text: str) -> str:
    """``text`` in the current language: the command line's translator, else Qt's installed ones."""
    if _translator is not None:
        return _translator.translate(context, text) or text
    try:
        from PySide6.QtCore import QCoreApplication
    except ImportError:
        return text
    return QCoreApplication.translate(context, text)
