"""API fixtures: a token client per persona, a sibling office ("another office"), and request bodies.

Offices: the county (元谋县) with the township (姜驿乡) and a sibling bureau (自然资源局) under it.
The township is "the office" of the permission table; the bureau's staff are "another office";
the county's supervisor is "a supervisor of the parent office"."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from tests.conftest import make_user

TODAY = date(2026, 11, 24)

# the fields api.md promises in every application (the representation and the schema alike)
CONTRACT_FIELDS = {
    "id",
    "number",
    "agency",
    "channel",
    "received_on",
    "applicant",
    "content",
    "status",
    "regime",
    "deadline",
    "deadline_provisional",
    "working_days_left",
    "overdue",
    "extension_days",
    "supplement_notice_due",
    "outcome",
    "concluded_on",
    "fee",
    "events",
    "deadline_trace",
}


@pytest.fixture
def bureau(county):
    from cases.models import Agency

    return Agency.objects.create(
        code="ym-zrzy", name="元谋县自然资源局", short_name="我局", parent=county
    )


@pytest.fixture
def bureau_people(bureau):
    return {
        role: make_user(bureau, role) for role in ("front_desk", "handler", "supervisor", "admin")
    }


@pytest.fixture
def superuser(db):
    from cases.models import User

    return User.objects.create_superuser(username="root", password="pw", email="root@example.com")


def token_client(user) -> APIClient:
    from rest_framework.authtoken.models import Token

    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def api():
    """api(user) → an APIClient sending that user's token; api(None) → anonymous."""
    return token_client


@pytest.fixture
def as_handler(api, township_handler):
    return api(township_handler)


@pytest.fixture
def as_front(api, township_front):
    return api(township_front)


def application_body(**overrides) -> dict:
    body = {
        "agency": "jiangyi",
        "channel": "in_person",
        "received_on": "2026-11-02",
        "applicant": {
            "type": "natural_person",
            "name": "张三",
            "id_number": "11010519491231002X",
            "phone": "13800001234",
        },
        "content": "2025年度本乡财政预决算",
    }
    body.update(overrides)
    return body


@pytest.fixture
def case(frozen_today, as_front):
    """One open application at the township, received 2026-11-02 (deadline 2026-11-30)."""
    response = as_front.post("/api/v1/applications/", application_body(), format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def post(client, url: str, body: dict):
    return client.post(url, body, format="json")


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    """The OpenAPI document as /api/v1/schema/ serves it (once per test module)."""
    with django_db_blocker.unblock():
        response = APIClient().get(
            "/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
        )
    assert response.status_code == 200
    return response.json()
