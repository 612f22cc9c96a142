"""A member of staff whose role was never given or was taken away (in the admin, to cut off their
access) belongs to no office's work: they see none of its cases or consultations, on the pages or in
the API, and are told why on their start page. Personas: the office's front desk (who sees the case),
the same office's account without a role, and the case's own handler."""

import pytest
from django.http import Http404

from cases.access import (
    applications_for_user,
    consultations_for_user,
    get_application_for_user,
    sees_agency,
    visible_agencies,
)
from tests.api.conftest import token_client
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def roleless(township):
    return make_user(township, "", username="jiangyi-norole")


def test_the_chokepoint_gives_a_user_without_a_role_nothing(register, consult, roleless, township):
    case = register()
    consult()
    assert not visible_agencies(roleless).exists()
    assert not sees_agency(roleless, township)
    assert not applications_for_user(roleless).exists()
    assert not applications_for_user(roleless, within=township).exists()
    assert not consultations_for_user(roleless).exists()
    with pytest.raises(Http404):
        get_application_for_user(roleless, case.pk)


def test_a_teammate_with_a_role_still_sees_the_case(register, township_front):
    case = register()
    assert get_application_for_user(township_front, case.pk) == case


def test_the_pages_show_nothing_and_say_why(client, register, roleless):
    case = register()
    client.force_login(roleless)
    assert client.get(f"/applications/{case.pk}/").status_code == 404
    ledger = client.get("/applications/")
    assert ledger.status_code == 200 and case.number not in ledger.content.decode()
    home = client.get("/", follow=True).content.decode()
    assert "尚未分配角色" in home


def test_the_api_shows_nothing(register, roleless):
    case = register()
    api = token_client(roleless)
    assert api.get(f"/api/v1/applications/{case.pk}/").status_code == 404
    listed = api.get("/api/v1/applications/").json()
    assert listed["count"] == 0
