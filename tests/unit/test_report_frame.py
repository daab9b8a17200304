"""The page frame every document shares: the team's letterhead (logo, contact lines) and the PDF metadata."""

from __future__ import annotations

import datetime as dt
import io
import logging
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from sst_desk.report_settings import contact_lines, report_context_from_settings
from sst_desk.reports import ReportContext, build_handlingsplan, build_min_plan, build_samtycken
from sst_desk.options import TeamSettings
from sst_desk.reports.logo import MAX_LOGO_BYTES, LogoProblem, image_data_problem, load_logo, logo_problem, read_logo

sys.path.insert(0, str(Path(__file__).parent))
from report_cases import make_case  # noqa: E402

CONTACT = ("Äppelvikens skola, Box 123, 123 45 Stockholm", "Telefon 08-000 00 00 · sst@appelviken.example.se")


@pytest.fixture
def logo(tmp_path) -> Path:
    path = tmp_path / "logo.png"
    Image.new("RGBA", (240, 100), (31, 58, 95, 255)).save(path)
    return path


def context(**kwargs) -> ReportContext:
    return ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström",
                         printed_on=dt.date(2026, 11, 23), **kwargs)


def images_on(page) -> int:
    resources = page["/Resources"]
    objects = resources.get("/XObject", {})
    return sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")


def test_letterhead_on_the_first_page_only(logo):
    data = build_handlingsplan(make_case(goals=12, insatser=20), context(contact_lines=CONTACT, logo=logo.read_bytes()))
    reader = PdfReader(io.BytesIO(data))
    first, second = reader.pages[0], reader.pages[1]
    assert all(line in first.extract_text() for line in CONTACT)
    assert not any(line in second.extract_text() for line in CONTACT)
    assert images_on(first) == 1 and images_on(second) == 0
    assert "Skolsociala teamet Äppelviken" in second.extract_text()  # the running header as before


def test_every_samtycke_form_opens_with_the_letterhead(logo):
    data = build_samtycken(make_case(), context(contact_lines=CONTACT, logo=logo.read_bytes()))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 3
    assert all(images_on(page) == 1 and CONTACT[1] in page.extract_text() for page in reader.pages)


def test_no_letterhead_without_logo_or_contact_lines():
    reader = PdfReader(io.BytesIO(build_min_plan(make_case(), context())))
    assert images_on(reader.pages[0]) == 0
    assert "Skolsociala teamet Äppelviken" in reader.pages[0].extract_text()


@pytest.mark.parametrize("kind", ["missing", "not_image", "damaged"])
def test_a_bad_logo_is_left_out_with_a_warning_never_a_crash(tmp_path, caplog, kind):
    # The logo is stored in the team's database as it was chosen; a hand-edited row may hold anything.
    data = {"missing": b"\x89PNG", "not_image": b"not a picture", "damaged": b"\x89PNG\r\n\x1a\n" + b"\0" * 40}[kind]
    with caplog.at_level(logging.WARNING, logger="sst_desk.reports.logo"):
        data = build_min_plan(make_case(), context(contact_lines=CONTACT, logo=data))
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert images_on(page) == 0 and CONTACT[0] in page.extract_text()
    assert any("logo" in record.getMessage() for record in caplog.records)


def test_logo_problems(tmp_path, logo):
    jpeg = tmp_path / "logo.jpg"
    Image.new("RGB", (50, 20), "white").save(jpeg)
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_LOGO_BYTES)
    assert logo_problem("") is None and load_logo(b"") is None and read_logo("") == b""
    assert logo_problem(str(logo)) is None and logo_problem(str(jpeg)) is None
    assert logo_problem(str(tmp_path / "nothing.png")) is LogoProblem.MISSING
    assert logo_problem(str(tmp_path)) is LogoProblem.MISSING  # a folder
    assert logo_problem(str(big)) is LogoProblem.TOO_LARGE
    (tmp_path / "text.png").write_text("hello")
    assert logo_problem(str(tmp_path / "text.png")) is LogoProblem.NOT_IMAGE
    assert read_logo(str(logo)) == logo.read_bytes() and read_logo(str(tmp_path / "text.png")) == b""
    assert image_data_problem(logo.read_bytes()) is None and image_data_problem(jpeg.read_bytes()) is None
    assert image_data_problem(b"\x89PNG\r\n\x1a\n" + b"\0" * 40) is LogoProblem.NOT_IMAGE  # damaged
    assert image_data_problem(big.read_bytes()) is LogoProblem.TOO_LARGE


def test_pdf_metadata_for_the_archive():
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(seconds=1)
    reader = PdfReader(io.BytesIO(build_min_plan(make_case(), context())))
    meta = reader.metadata
    assert meta.title == "Min plan"  # the kind (and case number when stored); never the name (issue 10)
    assert meta.author == "Jonas Ahlström"
    assert meta.subject and meta.creator.startswith("SST Desk ")
    assert before <= meta.creation_date <= dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=1)
    unnamed = PdfReader(io.BytesIO(build_min_plan(make_case(), ReportContext(team_name="SST Norr"))))
    assert unnamed.metadata.author == "SST Norr"  # no printer named: the team is the author


def test_report_context_from_settings():
    plain = report_context_from_settings(TeamSettings(), "Tess Testare", dt.date(2026, 11, 23))
    assert (plain.team_name, plain.contact_lines, plain.logo, plain.consent_text) == ("Skolsociala teamet", (), b"", "")
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 40
    team = TeamSettings(team_name="SST Norr", team_contact="  Box 1 \n\n Telefon 08-1 \n", team_logo=png,
                        consent_text=" Vår text. ")
    made = report_context_from_settings(team, "Tess Testare", dt.date(2026, 11, 23))
    assert made == ReportContext(team_name="SST Norr", printed_by="Tess Testare", printed_on=dt.date(2026, 11, 23),
                                 contact_lines=("Box 1", "Telefon 08-1"), logo=png, consent_text="Vår text.")
    assert report_context_from_settings(team, "x", team_name="SST Syd").team_name == "SST Syd"
    assert contact_lines("a\r\nb\n  \n") == ("a", "b")
