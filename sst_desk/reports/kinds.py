"""The printable document kinds: one registry for the command line, the app and the printout list.

Each kind names its Swedish title and where its builder lives; builders are
imported lazily by module path, so a kind whose module is not there (yet) is
simply not offered, and a new document plugs in by existing. ``detail`` is
what the access log records for a print (which document, never its content);
``describe`` turns such a detail back into words for the case window.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.consent_rules import ConsentPurpose
from sst_desk.workflow.entities import Case

from sst_desk.reports.base import ReportContext

DEFAULT_TEAM_NAME = "Skolsociala teamet"


@dataclass(frozen=True)
class DocumentKind:
    name: str  # on the command line and in the access log
    title: str  # Swedish, as printed
    module: str
    builder: str
    follow_up_argument: bool = False  # build_uppfoljning(case, follow_up, context): None = the latest
    needs_plan: bool = False  # prints the current plan: refused while there is none
    consent: ConsentPurpose | None = None  # a valid samtycke needed to print it for others
    uses_attendance: bool = False  # the builder takes ``attendance=`` and prints skollinjen
    check: str = "available"  # the module's function telling whether a case holds what the document needs
    names_contact: bool = False  # a letter to the family: printed with the contact person and their phone

    @property
    def available(self) -> bool:
        """Whether the builder's module exists in this installation (without importing it)."""
        try:
            return importlib.util.find_spec(self.module) is not None
        except ModuleNotFoundError:
            return False

    def build(self, case: Case, context: ReportContext, attendance: Sequence[AttendanceRecord] = ()) -> bytes:
        """The PDF; ``attendance`` (the case's records) goes to the kinds that print skollinjen."""
        function: Callable[..., bytes] = getattr(importlib.import_module(self.module), self.builder)
        extra = {"attendance": attendance} if self.uses_attendance else {}
        if self.follow_up_argument:
            return function(case, None, context, **extra)
        return function(case, context, **extra)

    def applies_to(self, case: Case) -> bool:
        """Whether ``case`` holds what this document records (its module's ``available(case)``, if any)."""
        if self.needs_plan:
            plan = case.current_plan
            return plan is not None and bool(plan.goals or plan.insatser)
        check = getattr(importlib.import_module(self.module), self.check, None)
        return bool(check(case)) if callable(check) else True

    def detail(self, case: Case, *, batch: bool = False) -> str:
        """The access log's words for printing this document of ``case`` ("handlingsplan v2")."""
        plan = case.current_plan
        text = self.name + (f" v{plan.version}" if self.needs_plan and plan is not None else "")
        return text + (" (batch)" if batch else "")


_PACKAGE = "sst_desk.reports"
KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("handlingsplan", "Handlingsplan", f"{_PACKAGE}.handlingsplan", "build_handlingsplan",
                 needs_plan=True, consent=ConsentPurpose.SHARE_PLAN, uses_attendance=True),
    DocumentKind("min-plan", "Min plan", f"{_PACKAGE}.min_plan", "build_min_plan",
                 needs_plan=True, consent=ConsentPurpose.SHARE_PLAN),
    DocumentKind("samtycke", "Samtycke", f"{_PACKAGE}.samtycke", "build_samtycken"),
    DocumentKind("kartlaggning", "Kartläggning", f"{_PACKAGE}.kartlaggning", "build_kartlaggning"),
    DocumentKind("uppfoljning", "Uppföljningsprotokoll", f"{_PACKAGE}.uppfoljning", "build_uppfoljning",
                 follow_up_argument=True, uses_attendance=True),
    DocumentKind("avslut", "Avslutsanteckning", f"{_PACKAGE}.avslut", "build_avslutsanteckning"),
    DocumentKind("kallelse", "Kallelse till boosterträff", f"{_PACKAGE}.kallelse", "build_kallelse",
                 names_contact=True),
    DocumentKind("kallelse-uppfoljning", "Kallelse till uppföljning", f"{_PACKAGE}.kallelse",
                 "build_kallelse_uppfoljning", check="follow_up_available", names_contact=True),
)
_BY_NAME = {kind.name: kind for kind in KINDS}


def available_kinds() -> list[DocumentKind]:
    """The kinds this installation can print, in the registry's order."""
    return [kind for kind in KINDS if kind.available]


def kind(name: str) -> DocumentKind:
    """The kind called ``name`` (``KeyError`` when unknown)."""
    return _BY_NAME[name]


def describe(detail: str) -> str:
    """A logged print detail in words: "handlingsplan v2 (batch)" → "Handlingsplan v2 (batch)"."""
    head, _, rest = detail.partition(" ")
    known = _BY_NAME.get(head)
    if known is None:
        return detail
    return known.title + (f" {rest}" if rest else "")


def report_context(team, printed_by: str, printed_on: dt.date | None = None,
                   team_name: str | None = None) -> ReportContext:
    """The print run's ``ReportContext`` from the team's settings (an ``options.TeamSettings``; None: the
    shipped defaults).

    ``team_name`` overrides the saved name (the command line's ``--team-name``). One rule for the app
    and the command line: ``sst_desk.report_settings``.
    """
    if team is None:
        return ReportContext(team_name=team_name or DEFAULT_TEAM_NAME, printed_by=printed_by,
                             printed_on=printed_on or dt.date.today())
    from sst_desk.report_settings import report_context_from_settings

    return report_context_from_settings(team, printed_by, printed_on, team_name=team_name)
