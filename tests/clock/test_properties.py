"""Property tests: the index agrees with naive stepping and with chinese_calendar itself."""

from datetime import date, timedelta

import chinese_calendar
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.clock import engine
from cases.clock.calendar import CalendarEntry, WorkCalendar
from cases.clock.engine import ClockEvent

CAL = WorkCalendar.from_chinese_calendar()
DAYS = st.dates(min_value=date(1995, 1, 1), max_value=date(2070, 12, 31))
RECENT = st.dates(min_value=date(2004, 1, 1), max_value=date(2028, 12, 31))


def naive_is_working(d: date, entries: dict[date, bool], covered: set[int]) -> bool:
    if d.year in covered and d in entries:
        return entries[d]
    return d.weekday() < 5


def naive_add(d: date, n: int, entries: dict[date, bool], covered: set[int]) -> date:
    while n:
        d += timedelta(days=1)
        n -= naive_is_working(d, entries, covered)
    return d


@st.composite
def calendars(draw: st.DrawFn) -> tuple[WorkCalendar, dict[date, bool], set[int]]:
    """Small random calendars: a few covered years, random exceptions in and around them."""
    first = draw(st.integers(2000, 2030))
    covered = set(draw(st.lists(st.integers(first, first + 4), min_size=0, max_size=4)))
    days = st.dates(date(first - 1, 1, 1), date(first + 5, 12, 31))
    entries = draw(st.dictionaries(days, st.booleans(), max_size=40))
    cal = WorkCalendar([CalendarEntry(d, w, "x") for d, w in entries.items()], covered)
    return cal, entries, covered


def test_every_covered_day_matches_chinese_calendar() -> None:
    d, end = date(2004, 1, 1), date(2026, 12, 31)
    while d <= end:
        assert CAL.is_working_day(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)


@given(DAYS, st.integers(1, 400))
def test_add_agrees_with_stepping_on_the_real_calendar(d: date, n: int) -> None:
    entries = {
        **{k: False for k in chinese_calendar.holidays},
        **{k: True for k in chinese_calendar.workdays},
    }
    assert CAL.add_working_days(d, n) == naive_add(d, n, entries, set(range(2004, 2027)))


@settings(max_examples=200)
@given(calendars(), st.dates(date(1990, 1, 1), date(2080, 12, 31)), st.integers(1, 300))
def test_add_agrees_with_stepping_on_random_calendars(
    built: tuple[WorkCalendar, dict[date, bool], set[int]], d: date, n: int
) -> None:
    cal, entries, covered = built
    expected = naive_add(d, n, entries, covered)
    assert cal.add_working_days(d, n) == expected
    assert cal.working_days_between(d, expected) == n
    assert cal.is_working_day(expected) == naive_is_working(expected, entries, covered)


@given(DAYS, st.integers(1, 2000))
def test_between_inverts_add(d: date, n: int) -> None:
    assert CAL.working_days_between(d, CAL.add_working_days(d, n)) == n


@given(DAYS, st.integers(1, 500))
def test_add_is_monotone_in_n(d: date, n: int) -> None:
    assert CAL.add_working_days(d, n + 1) > CAL.add_working_days(d, n)
    assert CAL.is_working_day(CAL.add_working_days(d, n))


@given(DAYS, st.integers(0, 60))
def test_between_counts_like_stepping(a: date, span: int) -> None:
    b = a + timedelta(days=span)
    naive = sum(CAL.is_working_day(a + timedelta(days=i)) for i in range(1, span + 1))
    assert CAL.working_days_between(a, b) == naive


@st.composite
def stop_events(draw: st.DrawFn, received: date) -> list[ClockEvent]:
    """Closed or open consultations and fee notices starting around the received date."""
    events: list[ClockEvent] = []
    for start_kind, end_kind in (
        (engine.CONSULTATION_STARTED, engine.CONSULTATION_ENDED),
        (engine.FEE_NOTIFIED, engine.FEE_PAID),
    ):
        if not draw(st.booleans()):
            continue
        start = received + timedelta(days=draw(st.integers(-5, 40)))
        events.append(ClockEvent(start_kind, start))
        if draw(st.booleans()):
            events.append(ClockEvent(end_kind, start + timedelta(days=draw(st.integers(0, 40)))))
    return events


@given(RECENT, st.data(), st.integers(0, 15))
def test_deadline_is_a_working_day(received: date, data: st.DataObject, extension: int) -> None:
    events = data.draw(stop_events(received))
    if extension:
        events.append(ClockEvent(engine.EXTENDED, received + timedelta(days=3), days=extension))
    result = engine.compute(received, events, CAL, received)
    if result.deadline is not None:
        assert CAL.is_working_day(result.deadline)
        assert result.deadline > received


@given(RECENT, st.data())
def test_a_stop_never_moves_the_deadline_earlier(received: date, data: st.DataObject) -> None:
    events = data.draw(stop_events(received))
    start = received + timedelta(days=data.draw(st.integers(-5, 40)))
    end = start + timedelta(days=data.draw(st.integers(0, 40)))
    extra = [
        ClockEvent(engine.CONSULTATION_STARTED, start),
        ClockEvent(engine.CONSULTATION_ENDED, end),
    ]
    before = engine.compute(received, events, CAL, received).deadline
    after = engine.compute(received, [*events, *extra], CAL, received).deadline
    if before is not None and after is not None:
        assert after >= before
    if before is None:
        assert after is None


@given(RECENT, st.integers(0, 14))
def test_more_days_is_later(received: date, extension: int) -> None:
    def deadline(days: int) -> date | None:
        events = [ClockEvent(engine.EXTENDED, received, days=days)] if days else []
        return engine.compute(received, events, CAL, received).deadline

    first, second = deadline(extension), deadline(extension + 1)
    assert first is not None and second is not None and second > first


@given(RECENT, st.data())
def test_overdue_today_is_concluding_today_late(received: date, data: st.DataObject) -> None:
    """law.md §3: overdue = today after the deadline, concluded late = concluded after it; so a case
    is overdue on a day exactly when concluding it that day would be late, open stop or not."""
    events = data.draw(stop_events(received))
    latest = max((e.on for e in events), default=received)
    today = max(latest, received) + timedelta(days=data.draw(st.integers(0, 60)))
    open_case = engine.compute(received, events, CAL, today)
    if open_case.status == engine.AWAITING_SUPPLEMENT:
        return
    concluded = engine.compute(received, [*events, ClockEvent(engine.CONCLUDED, today)], CAL, today)
    assert open_case.overdue == concluded.concluded_late
