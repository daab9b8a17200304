"""The command line signs in and then acts as the person: sign-in failures, the case list per role, printing,
the access log's check, gallring, registerutdrag and restore — run in process on a real encrypted database.

The team (``conftest.TEAM_USERS``): admin (administratör), tove (teamledare), sara (skolsocionom),
karin (kurator). Sara is responsible for Alva (closed long ago: due for gallring after one year), Cia
(genomförande: has a handlingsplan) and Dana (protected identity); Karin for Bo.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.__main__ import main
from sst_desk.persistence import cipher
from sst_desk.security.keyfile import key_file_for
from sst_desk.security.signin import unlock
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.logchain import HEAD_FORMAT

from conftest import TEST_PASSWORD, copy_team_db, make_team_db, new_case, one_line, open_as, run_cli, walk
from doors import door


class Terminal(io.StringIO):
    """Standard input that is a terminal (so a password may be asked for)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # these tests read the English sentences (Swedish: test_cli_safety)
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal unless a test says so


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("team") / "sst.sqlite3"
    make_team_db(file)
    sara = open_as(file, "sara")
    walk(sara, case=new_case(first="Alva"))  # closed 2025-04-24, boosterträff 2025-07-22
    walk(sara, until=Stage.GENOMFORANDE, case=new_case(first="Cia"))
    dana = new_case(first="Dana")
    dana.student.protected_identity = True
    door(sara).cases.add_case(dana)
    sara.close()
    karin = open_as(file, "karin")
    door(karin).cases.add_case(new_case(first="Bo"))
    karin.close()
    return file


@pytest.fixture
def team_db(template: Path, tmp_path: Path) -> Path:
    return copy_team_db(template, tmp_path / "team" / "sst.sqlite3")


run = run_cli


def fingerprint(file: Path) -> dict[str, str | None]:
    """The database, its WAL and its key file byte for byte: 'unchanged' means all three are."""
    out: dict[str, str | None] = {}
    for path in (file, Path(f"{file}-wal"), key_file_for(file)):
        out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return out


def case_ids(file: Path) -> dict[str, int]:
    db = open_as(file, None)
    try:
        return {row.student_name.split()[0]: row.case_id for row in door(db).cases.case_rows(dt.date.today())}
    finally:
        db.close()


def log_entries(file: Path) -> list[tuple]:
    conn = cipher.connect(file, unlock(file, "tove", TEST_PASSWORD))
    try:
        return conn.execute("SELECT seq, username, action, case_id, detail FROM access_log ORDER BY seq").fetchall()
    finally:
        conn.close()


def listed(capsys: pytest.CaptureFixture[str], file: Path, *user: str) -> set[str]:
    code, out, err = run(capsys, "cases", "--db", str(file), "--format", "json", *user)
    assert code == 0, err
    return {row["student"].split()[0] for row in json.loads(out)}


# --- signing in ------------------------------------------------------------------------------------------------


def test_the_user_comes_from_the_option_or_the_environment(
    capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert listed(capsys, team_db) == {"Alva", "Bo", "Cia"}  # SST_DESK_USER=tove
    assert listed(capsys, team_db, "--user", "sara") == {"Alva", "Cia", "Dana"}  # --user wins
    monkeypatch.setenv("SST_DESK_USER", "karin")
    assert listed(capsys, team_db) == {"Bo"}
    assert main(["--user", "SARA", "cases", "--db", str(team_db), "--format", "csv"]) == 0  # before the command,
    signed_in = [e for e in log_entries(team_db) if e[2] == "sign_in"]                     # any letter case
    assert [e[1] for e in signed_in[-4:]] == ["tove", "sara", "karin", "sara"]


def test_without_a_user_name_nothing_is_opened(
    capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SST_DESK_USER")
    before = fingerprint(team_db)
    code, out, err = run(capsys, "cases", "--db", str(team_db))
    assert (code, out) == (1, "")
    assert one_line(err) == "Say who you are: add --user NAME or set SST_DESK_USER."
    assert fingerprint(team_db) == before


def test_without_a_terminal_and_without_a_password_it_says_how(
    capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SST_DESK_PASSWORD")
    monkeypatch.setattr("getpass.getpass", lambda prompt: pytest.fail("no terminal: must not prompt"))
    before = fingerprint(team_db)
    code, out, err = run(capsys, "cases", "--db", str(team_db))
    assert (code, out) == (1, "")
    assert one_line(err) == "No terminal to ask for the password on; set SST_DESK_PASSWORD for scripts."
    assert fingerprint(team_db) == before


def test_on_a_terminal_the_password_is_asked_for_once(
    capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SST_DESK_PASSWORD")
    monkeypatch.setattr("sys.stdin", Terminal())
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or TEST_PASSWORD)
    assert listed(capsys, team_db, "--user", "karin") == {"Bo"}
    assert prompts == ["Password for karin: "]

    monkeypatch.setattr("getpass.getpass", lambda prompt: "")
    code, _, err = run(capsys, "cases", "--db", str(team_db))
    assert code == 1 and one_line(err) == "No password given; nothing was done."

    def interrupted(prompt: str) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("getpass.getpass", interrupted)
    code, _, err = run(capsys, "cases", "--db", str(team_db))
    assert code == 1 and one_line(err) == "No password given; nothing was done."


@pytest.mark.parametrize(("user", "password"), [("tove", "fel-losenord-1"), ("nobody", TEST_PASSWORD),
                                                ("sara", TEST_PASSWORD.upper())])
def test_a_wrong_name_or_password_is_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch, user: str, password: str
) -> None:
    monkeypatch.setenv("SST_DESK_PASSWORD", password)
    monkeypatch.setattr("sst_desk.security.throttle.BASE_DELAY_S", 0.01)  # the growing wait: test_revocation.py
    before = fingerprint(team_db)
    for argv in (["cases"], ["log", "verify"], ["gallring", "--years", "1", "--run", "--yes"],
                 ["registerutdrag", "--case", "1", "--out", str(team_db.parent)]):
        code, out, err = run(capsys, *argv, "--db", str(team_db), "--user", user)
        assert (code, out) == (1, ""), argv
        assert one_line(err) == "The user name or the password is wrong; nothing was done.", argv
    assert fingerprint(team_db) == before
    # Only the count of failed tries beside it (written to the log at the next sign-in).
    assert sorted(p.name for p in team_db.parent.iterdir()) == ["sst.sqlite3", "sst.sqlite3.attempts",
                                                                "sst.sqlite3.keys"]


def test_a_switched_off_account_cannot_sign_in(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    from sst_desk.persistence import accounts
    from sst_desk.security import signin

    admin = open_as(team_db, "admin")
    try:
        signin.set_active(admin, accounts.find_user(admin, "karin").id, False)
    finally:
        admin.close()
    before = fingerprint(team_db)
    code, _, err = run(capsys, "cases", "--db", str(team_db), "--user", "karin")
    assert code == 1 and one_line(err) == "The user name or the password is wrong; nothing was done."
    assert fingerprint(team_db) == before


# --- the case list as each role --------------------------------------------------------------------------------


@pytest.mark.parametrize(("user", "visible"), [
    ("sara", {"Alva", "Cia", "Dana"}),  # her own cases, the protected one included
    ("karin", {"Bo"}),
    ("tove", {"Alva", "Bo", "Cia"}),  # every case but the protected student's she is not responsible for
    ("admin", set()),  # administrators do not read cases
])
def test_each_role_lists_the_right_cases(
    capsys: pytest.CaptureFixture[str], team_db: Path, user: str, visible: set[str]
) -> None:
    assert listed(capsys, team_db, "--user", user) == visible
    code, out, _ = run(capsys, "cases", "--db", str(team_db), "--user", user)
    assert code == 0 and out.splitlines()[-1] == {0: "No cases.", 1: "1 case."}.get(len(visible),
                                                                                      f"{len(visible)} cases.")


# --- printing --------------------------------------------------------------------------------------------------


def renew_consents(file: Path, case_id: int) -> None:
    """Every consent of the case valid until further notice (the walk's dates are fixed in 2025)."""
    db = open_as(file, None)
    try:
        case = door(db).cases.load_case(case_id)
        for consent in case.consents:
            consent.valid_until = None
        door(db).cases.save_case(case)
    finally:
        db.close()


def test_print_handlingsplan_by_a_member_and_a_refusal_for_anyone_else(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    cia = case_ids(team_db)["Cia"]
    for user in ("karin", "admin"):
        out_file = tmp_path / f"{user}.pdf"
        before = len(log_entries(team_db))
        code, out, err = run(capsys, "print", "handlingsplan", "--case", str(cia), "--db", str(team_db),
                             "--out", str(out_file), "--user", user)
        assert (code, out) == (1, ""), user
        assert one_line(err).startswith(f"You may not do this (case view case {cia}); the attempt was logged.")
        assert not out_file.exists()
        new = log_entries(team_db)[before:]
        assert [(e[1], e[2], e[3], e[4]) for e in new] == [(user, "sign_in", None, ""), (user, "denied", cia,
                                                                                             "case:view")]
    renew_consents(team_db, cia)  # sharing the plan needs a samtycke in force today (the walk's has run out)
    out_file = tmp_path / "sara.pdf"
    code, out, err = run(capsys, "print", "handlingsplan", "--case", str(cia), "--db", str(team_db),
                         "--out", str(out_file), "--user", "sara", "--team-name", "SST Testby")
    assert code == 0, err
    text = "".join(page.extract_text() for page in PdfReader(out_file).pages)
    assert "Handlingsplan" in text and "Cia" in text and "Sara Lind" in text  # printed by the signed-in person
    assert [(e[2], e[3], e[4]) for e in log_entries(team_db)[-3:]] == [
        ("sign_in", None, ""), ("view", cia, ""), ("print", cia, "handlingsplan v1")]


def test_a_protected_students_plan_is_not_printed_by_the_team_lead(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    dana = case_ids(team_db)["Dana"]
    code, _, err = run(capsys, "print", "handlingsplan", "--case", str(dana), "--db", str(team_db),
                       "--out", str(tmp_path / "dana.pdf"))
    assert code == 1 and "You may not do this" in one_line(err) and "Dana" not in err
    assert not (tmp_path / "dana.pdf").exists()


# --- the access log: export the head, verify, find tampering -----------------------------------------------


def tamper(file: Path, *statements: str) -> None:
    """Change the file directly, as someone holding the file and a password could (SQLCipher, not sqlite3)."""
    conn = cipher.connect(file, unlock(file, "tove", TEST_PASSWORD))
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def test_export_head_then_verify_against_it(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    kept = tmp_path / "usb" / "head.txt"
    kept.parent.mkdir()
    code, out, err = run(capsys, "log", "export-head", "--db", str(team_db), "--out", str(kept))
    assert code == 0, err
    seq = log_entries(team_db)[-1][0]
    assert out.strip() == (f"Wrote the head of the access log (entry {seq}) to {kept}; keep it outside the "
                           "database.")
    assert f"seq: {seq}" in kept.read_text(encoding="utf-8")
    code, out, err = run(capsys, "log", "verify", "--db", str(team_db), "--kept-head", str(kept))
    assert code == 0, err
    entries = len(log_entries(team_db)) - 1  # verifying is itself logged, after the check
    assert out.strip() == f"The access log is intact: {entries} entries, and it contains the kept head (entry {seq})."
    code, _, err = run(capsys, "log", "export-head", "--db", str(team_db), "--out", str(kept))
    assert code == 1 and one_line(err) == (f"{kept} already exists; nothing was written. Choose another name (on "
                                           "the command line, --force replaces it).")


def test_a_changed_entry_is_found_and_listed(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    (view,) = [e for e in log_entries(team_db) if e[2] == "create" and e[1] == "karin"]
    tamper(team_db, f"UPDATE access_log SET username = 'sara' WHERE seq = {view[0]}")
    code, out, _ = run(capsys, "log", "verify", "--db", str(team_db))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("The access log has been changed: 1 problem(s) in ")
    assert lines[1:] == [f"  entry {view[0]}: changed fields do not match the hash"]


def test_a_cut_off_tail_is_found_with_the_kept_head(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    """Deleting the newest entries and fixing the head row leaves a valid chain: only the kept head shows it."""
    kept = tmp_path / "head.txt"
    assert run(capsys, "log", "export-head", "--db", str(team_db), "--out", str(kept))[0] == 0
    entries = log_entries(team_db)
    keep_to = entries[-4][0]
    tamper(team_db, f"DELETE FROM access_log WHERE seq > {keep_to}",
           f"UPDATE log_head SET seq = {keep_to}, hash = (SELECT hash FROM access_log WHERE seq = {keep_to})")
    code, out, _ = run(capsys, "log", "verify", "--db", str(team_db))
    assert code == 0 and "intact" in out  # the chain alone cannot tell
    code, out, _ = run(capsys, "log", "verify", "--db", str(team_db), "--kept-head", str(kept))
    assert code == 1
    # The sign-ins and checks since were appended over the same numbers: the kept entry is there, but another.
    assert out.splitlines()[1:] == [f"  entry {entries[-1][0]}: kept_head_different the entry differs from the "
                                    "kept head"], out


GOOD_HEAD = {"format": HEAD_FORMAT, "seq": "3", "hash": "a" * 64, "at": "2026-11-22T09:30:00+00:00"}


def head_text(**change: str | None) -> str:
    lines = {**GOOD_HEAD, **change}
    return "".join(f"{key}: {value}\n" for key, value in lines.items() if value is not None)


@pytest.mark.parametrize(("text", "why"), [  # the window's words for each problem (ui/log_verdict.py), translated
    ("", "it is not a kept head of the access log."),
    (head_text(seq=None), "it is not a kept head of the access log."),
    (head_text(seq="tre"), "the entry number (seq) must be a whole number from 1 up."),
    (head_text(hash="abc"), "the hash must be 64 characters, 0–9 and a–f."),
    (head_text(at="igår"), "the time (at) must be a date and time with a time zone."),
    (head_text(format="sst-desk-head/99"), "it was made by a newer version of SST Desk."),
    ("Inte ett huvud alls\n", "line 1 is not part of a kept head."),
])
def test_a_malformed_kept_head_is_one_line(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path, text: str, why: str
) -> None:
    kept = tmp_path / "head.txt"
    kept.write_text(text, encoding="utf-8")
    before = fingerprint(team_db)
    code, out, err = run(capsys, "log", "verify", "--db", str(team_db), "--kept-head", str(kept))
    assert (code, out) == (1, "")
    line = one_line(err)
    assert line.startswith(f"The kept head {kept} is not valid: ") and why in line, line
    assert fingerprint(team_db) == before  # refused before signing in: nothing logged


def test_a_missing_kept_head_is_one_line(capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "log", "verify", "--db", str(team_db), "--kept-head", str(tmp_path / "none.txt"))
    assert code == 1 and one_line(err) == f"The kept head {tmp_path / 'none.txt'} cannot be read."


@pytest.mark.parametrize("user", ["sara", "karin", "admin"])
def test_only_the_team_lead_verifies_the_log(capsys: pytest.CaptureFixture[str], team_db: Path, user: str) -> None:
    code, out, err = run(capsys, "log", "verify", "--db", str(team_db), "--user", user)
    assert (code, out) == (1, "")
    assert one_line(err).startswith("You may not do this (access_log read_log); the attempt was logged.")
    assert log_entries(team_db)[-1][1:] == (user, "denied", None, "access_log:read_log")


@pytest.mark.parametrize(("user", "may"), [("tove", True), ("admin", True), ("sara", False), ("karin", False)])
def test_who_exports_the_head(capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path,
                              user: str, may: bool) -> None:
    kept = tmp_path / "head.txt"
    code, _, err = run(capsys, "log", "export-head", "--db", str(team_db), "--out", str(kept), "--user", user)
    assert (code == 0) is may and kept.exists() is may, err
    assert log_entries(team_db)[-1][1:3] == (user, "export_head" if may else "denied")


# --- gallring --------------------------------------------------------------------------------------------------


def test_gallring_lists_the_due_cases_then_deletes_them(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    alva = case_ids(team_db)["Alva"]
    code, out, err = run(capsys, "gallring", "--db", str(team_db), "--years", "1")
    assert code == 0, err
    assert out.splitlines() == [
        f"{alva:>6}  {'Alva Testsson':<30}  closed 2025-04-24  due 2026-07-22",
        "1 case(s) due for gallring (1 years after avslut).",
    ]
    code, out, _ = run(capsys, "gallring", "--db", str(team_db), "--years", "50")
    assert code == 0 and out.strip() == "No closed case is due for gallring (50 years after avslut)."
    assert "Alva" in case_ids(team_db)  # listing deletes nothing

    code, out, err = run(capsys, "gallring", "--db", str(team_db), "--years", "1", "--run", "--yes")
    assert code == 0, err
    assert "Deleted 1 case(s) and 1 student(s); older backups removed: 0." in out
    assert set(case_ids(team_db)) == {"Bo", "Cia", "Dana"}
    assert [(e[2], e[3], e[4]) for e in log_entries(team_db) if e[2] == "delete"] == [
        ("delete", alva, "gallring"), ("delete", None, "gallring:student")]


def test_gallring_run_without_yes_needs_a_terminal(
    capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "gallring", "--db", str(team_db), "--years", "1", "--run")
    assert code == 1 and one_line(err) == "This cannot be undone; run it on a terminal to confirm, or add --yes."
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: "nej")
    code, out, _ = run(capsys, "gallring", "--db", str(team_db), "--years", "1", "--run")
    assert code == 1 and out.splitlines()[-1] == "Nothing was deleted."
    assert "Alva" in case_ids(team_db)


@pytest.mark.parametrize("user", ["sara", "karin", "admin"])
def test_gallring_is_refused_to_anyone_but_the_team_lead(
    capsys: pytest.CaptureFixture[str], team_db: Path, user: str
) -> None:
    for argv in (["--years", "1"], ["--years", "1", "--run", "--yes"]):
        code, out, err = run(capsys, "gallring", "--db", str(team_db), "--user", user, *argv)
        assert (code, out) == (1, "")
        assert one_line(err).startswith("You may not do this (case delete); the attempt was logged.")
    assert set(case_ids(team_db)) == {"Alva", "Bo", "Cia", "Dana"}
    assert [e[2] for e in log_entries(team_db)[-2:]] == ["sign_in", "denied"]


@pytest.mark.parametrize("years", ["0", "51"])
def test_gallring_years_out_of_range(capsys: pytest.CaptureFixture[str], team_db: Path, years: str) -> None:
    before = fingerprint(team_db)
    code, _, err = run(capsys, "gallring", "--db", str(team_db), "--years", years)
    assert code == 1 and one_line(err) == "--years must be a whole number from 1 to 50."
    assert fingerprint(team_db) == before


# --- registerutdrag --------------------------------------------------------------------------------------------


def test_registerutdrag_writes_pdf_and_json_for_a_member(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    cia = case_ids(team_db)["Cia"]
    folder = tmp_path / "utdrag"
    folder.mkdir()
    code, out, err = run(capsys, "registerutdrag", "--case", str(cia), "--db", str(team_db), "--out", str(folder),
                         "--user", "sara")
    assert code == 0, err
    pdf, data = sorted(folder.glob("*.pdf")), sorted(folder.glob("*.json"))
    assert len(pdf) == 1 and len(data) == 1, list(folder.iterdir())
    assert str(pdf[0]) in out and str(data[0]) in out and "sekretessprövning" in out
    assert pdf[0].read_bytes()[:5] == b"%PDF-"
    document = json.loads(data[0].read_text(encoding="utf-8"))
    assert "Cia" in json.dumps(document, ensure_ascii=False)
    assert "Alva" not in json.dumps(document, ensure_ascii=False)  # another student of the same worker
    assert log_entries(team_db)[-1][2:4] == ("export", cia)


@pytest.mark.parametrize("user", ["karin", "admin"])
def test_registerutdrag_is_refused_to_a_non_member(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path, user: str
) -> None:
    cia = case_ids(team_db)["Cia"]
    code, out, err = run(capsys, "registerutdrag", "--case", str(cia), "--db", str(team_db),
                         "--out", str(tmp_path), "--user", user)
    assert (code, out) == (1, "")
    assert one_line(err).startswith(f"You may not do this (case export case {cia}); the attempt was logged.")
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.json"))
    assert log_entries(team_db)[-1][1:] == (user, "denied", cia, "case:export")


def test_registerutdrag_into_a_missing_folder(capsys: pytest.CaptureFixture[str], team_db: Path,
                                              tmp_path: Path) -> None:
    before = fingerprint(team_db)
    code, _, err = run(capsys, "registerutdrag", "--case", "1", "--db", str(team_db),
                       "--out", str(tmp_path / "nowhere"))
    assert code == 1 and one_line(err) == f"The folder {tmp_path / 'nowhere'} does not exist; nothing was written."
    assert fingerprint(team_db) == before


# --- restore asks for the password -----------------------------------------------------------------------------


def test_restore_asks_for_the_password_when_there_is_a_key_file(
    capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "backup", "--db", str(team_db))[0] == 0
    (saved,) = (team_db.parent / "backups").glob("manual-*.sqlite3")
    add = open_as(team_db, "tove")
    door(add).cases.add_case(new_case(first="Efter"))
    add.close()
    monkeypatch.delenv("SST_DESK_PASSWORD")

    code, _, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes")  # no terminal
    assert code == 1 and one_line(err) == "No terminal to ask for the password on; set SST_DESK_PASSWORD for scripts."

    monkeypatch.setattr("sys.stdin", Terminal())
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or "fel-losenord-1")
    before = fingerprint(team_db)
    code, _, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes")
    assert code == 1 and one_line(err) == "The user name or the password is wrong; nothing was done."
    assert fingerprint(team_db) == before and "Efter" in case_ids(team_db)

    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or TEST_PASSWORD)
    code, _, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes", "--user", "sara")
    assert code == 1 and "may not do this (backups edit)" in one_line(err)  # a worker may not
    code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes", "--user", "admin")
    assert code == 0, err
    assert out.startswith(f"Restored {team_db.resolve()} from {saved}")
    assert prompts == ["Password for tove: ", "Password for sara: ", "Password for admin: "]
    assert "Efter" not in case_ids(team_db)


# --- backups ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("user", "may"), [("tove", True), ("admin", True), ("sara", False), ("karin", False)])
def test_only_the_team_lead_and_the_administrator_back_up(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path, user: str, may: bool
) -> None:
    """Regression: ``sst-desk backup`` signed in but never asked the matrix, so a worker could copy the whole
    database and its key file (``--out`` a USB stick) although (BACKUPS, CREATE) is not theirs."""
    out_file = tmp_path / "usb" / "kopia.sqlite3"
    out_file.parent.mkdir()
    for argv in ([], ["--out", str(out_file)]):
        code, out, err = run(capsys, "backup", "--db", str(team_db), "--user", user, *argv)
        if may:
            assert code == 0, err
            continue
        assert (code, out) == (1, "")
        assert one_line(err).startswith("You may not do this (backups create); the attempt was logged.")
        assert log_entries(team_db)[-1][1:] == (user, "denied", None, "backups:create")
    made = list((team_db.parent / "backups").glob("manual-*")) + list(out_file.parent.iterdir())
    assert bool(made) is may, made
