"""cases.pagequery: a page's ids and the list's total in one query — the same as the ORM's count()
and slice, for every ordering the API offers, on the database the suite runs on."""

from datetime import date

import pytest
from django.db import connection
from django.db.models.functions import Lower
from django.test.utils import CaptureQueriesContext

from cases import selectors
from cases.models import Application
from cases.pagequery import page_ids_and_total

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(register):
    days = [date(2026, 9, 1), date(2026, 10, 8), date(2026, 10, 8), date(2026, 11, 2)]
    return [register(received_on=day).pk for day in days]  # two on one day: ties broken by id


@pytest.mark.parametrize("ordering", list(selectors.ORDERINGS.values()))
@pytest.mark.parametrize("rows", [slice(0, 2), slice(2, 4), slice(0, 50), slice(3, 5)])
def test_same_page_and_total_as_the_orm(cases, ordering, rows):
    qs = Application.objects.filter(pk__in=cases).order_by(*ordering)
    ids, total = page_ids_and_total(qs, rows)
    assert ids == list(qs.values_list("pk", flat=True)[rows])
    assert total == qs.count()


def test_filters_and_joins_of_the_list_are_kept(cases, township_supervisor):
    qs = selectors.application_list(
        township_supervisor, selectors.ApplicationFilters(search="财政", ordering="deadline")
    )
    ids, total = page_ids_and_total(qs, slice(0, 3))
    assert ids == list(qs.values_list("pk", flat=True)[:3])
    assert total == qs.count() == 4


def test_past_the_end_no_ids_and_no_total(cases):
    qs = Application.objects.filter(pk__in=cases).order_by("-received_on", "-id")
    assert page_ids_and_total(qs, slice(50, 100)) == ([], None)


def test_one_query_fenced_on_postgresql(cases):
    qs = Application.objects.filter(pk__in=cases).order_by("-received_on", "-id")
    with CaptureQueriesContext(connection) as ctx:
        page_ids_and_total(qs, slice(0, 2))
    (query,) = ctx.captured_queries
    assert "COUNT(*) OVER ()" in query["sql"]
    assert (" OFFSET 0) m " in query["sql"]) == (connection.vendor == "postgresql")


def test_an_ordering_by_expression_is_left_to_the_orm(cases):
    qs = Application.objects.order_by(Lower("number").asc())
    assert page_ids_and_total(qs, slice(0, 2)) is None
    assert page_ids_and_total(Application.objects.order_by("agency__code"), slice(0, 2)) is None
