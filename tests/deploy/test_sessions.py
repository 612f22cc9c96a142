"""A login lasts while the person works (cases/sessions.py): eight hours from the last use, not from
the login — a clerk logged in at 08:30 who submits a form at 16:45 is not sent to the login page and
does not lose what was typed. Left unused for eight hours, it ends."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from cases.models import Consultation
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


def at(hour: int, minute: int = 0):
    return time_machine.travel(datetime(2026, 11, 24, hour, minute, tzinfo=SHANGHAI), tick=False)


def register_consultation(client, office):
    return client.post(
        reverse("consultation-register"),
        {"agency": office.pk, "channel": "hotline", "topic": "低保申请条件"},
    )


def logged_in_at_half_past_eight(client, user):
    with at(8, 30):
        client.post(reverse("login"), {"username": user.username, "password": "pw-for-tests-2026"})


@pytest.fixture
def clerk(township_front):
    township_front.set_password("pw-for-tests-2026")
    township_front.save()
    return township_front


def test_a_working_day_keeps_the_login(client, clerk):
    logged_in_at_half_past_eight(client, clerk)
    for hour in (10, 12, 14):
        with at(hour):
            assert client.get(reverse("home")).status_code == 200
    with at(16, 45):
        response = register_consultation(client, clerk.agency)
    assert response.status_code == 302
    assert reverse("login") not in response["Location"]
    assert Consultation.objects.filter(topic="低保申请条件").count() == 1


def test_eight_hours_unused_end_the_login(client, clerk):
    logged_in_at_half_past_eight(client, clerk)
    with at(16, 45):
        response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def no_session(response, url: str) -> bool:
    """What a visitor without a login gets: the login page, or the API's 401 (api.md)."""
    if url.startswith("/api/"):
        return response.status_code == 401
    return response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("url", ["/", "/applications/", "/api/v1/agencies/"])
def test_a_forged_session_cookie_is_no_session(client, clerk, url):
    """A cookie no login made (a NUL byte in it: PostgreSQL refused the look-up with a database error)
    is taken as no session: the login page, or the API's 401 — never a 500."""
    client.cookies["sessionid"] = "abc\x00defghijklmnop"
    response = client.get(url)
    assert no_session(response, url), response.status_code
    client.cookies["sessionid"] = "a" * 31 + "!"
    response = client.get(url)
    assert no_session(response, url), response.status_code
