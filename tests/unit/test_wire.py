"""The wire format between the team server and its clients (sst_desk/remote/wire.py).

Round trips of random case graphs (the demo generator's, edited with new objects that share references), of
every scalar type on the allowlist, and of the services' exceptions; refusals of everything else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import math
import pathlib
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sst_desk.demo.generate import build_cases
from sst_desk.persistence.errors import (
    AccessDeniedError,
    CaseNotFound,
    ConcurrentEditError,
    DatabaseUnavailableError,
)
from sst_desk.remote import wire
from sst_desk.remote.errors import RequestRefused, ServerUnreachableError, SessionExpired
from sst_desk.services.cases import CaseFile
from sst_desk.services.settings import SettingsRefused
from sst_desk.workflow.access import Action, Actor, Resource, Role
from sst_desk.workflow.accounts import DuplicateUserError, UserRecord
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import Authority, GoalArea, Rating, SignerKind, Stage
from sst_desk.workflow.entities import Case, Consent, FollowUp, Goal, GoalRating, Guardian, Insats
from sst_desk.workflow.problems import Finding, ProcessError, Problem
from sst_desk.workflow.rules_case import CaseRule, CaseRuleError, Member


def through_json(value: Any) -> Any:
    return wire.decode(json.loads(json.dumps(wire.encode(value), allow_nan=False)))


def same_graph(a: Any, b: Any, pairs: dict[int, int] | None = None) -> None:
    """``b`` equals ``a`` field by field, of the same types, with the same sharing (a bijection of objects)."""
    pairs = {} if pairs is None else pairs
    assert type(a) is type(b), (type(a), type(b))
    if dataclasses.is_dataclass(a):
        if id(a) in pairs:
            assert pairs[id(a)] == id(b), f"{type(a).__name__} shared differently"
            return
        assert id(b) not in pairs.values(), f"{type(a).__name__} shared where it was not"
        pairs[id(a)] = id(b)
        for f in dataclasses.fields(a):
            same_graph(getattr(a, f.name), getattr(b, f.name), pairs)
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            same_graph(x, y, pairs)
    elif isinstance(a, dict):
        assert a.keys() == b.keys()
        for key in a:
            same_graph(a[key], b[key], pairs)
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b)
    else:
        assert a == b
        if isinstance(a, dt.datetime):
            assert a.utcoffset() == b.utcoffset()


@st.composite
def case_graphs(draw) -> Case:
    """A demo case (any scenario, any day), then edited as a window would: new objects without ids that
    share references (a new goal with an insats and a rating pointing at it, a new guardian who signs)."""
    seed = draw(st.integers(0, 10_000))
    today = draw(st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)))
    case = draw(st.sampled_from(build_cases(3, seed=seed, today=today)))
    if draw(st.booleans()) and case.plans:
        plan = case.plans[-1]
        goal = Goal(description=draw(st.text(max_size=30)), area=draw(st.sampled_from(GoalArea)),
                    target_absence_percent=draw(st.none() | st.floats(0, 100)))
        plan.goals.append(goal)
        plan.insatser.append(Insats(name=draw(st.text(min_size=1, max_size=20)), goal=goal,
                                    responsible_authority=draw(st.none() | st.sampled_from(Authority))))
        if draw(st.booleans()):
            case.follow_ups.append(FollowUp(held_on=today, plan_version=plan.version,
                                            ratings=[GoalRating(goal=goal, rating=draw(st.sampled_from(Rating)))]))
    if draw(st.booleans()):
        guardian = Guardian(name=draw(st.text(min_size=1, max_size=30)))
        case.student.guardians.append(guardian)
        case.consents.append(Consent(signer_kind=SignerKind.VARDNADSHAVARE, signer_name=guardian.name,
                                     given_on=today, guardian=guardian))
    return case


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_graphs())
def test_random_case_graphs_round_trip_with_their_shared_references(case: Case) -> None:
    back = through_json(case)
    same_graph(case, back)
    plan = back.current_plan or (back.plans[-1] if back.plans else None)
    for insats in plan.insatser if plan else ():
        if insats.goal is not None:
            assert any(insats.goal is goal for p in back.plans for goal in p.goals)
    for consent in back.consents:
        if consent.guardian is not None:
            assert any(consent.guardian is g for g in back.student.guardians)


def test_a_list_of_cases_shares_nothing_between_cases_but_what_was_shared() -> None:
    cases = build_cases(8, seed=11, today=dt.date(2026, 9, 1))
    back = through_json(cases)
    same_graph(cases, back)


aware = st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=2))]))
scalars = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text() | st.dates() | aware
    | st.datetimes() | st.times() | st.timedeltas() | st.binary(max_size=64)
    | st.decimals(allow_nan=False, allow_infinity=False) | st.sampled_from(list(Stage)) | st.sampled_from(list(Role)),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    | st.dictionaries(st.integers() | st.sampled_from(list(Stage)) | st.tuples(st.integers(), st.text(max_size=3)),
                      inner, max_size=4)
    | st.frozensets(st.integers() | st.text(max_size=5) | st.sampled_from(list(Action)), max_size=4),
    max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(scalars)
def test_every_allowed_plain_type_round_trips(value: Any) -> None:
    same_graph(value, through_json(value))


def test_results_of_the_services_round_trip() -> None:
    case = build_cases(1, seed=2, today=dt.date(2026, 3, 1))[0]
    opened = CaseFile(case, (Member(3, "sara", "Sara Socionom", Role.SKOLSOCIONOM, True),),
                      frozenset({(Resource.CASE, Action.EDIT), (Resource.CASE, Action.PRINT)}))
    back = through_json(opened)
    assert back.may(Action.EDIT) and not back.may(Action.ASSIGN)
    same_graph(opened.case, back.case)
    row_fields = {f.name for f in dataclasses.fields(CaseRow)}
    assert "case_id" in row_fields
    actor = Actor(4, "tove", "Tove Ek", Role.TEAMLEDARE)
    assert through_json(actor) == actor and through_json(actor).role is Role.TEAMLEDARE
    assert through_json(pathlib.Path("/tmp/x.pdf")) == pathlib.Path("/tmp/x.pdf")
    assert through_json(Decimal("1.10")) == Decimal("1.10")
    when = dt.datetime(2026, 12, 6, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert through_json(when).utcoffset() == dt.timedelta(hours=1)
    assert through_json(dt.datetime(2026, 1, 1, 8)).tzinfo is None


@pytest.mark.parametrize("error", [
    AccessDeniedError("case:view", 7, "server"),
    AccessDeniedError("users:create", None, "server"),
    CaseNotFound(12, "server"),
    ConcurrentEditError(5, "server"),
    DatabaseUnavailableError("server"),
    SessionExpired("server"),
    RequestRefused("server", "a reason"),
    ProcessError([Finding(Problem.PLAN_NO_GOAL, "plan 2", "goals"), Finding(Problem.REQUIRED, field="reason")]),
    CaseRuleError(CaseRule.NOBODY_RESPONSIBLE),
    DuplicateUserError("sara"),
    SettingsRefused({}),
    ValueError("a new case is stored with add_case"),
])
def test_the_services_exceptions_come_back_as_the_same_class_with_the_same_data(error: Exception) -> None:
    back = through_json(error)
    assert type(back) is type(error)
    assert back.args == error.args
    assert str(back) == str(error)
    same_graph({k: v for k, v in vars(error).items()}, {k: v for k, v in vars(back).items()})
    if hasattr(error, "sentence"):
        assert back.sentence() == error.sentence()


def test_a_save_conflict_comes_back_with_both_values_and_the_current_case() -> None:
    from sst_desk.persistence.errors import SaveConflict
    from sst_desk.workflow.merge import Conflict

    current = build_cases(1, seed=4, today=dt.date(2026, 5, 1))[0]
    goal = current.plans[0].goals[0] if current.plans and current.plans[0].goals else Goal(description="Mål")
    conflicts = (Conflict("reason", "förr", "mitt", "deras", "Case"),
                 Conflict("plans[id=3].goals[id=7]", goal, None, goal, "Goal", label="Mål", number=1))
    back = through_json(SaveConflict(7, conflicts, current, "server"))
    assert type(back) is SaveConflict and isinstance(back, ConcurrentEditError)
    assert [(c.path, c.mine, c.theirs) for c in back.conflicts][0] == ("reason", "mitt", "deras")
    assert back.conflicts[1].base is back.conflicts[1].theirs  # one goal, shared as it was
    same_graph(current, back.current)
    assert back.case_id == 7 and back.sentence() == SaveConflict(7, conflicts, current, "server").sentence()


def test_a_subclass_not_in_the_table_travels_as_the_nearest_class_above_it() -> None:
    back = through_json(ServerUnreachableError("https://sst.example"))  # the client's own: never sent
    assert type(back) is DatabaseUnavailableError and "sst.example" in str(back)
    with pytest.raises(wire.WireError):
        wire.encode(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"))  # a ValueError, but not exactly one


def test_a_new_exception_class_travels_once_registered() -> None:
    class SaveConflictForTest(Exception):
        def __init__(self, case_id: int, fields: tuple[str, ...]) -> None:
            self.case_id, self.fields = case_id, fields
            super().__init__(f"case {case_id}: {', '.join(fields)}")

    with pytest.raises(wire.WireError):
        wire.encode(SaveConflictForTest(1, ("reason",)))
    wire.register_exception(SaveConflictForTest)
    back = through_json(SaveConflictForTest(1, ("reason", "level")))
    assert type(back) is SaveConflictForTest and back.fields == ("reason", "level") and back.case_id == 1


class NotAllowed(enum.Enum):
    X = 1


@dataclasses.dataclass
class Stranger:
    x: int = 1


@pytest.mark.parametrize("value", [
    object(), Stranger(), NotAllowed.X, {object(): "key"}, {"a": {NotAllowed.X: 1}}, bytearray(b"x"),
    lambda: None, KeyError("not in the table"), OSError("nor this"), range(3), complex(1, 2),
    UserRecord(1, "sara", "Sara", Role.KURATOR, True, False, dt.datetime.now(dt.UTC), None, password_hash="$argon2"),
])
def test_anything_else_is_refused_by_name(value: Any) -> None:
    with pytest.raises(wire.WireError):
        wire.encode(value)


@pytest.mark.parametrize("data", [
    {"$": "obj", "c": "os.system", "@": 0, "f": {}},
    {"$": "obj", "c": "entities.Goal", "@": 0, "f": {"description": "x", "evil": 1}},
    {"$": "obj", "c": "entities.Goal", "@": 0, "f": {}},  # a required field missing
    {"$": "obj", "c": "access.Role", "@": 0, "f": {}},  # an enum is not an object
    {"$": "enum", "c": "codes.Stage", "v": "NO_SUCH_STAGE"},
    {"$": "enum", "c": "subprocess.Popen", "v": "x"},
    {"$": "ref", "@": 3},
    {"$": "exc", "c": "builtins.SystemExit", "args": [], "state": {}},
    {"$": "exc", "c": "errors.CaseNotFound", "args": [], "state": {"__class__": 1}},
    {"$": "pickle", "v": "gASV"},
    {"$": "date", "v": "yesterday"},
    {"$": "float", "v": "1.5"},  # finite floats are plain JSON numbers
    {"$": "tuple", "v": [1], "extra": 2},
    {"$": "frozenset", "v": [[1]]},  # an unhashable member
    {"$": "map", "v": [[[1], 2]]},  # an unhashable key
    {"$": "map", "v": [[1]]},  # not a pair
    {"no tag": 1},
    float("inf"),
])
def test_data_that_is_not_ours_is_refused(data: Any) -> None:
    with pytest.raises(wire.WireError):
        wire.decode(data)


def test_one_object_twice_in_a_list_comes_back_once_and_a_cycle_is_refused() -> None:
    rating = GoalRating(goal=Goal(description="x"), rating=Rating.UPPNATT)
    first, second = through_json([rating, rating])
    assert first is second and first.goal is second.goal
    nested: list = []
    nested.append(nested)
    with pytest.raises(wire.WireError):
        wire.encode(nested)


def test_the_allowlist_holds_the_workflow_types_and_no_storage_or_ui_types() -> None:
    allowed = wire.allowed_types()
    assert {Case, Goal, Insats, Consent, Guardian, CaseRow, Actor, Member, CaseFile, Stage, Role} <= allowed
    modules = {t.__module__ for t in allowed}
    assert not any(m.startswith(("sst_desk.ui", "sqlalchemy", "sst_desk.security")) for m in modules)
