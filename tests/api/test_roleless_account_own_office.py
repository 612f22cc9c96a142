"""An account whose role was taken away (to cut off its access) sees no office, its own included, in
the API as on the pages: GET /agencies/<its office>/ is a 404 and ?agency=<its office> a 400, whether
it signs in by token (which loads its office with it) or by session. By token the office was
answered from the loaded user without asking whether the account may see it: the 200 told an account
cut off from its office that it still could read it, and the lists took the office as a valid filter."""

import pytest

from cases.access import find_visible_agency
from cases.models import User
from tests.api.conftest import token_client
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def roleless(township):
    return make_user(township, "", username="jiangyi-norole")


def session_client(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_login(user)
    return client


@pytest.mark.parametrize("signed_in", [token_client, session_client], ids=["token", "session"])
def test_no_office_for_an_account_without_a_role(roleless, signed_in):
    api = signed_in(roleless)
    assert api.get("/api/v1/agencies/").json()["count"] == 0
    assert api.get("/api/v1/agencies/jiangyi/").status_code == 404
    listed = api.get("/api/v1/applications/", {"agency": "jiangyi"})
    assert listed.status_code == 400 and "agency" in listed.json()


def test_the_chokepoint_with_the_office_loaded(roleless, township_front):
    loaded = User.objects.select_related("agency").get(pk=roleless.pk)
    assert find_visible_agency(loaded, "jiangyi") is None
    teammate = User.objects.select_related("agency").get(pk=township_front.pk)
    assert find_visible_agency(teammate, "jiangyi") == teammate.agency
