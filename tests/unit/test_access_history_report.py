"""Åtkomsthistorik, the PDF a guardian gets: when, who (name and role) and what, in Swedish; nothing from the
case; page numbers on every page. Checked through pypdf's text extraction."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from sst_desk.reports import ReportContext
from sst_desk.reports.access_history import (
    ACTION_SV,
    NONE_FOUND,
    ROLE_SV,
    action_words,
    build_access_history,
    write_access_history,
)
from sst_desk.reports.fonts import missing_glyphs
from sst_desk.workflow.access import Role
from sst_desk.workflow.logchain import LogAction, LogRow

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Lena Ledare",
                        printed_on=dt.date(2026, 11, 23))
T0 = dt.datetime(2026, 9, 1, 7, 5, tzinfo=dt.UTC)


def row(seq: int, action: str, who: str = "sara", name: str = "Sara Socionom", role: str | None = "skolsocionom",
        detail: str = "", minutes: int = 0) -> LogRow:
    return LogRow(seq=seq, at=T0 + dt.timedelta(minutes=minutes), user_id=2, username=who, display_name=name,
                  role=role, action=action, case_id=1, student_id=1, student_name="Alva Åström", detail=detail)


def read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_who_did_what_and_when_in_swedish():
    rows = [
        row(1, "create"),
        row(2, "view", minutes=3),
        row(3, "edit", detail="planering", minutes=9),
        row(4, "print", detail="handlingsplan", minutes=12),
        row(5, "denied", who="kim", name="Kim Kurator", role="kurator", detail="case:view", minutes=20),
        row(6, "read_log", who="lead", name="Lena Ledare", role="teamledare", detail="history;rows=5", minutes=30),
        row(7, "view", who="gone", name="", role=None, minutes=40),
    ]
    reader, text = read(build_access_history("Alva Åström", rows, CONTEXT))
    local = T0.astimezone().strftime("%Y-%m-%d %H:%M")
    for expected in ("Åtkomsthistorik", "Registerförteckning över åtkomst", "Alva Åström",
                     "Skolsociala teamet Äppelviken", "Antal registreringar 7", local,
                     "Sara Socionom", "skolsocionom", "Kim Kurator", "kurator/specialpedagog", "teamledare",
                     "Registrerade ärendet", "Öppnade ärendet", "Ändrade i ärendet (steg: Planering)",
                     "Skrev ut: handlingsplan", "Nekades åtkomst (försökte öppna)",
                     "Tog del av åtkomstloggen", "gone", "Sida 1 av 1", "inga uppgifter ur själva ärendet"):
        assert expected in text, expected
    assert "rows=5" not in text and "case:view" not in text  # codes are never printed
    assert reader.metadata.title == "Åtkomsthistorik"  # never the student's name (issue 10)


def test_the_period_is_the_one_asked_for_or_the_entries_own():
    rows = [row(1, "create"), row(2, "view", minutes=60 * 24 * 30)]
    _, text = read(build_access_history("Alva Åström", rows, CONTEXT))
    first, last = (r.at.astimezone().date().isoformat() for r in rows)
    assert f"Period {first} – {last}" in text
    _, text = read(build_access_history("Alva Åström", rows, CONTEXT, since=dt.date(2026, 1, 1),
                                        until=dt.date(2026, 12, 31)))
    assert "Period 2026-01-01 – 2026-12-31" in text


def test_no_entries_says_so():
    _, text = read(build_access_history("Alva Åström", [], CONTEXT, since=dt.date(2026, 1, 1)))
    assert NONE_FOUND in text and "Period 2026-01-01 – tills vidare" in text and "Antal registreringar 0" in text


def test_a_long_history_runs_over_pages_with_numbers_and_repeated_headers(tmp_path):
    rows = [row(n, "view", minutes=n * 7) for n in range(1, 121)]
    path = write_access_history(tmp_path / "historik.pdf", "Alva Åström", rows, CONTEXT)
    reader, _ = read(path.read_bytes())
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Sida {number} av {pages}" in text and "Datum och tid" in text


def test_every_action_and_role_has_printable_swedish_words():
    assert set(ACTION_SV) == set(LogAction)
    assert set(ROLE_SV) == {r.value for r in Role}
    assert not missing_glyphs("".join(ACTION_SV.values()) + "".join(ROLE_SV.values()))
    assert action_words(row(1, "something_new")) == "something_new"  # a future action prints as its code
    assert action_words(row(1, "edit", detail="not-a-stage")) == "Ändrade i ärendet"
