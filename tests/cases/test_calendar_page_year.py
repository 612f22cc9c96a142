"""The calendar page's year comes from the address (its ← / → links step a year at a time): a year the
calendar cannot hold (before 2000, after 2100, or no year at all) shows this year's page, as a year
that is not a number does, instead of a server error, and the page says which year it shows instead."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "year", ["0", "-1", "1999", "2101", "10000", "99999999999999999999", "abc"]
)
def test_a_year_out_of_range_shows_this_years_page(client, people, frozen_today, year):
    client.force_login(people[("county", "admin")])
    page = client.get(reverse("calendar"), {"year": year})
    assert page.status_code == 200
    assert page.context["year"] == 2026
    said = [str(m) for m in page.context["messages"]]
    assert said == ["年度应为2000年至2100年之间的整数，现显示2026年。"]


@pytest.mark.parametrize("year", [2000, 2100])
def test_the_first_and_last_years_are_shown(client, people, frozen_today, year):
    client.force_login(people[("county", "admin")])
    page = client.get(reverse("calendar"), {"year": year})
    assert page.status_code == 200
    assert page.context["year"] == year
    assert not list(page.context["messages"])
