"""Who may do what: roles, and the permission matrix (resource × action), in ONE place.

Access follows need (IMY: "behörighet efter behov"; GDPR art. 5.1 f, 25, 32):

- a **skolsocionom** or a **kurator/specialpedagog** works with the cases they
  are responsible for (a *case member*), and no others;
- a **teamledare** sees and follows up the team's cases, reads the access log,
  assigns workers, decides gallring;
- an **administratör** manages user accounts, backups and settings but does not
  read case content by default.

A permission is granted with a *scope*: ``OWN`` (only cases where the person is
a member), ``TEAM`` (every case of the team — one database is one team) or
``ANY`` (resources that belong to no case: users, settings, backups). Anything
not in ``PERMISSIONS`` is denied: deny by default.

Students with protected identity (skyddade personuppgifter) narrow ``TEAM`` to
``OWN``: only the people responsible for such a student see the case at all,
and prints leave out address and school (``sst_desk.reports``).

Pure code: no Qt, no database. The persistence layer and the UI ask
``allowed(...)``; the test ``tests/unit/test_access.py`` walks every cell.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    SKOLSOCIONOM = "skolsocionom"
    KURATOR = "kurator"  # kurator or specialpedagog: the school's member of the team
    TEAMLEDARE = "teamledare"
    ADMINISTRATOR = "administrator"


class Resource(enum.StrEnum):
    CASE = "case"  # a student's case file and everything recorded in it
    CONSENT = "consent"  # acting without a valid samtycke (an override)
    ACCESS_LOG = "access_log"  # who saw and did what
    USERS = "users"  # accounts, roles, passwords
    BACKUPS = "backups"
    SETTINGS = "settings"  # team-wide settings: retention, idle lock …
    ATTENDANCE = "attendance"  # importing the schools' attendance exports; the saved column mappings
    STATISTICS = "statistics"  # the team's statistics (issue 15): suppressed aggregates, never a row


class Action(enum.StrEnum):
    VIEW = "view"
    CREATE = "create"
    EDIT = "edit"
    PRINT = "print"
    EXPORT = "export"  # registerutdrag, exports that leave the app
    DELETE = "delete"  # gallring
    READ_LOG = "read_log"
    ASSIGN = "assign"  # choose who is responsible for a case
    OVERRIDE = "override"  # act without consent, on a stated legal ground


class Scope(enum.IntEnum):
    NONE = 0
    OWN = 1  # cases the person is a member of
    TEAM = 2  # every case in the database
    ANY = 3  # resources that belong to no case


_OWN_CASES = {
    (Resource.CASE, Action.VIEW): Scope.OWN,
    (Resource.CASE, Action.CREATE): Scope.ANY,
    (Resource.CASE, Action.EDIT): Scope.OWN,
    (Resource.CASE, Action.PRINT): Scope.OWN,
    (Resource.CASE, Action.EXPORT): Scope.OWN,
    (Resource.CASE, Action.READ_LOG): Scope.OWN,  # a worker may show a guardian who looked at the file
}

# Whoever works with the team's cases may import the weekly attendance export (CREATE) and keep the
# school's column mapping (EDIT). Reading the attendance goes with the case (CASE × VIEW).
_ATTENDANCE = {
    (Resource.ATTENDANCE, Action.CREATE): Scope.ANY,
    (Resource.ATTENDANCE, Action.EDIT): Scope.ANY,
}

# The team's statistics (issue 15): a worker counts the cases they are a member of (OWN), the team lead every
# case of the team (TEAM), protected students' too — only suppressed aggregates leave (docs/statistics.md).
# The administrator none: behörighet efter behov, IT needs no figures about children.
_OWN_STATISTICS = {
    (Resource.STATISTICS, Action.VIEW): Scope.OWN,
    (Resource.STATISTICS, Action.EXPORT): Scope.OWN,
}

PERMISSIONS: dict[Role, dict[tuple[Resource, Action], Scope]] = {
    Role.SKOLSOCIONOM: {
        **_OWN_CASES,
        **_ATTENDANCE,
        **_OWN_STATISTICS,
        # Socialtjänsten's member can state a legal ground (e.g. 14 kap. 1 § SoL, 10 kap. 19 § OSL).
        (Resource.CONSENT, Action.OVERRIDE): Scope.OWN,
    },
    Role.KURATOR: {**_OWN_CASES, **_ATTENDANCE, **_OWN_STATISTICS},
    Role.TEAMLEDARE: {
        (Resource.CASE, Action.VIEW): Scope.TEAM,
        (Resource.CASE, Action.CREATE): Scope.ANY,
        (Resource.CASE, Action.EDIT): Scope.TEAM,
        (Resource.CASE, Action.PRINT): Scope.TEAM,
        (Resource.CASE, Action.EXPORT): Scope.TEAM,
        (Resource.CASE, Action.DELETE): Scope.TEAM,
        (Resource.CASE, Action.READ_LOG): Scope.TEAM,
        (Resource.CASE, Action.ASSIGN): Scope.TEAM,
        (Resource.CONSENT, Action.OVERRIDE): Scope.TEAM,
        (Resource.ACCESS_LOG, Action.READ_LOG): Scope.ANY,
        (Resource.ACCESS_LOG, Action.EDIT): Scope.ANY,  # record sample checks and their outcome
        (Resource.ACCESS_LOG, Action.EXPORT): Scope.ANY,  # the chain's head, kept elsewhere
        (Resource.BACKUPS, Action.CREATE): Scope.ANY,
        (Resource.BACKUPS, Action.EDIT): Scope.ANY,  # restore (issue 10: administrator and teamledare)
        (Resource.SETTINGS, Action.VIEW): Scope.ANY,
        **_ATTENDANCE,
        (Resource.STATISTICS, Action.VIEW): Scope.TEAM,
        (Resource.STATISTICS, Action.EXPORT): Scope.TEAM,
    },
    Role.ADMINISTRATOR: {
        (Resource.USERS, Action.VIEW): Scope.ANY,
        (Resource.USERS, Action.CREATE): Scope.ANY,
        (Resource.USERS, Action.EDIT): Scope.ANY,
        (Resource.USERS, Action.DELETE): Scope.ANY,
        (Resource.BACKUPS, Action.VIEW): Scope.ANY,
        (Resource.BACKUPS, Action.CREATE): Scope.ANY,
        (Resource.BACKUPS, Action.EDIT): Scope.ANY,  # restore
        (Resource.SETTINGS, Action.VIEW): Scope.ANY,
        (Resource.SETTINGS, Action.EDIT): Scope.ANY,
        (Resource.ACCESS_LOG, Action.EXPORT): Scope.ANY,  # keep the head outside the database
    },
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in person, as the rules see them."""

    user_id: int
    username: str
    display_name: str
    role: Role

    @property
    def label(self) -> str:
        """How the person is named in transitions and the access log."""
        return self.display_name or self.username


def scope(role: Role, resource: Resource, action: Action) -> Scope:
    """The widest scope ``role`` has for ``action`` on ``resource``; ``Scope.NONE`` when not granted."""
    return PERMISSIONS.get(role, {}).get((resource, action), Scope.NONE)


def allowed(
    actor: Actor | None,
    resource: Resource,
    action: Action,
    *,
    member: bool = False,
    protected: bool = False,
) -> bool:
    """May ``actor`` do ``action`` on ``resource``?

    For a case, ``member`` says whether the actor is responsible for it and
    ``protected`` whether its student has protected identity (then only
    members get in, whatever the role). ``None`` (nobody signed in) is denied.
    """
    if actor is None:
        return False
    granted = scope(actor.role, resource, action)
    if granted is Scope.NONE:
        return False
    if resource is not Resource.CASE and resource is not Resource.CONSENT:
        return True
    if granted is Scope.ANY:
        return True
    if protected or granted is Scope.OWN:
        return member
    return True  # TEAM


def counts_all_cases(actor: Actor | None) -> bool:
    """True when the statistics count every case of the team (protected students' too), not just the actor's own."""
    return actor is not None and scope(actor.role, Resource.STATISTICS, Action.VIEW) is Scope.TEAM


def sees_all_cases(actor: Actor | None) -> bool:
    """True when the case list may show every (non-protected) case, not just the actor's own."""
    return actor is not None and scope(actor.role, Resource.CASE, Action.VIEW) is Scope.TEAM


class AccessDenied(Exception):
    """Raised where a rule refuses an action; the message is for logs, the UI explains it in Swedish."""

    def __init__(self, actor: Actor | None, resource: Resource, action: Action, case_id: int | None = None) -> None:
        who = actor.username if actor is not None else "nobody"
        where = f" on case {case_id}" if case_id is not None else ""
        super().__init__(f"{who} may not {action.value} {resource.value}{where}")
        self.actor = actor
        self.resource = resource
        self.action = action
        self.case_id = case_id
