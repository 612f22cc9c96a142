"""The overdue list is read from the open-cases index (app_open_by_office_deadline): its condition
(not voided, not concluded) must stay implied by the filters the lists write, or PostgreSQL quietly
reads every row again. The plan is asked for with the row-reading alternatives switched off, so the
test sees which index the planner can use, not which is cheapest on a few rows."""

from datetime import date

import pytest
from django.db import connection

from cases import selectors
from cases.services import handling

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="partial index proofs and plans are PostgreSQL's"
    ),
]

INDEX = "app_open_by_office_deadline"


def plan(qs) -> str:
    sql, params = qs.order_by().values_list("id", "received_on").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("ANALYZE cases_application")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def cases(register, county, people, township_handler):
    late = register(received_on=date(2026, 9, 1))
    register(received_on=date(2026, 11, 20))  # open, not yet due
    done = register(received_on=date(2026, 9, 2))
    handling.application_conclude(
        user=township_handler,
        application=done,
        on=date(2026, 9, 10),
        outcome="disclose",
    )
    register(received_on=date(2026, 9, 3), agency=county, user=people[("county", "front_desk")])
    return late


def test_an_offices_overdue_list_uses_the_open_cases_index(cases, township, township_supervisor):
    filters = selectors.ApplicationFilters(agency=township, overdue=True)
    qs = selectors.application_list(township_supervisor, filters)
    assert list(qs.values_list("pk", flat=True)) == [cases.pk]
    assert INDEX in plan(qs)


def test_a_countys_overdue_list_and_due_soon_use_it(cases, county_supervisor):
    overdue = selectors.application_list(
        county_supervisor, selectors.ApplicationFilters(overdue=True)
    )
    assert overdue.count() == 2  # the township's late case and the county's own
    assert INDEX in plan(overdue)
    soon = selectors.application_list(
        county_supervisor, selectors.ApplicationFilters(due_within=20)
    )
    assert INDEX in plan(soon)
