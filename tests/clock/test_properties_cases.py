"""Property tests of the reply clock (law.md §2–§5) over whole cases: event sequences as the services
would record them (in date order, each action allowed in the state the case is in then)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cases.clock import counting, engine
from cases.clock import trace as say
from cases.clock.calendar import CalendarEntry, WorkCalendar
from cases.clock.engine import ClockEvent
from cases.clock.events import scan

CAL = WorkCalendar.from_chinese_calendar()  # covers 2004–2026
# the generator and the random calendars compute clocks as they draw: no per-example deadline
UNHURRIED = settings(deadline=None)
RECEIVED = st.dates(min_value=date(2005, 1, 1), max_value=date(2027, 3, 31))
ACTIONS = (
    "supplement",
    "consult",
    "fee",
    "extend",
    "set_deadline",
    "conclude",
    "withdraw",
    "nothing",
)


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, list[ClockEvent]]:
    """A received date and events a handler could have recorded, one action after another."""
    received = draw(RECEIVED)
    events: list[ClockEvent] = []
    day = received
    fee_done = supplement_done = False
    for _ in range(draw(st.integers(0, 6))):
        now = engine.compute(received, events, CAL, day)
        if now.status == engine.CONCLUDED_STATUS:
            break
        day = day + timedelta(days=draw(st.integers(0, 25)))
        action = draw(st.sampled_from(ACTIONS))
        status = now.status
        if status == engine.AWAITING_SUPPLEMENT:
            if action == "conclude":
                events.append(ClockEvent(engine.CONCLUDED, day))
            else:
                events.append(ClockEvent(engine.SUPPLEMENT_RECEIVED, day))
        elif status == engine.CONSULTING:
            kind = engine.CONCLUDED if action == "conclude" else engine.CONSULTATION_ENDED
            events.append(ClockEvent(kind, day))
        elif status == engine.AWAITING_FEE:
            kind = draw(st.sampled_from([engine.FEE_PAID, engine.FEE_WAIVED, engine.CONCLUDED]))
            events.append(ClockEvent(kind, day))
        elif action == "supplement" and not supplement_done and not events:
            supplement_done = True
            days = draw(st.one_of(st.none(), st.integers(1, 60)))
            events.append(ClockEvent(engine.SUPPLEMENT_REQUESTED, day, days=days))
        elif action == "consult":
            events.append(ClockEvent(engine.CONSULTATION_STARTED, day))
        elif action == "fee" and not fee_done:
            fee_done = True
            events.append(ClockEvent(engine.FEE_NOTIFIED, day))
        elif action == "extend" and (now.deadline is None or day <= now.deadline):
            left = engine.extension_cap(now.regime) - now.extension_days
            if left >= 1 and not any(e.kind == engine.DEADLINE_SET for e in events):
                days = draw(st.integers(1, left))
                events.append(ClockEvent(engine.EXTENDED, day, days=days))
        elif (
            action == "set_deadline"
            and now.regime == engine.REGIME_2019
            and now.deadline is not None
            and day <= now.deadline
        ):
            until = now.deadline + timedelta(days=draw(st.integers(1, 200)))
            events.append(ClockEvent(engine.DEADLINE_SET, day, deadline=until))
        elif action in ("conclude", "withdraw"):
            kind = engine.CONCLUDED if action == "conclude" else engine.WITHDRAWN
            events.append(ClockEvent(kind, day))
    return received, events


def clock(received: date, events: list[ClockEvent], today: date | None = None):
    last = max((e.on for e in events), default=received)
    return engine.compute(received, events, CAL, today or last)


def numbers(r: engine.ClockResult) -> tuple:
    """Everything but the trace."""
    return (r.status, r.clock_start, r.deadline, r.provisional, r.working_days_left, r.overdue,
            r.due_soon, r.concluded_late, r.extension_days)  # fmt: skip


@UNHURRIED
@given(cases())
def test_the_deadline_is_a_counted_working_day(case) -> None:
    """law.md §3: the deadline is the (limit + extension)-th counted working day after the start —
    a working day, not inside a stop — unless a person fixed it (Art. 35)."""
    received, events = case
    r = clock(received, events)
    s = scan(events)
    if r.deadline is None or s.override is not None:
        return
    assert CAL.is_working_day(r.deadline)
    assert r.deadline > r.clock_start
    merged = counting.merge(s.stops, r.clock_start)
    total = r.limit + r.extension_days
    assert counting.counted(r.clock_start, r.deadline, merged, CAL) == total
    before = r.deadline - timedelta(days=1)
    assert counting.counted(r.clock_start, before, merged, CAL) == total - 1


@UNHURRIED
@given(cases(), st.data())
def test_a_stop_of_one_day_changes_nothing(case, data) -> None:
    """law.md §3: a stop from A to B removes the working days A < d <= B — none when A = B."""
    received, events = case
    r = clock(received, events)
    if r.status not in (engine.OPEN, engine.CONCLUDED_STATUS):
        return
    last = max((e.on for e in events if e.kind not in (engine.CONCLUDED, engine.WITHDRAWN)),
               default=received)  # fmt: skip
    end = r.concluded_on or last + timedelta(days=40)
    if end < last:
        return
    on = last + timedelta(days=data.draw(st.integers(0, (end - last).days)))
    pair = [ClockEvent(engine.CONSULTATION_STARTED, on), ClockEvent(engine.CONSULTATION_ENDED, on)]
    body = [e for e in events if e.kind not in (engine.CONCLUDED, engine.WITHDRAWN)]
    tail = [e for e in events if e.kind in (engine.CONCLUDED, engine.WITHDRAWN)]
    today = max(on, r.concluded_on or on)
    before = engine.compute(received, events, CAL, today)
    after = engine.compute(received, [*body, *pair, *tail], CAL, today)
    assert numbers(before) == numbers(after)


@UNHURRIED
@given(cases(), st.integers(0, 60), st.integers(0, 60))
def test_a_closed_stop_never_moves_the_deadline_earlier(case, a, length) -> None:
    received, events = case
    r = clock(received, events)
    if r.status != engine.OPEN or scan(events).override is not None:
        return
    last = max((e.on for e in events), default=received)
    start = last + timedelta(days=a)
    pair = [
        ClockEvent(engine.CONSULTATION_STARTED, start),
        ClockEvent(engine.CONSULTATION_ENDED, start + timedelta(days=length)),
    ]
    after = clock(received, [*events, *pair])
    assert r.deadline is not None and after.deadline is not None
    assert after.deadline >= r.deadline
    removed = CAL.working_days_between(start, start + timedelta(days=length))
    if start < r.deadline:  # the stop begins before the count runs out: it adds its working days
        merged = counting.merge(scan(events).stops, r.clock_start)
        cs = r.clock_start
        gained = counting.counted(cs, after.deadline, merged, CAL)
        assert gained - counting.counted(cs, r.deadline, merged, CAL) == removed
    else:
        assert after.deadline == r.deadline


@UNHURRIED
@given(cases(), st.integers(1, 20))
def test_an_extension_adds_exactly_its_working_days(case, days) -> None:
    received, events = case
    r = clock(received, events)
    s = scan(events)
    if r.status != engine.OPEN or s.override is not None or r.deadline is None:
        return
    if r.extension_days + days > engine.extension_cap(r.regime):
        return
    last = max((e.on for e in events), default=received)
    if last > r.deadline:
        return
    after = clock(received, [*events, ClockEvent(engine.EXTENDED, last, days=days)])
    merged = counting.merge(s.stops, r.clock_start)
    assert after.deadline is not None
    cs = r.clock_start
    gained = counting.counted(cs, after.deadline, merged, CAL)
    assert gained - counting.counted(cs, r.deadline, merged, CAL) == days


@UNHURRIED
@given(cases())
def test_supplement_restarts_the_full_limit(case) -> None:
    """law.md §4: once the supplement is received the clock starts afresh from that date."""
    received, events = case
    s = scan(events)
    r = clock(received, events)
    if s.supplement_received is None:
        assert r.clock_start in (None, received)
        return
    assert r.clock_start == s.supplement_received
    # the same case received on the supplement's date, without the request, has the same deadline
    rest = [e for e in events if e.kind not in (engine.SUPPLEMENT_REQUESTED,
                                                engine.SUPPLEMENT_RECEIVED)]  # fmt: skip
    fresh = engine.compute(s.supplement_received, rest, CAL, max(e.on for e in events))
    if engine.regime_for(received) == engine.regime_for(s.supplement_received):
        assert fresh.deadline == r.deadline


@UNHURRIED
@given(cases(), st.integers(0, 80))
def test_concluded_late_is_overdue_on_the_conclusion_date(case, wait) -> None:
    received, events = case
    r = clock(received, events)
    if r.status == engine.CONCLUDED_STATUS or r.status == engine.AWAITING_SUPPLEMENT:
        return
    last = max((e.on for e in events), default=received)
    today = last + timedelta(days=wait)
    open_case = engine.compute(received, events, CAL, today)
    done = engine.compute(received, [*events, ClockEvent(engine.CONCLUDED, today)], CAL, today)
    assert open_case.overdue == done.concluded_late


@UNHURRIED
@given(cases(), st.integers(0, 200), st.integers(1, 100))
def test_overdue_and_the_days_left_are_monotone_in_today(case, wait, more) -> None:
    received, events = case
    last = max((e.on for e in events), default=received)
    first = engine.compute(received, events, CAL, last + timedelta(days=wait))
    later = engine.compute(received, events, CAL, last + timedelta(days=wait + more))
    if first.overdue:
        assert later.overdue
    if first.working_days_left is not None and later.working_days_left is not None:
        assert later.working_days_left <= first.working_days_left


@UNHURRIED
@given(cases(), st.integers(0, 200))
def test_a_stop_that_leaves_the_deadline_unknown_has_days_left(case, wait) -> None:
    """The deadline is unknown only while a stop that began before the count ran out is open, so
    the frozen count (stored as stopped_days_left) is at least one working day, whatever today is:
    a case without a deadline is never overdue, and the lists need no second overdue rule."""
    received, events = case
    last = max((e.on for e in events), default=received)
    r = engine.compute(received, events, CAL, last + timedelta(days=wait))
    if r.deadline is None and r.status in (engine.CONSULTING, engine.AWAITING_FEE):
        assert r.working_days_left is not None and r.working_days_left >= 1
        assert not r.overdue


@UNHURRIED
@given(cases())
def test_the_trace_ends_with_the_deadline(case) -> None:
    received, events = case
    r = clock(received, events)
    if r.deadline is not None:
        expected = say.deadline(r.deadline)
        if r.concluded_on is None:
            assert r.trace[-1] == expected
        else:
            assert r.trace[-2] == expected


@UNHURRIED
@given(cases())
def test_provisional_exactly_when_a_counted_day_is_in_an_uncovered_year(case) -> None:
    received, events = case
    r = clock(received, events)
    s = scan(events)
    if r.deadline is None or s.override is not None or r.status != engine.OPEN:
        return
    merged = counting.merge(s.stops, r.clock_start)
    day, uncovered = r.clock_start + timedelta(days=1), False
    while day <= r.deadline:
        stopped = any(a < day and (b is None or day <= b) for a, b in merged)
        if not stopped and not CAL.is_covered(day):
            uncovered = True
        day += timedelta(days=1)
    assert r.provisional == uncovered


@UNHURRIED
@given(cases(), st.randoms(use_true_random=False))
def test_the_order_of_events_on_other_days_does_not_matter(case, rnd) -> None:
    """Events are read in date order: shuffling the list (same-day events keeping their order) gives
    the same clock."""
    received, events = case
    by_day: dict[date, list[ClockEvent]] = {}
    for e in events:
        by_day.setdefault(e.on, []).append(e)
    days = list(by_day)
    rnd.shuffle(days)
    shuffled = [e for d in days for e in by_day[d]]
    assert clock(received, events) == clock(received, shuffled)


@st.composite
def calendars(draw: st.DrawFn) -> WorkCalendar:
    """Random calendars around the cases' years: some covered years (gaps allowed), random exceptions."""
    covered = draw(st.sets(st.integers(2004, 2028), max_size=25))
    days = st.dates(date(2004, 1, 1), date(2028, 12, 31))
    entries = draw(st.dictionaries(days, st.booleans(), max_size=60))
    return WorkCalendar([CalendarEntry(d, w, "假") for d, w in entries.items()], covered)


def stepped_deadline(start: date, total: int, stops, cal: WorkCalendar) -> date | None:
    """The oracle: walk day by day, counting working days outside every stop (A < d <= B)."""
    day, n = start, 0
    while n < total:
        day += timedelta(days=1)
        if any(s.end is None and s.start < day for s in stops):
            return None
        if cal.is_working_day(day) and not any(s.start < day <= s.end for s in stops
                                               if s.end is not None):  # fmt: skip
            n += 1
    return day


@UNHURRIED
@given(cases(), calendars())
def test_the_deadline_agrees_with_stepping_day_by_day(case, cal) -> None:
    received, events = case
    s = scan(events)
    last = max((e.on for e in events), default=received)
    r = engine.compute(received, events, cal, last)
    if s.awaiting_supplement:
        assert r.deadline is None
        return
    start = s.supplement_received or received
    expected = stepped_deadline(start, r.limit + r.extension_days, s.stops, cal)
    if s.override is not None:
        expected = s.override.deadline
    assert r.deadline == expected
    if r.concluded_on is not None and expected is not None:
        assert r.concluded_late == (r.concluded_on > expected)
    if expected is not None and s.override is None and not any(x.end is None for x in s.stops):
        # law.md §2: provisional exactly when a counted day lies in a year the calendar lacks
        days = (start + timedelta(days=i) for i in range(1, (expected - start).days + 1))
        counted_days = [d for d in days if not any(x.start < d <= x.end for x in s.stops)]
        assert r.provisional == any(not cal.is_covered(d) for d in counted_days)
