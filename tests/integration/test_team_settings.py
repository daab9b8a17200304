"""Team settings on a real database file: two laptops read the same rules; the old per-computer values move in once."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from logpeople import make_team
from PIL import Image

from sst_desk.persistence import Database, migrate
from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.persistence.mapping import access_log, team_settings
from sst_desk.services import Door
from sst_desk.settings import Settings, computer_team_values, read_team_settings

# At module level: inside a test, "conftest" may already be tests/ui's (docs/testing.md, "Trap").
from conftest import TEST_PASSWORD, make_team_db, new_case, open_as, run_cli, walk


@pytest.fixture
def team(tmp_path: Path):
    made = make_team(tmp_path)
    made.laptops = []  # the other computers' connections, closed with the team
    yield made
    for db in made.laptops:
        db.close()
    made.db.close()


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    Image.new("RGB", (60, 20), "navy").save(path)
    return path


def laptop(team, who: str) -> Door:
    """Another computer of the team: its own connection to the same database file, signed in as ``who``."""
    db = Database.open(team.path, key=team.key)
    db.actor = team.people[who]
    team.laptops.append(db)
    return Door(db.uow, db.actor)


def old_settings_file(path: Path, **values: str) -> Settings:
    """A settings file as SST Desk wrote it before the team's database held the team's settings."""
    from PySide6.QtCore import QSettings

    store = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()
    del store
    return Settings.from_file(str(path))


def test_two_laptops_of_one_team_read_the_same_settings(team, logo):
    first, second = laptop(team, "admin"), laptop(team, "sara")
    first.settings.change_team_settings({"retention_years": 7, "team_logo": logo.read_bytes(),
                                         "team_contact": "Box 1\nTelefon 08-1"})
    seen = second.settings.team_settings()
    assert (seen.retention_years, seen.team_logo, seen.team_contact) == (7, logo.read_bytes(), "Box 1\nTelefon 08-1")
    with pytest.raises(AccessDeniedError):  # a worker on the other laptop cannot change the rule back
        second.settings.change_team_settings({"retention_years": 1})
    assert first.settings.team_settings().retention_years == 7
    with team.db.engine.connect() as conn:
        rows = conn.execute(sa.select(team_settings.c.name, team_settings.c.updated_by)).all()
        logged = conn.execute(sa.select(access_log.c.username, access_log.c.action, access_log.c.detail)
                              .where(access_log.c.action.in_(["settings_changed", "denied"]))
                              .order_by(access_log.c.seq)).all()
    assert sorted(rows) == [("retention_years", "admin"), ("team_contact", "admin"), ("team_logo", "admin")]
    assert logged == [("admin", "settings_changed", "retention_years=7,team_contact,team_logo"),
                      ("sara", "denied", "settings:edit")]


def test_the_first_start_after_the_upgrade_keeps_this_computers_logo_and_lines(team, logo, tmp_path):
    anna = old_settings_file(tmp_path / "anna.ini", **{
        "team/name": "SST Norr", "documents/logo_path": str(logo), "documents/contact_lines": "Box 1\nTelefon 08-1",
        "retention/years_after_close": "8", "attendance/warn_percent": "300", "ui/language": "en"})
    assert computer_team_values(anna) == {"team_name": "SST Norr", "team_logo": logo.read_bytes(),
                                          "team_contact": "Box 1\nTelefon 08-1", "retention_years": 8}
    bo = old_settings_file(tmp_path / "bo.ini", **{"team/name": "SST Syd", "retention/years_after_close": "2"})

    first = read_team_settings(laptop(team, "kim"), anna)  # whoever starts first after the upgrade
    assert (first.team_name, first.team_logo, first.retention_years) == ("SST Norr", logo.read_bytes(), 8)
    assert first.absence_warn_percent == 10  # 300 % was never a valid limit: the default
    later = read_team_settings(laptop(team, "lead"), bo)  # the next laptop: the team has settings now
    assert later == first
    assert read_team_settings(laptop(team, "kim"), anna) == first  # and the first laptop's next start


def test_a_logo_path_that_no_longer_leads_to_an_image_is_not_adopted(team, tmp_path):
    (tmp_path / "gone.png").write_text("not an image")
    old = old_settings_file(tmp_path / "old.ini", **{"documents/logo_path": str(tmp_path / "gone.png")})
    assert computer_team_values(old) == {}
    assert read_team_settings(laptop(team, "kim"), old).team_logo == b""


def test_a_database_from_before_team_settings_is_upgraded_with_an_empty_table(tmp_path: Path, logo):
    path = tmp_path / "old.sqlite3"
    with Database.open(path) as db, db.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0006")
        assert "team_settings" not in sa.inspect(conn).get_table_names()
    with Database.open(path) as db:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        door = Door(db.uow, None)  # raw storage access: no one signed in
        assert door.settings.team_settings().retention_years == 5
        assert door.settings.adopt_computer_settings({"team_logo": logo.read_bytes()})
    with Database.open(path) as db:
        assert Door(db.uow, None).settings.team_settings().team_logo == logo.read_bytes()


def test_the_command_line_gallrar_by_the_teams_retention(capsys, tmp_path: Path, monkeypatch) -> None:
    """``sst-desk gallring`` without --years: this computer's old retention is adopted once, then the team's rules."""

    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    this_computer = old_settings_file(tmp_path / "old.ini", **{"retention/years_after_close": "1"})
    monkeypatch.setattr("sst_desk.settings.Settings", lambda: this_computer)
    file = tmp_path / "team" / "sst.sqlite3"
    make_team_db(file)
    sara = open_as(file, "sara")
    walk(sara, case=new_case(first="Alva"))  # closed 2025-04-24, boosterträff 2025-07-22
    sara.close()

    code, out, err = run_cli(capsys, "gallring", "--db", str(file))
    assert code == 0, err
    assert out.splitlines()[-1] == "1 case(s) due for gallring (1 years after avslut)."  # adopted from the old file
    admin = open_as(file, "admin")
    Door(admin.uow, admin.actor).settings.change_team_settings({"retention_years": 5})
    admin.close()
    code, out, err = run_cli(capsys, "gallring", "--db", str(file))
    assert code == 0, err
    assert out.strip() == "No closed case is due for gallring (5 years after avslut)."  # the team's rule now
