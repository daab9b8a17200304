"""The settings service: every signed-in person reads the team's settings, an administrator changes them."""

from __future__ import annotations

import pytest
from fake_settings import ADMIN, LEAD, WORKER, FakeStore, fake_uow

from sst_desk.options import SettingProblem, TeamSettings
from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.services import Door
from sst_desk.services import settings as service
from sst_desk.services.settings import SettingsRefused

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


def test_a_team_without_settings_reads_the_defaults(store):
    assert Door(fake_uow(store), WORKER).settings.team_settings() == TeamSettings()
    assert store.log == [] and store.commits == 0  # reading is not logged: it says nothing about a student


def test_an_administrator_changes_them_checked_and_logged(store):
    door = Door(fake_uow(store), ADMIN)
    changed = door.settings.change_team_settings({"retention_years": 7.0, "team_name": " SST Norr ",
                                                  "team_contact": "Box 1\n\nTelefon 08-1\n", "team_logo": PNG})
    assert (changed.retention_years, changed.team_name, changed.team_contact) == (7, "SST Norr", "Box 1\nTelefon 08-1")
    assert changed.team_logo == PNG
    assert Door(fake_uow(store), WORKER).settings.team_settings() == changed  # every laptop reads the same
    assert store.log == [("adam", "settings_changed", "retention_years=7,team_contact,team_logo,team_name")]
    assert {row.updated_by for row in store.rows.values()} == {"adam"}


def test_only_what_differs_is_written(store):
    door = Door(fake_uow(store), ADMIN)
    door.settings.change_team_settings({"booster_months": 4})
    door.settings.change_team_settings({"booster_months": 4, "retention_years": 5})
    assert set(store.rows) == {"booster_months"} and len(store.log) == 1


@pytest.mark.parametrize("actor", [LEAD, WORKER], ids=lambda a: a.role.value)
def test_who_may_not_edit_settings_is_refused_and_the_refusal_logged(store, actor):
    with pytest.raises(AccessDeniedError):
        Door(fake_uow(store), actor).settings.change_team_settings({"retention_years": 1})
    assert store.rows == {}
    assert store.log == [(actor.username, "denied", "settings:edit")]


def test_values_out_of_range_are_refused_and_nothing_is_written(store):
    door = Door(fake_uow(store), ADMIN)
    with pytest.raises(SettingsRefused) as refused:
        door.settings.change_team_settings({"retention_years": 51, "booster_months": 2.5, "team_name": "Ny"})
    assert refused.value.problems == {"retention_years": SettingProblem.RANGE, "booster_months": SettingProblem.RANGE}
    assert store.rows == {} and store.log == []


def test_the_limits_are_checked_against_the_stored_ones(store):
    door = Door(fake_uow(store), ADMIN)
    door.settings.change_team_settings({"absence_alert_percent": 40})
    with pytest.raises(SettingsRefused) as refused:
        door.settings.change_team_settings({"absence_warn_percent": 45})  # above the stored high limit
    assert refused.value.problems == {"absence_alert_percent": SettingProblem.ALERT_NOT_ABOVE_WARN}
    with pytest.raises(SettingsRefused) as unknown:
        door.settings.change_team_settings({"language": "en"})  # this computer's, not the team's
    assert unknown.value.problems == {"language": SettingProblem.UNKNOWN}
    assert door.settings.team_settings().absence_warn_percent == 10


def test_the_first_start_adopts_this_computers_values_once(store):
    first = Door(fake_uow(store), WORKER)  # whoever starts first after the upgrade
    assert first.settings.adopt_computer_settings({"team_contact": " Box 1 ", "team_logo": PNG,
                                                   "retention_years": 8})
    assert not Door(fake_uow(store), LEAD).settings.adopt_computer_settings({"team_contact": "Box 2"})
    team = first.settings.team_settings()
    assert (team.team_contact, team.team_logo, team.retention_years) == ("Box 1", PNG, 8)
    assert store.log == [("sara", "settings_changed", "computer:retention_years=8,team_contact,team_logo")]


def test_adopting_leaves_out_what_the_registry_refuses(store):
    door = Door(fake_uow(store), ADMIN)
    assert door.settings.adopt_computer_settings({"booster_months": 99, "absence_warn_percent": 60,
                                                  "team_name": "SST Syd", "language": "en"})
    team = door.settings.team_settings()
    # 60 % is not below the default high limit (50 %): the pair keeps its defaults; 99 months is out of range.
    assert (team.booster_months, team.absence_warn_percent, team.team_name) == (3, 10, "SST Syd")
    assert set(store.rows) == {"team_name"}


def test_nothing_to_adopt_writes_nothing(store):
    assert not Door(fake_uow(store), ADMIN).settings.adopt_computer_settings({})
    assert store.rows == {} and store.commits == 0


def test_the_door_offers_exactly_the_use_cases():
    assert service.USE_CASES == ("team_settings", "change_team_settings", "adopt_computer_settings")
    with pytest.raises(AttributeError):
        getattr(Door(fake_uow(FakeStore()), ADMIN).settings, "_store")  # noqa: B009 - the attribute access is the test
