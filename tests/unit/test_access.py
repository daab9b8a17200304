"""The role × action matrix, cell by cell, against an expected table written out here by hand.

The table below is NOT derived from ``access.PERMISSIONS``: it is what the
product promises (docs/security.md, DOMAIN.md), so a change to the matrix has
to be made twice — there and here — on purpose. Every (resource, action) pair
of the enums has a row, every role a column; a new role, resource, action or
permission without a row here fails ``test_the_table_covers_every_cell`` or
``test_every_granted_permission_is_in_the_table_and_nothing_else``.

For the case and the consent override a cell says who gets in:

- ``NO``   nobody of that role;
- ``OWN``  only a member (responsible for the case), protected student or not;
- ``TEAM`` everyone of the role, except that a protected student's case is for its members only;
- ``ALL``  everyone of the role, whatever the case (creating a new case: there is no case yet).

For every other resource a cell is ``YES`` or ``NO`` (membership and protection play no part).
"""

from __future__ import annotations

import itertools

import pytest

from sst_desk.workflow import access
from sst_desk.workflow.access import Action as A
from sst_desk.workflow.access import Actor, Resource as R, Role, allowed, counts_all_cases, sees_all_cases

NO, YES, OWN, TEAM, ALL = "no", "yes", "own", "team", "all"

# Columns, in this order.
ROLES = (Role.SKOLSOCIONOM, Role.KURATOR, Role.TEAMLEDARE, Role.ADMINISTRATOR)

#                       skolsocionom kurator teamledare administrator
EXPECTED: dict[tuple[R, A], tuple[str, str, str, str]] = {
    (R.CASE, A.VIEW):             (OWN, OWN, TEAM, NO),
    (R.CASE, A.CREATE):           (ALL, ALL, ALL, NO),
    (R.CASE, A.EDIT):             (OWN, OWN, TEAM, NO),
    (R.CASE, A.PRINT):            (OWN, OWN, TEAM, NO),
    (R.CASE, A.EXPORT):           (OWN, OWN, TEAM, NO),
    (R.CASE, A.DELETE):           (NO, NO, TEAM, NO),
    (R.CASE, A.READ_LOG):         (OWN, OWN, TEAM, NO),
    (R.CASE, A.ASSIGN):           (NO, NO, TEAM, NO),
    (R.CASE, A.OVERRIDE):         (NO, NO, NO, NO),

    (R.CONSENT, A.VIEW):          (NO, NO, NO, NO),
    (R.CONSENT, A.CREATE):        (NO, NO, NO, NO),
    (R.CONSENT, A.EDIT):          (NO, NO, NO, NO),
    (R.CONSENT, A.PRINT):         (NO, NO, NO, NO),
    (R.CONSENT, A.EXPORT):        (NO, NO, NO, NO),
    (R.CONSENT, A.DELETE):        (NO, NO, NO, NO),
    (R.CONSENT, A.READ_LOG):      (NO, NO, NO, NO),
    (R.CONSENT, A.ASSIGN):        (NO, NO, NO, NO),
    (R.CONSENT, A.OVERRIDE):      (OWN, NO, TEAM, NO),

    (R.ACCESS_LOG, A.VIEW):       (NO, NO, NO, NO),
    (R.ACCESS_LOG, A.CREATE):     (NO, NO, NO, NO),
    (R.ACCESS_LOG, A.EDIT):       (NO, NO, YES, NO),   # record a stickprov and its outcome
    (R.ACCESS_LOG, A.PRINT):      (NO, NO, NO, NO),
    (R.ACCESS_LOG, A.EXPORT):     (NO, NO, YES, YES),  # the chain's head, kept outside the database
    (R.ACCESS_LOG, A.DELETE):     (NO, NO, NO, NO),
    (R.ACCESS_LOG, A.READ_LOG):   (NO, NO, YES, NO),
    (R.ACCESS_LOG, A.ASSIGN):     (NO, NO, NO, NO),
    (R.ACCESS_LOG, A.OVERRIDE):   (NO, NO, NO, NO),

    (R.USERS, A.VIEW):            (NO, NO, NO, YES),
    (R.USERS, A.CREATE):          (NO, NO, NO, YES),
    (R.USERS, A.EDIT):            (NO, NO, NO, YES),
    (R.USERS, A.PRINT):           (NO, NO, NO, NO),
    (R.USERS, A.EXPORT):          (NO, NO, NO, NO),
    (R.USERS, A.DELETE):          (NO, NO, NO, YES),
    (R.USERS, A.READ_LOG):        (NO, NO, NO, NO),
    (R.USERS, A.ASSIGN):          (NO, NO, NO, NO),
    (R.USERS, A.OVERRIDE):        (NO, NO, NO, NO),

    (R.BACKUPS, A.VIEW):          (NO, NO, NO, YES),
    (R.BACKUPS, A.CREATE):        (NO, NO, YES, YES),
    (R.BACKUPS, A.EDIT):          (NO, NO, YES, YES),  # restore: teamledare too (issue 10)
    (R.BACKUPS, A.PRINT):         (NO, NO, NO, NO),
    (R.BACKUPS, A.EXPORT):        (NO, NO, NO, NO),
    (R.BACKUPS, A.DELETE):        (NO, NO, NO, NO),
    (R.BACKUPS, A.READ_LOG):      (NO, NO, NO, NO),
    (R.BACKUPS, A.ASSIGN):        (NO, NO, NO, NO),
    (R.BACKUPS, A.OVERRIDE):      (NO, NO, NO, NO),

    (R.SETTINGS, A.VIEW):         (NO, NO, YES, YES),
    (R.SETTINGS, A.CREATE):       (NO, NO, NO, NO),
    (R.SETTINGS, A.EDIT):         (NO, NO, NO, YES),
    (R.SETTINGS, A.PRINT):        (NO, NO, NO, NO),
    (R.SETTINGS, A.EXPORT):       (NO, NO, NO, NO),
    (R.SETTINGS, A.DELETE):       (NO, NO, NO, NO),
    (R.SETTINGS, A.READ_LOG):     (NO, NO, NO, NO),
    (R.SETTINGS, A.ASSIGN):       (NO, NO, NO, NO),
    (R.SETTINGS, A.OVERRIDE):     (NO, NO, NO, NO),
    (R.ATTENDANCE, A.VIEW):       (NO, NO, NO, NO),    # read with the case (CASE × VIEW)
    (R.ATTENDANCE, A.CREATE):     (YES, YES, YES, NO),  # import the school's export
    (R.ATTENDANCE, A.EDIT):       (YES, YES, YES, NO),  # keep the school's column mapping
    (R.ATTENDANCE, A.PRINT):      (NO, NO, NO, NO),
    (R.ATTENDANCE, A.EXPORT):     (NO, NO, NO, NO),
    (R.ATTENDANCE, A.DELETE):     (NO, NO, NO, NO),
    (R.ATTENDANCE, A.READ_LOG):   (NO, NO, NO, NO),
    (R.ATTENDANCE, A.ASSIGN):     (NO, NO, NO, NO),
    (R.ATTENDANCE, A.OVERRIDE):   (NO, NO, NO, NO),
    # The team's statistics (issue 15): a worker over their own cases, the team lead over the team's
    # (test_statistics_scope_is_own_for_workers_and_team_for_the_lead); never the administrator.
    (R.STATISTICS, A.VIEW):       (YES, YES, YES, NO),
    (R.STATISTICS, A.CREATE):     (NO, NO, NO, NO),
    (R.STATISTICS, A.EDIT):       (NO, NO, NO, NO),
    (R.STATISTICS, A.PRINT):      (NO, NO, NO, NO),
    (R.STATISTICS, A.EXPORT):     (YES, YES, YES, NO),  # CSV, XLSX, the PDF reports (logged)
    (R.STATISTICS, A.DELETE):     (NO, NO, NO, NO),
    (R.STATISTICS, A.READ_LOG):   (NO, NO, NO, NO),
    (R.STATISTICS, A.ASSIGN):     (NO, NO, NO, NO),
    (R.STATISTICS, A.OVERRIDE):   (NO, NO, NO, NO),
}

CASE_LIKE = (R.CASE, R.CONSENT)
# (member, protected): an outsider, a member, an outsider to a protected student, a member of one.
SITUATIONS = ((False, False), (True, False), (False, True), (True, True))


def actor(role: Role | str, user_id: int = 7) -> Actor:
    """A signed-in person; ``role`` may be a string no Role has (an account from a newer version)."""
    return Actor(user_id=user_id, username=f"u{user_id}", display_name="Testperson",
                 role=role)  # type: ignore[arg-type]


def expected(cell: str, resource: R, member: bool, protected: bool) -> bool:
    """What one cell of the table means for one situation — spelled out, not computed from scopes."""
    if resource in CASE_LIKE:
        return {NO: False, OWN: member, TEAM: member or not protected, ALL: True}[cell]
    return {NO: False, YES: True}[cell]


def cells() -> list[tuple[Role, R, A, str]]:
    return [(role, resource, action, row[column])
            for (resource, action), row in EXPECTED.items() for column, role in enumerate(ROLES)]


# --- the table itself ------------------------------------------------------------------------------------


def test_the_table_covers_every_cell() -> None:
    assert set(ROLES) == set(Role) and len(ROLES) == len(Role)
    assert set(EXPECTED) == set(itertools.product(R, A))
    for (resource, _action), row in EXPECTED.items():
        allowed_words = {NO, OWN, TEAM, ALL} if resource in CASE_LIKE else {NO, YES}
        assert set(row) <= allowed_words, (resource, row)


def test_every_granted_permission_is_in_the_table_and_nothing_else() -> None:
    """A permission added to PERMISSIONS (or taken away) without changing this table fails here."""
    granted = {(role, resource, action)
               for role, grants in access.PERMISSIONS.items() for (resource, action) in grants}
    in_table = {(role, resource, action) for role, resource, action, cell in cells() if cell != NO}
    assert granted - in_table == set(), "granted in PERMISSIONS but not promised by the test's table"
    assert in_table - granted == set(), "promised by the test's table but not granted in PERMISSIONS"
    assert set(access.PERMISSIONS) == set(Role)


# --- the matrix, cell by cell ----------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "resource", "action", "cell"), cells(),
                         ids=[f"{r.value}-{res.value}-{a.value}" for r, res, a, _ in cells()])
def test_every_cell_of_the_matrix(role: Role, resource: R, action: A, cell: str) -> None:
    who = actor(role)
    for member, protected in SITUATIONS:
        want = expected(cell, resource, member, protected)
        got = allowed(who, resource, action, member=member, protected=protected)
        assert got is want, (role.value, resource.value, action.value, f"member={member}", f"protected={protected}")


def test_the_default_arguments_are_an_outsider_to_an_ordinary_case() -> None:
    """``allowed(actor, CASE, VIEW)`` without member/protected must not count as membership."""
    assert allowed(actor(Role.TEAMLEDARE), R.CASE, A.VIEW)
    assert not allowed(actor(Role.SKOLSOCIONOM), R.CASE, A.VIEW)
    assert not allowed(actor(Role.KURATOR), R.CASE, A.EDIT)
    assert allowed(actor(Role.SKOLSOCIONOM), R.CASE, A.CREATE)


# --- deny by default ------------------------------------------------------------------------------------


def test_nobody_signed_in_may_do_nothing() -> None:
    for resource, action in itertools.product(R, A):
        for member, protected in SITUATIONS:
            assert not allowed(None, resource, action, member=member, protected=protected), (resource, action)
    assert not sees_all_cases(None)


def test_a_role_the_matrix_does_not_know_gets_nothing() -> None:
    """An account row with a role from a newer version (or a typo) must not fall through to a grant."""
    stranger = actor("superuser")
    for resource, action in itertools.product(R, A):
        assert access.scope(stranger.role, resource, action) is access.Scope.NONE
        for member, protected in SITUATIONS:
            assert not allowed(stranger, resource, action, member=member, protected=protected)
    assert not sees_all_cases(stranger)


def test_combinations_nobody_has_are_refused_to_everyone() -> None:
    nobody_has = [key for key, row in EXPECTED.items() if set(row) == {NO}]
    assert (R.CASE, A.OVERRIDE) in nobody_has and (R.SETTINGS, A.DELETE) in nobody_has
    assert (R.ACCESS_LOG, A.DELETE) in nobody_has  # the log can never be thinned out through the app
    for (resource, action), role in itertools.product(nobody_has, Role):
        assert access.scope(role, resource, action) is access.Scope.NONE
        for member, protected in SITUATIONS:
            assert not allowed(actor(role), resource, action, member=member, protected=protected)


# --- the promises that matter most -----------------------------------------------------------------------


@pytest.mark.parametrize("action", [a for a in A if a is not A.CREATE])
@pytest.mark.parametrize("role", list(Role))
def test_a_protected_students_case_is_for_its_members_only_even_for_the_team_lead(role: Role, action: A) -> None:
    who = actor(role)
    for resource in CASE_LIKE:
        assert not allowed(who, resource, action, member=False, protected=True), (role, resource, action)


def test_the_team_lead_reaches_a_protected_case_as_a_member() -> None:
    lead = actor(Role.TEAMLEDARE)
    for action in (A.VIEW, A.EDIT, A.PRINT, A.EXPORT, A.DELETE, A.READ_LOG, A.ASSIGN):
        assert allowed(lead, R.CASE, action, member=True, protected=True), action
        assert allowed(lead, R.CASE, action, member=False, protected=False), action


@pytest.mark.parametrize("action", list(A))
def test_an_administrator_never_sees_case_content(action: A) -> None:
    admin = actor(Role.ADMINISTRATOR)
    for resource in CASE_LIKE:
        for member, protected in SITUATIONS:  # not even as a (mistakenly added) member of a case
            assert not allowed(admin, resource, action, member=member, protected=protected), (resource, action)
    assert not allowed(admin, R.ACCESS_LOG, A.READ_LOG)  # the log says who looked at which student
    assert not sees_all_cases(admin)


def test_workers_reach_their_own_cases_and_no_others() -> None:
    for role in (Role.SKOLSOCIONOM, Role.KURATOR):
        who = actor(role)
        for action in (A.VIEW, A.EDIT, A.PRINT, A.EXPORT, A.READ_LOG):
            assert allowed(who, R.CASE, action, member=True), (role, action)
            assert not allowed(who, R.CASE, action, member=False), (role, action)
        assert not allowed(who, R.CASE, A.DELETE, member=True)  # gallring is the team lead's decision
        assert not allowed(who, R.CASE, A.ASSIGN, member=True)
        assert not sees_all_cases(who)
        for resource in (R.USERS, R.BACKUPS, R.SETTINGS, R.ACCESS_LOG):
            for action in A:
                assert not allowed(who, resource, action), (role, resource, action)


def test_only_the_team_lead_sees_every_case() -> None:
    assert [role for role in Role if sees_all_cases(actor(role))] == [Role.TEAMLEDARE]



def test_statistics_scope_is_own_for_workers_and_team_for_the_lead() -> None:
    """Which cases the statistics count: the lead every case (protected students' too), a worker their own."""
    assert counts_all_cases(actor(Role.TEAMLEDARE))
    for role in (Role.SKOLSOCIONOM, Role.KURATOR, Role.ADMINISTRATOR):
        assert not counts_all_cases(actor(role)), role
    for action in (A.VIEW, A.EXPORT):
        assert access.scope(Role.TEAMLEDARE, R.STATISTICS, action) is access.Scope.TEAM
        assert access.scope(Role.SKOLSOCIONOM, R.STATISTICS, action) is access.Scope.OWN
        assert access.scope(Role.KURATOR, R.STATISTICS, action) is access.Scope.OWN
    assert not counts_all_cases(None) and not counts_all_cases(actor("superuser"))
