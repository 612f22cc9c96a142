"""Reads for the handler's workbench: the cases in the chosen scope that are running or waiting (on
the applicant's supplement, a consultation or a fee), with the tallies above them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Prefetch, QuerySet

from cases import timeutil
from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clocksync import get_calendar
from cases.models import Application, ApplicationEvent, User
from cases.selectors import Countdown, countdown
from cases.selectors_tally import (
    Tally,
    counts,
    horizon,
    q_due_soon,
    q_open,
    q_overdue,
    q_provisional,
)
from cases.textsearch import contains_any

Status = Application.Status
Kind = ApplicationEvent.Kind
WAITING = (Status.AWAITING_SUPPLEMENT, Status.CONSULTING, Status.AWAITING_FEE)


@dataclass(frozen=True)
class WorkbenchFilters:
    scope: str = "mine"  # mine / office / unassigned
    flag: str = ""  # overdue / due_soon / provisional
    status: str = ""
    q: str = ""


@dataclass
class WaitingRow:
    application: Application
    countdown: Countdown
    waiting_for: str
    due: date | None  # the day the applicant or the party should answer by
    due_passed: bool


@dataclass
class Workbench:
    today: date
    tally: Tally
    running: list[tuple[Application, Countdown]]
    waiting: list[WaitingRow]
    limit: int
    truncated: bool


WORKBENCH_LIMIT = 300


def workbench_scope(user: User, scope: str) -> QuerySet[Application]:
    from cases.access import applications_for_user

    qs = applications_for_user(user)
    if scope == "office":
        return qs
    if scope == "unassigned":
        return qs.filter(handler__isnull=True)
    return qs.filter(handler=user)


def build_workbench(
    user: User,
    filters: WorkbenchFilters,
    *,
    today: date | None = None,
    limit: int = WORKBENCH_LIMIT,
) -> Workbench:
    today = today or timeutil.today()
    cal = get_calendar()
    until = horizon(today, cal)
    scope = workbench_scope(user, filters.scope).filter(q_open())
    tally = Tally().take(scope.order_by().aggregate(**counts(today, until)))

    qs = scope.select_related("agency", "applicant", "handler", "fee")
    if filters.flag == "overdue":
        qs = qs.filter(q_overdue(today))
    elif filters.flag == "due_soon":
        qs = qs.filter(q_due_soon(today, until))
    elif filters.flag == "provisional":
        qs = qs.filter(q_provisional())
    if filters.status in Status.values:
        qs = qs.filter(status=filters.status)
    if filters.q.strip():
        term = filters.q.strip()
        qs = qs.filter(contains_any(term, "number", "applicant__name", "content"))

    running = list(
        qs.filter(status=Status.OPEN).order_by(F("deadline").asc(nulls_last=True), "id")[
            : limit + 1
        ]
    )
    stops = Prefetch(
        "events",
        queryset=ApplicationEvent.objects.filter(
            kind__in=[Kind.SUPPLEMENT_REQUESTED, Kind.CONSULTATION_STARTED]
        ).order_by("on", "id"),
        to_attr="stop_events",
    )
    waiting = list(
        qs.filter(status__in=WAITING)
        .prefetch_related(stops)
        .order_by("status", "received_on", "id")[: limit + 1]
    )
    truncated = len(running) > limit or len(waiting) > limit
    return Workbench(
        today=today,
        tally=tally,
        running=[(a, countdown(a, calendar=cal, today=today)) for a in running[:limit]],
        waiting=[_waiting_row(a, cal, today) for a in waiting[:limit]],
        limit=limit,
        truncated=truncated,
    )


def _waiting_row(app: Application, cal: WorkCalendar, today: date) -> WaitingRow:
    due: date | None = None
    if app.status == Status.AWAITING_SUPPLEMENT:
        requests = [e for e in app.stop_events if e.kind == Kind.SUPPLEMENT_REQUESTED]
        if requests:
            due = engine.supplement_period_end(requests[-1].to_clock_event(), cal)
        what = "等待申请人补正"
    elif app.status == Status.CONSULTING:
        starts = [e for e in app.stop_events if e.kind == Kind.CONSULTATION_STARTED]
        if starts:
            due = engine.third_party_reply_due(starts[-1].on, cal)
            what = f"等待{starts[-1].party}的意见"
        else:
            what = "征求意见中"
    else:
        fee = getattr(app, "fee", None)
        due = fee.pay_due_on if fee else None
        what = f"等待申请人缴费（{fee.amount}元）" if fee else "等待申请人缴费"
    return WaitingRow(
        app, countdown(app, calendar=cal, today=today), what, due, due is not None and due < today
    )
