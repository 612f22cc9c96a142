"""Reads for the daily digest: for each handler, supervisor and admin, what became overdue since the
last working day, what falls due soon, and how many cases are still overdue."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import F, QuerySet

from cases import timeutil
from cases.clock.calendar import WorkCalendar
from cases.clocksync import get_calendar
from cases.models import Application, User
from cases.selectors_tally import OfficeRow, horizon, q_due_soon, q_overdue


def previous_working_day(today: date, cal: WorkCalendar | None = None) -> date:
    cal = cal or get_calendar()
    day = today - timedelta(days=1)
    while not cal.is_working_day(day):
        day -= timedelta(days=1)
    return day


@dataclass
class DigestEntry:
    user: User
    newly_overdue: list[Application]
    due_soon: list[Application]
    still_overdue: int
    offices: list[OfficeRow] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.newly_overdue or self.due_soon or self.still_overdue)


def digest(*, today: date | None = None, users: QuerySet[User] | None = None) -> list[DigestEntry]:
    """For each active handler, supervisor and admin: what became overdue since the last working day,
    what falls due within the due-soon window, and how many are still overdue. Handlers get their own
    cases in their own office (moved to another, not those left behind, which they can no longer
    open); supervisors and admins the cases of their office and the offices below."""
    today = today or timeutil.today()
    cal = get_calendar()
    until = horizon(today, cal)
    since = previous_working_day(today, cal)
    recipients = list(
        (users if users is not None else User.objects.all())
        .filter(is_active=True, agency__isnull=False, role__in=["handler", "supervisor", "admin"])
        .select_related("agency")
        .order_by("agency__path", "username")
    )
    relevant = list(
        Application.objects.filter(voided_at__isnull=True)
        .filter(q_overdue(today) | q_due_soon(today, until))
        .select_related("agency", "applicant", "handler")
        .order_by(F("deadline").asc(nulls_last=True), "id")
    )
    entries = []
    for user in recipients:
        if user.role == User.Role.HANDLER:  # as on their workbench: their cases in their office
            mine = [
                a for a in relevant if a.handler_id == user.pk and a.agency_id == user.agency_id
            ]
        else:
            mine = [a for a in relevant if a.agency.path.startswith(user.agency.path)]
        overdue = [a for a in mine if _is_overdue(a, today)]
        newly = [a for a in overdue if a.deadline is not None and since <= a.deadline < today]
        soon = [a for a in mine if not _is_overdue(a, today)]
        entries.append(
            DigestEntry(
                user=user,
                newly_overdue=newly,
                due_soon=soon,
                still_overdue=len(overdue) - len(newly),
            )
        )
    return entries


def _is_overdue(app: Application, today: date) -> bool:
    return app.deadline is not None and app.deadline < today
