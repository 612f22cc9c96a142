"""Clock events and the single pass that reads a case's events into supplements, stops, extensions,
the Art. 35 date and the conclusion. Pure Python."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

# event kinds (also the database choice values)
SUPPLEMENT_REQUESTED = "supplement_requested"
SUPPLEMENT_RECEIVED = "supplement_received"
CONSULTATION_STARTED = "consultation_started"
CONSULTATION_ENDED = "consultation_ended"
FEE_NOTIFIED = "fee_notified"
FEE_PAID = "fee_paid"
FEE_WAIVED = "fee_waived"
EXTENDED = "extended"
DEADLINE_SET = "deadline_set"
CONCLUDED = "concluded"
WITHDRAWN = "withdrawn"

# statuses
OPEN = "open"
AWAITING_SUPPLEMENT = "awaiting_supplement"
CONSULTING = "consulting"
AWAITING_FEE = "awaiting_fee"
CONCLUDED_STATUS = "concluded"

# the two kinds of stop (law.md §3, §5)
CONSULTATION = "consultation"
FEE = "fee"
_STOP_STARTS = {CONSULTATION_STARTED: CONSULTATION, FEE_NOTIFIED: FEE}
_STOP_ENDS = {CONSULTATION_ENDED: CONSULTATION, FEE_PAID: FEE, FEE_WAIVED: FEE}
_ENDINGS = (CONCLUDED, WITHDRAWN)


@dataclass(frozen=True)
class ClockEvent:
    """One event that matters to the clock; other kinds are ignored by the engine."""

    kind: str
    on: date
    days: int | None = None  # EXTENDED: days granted; SUPPLEMENT_REQUESTED: period (None → default)
    deadline: date | None = (
        None  # DEADLINE_SET: the Art. 35 date; SUPPLEMENT_REQUESTED: explicit due date
    )
    reason: str = ""


@dataclass(frozen=True)
class Stop:
    """A period the clock does not run: working days d with start < d <= end; end None = still open."""

    channel: str  # CONSULTATION or FEE
    start: date
    end: date | None
    ended_by: str = ""  # the event kind that closed it ("" while open)


@dataclass
class Scan:
    """What a case's events say, read once in date order and cut at the conclusion."""

    events: list[ClockEvent] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    stop_at: dict[int, Stop] = field(default_factory=dict)  # index in `events` of the start → stop
    extensions: list[ClockEvent] = field(default_factory=list)
    request: ClockEvent | None = None  # the latest supplement notice
    supplement_received: date | None = None  # the latest supplement receipt
    awaiting_supplement: bool = False
    override: ClockEvent | None = None  # the latest DEADLINE_SET
    conclusion: ClockEvent | None = None

    def open_stop(self, channel: str) -> Stop | None:
        """The stop of this channel still open (never one closed by the conclusion)."""
        for stop in self.stops:
            if stop.channel == channel and stop.end is None:
                return stop
        return None


def _cut_at_conclusion(events: Sequence[ClockEvent]) -> list[ClockEvent]:
    ordered = sorted(events, key=lambda e: e.on)
    for i, event in enumerate(ordered):
        if event.kind in _ENDINGS:
            return ordered[: i + 1]
    return ordered


def scan(events: Sequence[ClockEvent]) -> Scan:
    """Read the events (sorted stably by date; anything after the conclusion is ignored).

    A stop opens with its first start and closes when every consultation started has ended; a fee
    notice closes with the first payment or waiver. An end without a start is ignored."""
    s = Scan(events=_cut_at_conclusion(events))
    started: dict[str, int] = {}  # channel → index of the event that opened its stop
    depth: dict[str, int] = {}  # consultations may run with several parties at once
    for i, event in enumerate(s.events):
        kind = event.kind
        if kind in _STOP_STARTS:
            channel = _STOP_STARTS[kind]
            if channel not in started:
                started[channel], depth[channel] = i, 1
            elif channel == CONSULTATION:
                depth[channel] += 1
        elif kind in _STOP_ENDS and _STOP_ENDS[kind] in started:
            channel = _STOP_ENDS[kind]
            depth[channel] -= 1
            if depth[channel] == 0:
                _add_stop(s, started.pop(channel), event.on, kind)
        elif kind == EXTENDED:
            s.extensions.append(event)
        elif kind == SUPPLEMENT_REQUESTED:
            s.request, s.awaiting_supplement = event, True
        elif kind == SUPPLEMENT_RECEIVED:
            s.supplement_received, s.awaiting_supplement = event.on, False
        elif kind == DEADLINE_SET and event.deadline is not None:
            s.override = event
        elif kind in _ENDINGS:
            s.conclusion = event
    for begin in started.values():  # still open; the conclusion, if any, ends it
        end = s.conclusion.on if s.conclusion else None
        _add_stop(s, begin, end, s.conclusion.kind if s.conclusion else "")
    s.stops.sort(key=lambda stop: stop.start)
    return s


def _add_stop(s: Scan, begin: int, end: date | None, ended_by: str) -> None:
    start_event = s.events[begin]
    if end is not None and end < start_event.on:
        end = start_event.on
    stop = Stop(_STOP_STARTS[start_event.kind], start_event.on, end, ended_by)
    s.stops.append(stop)
    s.stop_at[begin] = stop


def status_of(s: Scan) -> str:
    """concluded > awaiting_supplement > consulting > awaiting_fee > open."""
    if s.conclusion is not None:
        return CONCLUDED_STATUS
    if s.awaiting_supplement:
        return AWAITING_SUPPLEMENT
    if s.open_stop(CONSULTATION) is not None:
        return CONSULTING
    if s.open_stop(FEE) is not None:
        return AWAITING_FEE
    return OPEN
