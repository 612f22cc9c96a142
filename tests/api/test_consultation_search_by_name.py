"""A consultation is found by the name of the person who asked (咨询人), as by its topic and question
(api.md: 主题、内容、咨询人): on the API's list and the consultation ledger, e.g. when 李四 calls back."""

import pytest

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_callers(consult):
    return consult(name="李四", topic="低保名单"), consult(name="王五", topic="征收补偿")


def test_the_api_finds_the_caller(two_callers, township_front):
    li, _ = two_callers
    found = token_client(township_front).get("/api/v1/consultations/", {"search": "李四"}).json()
    assert [c["id"] for c in found["results"]] == [li.pk]


def test_the_ledger_finds_the_caller(client, two_callers, township_front):
    client.force_login(township_front)
    page = client.get("/consultations/", {"q": "李四"}).content.decode()
    assert "低保名单" in page and "征收补偿" not in page
