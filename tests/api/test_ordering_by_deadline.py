"""ordering=deadline|-deadline (api.md) puts the cases whose deadline is not known (a stopped clock, a
supplement awaited) in the same place on every database: after every date going up, before every date
going down, as PostgreSQL orders them — on the page read with its total and on any other page alike."""

from datetime import date

import pytest

from cases.services import handling

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(register, township_handler):
    """Two cases with a deadline and two without one."""
    early = register(received_on=date(2026, 10, 30))  # due 2026-11-27
    late = register(received_on=date(2026, 11, 20))
    consulting = register(received_on=date(2026, 11, 5))
    handling.application_start_consultation(
        user=township_handler, application=consulting, on=date(2026, 11, 10), party="县财政局"
    )
    awaiting = register(received_on=date(2026, 11, 4))
    handling.application_request_supplement(
        user=township_handler,
        application=awaiting,
        on=date(2026, 11, 5),
        items_to_supplement="请写明所需信息的年份",
    )
    return {"dated": [early.pk, late.pk], "undated": {consulting.pk, awaiting.pk}}


def order(client, query: str) -> list[tuple[int, str | None]]:
    response = client.get(f"/api/v1/applications/?{query}")
    assert response.status_code == 200, response.json()
    return [(a["id"], a["deadline"]) for a in response.json()["results"]]


@pytest.mark.parametrize("page", ["page=1", "page=last"])
def test_cases_without_a_deadline_come_after_every_date(as_handler, cases, page):
    rows = order(as_handler, f"ordering=deadline&page_size=4&{page}")
    assert [pk for pk, _ in rows[:2]] == cases["dated"]
    assert {pk for pk, _ in rows[2:]} == cases["undated"]
    assert all(deadline is None for _, deadline in rows[2:])


@pytest.mark.parametrize("page", ["page=1", "page=last"])
def test_and_before_every_date_in_reverse(as_handler, cases, page):
    rows = order(as_handler, f"ordering=-deadline&page_size=4&{page}")
    assert {pk for pk, _ in rows[:2]} == cases["undated"]
    assert [pk for pk, _ in rows[2:]] == cases["dated"][::-1]
