"""Dates past the last published holiday arrangement are provisional until it is published."""

from datetime import date, timedelta

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


def test_open_stop_with_its_due_date_in_an_uncovered_year_is_provisional() -> None:
    """law.md §2: a date computed past the last covered year is provisional wherever it is shown —
    while a stop is open that is its own due date (the third party's reply, the fee's payment)."""
    for kind, due_of in (
        (engine.CONSULTATION_STARTED, lambda r: r.third_party_reply_due),
        (engine.FEE_NOTIFIED, lambda r: r.fee_payment_due),
    ):
        events = [engine.ClockEvent(kind, date(2026, 12, 22))]
        result = engine.compute(RECEIVED, events, CAL, date(2026, 12, 23))
        assert result.deadline is None  # the count is frozen at 2026-12-22, inside 2026
        assert due_of(result).year == 2027  # counted on plain 2027 weekends
        assert result.provisional
        assert "2027年节假日安排尚未公布，按周末推算，待节假日安排公布后确认" in result.trace
        covered = engine.compute(RECEIVED, events, with_2027(covered=True), date(2026, 12, 23))
        assert not covered.provisional
        assert due_of(covered) == due_of(result) + timedelta(days=1)  # past 元旦 2027-01-01


def test_open_stop_with_its_due_date_in_a_covered_year_is_final() -> None:
    events = [engine.ClockEvent(engine.CONSULTATION_STARTED, date(2026, 11, 4))]
    result = engine.compute(date(2026, 11, 2), events, CAL, date(2026, 11, 5))
    assert result.third_party_reply_due == date(2026, 11, 25)
    assert not result.provisional
    assert not any("尚未公布" in line for line in result.trace)


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


def test_remembered_calendar_lines_belong_to_the_calendar_they_were_made_with() -> None:
    # the same span over two calendars that differ in 2027: each calendar keeps its own lines
    start, end = date(2026, 12, 15), date(2027, 1, 13)
    lines_2026, uncovered = engine.span_lines(CAL, start, end)
    published = with_2027(covered=True)
    lines_2027, still_uncovered = engine.span_lines(published, start, end)
    assert uncovered and not still_uncovered
    assert "按2026年节假日安排计算" in lines_2026
    assert "按2026、2027年节假日安排计算" in lines_2027
    assert engine.span_lines(CAL, start, end) is engine.span_lines(CAL, start, end)  # remembered


def test_a_trace_is_the_same_computed_afresh_or_from_remembered_lines() -> None:
    events = [engine.ClockEvent(engine.CONSULTATION_STARTED, date(2026, 12, 22))]
    cases = [(RECEIVED, []), (date(2026, 9, 28), []), (RECEIVED, events)]
    engine.span_lines.cache_clear()
    engine.uncovered_year_lines.cache_clear()
    afresh = [engine.compute(r, e, CAL, date(2027, 1, 5)) for r, e in cases]
    again = [engine.compute(r, e, CAL, date(2027, 1, 5)) for r, e in cases]
    assert afresh == again
    assert engine.span_lines.cache_info().hits >= 1
    assert afresh[1].trace[2:5] == (
        "其间国庆节放假，不计入工作日",
        "2026-10-10(周六)调休上班，计为工作日",
        "按2026年节假日安排计算",
    )


def test_the_received_days_year_alone_does_not_make_a_deadline_provisional() -> None:
    """law.md §2: only a date computed over a year the calendar lacks is provisional. The received day
    itself is not counted ("N working days from D" starts after D), so an application received on
    31 December of a year the calendar lacks (here a year left out between covered ones), whose
    counted days all lie in the next, covered, year, has a final deadline."""
    entries = [CalendarEntry(d, False, n) for d, n in chinese_calendar.holidays.items()]
    entries += [CalendarEntry(d, True, n) for d, n in chinese_calendar.workdays.items()]
    gap = WorkCalendar(entries, [y for y in range(2004, 2027) if y != 2015])
    result = engine.compute(date(2015, 12, 31), [], gap, date(2016, 1, 4))
    assert result.deadline == date(2016, 1, 22)  # 元旦 2016-01-01 (covered) is not counted
    assert not result.provisional
    assert not any("2015年" in line for line in result.trace[1:])
    assert "按2016年节假日安排计算" in result.trace
    # a day of 2015 counted: provisional as before
    assert engine.compute(date(2015, 12, 30), [], gap, date(2016, 1, 4)).provisional
