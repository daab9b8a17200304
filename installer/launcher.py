"""The bundle's entry point: ``sst-desk`` (``sst-desk.exe``) runs the same ``main`` as the installed command."""

import sys

from sst_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
