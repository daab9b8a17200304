"""The demo database's users and their one public password (README, "Demo users").

Apart from ``demo_accounts`` (which makes the demo database) because signing in
needs the password too (``security/signin``: a renamed demo database must not
keep it), and ``demo_accounts`` itself signs in: with the constants here,
neither imports the other.
"""

from __future__ import annotations

from sst_desk.workflow.access import Role

DEMO_PASSWORD = "demo-losenord"
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("sara", "Sara Lind", Role.SKOLSOCIONOM),
    ("karin", "Karin Berg", Role.KURATOR),
    ("tove", "Tove Ek", Role.TEAMLEDARE),
    ("adam", "Adam Holm", Role.ADMINISTRATOR),
)
# The workers' work phones, printed on a kallelse ("Kontaktperson: Sara Lind, 070-174 06 01"): from the range
# PTS reserves for fiction (demo/names.PHONE_PREFIX; the guardians use 05–99 of it).
DEMO_PHONES: dict[str, str] = {"sara": "070-174 06 01", "karin": "070-174 06 02", "tove": "070-174 06 03"}
