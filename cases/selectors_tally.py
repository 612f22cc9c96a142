"""What the board, the workbench and the digest share: the conditions (law.md §3: overdue, due soon;
never a concluded or voided case), the aggregate counts grouped by office or handler, and the Tally
and OfficeRow they fill."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, Q

from cases.clock.calendar import WorkCalendar
from cases.clocksync import due_soon_days, get_calendar
from cases.models import Agency, Application

Status = Application.Status


def horizon(today: date, cal: WorkCalendar | None = None, *, days: int | None = None) -> date:
    """The last day that is "due within" `days` working days (by default the due-soon horizon): the day
    before the (days + 1)-th working day after today — the days with at most `days` working days left,
    as the case's own countdown counts them, rest days after the last working day included (an Art. 35
    date may fall on a Saturday)."""
    days = due_soon_days() if days is None else days
    return (cal or get_calendar()).add_working_days(today, days + 1) - timedelta(days=1)


def q_open() -> Q:
    return ~Q(status=Status.CONCLUDED)


def q_overdue(today: date) -> Q:
    """Past the deadline; a case without one is never overdue (see selectors.overdue)."""
    return q_open() & Q(deadline__lt=today)


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


def q_counted(today: date) -> Q:
    """The cases counts() can count: open, or concluded in today's year; every other case adds zero to
    every column. Filtering by it first lets the indexes of open cases and of conclusion dates
    choose the rows, instead of reading every year of every office in scope (a prefecture's board
    at 1,000,000 cases: ~110,000 rows instead of all of them)."""
    return q_open() | q_concluded_in(today.year)


def counts(today: date, until: date) -> dict:
    """The aggregate columns every table of the board shares; a case q_counted leaves out adds zero to
    each, so callers may filter by it first."""
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


@dataclass
class OfficeRow:
    """One office on the board (a DigestEntry can carry them too): its own tallies and its subtree's."""

    agency: Agency
    depth: int
    own: Tally = field(default_factory=Tally)
    subtree: Tally = field(default_factory=Tally)  # the office with every office below it in scope
    has_children: bool = False
