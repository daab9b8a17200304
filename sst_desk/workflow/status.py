"""Where a consent or a kartläggning document stands: the words the lists show are chosen from these codes.

A consent is withdrawn (from the day of withdrawal), expired (after its last valid day), not yet in force
(given on a later day), or in force. A document of the kartläggning's checklist is received, requested, or
not requested.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from sst_desk.workflow.entities import Consent, KartlaggningDocument


class ConsentStatus(str, Enum):
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    NOT_YET_IN_FORCE = "not_yet_in_force"
    IN_FORCE = "in_force"


class DocumentStatus(str, Enum):
    RECEIVED = "received"
    REQUESTED = "requested"
    NOT_REQUESTED = "not_requested"


def consent_status(consent: Consent, today: dt.date) -> ConsentStatus:
    """A withdrawal counts from its day; a consent is valid through ``valid_until``; one given later is not yet."""
    if consent.withdrawn_on is not None and consent.withdrawn_on <= today:
        return ConsentStatus.WITHDRAWN
    if consent.valid_until is not None and consent.valid_until < today:
        return ConsentStatus.EXPIRED
    if consent.given_on > today:
        return ConsentStatus.NOT_YET_IN_FORCE
    return ConsentStatus.IN_FORCE


def document_status(document: KartlaggningDocument) -> DocumentStatus:
    """Received once it has a date of receipt; requested once it has a request date."""
    if document.received_on:
        return DocumentStatus.RECEIVED
    if document.requested_on:
        return DocumentStatus.REQUESTED
    return DocumentStatus.NOT_REQUESTED
