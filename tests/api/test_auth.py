"""Authentication: a token from username and password, `Authorization: Token …`, session login too."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_token_from_username_and_password_opens_the_api(township_handler):
    client = APIClient()
    response = client.post(
        "/api/v1/auth/token/", {"username": "jiangyi-handler", "password": "pw"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert len(token) == 40
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/applications/").status_code == 200
    # asking again gives the same token
    again = APIClient().post(
        "/api/v1/auth/token/", {"username": "jiangyi-handler", "password": "pw"}, format="json"
    )
    assert again.json()["token"] == token


@pytest.mark.parametrize(
    "body",
    [
        {"username": "jiangyi-handler", "password": "wrong"},
        {"username": "nobody", "password": "pw"},
    ],
)
def test_wrong_credentials_are_a_400_in_chinese(township_handler, body):
    response = APIClient().post("/api/v1/auth/token/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["用户名或密码不正确。"]}


def test_missing_fields_name_the_field(db):
    response = APIClient().post("/api/v1/auth/token/", {"username": "x"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["password"]


def test_inactive_user_gets_no_token_and_their_token_stops_working(api, township_handler):
    client = api(township_handler)
    township_handler.is_active = False
    township_handler.save()
    assert client.get("/api/v1/applications/").status_code == 401
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "jiangyi-handler", "password": "pw"}, format="json"
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "header",
    [
        "",
        "Token",
        "Token " + "0" * 40,
        "Token abc",
        "Token " + "a" * 41,
        "Bearer xyz",
        "Token \u4e2d\u6587",
    ],
)
def test_without_valid_credentials_every_endpoint_is_401(db, header):
    client = APIClient()
    if header:
        client.credentials(HTTP_AUTHORIZATION=header)
    for url in (
        "/api/v1/applications/",
        "/api/v1/agencies/",
        "/api/v1/calendar/",
        "/api/v1/consultations/",
    ):
        response = client.get(url)
        assert response.status_code == 401, (url, header)
        assert "detail" in response.json()
    assert client.post("/api/v1/applications/", {}, format="json").status_code == 401


def test_session_login_works_for_reads_and_needs_csrf_for_writes(township_handler):
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(username="jiangyi-handler", password="pw")
    assert client.get("/api/v1/applications/").status_code == 200
    response = client.post("/api/v1/consultations/", {}, format="json")
    assert response.status_code == 403  # no CSRF token


def test_schema_and_docs_are_public(db):
    client = APIClient()
    assert client.get("/api/v1/schema/").status_code == 200
    assert client.get("/api/v1/docs/").status_code == 200


def test_a_new_password_ends_the_users_api_tokens(api, township_handler):
    """As a new password ends the user's other sessions, it ends their tokens: a token taken with
    the old password (a lost laptop, a guessed password) stops working once the password is reset."""
    client = api(township_handler)
    assert client.get("/api/v1/applications/").status_code == 200
    township_handler.set_password("Gongkai-2026-reset")
    township_handler.save()
    assert client.get("/api/v1/applications/").status_code == 401
    response = APIClient().post(
        "/api/v1/auth/token/",
        {"username": "jiangyi-handler", "password": "Gongkai-2026-reset"},
        format="json",
    )
    assert response.status_code == 200
    fresh = APIClient()
    fresh.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert fresh.get("/api/v1/applications/").status_code == 200


def test_other_changes_and_the_same_password_hashed_again_keep_the_token(api, township_handler):
    client = api(township_handler)
    township_handler.full_name = "新姓名"
    township_handler.save()
    township_handler.set_password("pw")  # e.g. a hasher upgrade rehashing the password at login
    township_handler.save(update_fields=["password"])
    assert client.get("/api/v1/applications/").status_code == 200
