"""Every list answers api.md's {"count", "next", "previous", "results"}, and the schema says all four
are always there (next and previous null on the last and the first page)."""

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/agencies/",
    "/api/v1/staff/",
    "/api/v1/applications/",
    "/api/v1/consultations/",
    "/api/v1/remedies/",
]


def page_schema(schema, path: str) -> dict:
    content = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    name = content["schema"]["$ref"].rsplit("/", 1)[-1]
    return schema["components"]["schemas"][name]


@pytest.mark.parametrize("path", LISTS)
def test_the_four_fields_of_a_page_are_required(schema, api, people, path):
    response = api(people[("county", "admin")]).get(path)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["next"] is None and body["previous"] is None
    page = page_schema(schema, path)
    assert set(page["required"]) == set(body)
    assert page["properties"]["next"]["nullable"] and page["properties"]["previous"]["nullable"]
