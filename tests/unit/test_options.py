"""The registry of options: every option declared once, with a scope, a default inside its range and a title."""

from __future__ import annotations

import pytest

from sst_desk import options
from sst_desk.options import (
    ABSENCE_ALERT_PERCENT,
    ABSENCE_WARN_PERCENT,
    ALL_OPTIONS,
    BOOSTER_MONTHS,
    COMPUTER_OPTIONS,
    RETENTION_YEARS,
    TEAM_CONTACT,
    TEAM_LOGO,
    TEAM_NAME,
    TEAM_OPTIONS,
    Scope,
    SettingProblem,
    TeamSettings,
    problems,
)
from sst_desk.workflow.retention import MAX_YEARS, MIN_YEARS

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40


def test_the_team_owns_its_policy_and_each_computer_its_own_things():
    assert {o.name for o in TEAM_OPTIONS} == {
        "team_name", "booster_months", "retention_years", "absence_warn_percent", "absence_alert_percent",
        "stats_min_cell", "team_contact", "team_logo", "consent_text"}
    assert {o.key for o in COMPUTER_OPTIONS} == {
        "ui/language", "user/display_name", "ui/main_geometry", "ui/main_state", "ui/case_geometry",
        "security/last_user",
        "backup/keep", "security/idle_lock_minutes", "server/last_url", "server/ca_files"}
    assert all(o.scope in (Scope.TEAM, Scope.COMPUTER) for o in ALL_OPTIONS)


def test_each_option_is_declared_once():
    keys = [o.key for o in ALL_OPTIONS]
    names = [o.name for o in ALL_OPTIONS if o.name]
    assert len(keys) == len(set(keys)) and len(names) == len(set(names))


@pytest.mark.parametrize("option", ALL_OPTIONS, ids=lambda o: o.key)
def test_every_default_is_allowed(option):
    assert option.problem(option.default) is None
    assert isinstance(option.default, option.type)


@pytest.mark.parametrize("option", [o for o in ALL_OPTIONS if o.name], ids=lambda o: o.key)
def test_every_option_in_the_dialog_has_a_title(option):
    assert option.title.strip() and option.name.isidentifier()


def test_the_team_settings_are_the_team_options_with_their_defaults():
    assert TeamSettings().as_dict() == {o.name: o.default for o in TEAM_OPTIONS}


@pytest.mark.parametrize("option, low, high", [
    (BOOSTER_MONTHS, 1, 24), (RETENTION_YEARS, MIN_YEARS, MAX_YEARS), (ABSENCE_WARN_PERCENT, 1, 100),
    (ABSENCE_ALERT_PERCENT, 1, 100), (options.STATS_MIN_CELL, 5, 20), (options.BACKUPS_TO_KEEP, 1, 100),
    (options.IDLE_LOCK_MINUTES, 1, 120)])
def test_whole_numbers_are_kept_within_their_range(option, low, high):
    assert (option.low, option.high) == (low, high)
    for good in (low, high, float(low), (low + high) // 2):
        assert option.problem(good) is None, good
    for bad in (low - 1, high + 1, low + 0.5, float("nan"), float("inf"), "5", None, True):
        assert option.problem(bad) is SettingProblem.RANGE, bad


def test_values_are_stored_as_text_and_read_back_with_their_type():
    for option, value in ((RETENTION_YEARS, 7), (TEAM_NAME, "SST Norr"), (TEAM_LOGO, PNG)):
        text = option.encode(value)
        assert isinstance(text, str) and option.decode(text) == value


def test_an_unreadable_or_out_of_range_stored_value_is_its_default():
    assert RETENTION_YEARS.decode("sju") == 5
    assert RETENTION_YEARS.decode("0") == 5 and RETENTION_YEARS.decode("51") == 5
    assert TEAM_LOGO.decode("not base64!") == b""
    assert TeamSettings.from_stored({"retention_years": "7", "booster_months": "x"}) == TeamSettings(retention_years=7)


def test_a_set_of_team_values_is_checked_together():
    base = TeamSettings().as_dict()
    assert problems(base) == {}
    assert problems({**base, "absence_warn_percent": 50, "absence_alert_percent": 50}) == {
        "absence_alert_percent": SettingProblem.ALERT_NOT_ABOVE_WARN}
    assert problems({**base, "team_name": "  "}) == {"team_name": SettingProblem.REQUIRED}
    assert problems({**base, "team_contact": "1\n2\n3\n4\n5"}) == {"team_contact": SettingProblem.TOO_MANY_LINES}
    assert problems({**base, "team_contact": "1\n\n2\n\n3\n\n4\n"}) == {}  # blank lines are not printed
    assert problems({**base, "team_contact": "x" * 81}) == {"team_contact": SettingProblem.LINE_TOO_LONG}
    assert problems({**base, "team_logo": b"GIF89a"}) == {"team_logo": SettingProblem.NOT_IMAGE}
    assert problems({**base, "team_logo": PNG + b"\0" * options.MAX_LOGO_BYTES}) == {
        "team_logo": SettingProblem.IMAGE_TOO_LARGE}
    assert problems({**base, "team_name": "x" * 101}) == {"team_name": SettingProblem.TOO_LONG}
    assert problems({**base, "language": "sv"}) == {"language": SettingProblem.UNKNOWN}  # this computer's


def test_values_are_normalised_as_they_are_saved():
    assert options.normalised("retention_years", 7.0) == 7 and isinstance(options.normalised("retention_years", 7.0), int)
    assert options.normalised("team_contact", " Box 1 \n\n Telefon \n") == "Box 1\nTelefon"
    assert options.normalised("team_name", "  SST  ") == "SST"
    assert TEAM_CONTACT.name == "team_contact"
