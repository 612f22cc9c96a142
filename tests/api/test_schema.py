"""The OpenAPI schema at /api/v1/schema/ describes the whole contract; the documentation pages are
served from the app's own static files (no CDN)."""

import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from rest_framework.test import APIClient

from tests.api.conftest import CONTRACT_FIELDS

pytestmark = pytest.mark.django_db

CONTRACT = {
    ("post", "/api/v1/auth/token/"),
    ("get", "/api/v1/agencies/"),
    ("post", "/api/v1/agencies/"),
    ("get", "/api/v1/agencies/{code}/"),
    ("post", "/api/v1/staff/"),
    ("get", "/api/v1/applications/"),
    ("post", "/api/v1/applications/"),
    ("get", "/api/v1/applications/{id}/"),
    *{
        ("post", f"/api/v1/applications/{{id}}/{action}/")
        for action in (
            "request-supplement",
            "receive-supplement",
            "start-consultation",
            "end-consultation",
            "extend",
            "set-deadline",
            "notify-fee",
            "pay-fee",
            "waive-fee",
            "conclude",
            "withdraw",
        )
    },
    ("get", "/api/v1/consultations/"),
    ("post", "/api/v1/consultations/"),
    ("post", "/api/v1/consultations/{id}/answer/"),
    ("post", "/api/v1/remedies/"),
    ("patch", "/api/v1/remedies/{id}/"),
    ("get", "/api/v1/calendar/"),
    ("post", "/api/v1/calendar/"),
}

FILTERS = {
    "/api/v1/applications/": {
        "agency",
        "include_children",
        "status",
        "channel",
        "applicant_type",
        "outcome",
        "overdue",
        "due_within",
        "received_after",
        "received_before",
        "search",
        "ordering",
        "page",
        "page_size",
    },
    "/api/v1/consultations/": {
        "agency",
        "channel",
        "answered",
        "received_after",
        "received_before",
        "page",
        "page_size",
    },
}


def test_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    schemathesis.from_dict(schema, validate_schema=True)  # raises on an invalid document


def test_every_operation_of_the_contract_is_described(schema):
    described = {(method, path) for path, ops in schema["paths"].items() for method in ops}
    assert described >= CONTRACT


def test_list_filters_are_described(schema):
    for path, names in FILTERS.items():
        params = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert names <= params, names - params


@pytest.mark.parametrize(
    ("path", "name", "bounds", "refused"),
    [
        (
            "/api/v1/applications/",
            "due_within",
            {"minimum": 0, "maximum": 250},
            [("-1", 400), ("251", 400)],
        ),
        ("/api/v1/applications/", "page", {"minimum": 1}, [("0", 404)]),  # no such page
        # a larger page_size is capped at 500 (api.md), not refused
        ("/api/v1/applications/", "page_size", {"minimum": 1, "maximum": 500}, []),
        ("/api/v1/remedies/", "application", {"minimum": 1}, [("0", 400)]),
    ],
)
def test_numeric_parameters_state_the_bounds_the_api_holds_them_to(
    schema, as_handler, path, name, bounds, refused
):
    """A client that keeps to the schema's numbers is never refused for one; outside them it is: a
    400 naming the parameter, or a 404 for a page that does not exist."""
    (parameter,) = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    assert parameter["schema"].items() >= bounds.items()
    for value, status in refused:
        response = as_handler.get(path, {name: value})
        assert response.status_code == status, (value, response.content[:200])
        if status == 400:
            assert name in response.json()
    for value in bounds.values():
        assert as_handler.get(path, {name: value}).status_code == 200


def test_application_fields_and_errors_are_described(schema):
    application = schema["components"]["schemas"]["Application"]
    assert set(application["required"]) >= CONTRACT_FIELDS
    conclude = schema["paths"]["/api/v1/applications/{id}/conclude/"]["post"]["responses"]
    assert {"200", "400", "401", "403", "404", "409"} <= set(conclude)
    assert schema["components"]["securitySchemes"]["tokenAuth"]["type"] == "apiKey"


@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_documentation_pages_use_only_local_static_files(url):
    page = APIClient().get(url).content.decode()
    assert "https://" not in page and "http://" not in page
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', page)
    assert assets, page[:500]
    for asset in assets:
        assert finders.find(asset), asset


def test_the_reports_year_states_its_first_year(schema, api, township_supervisor, frozen_today):
    """The report's year had no bounds in the schema, though the API refuses a year before 2008."""
    path = "/api/v1/reports/annual/"
    (year,) = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "year"]
    assert year["schema"]["minimum"] == 2008 and "本年度" in year["description"]
    client = api(township_supervisor)
    assert client.get(path, {"agency": "jiangyi", "year": 2007}).status_code == 400
    assert client.get(path, {"agency": "jiangyi", "year": 2008}).status_code == 200


def test_parameters_and_the_token_operation_carry_their_words(schema):
    """due_within's help text was lost on its way into the schema; the token operation had no summary."""
    (due_within,) = [
        p for p in schema["paths"]["/api/v1/applications/"]["get"]["parameters"]
        if p["name"] == "due_within"
    ]  # fmt: skip
    assert "工作日" in due_within["description"]
    assert schema["paths"]["/api/v1/auth/token/"]["post"]["summary"] == "以用户名和密码换取令牌"
