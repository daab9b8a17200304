"""``sst-desk print KIND`` and ``sst-desk print batch``: checked, logged, consent respected; and the printout list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.__main__ import main
from sst_desk.services.printing import PLAN_STAGES, plan_to_print
from sst_desk.reports.kinds import KINDS, available_kinds
from sst_desk.security import signin
from sst_desk.workflow.consent_rules import consent_missing
from doors import door

PASSWORD = "demo-losenord"


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # these tests read the English sentences (Swedish: test_cli_safety)
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("print") / "demo.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SST_DESK_DATA_DIR", str(path.parent / "data"))
        patch.setenv("SST_DESK_USER", "tove")
        patch.setenv("SST_DESK_PASSWORD", PASSWORD)
        assert main(["demo", "--db", str(path), "--students", "40", "--seed", "3"]) == 0
    return path


@pytest.fixture
def demo_db(template: Path, tmp_path: Path) -> Path:
    """The test's own copy of the closed demo database and its key file (the demo is made once per module)."""
    import shutil

    from sst_desk.security.keyfile import key_file_for

    file = tmp_path / "db" / "demo.sqlite3"
    file.parent.mkdir(parents=True)
    shutil.copy2(template, file)
    shutil.copy2(key_file_for(template), key_file_for(file))
    return file


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def prints_in_log(file: Path) -> list[tuple[str, int, str]]:
    db = signin.sign_in(file, "tove", PASSWORD)
    try:
        from doors import door

        return [(r.username, r.case_id, r.detail) for r in reversed(door(db).accesslog.query_log(action="print"))]
    finally:
        db.close()


def current_plans_for(db, *, team: bool) -> list:
    """The cases a batch of the whole visible team would print: the candidates with a plan worth printing."""
    ids = door(db).printing.batch_candidates(dt.date.today()).case_ids(team=team)
    found = [c for c in (door(db).cases.load_case(i) for i in ids) if plan_to_print(c) is not None]
    return sorted(found, key=lambda c: (c.student.school.casefold(), c.student.last_name.casefold(),
                                        c.student.first_name.casefold()))  # as a lead sorts a pile of paper


def plans(file: Path) -> list:
    db = signin.sign_in(file, "tove", PASSWORD)
    try:
        return current_plans_for(db, team=True)
    finally:
        db.close()


def test_help_offers_exactly_the_kinds_whose_builder_exists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "print", "--help")
    assert code == 0 and "batch" in out and "handlingsplan" in out
    offered = {k.name for k in available_kinds()}
    assert "handlingsplan" in offered
    for kind in KINDS:
        assert (f"    {kind.name}" in out) == (kind.name in offered), kind.name
    code, out, _ = run(capsys, "print", "batch", "--help")
    assert code == 0 and "--school" in out and "--all" in out and "--out" in out


def test_a_plan_without_consent_is_not_printed(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                               tmp_path: Path) -> None:
    db = signin.sign_in(demo_db, "tove", PASSWORD)
    try:
        ids = door(db).printing.batch_candidates(dt.date.today()).case_ids(team=True)
        cases = [door(db).cases.load_case(i) for i in ids]
    finally:
        db.close()
    lacking = next(c for c in cases if plan_to_print(c) and consent_missing(c, dt.date.today()))
    out_file = tmp_path / "plan.pdf"
    code, out, err = run(capsys, "print", "handlingsplan", "--case", str(lacking.id), "--db", str(demo_db),
                         "--out", str(out_file))
    assert code == 1 and out == "" and "no valid samtycke" in err and "Nothing was written" in err
    assert not out_file.exists()
    assert all(case_id != lacking.id for _, case_id, _ in prints_in_log(demo_db))


def test_batch_of_the_team_prints_every_plan_with_consent_and_names_the_rest(
        capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path) -> None:
    expected = plans(demo_db)
    today = dt.date.today()
    ok = [c for c in expected if not consent_missing(c, today)]
    skipped = [c for c in expected if consent_missing(c, today)]
    assert ok and skipped, "the demo seed should give both"
    out_file = tmp_path / "alla.pdf"
    code, out, err = run(capsys, "print", "batch", "--all", "--db", str(demo_db), "--out", str(out_file),
                         "--team-name", "SST Testby")
    assert code == 0, err
    assert f"Wrote {len(ok)} handlingsplaner" in out
    assert f"Skipped {len(skipped)} without a valid samtycke" in out
    for case in skipped:
        assert f"{case.student.full_name} (case {case.id})" in out
    reader = PdfReader(out_file)
    assert [item.title.split(" – ")[0] for item in reader.outline] == [c.student.full_name for c in ok]
    text = "\n".join(page.extract_text() for page in reader.pages)
    for case in ok:
        assert case.student.full_name in text
        assert case.current_plan.goals[0].description.split()[0] in text
    for case in skipped:
        assert f"Handlingsplan  ·  {case.student.full_name}" not in text
    assert text.count("Sida 1 av") == len(ok)  # each plan numbers its own pages
    assert "SST Testby" in text and "Underskrift" in text
    assert reader.metadata.title == "Handlingsplaner – hela teamet" and reader.metadata.author == "Tove Ek"
    logged = [(case_id, detail) for user, case_id, detail in prints_in_log(demo_db) if user == "tove"]
    assert sorted(logged) == sorted((c.id, f"handlingsplan v{c.current_plan.version} (batch)") for c in ok)


def test_batch_of_one_school(capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path) -> None:
    today = dt.date.today()
    printable = [c for c in plans(demo_db) if not consent_missing(c, today)]
    school = printable[0].student.school
    out_file = tmp_path / "skola.pdf"
    code, out, err = run(capsys, "print", "batch", "--school", school, "--db", str(demo_db), "--out", str(out_file))
    assert code == 0, err
    names = [item.title.split(" – ")[0] for item in PdfReader(out_file).outline]
    assert names == [c.student.full_name for c in printable if c.student.school == school]


def test_batch_of_an_unknown_school_writes_nothing(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                                   tmp_path: Path) -> None:
    out_file = tmp_path / "ingen.pdf"
    code, out, err = run(capsys, "print", "batch", "--school", "Finns inte-skolan", "--db", str(demo_db),
                         "--out", str(out_file))
    assert code == 1 and "Finns inte-skolan" in err and "nothing was written" in err
    assert not out_file.exists()


def test_batch_needs_a_choice(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "print", "batch", "--out", str(tmp_path / "x.pdf"))
    assert code == 2 and "--school" in err


def test_a_worker_batches_only_their_own_cases(demo_db: Path) -> None:
    sara = signin.sign_in(demo_db, "sara", PASSWORD)
    try:
        theirs = current_plans_for(sara, team=True)
        candidates = door(sara).printing.batch_candidates(dt.date.today())
    finally:
        sara.close()
    lead_sees = {c.id for c in plans(demo_db)}
    sara_id = next(uid for uid, name in candidates.workers if name == "Sara Lind")
    assert theirs and {c.id for c in theirs} < lead_sees  # the demo gives Karin (and nobody) cases of their own
    assert all(candidates.members[c.id] >= {sara_id} for c in theirs)
    assert all(c.stage in PLAN_STAGES for c in theirs)


def test_printed_documents_lists_each_print_newest_first(capsys: pytest.CaptureFixture[str], demo_db: Path,
                                                         tmp_path: Path) -> None:
    today = dt.date.today()
    case = next(c for c in plans(demo_db) if not consent_missing(c, today))
    for name in ("a.pdf", "b.pdf"):
        assert run(capsys, "print", "handlingsplan", "--case", str(case.id), "--db", str(demo_db),
                   "--out", str(tmp_path / name))[0] == 0
    assert run(capsys, "print", "batch", "--school", case.student.school, "--db", str(demo_db),
               "--out", str(tmp_path / "c.pdf"))[0] == 0
    db = signin.sign_in(demo_db, "tove", PASSWORD)
    try:
        found = door(db).printing.printed_documents(case.id)
    finally:
        db.close()
    version = case.current_plan.version
    assert [(who, detail) for _, who, detail in found] == [
        ("Tove Ek", f"handlingsplan v{version} (batch)"), ("Tove Ek", f"handlingsplan v{version}"),
        ("Tove Ek", f"handlingsplan v{version}")]
    assert found[0].at >= found[1].at >= found[2].at and found[0].at.tzinfo is not None
    adam = signin.sign_in(demo_db, "adam", PASSWORD)  # the administrator sees no case, nor its printouts
    try:
        from sst_desk.persistence import AccessDeniedError

        with pytest.raises(AccessDeniedError):
            door(adam).printing.printed_documents(case.id)
    finally:
        adam.close()


def test_a_document_the_case_holds_nothing_for_is_refused_in_a_sentence(capsys: pytest.CaptureFixture[str],
                                                                        demo_db: Path, tmp_path: Path) -> None:
    """Regression: an uppföljningsprotokoll of a case without a recorded uppföljning was an unexpected error."""
    db = signin.sign_in(demo_db, "tove", PASSWORD)
    try:
        rows = door(db).cases.case_rows(dt.date.today())
        case_id = next(r.case_id for r in rows if not door(db).cases.load_case(r.case_id).follow_ups)
    finally:
        db.close()
    out_file = tmp_path / "u.pdf"
    code, _out, err = run(capsys, "print", "uppfoljning", "--case", str(case_id), "--db", str(demo_db),
                          "--out", str(out_file))
    assert code == 1 and f"Case {case_id} holds nothing for the uppfoljning yet" in err
    assert not out_file.exists()
