"""Reconsideration, litigation and complaints: record one against a case, then its result."""

import pytest

from cases.models import ApplicationEvent, Remedy

pytestmark = pytest.mark.django_db


def test_record_then_decide(case, as_handler):
    response = as_handler.post(
        "/api/v1/remedies/",
        {
            "application": case["id"],
            "kind": "reconsideration",
            "filed_on": "2026-11-20",
            "result": "pending",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    remedy = response.json()
    assert remedy["application"] == case["id"] and remedy["kind"] == "reconsideration"
    assert remedy["result"] == "pending" and remedy["decided_on"] is None
    assert ApplicationEvent.objects.filter(application_id=case["id"], kind="remedy").count() == 1

    response = as_handler.patch(
        f"/api/v1/remedies/{remedy['id']}/",
        {"result": "upheld", "decided_on": "2026-11-24"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["result"] == "upheld" and response.json()["decided_on"] == "2026-11-24"

    assert as_handler.get(f"/api/v1/remedies/?application={case['id']}").json()["count"] == 1
    assert as_handler.get("/api/v1/remedies/?result=pending").json()["count"] == 0
    assert as_handler.get(f"/api/v1/remedies/{remedy['id']}/").json()["result"] == "upheld"


def test_result_defaults_to_pending(case, as_handler):
    response = as_handler.post(
        "/api/v1/remedies/",
        {"application": case["id"], "kind": "complaint", "filed_on": "2026-11-20"},
        format="json",
    )
    assert response.json()["result"] == "pending"


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"kind": "appeal"}, "kind"),
        ({"result": "won"}, "result"),
        ({"result": "upheld"}, "decided_on"),  # a result needs its date
        ({"decided_on": "2026-11-21"}, "decided_on"),  # pending has no date
        ({"filed_on": "2026-11-25"}, "filed_on"),  # future
        ({"filed_on": "2026-10-01"}, "filed_on"),  # before the application
        (
            {"result": "upheld", "filed_on": "2026-11-20", "decided_on": "2026-11-10"},
            "decided_on",
        ),  # out of order
        ({"application": 999999}, "application"),
        ({"application": "abc"}, "application"),
        ({"application": 10**30}, "application"),
    ],
)
def test_bad_remedies_save_nothing(case, as_handler, override, field):
    body = {
        "application": case["id"],
        "kind": "lawsuit_direct",
        "filed_on": "2026-11-20",
        **override,
    }
    response = as_handler.post("/api/v1/remedies/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Remedy.objects.count() == 0


def test_another_offices_application_id_is_refused(case, api, bureau_people):
    body = {"application": case["id"], "kind": "complaint", "filed_on": "2026-11-20"}
    response = api(bureau_people["handler"]).post("/api/v1/remedies/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"application": ["找不到该申请，或您无权查看。"]}


def test_front_desk_may_not_record(case, as_front):
    body = {"application": case["id"], "kind": "complaint", "filed_on": "2026-11-20"}
    assert as_front.post("/api/v1/remedies/", body, format="json").status_code == 403


def test_patch_refusals(case, as_handler, as_front, api, bureau_people):
    remedy = as_handler.post(
        "/api/v1/remedies/",
        {"application": case["id"], "kind": "complaint", "filed_on": "2026-11-20"},
        format="json",
    ).json()
    url = f"/api/v1/remedies/{remedy['id']}/"
    assert as_handler.patch(url, {"result": "corrected"}, format="json").status_code == 400
    assert (
        as_handler.patch(
            url, {"result": "corrected", "decided_on": "2026-11-19"}, format="json"
        ).status_code
        == 400
    )
    assert (
        as_front.patch(
            url, {"result": "corrected", "decided_on": "2026-11-21"}, format="json"
        ).status_code
        == 403
    )
    assert (
        api(bureau_people["handler"])
        .patch(url, {"result": "other", "decided_on": "2026-11-21"}, format="json")
        .status_code
        == 404
    )
    assert as_handler.put(url, {}, format="json").status_code == 405
    assert Remedy.objects.get().result == "pending"
