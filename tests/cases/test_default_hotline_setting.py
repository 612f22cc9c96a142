"""law.md: the hotline's number is a setting (96128 in Yunnan). GONGKAI_HOTLINE sets what a new office
gets when none is given (through the API, the admin, or in code) and what a report without an office's
own hotline says; an office's own number still wins."""

import pytest

from cases.models import Agency
from cases.reports.publish import cell_labels
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def hotline_12345(settings):
    settings.GONGKAI = {**settings.GONGKAI, "DEFAULT_HOTLINE": "12345"}


def test_a_new_office_gets_the_deployments_hotline(hotline_12345, county):
    assert Agency.objects.create(code="x1", name="某局", parent=county).hotline == "12345"


def test_an_office_created_through_the_api_gets_it(hotline_12345, county, people):
    answer = token_client(people[("county", "admin")]).post(
        "/api/v1/agencies/", {"code": "x2", "name": "某局", "parent": "county"}, format="json"
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["hotline"] == "12345"
    assert Agency.objects.get(code="x2").hotline == "12345"


def test_an_offices_own_number_wins(hotline_12345, county):
    office = Agency.objects.create(code="x3", name="某局", parent=county, hotline="0878-1234567")
    assert office.hotline == "0878-1234567"


def test_a_report_without_a_hotline_names_the_setting(hotline_12345):
    assert any("12345" in label for label in cell_labels().values())
