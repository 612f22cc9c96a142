"""Counting working days past stops (law.md §3): a stop from A to B removes the working days d with
A < d <= B; stops before the clock start are ignored, overlapping stops are merged. Pure Python."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from cases.clock.calendar import WorkCalendar
from cases.clock.events import Stop

Interval = tuple[date, date | None]  # (after, through]; None = open


@dataclass(frozen=True)
class StopEffect:
    """What one stop did to the count."""

    stop: Stop
    before_start: bool  # wholly before the clock start: ignored
    own_days: int | None  # working days in the stop after the clock start (None while open)
    removed: int | None  # of those, days not already removed by an earlier stop (None while open)


def merge(stops: Iterable[Stop], clock_start: date) -> list[Interval]:
    """The stops clipped to the clock start, sorted and merged into disjoint intervals."""
    out: list[Interval] = []
    for stop in sorted(stops, key=lambda s: s.start):
        if stop.end is not None and stop.end <= clock_start:
            continue
        after = max(stop.start, clock_start)
        if out and (out[-1][1] is None or after <= out[-1][1]):
            prev_after, prev_end = out[-1]
            end = None if prev_end is None or stop.end is None else max(prev_end, stop.end)
            out[-1] = (prev_after, end)
        else:
            out.append((after, stop.end))
    return out


def walk(start: date, total: int, merged: list[Interval], cal: WorkCalendar) -> date | None:
    """The total-th counted working day after start, or None if an open stop comes first."""
    cur, remaining = start, total
    for after, through in merged:
        available = cal.working_days_between(cur, after)
        if remaining <= available:
            return cal.add_working_days(cur, remaining)
        remaining -= available
        if through is None:
            return None
        cur = through
    return cal.add_working_days(cur, remaining)


def counted(start: date, until: date, merged: list[Interval], cal: WorkCalendar) -> int:
    """Counted (not stopped) working days d with start < d <= until."""
    n = cal.working_days_between(start, until)
    for after, through in merged:
        hi = until if through is None else min(through, until)
        n -= cal.working_days_between(after, hi)
    return n


def effects(stops: Iterable[Stop], clock_start: date, cal: WorkCalendar) -> dict[Stop, StopEffect]:
    """Per stop, how many working days it took out of the count (overlaps counted once)."""
    out: dict[Stop, StopEffect] = {}
    covered = clock_start  # days up to here are already out of the count (or before the start)
    for stop in sorted(stops, key=lambda s: s.start):
        if stop.end is not None and stop.end <= clock_start:
            out[stop] = StopEffect(stop, True, 0, 0)
            continue
        if stop.end is None:
            out[stop] = StopEffect(stop, False, None, None)
            covered = date.max
            continue
        own = cal.working_days_between(max(stop.start, clock_start), stop.end)
        removed = cal.working_days_between(max(stop.start, covered), stop.end)
        out[stop] = StopEffect(stop, False, own, removed)
        covered = max(covered, stop.end)
    return out
