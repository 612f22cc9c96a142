"""cases.reports.planning: on PostgreSQL the report's queries are planned for their own parameters
(never a cached generic plan), only inside the block; elsewhere nothing changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.reports.planning import planned_for_parameters

pytestmark = pytest.mark.django_db


def plan_cache_mode() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_custom_plans_inside_the_block_only():
    before = plan_cache_mode()
    with planned_for_parameters():
        assert plan_cache_mode() == "force_custom_plan"
    assert plan_cache_mode() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_reset_after_an_error_too():
    before = plan_cache_mode()
    with pytest.raises(ValueError), planned_for_parameters():
        raise ValueError("失败")
    assert plan_cache_mode() == before


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the other databases")
def test_nothing_sent_elsewhere():
    with CaptureQueriesContext(connection) as ctx, planned_for_parameters():
        pass
    assert ctx.captured_queries == []
