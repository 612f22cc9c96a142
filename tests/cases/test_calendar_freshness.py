"""Each gunicorn worker caches the working-day calendar for up to 30 seconds (clocksync.get_calendar).
Reading with it is fine; a write stores a deadline, and must count it on the calendar as stored now —
else an action in another worker shortly after a calendar edit stores a deadline the edit's recompute
has already passed by, and keeps it."""

from datetime import date

import pytest

from cases import clocksync
from cases.models import CalendarDay
from cases.services import handling
from cases.services.calendar import calendar_set_day

pytestmark = pytest.mark.django_db
D = date


@pytest.fixture
def another_worker_cache():
    """Put back, after the edit, the calendar this process cached before it: as another worker's."""

    def install(old):
        clocksync._cached = (clocksync.time.monotonic(), old)

    return install


def test_an_action_soon_after_a_calendar_edit_counts_on_the_new_calendar(
    register, people, another_worker_cache
):
    case = register(received_on=D(2026, 11, 2))
    old = clocksync.load_calendar()
    calendar_set_day(
        user=people[("jiangyi", "admin")], day=D(2026, 11, 26), workday=False, name="临时假日"
    )
    another_worker_cache(old)  # this worker has not yet seen the holiday
    handling.application_extend(
        user=people[("jiangyi", "handler")],
        application=case,
        on=D(2026, 11, 20),
        days=5,
        approved_by=people[("jiangyi", "supervisor")],
        reason="需调档",
    )
    case.refresh_from_db()
    assert CalendarDay.objects.filter(day=D(2026, 11, 26)).exists()
    assert case.deadline == D(2026, 12, 8)  # 12-07 without the holiday


def test_a_registration_soon_after_a_calendar_edit_counts_on_the_new_calendar(
    register, people, another_worker_cache
):
    old = clocksync.load_calendar()
    calendar_set_day(
        user=people[("jiangyi", "admin")], day=D(2026, 11, 26), workday=False, name="临时假日"
    )
    another_worker_cache(old)
    case = register(received_on=D(2026, 11, 2))
    assert case.deadline == D(2026, 12, 1)  # 11-30 without the holiday
