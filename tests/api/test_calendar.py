"""The working-day calendar: read a year; administrators set a day and open cases are recomputed."""

import pytest

from cases.models import Application, CalendarDay

pytestmark = pytest.mark.django_db


def test_a_published_year(as_handler):
    data = as_handler.get("/api/v1/calendar/?year=2026").json()
    assert data["year"] == 2026 and data["covered"] is True
    assert "2026-10-01" in data["holidays"]
    assert "2026-02-14" in data["workdays"] and "2026-02-28" in data["workdays"]
    assert not set(data["holidays"]) & set(data["workdays"])


def test_an_unpublished_year_and_the_default_year(frozen_today, as_handler):
    data = as_handler.get("/api/v1/calendar/?year=2027").json()
    assert data == {"year": 2027, "covered": False, "holidays": [], "workdays": []}
    assert as_handler.get("/api/v1/calendar/").json()["year"] == 2026


@pytest.mark.parametrize("year", ["1999", "2101", "abc", "2026.5", "99999999999999999999"])
def test_bad_years_are_400(as_handler, year):
    response = as_handler.get(f"/api/v1/calendar/?year={year}")
    assert response.status_code == 400 and "year" in response.json()


def test_admin_sets_a_holiday_and_open_cases_move(case, api, people):
    # a holiday on Thu 2026-11-26 pushes the township case's deadline from 11-30 to 12-01
    response = api(people[("jiangyi", "admin")]).post(
        "/api/v1/calendar/",
        {"date": "2026-11-26", "workday": False, "name": "临时放假", "source": "测试"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert "2026-11-26" in data["holidays"] and data["recomputed"] == 1
    assert CalendarDay.objects.get(day="2026-11-26").source == "测试"
    assert Application.objects.get(pk=case["id"]).deadline.isoformat() == "2026-12-01"
    assert (
        api(people[("jiangyi", "admin")])
        .get(f"/api/v1/applications/{case['id']}/")
        .json()["deadline"]
        == "2026-12-01"
    )


@pytest.mark.parametrize("day", ["1999-12-31", "2101-01-01"])
def test_a_day_outside_the_years_the_calendar_holds_is_400(api, people, day):
    """Only days of the years ?year= reads back (2000–2100) are entered; nothing saved otherwise."""
    before = CalendarDay.objects.count()
    response = api(people[("jiangyi", "admin")]).post(
        "/api/v1/calendar/", {"date": day, "workday": False, "name": "假日"}, format="json"
    )
    assert response.status_code == 400 and list(response.json()) == ["date"]
    if day.startswith("1999"):  # (past 2100 the date field itself refuses it)
        assert response.json()["date"] == ["年度应在2000年至2100年之间。"]
    assert CalendarDay.objects.count() == before


def test_a_workday_must_be_a_weekend_day(api, people):
    response = api(people[("jiangyi", "admin")]).post(
        "/api/v1/calendar/", {"date": "2026-11-26", "workday": True, "name": "调休"}, format="json"
    )
    assert response.status_code == 400 and "workday" in response.json()


@pytest.mark.parametrize("role", ["front_desk", "handler", "supervisor"])
def test_only_admins_edit_the_calendar(api, people, role):
    response = api(people[("county", role)]).post(
        "/api/v1/calendar/",
        {"date": "2026-11-26", "workday": False, "name": "临时放假"},
        format="json",
    )
    assert response.status_code == 403
    assert not CalendarDay.objects.filter(day="2026-11-26").exists()
