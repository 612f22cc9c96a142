"""The working-day calendar (law.md §2): Monday–Friday, minus statutory holidays, plus 调休 make-up days.

Pure Python, no Django. Lookups are O(1): a rank index over a date range is built once, and dates
outside it are counted with plain weekends, which is what every year outside the covered years uses.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

_FULL_NAMES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}
INDEX_YEARS_AHEAD = 30  # the index reaches this many years past the last covered year
_DEFAULT_FIRST_YEAR = 2000  # index start when the calendar covers no year at all


@dataclass(frozen=True)
class CalendarEntry:
    """One exception to the Mon–Fri rule: a holiday (workday=False) or a 调休上班 day (workday=True)."""

    day: date
    workday: bool
    name: str


def plain_weekdays_through(ordinal: int) -> int:
    """Number of Mon–Fri days with ordinal in [1, ordinal] (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def plain_add(d: date, n: int) -> date:
    """The n-th Mon–Fri day strictly after d (n >= 1), ignoring holidays."""
    wd = d.weekday()
    if wd > 4:  # count from the Friday before a weekend day
        d -= timedelta(days=wd - 4)
        wd = 4
    weeks, rest = divmod(n - 1, 5)
    days = weeks * 7 + rest + 1
    if wd + rest + 1 > 4:
        days += 2
    return d + timedelta(days=days)


def _by_day(entries: Iterable[CalendarEntry], covered: frozenset[int]) -> dict[date, CalendarEntry]:
    """The entries of the covered years by day (those of other years are ignored)."""
    return {e.day: e for e in entries if e.day.year in covered}


class WorkCalendar:
    """Working days from a list of exceptions; years not in `covered_years` use plain weekends."""

    def __init__(self, entries: Iterable[CalendarEntry], covered_years: Iterable[int]) -> None:
        self.covered_years: frozenset[int] = frozenset(int(y) for y in covered_years)
        self.last_covered_year: int | None = max(self.covered_years, default=None)
        self._entries: dict[date, CalendarEntry] = _by_day(entries, self.covered_years)
        self._sorted_days: list[date] = sorted(self._entries)
        first = min(self.covered_years, default=_DEFAULT_FIRST_YEAR + 1) - 1
        last = (self.last_covered_year or _DEFAULT_FIRST_YEAR) + INDEX_YEARS_AHEAD
        self._build_index(date(first, 1, 1), date(min(last, 9999), 12, 31))

    @classmethod
    def from_chinese_calendar(cls) -> "WorkCalendar":
        """The calendar shipped in the `chinese-calendar` package (2004–2026 in 1.11.0)."""
        import chinese_calendar

        chinese = {h.value: _FULL_NAMES.get(h.chinese, h.chinese) for h in chinese_calendar.Holiday}
        entries = [
            CalendarEntry(day, False, chinese.get(name, name))
            for day, name in chinese_calendar.holidays.items()
        ]
        entries += [
            CalendarEntry(day, True, f"{chinese.get(name, name)}调休上班")
            for day, name in chinese_calendar.workdays.items()
        ]
        years = {d.year for d in chinese_calendar.holidays} | {
            d.year for d in chinese_calendar.workdays
        }
        return cls(entries, years)

    def _build_index(self, first: date, last: date) -> None:
        """rank[i]: working days in [first, first+i]; by_rank[k]: the k-th of them (k >= 1)."""
        self._base = first.toordinal()
        self._size = last.toordinal() - self._base + 1
        flags = bytearray(self._size)
        rank = [0] * self._size
        by_rank: list[date] = [first - timedelta(days=1)]
        count = 0
        day = first
        for i in range(self._size):
            if self._compute_is_working(day):
                flags[i] = 1
                count += 1
                by_rank.append(day)
            rank[i] = count
            day += timedelta(days=1)
        self._flags = bytes(flags)
        self._rank = rank
        self._by_rank = by_rank
        self._total = count
        self._last = last

    def _compute_is_working(self, d: date) -> bool:
        entry = self._entries.get(d)
        if entry is not None:
            return entry.workday
        return d.weekday() < 5

    def _global_rank(self, ordinal: int) -> int:
        """Working days in [index start, day] (negative before the index), any ordinal."""
        i = ordinal - self._base
        if i < 0:
            return plain_weekdays_through(ordinal) - plain_weekdays_through(self._base - 1)
        if i < self._size:
            return self._rank[i]
        return (
            self._total
            + plain_weekdays_through(ordinal)
            - plain_weekdays_through(self._base + self._size - 1)
        )

    def same_days(self, other: "WorkCalendar") -> bool:
        """True if `other` has the same covered years and the same exceptions (names included)."""
        return self.covered_years == other.covered_years and self._entries == other._entries

    def has_days(self, entries: Iterable[CalendarEntry], covered_years: Iterable[int]) -> bool:
        """True if a calendar made of these entries and years would have the same days as this one
        (`same_days`), found without building its index (~15 ms over its ~20,000 days)."""
        covered = frozenset(int(y) for y in covered_years)
        return covered == self.covered_years and self._entries == _by_day(entries, covered)

    def is_working_day(self, d: date) -> bool:
        """Mon–Fri and not a holiday, or a 调休上班 day."""
        i = d.toordinal() - self._base
        if 0 <= i < self._size:
            return self._flags[i] == 1
        return d.weekday() < 5

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day strictly after d (n >= 1)."""
        if n < 1:
            raise ValueError(f"n must be >= 1, got {n}")
        i = d.toordinal() - self._base
        if 0 <= i < self._size:
            k = self._rank[i] + n
            if k <= self._total:
                return self._by_rank[k]
        return self._add_outside(d, n)

    def _add_outside(self, d: date, n: int) -> date:
        """add_working_days when d or the result lies outside the index (plain weekends there)."""
        k = self._global_rank(d.toordinal()) + n
        if k <= 0:  # the result is before the index, where every day is a plain weekday or weekend
            return plain_add(d, n)
        if k <= self._total:
            return self._by_rank[k]
        return plain_add(self._last, k - self._total)

    def working_days_between(self, a: date, b: date) -> int:
        """Count of working days w with a < w <= b (0 if b <= a)."""
        ia = a.toordinal() - self._base
        ib = b.toordinal() - self._base
        if ib <= ia:
            return 0
        if ia >= 0 and ib < self._size:
            return self._rank[ib] - self._rank[ia]
        return self._global_rank(ib + self._base) - self._global_rank(ia + self._base)

    def is_covered(self, d: date) -> bool:
        """True if the holiday arrangement of d's year is in the calendar."""
        return d.year in self.covered_years

    def holiday_name(self, d: date) -> str | None:
        """The name of the exception on d (holiday or 调休上班 day), or None."""
        entry = self._entries.get(d)
        return entry.name if entry is not None else None

    def entries_between(self, a: date, b: date) -> list[CalendarEntry]:
        """The exceptions on days d with a < d <= b, in date order."""
        lo = bisect_right(self._sorted_days, a)
        hi = bisect_left(self._sorted_days, b + timedelta(days=1)) if b < date.max else None
        return [self._entries[d] for d in self._sorted_days[lo:hi]]
