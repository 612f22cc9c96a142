"""clocksync.remembered_clock: the engine's answer, computed once per (case inputs, calendar, day);
and get_calendar keeps one calendar object while its days are unchanged, a new one when they change."""

import time
from datetime import date

import pytest

from cases import clocksync
from cases.clock import engine
from cases.clock.engine import ClockEvent
from cases.models import CalendarDay

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 11, 2)
EVENTS = (
    ClockEvent(kind=engine.EXTENDED, on=date(2026, 11, 20), days=10, reason="需调取档案"),
    ClockEvent(kind=engine.FEE_NOTIFIED, on=date(2026, 11, 23)),
)


@pytest.fixture
def cal():
    return clocksync.get_calendar()


def test_the_engines_answer_computed_once(cal):
    today = date(2026, 11, 24)
    first = clocksync.remembered_clock(RECEIVED, EVENTS, cal, today, 3)
    assert first == engine.compute(RECEIVED, EVENTS, cal, today, due_soon_days=3)
    assert any("需调取档案" in line for line in first.trace)
    assert clocksync.remembered_clock(RECEIVED, EVENTS, cal, today, 3) is first


def test_any_other_input_is_computed_afresh(cal):
    today = date(2026, 11, 24)
    first = clocksync.remembered_clock(RECEIVED, EVENTS, cal, today, 3)
    other_reason = (
        ClockEvent(kind=engine.EXTENDED, on=date(2026, 11, 20), days=10, reason="另一理由"),
        EVENTS[1],
    )
    for args in [
        (RECEIVED, other_reason, cal, today, 3),
        (RECEIVED, EVENTS[:1], cal, today, 3),
        (date(2026, 11, 3), EVENTS, cal, today, 3),
        (RECEIVED, EVENTS, cal, date(2026, 11, 25), 3),
        (RECEIVED, EVENTS, cal, today, 5),
    ]:
        got = clocksync.remembered_clock(*args)
        assert got is not first
        assert got == engine.compute(*args[:4], due_soon_days=args[4])


def expire_calendar_cache() -> None:
    stamp, cal = clocksync._cached
    clocksync._cached = (stamp - 60, cal)


def test_an_unchanged_calendar_stays_the_same_object(cal):
    expire_calendar_cache()
    assert clocksync.get_calendar() is cal


def test_a_calendar_changed_elsewhere_is_a_new_object_and_clocks_follow_it(cal):
    before = clocksync.remembered_clock(RECEIVED, (), cal, date(2026, 11, 24), 3)
    assert before.deadline == date(2026, 11, 30)
    # another process adds a holiday (bulk_create: no signal invalidates this process's cache), and
    # this process's cache expires
    CalendarDay.objects.bulk_create(
        [CalendarDay(day=date(2026, 11, 20), workday=False, name="临时假日")]
    )
    expire_calendar_cache()
    fresh = clocksync.get_calendar()
    assert fresh is not cal and not fresh.same_days(cal)
    after = clocksync.remembered_clock(RECEIVED, (), fresh, date(2026, 11, 24), 3)
    assert after.deadline == date(2026, 12, 1)
    assert any("临时假日" in line for line in after.trace)


def test_within_its_30_seconds_the_cached_calendar_serves(cal):
    CalendarDay.objects.bulk_create(
        [CalendarDay(day=date(2026, 11, 20), workday=False, name="临时假日")]
    )
    assert time.monotonic() - clocksync._cached[0] < clocksync._CACHE_SECONDS
    assert clocksync.get_calendar() is cal


def test_an_unchanged_calendar_is_checked_without_building_another(cal, monkeypatch):
    built = []
    original = clocksync.WorkCalendar.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(clocksync.WorkCalendar, "__init__", counting_init)
    expire_calendar_cache()
    assert clocksync.get_calendar() is cal
    assert built == []
    assert time.monotonic() - clocksync._cached[0] < clocksync._CACHE_SECONDS  # checked again
