"""What a signed-in user is shown is not kept in the browser's cache. The front desk's computer is
shared: after one clerk logs out, the next person's Back button, or the browser's cache on disk,
gave back the case pages with the applicant's full ID number and phone, the notices and the
annual report as the handler had seen them. Every answer to a signed-in user — a page, the API's
JSON with a token, a download — now says Cache-Control: no-store, private (as Django's login page
already did); the static files keep their own long cache."""

from datetime import date

import pytest
from django.urls import reverse

from cases.services import handling
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def not_stored(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_pages_and_downloads_of_a_signed_in_user_are_not_stored(
    client, register, township_handler, township_supervisor
):
    case = register(received_on=date(2026, 11, 2))
    handling.application_request_supplement(
        user=township_handler, application=case, on=date(2026, 11, 3), items_to_supplement="年度"
    )
    client.force_login(township_handler)
    pages = {
        "case page": reverse("application-detail", args=[case.pk]),
        "ledger": reverse("application-list"),
        "notice": reverse("notice", args=[case.pk, "supplement"]),
        "notice docx": reverse("notice-docx", args=[case.pk, "supplement"]),
        "another office's case (404)": reverse("application-detail", args=[case.pk + 1000]),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert not_stored(response), (name, response.status_code, response.get("Cache-Control"))
    assert "11010519491231002X" in client.get(pages["case page"]).content.decode()

    client.force_login(township_supervisor)
    download = client.get(reverse("report-download") + "?agency=jiangyi&year=2025&format=xlsx")
    assert download.status_code == 200 and not_stored(download)


def test_the_api_answers_a_token_are_not_stored(register, township_handler):
    case = register(received_on=date(2026, 11, 2))
    api = token_client(township_handler)
    for url in (f"/api/v1/applications/{case.pk}/", "/api/v1/applications/"):
        response = api.get(url)
        assert response.status_code == 200 and not_stored(response), url


def test_public_answers_keep_their_own_caching(client, db):
    login = client.get(reverse("login"))  # Django's own: never cached
    assert "no-store" in login["Cache-Control"]
    css = client.get("/static/css/gongkai.css")
    assert css.status_code == 200 and "no-store" not in css.get("Cache-Control", "")
