"""The documentation pages (/api/v1/docs/, /api/v1/redoc/) show each operation's description to the
offices' programmers: Chinese text about the operation, never a docstring of the code behind it."""

import re

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def test_every_operation_description_is_chinese_text_for_the_reader():
    schema = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    described = {
        f"{method} {path}": operation.get("description", "")
        for path, operations in schema.json()["paths"].items()
        for method, operation in operations.items()
    }
    assert described
    for operation, description in described.items():
        if description:
            assert CHINESE.search(description), (operation, description)
