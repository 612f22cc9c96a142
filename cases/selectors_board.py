"""Reads for the supervisor's board: the counts per office and per handler, and the lists of cases
that need attention (overdue, due soon, provisional deadlines, late or lapsed notices, lapsed fees).

The counts are one aggregate query grouped by office and handler, every list one query with its
joins (the lapsed supplement periods two: the notices, then the cases listed): the number of queries
does not grow with the number of cases, offices or handlers.

The workbench (selectors_workbench.py), the digest (selectors_digest.py) and the shared conditions
(selectors_tally.py) are re-exported here for the modules that import them from this one."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, QuerySet

from cases import timeutil
from cases.access import visible_agencies
from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clocksync import due_soon_days, get_calendar
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
    q_counted,
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
    "q_counted",
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
    due_soon_days: int  # the horizon in working days (the ledger's due_within for "查看全部")


def board_agencies(user: User, scope: Agency | None) -> list[Agency]:
    """The offices the board covers: what the user sees, narrowed to `scope` and the offices below."""
    qs = visible_agencies(user)
    if scope is not None:
        qs = qs.filter(path__startswith=scope.path)
    return list(qs.order_by("path"))


LISTED = ("agency", "applicant", "handler")  # what the board's lists show of each case
LIST_ORDER = ("deadline", "id")


def _rows(qs: QuerySet[Application], cal: WorkCalendar, limit: int):
    """The first `limit` cases of `qs` by deadline, with their countdowns. A subquery without joins
    picks them (the overdue and due-soon lists from the open cases' index alone); only those rows are
    read with what the list shows, not every matching case before the sort (a prefecture's 16,000
    overdue cases: 114 → 7 ms)."""
    first = qs.order_by(*LIST_ORDER).values("pk")[:limit]
    page = Application.objects.filter(pk__in=first).select_related(*LISTED).order_by(*LIST_ORDER)
    return [(a, countdown(a, calendar=cal)) for a in page]


def lapsed_supplements(
    apps: QuerySet[Application], today: date, cal: WorkCalendar, *, limit: int
) -> tuple[Counter[int], list[LapsedSupplement]]:
    """Cases waiting for a supplement whose period is over (to conclude as other.no_supplement): how
    many in each office, and the first `limit` of them by notice date with the cases as the board
    shows them. Every notice is read as plain values (its period is counted in working days, which
    SQL cannot); only the cases listed are read as objects (a prefecture's 1,796 notices: 286 → 36 ms)."""
    requests = (
        ApplicationEvent.objects.filter(
            kind=Kind.SUPPLEMENT_REQUESTED,
            application__in=apps.filter(status=Status.AWAITING_SUPPLEMENT),
        )
        .order_by("on", "id")
        .values_list("application_id", "application__agency_id", "on", "days", "deadline")
    )
    per_office: Counter[int] = Counter()
    first: list[tuple[int, date, date]] = []
    for application_id, agency_id, on, days, deadline in requests:
        notice = engine.ClockEvent(
            kind=Kind.SUPPLEMENT_REQUESTED, on=on, days=days, deadline=deadline
        )
        end = engine.supplement_period_end(notice, cal)
        if end < today:
            per_office[agency_id] += 1
            if len(first) < limit:
                first.append((application_id, on, end))
    cases = Application.objects.select_related(*LISTED).in_bulk([pk for pk, _, _ in first])
    return per_office, [LapsedSupplement(cases[pk], on, end) for pk, on, end in first]


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

    # every count by office and handler in one aggregate: an office's counts are the sums of its
    # handlers' and of its unassigned cases'
    grouped = list(
        apps.filter(q_counted(today))
        .order_by()
        .values("agency_id", "handler_id", "handler__full_name", "handler__username")
        .annotate(**counts(today, until))
    )
    by_office: dict[int, Tally] = defaultdict(Tally)
    for row in grouped:
        by_office[row["agency_id"]].add(Tally().take(row))

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

    lapsed_per_office, supplement_lapsed = lapsed_supplements(apps, today, cal, limit=list_limit)
    for agency_id, n in lapsed_per_office.items():
        by_office[agency_id].supplement_lapsed = n

    fee_lapsed = list(
        apps.filter(status=Status.AWAITING_FEE, fee__pay_due_on__lt=today)
        .select_related(*LISTED, "fee")
        .order_by("fee__pay_due_on", "id")
    )
    for app in fee_lapsed:
        by_office[app.agency_id].fee_lapsed += 1

    offices = _office_rows(agencies, by_office)
    total = Tally()
    for row in offices:
        total.add(row.own)

    handler_rows = _handler_rows(grouped, {a.pk: a.name for a in agencies})
    return Board(
        today=today,
        horizon=until,
        scope=scope,
        offices=offices,
        total=total,
        handlers=handler_rows,
        overdue=_rows(apps.filter(q_overdue(today)), cal, list_limit),
        due_soon=_rows(apps.filter(q_due_soon(today, until)), cal, list_limit),
        provisional=_rows(apps.filter(q_provisional()), cal, list_limit),
        late_notices=late_notices[:list_limit],
        supplement_lapsed=supplement_lapsed,
        fee_lapsed=fee_lapsed[:list_limit],
        list_limit=list_limit,
        due_soon_days=due_soon_days(),
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


def _handler_rows(grouped: list[dict], office_names: dict[int, str]) -> list[HandlerRow]:
    """One row per handler and office (a handler's cases are all in their own office) and, per
    office, one row for the cases nobody has been assigned, from the board's aggregate rows."""
    rows = []
    for row in grouped:
        tally = Tally().take(row)
        if not (tally.open or tally.concluded_year):
            continue
        name = row["handler__full_name"] or row["handler__username"] or "未分办"
        rows.append(HandlerRow(row["handler_id"], name, office_names[row["agency_id"]], tally))
    return sorted(
        rows, key=lambda r: (r.handler_id is None, -r.tally.overdue, -r.tally.open, r.name)
    )
