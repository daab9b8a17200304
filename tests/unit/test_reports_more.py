"""Kartläggning summary, uppföljningsprotokoll, avslutsanteckning and kallelse, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.reports import avslut, kallelse, kartlaggning, uppfoljning
from sst_desk.reports.avslut import build_avslutsanteckning
from sst_desk.reports.base import ReportContext
from sst_desk.reports.fonts import missing_glyphs
from sst_desk.reports.kallelse import build_kallelse
from sst_desk.reports.kartlaggning import build_kartlaggning
from sst_desk.reports.labels_sv import FOLLOW_UP_OUTCOMES, percent_label, weekday_label
from sst_desk.reports.missing import Missing, MissingData
from sst_desk.reports.uppfoljning import build_uppfoljning
from sst_desk.workflow.codes import Stage

sys.path.insert(0, str(Path(__file__).parent))  # the fictional cases live next to this file
from report_cases import FOLLOW_UP_DATE, make_case  # noqa: E402
from report_cases_more import (  # noqa: E402
    BOOSTER_ON,
    CLOSING_NOTE,
    FOLLOW_UP_SUMMARY,
    KARTLAGGNING_GUARDIANS_VIEW,
    KARTLAGGNING_STUDENT_VIEW,
    add_follow_up,
    make_closed_case,
    move,
    with_kartlaggning,
)

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström",
                        printed_on=dt.date(2027, 3, 6),
                        contact_lines=("Storgatan 1, 123 45 Äppelviken", "Telefon 08-000 00 00"))
MODULES = (kartlaggning, uppfoljning, avslut, kallelse)


def read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def every_document(case) -> dict[str, bytes]:
    return {
        "kartläggning": build_kartlaggning(case, CONTEXT),
        "uppföljning": build_uppfoljning(case, None, CONTEXT),
        "avslut": build_avslutsanteckning(case, CONTEXT),
        "kallelse": build_kallelse(case, CONTEXT),
    }


@pytest.fixture(scope="module")
def closed():
    return make_closed_case()


@pytest.fixture(scope="module")
def texts(closed) -> dict[str, tuple[PdfReader, str]]:
    return {name: read(data) for name, data in every_document(closed).items()}


def test_kartlaggning_has_documents_factor_groups_views_and_summary(texts):
    _, text = texts["kartläggning"]
    for expected in (
        "Påbörjad 2026-09-18", "avslutad 2026-11-15",
        "Registrerad skolnärvaro 2026-09-18 2026-09-22 Utdrag v. 34–38", "Åtgärdsprogram 2026-09-18 ej mottagen",
        "Intyg från BUP",
        "Skolrelaterade faktorer", "Socialt klimat", "Den pedagogiska situationen", "matematiken upplevs",
        "Individrelaterade faktorer", "Ångest", "Oro på morgnarna",
        "Familjerelaterade faktorer", "Kommunikation och samspel i familjen", "mamma arbetar skift",
        "Ytterligare faktorer", "Kamratfaktorer", kartlaggning.NO_NOTES,
        "Skyddsfaktorer", "Tillitsfull relation", "Föräldrars engagemang i skolgången", "relation till kuratorn",
        KARTLAGGNING_GUARDIANS_VIEW, KARTLAGGNING_STUDENT_VIEW, "Det som fungerar är relationen",
    ):
        assert expected in text, expected
    assert "Neuropsykiatrisk" not in text  # not marked


def test_uppfoljning_rates_each_goal_against_baseline_and_target(texts, closed):
    _, text = texts["uppföljning"]
    for expected in ("Uppföljning 2027-01-28 · handlingsplan version 1", "När ärendet aktualiserades 46 %",
                     "Vid uppföljningen 2027-01-28 22,5 %", FOLLOW_UP_SUMMARY):
        assert expected in text, expected
    for goal in closed.current_plan.goals:
        assert goal.description in text and goal.baseline in text and goal.target in text
    for rating in ("Uppnått Kommentar till mål 1", "Delvis uppnått Kommentar till mål 2",
                   "Ej uppnått Kommentar till mål 3"):
        assert rating in text
    # the round ended with closing the case: that is what happens next, with who decided
    assert FOLLOW_UP_OUTCOMES[Stage.AVSLUTAD] in text and "Skäl: Målen är uppnådda" in text
    assert "Beslutat 2027-03-05 av Jonas Ahlström" in text and uppfoljning.UNDECIDED not in text
    for name in ("Måns Ödegård (elev)", "Åsa Ödegård (vårdnadshavare)", "Jonas Ahlström (skolsocionom)",
                 "Underskrift", "Namnförtydligande", "För socialtjänsten"):
        assert name in text


def test_uppfoljning_next_step_follows_the_recorded_move():
    case = with_kartlaggning(make_case())
    move(case, Stage.UPPFOLJNING, FOLLOW_UP_DATE)
    first = add_follow_up(case)
    _, text = read(build_uppfoljning(case, first, CONTEXT))
    assert uppfoljning.UNDECIDED in text and "Planen revideras" in text  # the boxes to tick
    case.current_plan.follow_up_on = dt.date(2027, 4, 1)
    move(case, Stage.GENOMFORANDE, FOLLOW_UP_DATE, comment="Vi fortsätter med morgonmötena.")
    _, text = read(build_uppfoljning(case, first, CONTEXT))
    assert FOLLOW_UP_OUTCOMES[Stage.GENOMFORANDE] in text
    assert "Nästa uppföljning: 2027-04-01" in text and "Vi fortsätter med morgonmötena." in text
    move(case, Stage.UPPFOLJNING, dt.date(2027, 4, 1))
    second = add_follow_up(case, dt.date(2027, 4, 1), summary="Andra uppföljningen.")
    move(case, Stage.PLANERING, dt.date(2027, 4, 2))
    _, text = read(build_uppfoljning(case, None, CONTEXT))  # the latest: the second
    assert "Andra uppföljningen." in text and FOLLOW_UP_OUTCOMES[Stage.PLANERING] in text
    assert second is case.follow_ups[-1]


def test_avslut_has_reason_note_last_ratings_referrals_and_booster(texts):
    _, text = texts["avslut"]
    for expected in ("Ärendet avslutades 2027-03-05", "Skäl Målen är uppnådda", CLOSING_NOTE,
                     "Uppnått vid uppföljningen 2027-01-28", "Ej uppnått",
                     "Hänvisning 2027-02-10 BUP Södra Bedömning av oro", "Samordnad individuell plan (SIP)",
                     "Planerad till 2027-06-02", "Skolsocionom: Jonas Ahlström"):
        assert expected in text, expected


def test_avslut_takes_the_latest_rating_of_each_goal():
    case = make_closed_case()
    later = add_follow_up(case, dt.date(2027, 3, 1))
    later.ratings[0].comment = "Senare bedömning"
    _, text = read(build_avslutsanteckning(case, CONTEXT))
    assert "Senare bedömning" in text and "Kommentar till mål 1" not in text
    assert "vid uppföljningen 2027-03-01" in text


def test_kallelse_is_addressed_by_name_with_date_and_contact(texts):
    reader, text = texts["kallelse"]
    assert len(reader.pages) == 1
    assert "Till: Måns Ödegård, Åsa Ödegård och Jörgen Ödegård-Renée" in text
    assert f"{weekday_label(BOOSTER_ON)} 2027-06-02" in text and weekday_label(BOOSTER_ON) == "onsdag"
    for expected in ("Tid", "Plats", kallelse.CHANGE_TIME, "Storgatan 1, 123 45 Äppelviken", "Telefon 08-000 00 00",
                     "Jonas Ahlström"):
        assert expected in text


def test_kallelse_to_one_guardian_and_interpreter():
    case = make_closed_case()
    case.student.guardians[1].interpreter_language = "polska"
    _, text = read(build_kallelse(case, CONTEXT, to="  jörgen  ödegård-renée "))
    assert "Till: Jörgen Ödegård-Renée" in text and "Åsa" not in text
    assert "Vi bokar tolk på polska." in text
    with pytest.raises(MissingData) as raised:
        build_kallelse(case, CONTEXT, to="Någon Annan")
    assert raised.value.missing is Missing.RECIPIENT


def test_kallelse_without_contact_lines_names_the_socionom():
    _, text = read(build_kallelse(make_closed_case(), ReportContext(team_name="SST Äppelviken")))
    assert "Ni når oss genom Jonas Ahlström." in text


@pytest.mark.parametrize("protected", [False, True])
def test_no_addresses_or_phone_numbers_and_no_school_when_protected(protected):
    case = make_closed_case(protected=protected)
    for name, data in every_document(case).items():
        _, text = read(data)
        assert "Hemlig gatan" not in text and "070-000" not in text, name
        assert "Måns Ödegård" in text, name
        if protected or name == "kallelse":
            assert "Äppelvikens skola" not in text, name
        else:
            assert "Äppelvikens skola" in text, name
        if protected and name != "kallelse":
            assert "skyddade personuppgifter" in text, name
    _, letter = read(build_kallelse(case, CONTEXT))
    assert "20120415" not in letter  # a letter needs no personnummer


def test_every_page_has_team_student_date_and_page_numbers(texts):
    for name, (reader, _) in texts.items():
        pages = len(reader.pages)
        for number, page in enumerate(reader.pages, start=1):
            content = page.extract_text()
            assert "Skolsociala teamet Äppelviken" in content, name
            assert "Måns Ödegård" in content, name
            assert "Utskriven 2027-03-06 av Jonas Ahlström" in content, name
            assert f"Sida {number} av {pages}" in content, name
        assert "Måns" not in reader.metadata.title and reader.metadata.author == "Jonas Ahlström"  # name kept out


def test_twelve_goals_and_a_long_summary_continue_onto_further_pages():
    case = with_kartlaggning(make_case(goals=12, insatser=2))
    summary = ("Lång sammanfattning om läget i skolan och hemma. " * 62)[:3000] + " SLUTORD"
    assert len(summary) > 3000
    add_follow_up(case, summary=summary)
    reader, text = read(build_uppfoljning(case, None, CONTEXT))
    assert len(reader.pages) >= 3
    assert "(delmål 2)" in text and "Kommentar till mål 12" in text and "SLUTORD" in text
    assert f"Sida {len(reader.pages)} av {len(reader.pages)}" in reader.pages[-1].extract_text()


def test_long_kartlaggning_notes_and_closing_note_wrap_across_pages():
    case = make_closed_case()
    case.kartlaggning.summary = ("Ett långt stycke om läget. " * 80 + "\n\n") * 5 + "KARTSLUT"
    case.closing_note = "Början " + "ett ord " * 1500 + "AVSLUTSLUT"  # one paragraph longer than a page
    reader, text = read(build_kartlaggning(case, CONTEXT))
    assert len(reader.pages) >= 3 and "KARTSLUT" in text
    reader, text = read(build_avslutsanteckning(case, CONTEXT))
    assert len(reader.pages) >= 3 and "AVSLUTSLUT" in text


def test_missing_data_raises_a_code_the_ui_can_word():
    case = make_case()  # in genomförande: no kartläggning, follow-up, closing or boosterträff yet
    cases = [(build_kartlaggning, Missing.KARTLAGGNING, kartlaggning),
             (lambda c, ctx: build_uppfoljning(c, None, ctx), Missing.FOLLOW_UP, uppfoljning),
             (build_avslutsanteckning, Missing.CLOSING, avslut), (build_kallelse, Missing.BOOSTER, kallelse)]
    for build, missing, module in cases:
        assert not module.available(case)
        with pytest.raises(ValueError) as raised:
            build(case, CONTEXT)
        assert isinstance(raised.value, MissingData) and raised.value.missing is missing
        assert raised.value.document == module.TITLE


def test_a_follow_up_of_another_case_is_refused():
    stranger = add_follow_up(with_kartlaggning(make_case()))
    with pytest.raises(MissingData):
        build_uppfoljning(make_closed_case(), stranger, CONTEXT)


def test_sparse_records_print_their_empty_notes():
    case = make_case(goals=0, insatser=0)
    case.kartlaggning = type(with_kartlaggning(make_case()).kartlaggning)()  # started, nothing filled in
    _, text = read(build_kartlaggning(case, CONTEXT))
    for note in (kartlaggning.NO_DOCUMENTS, kartlaggning.NO_FACTORS, kartlaggning.NO_PROTECTIVE,
                 kartlaggning.NO_SUMMARY, kartlaggning.NO_STUDENT_VIEW, "pågår"):
        assert note in text
    add_follow_up(case, summary="", absence=None)
    case.absence_percent = None
    _, text = read(build_uppfoljning(case, None, CONTEXT))
    assert uppfoljning.NO_RATINGS in text and uppfoljning.NO_SUMMARY in text and "uppgift saknas" in text
    case.closed_on, case.plans = dt.date(2027, 1, 30), []
    _, text = read(build_avslutsanteckning(case, CONTEXT))
    for note in (avslut.NO_PLAN, avslut.NO_REFERRALS, avslut.NO_BOOSTER, avslut.NO_NOTE, "Ej angivet"):
        assert note in text


def test_user_text_is_printed_literally():
    case = make_closed_case()
    case.closing_note = "Närvaro <b>över</b> 80 % & inga <sena> ankomster"
    _, text = read(build_avslutsanteckning(case, CONTEXT))
    assert "Närvaro <b>över</b> 80 % & inga <sena> ankomster" in text


def test_every_fixed_text_has_glyphs():
    fixed = [v for module in MODULES for k, v in vars(module).items() if k.isupper() and isinstance(v, str)]
    fixed += [c for c in uppfoljning.CHOICES] + list(FOLLOW_UP_OUTCOMES.values())
    assert all(not missing_glyphs(t) for t in fixed), [t for t in fixed if missing_glyphs(t)]


@pytest.mark.parametrize(("value", "expected"), [(46.0, "46 %"), (12.5, "12,5 %"), (0.0, "0 %"),
                                                  (None, "uppgift saknas")])
def test_percent_label(value, expected):
    assert percent_label(value) == expected
