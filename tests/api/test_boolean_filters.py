"""The yes-or-no filters of the lists (overdue, include_children, answered) read a yes or a no as the
report's include_children does (true/false, 1/0, yes/no, on/off), and answer 400 on the parameter
for anything else — never the whole list as if the filter had not been asked for."""

from datetime import date, datetime

import pytest

from cases.services.registration import consultation_register
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.fixture
def sup(api, people):
    return api(people[("county", "supervisor")])


@pytest.fixture
def ledger(frozen_today, register, people, township, township_front):
    """An overdue case and a fresh one at the township, one answered consultation and one not."""
    overdue = register(received_on=date(2026, 9, 1))
    register(received_on=date(2026, 11, 20))
    at = datetime(2026, 11, 20, 9, tzinfo=SHANGHAI)
    for answer in ("已答复", ""):
        consultation_register(
            user=township_front,
            agency=township,
            channel="hotline",
            topic="如何申请",
            question="怎样申请政府信息公开？",
            received_at=at,
            answer=answer,
        )
    return {"overdue": overdue.pk}


def listed(client, path: str, query: str) -> int:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200, (query, response.json())
    return response.json()["count"]


@pytest.mark.parametrize("yes", ["true", "True", "1", "yes", "on"])
def test_every_yes_asks_for_the_filter(sup, ledger, yes):
    assert listed(sup, "/api/v1/applications/", f"overdue={yes}") == 1
    assert listed(sup, "/api/v1/applications/", f"agency=county&include_children={yes}") == 2
    assert listed(sup, "/api/v1/consultations/", f"answered={yes}") == 1
    assert listed(sup, "/api/v1/consultations/", f"agency=county&include_children={yes}") == 2


@pytest.mark.parametrize("no", ["false", "False", "0", "no", "off"])
def test_every_no_leaves_it_out(sup, ledger, no):
    assert listed(sup, "/api/v1/applications/", f"overdue={no}") == 1  # the one not overdue
    assert listed(sup, "/api/v1/applications/", f"agency=county&include_children={no}") == 0
    assert listed(sup, "/api/v1/consultations/", f"answered={no}") == 1
    assert listed(sup, "/api/v1/consultations/", f"agency=county&include_children={no}") == 0


@pytest.mark.parametrize(
    ("path", "query", "field"),
    [
        ("/api/v1/applications/", "overdue=maybe", "overdue"),
        ("/api/v1/applications/", "overdue=2026-11-24", "overdue"),
        ("/api/v1/applications/", "agency=county&include_children=all", "include_children"),
        ("/api/v1/consultations/", "answered=x", "answered"),
        ("/api/v1/consultations/", "agency=county&include_children=all", "include_children"),
    ],
)
def test_anything_else_is_400_on_the_parameter(sup, ledger, path, query, field):
    response = sup.get(f"{path}?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert all(isinstance(m, str) and m for m in response.json()[field])
