"""Fixtures for persistence tests: a database file under tmp_path, fictional cases, deep snapshots.

All people here are invented. Cases are walked through the process with
``sst_desk.workflow.process.apply``, saving after every step as the UI would.
"""

from __future__ import annotations

import dataclasses
import os
import datetime as dt
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from sst_desk.persistence import Database
from sst_desk.workflow import process
from sst_desk.workflow.codes import (
    Authority,
    ClosingReason,
    ContactKind,
    DocumentKind,
    Factor,
    Gender,
    GoalArea,
    Level,
    Party,
    ProtectiveFactor,
    RaisedBy,
    Rating,
    ReferralKind,
    SchoolMeasure,
    SignerKind,
    Stage,
)
from sst_desk.workflow.entities import (
    Case,
    Consent,
    ContactEntry,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Insats,
    KartlaggningDocument,
    Referral,
    Student,
)
from sst_desk.workflow.process import Move

from sst_desk.security import keyfile as _keyfile
from sst_desk.security import passwords as _passwords
from sst_desk.services import Door

# Argon2 at OWASP cost takes ~30 ms a call; tests sign in hundreds of times. Real parameters are
# measured in benchmarks/bench_security.py.
_passwords.use_cheap_parameters_for_tests()
_keyfile.use_cheap_parameters_for_tests()


UTC = dt.timezone.utc
T0 = dt.datetime(2025, 1, 13, 8, 30, tzinfo=UTC)


def at(days: int) -> dt.datetime:
    return T0 + dt.timedelta(days=days)


def new_case(first: str = "Alva", last: str = "Testsson", school: str = "Ekbackeskolan") -> Case:
    """A fictional aktualisering with two guardians, every simple field filled in."""
    student = Student(
        first_name=first,
        last_name=last,
        school=school,
        grade=8,
        gender=Gender.FLICKA,
        guardians=[
            Guardian(name="Maja Testsson", relation="mamma", phone="070-000 00 01", email="maja@example.invalid"),
            Guardian(
                name="Olle Testsson", relation="pappa", address="Påhittade vägen 1", interpreter_language="arabiska"
            ),
        ],
    )
    return Case(
        student=student,
        raised_on=T0.date(),
        level=Level.NIVA_3,
        raised_by=RaisedBy.ELEVHALSA,
        raised_by_name="Kurator Karin",
        reason="Hög frånvaro sedan höstlovet; oro för ångest.",
        absence_percent=42.5,
        school_measures=[SchoolMeasure.FRANVAROUTREDNING, SchoolMeasure.ANPASSNINGAR],
        school_measures_note="Anpassat schema sedan oktober.",
        socionom="Socionom Sara",
        school_contact="Mentor Mats",
    )


def walk(db: Database, until: Stage | None = None, case: Case | None = None) -> Case:
    """Take a case from aktualisering through every stage, saving after each step.

    Stops once the case has reached ``until`` (None: all the way, boosterträff recorded).
    Returns the last case ``save_case`` gave back.
    """
    saved = Door(db.uow, None).cases.add_case(case or new_case())

    def step(edit: Callable[[Case], None]) -> bool:
        nonlocal saved
        current = Door(db.uow, None).cases.load_case(saved.id)
        edit(current)
        saved = Door(db.uow, None).cases.save_case(current)
        return until is not None and saved.stage is until

    def enrol(c: Case) -> None:
        c.criteria_met = True
        process.apply(c, Move.ENROL, by="socionom.sara", at=at(1), comment="Uppfyller kriterierna")
        c.set_student_view(Stage.INSKRIVNING, "Jag vill komma tillbaka till skolan.")

    def consent(c: Case) -> None:
        parties = [Party.SKOLA, Party.SOCIALTJANST, Party.ELEVHALSA]
        until_day = T0.date() + dt.timedelta(days=365)
        c.consents.append(
            Consent(SignerKind.ELEV, c.student.full_name, at(2).date(), list(parties), valid_until=until_day)
        )
        for guardian in c.student.guardians:
            c.consents.append(
                Consent(SignerKind.VARDNADSHAVARE, guardian.name, at(2).date(), list(parties), guardian=guardian)
            )
        process.apply(c, Move.START_KARTLAGGNING, by="socionom.sara", at=at(3))

    def map_situation(c: Case) -> None:
        k = c.kartlaggning
        assert k is not None
        k.documents += [
            KartlaggningDocument(kind=DocumentKind.SKOLNARVARO, requested_on=at(4).date(), received_on=at(6).date()),
            KartlaggningDocument(label="Läkarintyg", requested_on=at(4).date(), note="Väntar"),
        ]
        k.factors = [Factor.ANGEST, Factor.SOCIALT_KLIMAT]
        k.protective_factors = [ProtectiveFactor.FORALDRAENGAGEMANG]
        k.school_notes, k.family_notes, k.guardians_view = "Stökig klass.", "Föräldrar engagerade.", "Vill ha stöd."
        k.summary = "Ångest och socialt klimat ligger bakom frånvaron."
        process.apply(c, Move.START_PLANERING, by="socionom.sara", at=at(20))

    def plan(c: Case) -> None:
        p = c.current_plan
        assert p is not None
        attendance = Goal("Närvaro minst 80 %", GoalArea.SKOLNARVARO, "Närvarostatistik", "58 %", "80 %")
        wellbeing = Goal("Trivs i klassen", GoalArea.TRIVSEL, "Samtal", "Trivs inte", "Trivs")
        p.goals += [attendance, wellbeing]
        p.insatser += [
            Insats(
                "Motiverande samtal",
                "motiverande_samtal",
                "Varannan vecka",
                Authority.SOCIALTJANST,
                "Socionom Sara",
                at(21).date(),
                None,
                goal=attendance,
            ),
            Insats(
                "Anpassad studiegång",
                None,
                "",
                Authority.SKOLA,
                "Mentor Mats",
                at(22).date(),
                at(120).date(),
                goal=wellbeing,
            ),
        ]
        p.follow_up_on = at(60).date()
        p.guardians_view = "Vi ställer upp."
        process.apply(c, Move.START_GENOMFORANDE, by="socionom.sara", at=at(25))

    def work(c: Case) -> None:
        c.contacts += [
            ContactEntry(at(30).date(), ContactKind.HEMBESOK, "Alva, Maja", "Hembesök, pratade om morgnarna.", "Sara"),
            ContactEntry(at(40).date(), ContactKind.TELEFON, "Olle", "Uppföljande samtal."),
        ]
        process.apply(c, Move.START_UPPFOLJNING, by="socionom.sara", at=at(60))

    def revise(c: Case) -> None:
        p = c.current_plan
        assert p is not None
        c.follow_ups.append(
            FollowUp(
                at(61).date(), p.version, [GoalRating(g, Rating.DELVIS, "På väg") for g in p.goals], 30.0, "Bättre"
            )
        )
        process.apply(c, Move.REVISE_PLAN, by="socionom.sara", at=at(61), comment="Ny version")

    def replan(c: Case) -> None:
        p = c.current_plan
        assert p is not None
        p.follow_up_on = at(100).date()
        p.goals[1].target = "Trivs och har en kompis"
        process.apply(c, Move.START_GENOMFORANDE, by="socionom.sara", at=at(62))

    def follow_up_again(c: Case) -> None:
        process.apply(c, Move.START_UPPFOLJNING, by="socionom.sara", at=at(100))

    def close(c: Case) -> None:
        p = c.current_plan
        assert p is not None
        c.follow_ups.append(FollowUp(at(101).date(), p.version, [GoalRating(g, Rating.UPPNATT) for g in p.goals], 8.0))
        c.referrals.append(Referral(ReferralKind.HANVISNING, at(101).date(), "Ungdomsmottagningen", "Frivilligt"))
        c.closing_note = "Målen nådda."
        process.apply(c, Move.CLOSE, by="socionom.sara", at=at(101), closing_reason=ClosingReason.MAL_UPPNADDA)

    def book(c: Case) -> None:
        process.apply(c, Move.BOOK_BOOSTER, by="socionom.sara", at=at(102))

    def booster(c: Case) -> None:
        process.record_booster(c, held=True, held_on=at(190).date(), notes="Går bra.")

    for edit in (enrol, consent, map_situation, plan, work, revise, replan, follow_up_again, close, book, booster):
        if step(edit):
            break
    return saved


def snapshot(obj: Any, ids: bool = True) -> Any:
    """A deep, comparable copy of a case graph; leaves are tagged with their type (str enums equal strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {"__class__": type(obj).__name__}
        for f in dataclasses.fields(obj):
            if ids or f.name != "id":
                out[f.name] = snapshot(getattr(obj, f.name), ids)
        return out
    if isinstance(obj, list):
        return [snapshot(item, ids) for item in obj]
    if obj is None:
        return None
    if isinstance(obj, dt.datetime):
        return ("datetime", obj, obj.utcoffset())
    if isinstance(obj, Enum):
        return (type(obj).__name__, obj.value)
    return (type(obj).__name__, obj)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sst-desk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def walk_case() -> Callable[..., Case]:
    return walk


@pytest.fixture(scope="session")
def make_case() -> Callable[..., Case]:
    return new_case


@pytest.fixture(scope="session")
def snap() -> Callable[..., Any]:
    return snapshot


# --- encrypted team databases with accounts --------------------------------------------------------

TEST_PASSWORD = "test-losenord-1"
TEAM_USERS = (("admin", "Ada Admin", "administrator"), ("tove", "Tove Ek", "teamledare"),
              ("sara", "Sara Lind", "skolsocionom"), ("karin", "Karin Berg", "kurator"))


def make_team_db(file: Path) -> bytes:
    """An encrypted database at ``file`` with one account per role (password ``TEST_PASSWORD``); its key."""
    from sst_desk.security import signin
    from sst_desk.workflow.access import Role

    file.parent.mkdir(parents=True, exist_ok=True)
    db = signin.create_first_administrator(file, "admin", "Ada Admin", TEST_PASSWORD)
    try:
        for username, name, role in TEAM_USERS[1:]:
            signin.add_account(db, username, name, Role(role), TEST_PASSWORD)
        as_if_each_chose_their_own(db)
        assert db.key is not None
        return db.key
    finally:
        db.close()


def as_if_each_chose_their_own(db: Database) -> None:
    """Clear "must change password" (the command line refuses such a person): as if each had signed in once."""
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import users

    with db.uow() as uow:
        uow.session.execute(sa.update(users).values(must_change_password=False))
        uow.commit()


def open_as(file: Path, username: str | None = None) -> Database:
    """Open an encrypted team database: signed in as ``username``, or raw storage access (None)."""
    from sst_desk.security import signin

    if username is not None:
        return signin.sign_in(file, username, TEST_PASSWORD)
    return Database.open(file, key=signin.unlock(file, "tove", TEST_PASSWORD))


def copy_team_db(template: Path, file: Path) -> Path:
    """A test's own copy of a CLOSED team database and its key file (made once per module: Argon2 and walks cost).

    Only for files no connection has open: their WAL has been folded back, so the file is whole.
    """
    import shutil

    from sst_desk.security.keyfile import key_file_for

    assert not Path(f"{template}-wal").exists(), "copy a closed database only"
    file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(template, file)
    shutil.copy2(key_file_for(template), key_file_for(file))
    return file


def mount_tmpfs(folder: Path, size: str, *, read_only: bool = False) -> bool:
    """Mount a small tmpfs on ``folder``; False where that is impossible (not root, no ``mount``, a container)."""
    import subprocess

    options = f"size={size}" + (",ro" if read_only else "")
    try:
        return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                              capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def unmount(folder: Path) -> None:
    import subprocess

    subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True, timeout=30)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write in — root included (CI runs as root, who ignores a mode of 0500): a
    read-only tmpfs where it can be mounted, else the mode alone (an ordinary user)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    mounted = os.geteuid() == 0 and mount_tmpfs(folder, "1m", read_only=True)
    if not mounted:
        folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK) and not mounted:
            pytest.fail("cannot make a read-only folder here: neither a read-only mount nor the mode stops writes")
        yield folder
    finally:
        if mounted:
            unmount(folder)
        else:
            folder.chmod(0o700)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``sst-desk ARGV`` in this process: exit status, stdout, stderr."""
    from sst_desk.__main__ import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    """The one sentence a failure prints on stderr, without the program name (never a traceback)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    return lines[0].removeprefix("sst-desk: ")
