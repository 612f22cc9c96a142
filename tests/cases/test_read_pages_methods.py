"""The pages that only show — the start page, the two ledgers and a case — answer only GET (and
HEAD): a PUT, PATCH or DELETE is 405 with the methods allowed, not a 200 that looks as if it did
something."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(register):
    case = register()
    return ["/", "/applications/", f"/applications/{case.pk}/", "/consultations/"]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_write_method_is_not_allowed(client, township_front, pages, method):
    client.force_login(township_front)
    for path in pages:
        response = getattr(client, method)(path)
        assert response.status_code == 405, path
        assert "GET" in response["Allow"]


def test_get_and_head_still_answer(client, township_front, pages):
    client.force_login(township_front)
    for path in pages:
        assert client.get(path).status_code == 200, path
        assert client.head(path).status_code == 200, path
