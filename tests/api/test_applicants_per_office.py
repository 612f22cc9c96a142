"""POST /applications/ at the township with an ID number the county registered: the township's own
applicant is created with what the township was given, and the county's case answers with what the
county was given. The applicant's shape in bodies and answers is as api.md describes (no office)."""

import pytest

from tests.api.conftest import application_body, post

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"


def test_the_county_keeps_the_details_given_to_it(api, frozen_today, people):
    county_front, township_front = (
        people[("county", "front_desk")],
        people[("jiangyi", "front_desk")],
    )
    given = {"type": "natural_person", "name": "张三", "id_number": ID_NUMBER}
    at_county = post(
        api(county_front),
        "/api/v1/applications/",
        application_body(
            agency="county", applicant=given | {"phone": "13800001234", "address": "元马镇"}
        ),
    )
    assert at_county.status_code == 201, at_county.json()
    firm = {"type": "legal_service_org", "name": "滇中律师事务所", "id_number": ID_NUMBER}
    at_township = post(
        api(township_front),
        "/api/v1/applications/",
        application_body(applicant=firm | {"phone": "13900005678", "address": "姜驿村"}),
    )
    assert at_township.status_code == 201, at_township.json()  # not refused as another type
    township_case = api(people[("jiangyi", "handler")]).get(
        f"/api/v1/applications/{at_township.json()['id']}/"
    )
    assert township_case.json()["applicant"] == {
        "type": "legal_service_org",
        "name": "滇中律师事务所",
        "id_number": ID_NUMBER,
        "credit_code": "",
        "phone": "13900005678",
        "email": "",
        "address": "姜驿村",
    }

    county_case = api(people[("county", "handler")]).get(
        f"/api/v1/applications/{at_county.json()['id']}/"
    )
    assert county_case.json()["applicant"] == {
        "type": "natural_person",
        "name": "张三",
        "id_number": ID_NUMBER,
        "credit_code": "",
        "phone": "13800001234",
        "email": "",
        "address": "元马镇",
    }
