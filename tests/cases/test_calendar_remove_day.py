"""Removing a holiday from the calendar (calendar_remove_day) recomputes every open case and records
why in its history; only an administrator may, and only a day the calendar holds."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.models import CalendarDay
from cases.services.calendar import calendar_remove_day, calendar_set_day

pytestmark = pytest.mark.django_db


def test_removed_holiday_moves_open_deadline_back_and_records_why(register, people):
    admin = people[("jiangyi", "admin")]
    app = register(received_on=date(2026, 11, 2))
    calendar_set_day(user=admin, day=date(2026, 11, 20), workday=False, name="临时假日")
    app.refresh_from_db()
    with_holiday = app.deadline

    moved = calendar_remove_day(user=admin, day=date(2026, 11, 20))

    app.refresh_from_db()
    assert moved == 1
    assert app.deadline == date(2026, 11, 30) < with_holiday
    assert not CalendarDay.objects.filter(day=date(2026, 11, 20)).exists()
    reason = app.history.order_by("-history_id").first().history_change_reason
    assert "删除2026-11-20 临时假日" in reason


def test_removing_a_day_not_in_the_calendar_is_refused(people):
    with pytest.raises(ValidationError) as caught:
        calendar_remove_day(user=people[("jiangyi", "admin")], day=date(2026, 11, 19))
    assert caught.value.message_dict == {"day": ["该日期不在节假日/调休表中。"]}


def test_only_an_administrator_removes_a_day(people):
    day = CalendarDay.objects.filter(workday=False).first().day
    with pytest.raises(PermissionDenied):
        calendar_remove_day(user=people[("jiangyi", "supervisor")], day=day)
    assert CalendarDay.objects.filter(day=day).exists()
