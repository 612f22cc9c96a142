"""The browsable API (session login, text/html) renders every page without an error."""

import pytest

pytestmark = pytest.mark.django_db

URLS = {
    "/api/v1/agencies/": 200,
    "/api/v1/agencies/jiangyi/": 200,
    "/api/v1/staff/": 200,
    "/api/v1/applications/": 200,
    "/api/v1/applications/{id}/": 200,
    "/api/v1/applications/{id}/conclude/": 405,  # POST only; the page still renders its form
    "/api/v1/consultations/": 200,
    "/api/v1/remedies/": 200,
    "/api/v1/calendar/": 200,
}


@pytest.mark.parametrize(("url", "expected"), URLS.items())
def test_pages_render_for_a_logged_in_admin(client, case, people, url, expected):
    client.force_login(people[("jiangyi", "admin")])
    response = client.get(url.format(id=case["id"]), HTTP_ACCEPT="text/html")
    assert response.status_code == expected, response.content[:300]
    assert response["Content-Type"].startswith("text/html")
