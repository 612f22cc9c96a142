"""POST /applications/ with an ID number of one registered applicant and the credit code of another:
a 400 naming applicant.credit_code (api.md: never a 500 for any input), nothing saved."""

import pytest

from cases.models import Applicant, Application
from tests.api.conftest import application_body, post

pytestmark = pytest.mark.django_db


def test_numbers_of_two_applicants_answer_400(case, as_front):
    company = {
        "type": "commercial_enterprise",
        "name": "某公司",
        "credit_code": "91350100M000100Y43",
    }
    assert (
        post(as_front, "/api/v1/applications/", application_body(applicant=company)).status_code
        == 201
    )
    person = application_body()["applicant"] | {"credit_code": "91350100M000100Y43"}
    response = post(as_front, "/api/v1/applications/", application_body(applicant=person))
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["applicant.credit_code"]
    assert Application.objects.count() == 2
    assert Applicant.objects.filter(credit_code="91350100M000100Y43").count() == 1
