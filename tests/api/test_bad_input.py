"""Bad input: malformed JSON, wrong types, unknown codes, 100,000-character strings, future dates,
dates out of order, another office's IDs — each a 4xx with a clear message, and nothing saved."""

import json

import pytest

from cases.models import Applicant, Application, ApplicationEvent, Consultation, Remedy
from tests.api.conftest import application_body

pytestmark = pytest.mark.django_db

HUGE = "政" * 100_000


def counts() -> tuple:
    return (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        Applicant.objects.count(),
        Consultation.objects.count(),
        Remedy.objects.count(),
    )


def raw(client, url: str, text: str | bytes, content_type: str = "application/json"):
    return client.generic("POST", url, text, content_type=content_type)


def assert_400(response, field: str | None = None):
    assert response.status_code == 400, (response.status_code, response.content[:300])
    data = response.json()
    assert isinstance(data, dict) and data
    for key, messages in data.items():
        assert isinstance(key, str)
        assert (
            isinstance(messages, list)
            and messages
            and all(isinstance(m, str) and m for m in messages)
        ), data
    if field is not None:
        assert field in data, data
    return data


MALFORMED = [
    "{bad",
    "",
    "null",
    "[]",
    '"a string"',
    "123",
    '{"on": NaN}',
    '{"on": Infinity}',
    "[" * 100_000 + "]" * 100_000,
    '{"a": "\\ud800"}',
    '{"agency": "jiangyi",}',
]


@pytest.mark.parametrize("text", MALFORMED, ids=range(len(MALFORMED)))
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/applications/",
        "/api/v1/consultations/",
        "/api/v1/remedies/",
        "/api/v1/applications/{id}/conclude/",
    ],
)
def test_malformed_json_is_400_non_field_errors(case, as_handler, text, url):
    before = counts()
    response = raw(as_handler, url.format(id=case["id"]), text)
    data = assert_400(response)
    if text:  # not a JSON object: the parse error alone
        assert set(data) == {"non_field_errors"}, data
    else:  # no body at all: no data, so the required fields are named
        assert data and "non_field_errors" not in data, data
    assert counts() == before


def test_parse_errors_are_reported_in_chinese(as_handler):
    data = assert_400(raw(as_handler, "/api/v1/applications/", "{bad"), "non_field_errors")
    assert data["non_field_errors"][0].startswith("请求体不是有效的JSON")
    data = assert_400(raw(as_handler, "/api/v1/applications/", "[" * 100_000), "non_field_errors")
    data = assert_400(
        raw(as_handler, "/api/v1/applications/", b'{"a": "\xff\xfe"}'), "non_field_errors"
    )


def test_a_body_that_is_not_an_object_is_400(as_handler):
    assert_400(as_handler.post("/api/v1/applications/", [1, 2], format="json"), "non_field_errors")


def test_other_media_types_are_415(as_handler):
    response = raw(
        as_handler, "/api/v1/applications/", "agency=jiangyi", "application/x-www-form-urlencoded"
    )
    assert response.status_code == 415


WRONG = [
    ({"channel": 1}, "channel"),
    ({"channel": ["in_person"]}, "channel"),
    ({"channel": "carrier_pigeon"}, "channel"),
    ({"received_on": 20261102}, "received_on"),
    ({"received_on": "2026/11/02"}, "received_on"),
    ({"received_on": "2026-02-30"}, "received_on"),
    ({"received_on": "9999-12-31"}, "received_on"),
    ({"received_on": "0001-01-01"}, "received_on"),
    ({"received_on": "2026-11-25"}, "received_on"),  # future
    ({"received_on": "2008-04-30"}, "received_on"),  # before the Regulations
    ({"received_on": None}, "received_on"),
    ({"submitted_on": "2026-11-05"}, "submitted_on"),  # after receipt: out of order
    ({"submitted_on": "2026-11-25"}, "submitted_on"),
    ({"applicant": "张三"}, "applicant"),
    ({"applicant": None}, "applicant"),
    ({"applicant": {"type": "alien", "name": "x"}}, "applicant.type"),
    ({"applicant": {"type": "natural_person"}}, "applicant.name"),
    (
        {"applicant": {"type": "natural_person", "name": "x", "id_number": "110105194912310021"}},
        "applicant.id_number",
    ),
    (
        {"applicant": {"type": "natural_person", "name": "x", "id_number": "abc"}},
        "applicant.id_number",
    ),
    (
        {
            "applicant": {
                "type": "commercial_enterprise",
                "name": "x",
                "credit_code": "91350100M000100Y44",
            }
        },
        "applicant.credit_code",
    ),
    (
        {"applicant": {"type": "natural_person", "name": "x", "email": "not-an-email"}},
        "applicant.email",
    ),
    ({"applicant": {"type": "natural_person", "name": HUGE}}, "applicant.name"),
    ({"applicant": {"type": "natural_person", "name": "x", "address": HUGE}}, "applicant.address"),
    ({"applicant": {"type": "natural_person", "name": "a\u0000b"}}, "applicant.name"),
    ({"content": HUGE}, "content"),
    ({"content": ""}, "content"),
    ({"content": "   "}, "content"),
    ({"content": 42}, None),
    ({"content": {"a": 1}}, "content"),
    ({"items": 0}, "items"),
    ({"items": "many"}, "items"),
    ({"items": 10**40}, "items"),
    ({"items": 1.5}, "items"),
    ({"agency": "county"}, "agency"),  # another office
    ({"agency": "nowhere"}, "agency"),
    ({"agency": HUGE}, "agency"),
    ({"agency": None}, "agency"),
    ({"delivery": HUGE}, "delivery"),
]


@pytest.mark.parametrize(("override", "field"), WRONG, ids=[str(i) for i in range(len(WRONG))])
def test_bad_application_bodies_name_the_field_and_save_nothing(
    frozen_today, as_handler, override, field
):
    before = counts()
    response = as_handler.post("/api/v1/applications/", application_body(**override), format="json")
    if field is None:  # a number for a text is accepted by DRF as its text
        assert response.status_code == 201, response.content[:300]
        assert response.json()["content"] == str(override["content"])
        return
    assert_400(response, field)
    assert counts() == before


ACTION_WRONG = [
    (
        "extend",
        {"on": "2026-11-20", "days": "ten", "approved_by": "jiangyi-supervisor", "reason": "r"},
        "days",
    ),
    (
        "extend",
        {"on": "2026-11-20", "days": 10**30, "approved_by": "jiangyi-supervisor", "reason": "r"},
        "days",
    ),
    ("extend", {"on": "2026-11-20", "days": 1, "approved_by": 7, "reason": "r"}, "approved_by"),
    ("extend", {"on": "2026-11-20", "days": 1, "approved_by": HUGE, "reason": "r"}, "approved_by"),
    (
        "extend",
        {"on": "2026-11-20", "days": 1, "approved_by": "jiangyi-supervisor", "reason": HUGE},
        "reason",
    ),
    (
        "extend",
        {"on": "2026-11-20", "days": 1, "approved_by": "ym-zrzy-supervisor", "reason": "r"},
        "approved_by",
    ),
    ("conclude", {"on": "2026-11-20", "outcome": "withhold.everything"}, "outcome"),
    ("conclude", {"on": "2026-11-20", "outcome": "disclose", "referred_to": HUGE}, "referred_to"),
    ("conclude", {"on": "tomorrow", "outcome": "disclose"}, "on"),
    ("conclude", {"outcome": "disclose"}, "on"),
    ("conclude", {"on": "2026-11-25", "outcome": "disclose"}, "on"),
    ("notify-fee", {"on": "2026-11-20", "method": "per_page", "pages": -3}, "pages"),
    ("notify-fee", {"on": "2026-11-20", "method": "per_page", "pages": 10**12}, "pages"),
    ("notify-fee", {"on": "2026-11-20", "method": "cost", "amount": "1e999999"}, "amount"),
    ("notify-fee", {"on": "2026-11-20", "method": "cost", "amount": "abc"}, "amount"),
    (
        "request-supplement",
        {"on": "2026-11-05", "items_to_supplement": "x", "due_on": "2026-11-04"},
        "due_on",
    ),
    (
        "request-supplement",
        {"on": "2026-11-05", "items_to_supplement": HUGE},
        "items_to_supplement",
    ),
    (
        "request-supplement",
        {"on": "2026-11-05", "items_to_supplement": "x", "period_days": 61},
        "period_days",
    ),
    ("set-deadline", {"on": "2026-11-20", "deadline": "2026-11-19", "reason": "r"}, "deadline"),
    ("set-deadline", {"on": "2026-11-20", "deadline": "9999-12-31", "reason": "r"}, "deadline"),
    ("start-consultation", {"on": "2026-11-20", "party": HUGE}, "party"),
    ("withdraw", {"on": "2026-11-20", "note": HUGE}, "note"),
    ("withdraw", {"on": "2026-11-20", "version": "x"}, "version"),
]


@pytest.mark.parametrize(
    ("action", "body", "field"),
    ACTION_WRONG,
    ids=[f"{a}-{i}" for i, (a, *_) in enumerate(ACTION_WRONG)],
)
def test_bad_action_bodies_name_the_field_and_save_nothing(
    case, as_handler, bureau_people, action, body, field
):
    before = counts()
    version = Application.objects.get(pk=case["id"]).version
    response = as_handler.post(f"/api/v1/applications/{case['id']}/{action}/", body, format="json")
    assert_400(response, field)
    assert counts() == before
    assert Application.objects.get(pk=case["id"]).version == version


def test_a_registered_applicant_under_another_type_is_400_and_saves_nothing(case, as_handler):
    """The case's applicant (张三, a natural person, by ID number) entered again as an organisation."""
    before = counts()
    applicant = {
        "type": "legal_service_org",
        "name": "滇中律师事务所",
        "id_number": "11010519491231002X",
    }
    response = as_handler.post(
        "/api/v1/applications/", application_body(applicant=applicant), format="json"
    )
    data = assert_400(response, "applicant.type")
    assert "已登记为自然人，" in data["applicant.type"][0]
    assert "张三" not in data["applicant.type"][0]  # not named to whoever typed the number
    assert counts() == before
    assert Applicant.objects.get().name == "张三"


def test_another_offices_ids_are_404_and_change_nothing(case, api, bureau_people):
    client = api(bureau_people["admin"])
    before = counts()
    for action in ("conclude", "withdraw", "extend", "notify-fee"):
        response = client.post(
            f"/api/v1/applications/{case['id']}/{action}/",
            {"on": "2026-11-20", "outcome": "disclose"},
            format="json",
        )
        assert response.status_code == 404
        assert response.json() == {"detail": "找不到该申请，或您无权查看。"}
    assert counts() == before
    assert Application.objects.get(pk=case["id"]).status == "open"


def test_unknown_urls_under_the_api_are_json_404(as_handler):
    for url in (
        "/api/v1/nothing/",
        "/api/v1/applications/1/fly/",
        "/api/v1/agencies/a.b/",
        "/api/v1/applications/%2F/",
    ):
        response = as_handler.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"


def test_messages_stay_chinese_whatever_the_browser_asks(frozen_today, as_handler):
    response = as_handler.post(
        "/api/v1/applications/", {}, format="json", HTTP_ACCEPT_LANGUAGE="en-US"
    )
    data = assert_400(response, "channel")
    assert data["channel"] == ["该字段是必填项。"]


def test_a_request_too_large_is_400(as_handler, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = raw(
        as_handler, "/api/v1/applications/", json.dumps(application_body(content="x" * 5000))
    )
    assert_400(response, "non_field_errors")
