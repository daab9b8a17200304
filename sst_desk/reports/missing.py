"""What a document builder raises when the case holds nothing for it to print.

The handlingsplan prints even without a plan (every section says it is empty):
it is a form the meeting fills in. The kartläggning summary, the
uppföljningsprotokoll, the avslutsanteckning and the kallelse are records of
something that happened or was booked; a sheet saying "nothing here" would only
be filed by mistake. Their builders raise ``MissingData`` instead, before any
layout work, and offer ``available(case)`` so a caller can leave the document
out of its menu in the first place.

``MissingData`` is a ``ValueError`` carrying stable codes, not a sentence: the
UI and the CLI turn ``(document, missing)`` into their own (translated) words.
"""

from __future__ import annotations

from enum import Enum


class Missing(str, Enum):
    """What a document needed and the case did not have."""

    KARTLAGGNING = "kartlaggning"  # the kartläggning has not been started
    FOLLOW_UP = "follow_up"  # no uppföljning has been recorded (or not the one asked for)
    CLOSING = "closing"  # the case is not closed
    BOOSTER = "booster"  # no boosterträff is booked
    FOLLOW_UP_DATE = "follow_up_date"  # no next uppföljning date in the plan (or the case is closed)
    RECIPIENT = "recipient"  # the kallelse was addressed to someone who is neither the student nor a guardian


class MissingData(ValueError):
    """The case lacks what ``document`` is a record of; ``missing`` says what."""

    def __init__(self, document: str, missing: Missing, detail: str = "") -> None:
        self.document = document
        self.missing = missing
        self.detail = detail
        message = f"{document}: {missing.value} missing"
        super().__init__(f"{message} ({detail})" if detail else message)
