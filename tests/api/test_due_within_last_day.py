"""due_within=N lists the cases with at most N working days left, the last of them included: on
Tuesday 2026-11-24 a case due Thursday 11-26 has two working days left (Wed, Thu), so it is in
due_within=2 — on the API's list and the ledger — and not in due_within=1."""

from datetime import date

import pytest

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_thursday(register):
    case = register(received_on=date(2026, 10, 29))  # 20 working days from Fri 10-30
    assert case.deadline == date(2026, 11, 26)
    return case


def numbers(response) -> set[str]:
    assert response.status_code == 200, response.json()
    return {a["number"] for a in response.json()["results"]}


def test_the_api_includes_a_case_due_on_the_last_day(due_thursday, township_handler):
    api = token_client(township_handler)
    assert numbers(api.get("/api/v1/applications/", {"due_within": 2})) == {due_thursday.number}
    assert numbers(api.get("/api/v1/applications/", {"due_within": 1})) == set()
    listed = api.get("/api/v1/applications/", {"due_within": 2}).json()["results"]
    assert listed[0]["working_days_left"] == 2


def test_the_ledger_too(client, due_thursday, township_handler):
    client.force_login(township_handler)
    assert due_thursday.number in client.get("/applications/?due_within=2").content.decode()
    assert due_thursday.number not in client.get("/applications/?due_within=1").content.decode()
