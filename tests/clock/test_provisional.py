"""Dates past the last published holiday arrangement are provisional until it is published."""

from datetime import date

import chinese_calendar

from cases.clock import engine
from cases.clock.calendar import CalendarEntry, WorkCalendar

CAL = WorkCalendar.from_chinese_calendar()
RECEIVED = date(2026, 12, 15)  # Tuesday


def with_2027(covered: bool) -> WorkCalendar:
    """The shipped calendar plus a 2027 元旦 holiday on Friday 2027-01-01."""
    entries = [CalendarEntry(d, False, n) for d, n in chinese_calendar.holidays.items()]
    entries += [CalendarEntry(d, True, n) for d, n in chinese_calendar.workdays.items()]
    entries.append(CalendarEntry(date(2027, 1, 1), False, "元旦"))
    years = range(2004, 2028 if covered else 2027)
    return WorkCalendar(entries, years)


def test_deadline_in_2027_is_provisional() -> None:
    # 12-16..18 (3), 12-21..25 (8), 12-28..31 (12), 2027-01-01 plain Friday (13), 01-04..08 (18),
    # 01-11, 01-12 (20)
    result = engine.compute(RECEIVED, [], CAL, RECEIVED)
    assert result.deadline == date(2027, 1, 12)
    assert result.provisional
    assert "2027年节假日安排尚未公布，按周末推算，待节假日安排公布后确认" in result.trace
    assert "按2026年节假日安排计算" in result.trace


def test_recomputed_once_2027_is_published() -> None:
    result = engine.compute(RECEIVED, [], with_2027(covered=True), RECEIVED)
    assert result.deadline == date(2027, 1, 13)  # 2027-01-01 is now a holiday
    assert not result.provisional
    assert "按2026、2027年节假日安排计算" in result.trace
    assert not any("尚未公布" in line for line in result.trace)


def test_entries_without_the_covered_year_change_nothing() -> None:
    result = engine.compute(RECEIVED, [], with_2027(covered=False), RECEIVED)
    assert result.deadline == date(2027, 1, 12)
    assert result.provisional


def test_deadline_inside_the_covered_year_is_final() -> None:
    result = engine.compute(date(2026, 11, 2), [], CAL, date(2026, 11, 2))
    assert result.deadline == date(2026, 11, 30)
    assert not result.provisional


def test_open_stop_is_provisional_only_if_the_count_reached_an_uncovered_year() -> None:
    events = [engine.ClockEvent(engine.CONSULTATION_STARTED, date(2026, 12, 22))]
    result = engine.compute(RECEIVED, events, CAL, date(2027, 1, 5))
    assert result.deadline is None
    assert not result.provisional  # frozen at 2026-12-22
    events = [engine.ClockEvent(engine.CONSULTATION_STARTED, date(2027, 1, 4))]
    assert engine.compute(RECEIVED, events, CAL, date(2027, 1, 5)).provisional


def test_years_before_the_calendar() -> None:
    result = engine.compute(date(2003, 3, 3), [], CAL, date(2003, 3, 3))
    assert result.provisional
    assert "日历未录入2003年节假日安排，按周末推算，待录入后确认" in result.trace


def test_supplement_period_into_2027_is_provisional() -> None:
    request = engine.ClockEvent(engine.SUPPLEMENT_REQUESTED, date(2026, 12, 21))
    result = engine.compute(RECEIVED, [request], CAL, date(2026, 12, 21))
    assert result.deadline is None
    assert result.supplement_period_end == date(2027, 1, 11)
    assert result.provisional
