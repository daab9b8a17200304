"""Service tests run against in-memory fakes (``fake_admin.py``): no database file, no Qt.

Password hashing uses the cheap parameters here, as in the integration and UI tests.
"""

from __future__ import annotations

from sst_desk.security import passwords

passwords.use_cheap_parameters_for_tests()
