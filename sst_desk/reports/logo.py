"""The team's logo on documents: checked once, the same way in the settings dialog and when printing.

A logo is a setting (a path), so it can go missing or be replaced by something
that is not an image between saving the settings and printing. The settings
dialog refuses such a path with a message next to the field (``logo_problem``);
a document printed later with a bad path is printed without the logo and a
warning in the log (``load_logo``) — a plan must never fail to print because
of its letterhead.
"""

from __future__ import annotations

import enum
import logging
from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader

log = logging.getLogger(__name__)

MAX_LOGO_BYTES = 5 * 1024 * 1024  # a letterhead logo is a few KiB; a photo by mistake would bloat every PDF
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


class LogoProblem(enum.Enum):
    MISSING = "missing"  # no file at the path
    NOT_IMAGE = "not_image"  # not a PNG or JPEG that can be read
    TOO_LARGE = "too_large"  # larger than MAX_LOGO_BYTES


def logo_problem(path: str) -> LogoProblem | None:
    """What is wrong with ``path`` as a logo; None when it can be printed (or when no logo is set)."""
    if not path.strip():
        return None
    file = Path(path)
    try:
        if not file.is_file():
            return LogoProblem.MISSING
        if file.stat().st_size > MAX_LOGO_BYTES:
            return LogoProblem.TOO_LARGE
        with file.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return LogoProblem.MISSING
    if not head.startswith(_SIGNATURES):
        return LogoProblem.NOT_IMAGE
    try:
        width, height = ImageReader(str(file)).getSize()
    except Exception:  # noqa: BLE001 - PIL raises many kinds for a damaged file
        return LogoProblem.NOT_IMAGE
    return None if width > 0 and height > 0 else LogoProblem.NOT_IMAGE


def load_logo(path: str) -> ImageReader | None:
    """The logo ready to draw, or None (no logo set, or a bad one: logged, never raised)."""
    if not path.strip():
        return None
    try:
        stat = Path(path).stat()
    except OSError:
        log.warning("The logo for documents was not found (%s); printing without it.", path)
        return None
    return _load(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, _mtime_ns: int, _size: int) -> ImageReader | None:
    """Cached by path, time and size: a batch of 200 plans reads the file once, a replaced file again."""
    problem = logo_problem(path)
    if problem is not None:
        log.warning("The logo for documents cannot be used (%s: %s); printing without it.", path, problem.value)
        return None
    return ImageReader(path)
