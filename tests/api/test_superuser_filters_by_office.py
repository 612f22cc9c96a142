"""A superuser (系统管理, who sees every office) may narrow a list to one office as anyone may: the
applications and consultations of that office, with the offices under it when asked — on the API's
lists and on the ledgers."""

from datetime import date

import pytest

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(two_cases, consult):
    township_case, county_case = two_cases
    return {"township": township_case, "county": county_case, "consultation": consult()}


def numbers(response) -> set[str]:
    assert response.status_code == 200, response.json()
    return {a["number"] for a in response.json()["results"]}


def test_the_api_lists_of_one_office(superuser, cases):
    api = token_client(superuser)
    assert numbers(api.get("/api/v1/applications/", {"agency": "jiangyi"})) == {
        cases["township"].number
    }
    assert numbers(api.get("/api/v1/applications/", {"agency": "county"})) == {
        cases["county"].number
    }
    both = api.get("/api/v1/applications/", {"agency": "county", "include_children": "true"})
    assert numbers(both) == {cases["township"].number, cases["county"].number}
    consultations = api.get("/api/v1/consultations/", {"agency": "jiangyi"}).json()
    assert [c["id"] for c in consultations["results"]] == [cases["consultation"].pk]
    assert api.get("/api/v1/consultations/", {"agency": "county"}).json()["count"] == 0


def test_the_ledger_of_one_office(client, superuser, cases):
    client.force_login(superuser)
    page = client.get("/applications/", {"agency": "jiangyi", "received_after": date(2026, 11, 1)})
    text = page.content.decode()
    assert cases["township"].number in text and cases["county"].number not in text
