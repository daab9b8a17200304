"""Run one gallring and SIGKILL this very process when it reaches a chosen step (test_gallring_resume.py).

    python gallring_kill_worker.py DATABASE CASE_ID STEP     # USER and PASSWORD in the environment

Not a test module. ``STEP`` is one the gallring reports through ``gallring.step_done`` ("deleted",
"clear_residue", "fresh_backup", "purge_backups"): the kill lands right after that step completed and
before the next began — the "wrong moment" of issue 10. Exit status 3 means the step was never reached.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from pathlib import Path

from sst_desk.persistence import gallring
from sst_desk.security import keyfile, passwords, signin

TODAY = dt.date(2026, 11, 22)


def main() -> int:
    file, case_id, step = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    passwords.use_cheap_parameters_for_tests()
    keyfile.use_cheap_parameters_for_tests()

    def kill_at(reached: str) -> None:
        if reached == step:
            os.kill(os.getpid(), signal.SIGKILL)

    gallring.step_done = kill_at
    db = signin.sign_in(file, os.environ["SST_DESK_USER"], os.environ["SST_DESK_PASSWORD"])
    gallring.gallra(db, [case_id], years=1, today=TODAY)
    return 3


if __name__ == "__main__":
    sys.exit(main())
