"""Consultations: register, list with filters, answer."""

import pytest

from cases.models import Consultation

pytestmark = pytest.mark.django_db


def body(**overrides) -> dict:
    data = {
        "agency": "jiangyi",
        "channel": "hotline",
        "received_at": "2026-11-24T09:30:00+08:00",
        "topic": "申请期限",
        "question": "多久答复？",
        "name": "李四",
        "phone": "13912345678",
    }
    data.update(overrides)
    return data


@pytest.fixture
def consultation(frozen_today, as_front):
    response = as_front.post("/api/v1/consultations/", body(), format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def test_register_returns_the_consultation(consultation):
    assert consultation["agency"] == "jiangyi"
    assert consultation["channel"] == "hotline"
    assert consultation["received_at"] == "2026-11-24T09:30:00+08:00"
    assert consultation["answered"] is False and consultation["answered_at"] is None
    assert consultation["application"] is None


def test_a_time_without_offset_is_beijing_time(frozen_today, as_front):
    data = as_front.post(
        "/api/v1/consultations/", body(received_at="2026-11-24T08:00:00"), format="json"
    ).json()
    assert data["received_at"] == "2026-11-24T08:00:00+08:00"


def test_answered_in_the_same_call(frozen_today, as_front):
    data = as_front.post("/api/v1/consultations/", body(answer="20个工作日"), format="json").json()
    assert data["answered"] is True and data["answered_at"] == data["received_at"]
    assert data["handled_by"] == "jiangyi-front_desk"


def test_answer_later_then_not_again(consultation, as_front):
    url = f"/api/v1/consultations/{consultation['id']}/answer/"
    response = as_front.post(
        url,
        {"answered_at": "2026-11-24T09:45:00+08:00", "answer": "自收到申请之日起20个工作日"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["answered"] is True
    assert response.json()["answer"] == "自收到申请之日起20个工作日"
    again = as_front.post(url, {"answer": "再答"}, format="json")
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (
            {"answered_at": "2026-11-24T09:00:00+08:00", "answer": "x"},
            "answered_at",
        ),  # before receipt
        ({"answered_at": "2026-11-25T09:00:00+08:00", "answer": "x"}, "answered_at"),  # future
        ({"answer": ""}, "answer"),
        ({"answer": "x" * 100_000}, "answer"),
    ],
)
def test_bad_answers_save_nothing(consultation, as_front, payload, field):
    response = as_front.post(
        f"/api/v1/consultations/{consultation['id']}/answer/", payload, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert Consultation.objects.get(pk=consultation["id"]).answered_at is None


@pytest.mark.parametrize(
    ("override", "field"),
    [
        ({"channel": "letter"}, "channel"),
        ({"received_at": "2026-11-25T09:00:00+08:00"}, "received_at"),
        ({"received_at": "yesterday"}, "received_at"),
        ({"received_at": "0001-01-01T00:00:00Z"}, "received_at"),
        ({"topic": ""}, "topic"),
        ({"topic": "x" * 101}, "topic"),
        ({"agency": "county"}, "agency"),
        ({"answered_at": "2026-11-24T09:40:00+08:00"}, "answer"),
        ({"answer": "x", "answered_at": "2026-11-24T09:00:00+08:00"}, "answered_at"),
    ],
)
def test_bad_registrations_save_nothing(frozen_today, as_front, override, field):
    response = as_front.post("/api/v1/consultations/", body(**override), format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Consultation.objects.count() == 0


def test_list_filters(frozen_today, api, people, as_front):
    as_front.post(
        "/api/v1/consultations/",
        body(channel="on_site", received_at="2026-11-20T10:00:00+08:00", answer="已答"),
        format="json",
    )
    as_front.post(
        "/api/v1/consultations/",
        body(channel="hotline", received_at="2026-11-23T10:00:00+08:00"),
        format="json",
    )
    api(people[("county", "front_desk")]).post(
        "/api/v1/consultations/",
        body(agency="county", channel="online", received_at="2026-11-24T08:00:00+08:00"),
        format="json",
    )
    sup = api(people[("county", "supervisor")])

    def topics(query):
        response = sup.get(f"/api/v1/consultations/?{query}")
        assert response.status_code == 200, response.json()
        return sorted((c["agency"], c["channel"]) for c in response.json()["results"])

    assert topics("") == [("county", "online"), ("jiangyi", "hotline"), ("jiangyi", "on_site")]
    assert topics("agency=jiangyi") == [("jiangyi", "hotline"), ("jiangyi", "on_site")]
    assert topics("agency=county&include_children=true") == topics("")
    assert topics("channel=online") == [("county", "online")]
    assert topics("answered=true") == [("jiangyi", "on_site")]
    assert topics("answered=false") == [("county", "online"), ("jiangyi", "hotline")]
    assert topics("received_after=2026-11-23") == [("county", "online"), ("jiangyi", "hotline")]
    assert topics("received_before=2026-11-20") == [("jiangyi", "on_site")]
    assert topics("received_after=2026-11-21&received_before=2026-11-23") == [
        ("jiangyi", "hotline")
    ]
    assert (
        sup.get(
            "/api/v1/consultations/?received_after=2026-11-24&received_before=2026-11-01"
        ).status_code
        == 400
    )
    assert sup.get("/api/v1/consultations/?channel=fax").status_code == 400
    # the township sees its own only
    assert len(as_front.get("/api/v1/consultations/").json()["results"]) == 2


def test_phone_is_masked_for_front_desk(consultation, as_front, as_handler):
    assert as_front.get("/api/v1/consultations/").json()["results"][0]["phone"] == "139****5678"
    assert as_handler.get("/api/v1/consultations/").json()["results"][0]["phone"] == "13912345678"


def test_other_office_gets_404(consultation, api, bureau_people, people):
    url = f"/api/v1/consultations/{consultation['id']}/"
    assert api(bureau_people["admin"]).get(url).status_code == 404
    assert (
        api(bureau_people["admin"])
        .post(url + "answer/", {"answer": "x"}, format="json")
        .status_code
        == 404
    )
    assert api(people[("county", "supervisor")]).get(url).status_code == 200
