"""``python -m sst_desk.persistence.migrations revision "message"``: write the next migration."""

import sys

from sst_desk.persistence.migrate import main

sys.exit(main())
