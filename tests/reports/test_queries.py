"""The report is a fixed handful of aggregate queries: as many for 1 case as for many."""

from datetime import date, timedelta

import pytest
from django.db import connection

from cases.reports import build_report
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db

# four counts (applications, consultations, remedies, fees), two lists of subjects/topics, one for the
# published reports it must agree with (invariants 3 and 6); with the offices below, one more for
# their names
SINGLE, WITH_CHILDREN = 7, 8
# on PostgreSQL the counts and lists run planned for their own parameters (cases/reports/planning.py):
# SET plan_cache_mode before them, RESET after
PLANNING = 2 if connection.vendor == "postgresql" else 0


def _one_of_everything(book, day):
    app = book.register(day)
    book.conclude(app, day + timedelta(days=3))
    book.remedy(app, "reconsideration", day + timedelta(days=5))
    fee_app = book.register(day)
    book.fee(fee_app, day + timedelta(days=1), paid_on=day + timedelta(days=2))
    book.consult(
        "hotline",
        at(day.year, day.month, day.day),
        answered_at=at(day.year, day.month, day.day, 11),
    )


@pytest.mark.parametrize("include_children", [False, True])
def test_query_count_does_not_grow_with_cases(
    book, county_book, township, county, django_assert_num_queries, include_children
):
    agency = county if include_children else township
    expected = (WITH_CHILDREN if include_children else SINGLE) + PLANNING
    with django_assert_num_queries(expected):
        build_report(agency, 2025, include_children=include_children)
    _one_of_everything(book, date(2025, 3, 3))
    with django_assert_num_queries(expected):
        one = build_report(agency, 2025, include_children=include_children)
    for i in range(12):
        _one_of_everything(book, date(2025, 4, 1) + timedelta(days=7 * i))
        _one_of_everything(county_book, date(2024, 4, 1) + timedelta(days=7 * i))
    with django_assert_num_queries(expected):
        many = build_report(agency, 2025, include_children=include_children)
    assert (
        many["applications"]["rows"]["new"]["total"] > one["applications"]["rows"]["new"]["total"]
    )
    assert many["errors"] == []
