"""The bundle's entry point: ``sst-desk`` (``sst-desk.exe``) runs the same ``main`` as the installed command.

One more thing, for the smoke test only: ``--bundle-check`` as the first argument runs installer/bundle_check.py
inside the bundle (the window, QtPdf, printing, charts, SQLCipher — see there). The wheel has no such option.
"""

import os
import sys

if __name__ == "__main__":
    # A windowed program on Windows (console=False) has no stdout/stderr: argparse's --help and --version and
    # a logging fallback would write to None. Give them somewhere to go.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    if sys.argv[1:2] == ["--bundle-check"]:
        from bundle_check import main as bundle_check

        sys.exit(bundle_check(sys.argv[2:]))
    from sst_desk.__main__ import main

    sys.exit(main())
