"""The access log's head row is locked only at commit (issue 13): on PostgreSQL a save held open does not
make another person's view or save of another case wait — it made every one wait 2.6 s before, because every
logged action locked the single ``log_head`` row until its transaction ended.

The held save waits on an event just before its COMMIT (after its entries were recorded: where the old
code already held the lock); the other person's actions must finish while it still waits.
"""

from __future__ import annotations

import threading

import pytest

from sst_desk.persistence.uow import UnitOfWork
from logteam import LogTeam, make_log_team, needs_pg, new_site

pytestmark = [pytest.mark.postgres, needs_pg]

BOUND_S = 20  # generous: the actions take milliseconds; the held save waits for us, not for a clock


@pytest.fixture
def team(tmp_path) -> LogTeam:
    team = make_log_team(new_site("postgresql", tmp_path))
    yield team
    team.db.close()


def hold_commits_in(thread_name: str, held: threading.Event, release: threading.Event,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Commits made in the thread named ``thread_name`` wait for ``release`` (saying so with ``held``)."""
    real_commit = UnitOfWork.commit

    def commit(self: UnitOfWork) -> None:
        if threading.current_thread().name == thread_name:
            held.set()
            assert release.wait(BOUND_S * 3), "the held save was never released"
        real_commit(self)

    monkeypatch.setattr(UnitOfWork, "commit", commit)


@pytest.mark.parametrize("other", ["view", "save", "refused"])
def test_an_open_save_does_not_hold_up_another_case(team: LogTeam, other: str, monkeypatch) -> None:
    held, release, done = threading.Event(), threading.Event(), threading.Event()
    hold_commits_in("held-save", held, release, monkeypatch)
    alva, bo = team.case_ids["Alva"], team.case_ids["Bo"]
    failures: list[BaseException] = []

    def save_alva() -> None:
        try:
            case = team.as_("sara").cases.load_case(alva)
            case.reason = "Hög frånvaro sedan oktober"
            team.as_("sara").cases.save_case(case)
        except BaseException as exc:  # reported below, not lost in the thread
            failures.append(exc)

    def act_on_bo() -> None:
        try:
            if other == "view":
                team.as_("sara").cases.load_case(bo)
            elif other == "refused":  # Kim is no member of Bo's case: the refusal is logged, and must not wait
                team.as_("kim").cases.load_case(bo)
            else:
                case = team.as_("sara").cases.load_case(bo)
                case.reason = "Oro för mående"
                team.as_("sara").cases.save_case(case)
        except BaseException as exc:  # reported below, not lost in the thread
            failures.append(exc)
        finally:
            done.set()

    saver = threading.Thread(target=save_alva, name="held-save", daemon=True)
    saver.start()
    assert held.wait(BOUND_S), "the save never reached its commit"
    worker = threading.Thread(target=act_on_bo, name="other-case", daemon=True)
    worker.start()
    finished_while_held = done.wait(BOUND_S)
    still_held = not release.is_set() and saver.is_alive()
    release.set()
    saver.join(BOUND_S)
    worker.join(BOUND_S)
    assert finished_while_held and still_held, f"the {other} of another case waited for the open save"
    if other == "refused":
        assert len(failures) == 1 and type(failures[0]).__name__ == "AccessDeniedError"
    else:
        assert failures == []
    result = team.as_("lead").accesslog.verify_log()
    assert result.ok, result.problems
    actions = [(row.username, row.action, row.case_id) for row in team.as_("lead").accesslog.query_log(limit=4)]
    # The held save's entry comes after the other person's: appended at its commit, which came last.
    assert ("sara", "edit", alva) in actions[:2]
