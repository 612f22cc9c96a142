"""cases.sqlarray.AnyOf with a subquery: the rows of `__in=subquery`, written `= ANY(ARRAY(…))` on
PostgreSQL (one array, used by the office indexes) and `IN (…)` elsewhere; and the annual report's
office scope uses it."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from cases.access import agency_scope
from cases.models import Application
from cases.reports.compute import compute_numbers
from cases.sqlarray import AnyOf

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(two_cases):
    return two_cases


def test_a_subquery_selects_the_rows_of_in(cases, county, township):
    for agency in (county, township):
        offices = agency_scope(agency, include_children=True).values("pk")
        fast = Application.objects.filter(AnyOf(F("agency_id"), offices))
        assert set(fast.values_list("pk", flat=True)) == set(
            Application.objects.filter(agency_id__in=offices).values_list("pk", flat=True)
        )
    offices = agency_scope(county, include_children=True).values("pk")
    assert Application.objects.filter(AnyOf(F("agency_id"), offices)).count() == 2
    township_only = agency_scope(township, include_children=True).values("pk")
    assert list(
        Application.objects.filter(AnyOf(F("agency_id"), township_only)).values_list(
            "pk", flat=True
        )
    ) == [cases[0].pk]


def test_written_as_an_array_on_postgresql(cases, county):
    offices = agency_scope(county, include_children=True).values("pk")
    sql = str(Application.objects.filter(AnyOf(F("agency_id"), offices)).query)
    if connection.vendor == "postgresql":
        assert "= ANY(ARRAY(SELECT" in sql
    else:
        assert " IN (SELECT" in sql


def test_the_reports_office_scope_uses_it(cases, county):
    with CaptureQueriesContext(connection) as ctx:
        numbers = compute_numbers(county, 2026, include_children=True)
    scoped = [q["sql"] for q in ctx.captured_queries if "cases_agency" in q["sql"]]
    assert scoped
    if connection.vendor == "postgresql":
        assert all("= ANY(ARRAY(SELECT" in sql for sql in scoped)
    assert numbers.combined["by_channel"]["total"] == 2


def test_a_supervisors_offices_are_one_array_in_every_list(
    cases, county_supervisor, township_handler
):
    from cases.access import applications_for_user
    from cases.selectors import ApplicationFilters, application_list

    seen = applications_for_user(county_supervisor)
    assert set(seen.values_list("pk", flat=True)) == {case.pk for case in cases}
    overdue_or_not = application_list(county_supervisor, ApplicationFilters(overdue=False))
    assert set(applications_for_user(township_handler).values_list("pk", flat=True)) == {
        cases[0].pk
    }
    if connection.vendor == "postgresql":
        assert "= ANY(ARRAY(SELECT" in str(seen.query)
        assert "= ANY(ARRAY(SELECT" in str(overdue_or_not.query)
