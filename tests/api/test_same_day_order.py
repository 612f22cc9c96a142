"""Cases received on the same day are listed in the order they were registered, reversed with the
list: newest first by default (-received_on, the ledger's and the API's default: the case just
registered at the top), oldest first with ordering=received_on."""

from datetime import date

import pytest

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def same_day(register):
    earlier = register(received_on=date(2026, 11, 2), content="第一件")
    later = register(received_on=date(2026, 11, 2), content="第二件")
    return earlier.number, later.number


def listed(api, **params) -> list[str]:
    return [a["number"] for a in api.get("/api/v1/applications/", params).json()["results"]]


def test_the_api(same_day, township_handler):
    earlier, later = same_day
    api = token_client(township_handler)
    assert listed(api) == [later, earlier]
    assert listed(api, ordering="-received_on") == [later, earlier]
    assert listed(api, ordering="received_on") == [earlier, later]


def test_the_ledger(client, same_day, township_handler):
    earlier, later = same_day
    client.force_login(township_handler)
    page = client.get("/applications/").content.decode()
    assert page.index(later) < page.index(earlier)
