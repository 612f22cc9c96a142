"""Registering and reading applications: the contract's fields, masking, 404 for other offices."""

from datetime import date

import pytest

from cases.models import Application, ApplicationEvent
from tests.api.conftest import CONTRACT_FIELDS, application_body

pytestmark = pytest.mark.django_db


def test_register_answers_201_with_every_contract_field(case):
    assert set(case) >= CONTRACT_FIELDS
    assert case["number"] == "姜驿乡人民政府〔2026〕第0001号"
    assert case["agency"] == "jiangyi"
    assert case["channel"] == "in_person"
    assert case["received_on"] == "2026-11-02"
    assert case["status"] == "open"
    assert case["regime"] == "2019"
    # 20 working days after Mon 2026-11-02: Mon 2026-11-30; today is Tue 2026-11-24
    assert case["deadline"] == "2026-11-30"
    assert case["deadline_provisional"] is False
    assert case["working_days_left"] == 4
    assert case["overdue"] is False
    assert case["extension_days"] == 0
    assert case["supplement_notice_due"] == "2026-11-11"
    assert case["outcome"] is None and case["concluded_on"] is None and case["fee"] is None
    assert [e["kind"] for e in case["events"]] == ["registered"]
    assert case["deadline_trace"][0].startswith("2026-11-02")
    assert all(isinstance(line, str) for line in case["deadline_trace"])
    assert case["deadline_trace"][-1] == "截止2026-11-30(周一)"


def test_register_saves_through_the_service(case):
    application = Application.objects.get(pk=case["id"])
    assert application.created_by.username == "jiangyi-front_desk"
    assert application.applicant.id_number == "11010519491231002X"
    assert ApplicationEvent.objects.filter(application=application).count() == 1


def test_detail_reads_back_the_same(case, as_handler):
    response = as_handler.get(f"/api/v1/applications/{case['id']}/")
    assert response.status_code == 200
    data = response.json()
    assert {k: v for k, v in data.items() if k != "applicant"} == {
        k: v for k, v in case.items() if k != "applicant"
    }
    assert data["applicant"]["id_number"] == "11010519491231002X"


def test_handlers_see_identity_numbers_front_desk_sees_them_masked(case, as_handler, as_front):
    full = as_handler.get("/api/v1/applications/").json()["results"][0]["applicant"]
    assert full["id_number"] == "11010519491231002X" and full["phone"] == "13800001234"
    masked = as_front.get("/api/v1/applications/").json()["results"][0]["applicant"]
    assert masked["id_number"] == "110105********002X"
    assert masked["phone"] == "138****1234"
    assert masked["name"] == "张三"
    detail = as_front.get(f"/api/v1/applications/{case['id']}/").json()["applicant"]
    assert detail["id_number"] == "110105********002X"


def test_organisation_credit_code_is_masked_in_front_desk_lists(frozen_today, as_front):
    body = application_body(
        applicant={
            "type": "commercial_enterprise",
            "name": "元谋县金沙建材有限公司",
            "credit_code": "91350100M000100Y43",
        }
    )
    response = as_front.post("/api/v1/applications/", body, format="json")
    assert response.status_code == 201, response.json()
    listed = as_front.get("/api/v1/applications/").json()["results"][0]["applicant"]
    assert listed["credit_code"] == "913501********0Y43"


def test_2008_regime_for_applications_received_before_2019_05_15(frozen_today, as_front):
    response = as_front.post(
        "/api/v1/applications/", application_body(received_on="2018-03-01"), format="json"
    )
    data = response.json()
    assert data["regime"] == "2008"
    assert data["overdue"] is True
    assert data["working_days_left"] < 0


def test_a_deadline_in_an_unpublished_year_is_provisional(frozen_today, as_front, as_handler):
    case = as_front.post(
        "/api/v1/applications/", application_body(received_on="2026-11-24"), format="json"
    ).json()
    assert case["deadline"] == "2026-12-22" and case["deadline_provisional"] is False
    response = as_handler.post(
        f"/api/v1/applications/{case['id']}/extend/",
        {
            "on": "2026-11-24",
            "days": 20,
            "approved_by": "jiangyi-supervisor",
            "reason": "需调取档案",
        },
        format="json",
    )
    data = response.json()
    assert data["deadline"] > "2027-01-01"
    assert data["deadline_provisional"] is True
    assert any("2027" in line for line in data["deadline_trace"])


def test_other_offices_case_is_404_and_parent_supervisor_sees_it(case, api, people, bureau_people):
    assert api(bureau_people["admin"]).get(f"/api/v1/applications/{case['id']}/").status_code == 404
    assert (
        api(people[("county", "handler")]).get(f"/api/v1/applications/{case['id']}/").status_code
        == 404
    )
    assert (
        api(people[("county", "supervisor")]).get(f"/api/v1/applications/{case['id']}/").status_code
        == 200
    )
    assert api(bureau_people["admin"]).get("/api/v1/applications/").json()["count"] == 0


@pytest.mark.parametrize("pk", ["0", "-1", "abc", "99999", str(2**63), "9" * 30])
def test_unknown_ids_are_404(as_handler, pk):
    response = as_handler.get(f"/api/v1/applications/{pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_register_for_a_parent_office_is_refused(frozen_today, api, township_handler):
    response = api(township_handler).post(
        "/api/v1/applications/", application_body(agency="county"), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"agency": ["找不到该机关，或您无权为其登记。"]}
    assert Application.objects.count() == 0


def test_an_office_with_the_longest_name_allowed_registers_applications(frozen_today, api, people):
    """The number is the office's name, the year and the sequence. An office may be named with all
    the 100 characters its name allows; its applications' numbers fit their column (it held 80:
    PostgreSQL answered 500, value too long for type character varying(80))."""
    admin = api(people[("county", "admin")])
    body = {"code": "long-name", "name": "长" * 100, "parent": "county"}
    assert admin.post("/api/v1/agencies/", body, format="json").status_code == 201
    response = admin.post(
        "/api/v1/applications/", application_body(agency="long-name"), format="json"
    )
    assert response.status_code == 201, response.json()
    number = response.json()["number"]
    assert number == "长" * 100 + "〔2026〕第0001号"
    assert len(number) <= Application._meta.get_field("number").max_length
    assert Application.objects.get(pk=response.json()["id"]).number == number


def test_optional_fields(frozen_today, as_front):
    body = application_body(
        channel="letter", submitted_on="2026-10-30", items=3, received_on="2026-11-03"
    )
    data = as_front.post("/api/v1/applications/", body, format="json").json()
    assert data["submitted_on"] == "2026-10-30"
    assert data["items"] == 3
    assert Application.objects.get(pk=data["id"]).received_on == date(2026, 11, 3)


@pytest.mark.parametrize(
    "query", ["", "?search=财政", "?search=abc&ordering=deadline", "?status=open&page_size=10"]
)
def test_staff_without_an_office_see_an_empty_list_not_a_500(case, api, township_handler, query):
    """A member of staff whose office was taken away (or never given) sees nothing — an empty list,
    as on the pages — and never a server error (api.md: never a 500)."""
    township_handler.agency = None
    township_handler.save()
    response = api(township_handler).get(f"/api/v1/applications/{query}")
    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert api(township_handler).get(f"/api/v1/applications/{case['id']}/").status_code == 404
