"""How the command line fails: one sentence on stderr, never a traceback on the terminal.

Expected failures (``CommandError``, ``DatabaseError``, ``OSError``) are
reported as they are. Anything else is a bug: the person gets one sentence
and the name of a log file; the log holds the exception types and the code
locations only. Exception messages are left out on purpose, because they can
quote case content (SQL parameters, a name in a ValueError).
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from typing import Callable

from . import paths

LOG_NAME = "sst-desk-cli.log"


class CommandError(Exception):
    """A failure the person can act on; ``str()`` is one English sentence."""


def log_path() -> Path:
    return paths.data_dir() / "logs" / LOG_NAME


def say(message: str) -> None:
    print(f"sst-desk: {message}", file=sys.stderr)


def describe_os_error(exc: OSError) -> str:
    """An OSError as one sentence, naming the file."""
    reason = exc.strerror or type(exc).__name__
    where = exc.filename
    if where is None:
        return f"A file could not be read or written ({reason})."
    return f"{where} could not be read or written ({reason})."


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
        with path.open("a", encoding="utf-8") as log:
            argv0 = Path(sys.argv[0]).name if sys.argv else "sst-desk"
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} {argv0}\n")
            log.write(redacted_traceback(exc) + "\n")
    except OSError:
        return None
    return path


def guarded(action: Callable[[], int]) -> int:
    """Run a subcommand and turn every failure into a sentence and an exit status."""
    from .persistence import DatabaseError

    try:
        return action()
    except (CommandError, DatabaseError) as exc:
        say(str(exc))
    except OSError as exc:
        say(describe_os_error(exc))
    except KeyboardInterrupt:
        say("Interrupted.")
        return 130
    except Exception as exc:  # a bug: keep the terminal clean, keep the details in the log
        logged = write_log(exc)
        where = f"details were written to {logged}" if logged else "the details could not be written to a log"
        say(f"An unexpected error stopped the command ({type(exc).__name__}); {where}.")
    return 1
