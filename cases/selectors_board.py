"""Reads for the handler's workbench, the supervisor's board and the daily digest.

Every count is an aggregate query grouped by office or handler, every list one query with its joins:
the number of queries does not grow with the number of cases, offices or handlers."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, Prefetch, Q, QuerySet

from cases import timeutil
from cases.access import visible_agencies
from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clocksync import due_soon_days, get_calendar
from cases.models import Agency, Application, ApplicationEvent, User
from cases.selectors import Countdown, countdown

Status = Application.Status
Kind = ApplicationEvent.Kind
WAITING = (Status.AWAITING_SUPPLEMENT, Status.CONSULTING, Status.AWAITING_FEE)
LIST_LIMIT = 50


# --- the shared conditions (law.md §3: overdue, due soon; never a concluded or voided case) ----------


def horizon(today: date, cal: WorkCalendar | None = None) -> date:
    """The last day that is still "due soon": N working days after today."""
    days = due_soon_days()
    return (cal or get_calendar()).add_working_days(today, days) if days > 0 else today


def previous_working_day(today: date, cal: WorkCalendar | None = None) -> date:
    cal = cal or get_calendar()
    day = today - timedelta(days=1)
    while not cal.is_working_day(day):
        day -= timedelta(days=1)
    return day


def q_open() -> Q:
    return ~Q(status=Status.CONCLUDED)


def q_overdue(today: date) -> Q:
    return q_open() & (Q(deadline__lt=today) | Q(deadline__isnull=True, stopped_days_left__lt=0))


def q_due_soon(today: date, until: date) -> Q:
    return q_open() & Q(deadline__gte=today, deadline__lte=until)


def q_provisional() -> Q:
    return q_open() & Q(deadline_provisional=True)


def q_concluded_in(year: int) -> Q:
    return Q(
        status=Status.CONCLUDED,
        concluded_on__gte=date(year, 1, 1),
        concluded_on__lte=date(year, 12, 31),
    )


def q_on_time(year: int) -> Q:
    """Concluded in the year on or before its deadline (no deadline: the clock never ran, on time)."""
    return q_concluded_in(year) & (Q(deadline__isnull=True) | Q(concluded_on__lte=F("deadline")))


def counts(today: date, until: date) -> dict:
    """The aggregate columns every table of the board shares."""
    return {
        "open": Count("pk", filter=q_open()),
        "running": Count("pk", filter=Q(status=Status.OPEN)),
        "overdue": Count("pk", filter=q_overdue(today)),
        "due_soon": Count("pk", filter=q_due_soon(today, until)),
        "provisional": Count("pk", filter=q_provisional()),
        "awaiting_supplement": Count("pk", filter=Q(status=Status.AWAITING_SUPPLEMENT)),
        "consulting": Count("pk", filter=Q(status=Status.CONSULTING)),
        "awaiting_fee": Count("pk", filter=Q(status=Status.AWAITING_FEE)),
        "concluded_year": Count("pk", filter=q_concluded_in(today.year)),
        "on_time_year": Count("pk", filter=q_on_time(today.year)),
    }


COUNT_NAMES = (
    "open",
    "running",
    "overdue",
    "due_soon",
    "provisional",
    "awaiting_supplement",
    "consulting",
    "awaiting_fee",
    "concluded_year",
    "on_time_year",
    "late_notices",
    "supplement_lapsed",
    "fee_lapsed",
)


@dataclass
class Tally:
    open: int = 0
    running: int = 0
    overdue: int = 0
    due_soon: int = 0
    provisional: int = 0
    awaiting_supplement: int = 0
    consulting: int = 0
    awaiting_fee: int = 0
    concluded_year: int = 0
    on_time_year: int = 0
    late_notices: int = 0
    supplement_lapsed: int = 0
    fee_lapsed: int = 0

    @property
    def waiting(self) -> int:
        return self.awaiting_supplement + self.consulting + self.awaiting_fee

    @property
    def on_time_rate(self) -> float | None:
        """Share of this year's concluded cases concluded on time (None when none concluded)."""
        return self.on_time_year / self.concluded_year if self.concluded_year else None

    @property
    def on_time_percent(self) -> str:
        rate = self.on_time_rate
        return "—" if rate is None else f"{rate * 100:.1f}%"

    def add(self, other: "Tally") -> None:
        for name in COUNT_NAMES:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def take(self, row: dict) -> "Tally":
        for name in COUNT_NAMES:
            if name in row:
                setattr(self, name, row[name] or 0)
        return self


# --- the supervisor's board ---------------------------------------------------------------------


@dataclass
class OfficeRow:
    agency: Agency
    depth: int
    own: Tally = field(default_factory=Tally)
    subtree: Tally = field(default_factory=Tally)  # the office with every office below it in scope
    has_children: bool = False


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


# --- the handler's workbench ----------------------------------------------------------------------


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
        qs = qs.filter(
            Q(number__icontains=term)
            | Q(applicant__name__icontains=term)
            | Q(content__icontains=term)
        )

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


# --- the daily digest ------------------------------------------------------------------------------


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
    cases; supervisors and admins the cases of their office and the offices below."""
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
        if user.role == User.Role.HANDLER:
            mine = [a for a in relevant if a.handler_id == user.pk]
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
    if app.deadline is not None:
        return app.deadline < today
    return app.stopped_days_left is not None and app.stopped_days_left < 0
