"""Editing the working-day calendar: every open case's dates are recomputed, each move recorded."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from cases.access import require
from cases.clocksync import recompute_open_applications
from cases.models import CalendarDay, CalendarYear, User
from cases.models.calendar import FIRST_YEAR, LAST_YEAR, WORKDAY_MESSAGE, YEAR_MESSAGE


@transaction.atomic
def calendar_set_day(*, user: User, day: date, workday: bool, name: str, source: str = "") -> int:
    """Add or change one holiday / make-up working day; returns how many open cases moved."""
    require(user, "calendar")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError({"day": [YEAR_MESSAGE]})
    if not name.strip():
        raise ValidationError({"name": ["请填写名称，如“春节”或“春节调休上班”。"]})
    if workday and day.weekday() < 5:
        raise ValidationError({"workday": [WORKDAY_MESSAGE]})
    source = source.strip() or f"{user} 手工录入"
    CalendarDay.objects.update_or_create(
        day=day, defaults={"workday": workday, "name": name.strip(), "source": source}
    )
    kind = "调休上班" if workday else "放假"
    return recompute_open_applications(
        reason=f"节假日安排调整：{day} {name.strip()}（{kind}）", user=user
    )


@transaction.atomic
def calendar_remove_day(*, user: User, day: date) -> int:
    require(user, "calendar")
    entry = CalendarDay.objects.filter(day=day).first()
    if entry is None:
        raise ValidationError({"day": ["该日期不在节假日/调休表中。"]})
    entry.delete()
    return recompute_open_applications(reason=f"节假日安排调整：删除{day} {entry.name}", user=user)


@transaction.atomic
def calendar_mark_year_covered(*, user: User, year: int, source: str) -> int:
    """Declare a year's arrangement complete (e.g. after entering the 国务院办公厅 notice)."""
    require(user, "calendar")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({"year": [YEAR_MESSAGE]})
    if not source.strip():
        raise ValidationError({"source": ["请填写来源，如国务院办公厅通知的文号。"]})
    CalendarYear.objects.update_or_create(year=year, defaults={"source": source.strip()})
    return recompute_open_applications(
        reason=f"{year}年节假日安排已公布（{source.strip()}）", user=user
    )
