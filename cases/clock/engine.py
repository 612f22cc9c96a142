"""The statutory reply clock (law.md §3–§5): regime, deadline, stops, supplements, extensions, the
Art. 35 date, and a Chinese trace of every step. Pure Python: no Django, no database.

Decisions made here (where law.md leaves room), all in one place:
- "N working days from D" is the N-th working day strictly after D (law.md §2);
- a stop from A to B removes the working days d with A < d <= B; at the conclusion a stop still open
  is taken to end on the conclusion date, so `concluded_late` is judged on the deadline as it stood;
- while a stop is open the deadline is None, unless the count had run out when it began (on the
  deadline day or later): day A still counts, so such a stop cannot move the deadline, which stays
  known and overdue after it (as concluding then is late);
- an Art. 35 date is fixed by a person, not counted, so it is never provisional.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from cases.clock import counting
from cases.clock import trace as say
from cases.clock.calendar import WorkCalendar
from cases.clock.events import (
    AWAITING_FEE,
    AWAITING_SUPPLEMENT,
    CONCLUDED,
    CONCLUDED_STATUS,
    CONSULTATION,
    CONSULTATION_ENDED,
    CONSULTATION_STARTED,
    CONSULTING,
    DEADLINE_SET,
    EXTENDED,
    FEE,
    FEE_NOTIFIED,
    FEE_PAID,
    FEE_WAIVED,
    OPEN,
    SUPPLEMENT_RECEIVED,
    SUPPLEMENT_REQUESTED,
    WITHDRAWN,
    ClockEvent,
    Scan,
    Stop,
    scan,
    status_of,
)
from cases.clock.trace import format_day

__all__ = [
    "AWAITING_FEE", "AWAITING_SUPPLEMENT", "CONCLUDED", "CONCLUDED_STATUS", "CONSULTATION_ENDED",
    "CONSULTATION_STARTED", "CONSULTING", "DEADLINE_SET", "DEFAULT_DUE_SOON_DAYS",
    "DEFAULT_SUPPLEMENT_PERIOD", "EXTENDED", "FEE_NOTIFIED", "FEE_PAID", "FEE_PAYMENT_DAYS",
    "FEE_WAIVED", "OPEN", "REGIME_2008", "REGIME_2019", "REGIME_BOUNDARY", "SUPPLEMENT_NOTICE_DAYS",
    "SUPPLEMENT_RECEIVED", "SUPPLEMENT_REQUESTED", "THIRD_PARTY_REPLY_DAYS", "WITHDRAWN",
    "ClockEvent", "ClockResult", "compute", "derive_status", "extension_cap", "fee_payment_due",
    "format_day", "regime_for", "reply_limit", "span_lines", "supplement_notice_due",
    "supplement_period_end", "third_party_reply_due", "uncovered_year_lines",
]  # fmt: skip

REGIME_2008, REGIME_2019 = "2008", "2019"
REGIME_BOUNDARY = date(2019, 5, 15)  # 国务院令第711号 in force
_REPLY_LIMITS = {REGIME_2008: 15, REGIME_2019: 20}  # 2008 Art. 24 / 2019 Art. 33
_EXTENSION_CAPS = {REGIME_2008: 15, REGIME_2019: 20}

SUPPLEMENT_NOTICE_DAYS = 7  # Art. 30
DEFAULT_SUPPLEMENT_PERIOD = 15  # Decision (law.md §4)
FEE_PAYMENT_DAYS = 20  # 国办函〔2020〕109号
THIRD_PARTY_REPLY_DAYS = 15  # Art. 32
DEFAULT_DUE_SOON_DAYS = 3


def regime_for(received_on: date) -> str:
    """ "2008" for applications received before 2019-05-15, else "2019"."""
    return REGIME_2008 if received_on < REGIME_BOUNDARY else REGIME_2019


def reply_limit(regime: str) -> int:
    """Statutory reply limit in working days."""
    if regime not in _REPLY_LIMITS:
        raise ValueError(f"unknown regime {regime!r}")
    return _REPLY_LIMITS[regime]


def extension_cap(regime: str) -> int:
    """Most working days all extensions together may add."""
    if regime not in _EXTENSION_CAPS:
        raise ValueError(f"unknown regime {regime!r}")
    return _EXTENSION_CAPS[regime]


def supplement_notice_due(received_on: date, cal: WorkCalendar) -> date:
    """The supplement notice is due on the 7th working day after receipt (Art. 30)."""
    return cal.add_working_days(received_on, SUPPLEMENT_NOTICE_DAYS)


def fee_payment_due(notice_on: date, cal: WorkCalendar) -> date:
    """Payment is due on the 20th working day after the fee notice."""
    return cal.add_working_days(notice_on, FEE_PAYMENT_DAYS)


def third_party_reply_due(start_on: date, cal: WorkCalendar) -> date:
    """A consulted third party replies by the 15th working day after the request."""
    return cal.add_working_days(start_on, THIRD_PARTY_REPLY_DAYS)


def supplement_period_end(request: ClockEvent, cal: WorkCalendar) -> date:
    """The explicit due date of a supplement notice, or its period counted from the notice."""
    if request.deadline is not None:
        return request.deadline
    return cal.add_working_days(request.on, request.days or DEFAULT_SUPPLEMENT_PERIOD)


@dataclass(frozen=True)
class ClockResult:
    """Everything the clock says about one case as of `today`."""

    regime: str
    status: str
    limit: int
    extension_days: int
    clock_start: date | None
    deadline: date | None
    provisional: bool
    working_days_left: int | None
    overdue: bool
    due_soon: bool
    supplement_notice_due: date
    supplement_period_end: date | None
    fee_payment_due: date | None
    third_party_reply_due: date | None
    concluded_on: date | None
    concluded_late: bool
    trace: tuple[str, ...]


@lru_cache(maxsize=8192)
def span_lines(cal: WorkCalendar, start: date, end: date) -> tuple[tuple[str, ...], bool]:
    """The trace's lines for the span (start, end] — holidays crossed, calendar years used, years not
    yet covered — and whether there is such a year. A function of the calendar (by identity: its days
    never change) and the two dates alone, which many cases share (those received the same day), so
    it is remembered: it was a quarter of a clock's time. A calendar replaced after an edit is let go
    as its entries here are pushed out, as with clocksync.remembered_clock."""
    lines = say.holidays(cal, start, end)
    first = (start + timedelta(days=1)).year if start < end else start.year  # start is not counted
    covered = [y for y in range(first, end.year + 1) if y in cal.covered_years]
    if covered:
        lines.append(say.calendar_years(covered))
    uncovered = uncovered_year_lines(cal, first, end.year)
    return (*lines, *uncovered), bool(uncovered)


@lru_cache(maxsize=1024)
def uncovered_year_lines(cal: WorkCalendar, first: int, last: int) -> tuple[str, ...]:
    """A line for each year from first to last whose holiday arrangement the calendar lacks."""
    return tuple(
        say.uncovered_year(y, cal) for y in range(first, last + 1) if y not in cal.covered_years
    )


def derive_status(events: Sequence[ClockEvent]) -> str:
    """open / awaiting_supplement / consulting / awaiting_fee / concluded, from the events alone."""
    return status_of(scan(events))


def extension_total(extensions: Iterable[ClockEvent], cap: int) -> int:
    """Sum of the days granted; ValueError if a grant is not positive or the sum exceeds the cap."""
    total = 0
    for event in extensions:
        if event.days is None or event.days < 1:
            raise ValueError(f"{event.on}：延长的工作日数应为正整数")
        total += event.days
    if total > cap:
        raise ValueError(f"延长答复期限累计{total}个工作日，超过上限{cap}个工作日")
    return total


def compute(
    received_on: date,
    events: Sequence[ClockEvent],
    cal: WorkCalendar,
    today: date,
    *,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> ClockResult:
    """The clock of one case from its received date and events (oldest first), as of `today`."""
    return _Run(received_on, scan(events), cal, today, due_soon_days).result()


class _Run:
    """One computation; collects the trace as it goes."""

    def __init__(
        self, received_on: date, s: Scan, cal: WorkCalendar, today: date, due_soon_days: int
    ) -> None:
        self.received_on, self.s, self.cal, self.today = received_on, s, cal, today
        self.due_soon_days = due_soon_days
        self.regime = regime_for(received_on)
        self.limit = reply_limit(self.regime)
        self.cap = extension_cap(self.regime)
        self.extension_days = extension_total(s.extensions, self.cap)
        self.notice_due = supplement_notice_due(received_on, cal)
        self.period_end = supplement_period_end(s.request, cal) if s.request else None
        self.lines: list[str] = [
            say.received(received_on, cal),
            say.regime(self.regime, self.limit),
        ]

    def result(self) -> ClockResult:
        s, cal = self.s, self.cal
        if s.awaiting_supplement:
            return self._awaiting()
        start = s.supplement_received or self.received_on
        total = self.limit + self.extension_days
        merged = counting.merge(s.stops, start)
        # None while an open stop can still move the deadline; one begun once the count had run out
        # (on its last day or after) cannot, and the deadline stays known
        computed = counting.walk(start, total, merged, cal)
        self._event_lines(counting.effects(s.stops, start, cal))
        span_end = computed if computed is not None else max(merged[-1][0], start)
        provisional = self._calendar_lines(start, span_end) and s.override is None
        if merged and merged[-1][1] is None:  # an open stop's own due date is shown, counted too
            provisional = self._stop_due_uncovered(span_end) or provisional
        deadline = computed
        if s.override is not None and s.override.deadline is not None:
            deadline = s.override.deadline
            self.lines.append(say.replaced(computed))
        left, overdue, due_soon = self._countdown(start, total, merged, deadline)
        if deadline is not None:
            self.lines.append(say.deadline(deadline))
        elif left is not None:
            self.lines.append(say.stopped(total - left, left))
        late = s.conclusion is not None and deadline is not None and s.conclusion.on > deadline
        return self._result(start, deadline, provisional, left, overdue, due_soon, late)

    def _awaiting(self) -> ClockResult:
        """A supplement was asked for and not received: no clock yet."""
        self._event_lines({})
        provisional = False
        if self.s.request is not None and self.s.request.deadline is None and self.period_end:
            provisional = self._uncovered_lines(self.s.request.on, self.period_end)
        if self.s.conclusion is None:
            self.lines.append(say.awaiting_supplement())
        return self._result(None, None, provisional, None, False, False, False)

    def _countdown(
        self, start: date, total: int, merged: list[counting.Interval], deadline: date | None
    ) -> tuple[int | None, bool, bool]:
        """working_days_left, overdue, due_soon as of today."""
        if self.s.conclusion is not None:
            return None, False, False
        today, cal = self.today, self.cal
        if deadline is None:  # an open stop that began before the count ran out: left >= 1
            left = total - counting.counted(start, today, merged, cal)
            return left, False, False
        if today > deadline:
            return -cal.working_days_between(deadline, today), True, False
        left = cal.working_days_between(today, deadline)
        return left, False, left <= self.due_soon_days

    def _event_lines(self, effects: dict[Stop, counting.StopEffect]) -> None:
        """One sentence per event, in date order (a stop is told at its start)."""
        cumulative = 0
        for i, event in enumerate(self.s.events):
            kind = event.kind
            if i in self.s.stop_at and self.s.stop_at[i] in effects:
                stop = self.s.stop_at[i]
                due = fee_payment_due(stop.start, self.cal) if stop.end is None else None
                self.lines.append(say.stop(effects[stop], due))
            elif kind == SUPPLEMENT_REQUESTED:
                period_end = supplement_period_end(event, self.cal)
                self.lines.append(say.supplement_requested(event, period_end, self.notice_due))
            elif kind == SUPPLEMENT_RECEIVED:
                self.lines.append(say.supplement_received(event.on, self.limit))
            elif kind == EXTENDED and event.days:
                cumulative += event.days
                self.lines.append(say.extension(event, cumulative, self.cap))
            elif kind == DEADLINE_SET and event.deadline is not None:
                self.lines.append(say.override(event, self.regime, event.deadline))

    def _calendar_lines(self, start: date, end: date) -> bool:
        """Holidays crossed and calendar years used in (start, end]; True if any year is uncovered."""
        lines, uncovered = span_lines(self.cal, start, end)
        self.lines.extend(lines)
        return uncovered

    def _stop_due_uncovered(self, counted_to: date) -> bool:
        """Whether the open fee or consultation stop's due date is counted in a year the calendar does
        not cover (its lines added for the years after `counted_to`, which are already told)."""
        dues = [due for due in (self._fee_due(), self._reply_due()) if due is not None]
        if not dues:
            return False
        last = max(dues).year
        self.lines.extend(uncovered_year_lines(self.cal, counted_to.year + 1, last))
        return bool(uncovered_year_lines(self.cal, counted_to.year, last))

    def _fee_due(self) -> date | None:
        fee = self.s.open_stop(FEE)
        return fee_payment_due(fee.start, self.cal) if fee else None

    def _reply_due(self) -> date | None:
        consultation = self.s.open_stop(CONSULTATION)
        return third_party_reply_due(consultation.start, self.cal) if consultation else None

    def _uncovered_lines(self, start: date, end: date) -> bool:
        lines = uncovered_year_lines(self.cal, start.year, end.year)
        self.lines.extend(lines)
        return bool(lines)

    def _result(
        self,
        start: date | None,
        deadline: date | None,
        provisional: bool,
        left: int | None,
        overdue: bool,
        due_soon: bool,
        late: bool,
    ) -> ClockResult:
        s, cal = self.s, self.cal
        if s.conclusion is not None:
            self.lines.append(say.concluded(s.conclusion, late, cal, deadline))
        return ClockResult(
            regime=self.regime,
            status=status_of(s),
            limit=self.limit,
            extension_days=self.extension_days,
            clock_start=start,
            deadline=deadline,
            provisional=provisional,
            working_days_left=left,
            overdue=overdue,
            due_soon=due_soon,
            supplement_notice_due=self.notice_due,
            supplement_period_end=self.period_end,
            fee_payment_due=self._fee_due(),
            third_party_reply_due=self._reply_due(),
            concluded_on=s.conclusion.on if s.conclusion else None,
            concluded_late=late,
            trace=tuple(self.lines),
        )
