"""Reads for the supervisor's board: the counts per office and per handler, and the lists of cases
that need attention (overdue, due soon, provisional deadlines, late or lapsed notices, lapsed fees).

Every count is an aggregate query grouped by office or handler, every list one query with its joins:
the number of queries does not grow with the number of cases, offices or handlers.

The workbench (selectors_workbench.py), the digest (selectors_digest.py) and the shared conditions
(selectors_tally.py) are re-exported here for the modules that import them from this one."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, QuerySet

from cases import timeutil
from cases.access import visible_agencies
from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clocksync import get_calendar
from cases.models import Agency, Application, ApplicationEvent, User
from cases.selectors import Countdown, countdown
from cases.selectors_digest import DigestEntry, digest, previous_working_day
from cases.selectors_tally import (
    COUNT_NAMES,
    OfficeRow,
    Tally,
    counts,
    horizon,
    q_concluded_in,
    q_due_soon,
    q_on_time,
    q_open,
    q_overdue,
    q_provisional,
)
from cases.selectors_workbench import (
    WAITING,
    WORKBENCH_LIMIT,
    WaitingRow,
    Workbench,
    WorkbenchFilters,
    build_workbench,
    workbench_scope,
)

__all__ = [
    "COUNT_NAMES",
    "LIST_LIMIT",
    "WAITING",
    "WORKBENCH_LIMIT",
    "Board",
    "DigestEntry",
    "HandlerRow",
    "LapsedSupplement",
    "OfficeRow",
    "Tally",
    "WaitingRow",
    "Workbench",
    "WorkbenchFilters",
    "board_agencies",
    "build_board",
    "build_workbench",
    "counts",
    "digest",
    "horizon",
    "lapsed_supplements",
    "previous_working_day",
    "q_concluded_in",
    "q_due_soon",
    "q_on_time",
    "q_open",
    "q_overdue",
    "q_provisional",
    "workbench_scope",
]

Status = Application.Status
Kind = ApplicationEvent.Kind
LIST_LIMIT = 50


@dataclass
class HandlerRow:
    handler_id: int | None
    name: str
    office: str
    tally: Tally


@dataclass
class LapsedSupplement:
    application: Application
    requested_on: date
    period_end: date


@dataclass
class Board:
    today: date
    horizon: date
    scope: Agency | None
    offices: list[OfficeRow]
    total: Tally
    handlers: list[HandlerRow]
    overdue: list[tuple[Application, Countdown]]
    due_soon: list[tuple[Application, Countdown]]
    provisional: list[tuple[Application, Countdown]]
    late_notices: list[tuple[Application, date]]  # the case and the day its notice was sent
    supplement_lapsed: list[LapsedSupplement]
    fee_lapsed: list[Application]
    list_limit: int


def board_agencies(user: User, scope: Agency | None) -> list[Agency]:
    """The offices the board covers: what the user sees, narrowed to `scope` and the offices below."""
    qs = visible_agencies(user)
    if scope is not None:
        qs = qs.filter(path__startswith=scope.path)
    return list(qs.order_by("path"))


def _rows(qs: QuerySet[Application], cal: WorkCalendar, limit: int):
    return [(a, countdown(a, calendar=cal)) for a in qs[:limit]]


def lapsed_supplements(apps: QuerySet[Application], today: date, cal: WorkCalendar):
    """Cases waiting for a supplement whose period is over (to conclude as other.no_supplement)."""
    requests = (
        ApplicationEvent.objects.filter(
            kind=Kind.SUPPLEMENT_REQUESTED,
            application__in=apps.filter(status=Status.AWAITING_SUPPLEMENT),
        )
        .select_related("application__agency", "application__applicant", "application__handler")
        .order_by("on", "id")
    )
    out = []
    for event in requests:
        end = engine.supplement_period_end(event.to_clock_event(), cal)
        if end < today:
            out.append(LapsedSupplement(event.application, event.on, end))
    return out


def build_board(
    user: User,
    *,
    scope: Agency | None = None,
    today: date | None = None,
    list_limit: int = LIST_LIMIT,
) -> Board:
    today = today or timeutil.today()
    cal = get_calendar()
    until = horizon(today, cal)
    agencies = board_agencies(user, scope)
    ids = [a.pk for a in agencies]
    apps = Application.objects.filter(agency_id__in=ids, voided_at__isnull=True)
    listed = apps.select_related("agency", "applicant", "handler")

    by_office: dict[int, Tally] = defaultdict(Tally)
    for row in apps.order_by().values("agency_id").annotate(**counts(today, until)):
        by_office[row["agency_id"]].take(row)

    # supplement notices sent after their 7-working-day limit (Art. 30), this year or still open
    late = (
        ApplicationEvent.objects.filter(
            kind=Kind.SUPPLEMENT_REQUESTED,
            application__in=apps,
            on__gt=F("application__supplement_notice_due"),
        )
        .filter(Q(on__year=today.year) | ~Q(application__status=Status.CONCLUDED))
        .select_related("application__agency", "application__applicant", "application__handler")
        .order_by("-on", "-id")
    )
    late_notices = [(e.application, e.on) for e in late]
    for app, _ in late_notices:
        by_office[app.agency_id].late_notices += 1

    supplement_lapsed = lapsed_supplements(apps, today, cal)
    for item in supplement_lapsed:
        by_office[item.application.agency_id].supplement_lapsed += 1

    fee_lapsed = list(
        listed.filter(status=Status.AWAITING_FEE, fee__pay_due_on__lt=today)
        .select_related("fee")
        .order_by("fee__pay_due_on", "id")
    )
    for app in fee_lapsed:
        by_office[app.agency_id].fee_lapsed += 1

    offices = _office_rows(agencies, by_office)
    total = Tally()
    for row in offices:
        total.add(row.own)

    handler_rows = _handler_rows(apps, today, until)
    return Board(
        today=today,
        horizon=until,
        scope=scope,
        offices=offices,
        total=total,
        handlers=handler_rows,
        overdue=_rows(listed.filter(q_overdue(today)).order_by("deadline", "id"), cal, list_limit),
        due_soon=_rows(
            listed.filter(q_due_soon(today, until)).order_by("deadline", "id"), cal, list_limit
        ),
        provisional=_rows(
            listed.filter(q_provisional()).order_by("deadline", "id"), cal, list_limit
        ),
        late_notices=late_notices[:list_limit],
        supplement_lapsed=supplement_lapsed[:list_limit],
        fee_lapsed=fee_lapsed[:list_limit],
        list_limit=list_limit,
    )


def _office_rows(agencies: list[Agency], by_office: dict[int, Tally]) -> list[OfficeRow]:
    top = min((a.path.count("/") for a in agencies), default=0)
    rows = [
        OfficeRow(agency=a, depth=a.path.count("/") - top, own=by_office.get(a.pk, Tally()))
        for a in agencies
    ]
    for row in rows:  # the offices are few; the subtree sums need no query
        for other in rows:
            if other.agency.path.startswith(row.agency.path):
                row.subtree.add(other.own)
                row.has_children = row.has_children or other is not row
    return rows


def _handler_rows(apps: QuerySet[Application], today: date, until: date) -> list[HandlerRow]:
    """One row per handler (a handler's cases are all in their own office) and, per office, one row
    for the cases nobody has been assigned."""
    grouped = (
        apps.order_by()
        .values("handler_id", "handler__full_name", "handler__username", "agency__name")
        .annotate(**counts(today, until))
    )
    rows = []
    for row in grouped:
        tally = Tally().take(row)
        if not (tally.open or tally.concluded_year):
            continue
        name = row["handler__full_name"] or row["handler__username"] or "未分办"
        rows.append(HandlerRow(row["handler_id"], name, row["agency__name"], tally))
    return sorted(
        rows, key=lambda r: (r.handler_id is None, -r.tally.overdue, -r.tally.open, r.name)
    )
