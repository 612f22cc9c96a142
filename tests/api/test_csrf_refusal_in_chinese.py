"""A write through a session login (the browsable API, a page's script) without a valid CSRF token is
refused with api.md's 403 and a Chinese detail that says what to send (it was DRF's English
"CSRF Failed: CSRF cookie not set." / "CSRF Failed: CSRF token missing.")."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

MESSAGE = (
    "安全校验（CSRF）未通过：以会话登录写入时，请求须带 X-CSRFToken 请求头（取自 csrftoken Cookie），"
    "或刷新页面后重试；以令牌认证的请求不需要。"
)


@pytest.fixture
def session_client(township_handler, frozen_today):
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(username="jiangyi-handler", password="pw")
    return client


def test_without_the_cookie(session_client):
    response = session_client.post("/api/v1/consultations/", {}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": MESSAGE}


def test_with_the_cookie_but_no_token(session_client):
    session_client.get("/api/v1/applications/", HTTP_ACCEPT="text/html")  # sets csrftoken
    assert "csrftoken" in session_client.cookies
    response = session_client.post("/api/v1/consultations/", {}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": MESSAGE}


def test_with_a_wrong_token(session_client):
    session_client.get("/api/v1/applications/", HTTP_ACCEPT="text/html")
    response = session_client.post(
        "/api/v1/consultations/", {}, format="json", HTTP_X_CSRFTOKEN="x" * 32
    )
    assert response.status_code == 403
    assert response.json() == {"detail": MESSAGE}
