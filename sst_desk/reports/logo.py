"""The team's logo on documents: checked once, the same way in the settings dialog and when printing.

The logo is a team setting: the image itself (PNG or JPEG bytes) in the team's database, so every laptop
prints the same letterhead (``sst_desk.options.TEAM_LOGO``). The settings dialog checks a chosen file
before it is read in (``logo_problem``) and its bytes (``image_data_problem``); a document printed with
bytes that cannot be drawn is printed without the logo and a warning in the log (``load_logo``) — a plan
must never fail to print because of its letterhead.
"""

from __future__ import annotations

import enum
import hashlib
import io
import logging
from pathlib import Path

from reportlab.lib.utils import ImageReader

from sst_desk.options import IMAGE_SIGNATURES, MAX_LOGO_BYTES

log = logging.getLogger(__name__)

__all__ = ["MAX_LOGO_BYTES", "LogoProblem", "image_data_problem", "load_logo", "logo_problem", "read_logo"]


class LogoProblem(enum.Enum):
    MISSING = "missing"  # no file at the path
    NOT_IMAGE = "not_image"  # not a PNG or JPEG that can be read
    TOO_LARGE = "too_large"  # larger than MAX_LOGO_BYTES


def image_data_problem(data: bytes) -> LogoProblem | None:
    """What is wrong with ``data`` as a logo; None when it can be printed (or when it is empty: no logo)."""
    if not data:
        return None
    if len(data) > MAX_LOGO_BYTES:
        return LogoProblem.TOO_LARGE
    if not data.startswith(IMAGE_SIGNATURES):
        return LogoProblem.NOT_IMAGE
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # noqa: BLE001 - PIL raises many kinds for a damaged file
        return LogoProblem.NOT_IMAGE
    return None if width > 0 and height > 0 else LogoProblem.NOT_IMAGE


def logo_problem(path: str) -> LogoProblem | None:
    """What is wrong with the file at ``path`` as a logo; None when it can be printed (or when no path is given)."""
    if not path.strip():
        return None
    file = Path(path)
    try:
        if not file.is_file():
            return LogoProblem.MISSING
        if file.stat().st_size > MAX_LOGO_BYTES:
            return LogoProblem.TOO_LARGE
        data = file.read_bytes()
    except OSError:
        return LogoProblem.MISSING
    return image_data_problem(data)


def read_logo(path: str) -> bytes:
    """The image at ``path`` to store as the team's logo; b"" when it cannot be used (see ``logo_problem``)."""
    if logo_problem(path) is not None or not path.strip():
        return b""
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def load_logo(data: bytes) -> ImageReader | None:
    """The logo ready to draw, or None (no logo set, or a bad one: logged, never raised)."""
    if not data:
        return None
    return _load(hashlib.sha256(data).hexdigest(), data)


_CACHE: dict[str, ImageReader | None] = {}


def _load(digest: str, data: bytes) -> ImageReader | None:
    """Cached by content: a batch of 200 plans decodes the logo once, a replaced logo again."""
    if digest not in _CACHE:
        problem = image_data_problem(data)
        if problem is not None:
            log.warning("The team's logo cannot be used (%s); printing without it.", problem.value)
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[digest] = None if problem is not None else ImageReader(io.BytesIO(data))
    return _CACHE[digest]
