"""A three-way merge of case graphs: what one person changed, put into what is stored now.

``merge3(base, mine, theirs)``: ``base`` is the case as the person opened it, ``mine`` what she has now,
``theirs`` what is stored now (someone else saved meanwhile). The result is ``theirs`` with every change
``mine`` made since ``base`` put in, field by field and row by row:

- a scalar field (text, date, number, code, a reference to a goal or a guardian) takes the side that
  changed it; only when both sides changed the *same* field to *different* values is it a ``Conflict``;
- rows of lists are matched by id (the student's views by stage, one per stage); a row without id in
  ``mine`` is new and added; a row ``mine`` removed is removed unless ``theirs`` changed it, and a row
  ``theirs`` removed that ``mine`` changed — both are conflicts about the whole row;
- code lists that are sets (factors, parties, school measures, protective factors) take the adds and
  removes of both sides;
- references (an insats's goal, a rating's goal, a consent's guardian) point into the merged graph;
- order: ``theirs``' order with ``mine``'s new rows appended, or ``mine``'s order when only she reordered;
- the process history (transitions) only grows: a step both sides took to the same stage is kept once
  (``theirs``'); different stages are a conflict on ``stage``. Settled for ``theirs``, what ``mine``'s steps
  did (dates, a plan or kartläggning started, a boosterträff proposed) is not taken; her other edits are.
  Settled for ``mine``, her steps follow theirs in the history, and the process rules judge the result.

``resolutions`` maps a conflict's ``path`` to ``Side.MINE`` or ``Side.THEIRS``. A conflict without a
resolution is reported in ``MergeResult.conflicts`` and, in the merged case, keeps ``mine``'s value
(what an open window shows: the person's own edit stays). The merged case has ``theirs``' revision.
``MergeResult.theirs_changed`` says what ``theirs`` changed relative to ``base`` ("who changed what").

Pure Python: no Qt, no database. The merged case is made of new objects (``clone``), never of
``theirs``' or ``mine``'s own, so a caller may keep using all three.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sst_desk.workflow.entities import (
    Boostertraff,
    Case,
    CaseEvent,
    Consent,
    ContactEntry,
    FollowUp,
    Goal,
    GoalRating,
    Guardian,
    Handlingsplan,
    Insats,
    Kartlaggning,
    KartlaggningDocument,
    Referral,
    Student,
    StudentView,
    Transition,
)


class Side(str, Enum):
    """Which value settles a conflict."""

    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the same thing differently.

    ``path`` is a stable machine key ("plans[id=3].goals[id=7].description"; a whole row:
    "contacts[id=4]"). ``kind`` is the object's class name ("Goal"), ``label`` its own words (the goal's
    description, the insats's name …), ``number`` its place in its list counting from 1 (for "Mål 2"; None
    for an object that is not in a list), ``field`` the attribute (None when the conflict is about the whole
    row: removed on one side, changed on the other). ``base``, ``mine`` and ``theirs`` are the values (for a
    row: the row itself, or None where it was removed; for a reference: the goal or guardian referred to).
    """

    path: str
    base: Any
    mine: Any
    theirs: Any
    kind: str
    label: str = ""
    number: int | None = None
    field: str | None = None


class ChangeKind(str, Enum):
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Change:
    """One thing ``theirs`` changed relative to ``base``: a field, or a row added or removed.

    Named as a ``Conflict`` is: ``kind``, ``label``, ``number``, ``field`` (None for a whole row), plus the
    list the row is in (``collection``, e.g. "contacts") for added and removed rows.
    """

    path: str
    what: ChangeKind
    kind: str
    label: str = ""
    number: int | None = None
    field: str | None = None
    collection: str | None = None


@dataclass(frozen=True)
class MergeResult:
    case: Case
    conflicts: tuple[Conflict, ...]
    theirs_changed: tuple[Change, ...]

    @property
    def changed_paths(self) -> frozenset[str]:
        """The paths ``theirs`` changed relative to ``base``."""
        return frozenset(c.path for c in self.theirs_changed)

    @property
    def clean(self) -> bool:
        return not self.conflicts


class _Part(Enum):
    SCALAR = "scalar"
    REF = "ref"
    SET = "set"
    CHILD = "child"
    LIST = "list"
    SKIP = "skip"


# What is not a plain value, per class; every other dataclass field is a scalar.
_SCHEMA: dict[type, dict[str, _Part]] = {
    Case: {
        "student": _Part.CHILD, "school_measures": _Part.SET, "consents": _Part.LIST, "kartlaggning": _Part.CHILD,
        "plans": _Part.LIST, "contacts": _Part.LIST, "follow_ups": _Part.LIST, "boosters": _Part.LIST,
        "referrals": _Part.LIST, "student_views": _Part.LIST, "transitions": _Part.SKIP, "events": _Part.LIST,
        "revision": _Part.SKIP,
    },
    Student: {"guardians": _Part.LIST},
    Consent: {"parties": _Part.SET, "guardian": _Part.REF},
    Kartlaggning: {"documents": _Part.LIST, "factors": _Part.SET, "protective_factors": _Part.SET},
    Handlingsplan: {"goals": _Part.LIST, "insatser": _Part.LIST},
    Goal: {"position": _Part.SKIP},
    Insats: {"goal": _Part.REF, "position": _Part.SKIP},
    FollowUp: {"ratings": _Part.LIST},
    GoalRating: {"goal": _Part.REF},
}
ENTITIES: tuple[type, ...] = (
    Case, Student, Guardian, Consent, KartlaggningDocument, Kartlaggning, Goal, Insats, Handlingsplan,
    ContactEntry, GoalRating, FollowUp, Boostertraff, Referral, StudentView, CaseEvent, Transition,
)

# The object's own words for a person, by class.
_LABELS: dict[type, Callable[[Any], str]] = {
    Student: lambda s: s.full_name,
    Guardian: lambda g: g.name,
    Consent: lambda c: c.signer_name,
    KartlaggningDocument: lambda d: d.label or (d.kind.value if d.kind is not None else ""),
    Goal: lambda g: g.description,
    Insats: lambda i: i.name,
    Handlingsplan: lambda p: str(p.version),
    ContactEntry: lambda c: f"{c.on.isoformat()} {c.summary}".strip(),
    GoalRating: lambda r: r.goal.description if r.goal is not None else "",
    FollowUp: lambda f: f.held_on.isoformat(),
    Boostertraff: lambda b: b.planned_on.isoformat(),
    Referral: lambda r: r.to_whom,
    StudentView: lambda v: v.stage.value,
    CaseEvent: lambda e: f"{e.on.isoformat()} {e.note}".strip(),
    Transition: lambda t: t.to_stage.value,
}


def object_label(obj: object) -> str:
    """The words a person knows an object by (a goal's description, a guardian's name …), or ""."""
    words = _LABELS.get(type(obj))
    if words is None:
        return ""
    try:
        return str(words(obj) or "")
    except AttributeError:
        return ""


def _is_entity(value: object) -> bool:
    return isinstance(value, ENTITIES)


def _fields(obj: object) -> list[tuple[str, _Part]]:
    schema = _SCHEMA.get(type(obj), {})
    return [(f.name, schema.get(f.name, _Part.SCALAR)) for f in dataclasses.fields(obj)  # type: ignore[arg-type]
            if f.name != "id"]


def clone(obj: Any, memo: dict[int, Any] | None = None) -> Any:
    """A deep copy of a case graph (or any of its objects) as new, plain objects; shared objects stay shared.

    Not ``copy.deepcopy``: objects loaded from the database carry the ORM's state, which must not be
    copied. ``memo`` (id of the original → copy) keeps references inside the graph (an insats's goal is
    the copy of the plan's goal) and tells the caller which copy belongs to which original.
    """
    if memo is None:
        memo = {}
    if not _is_entity(obj):
        if isinstance(obj, list):
            return [clone(item, memo) for item in obj]
        return obj
    found = memo.get(id(obj))
    if found is not None:
        return found
    # The graph has no cycles (references point at siblings: goals, guardians), so children first.
    copy = type(obj)(**{f.name: clone(getattr(obj, f.name), memo) for f in dataclasses.fields(obj)})
    memo[id(obj)] = copy
    return copy


def differs(a: Any, b: Any) -> bool:
    """Whether two objects (or values) differ in any field, child or row, ids compared, positions not."""
    if _is_entity(a) or _is_entity(b):
        if type(a) is not type(b):
            return True
        if a.id != b.id:
            return True
        for name, part in _fields(a):
            if part is _Part.SKIP and name != "transitions":
                continue
            if part is _Part.REF:
                if _ref_key(getattr(a, name)) != _ref_key(getattr(b, name)):
                    return True
            elif part is _Part.SET:
                if set(getattr(a, name) or []) != set(getattr(b, name) or []):
                    return True
            elif differs(getattr(a, name), getattr(b, name)):
                return True
        return False
    if isinstance(a, list) and isinstance(b, list):
        return len(a) != len(b) or any(differs(x, y) for x, y in zip(a, b))
    return a != b


def _ref_key(target: Any) -> tuple[str, int] | None:
    if target is None:
        return None
    return ("id", target.id) if target.id is not None else ("new", id(target))


def _row_key(obj: Any) -> tuple[str, Any] | None:
    if isinstance(obj, StudentView):
        return ("stage", obj.stage.value)
    return ("id", obj.id) if obj.id is not None else None


def _key_text(key: tuple[str, Any]) -> str:
    return f"{key[0]}={key[1]}"


def _changed(base: Any, mine: Any) -> bool:
    return differs(base, mine)


class _Merger:
    def __init__(self, resolutions: Mapping[str, Side] | None) -> None:
        self.resolutions = dict(resolutions or {})
        self.conflicts: list[Conflict] = []
        self.theirs_changed: list[Change] = []
        self.memo: dict[int, Any] = {}  # mine's originals → their copies in the result (new rows)
        self.theirs_memo: dict[int, Any] = {}

    # --- the pieces -----------------------------------------------------------------

    def conflict(self, path: str, base: Any, mine: Any, theirs: Any, owner: Any, number: int | None,
                 field: str | None) -> Side | None:
        """Record a conflict unless ``resolutions`` settles it; returns the settled side (None: unsettled)."""
        side = self.resolutions.get(path)
        if side is not None:
            return Side(side)
        self.conflicts.append(Conflict(path, base, mine, theirs, type(owner).__name__, object_label(owner),
                                       number, field))
        return None

    def note(self, path: str, what: ChangeKind, owner: Any, number: int | None, field: str | None = None,
             collection: str | None = None) -> None:
        self.theirs_changed.append(Change(path, what, type(owner).__name__, object_label(owner), number, field,
                                          collection))

    def obj(self, path: str, base: Any, mine: Any, out: Any, number: int | None) -> None:
        """Merge ``mine``'s changes since ``base`` (None: both added it) into ``out`` (a copy of theirs)."""
        prefix = f"{path}." if path else ""
        for name, part in _fields(out):
            here = prefix + name
            b = getattr(base, name) if base is not None else None
            m, t = getattr(mine, name), getattr(out, name)
            if part is _Part.SKIP:
                continue
            if part is _Part.SCALAR:
                self.scalar(here, b, m, t, out, number, name, base is None)
            elif part is _Part.REF:
                self.ref(here, b, m, t, out, number, name, base is None)
            elif part is _Part.SET:
                self.set(here, b or [], m or [], t or [], out, number, name)
            elif part is _Part.CHILD:
                self.child(here, b, m, t, out, name)
            else:
                setattr(out, name, self.rows(here, b or [], m or [], t or [], name))

    def scalar(self, path: str, b: Any, m: Any, t: Any, out: Any, number: int | None, name: str,
               both_added: bool) -> None:
        if not both_added and b != t:
            self.note(path, ChangeKind.CHANGED, out, number, name)
        if m == t or (not both_added and m == b):
            return
        if both_added or t != b:
            side = self.conflict(path, b, m, t, out, number, name)
            if side is Side.THEIRS:
                return
        setattr(out, name, m)

    def ref(self, path: str, b: Any, m: Any, t: Any, out: Any, number: int | None, name: str,
            both_added: bool) -> None:
        kb, km, kt = _ref_key(b), _ref_key(m), _ref_key(t)
        if not both_added and kb != kt:
            self.note(path, ChangeKind.CHANGED, out, number, name)
        if km == kt or (not both_added and km == kb):
            return
        if both_added or kt != kb:
            side = self.conflict(path, b, m, t, out, number, name)
            if side is Side.THEIRS:
                return
        setattr(out, name, m)  # mine's object: pointed into the result at the end (``_repoint``)

    def set(self, path: str, b: list, m: list, t: list, out: Any, number: int | None, name: str) -> None:
        if set(b) != set(t):
            self.note(path, ChangeKind.CHANGED, out, number, name)
        removed = {x for x in b if x not in m}
        merged = [x for x in t if x not in removed]
        merged += [x for x in m if x not in b and x not in merged]
        setattr(out, name, merged)

    def child(self, path: str, b: Any, m: Any, t: Any, out: Any, name: str) -> None:
        same = (lambda x, y: x is not None and y is not None and x.id is not None and x.id == y.id)
        if m is not None and t is not None:
            if same(m, t):
                self.obj(path, b if same(b, t) else None, m, t, None)
            elif m.id is None and b is None:  # both made one (a kartläggning started on both sides)
                self.obj(path, None, m, t, None)
            elif same(b, t) and not _changed(b, t):  # mine replaced it; theirs left it as it was
                setattr(out, name, clone(m, self.memo))
            elif same(b, m) and not _changed(b, m):  # theirs replaced it
                self.note(path, ChangeKind.CHANGED, t, None)
            else:
                side = self.conflict(path, b, m, t, t, None, None)
                if side is not Side.THEIRS:
                    setattr(out, name, clone(m, self.memo))
            return
        if m is not None:  # t is None
            if b is None:
                setattr(out, name, clone(m, self.memo))
                return
            self.note(path, ChangeKind.REMOVED, b, None, collection=name)
            if _changed(b, m):
                side = self.conflict(path, b, m, None, m, None, None)
                if side is not Side.THEIRS:
                    setattr(out, name, clone(m, self.memo))
            return
        if t is not None:  # m is None
            if b is None:
                self.note(path, ChangeKind.ADDED, t, None, collection=name)
                return
            if _changed(b, t):
                self.note(path, ChangeKind.CHANGED, t, None)
                side = self.conflict(path, b, None, t, t, None, None)
                if side is Side.THEIRS:
                    return
            setattr(out, name, None)

    def rows(self, path: str, b: list, m: list, t: list, name: str) -> list:
        """The merged rows of one list; ``t`` is the result's copy of theirs' list."""
        bmap = {k: x for x in b if (k := _row_key(x)) is not None}
        mmap = {k: x for x in m if (k := _row_key(x)) is not None}
        tmap = {k: x for x in t if (k := _row_key(x)) is not None}
        numbers = {id(x): n for n, x in enumerate(t, start=1)}
        keep: dict[int, Any] = {id(x): x for x in t}  # the result's rows, by identity
        added: list[Any] = []  # mine's new rows and rows brought back, as copies

        def here(key: tuple[str, Any]) -> str:
            return f"{path}[{_key_text(key)}]"

        for key, brow in bmap.items():
            mrow, trow = mmap.get(key), tmap.get(key)
            if mrow is not None and trow is not None:
                self.obj(here(key), brow, mrow, trow, numbers.get(id(trow)))
            elif mrow is not None:  # theirs removed it
                self.note(here(key), ChangeKind.REMOVED, brow, None, collection=name)
                if _changed(brow, mrow):
                    side = self.conflict(here(key), brow, mrow, None, mrow, None, None)
                    if side is not Side.THEIRS:
                        added.append(clone(mrow, self.memo))
            elif trow is not None:  # mine removed it
                if _changed(brow, trow):
                    self.note(here(key), ChangeKind.CHANGED, trow, numbers.get(id(trow)))
                    side = self.conflict(here(key), brow, None, trow, trow, numbers.get(id(trow)), None)
                    if side is Side.THEIRS:
                        continue
                keep.pop(id(trow))
        for key, trow in tmap.items():
            if key in bmap:
                continue
            self.note(here(key), ChangeKind.ADDED, trow, numbers.get(id(trow)), collection=name)
            mrow = mmap.get(key)
            if mrow is not None:  # both have it (a view of the same stage, or a row mine took in earlier)
                self.obj(here(key), None, mrow, trow, numbers.get(id(trow)))
        for mrow in m:
            key = _row_key(mrow)
            if key is None or (key not in bmap and key not in tmap and key[0] == "stage"):
                added.append(clone(mrow, self.memo))
            # a row with an id that neither base nor theirs has: theirs removed what mine took in earlier
        result = [x for x in t if id(x) in keep]
        if _reordered(b, m) and not _reordered(b, t):
            order = {}
            for n, mrow in enumerate(m):
                order[id(self.memo.get(id(mrow), mrow))] = n
                key = _row_key(mrow)
                if key is not None and key in tmap:
                    order[id(tmap[key])] = n
            everything = result + added
            ranked = sorted(range(len(everything)),
                            key=lambda i: (order.get(id(everything[i]), len(m) + i)))
            return [everything[i] for i in ranked]
        return result + added

    # --- the process history ---------------------------------------------------------

    def transitions(self, base: Case, mine: Case, out: Case) -> None:
        """Append-only: theirs' history, and mine's new steps unless theirs took them to the same stage."""
        known = {t.id for t in base.transitions if t.id is not None}
        theirs_new = [t for t in out.transitions if t.id not in known]
        mine_new = [t for t in mine.transitions if t.id is None]
        if theirs_new:
            self.note("transitions", ChangeKind.ADDED, theirs_new[-1], None, collection="transitions")
        if not mine_new:
            return
        if theirs_new and out.stage == theirs_new[-1].to_stage and out.stage != mine_new[-1].to_stage:
            return  # the stage conflict was settled for theirs: mine's steps are not taken
        if theirs_new and theirs_new[-1].to_stage == mine_new[-1].to_stage:
            return  # both took the case to the same stage: one history, theirs'
        out.transitions = out.transitions + [clone(t, self.memo) for t in mine_new]


def _reordered(base: list, side: list) -> bool:
    """Whether ``side`` put the rows it shares with ``base`` in another order."""
    keys = {k for x in base if (k := _row_key(x)) is not None}
    in_side = [k for x in side if (k := _row_key(x)) in keys]
    common = set(in_side)
    in_base = [k for x in base if (k := _row_key(x)) in common]
    return in_side != in_base


def _graph(case: Case) -> Iterable[Any]:
    """Every object of the graph, once."""
    seen: set[int] = set()
    stack: list[Any] = [case]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        yield obj
        for name, part in _fields(obj):
            value = getattr(obj, name)
            if part is _Part.LIST or (part is _Part.SKIP and isinstance(value, list)):
                stack.extend(x for x in value if _is_entity(x))
            elif part is _Part.CHILD and value is not None:
                stack.append(value)


def _repoint(case: Case, memo: dict[int, Any]) -> None:
    """Make every reference point at the object of the merged graph (by identity, id, or mine's copy)."""
    goals = [g for p in case.plans for g in p.goals]
    guardians = list(case.student.guardians)
    pools = {"goal": goals, "guardian": guardians}
    for obj in list(_graph(case)):
        for name, part in _fields(obj):
            if part is not _Part.REF:
                continue
            target = getattr(obj, name)
            if target is None:
                continue
            pool = pools[name]
            if any(x is target for x in pool):
                continue
            found = None
            if target.id is not None:
                found = next((x for x in pool if x.id == target.id), None)
            else:
                copy = memo.get(id(target))
                found = copy if any(x is copy for x in pool) else None
            if found is None and isinstance(obj, GoalRating):
                continue  # a rated goal that is gone: left as it was, for the rules to refuse (a rating needs its goal)
            setattr(obj, name, found)


def _new_steps(base: Case, side: Case) -> list[Transition]:
    known = {t.id for t in base.transitions if t.id is not None}
    return [t for t in side.transitions if t.id is None or t.id not in known]


def _steps_differ(base: Case, mine: Case, theirs: Case) -> bool:
    """Both sides took the case through the process, to different stages."""
    mine_new, theirs_new = _new_steps(base, mine), _new_steps(base, theirs)
    return bool(mine_new and theirs_new) and mine_new[-1].to_stage != theirs_new[-1].to_stage


def _without_own_steps(base: Case, mine: Case) -> Case:
    """``mine`` as if she had not taken her steps (the stage conflict settled for theirs): what the steps did
    (``process.apply``: the stage and its history, enrolment and closing dates, a kartläggning or plan
    started, a plan revised, a boosterträff proposed) goes back to ``base``; her other edits stay."""
    rewound: Case = clone(mine)
    steps = _new_steps(base, mine)
    rewound.transitions = [t for t in rewound.transitions if t.id is not None and t.id in
                           {b.id for b in base.transitions}]
    rewound.stage = base.stage
    for name in ("enrolled_on", "closed_on", "closing_reason"):
        setattr(rewound, name, getattr(base, name))
    if any(t.comment and t.comment == rewound.closing_note for t in steps):
        rewound.closing_note = base.closing_note
    if rewound.kartlaggning is not None and rewound.kartlaggning.id is None and base.kartlaggning is None:
        rewound.kartlaggning = None
    statuses = {p.id: p.status for p in base.plans}
    rewound.plans = [p for p in rewound.plans if p.id is not None]
    for plan in rewound.plans:
        plan.status = statuses.get(plan.id, plan.status)
    rewound.boosters = [b for b in rewound.boosters if b.id is not None]
    return rewound


def merge3(base: Case, mine: Case, theirs: Case, resolutions: Mapping[str, Side] | None = None) -> MergeResult:
    """Put ``mine``'s changes since ``base`` into ``theirs``; see the module's description."""
    if _steps_differ(base, mine, theirs) and Side(dict(resolutions or {}).get("stage", Side.MINE)) is Side.THEIRS:
        mine = _without_own_steps(base, mine)
    merger = _Merger(resolutions)
    out: Case = clone(theirs, merger.theirs_memo)
    merger.obj("", base, mine, out, None)
    merger.transitions(base, mine, out)
    _repoint(out, merger.memo)
    out.revision = theirs.revision
    out.id = theirs.id
    return MergeResult(out, tuple(merger.conflicts), tuple(merger.theirs_changed))


def apply_path(case: Case, path: str) -> Any:
    """The object or value at ``path`` in ``case`` (None when it is not there): for tests and the UI."""
    obj: Any = case
    for part in path.split("."):
        name, _, rest = part.partition("[")
        obj = getattr(obj, name, None)
        if rest:
            key, _, value = rest.rstrip("]").partition("=")
            rows = obj or []
            obj = next((x for x in rows if _key_text(_row_key(x) or ("", None)) == f"{key}={value}"), None)
        if obj is None:
            return None
    return obj
