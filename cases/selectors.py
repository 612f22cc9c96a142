"""Reads: the lists and lookups pages and the API share. Every query starts from the access chokepoint."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connections
from django.db.models import F, QuerySet
from django.utils import timezone

from cases import timeutil
from cases.access import (
    applications_for_user,
    consultations_for_user,
    visible_agencies,
    visible_office_ids,
    visible_scope,
)
from cases.clock.calendar import WorkCalendar
from cases.clocksync import due_soon_days, get_calendar
from cases.models import Agency, Application, Consultation, User
from cases.searchindex import application_matches
from cases.selectors_tally import horizon, q_overdue
from cases.textsearch import contains_any


@dataclass(frozen=True)
class ApplicationFilters:
    agency: Agency | None = None
    include_children: bool = False
    status: str = ""
    channel: str = ""
    applicant_type: str = ""
    outcome: str = ""
    overdue: bool | None = None  # True: the overdue cases only; False: those not overdue
    due_within: int | None = None
    received_after: date | None = None
    received_before: date | None = None
    search: str = ""
    ordering: str = ""


# a case whose deadline is not known (a stopped clock, a supplement awaited) comes after every date
# going up and before every date going down, on every database as on PostgreSQL (SQLite would put it
# first going up)
ORDERINGS = {
    "deadline": (F("deadline").asc(nulls_last=True), "id"),
    "-deadline": (F("deadline").desc(nulls_first=True), "-id"),
    "received_on": ("received_on", "id"),
    "-received_on": ("-received_on", "-id"),
}


def application_list(
    user: User, filters: ApplicationFilters | None = None
) -> QuerySet[Application]:
    f = filters or ApplicationFilters()
    qs = applications_for_user(user, within=f.agency, include_children=f.include_children)
    for field in ("status", "channel", "outcome"):
        if value := getattr(f, field):
            qs = qs.filter(**{field: value})
    if f.applicant_type:
        qs = qs.filter(applicant__type=f.applicant_type)
    if f.received_after:
        qs = qs.filter(received_on__gte=f.received_after)
    if f.received_before:
        qs = qs.filter(received_on__lte=f.received_before)
    if f.overdue is True:
        qs = overdue(qs)
    elif f.overdue is False:
        qs = qs.exclude(q_overdue(timeutil.today()))
    if f.due_within is not None:
        qs = due_within(qs, f.due_within)
    if f.search.strip():
        offices = visible_office_ids(
            user, within=f.agency, include_children=f.include_children
        ) or Agency.objects.filter(
            visible_scope(user, within=f.agency, include_children=f.include_children, field="pk")
        )
        vendor = connections[qs.db].vendor
        qs = qs.filter(application_matches(f.search.strip(), offices=offices, vendor=vendor))
    # last: every clone above would deep-copy the select_related tree
    ordering = ORDERINGS.get(f.ordering, ("-received_on", "-id"))
    return qs.select_related("agency", "applicant", "handler").order_by(*ordering)


# "not concluded", written as an IN list so the (agency, status, deadline) index is used
OPEN_STATUSES = [s for s in Application.Status.values if s != Application.Status.CONCLUDED]


def overdue(qs: QuerySet[Application], *, today: date | None = None) -> QuerySet[Application]:
    """Not concluded and today is after the deadline. A case without a deadline is never overdue:
    the deadline is unknown only while a stop that began with working days left is open
    (tests/clock/test_properties_cases.py)."""
    today = today or timeutil.today()
    return qs.filter(status__in=OPEN_STATUSES, deadline__lt=today)


DUE_WITHIN_MAX = 250  # working days: a year's; the lists' and the API's bound
SEARCH_MAX = 200  # characters of a search (SQLite refuses a LIKE pattern of ~50,000)


def due_within(
    qs: QuerySet[Application], days: int, *, today: date | None = None
) -> QuerySet[Application]:
    """Not concluded, not overdue, and the deadline within the next `days` working days."""
    today = today or timeutil.today()
    until = horizon(today, days=days)
    return qs.filter(status__in=OPEN_STATUSES, deadline__gte=today, deadline__lte=until)


def due_soon(qs: QuerySet[Application], *, today: date | None = None) -> QuerySet[Application]:
    return due_within(qs, due_soon_days(), today=today)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def registered_today(user: User) -> tuple[QuerySet[Application], QuerySet[Consultation]]:
    start, end = day_bounds(timeutil.today())
    apps = (
        application_list(user)
        .filter(created_at__gte=start, created_at__lt=end)
        .order_by("-created_at")
    )
    consultations = (
        consultation_list(user)
        .filter(created_at__gte=start, created_at__lt=end)
        .order_by("-created_at")
    )
    return apps, consultations


@dataclass(frozen=True)
class ConsultationFilters:
    agency: Agency | None = None
    include_children: bool = False
    channel: str = ""
    answered: bool | None = None
    received_after: date | None = None
    received_before: date | None = None
    search: str = ""


def consultation_list(
    user: User, filters: ConsultationFilters | None = None
) -> QuerySet[Consultation]:
    f = filters or ConsultationFilters()
    qs = consultations_for_user(user, within=f.agency, include_children=f.include_children)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.answered is not None:
        qs = qs.filter(answered_at__isnull=not f.answered)
    if f.received_after:
        qs = qs.filter(received_at__gte=day_bounds(f.received_after)[0])
    if f.received_before:
        qs = qs.filter(received_at__lt=day_bounds(f.received_before)[1])
    if f.search.strip():
        term = f.search.strip()
        qs = qs.filter(contains_any(term, "topic", "question", "name"))
    return qs.select_related("agency", "handled_by", "application").order_by("-received_at", "-id")


def agencies_for_choice(user: User) -> QuerySet[Agency]:
    return visible_agencies(user).order_by("path")


def handlers_of(agency: Agency) -> QuerySet[User]:
    return User.objects.filter(
        agency=agency, is_active=True, role__in=["handler", "supervisor", "admin"]
    ).order_by("username")


@dataclass(frozen=True)
class Countdown:
    text: str
    css: str  # overdue / due-soon / ok / stopped / done
    days_left: int | None
    provisional: bool


def countdown(
    application: Application, *, calendar: WorkCalendar | None = None, today: date | None = None
) -> Countdown:
    """剩余N个工作日 / 已超期N个工作日 / 今日到期, from the stored deadline (no events needed)."""
    cal = calendar or get_calendar()
    today = today or timeutil.today()
    provisional = application.deadline_provisional
    if application.status == Application.Status.CONCLUDED:
        late = (
            application.deadline is not None
            and application.concluded_on
            and application.concluded_on > application.deadline
        )
        return Countdown("已办结（超期）" if late else "已办结", "done", None, False)
    if application.status == Application.Status.AWAITING_SUPPLEMENT:
        # the supplement period counted into an unpublished year is provisional (law.md §2)
        return Countdown("待补正（期限自收到补正之日起计算）", "stopped", None, provisional)
    if application.deadline is None:
        left = application.stopped_days_left
        text = "期限中止" + (f"，剩余{left}个工作日" if left is not None else "")
        return Countdown(text, "stopped", left, provisional)
    if today > application.deadline:
        n = cal.working_days_between(application.deadline, today)
        return Countdown(f"已超期{n}个工作日", "overdue", -n, provisional)
    n = cal.working_days_between(today, application.deadline)
    if n == 0:
        return Countdown("今日到期", "due-soon", 0, provisional)
    css = "due-soon" if n <= due_soon_days() else "ok"
    return Countdown(f"剩余{n}个工作日", css, n, provisional)
