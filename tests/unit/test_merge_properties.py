"""merge3 under random edits: 2–3 clients edit copies of one case and save in random order (hypothesis).

Each save merges the client's copy into what is stored now (``merge3(base, mine, stored)``), as the
service does. A small model says what must come out: a field only one side changed keeps that change,
the same value on both sides is no conflict, different values are exactly the conflicts reported, and
the chosen side's value is what is stored after resolving. Rows (contacts) are added, edited and removed
too: a removal against an edit is a conflict about the row. A code set (the kartläggning's factors)
takes the ticks and unticks of both sides.
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sst_desk.workflow.codes import ContactKind, Factor
from sst_desk.workflow.entities import Case, ContactEntry
from sst_desk.workflow.merge import Side, apply_path, clone, merge3

from tests.unit.merge_cases import Store, stored_case

VALUES = ("röd", "grön", "blå")  # few values: two clients often type the same


def field_paths(case: Case) -> list[str]:
    plan = case.current_plan
    return [
        "reason", "socionom", "school_contact", "decision_ref",
        "student.school", f"student.guardians[id={case.student.guardians[0].id}].phone",
        f"student.guardians[id={case.student.guardians[1].id}].email",
        f"plans[id={plan.id}].goals[id={plan.goals[0].id}].description",
        f"plans[id={plan.id}].goals[id={plan.goals[1].id}].target",
        f"plans[id={plan.id}].insatser[id={plan.insatser[0].id}].responsible_person",
        "kartlaggning.summary", "kartlaggning.family_notes",
    ]


def set_path(case: Case, path: str, value: object) -> None:
    owner, _, name = path.rpartition(".")
    setattr(apply_path(case, owner) if owner else case, name, value)


edit = st.one_of(
    st.tuples(st.just("field"), st.integers(0, 11), st.sampled_from(VALUES)),
    st.tuples(st.just("contact"), st.integers(0, 1), st.sampled_from(VALUES)),
    st.tuples(st.just("remove"), st.integers(0, 1), st.just("")),
    st.tuples(st.just("add"), st.just(0), st.just("")),
    st.tuples(st.just("factor"), st.integers(0, 3), st.just("")),
)
FACTORS = list(Factor)[:4]
step = st.tuples(st.integers(0, 2), st.lists(edit, min_size=1, max_size=4))


class Client:
    def __init__(self, case: Case) -> None:
        self.base = case
        self.case = clone(case)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(clients=st.integers(2, 3), steps=st.lists(step, min_size=2, max_size=8), choices=st.randoms())
def test_random_edits_of_clients_merge_as_the_model_says(clients, steps, choices):
    store: Store = stored_case()
    first = store.load()
    paths = field_paths(first)
    contact_ids = [c.id for c in first.contacts]
    added_names = itertools.count(1)
    people = [Client(store.load()) for _ in range(clients)]
    pending: dict[int, list] = {n: [] for n in range(clients)}
    # The model: what is stored, as plain values: fields by path, contacts by id (None: removed).
    stored_fields = {p: apply_path(first, p) for p in paths}
    stored_contacts: dict[int, str | None] = {c.id: c.summary for c in first.contacts}
    stored_factors = set(first.kartlaggning.factors)
    client_base = {n: (dict(stored_fields), dict(stored_contacts), set(stored_factors)) for n in range(clients)}
    added_summaries: set[str] = set()

    for who, edits in steps:
        who %= clients
        person = people[who]
        for kind, index, value in edits:
            if kind == "field":
                set_path(person.case, paths[index], value)
            elif kind == "factor":  # a code set: ticked or unticked
                factors = person.case.kartlaggning.factors
                factor = FACTORS[index]
                person.case.kartlaggning.factors = ([f for f in factors if f is not factor] if factor in factors
                                                    else [*factors, factor])
            elif kind in ("contact", "remove"):
                contact = next((c for c in person.case.contacts if c.id == contact_ids[index]), None)
                if contact is None:
                    continue
                if kind == "contact":
                    contact.summary = value
                else:
                    person.case.contacts.remove(contact)
            else:
                summary = f"ny kontakt {next(added_names)}"
                person.case.contacts.append(ContactEntry(on=dt.date(2026, 11, 1), kind=ContactKind.MOTE,
                                                         participants="Elev", summary=summary))
                pending[who].append(summary)
        # --- the client saves ---------------------------------------------------------
        theirs = store.load()
        base_fields, base_contacts, base_factors = client_base[who]
        mine_factors = set(person.case.kartlaggning.factors)
        mine_fields = {p: apply_path(person.case, p) for p in paths}
        mine_contacts = {cid: next((c.summary for c in person.case.contacts if c.id == cid), None)
                         for cid in contact_ids}
        expected_conflicts: set[str] = set()
        for p in paths:
            b, m, t = base_fields[p], mine_fields[p], stored_fields[p]
            if m != b and t != b and m != t:
                expected_conflicts.add(p)
        for cid in contact_ids:
            b, m, t = base_contacts[cid], mine_contacts[cid], stored_contacts[cid]
            if b is None or m == b:
                continue
            if m is None:  # mine removed it
                if t is not None and t != b:
                    expected_conflicts.add(f"contacts[id={cid}]")
            elif t is None:  # theirs removed what mine changed
                expected_conflicts.add(f"contacts[id={cid}]")
            elif t != b and t != m:
                expected_conflicts.add(f"contacts[id={cid}].summary")
        result = merge3(person.base, person.case, theirs)
        assert {c.path for c in result.conflicts} == expected_conflicts
        chosen = {c.path: choices.choice([Side.MINE, Side.THEIRS]) for c in result.conflicts}
        if chosen:
            result = merge3(person.base, person.case, theirs, chosen)
            assert not result.conflicts
        merged = result.case
        assert merged.revision == theirs.revision
        # --- the model's answer ---------------------------------------------------------
        for p in paths:
            b, m, t = base_fields[p], mine_fields[p], stored_fields[p]
            if m == b:
                want = t
            elif p in chosen:
                want = m if chosen[p] is Side.MINE else t
            else:
                want = m
            assert apply_path(merged, p) == want, p
            stored_fields[p] = want
        for cid in contact_ids:
            b, m, t = base_contacts[cid], mine_contacts[cid], stored_contacts[cid]
            row, field = f"contacts[id={cid}]", f"contacts[id={cid}].summary"
            if b is None or m == b:
                want = t
            elif row in chosen:
                want = m if chosen[row] is Side.MINE else t
            elif field in chosen:
                want = m if chosen[field] is Side.MINE else t
            elif m is None:
                want = None
            else:
                want = m
            got = next((c.summary for c in merged.contacts if c.id == cid), None)
            assert got == want, row
            stored_contacts[cid] = want
        want_factors = {f for f in set(Factor) if (f in mine_factors if (f in mine_factors) != (f in base_factors)
                                                  else f in stored_factors)}
        assert set(merged.kartlaggning.factors) == want_factors  # the adds and removes of both sides
        assert len(merged.kartlaggning.factors) == len(want_factors)
        stored_factors = want_factors
        summaries = [c.summary for c in merged.contacts]
        for summary in added_summaries | set(pending[who]):
            assert summaries.count(summary) == 1, summary
        added_summaries |= set(pending[who])
        pending[who] = []
        saved = store.save(merged)
        person.base, person.case = saved, clone(saved)
        client_base[who] = (dict(stored_fields), dict(stored_contacts), set(stored_factors))

    # Every client that loads now sees what the model says, and every added row once.
    final = store.load()
    assert {p: apply_path(final, p) for p in paths} == stored_fields
    assert {cid: next((c.summary for c in final.contacts if c.id == cid), None)
            for cid in contact_ids} == stored_contacts
    assert set(final.kartlaggning.factors) == stored_factors
