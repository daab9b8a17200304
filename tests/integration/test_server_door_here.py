"""The window's door on a real team server (``remote.here.ServerDoor``): what the server makes, this computer writes.

The server writes no file on a client's word. Through the window's door the same calls as on a file work:
a document printed to a file (made, checked and logged on the server; written here), the team's batch of
plans (each read and printed on the server, put together here), the registerutdrag (gathered and logged on
the server, its two files written here), the log's head (exported on the server, written here). A file that
may not be written is refused before the server is asked, so it costs no log entry.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.fileio import TargetRefused
from sst_desk.remote.client import RemoteServer
from sst_desk.remote.here import ServerDoor
from sst_desk.reports.base import ReportContext
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.consent_rules import consent_missing
from sst_desk.workflow.logchain import KeptHead

from server_harness import ADMIN, postgres_marks, team_server

pytestmark = postgres_marks(timeout=180)

WORKER = ("sara.socionom", "Sara Socionom", "Snöstorm-Tallbacka-93")
FIRST_PASSWORD = "Första-Lösen-Från-Ada-1"
TODAY = dt.date.today()
REPORT = ReportContext(team_name="Teamet i Ekbacken", printed_by=WORKER[1], printed_on=TODAY)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RemoteServer, list[int]]]:
    """A server, a client of it, and two cases of the worker's with a plan in force and valid consent."""
    from sst_desk.demo.generate import build_cases

    folder = tmp_path_factory.mktemp("server-door-here")
    with team_server(folder) as (server, certs):
        with RemoteServer(server.url, ca_file=certs.ca) as client:
            admin = client.signin(ADMIN[0], ADMIN[2])
            admin.door.accounts.create_user(WORKER[0], WORKER[1], Role.SKOLSOCIONOM, FIRST_PASSWORD)
            admin.signout()
            first = client.signin(WORKER[0], FIRST_PASSWORD)  # a first password: she chooses her own at once
            first.change_password(FIRST_PASSWORD, WORKER[2])
            first.signout()
            worker = client.signin(WORKER[0], WORKER[2])
            printable = [c for c in build_cases(12, seed=7, today=TODAY)
                         if c.stage is Stage.GENOMFORANDE and not consent_missing(c, TODAY)][:2]
            assert len(printable) == 2
            ids = [worker.door.cases.add_case(case).id for case in printable]
            worker.signout()
            yield client, ids


@pytest.fixture
def door(served) -> Iterator[ServerDoor]:
    client, _ids = served
    session = client.signin(WORKER[0], WORKER[2])
    yield ServerDoor(session.door)
    session.signout()


def prints_of(door: ServerDoor, case_id: int) -> int:
    return len(door.printing.printed_documents(case_id))


def test_a_document_printed_to_a_file_is_made_on_the_server_and_written_here(served, door, tmp_path):
    _client, (case_id, _other) = served
    before = prints_of(door, case_id)
    target = tmp_path / "Handlingsplan.pdf"
    written = door.printing.print_document(case_id, "handlingsplan", report=REPORT, today=TODAY, target=target)
    assert written == target and target.read_bytes().startswith(b"%PDF")
    assert "Teamet i Ekbacken" in "".join(page.extract_text() for page in PdfReader(target).pages)
    assert prints_of(door, case_id) == before + 1  # checked and logged on the server
    with pytest.raises(TargetRefused):  # the file is there: refused before the server is asked
        door.printing.print_document(case_id, "handlingsplan", report=REPORT, today=TODAY, target=target)
    assert prints_of(door, case_id) == before + 1
    preview = door.printing.print_document(case_id, "handlingsplan", report=REPORT, today=TODAY)
    assert isinstance(preview, bytes) and preview.startswith(b"%PDF")  # a preview: the bytes, as on a file


def test_the_batch_is_printed_on_the_server_one_plan_at_a_time_and_put_together_here(served, door, tmp_path):
    _client, ids = served
    before = [prints_of(door, case_id) for case_id in ids]
    steps: list[tuple[int, int]] = []
    target = tmp_path / "Handlingsplaner.pdf"
    outcome = door.printing.print_batch(ids, report=REPORT, today=TODAY, target=target,
                                        progress=lambda done, total: steps.append((done, total)))
    assert outcome.path == target and sorted(c.id for c in outcome.written) == sorted(ids) and not outcome.skipped
    single = len(PdfReader(io.BytesIO(door.printing.print_document(ids[0], "handlingsplan", report=REPORT,
                                                                     today=TODAY))).pages)
    assert len(PdfReader(target).pages) > single  # both plans, one after the other
    assert [prints_of(door, case_id) for case_id in ids] == [before[0] + 2, before[1] + 1]  # + the check above
    assert steps and steps[-1][0] == steps[-1][1]


def test_the_registerutdrag_is_gathered_on_the_server_and_its_files_written_here(served, door, tmp_path):
    _client, (case_id, _other) = served
    pdf, machine = door.extract.write_registerutdrag(case_id, tmp_path, REPORT)
    assert pdf.parent == tmp_path and pdf.read_bytes().startswith(b"%PDF")
    assert machine.suffix == ".json" and f'"id": {case_id}' in machine.read_text(encoding="utf-8")
    with pytest.raises(TargetRefused):  # today's files are there: replaced only when the person says so
        door.extract.write_registerutdrag(case_id, tmp_path, REPORT)
    assert door.extract.write_registerutdrag(case_id, tmp_path, REPORT, force=True) == (pdf, machine)


def test_the_logs_head_is_exported_on_the_server_and_written_here(served, tmp_path):
    client, _ids = served
    admin = client.signin(ADMIN[0], ADMIN[2])
    try:
        door = ServerDoor(admin.door)
        out = tmp_path / "head.txt"
        head = door.accesslog.export_head(out)
        kept = KeptHead.from_text(out.read_text(encoding="utf-8"))
        assert (kept.seq, kept.hash) == (head.seq, head.hash)  # the text keeps the time to the second
        with pytest.raises(TargetRefused):
            door.accesslog.export_head(out)
        assert door.accesslog.export_head(Path(out), force=True).seq > head.seq  # the export is itself logged
        assert door.gallring.resume_pending() is None  # an interrupted gallring is the server's to finish
    finally:
        admin.signout()


def test_a_schools_attendance_export_is_read_here_and_imported_on_the_server(served, door, tmp_path):
    from sst_desk.importers.file_errors import ImportFileError
    from sst_desk.importers.samples import write_csv_export

    _client, (case_id, _other) = served
    student = door.cases.load_case(case_id).student
    start = TODAY - dt.timedelta(days=TODAY.weekday() + 21)
    sample = write_csv_export(tmp_path / "v36.csv", [(student.personal_id, student.full_name)], start,
                              start + dt.timedelta(days=11), seed=5)
    checked = door.attendance.import_attendance(sample.path, sample.spec, dry_run=True)
    assert checked.dry_run and not checked.committed and not door.attendance.attendance_for_case(case_id)
    stored = door.attendance.import_attendance(sample.path, sample.spec)
    assert stored.committed and door.attendance.attendance_for_case(case_id)
    with pytest.raises(ImportFileError):  # a file that cannot be read here is said as the importer says it
        door.attendance.import_attendance(tmp_path / "saknas.csv", sample.spec)
