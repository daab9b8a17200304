"""What needs a valid samtycke, and the legal grounds on which a team may act without one.

School and socialtjänsten are separate authorities under OSL: information
passes between them with the family's consent, or on a legal ground. SST Desk
blocks two things without a valid consent (``process.consent_blockers``: the
student, and under 18 every guardian who must consent, each with a consent in
force today that covers school and socialtjänst):

- ``GATHER_DOCUMENTS``: requesting documents for the kartläggning from the
  other authority;
- ``SHARE_PLAN``: printing the handlingsplan to share it with the parties.

A withdrawn consent takes effect at once: the check reads the consents as they
are now, including a withdrawal typed but not yet saved. An override is
possible only with the permission (``access``: CONSENT × OVERRIDE) and a
stated legal ground; it is stored with the case and written to the access log.

Pure code: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
import enum

from sst_desk.workflow.entities import Case
from sst_desk.workflow.problems import Finding
from sst_desk.workflow.process import consent_blockers


class ConsentPurpose(enum.StrEnum):
    GATHER_DOCUMENTS = "gather_documents"
    SHARE_PLAN = "share_plan"


OTHER_GROUND = "other"
# (code, the reference as written in the file). The legal assessment is the worker's; these are the usual ones.
LEGAL_GROUNDS: tuple[tuple[str, str], ...] = (
    ("sol_14_1", "14 kap. 1 § SoL – anmälan vid oro för att ett barn far illa"),
    ("osl_10_28", "10 kap. 28 § OSL – uppgiftsskyldighet som följer av lag eller förordning"),
    ("osl_10_2", "10 kap. 2 § OSL – nödvändigt för att fullgöra den egna verksamheten"),
    ("osl_10_18a", "10 kap. 18 a § OSL – samverkan kring barn som far illa eller riskerar att fara illa"),
    (OTHER_GROUND, "Annat lagstöd"),
)
MIN_OTHER_GROUND = 8  # characters: "Annat lagstöd" needs the reference written out


def consent_missing(case: Case, today: dt.date) -> list[Finding]:
    """Who has no valid consent today (empty: the team may gather documents and share the plan)."""
    return consent_blockers(case, today)


def ground_text(code: str, written: str = "") -> str:
    """The legal ground as stored: the known reference, or what the worker wrote for "other"."""
    if code == OTHER_GROUND:
        return written.strip()
    for known, text in LEGAL_GROUNDS:
        if known == code:
            return text
    raise ValueError(f"unknown legal ground {code!r}")


def ground_problem(code: str, written: str) -> str | None:
    """Why the stated ground is not enough ("unknown", "missing"), or None when it is."""
    if code not in {known for known, _ in LEGAL_GROUNDS}:
        return "unknown"
    if code == OTHER_GROUND and len(written.strip()) < MIN_OTHER_GROUND:
        return "missing"
    return None
