"""An office and a member of staff as the API answers them: every field is always sent, and the schema
says so (an office's parent null at the top) — the fields a client may leave out when it creates one
(short_name, parent, hotline, full_name) are still always in the answer."""

import pytest

from tests.api.conftest import post

pytestmark = pytest.mark.django_db


def component(schema, ref: dict) -> dict:
    return schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[-1]]


def answer_schema(schema, path: str, method: str, status: str) -> dict:
    content = schema["paths"][path][method]["responses"][status]["content"]["application/json"]
    found = component(schema, content["schema"])
    if "results" in found["properties"]:  # a list: the schema of one item
        return component(schema, found["properties"]["results"]["items"])
    return found


def test_an_office_answered_has_every_field_the_schema_requires(schema, api, people):
    admin = api(people[("county", "admin")])
    created = post(
        admin, "/api/v1/agencies/", {"code": "ym-jyj", "name": "元谋县教育局", "parent": "county"}
    )
    assert created.status_code == 201, created.json()
    answers = {
        ("/api/v1/agencies/", "post", "201"): created.json(),
        ("/api/v1/agencies/{code}/", "get", "200"): admin.get("/api/v1/agencies/county/").json(),
        ("/api/v1/agencies/", "get", "200"): admin.get("/api/v1/agencies/").json()["results"][0],
    }
    for (path, method, status), body in answers.items():
        office = answer_schema(schema, path, method, status)
        assert set(office["required"]) == set(body) == set(office["properties"]), path
    top = answers[("/api/v1/agencies/{code}/", "get", "200")]
    assert top["parent"] is None
    assert office["properties"]["parent"]["nullable"]


def test_a_member_of_staff_answered_has_every_field_the_schema_requires(schema, api, people):
    admin = api(people[("county", "admin")])
    body = {"username": "ym-new", "password": "Xk3!pq-long-pass", "agency": "jiangyi"}
    created = post(admin, "/api/v1/staff/", {**body, "role": "handler"})
    assert created.status_code == 201, created.json()
    answers = {
        ("/api/v1/staff/", "post", "201"): created.json(),
        ("/api/v1/staff/", "get", "200"): admin.get("/api/v1/staff/").json()["results"][0],
    }
    for (path, method, status), answer in answers.items():
        staff = answer_schema(schema, path, method, status)
        assert set(staff["required"]) == set(answer) == set(staff["properties"]), method
    assert "password" not in created.json()


def test_staff_whose_role_was_left_unset_in_the_admin_are_null_as_the_schema_allows(
    schema, api, people, township
):
    from cases.models import User

    User.objects.create_user(username="jiangyi-norole", password="pw", agency=township)
    listed = api(people[("county", "admin")]).get("/api/v1/staff/?page_size=500").json()
    (unset,) = [u for u in listed["results"] if u["username"] == "jiangyi-norole"]
    assert unset["role"] is None
    staff = answer_schema(schema, "/api/v1/staff/", "get", "200")
    assert staff["properties"]["role"]["nullable"]
