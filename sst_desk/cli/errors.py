"""How the command line fails: one sentence on stderr, never a traceback on the terminal.

Expected failures (``CommandError``, ``DatabaseError``, ``fileio.TargetRefused``,
``OSError``) are reported as they are, in the command line's language
(``i18n``); a full disk is named as such, never as damage. Anything else is a bug: the person gets one sentence
and the name of a log file; the log holds the exception types and the code
locations only. Exception messages are left out on purpose, because they can
quote case content (SQL parameters, a name in a ValueError).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
import traceback
from pathlib import Path
from typing import Callable

from sst_desk import i18n, paths

LOG_NAME = "sst-desk-cli.log"
CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


class CommandError(Exception):
    """A failure the person can act on; ``str()`` is one sentence, already translated."""


def log_path() -> Path:
    return paths.data_dir() / "logs" / LOG_NAME


def say(message: str) -> None:
    print(f"sst-desk: {message}", file=sys.stderr)


def describe_os_error(exc: OSError) -> str:
    """An OSError as one sentence, naming the file."""
    if exc.errno == errno.ENOSPC:
        return disk_full_sentence()
    if exc.errno == errno.ELOOP:
        return _t("%1 cannot be reached: its symbolic links go round in a loop. Nothing was changed.").replace(
            "%1", str(exc.filename or ""))
    reason = exc.strerror or type(exc).__name__
    where = exc.filename
    if where is None:
        return _t("A file could not be read or written (%1).").replace("%1", reason)
    return _t("%1 could not be read or written (%2).").replace("%1", str(where)).replace("%2", reason)


def disk_full_sentence() -> str:
    return _t("The disk is full: free some space and try again; nothing was lost.")


def redacted_traceback(exc: BaseException) -> str:
    """Exception types and code locations of the whole chain, without messages or values."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {frame.filename}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by / during handling of:")
    return "\n".join(lines)


def write_log(exc: BaseException) -> Path | None:
    """Append the redacted traceback to the log; None when the log cannot be written."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created 0600 whatever the umask (it names commands and files); an older log is tightened too.
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(handle, "a", encoding="utf-8") as log:
            os.chmod(path, 0o600)
            argv0 = Path(sys.argv[0]).name if sys.argv else "sst-desk"
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} {argv0}\n")
            log.write(redacted_traceback(exc) + "\n")
    except OSError:
        return None
    return path


def guarded(action: Callable[[], int]) -> int:
    """Run a subcommand and turn every failure into a sentence and an exit status."""
    from sst_desk.fileio import TargetRefused
    from sst_desk.services.errors import DatabaseError

    try:
        return action()
    except CommandError as exc:
        say(str(exc))
    except DatabaseError as exc:
        say(exc.sentence())
    except TargetRefused as exc:
        say(exc.sentence())
    except OSError as exc:
        say(describe_os_error(exc))
    except KeyboardInterrupt:
        say(_t("Interrupted."))
        return 130
    except Exception as exc:  # a bug: keep the terminal clean, keep the details in the log
        if _is_symlink_loop(exc):
            say(_t("A path given cannot be reached: its symbolic links go round in a loop. Nothing was changed."))
            return 1
        logged = write_log(exc)
        if logged:
            say(_t("An unexpected error stopped the command (%1); details were written to %2.")
                .replace("%1", type(exc).__name__).replace("%2", str(logged)))
        else:
            say(_t("An unexpected error stopped the command (%1); the details could not be written to a log.")
                .replace("%1", type(exc).__name__))
    return 1


def _is_symlink_loop(exc: BaseException) -> bool:
    """``Path.resolve()`` reports a symbolic link loop as a bare RuntimeError ("Symlink loop from …")."""
    return type(exc) is RuntimeError and str(exc).lower().startswith("symlink loop")
