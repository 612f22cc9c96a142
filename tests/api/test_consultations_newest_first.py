"""The consultations are listed newest first — the call just taken at the top of the API's list and
of the consultation ledger (the ledger of a busy hotline is read from today backwards)."""

from datetime import datetime

import pytest

from tests.api.conftest import token_client
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_calls(consult):
    return [
        consult(topic=f"第{n}个来电", received_at=datetime(2026, 11, day, 9, 0, tzinfo=SHANGHAI))
        for n, day in ((1, 20), (2, 23), (3, 24))
    ]


def test_the_api(three_calls, township_front):
    listed = token_client(township_front).get("/api/v1/consultations/").json()["results"]
    assert [c["id"] for c in listed] == [c.pk for c in reversed(three_calls)]


def test_the_ledger(client, three_calls, township_front):
    client.force_login(township_front)
    page = client.get("/consultations/").content.decode()
    assert page.index("第3个来电") < page.index("第2个来电") < page.index("第1个来电")
