"""cases.querycache.RowsByIds: the same rows as the ORM's values() query it was built from, on the
database the suite runs on, for any number of ids, compiled once per number of ids."""

from datetime import date

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from api import serializers as s
from cases.models import Application, ApplicationEvent
from cases.querycache import RowsByIds
from cases.services import fees, handling
from cases.sqlarray import AnyOf

pytestmark = pytest.mark.django_db


def orm_rows(ids):
    return s.application_values(Application.objects.filter(pk__in=ids).order_by())


def any_rows(ids):
    return s.application_values(Application.objects.filter(AnyOf(F("pk"), ids)).order_by())


def orm_events(ids):
    return s.event_values(
        ApplicationEvent.objects.filter(application_id__in=ids).order_by("on", "id")
    )


@pytest.fixture
def cases(register, township_handler, township_supervisor):
    """Rows with every kind of value: dates, datetimes, decimals, nulls, joined names."""
    plain = register(received_on=date(2026, 11, 2))
    waived = register(received_on=date(2026, 11, 3))
    fees.fee_notify(
        user=township_handler, application=waived, on=date(2026, 11, 4), method="per_page", pages=60
    )
    fees.fee_waive(
        user=township_handler,
        application=waived,
        on=date(2026, 11, 5),
        approved_by=township_supervisor,
        reason="困难群众",
    )
    extended = register(received_on=date(2026, 11, 4))
    handling.application_extend(
        user=township_handler,
        application=extended,
        on=date(2026, 11, 6),
        days=20,
        approved_by=township_supervisor,
        reason="需要调取档案",
    )
    return [plain.pk, waived.pk, extended.pk]


def by_id(rows):
    return sorted(rows, key=lambda row: (row.get("application_id", 0), row["id"]))


def test_rows_equal_the_orms(cases):
    fast = RowsByIds(Application, orm_rows)
    for ids in (cases, cases[:1], cases[::-1]):
        assert by_id(fast(ids)) == by_id(list(orm_rows(ids)))
    waived = next(row for row in fast(cases) if row["fee__id"] is not None)
    assert str(waived["fee__amount"]) == str(orm_rows([waived["id"]]).get()["fee__amount"])
    assert waived["fee__waived_by__username"] == "jiangyi-supervisor"


def test_events_keep_the_orms_order(cases):
    fast = RowsByIds(ApplicationEvent, orm_events)
    assert fast(cases) == list(orm_events(cases))
    assert fast(cases)[0]["created_at"].utcoffset() is not None  # aware, as the ORM gives
    orm_times = [e["created_at"] for e in orm_events(cases)]
    assert [e["created_at"] for e in fast(cases)] == orm_times  # the same instants
    assert {t.utcoffset().total_seconds() for t in orm_times} == {0}  # both in UTC
    assert {e["created_at"].utcoffset().total_seconds() for e in fast(cases)} == {0}


def test_one_query_and_compiled_once_per_number_of_ids(cases):
    fast = RowsByIds(Application, orm_rows)
    with CaptureQueriesContext(connection) as ctx:
        fast(cases[:2])
        fast(cases[1:])
        fast(cases)
    assert len(ctx.captured_queries) == 3
    assert ctx.captured_queries[0]["sql"].count("SELECT") == ctx.captured_queries[1]["sql"].count(
        "SELECT"
    )
    assert sorted(n for _, n in fast._compiled) == [2, 3]


def test_no_ids_no_query_and_repeated_ids_once(cases):
    fast = RowsByIds(Application, orm_rows)
    with CaptureQueriesContext(connection) as ctx:
        assert fast([]) == []
    assert ctx.captured_queries == []
    assert [row["id"] for row in fast([cases[0], cases[0]])] == [cases[0]]


def test_a_shape_with_other_parameters_falls_back_to_the_orm(cases):
    def with_status(ids):
        return Application.objects.filter(pk__in=ids, status="open").order_by("id").values("id")

    fast = RowsByIds(Application, with_status)
    assert fast(cases) == list(with_status(cases))
    assert fast._compiled[("default", 3)] is None


def test_any_of_selects_the_same_rows_as_in(cases):
    assert by_id(any_rows(cases)) == by_id(orm_rows(cases))
    assert list(any_rows(cases[:1]).values_list("id", flat=True)) == cases[:1]
    assert list(any_rows([]).values_list("id", flat=True)) == []
    others = set(
        Application.objects.exclude(AnyOf(F("pk"), cases[:1])).values_list("id", flat=True)
    )
    assert cases[0] not in others
    assert set(cases[1:]) <= others


def test_any_of_reads_through_the_compiled_query_like_the_orm(cases):
    fast = RowsByIds(Application, any_rows)
    for ids in (cases, cases[:1], cases[::-1]):
        assert by_id(fast(ids)) == by_id(list(orm_rows(ids)))
    assert all(compiled is not None for compiled in fast._compiled.values())


def test_any_of_is_one_sql_text_for_any_number_of_ids_on_postgresql(cases):
    fast = RowsByIds(Application, any_rows)
    fast(cases[:1])
    fast(cases)
    one, three = fast._compiled[("default", 1)], fast._compiled[("default", 3)]
    if connection.vendor == "postgresql":
        assert "= ANY(%s)" in one.sql
        assert one.sql == three.sql
        assert one.array and three.array
    else:
        assert one.sql != three.sql  # an IN list of one, of three
        assert not one.array
