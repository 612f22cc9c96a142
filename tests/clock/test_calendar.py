"""WorkCalendar: the Mon–Fri rule, exceptions, covered years and the rank index."""

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from cases.clock.calendar import INDEX_YEARS_AHEAD, CalendarEntry, WorkCalendar, plain_add

CAL = WorkCalendar.from_chinese_calendar()


def test_covered_years_are_those_of_chinese_calendar() -> None:
    assert CAL.covered_years == frozenset(range(2004, 2027))
    assert CAL.last_covered_year == 2026
    assert CAL.is_covered(date(2004, 1, 1))
    assert CAL.is_covered(date(2026, 12, 31))
    assert not CAL.is_covered(date(2027, 1, 1))
    assert not CAL.is_covered(date(2003, 12, 31))


def test_holidays_and_makeup_days_2026() -> None:
    assert not CAL.is_working_day(date(2026, 2, 16))  # Monday in the Spring Festival block
    assert CAL.is_working_day(date(2026, 2, 14))  # Saturday, 调休上班
    assert CAL.is_working_day(date(2026, 2, 28))  # Saturday, 调休上班
    assert CAL.is_working_day(date(2026, 1, 4))  # Sunday, 调休上班
    assert not CAL.is_working_day(date(2026, 10, 7))  # Wednesday, National Day block
    assert CAL.is_working_day(date(2026, 3, 2))  # plain Monday
    assert not CAL.is_working_day(date(2026, 3, 7))  # plain Saturday


def test_holiday_names_are_chinese() -> None:
    assert CAL.holiday_name(date(2026, 2, 16)) == "春节"
    assert CAL.holiday_name(date(2026, 4, 6)) == "清明节"
    assert CAL.holiday_name(date(2026, 2, 14)) == "春节调休上班"
    assert CAL.holiday_name(date(2026, 3, 2)) is None


def test_add_working_days_across_spring_festival_2026() -> None:
    assert CAL.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert CAL.add_working_days(date(2026, 2, 14), 1) == date(2026, 2, 24)
    assert CAL.add_working_days(date(2026, 2, 14), 5) == date(2026, 2, 28)


def test_working_days_between_is_half_open() -> None:
    # (2026-02-13, 2026-02-28]: 02-14, 02-24, 02-25, 02-26, 02-27, 02-28
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 28)) == 6
    assert CAL.working_days_between(date(2026, 2, 28), date(2026, 2, 13)) == 0
    assert CAL.working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0


def test_n_must_be_positive() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2026, 3, 2), 0)


def test_uncovered_years_use_plain_weekends() -> None:
    assert CAL.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 1)  # a Friday
    assert CAL.add_working_days(date(2001, 12, 28), 1) == date(2001, 12, 31)
    assert CAL.add_working_days(date(2003, 12, 31), 1) == date(2004, 1, 2)  # 2004-01-01 元旦
    assert CAL.add_working_days(date(2100, 1, 1), 5) == date(2100, 1, 8)  # far past the index
    assert CAL.working_days_between(date(1999, 12, 31), date(2000, 1, 7)) == 5
    assert CAL.working_days_between(date(2100, 1, 1), date(2100, 1, 8)) == 5


def test_long_counts_cross_the_index_edges() -> None:
    start = date(1990, 1, 1)
    end = CAL.add_working_days(start, 30_000)
    assert CAL.working_days_between(start, end) == 30_000
    assert CAL.is_working_day(end)


def stepping_is_working(d: date) -> bool:
    """The oracle: chinese_calendar inside the years it covers, plain weekends outside them."""
    if 2004 <= d.year <= 2026:
        return chinese_calendar.is_workday(d)
    return d.weekday() < 5


def test_counting_from_before_the_index_into_a_covered_year() -> None:
    # 2003 (not covered) has 261 weekdays (it starts and ends on a Wednesday); 2004-01-01 is 元旦
    assert CAL.add_working_days(date(2002, 12, 31), 262) == date(2004, 1, 2)
    assert CAL.working_days_between(date(2002, 12, 31), date(2004, 1, 2)) == 262


def test_counts_around_the_index_edges_agree_with_stepping() -> None:
    """The index runs from 1 January of the year before the first covered year to 31 December,
    INDEX_YEARS_AHEAD years after the last; counts starting, ending or landing on either side of
    its edges are the same as stepping day by day."""
    end = date(CAL.last_covered_year + INDEX_YEARS_AHEAD, 12, 31)
    starts = [date(2002, 12, 20) + timedelta(days=i) for i in range(16)]
    starts += [end - timedelta(days=i) for i in range(10)]
    for a in starts:
        b, n = a, 0
        while n < 300:
            b += timedelta(days=1)
            n += stepping_is_working(b)
            assert CAL.working_days_between(a, b) == n, (a, b)
            if stepping_is_working(b):
                assert CAL.add_working_days(a, n) == b, (a, n)


def test_counting_before_an_index_that_begins_after_a_weekend() -> None:
    """A calendar covering 2007 only: its index begins on 2006-01-01, a Sunday, after Saturday
    2005-12-31; counts that stay before it are plain weekdays."""
    cal = WorkCalendar([CalendarEntry(date(2007, 1, 1), False, "元旦")], [2007])
    assert cal.add_working_days(date(2005, 12, 29), 1) == date(2005, 12, 30)  # Thursday → Friday
    assert cal.add_working_days(date(2005, 12, 28), 2) == date(2005, 12, 30)
    assert cal.add_working_days(date(2005, 12, 29), 2) == date(2006, 1, 2)  # Monday
    assert cal.working_days_between(date(2005, 12, 29), date(2006, 1, 2)) == 2


def test_entries_outside_covered_years_are_ignored() -> None:
    new_year = CalendarEntry(date(2027, 1, 1), False, "元旦")
    uncovered = WorkCalendar([new_year], [2026])
    covered = WorkCalendar([new_year], [2026, 2027])
    assert uncovered.is_working_day(date(2027, 1, 1))
    assert uncovered.holiday_name(date(2027, 1, 1)) is None
    assert not covered.is_working_day(date(2027, 1, 1))
    assert covered.holiday_name(date(2027, 1, 1)) == "元旦"


def test_empty_calendar_is_plain_weekends() -> None:
    cal = WorkCalendar([], [])
    assert cal.covered_years == frozenset()
    assert cal.last_covered_year is None
    assert cal.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 16)
    assert not cal.is_working_day(date(2026, 2, 14))


def test_entries_between() -> None:
    days = [e.day for e in CAL.entries_between(date(2026, 2, 14), date(2026, 2, 28))]
    assert days[0] == date(2026, 2, 15)
    assert days[-1] == date(2026, 2, 28)
    assert len(days) == 10


@pytest.mark.parametrize("weekday_start", range(7))
def test_plain_add_matches_stepping(weekday_start: int) -> None:
    d = date(2030, 6, 3) + timedelta(days=weekday_start)
    for n in range(1, 25):
        cur, left = d, n
        while left:
            cur += timedelta(days=1)
            left -= cur.weekday() < 5
        assert plain_add(d, n) == cur


def test_the_engine_imports_no_django() -> None:
    code = "import sys, cases.clock.engine; assert not any(m.startswith('django') for m in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True)


def test_has_days_answers_as_same_days_would() -> None:
    holiday = CalendarEntry(date(2026, 10, 1), False, "国庆节")
    makeup = CalendarEntry(date(2026, 10, 10), True, "国庆节调休上班")
    cal = WorkCalendar([holiday, makeup], [2026])
    variants = [
        ([holiday, makeup], [2026]),
        ([makeup, holiday], ["2026"]),  # order and the years' type do not matter
        ([holiday, makeup, CalendarEntry(date(2025, 1, 1), False, "元旦")], [2026]),  # not covered
        ([holiday], [2026]),
        ([holiday, makeup], [2026, 2027]),
        ([holiday, CalendarEntry(date(2026, 10, 10), True, "调休上班")], [2026]),  # a name changed
        ([], []),
    ]
    for entries, years in variants:
        assert cal.has_days(entries, years) == cal.same_days(WorkCalendar(entries, years))
    assert [cal.has_days(*v) for v in variants] == [True, True, True, False, False, False, False]
