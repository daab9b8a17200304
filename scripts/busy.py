#!/usr/bin/env python3
"""Keep N cores busy for a bounded time, to prove the test suite under load (see docs/testing.md).

    python3 scripts/busy.py --cores 2 --seconds 1800 &
    ./run-tests.sh

Each worker is a process spinning on arithmetic; every worker stops by itself when the time is up (it checks
the clock, so nothing depends on the parent surviving), and the parent stops them on Ctrl+C or SIGTERM. The
time is bounded (at most MAX_SECONDS) so a forgotten load cannot outlive the session that started it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
import time

DEFAULT_SECONDS = 600
MAX_SECONDS = 4 * 3600


def spin(until: float) -> None:
    """Burn one core until the monotonic clock passes ``until``."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # the parent handles Ctrl+C; a worker just ends
    x = 0
    while time.monotonic() < until:
        for _ in range(100_000):  # look at the clock only now and then, so the loop is nearly all work
            x = (x * 1_103_515_245 + 12_345) & 0xFFFF_FFFF


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1,
                        help="how many cores to keep busy (default: all of them)")
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS,
                        help=f"how long (default {DEFAULT_SECONDS}, at most {MAX_SECONDS})")
    args = parser.parse_args(argv)
    if not 1 <= args.cores <= 256:
        parser.error("--cores must be between 1 and 256")
    if not 0 < args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds must be more than 0 and at most {MAX_SECONDS}")

    until = time.monotonic() + args.seconds
    workers = [multiprocessing.Process(target=spin, args=(until,), daemon=True) for _ in range(args.cores)]
    for worker in workers:
        worker.start()

    def stop(*_: object) -> None:
        for worker in workers:
            worker.terminate()

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(143)))
    print(f"busy.py: {args.cores} busy processes for {args.seconds:g} s (pid {os.getpid()})", file=sys.stderr,
          flush=True)
    try:
        for worker in workers:
            worker.join()
    except KeyboardInterrupt:
        stop()
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
