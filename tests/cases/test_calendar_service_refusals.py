"""The calendar services refuse, themselves, what the page and the API refuse before them: a day or a
year outside 2000–2100, a blank name, a blank source of a year's arrangement."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.models import CalendarDay, CalendarYear
from cases.services.calendar import YEAR_MESSAGE, calendar_mark_year_covered, calendar_set_day

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "name", "errors"),
    [
        (date(1999, 10, 1), "国庆节", {"day": [YEAR_MESSAGE]}),
        (date(2101, 1, 3), "元旦", {"day": [YEAR_MESSAGE]}),
        (date(2026, 11, 20), "  ", {"name": ["请填写名称，如“春节”或“春节调休上班”。"]}),
    ],
)
def test_set_day_refuses(people, day, name, errors):
    before = CalendarDay.objects.count()
    with pytest.raises(ValidationError) as caught:
        calendar_set_day(user=people[("jiangyi", "admin")], day=day, workday=False, name=name)
    assert caught.value.message_dict == errors
    assert CalendarDay.objects.count() == before


@pytest.mark.parametrize(
    ("year", "source", "errors"),
    [
        (1999, "国办", {"year": [YEAR_MESSAGE]}),
        (2101, "国办", {"year": [YEAR_MESSAGE]}),
        (2027, " ", {"source": ["请填写来源，如国务院办公厅通知的文号。"]}),
    ],
)
def test_mark_year_covered_refuses(people, year, source, errors):
    with pytest.raises(ValidationError) as caught:
        calendar_mark_year_covered(user=people[("jiangyi", "admin")], year=year, source=source)
    assert caught.value.message_dict == errors
    assert not CalendarYear.objects.filter(year=year).exists()
