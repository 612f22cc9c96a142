"""The calendar edited in the admin (系统管理) keeps the calendar service's rules: years 2000–2100,
a make-up working day (调休上班) on a Saturday or Sunday. A year typed as 20207 for 2027 was a 500
(the working-day calendar cannot be counted to it, so the recompute of every save failed), and a
day of 2207 or a make-up working day on a Wednesday was saved; each is now a form error."""

from datetime import date

import pytest

from cases.models import CalendarDay, CalendarYear

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_client(client, django_user_model, frozen_today):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.cn", "pw"))
    return client


def form_errors(response) -> dict:
    assert response.status_code == 200  # the form again, with its errors: nothing saved
    return response.context["adminform"].form.errors


@pytest.mark.parametrize("year", [20207, 1, 1999, 2101])
def test_a_year_outside_2000_to_2100_is_a_form_error(root_client, year):
    before = CalendarYear.objects.count()
    response = root_client.post(
        "/admin/cases/calendaryear/add/", {"year": year, "source": "国办发明电"}
    )
    assert form_errors(response)["year"] == ["年度应在2000年至2100年之间。"]
    assert CalendarYear.objects.count() == before


def test_a_day_outside_2000_to_2100_is_a_form_error(root_client):
    data = {"day": "2207-01-01", "workday": "", "name": "元旦", "source": "手工"}
    response = root_client.post("/admin/cases/calendarday/add/", data)
    assert form_errors(response)["day"] == ["年度应在2000年至2100年之间。"]
    assert not CalendarDay.objects.filter(day=date(2207, 1, 1)).exists()


def test_a_make_up_working_day_on_a_weekday_is_a_form_error(root_client):
    data = {"day": "2026-12-02", "workday": "on", "name": "调休上班", "source": "手工"}
    response = root_client.post("/admin/cases/calendarday/add/", data)
    assert form_errors(response)["workday"] == ["调休上班日应为周六或周日。"]
    assert not CalendarDay.objects.filter(day=date(2026, 12, 2)).exists()


def test_a_valid_day_is_still_added_in_the_admin(root_client):
    data = {"day": "2026-12-05", "workday": "on", "name": "调休上班", "source": "手工"}
    response = root_client.post("/admin/cases/calendarday/add/", data)
    assert response.status_code == 302
    assert CalendarDay.objects.get(day=date(2026, 12, 5)).workday
