"""The command line over the real team server: ``sst-desk --server https://… COMMAND`` works as on a file for every
command that goes through the door, and the commands that only make sense on a file refuse with a sentence.

The server is ``sst-desk serve`` in a subprocess on its own PostgreSQL database, filled with the demo's users
and fictional cases; the commands run in this process, signing in over HTTPS with the CA file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.__main__ import main
from sst_desk.demo.users import DEMO_PASSWORD

from conftest import TEST_PASSWORD, make_team_db, open_as  # module level: docs/testing.md, the conftest trap
from doors import door
from server_harness import TeamServer, populate_demo, postgres_marks, team_server

pytestmark = postgres_marks(timeout=240)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TeamServer, Path, Path]]:
    folder = tmp_path_factory.mktemp("cli-server")
    with team_server(folder) as (server, certs):
        populate_demo(server.database, folder / "exports")
        yield server, certs.ca, folder / "exports"


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served) -> None:
    _server, ca, _exports = served
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("SST_DESK_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("SST_DESK_CA_FILE", str(ca))
    monkeypatch.setenv("SST_DESK_USER", "sara")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def url(served) -> str:
    return served[0].url


def test_cases_over_the_server_are_the_persons_own(capsys, served, monkeypatch) -> None:
    code, out, err = run(capsys, "--server", url(served), "cases", "--format", "json")
    assert code == 0, err
    sara = json.loads(out)
    monkeypatch.setenv("SST_DESK_USER", "tove")
    code, out, err = run(capsys, "cases", "--server", url(served), "--format", "json")  # after the command too
    assert code == 0, err
    tove = json.loads(out)
    assert 0 < len(sara) < len(tove)  # a worker sees her own cases, the team lead the team's
    # …except a protected student's, which only those responsible see
    assert {row["id"] for row in sara if not row["protected_identity"]} <= {row["id"] for row in tove}


def test_print_a_plan_and_a_batch_written_here_logged_there(capsys, served, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SST_DESK_USER", "tove")
    code, out, err = run(capsys, "--server", url(served), "cases", "--format", "json")
    rows = json.loads(out)
    planned = [r for r in rows if r["stage"] in ("genomforande", "uppfoljning")]
    assert planned
    out_file = tmp_path / "plan.pdf"
    done = None
    for row in planned:  # the first whose plan may be shared (a valid samtycke)
        code, out, err = run(capsys, "--server", url(served), "print", "handlingsplan", "--case",
                             str(row["id"]), "--out", str(out_file))
        if code == 0:
            done = row["id"]
            break
        assert "samtycke" in err, err
    assert done is not None and out_file.read_bytes().startswith(b"%PDF")
    assert "Wrote the handlingsplan" in out
    batch = tmp_path / "batch.pdf"
    code, out, err = run(capsys, "--server", url(served), "print", "batch", "--all", "--out", str(batch))
    assert code == 0, err
    assert len(PdfReader(batch).pages) >= 1 and "Wrote" in out
    code, out, err = run(capsys, "--server", url(served), "print", "handlingsplan", "--case", str(done),
                         "--out", str(out_file))
    assert code == 1 and "--force" in err  # never over a file without --force


def test_log_verify_and_export_head_over_the_server(capsys, served, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SST_DESK_USER", "tove")
    code, out, err = run(capsys, "--server", url(served), "log", "verify")
    assert code == 0, err
    assert "intact" in out and "keyed with the server's secret" in out and "anchored heads" in out
    head = tmp_path / "head.txt"
    code, out, err = run(capsys, "--server", url(served), "log", "export-head", "--out", str(head))
    assert code == 0, err
    assert head.is_file()
    code, out, err = run(capsys, "--server", url(served), "log", "verify", "--kept-head", str(head))
    assert code == 0 and "intact" in out, err  # the kept head checked too (a changed log would fail it)
    code, out, err = run(capsys, "--server", url(served), "log", "verify", "--log-key", str(head))
    assert code == 1 and "server's own machine" in err
    monkeypatch.setenv("SST_DESK_USER", "sara")
    code, out, err = run(capsys, "--server", url(served), "log", "verify")
    assert code == 1 and "You may not do this" in err  # refused (and logged) on the server, as on a file


def test_attendance_import_sends_the_file_and_the_server_imports_it(capsys, served, monkeypatch) -> None:
    monkeypatch.setenv("SST_DESK_USER", "tove")
    code, out, err = run(capsys, "--server", url(served), "attendance-mappings")
    assert code == 0, err
    name = out.split(" (")[0].split(":")[0].strip()
    export = next(served[2].glob("*.csv"))
    code, out, err = run(capsys, "--server", url(served), "import-attendance", str(export), "--mapping", name,
                         "--dry-run")
    assert code == 0, err
    assert "matched to" in out
    code, out, err = run(capsys, "--server", url(served), "import-attendance", str(export), "--mapping", name)
    assert code == 0, err


def test_registerutdrag_is_gathered_there_and_written_here(capsys, served, tmp_path, monkeypatch) -> None:
    code, out, err = run(capsys, "--server", url(served), "cases", "--format", "json")
    case_id = json.loads(out)[0]["id"]
    code, out, err = run(capsys, "--server", url(served), "registerutdrag", "--case", str(case_id),
                         "--out", str(tmp_path))
    assert code == 0, err
    assert sorted(p.suffix for p in tmp_path.iterdir() if p.is_file()) == [".json", ".pdf"]


def test_gallring_lists_over_the_server(capsys, served, monkeypatch) -> None:
    monkeypatch.setenv("SST_DESK_USER", "tove")
    code, out, err = run(capsys, "--server", url(served), "gallring")
    assert code == 0, err
    assert "due for gallring" in out


@pytest.mark.parametrize("argv, words", [
    (["backup"], "backed up by its operators"),
    (["backups"], "backed up by its operators"),
    (["restore", "x.sqlite3"], "backed up by its operators"),
    (["demo"], "does not write into the team server"),
])
def test_file_commands_refuse_on_the_server(capsys, served, argv, words) -> None:
    code, out, err = run(capsys, *argv[:1], "--server", url(served), *argv[1:])
    assert code == 1 and words in err and "Traceback" not in err


def test_a_wrong_password_plain_http_and_both_db_and_server_are_sentences(capsys, served, monkeypatch) -> None:
    monkeypatch.setenv("SST_DESK_PASSWORD", "not-the-password")
    code, out, err = run(capsys, "--server", url(served), "cases")
    assert code == 1 and "user name or the password is wrong" in err
    code, out, err = run(capsys, "--server", url(served).replace("https://", "http://"), "cases")
    assert code == 1 and "plain HTTP is not allowed" in err
    code, out, err = run(capsys, "--db", "x.sqlite3", "cases", "--server", url(served))
    assert code == 1 and "either --db or --server" in err


def test_the_cli_in_swedish_over_the_server(capsys, served, monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "sv_SE.UTF-8")
    code, out, err = run(capsys, "backup", "--server", url(served))
    assert code == 1 and "säkerhetskopier" in err.lower() and "ingenting gjordes" in err


def test_a_new_person_chooses_their_own_password_over_the_server_first(capsys, served, monkeypatch) -> None:
    from sst_desk.remote.client import RemoteServer
    from sst_desk.workflow.access import Role

    server, ca, _exports = served
    with RemoteServer(server.url, ca_file=ca) as remote:
        admin = remote.signin("adam", DEMO_PASSWORD)
        admin.door.accounts.create_user("nina", "Nina Ny", Role.KURATOR, "Tranbär-Skärgård-Kompass-52")
        admin.signout()
    monkeypatch.setenv("SST_DESK_USER", "nina")
    monkeypatch.setenv("SST_DESK_PASSWORD", "Tranbär-Skärgård-Kompass-52")
    code, out, err = run(capsys, "--server", url(served), "cases")
    assert code == 1 and "sst-desk password" in err  # nothing else until she has chosen her own
    monkeypatch.setenv("SST_DESK_NEW_PASSWORD", "sommar2024")
    code, out, err = run(capsys, "--server", url(served), "password")
    assert code == 1 and "too easy to guess" in err and "Nothing was changed" in err
    monkeypatch.setenv("SST_DESK_NEW_PASSWORD", "Nattugglan-Bergsbäck-Vass-17")
    code, out, err = run(capsys, "password", "--server", url(served))
    assert code == 0 and "new password is set" in out, err
    code, out, err = run(capsys, "--server", url(served), "cases")
    assert code == 1 and "user name or the password is wrong" in err  # the handed-over one is gone
    monkeypatch.setenv("SST_DESK_PASSWORD", "Nattugglan-Bergsbäck-Vass-17")
    code, out, err = run(capsys, "--server", url(served), "cases")
    assert code == 0, err


def test_the_password_command_on_a_database_file(capsys, tmp_path, monkeypatch) -> None:

    file = tmp_path / "team.sqlite3"
    make_team_db(file)
    admin = open_as(file, "admin")
    karin = next(u for u in door(admin).accounts.list_users() if u.username == "karin")
    door(admin).accounts.reset_password(karin.id, "Rönnbär-Fyrtorn-Segel-64")
    admin.close()
    monkeypatch.setenv("SST_DESK_USER", "karin")
    monkeypatch.setenv("SST_DESK_PASSWORD", "Rönnbär-Fyrtorn-Segel-64")
    code, out, err = run(capsys, "cases", "--db", str(file))
    assert code == 1 and "sst-desk password" in err
    monkeypatch.setenv("SST_DESK_NEW_PASSWORD", "Rönnbär-Fyrtorn-Segel-64")
    code, out, err = run(capsys, "password", "--db", str(file))
    assert code == 1 and "other than the current one" in err
    monkeypatch.setenv("SST_DESK_NEW_PASSWORD", "Hjortron-Myrmark-Lada-39")
    code, out, err = run(capsys, "password", "--db", str(file))
    assert code == 0, err
    monkeypatch.setenv("SST_DESK_PASSWORD", "Hjortron-Myrmark-Lada-39")
    code, out, err = run(capsys, "cases", "--db", str(file))
    assert code == 0, err
    assert TEST_PASSWORD != "Hjortron-Myrmark-Lada-39"


def test_an_attendance_file_sent_over_the_wire_is_named_by_its_last_part_only(served, tmp_path) -> None:
    """The server writes what a client sends only into a private temporary folder, under the file's own name."""
    from sst_desk.remote.client import RemoteServer

    server, ca, exports = served
    export = next(exports.glob("*.csv"))
    escape = Path("/tmp") / f"sst-desk-escape-{tmp_path.name}.csv"
    with RemoteServer(server.url, ca_file=ca) as remote:
        tove = remote.signin("tove", DEMO_PASSWORD)
        spec = tove.door.attendance.attendance_mappings()[0]
        result = tove.door.attendance.import_attendance_data(f"../../../../tmp/{escape.name}", export.read_bytes(),
                                                             spec, dry_run=True)
        assert result.file_name == escape.name and not escape.exists()
        with pytest.raises(ValueError):
            tove.door.attendance.import_attendance_data("..", b"x", spec, dry_run=True)
        tove.signout()

