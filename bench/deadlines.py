"""Deadline engine benchmark: WorkCalendar lookups, full compute(), and two stepping libraries.

Run: .venv/bin/python bench/deadlines.py [--quick]
"""

import argparse
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import cpu_model
from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clock.engine import ClockEvent

# chinese_calendar raises past 2026, so starts stop early enough for start + 40 working days to fit
FIRST_START, LAST_START = date(2019, 1, 1), date(2026, 10, 31)
Sample = tuple[date, int]
Case = tuple[date, list[ClockEvent], date]


def machine() -> list[str]:
    return [
        f"platform: {platform.platform()}",
        f"cpu: {cpu_model()} ({os.cpu_count()} logical CPUs; one core used)",
        f"python: {platform.python_implementation()} {platform.python_version()}",
    ]


def samples(rng: random.Random, count: int) -> list[Sample]:
    """Random (start date, n) pairs: start in FIRST_START..LAST_START, n in 1..40."""
    span = (LAST_START - FIRST_START).days
    return [
        (FIRST_START + timedelta(days=rng.randrange(span + 1)), rng.randint(1, 40))
        for _ in range(count)
    ]


def per_second(count: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return count / (time.perf_counter() - start)


def bench_add(cal: WorkCalendar, pairs: Sequence[Sample]) -> float:
    add = cal.add_working_days

    def run() -> None:
        for d, n in pairs:
            add(d, n)

    return per_second(len(pairs), run)


def realistic_case(rng: random.Random, cal: WorkCalendar) -> Case:
    """One case: mostly plain, some with a supplement, consultation, fee, extension, conclusion."""
    received = FIRST_START + timedelta(days=rng.randrange((LAST_START - FIRST_START).days))
    start = received
    events: list[ClockEvent] = []

    def at(n: int) -> date:
        return cal.add_working_days(start, n)

    if rng.random() < 0.1:
        events.append(ClockEvent(engine.SUPPLEMENT_REQUESTED, at(3), days=15))
        if rng.random() < 0.8:
            start = at(rng.randint(4, 15))
            events.append(ClockEvent(engine.SUPPLEMENT_RECEIVED, start))
    if rng.random() < 0.2:
        events.append(ClockEvent(engine.CONSULTATION_STARTED, at(5)))
        if rng.random() < 0.7:
            events.append(ClockEvent(engine.CONSULTATION_ENDED, at(rng.randint(6, 20))))
    if rng.random() < 0.05:
        events.append(ClockEvent(engine.FEE_NOTIFIED, at(8)))
        events.append(ClockEvent(engine.FEE_PAID, at(rng.randint(9, 25))))
    if rng.random() < 0.15:
        events.append(ClockEvent(engine.EXTENDED, at(14), days=rng.randint(5, 15), reason="需协调"))
    if rng.random() < 0.6:
        events.append(ClockEvent(engine.CONCLUDED, at(rng.randint(1, 35))))
    events.sort(key=lambda e: e.on)
    return received, events, at(rng.randint(1, 40))


def bench_compute(cal: WorkCalendar, cases: Sequence[Case]) -> float:
    compute = engine.compute

    def run() -> None:
        for received, events, today in cases:
            compute(received, events, cal, today)

    return per_second(len(cases), run)


def chinese_calendar_add(d: date, n: int) -> date:
    """The n-th working day after d with chinese_calendar.find_workday (counts from the first
    working day on or after its date, so start it the day after d)."""
    import chinese_calendar

    return chinese_calendar.find_workday(n - 1, d + timedelta(days=1))


def bench_chinese_calendar(pairs: Sequence[Sample]) -> float:
    def run() -> None:
        for d, n in pairs:
            chinese_calendar_add(d, n)

    return per_second(len(pairs), run)


def bench_holidays(pairs: Sequence[Sample]) -> float:
    """holidays.China().get_nth_working_day(d, n): the n-th working day after d (weekend make-up
    days included through its weekend_workdays)."""
    import holidays

    china = holidays.China(years=range(FIRST_START.year, LAST_START.year + 2))

    def run() -> None:
        for d, n in pairs:
            china.get_nth_working_day(d, n)

    return per_second(len(pairs), run)


def agreement(cal: WorkCalendar, pairs: Sequence[Sample]) -> tuple[int, int]:
    """How many samples chinese_calendar and holidays answer exactly like WorkCalendar."""
    import holidays

    china = holidays.China(years=range(FIRST_START.year, LAST_START.year + 2))
    ours = [cal.add_working_days(d, n) for d, n in pairs]
    cc = sum(chinese_calendar_add(d, n) == o for (d, n), o in zip(pairs, ours, strict=True))
    hol = sum(china.get_nth_working_day(d, n) == o for (d, n), o in zip(pairs, ours, strict=True))
    return cc, hol


def line(label: str, rate: float, count: int) -> str:
    return f"{label:<58} {rate:>12,.0f} /s  ({1e6 / rate:7.2f} µs each, n={count:,})"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a tenth of the samples")
    parser.add_argument(
        "--recompute",
        action="store_true",
        help="also time recomputing 100,000 open applications after a calendar edit (bench/recompute.py)",
    )
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    rng = random.Random(20260302)

    print("\n".join(machine()))
    start = time.perf_counter()
    cal = WorkCalendar.from_chinese_calendar()
    print(
        f"WorkCalendar.from_chinese_calendar() built in {1e3 * (time.perf_counter() - start):.1f} ms"
    )
    print(f"samples: start {FIRST_START}..{LAST_START}, n in 1..40\n")

    fast = samples(rng, 1_000_000 // scale)
    cases = [realistic_case(rng, cal) for _ in range(100_000 // scale)]
    slowest = samples(rng, 5_000 // scale)  # chinese_calendar: ~1 ms a call
    slow = samples(rng, 20_000 // scale)
    print(line("(1) WorkCalendar.add_working_days", bench_add(cal, fast), len(fast)))
    print(
        line("(2) engine.compute() on realistic event lists", bench_compute(cal, cases), len(cases))
    )
    print(
        line(
            "(3) chinese_calendar.find_workday (steps day by day)",
            bench_chinese_calendar(slowest),
            len(slowest),
        )
    )
    print(line("(4) holidays.China().get_nth_working_day (steps)", bench_holidays(slow), len(slow)))
    cc, hol = agreement(cal, slowest)
    same = f"chinese_calendar {cc:,}/{len(slowest):,}, holidays {hol:,}/{len(slowest):,}"
    print(f"\nsame answer as WorkCalendar.add_working_days: {same}")
    print(f"total {time.perf_counter() - start:.1f} s")
    if args.recompute:
        print("\n(5) recompute after a calendar edit (bench/recompute.py, SQLite):", flush=True)
        script = Path(__file__).with_name("recompute.py")
        subprocess.run([sys.executable, str(script), "--n", "100000"], check=True)


if __name__ == "__main__":
    main()
