"""The administrator's account use cases, against the fake unit of work: who may, the last administrator,
first passwords, and the key slots and re-keys that follow the accounts."""

from __future__ import annotations

import pytest

from fake_admin import FakeAdminStore
from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.security.passwords import PasswordProblem, verify_password
from sst_desk.services import Door
from sst_desk.services.errors import DuplicateUserError, LastAdministratorError, UserNotFoundError
from sst_desk.workflow.access import Role
from sst_desk.workflow.accounts import leaves_no_administrator
from sst_desk.workflow.logchain import LogAction

GOOD = "Lugn-Tofsvipa-Kvarn-42"
OTHER = "Brusande-Alkarr-Sju-19"


@pytest.fixture
def store() -> FakeAdminStore:
    store = FakeAdminStore()
    store.add_user("adam", Role.ADMINISTRATOR, display_name="Adam Admin", password=GOOD)
    store.add_user("tove", Role.TEAMLEDARE, display_name="Tove Ledare", password=GOOD)
    store.add_user("sara", Role.SKOLSOCIONOM, display_name="Sara Socionom", password=GOOD)
    return store


def door(store: FakeAdminStore, username: str) -> Door:
    actor = next(u for u in store.data.users.values() if u.username == username).actor()
    return Door(store.uow, actor)


def test_the_administrator_lists_every_account_without_hashes(store):
    users = door(store, "adam").accounts.list_users()
    assert [u.username for u in users] == ["adam", "sara", "tove"]
    assert all(u.password_hash == "" for u in users)


def test_a_team_lead_sees_the_list_to_assign_cases_but_not_the_administration(store):
    assert len(door(store, "tove").accounts.list_users(manage=False)) == 3
    with pytest.raises(AccessDeniedError):
        door(store, "tove").accounts.list_users(manage=True)
    assert store.actions()[-1] == ("tove", LogAction.DENIED, "users:view")


def test_adding_a_user_gives_a_first_password_and_its_key_slot(store):
    added = door(store, "adam").accounts.create_user("  Karin ", "Karin Kurator", Role.KURATOR, OTHER)
    assert (added.username, added.role, added.active, added.must_change_password) == (
        "karin", Role.KURATOR, True, True)
    assert verify_password(store.data.users[added.id].password_hash, OTHER)
    assert store.slots["karin"] == OTHER
    assert store.actions()[-1] == ("adam", LogAction.USER_CREATED, f"{added.id}:kurator")


def test_a_taken_name_is_refused_whatever_its_case_and_nothing_changes(store):
    before = (dict(store.slots), len(store.data.users), len(store.data.log))
    with pytest.raises(DuplicateUserError) as refused:
        door(store, "adam").accounts.create_user("SARA", "Another Sara", Role.KURATOR, OTHER)
    assert refused.value.username == "sara"
    assert (store.slots, len(store.data.users), len(store.data.log)) == before
    assert store.slots["sara"] == GOOD  # her slot was never touched


def test_bad_names_and_weak_passwords_are_refused_before_anything_changes(store):
    accounts = door(store, "adam").accounts
    for username, name in (("", "Karin"), ("karin k", "Karin"), ("karin", ""), ("karin", "Karin\u202eK")):
        with pytest.raises(ValueError):
            accounts.create_user(username, name, Role.KURATOR, OTHER)
    with pytest.raises(PasswordProblem):
        accounts.create_user("karin", "Karin Kurator", Role.KURATOR, "kort")
    with pytest.raises(PasswordProblem):  # the team's name is a guess away
        accounts.create_user("karin", "Karin Kurator", Role.KURATOR, "Ekbackens skolsociala team",
                             team_name="Ekbackens skolsociala team")
    assert len(store.data.users) == 3 and "karin" not in store.slots


def test_only_an_administrator_adds_users_and_a_refusal_is_logged(store):
    with pytest.raises(AccessDeniedError):
        door(store, "tove").accounts.create_user("karin", "Karin Kurator", Role.KURATOR, OTHER)
    assert "karin" not in store.slots and store.actions()[-1] == ("tove", LogAction.DENIED, "users:create")


def test_the_last_administrator_keeps_the_role(store):
    accounts = door(store, "adam").accounts
    with pytest.raises(LastAdministratorError):
        accounts.update_user(1, role=Role.TEAMLEDARE)
    assert store.data.users[1].role is Role.ADMINISTRATOR
    accounts.update_user(2, role=Role.ADMINISTRATOR)
    changed = accounts.update_user(1, display_name=" Adam A ", role=Role.TEAMLEDARE)
    assert (changed.display_name, changed.role) == ("Adam A", Role.TEAMLEDARE)
    assert store.actions()[-1] == ("adam", LogAction.USER_CHANGED, "1:role=teamledare")


def test_switching_off_removes_the_key_slot_and_rekeys(store):
    change = door(store, "adam").accounts.switch_off(3)
    assert not change.user.active and not store.data.users[3].active
    assert "sara" not in store.slots and store.rekeys == 1 and not store.rekey_pending
    assert change.rekey is not None and not change.rekey.pending
    assert store.actions()[-1] == ("adam", LogAction.USER_CHANGED, "3:active=False")


def test_a_rekey_that_must_wait_says_so_and_the_switch_off_stands(store):
    store.rekey_busy = True
    change = door(store, "adam").accounts.switch_off(3)
    assert change.rekey.pending and store.rekey_pending and store.rekeys == 0
    assert not store.data.users[3].active and "sara" not in store.slots


def test_the_last_administrator_and_ones_own_account_stay_on(store):
    with pytest.raises(LastAdministratorError):
        door(store, "adam").accounts.switch_off(1)
    assert store.data.users[1].active and store.slots["adam"] == GOOD and not store.rekey_pending
    door(store, "adam").accounts.update_user(2, role=Role.ADMINISTRATOR)
    with pytest.raises(ValueError):
        door(store, "adam").accounts.switch_off(1)
    assert store.data.users[1].active and store.slots["adam"] == GOOD


def test_a_reset_is_a_first_password_and_rekeys(store):
    change = door(store, "adam").accounts.reset_password(3, OTHER)
    user = store.data.users[3]
    assert user.must_change_password and verify_password(user.password_hash, OTHER)
    assert store.slots["sara"] == OTHER and store.rekeys == 1
    assert change.rekey is not None and not change.rekey.pending
    assert store.actions()[-1] == ("adam", LogAction.PASSWORD_RESET, "3")


def test_a_switched_off_account_gets_its_password_when_switched_on(store):
    door(store, "adam").accounts.switch_off(3)
    with pytest.raises(ValueError):
        door(store, "adam").accounts.reset_password(3, OTHER)
    assert "sara" not in store.slots
    user = door(store, "adam").accounts.switch_on(3, OTHER)
    assert user.active and user.must_change_password and store.slots["sara"] == OTHER
    assert store.rekeys == 1  # nobody loses a way in: no second re-key
    assert store.actions()[-2:] == [("adam", LogAction.USER_CHANGED, "3:active=True"),
                                    ("adam", LogAction.PASSWORD_RESET, "3")]


def test_a_server_database_has_no_key_file_to_keep_in_step():
    store = FakeAdminStore(file=None)
    store.add_user("adam", Role.ADMINISTRATOR)
    store.add_user("sara", Role.SKOLSOCIONOM)
    change = door(store, "adam").accounts.switch_off(2)
    assert change.rekey is None and not store.data.users[2].active and store.slots == {}


def test_an_unknown_account_is_said_plainly(store):
    with pytest.raises(UserNotFoundError):
        door(store, "adam").accounts.reset_password(99, OTHER)
    with pytest.raises(UserNotFoundError):
        door(store, "adam").accounts.get_user(99)
    assert door(store, "sara").accounts.get_user(3).username == "sara"  # one's own account
    with pytest.raises(AccessDeniedError):
        door(store, "sara").accounts.get_user(1)


def test_the_session_records_locking_and_only_session_events(store):
    accounts = door(store, "sara").accounts
    accounts.record_session_event(LogAction.LOCK, "idle")
    assert store.actions()[-1] == ("sara", LogAction.LOCK, "idle")
    with pytest.raises(ValueError):
        accounts.record_session_event(LogAction.DELETE, "gallring")


def test_the_last_administrator_rule_itself(store):
    users = list(store.data.users.values())
    assert leaves_no_administrator(users, 1, role=Role.KURATOR)
    assert leaves_no_administrator(users, 1, active=False)
    assert not leaves_no_administrator(users, 1, role=Role.ADMINISTRATOR)
    assert not leaves_no_administrator(users, 2, active=False)
    assert not leaves_no_administrator([u for u in users if u.role is not Role.ADMINISTRATOR], 2, active=False)


# --- the work phone (issue 15): one's own in My profile, anyone's for the administrator ---------------------


def test_anyone_sets_their_own_phone_and_the_log_says_so_without_the_number(store):
    for name in ("sara", "tove", "adam"):
        me = door(store, name).accounts.set_own_phone("  070-123   45 67 ")
        assert me.phone == "070-123 45 67" and me.password_hash == ""
        assert store.actions()[-1] == (name, LogAction.USER_CHANGED, f"{me.id}:phone")
    assert all("070" not in detail for _who, _what, detail in store.actions())


@pytest.mark.parametrize("bad", ["ring mig", "070-123 45 67 ankn. 3", "12", "0" * 41, "<b>070</b>"])
def test_a_phone_that_is_not_a_number_is_refused_and_nothing_changes(store, bad):
    before = len(store.data.log)
    with pytest.raises(ValueError):
        door(store, "sara").accounts.set_own_phone(bad)
    assert len(store.data.log) == before
    assert next(u for u in store.data.users.values() if u.username == "sara").phone == ""


def test_an_empty_phone_clears_it(store):
    door(store, "sara").accounts.set_own_phone("+46 70 123 45 67")
    assert door(store, "sara").accounts.set_own_phone("").phone == ""


def test_the_administrator_edits_anyones_phone_and_others_may_not(store):
    sara = next(u for u in store.data.users.values() if u.username == "sara")
    changed = door(store, "adam").accounts.update_user(sara.id, phone="08-508 000 00")
    assert changed.phone == "08-508 000 00" and changed.display_name == "Sara Socionom"
    assert store.actions()[-1] == ("adam", LogAction.USER_CHANGED, f"{sara.id}:phone")
    with pytest.raises(AccessDeniedError):
        door(store, "tove").accounts.update_user(sara.id, phone="070-000 00 00")
