"""api.fast.represent_applications (the list's representation) gives exactly what ApplicationSerializer
gives: on cases taken through every action of the API (every status, every event kind, fees notified,
paid and waived, masked and unmasked), on generated rows (nulls, odd identity numbers and phones, any
amount, datetimes in any offset), and through the list endpoint itself."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.fast import represent_applications
from api.serializers import ApplicationSerializer
from api.views import application_rows
from cases.clock import engine
from cases.models import Application, ApplicationEvent, User
from tests.api.conftest import application_body
from tests.conftest import SHANGHAI


def serialized(rows: list[dict], *, mask: bool) -> list[dict]:
    return ApplicationSerializer(rows, many=True, context={"mask": mask}).data


def assert_same(rows: list[dict]) -> None:
    for mask in (True, False):
        fast = represent_applications(rows, mask=mask)
        slow = serialized(rows, mask=mask)
        assert fast == slow
        # the same keys in the same order, at every level
        for f, s in zip(fast, slow, strict=True):
            assert list(f) == list(s)
            assert list(f["applicant"]) == list(s["applicant"])
            assert (f["fee"] is None) == (s["fee"] is None)
            if f["fee"] is not None:
                assert list(f["fee"]) == list(s["fee"])
            for fe, se in zip(f["events"], s["events"], strict=True):
                assert list(fe) == list(se)


# --- cases taken through the API --------------------------------------------------------------

HANDLER_STEPS = {
    "open": [],
    "supplement_asked": [
        ("request-supplement", {"on": "2026-11-05", "items_to_supplement": "请写明年度"})
    ],
    "supplement_asked_with_due": [
        (
            "request-supplement",
            {"on": "2026-11-05", "items_to_supplement": "x", "due_on": "2026-11-20"},
        )
    ],
    "supplement_received": [
        ("request-supplement", {"on": "2026-11-05", "items_to_supplement": "x", "period_days": 5}),
        ("receive-supplement", {"on": "2026-11-10", "note": "已补正"}),
    ],
    "consulting": [("start-consultation", {"on": "2026-11-05", "party": "第三方企业"})],
    "consulted": [
        ("start-consultation", {"on": "2026-11-05", "party": "第三方企业", "note": "征求意见"}),
        ("end-consultation", {"on": "2026-11-12"}),
    ],
    "extended": [
        (
            "extend",
            {"on": "2026-11-20", "days": 10, "approved_by": "jiangyi-supervisor", "reason": "r"},
        )
    ],
    "deadline_set": [
        ("set-deadline", {"on": "2026-11-20", "deadline": "2027-03-31", "reason": "数量大"})
    ],
    "fee_notified": [("notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 50})],
    "fee_paid": [
        ("notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 50}),
        ("pay-fee", {"on": "2026-11-12"}),
    ],
    "fee_waived": [
        ("notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 120}),
        (
            "waive-fee",
            {"on": "2026-11-11", "approved_by": "jiangyi-supervisor", "reason": "困难群众"},
        ),
    ],
    "concluded": [
        ("conclude", {"on": "2026-11-20", "outcome": "disclose", "reason": "r", "basis": "b"})
    ],
    "concluded_late": [
        ("conclude", {"on": "2026-11-24", "outcome": "partial", "reason": "r", "basis": "b"})
    ],
    "referred": [
        (
            "conclude",
            {
                "on": "2026-11-20",
                "outcome": "unable.not_held",
                "reason": "r",
                "basis": "b",
                "referred_to": "县自然资源局",
            },
        )
    ],
    "withdrawn": [("withdraw", {"on": "2026-11-20", "note": "申请人撤回"})],
}

APPLICANTS = [
    {"type": "natural_person", "name": "张三", "id_number": "11010519491231002X", "phone": "13800001234"},
    {"type": "natural_person", "name": "李四", "phone": "0878-1234567", "address": "元谋县某村"},
    {"type": "natural_person", "name": "王五", "email": "w@example.com"},
    {"type": "commercial_enterprise", "name": "某公司", "credit_code": "91350100M000100Y43"},
]  # fmt: skip


@pytest.fixture
def cases(frozen_today, as_front, as_handler, township_handler):
    """One application per shape of HANDLER_STEPS, applicants of every kind, some with a handler."""
    ids = []
    for i, (name, steps) in enumerate(HANDLER_STEPS.items()):
        body = application_body(
            applicant=APPLICANTS[i % len(APPLICANTS)],
            received_on="2026-10-08" if name == "concluded_late" else "2026-11-02",
            submitted_on="2026-11-01" if i % 2 else None,
            delivery="邮寄" if i % 3 else "",
            items=1 + i % 3,
        )
        response = as_front.post("/api/v1/applications/", body, format="json")
        assert response.status_code == 201, response.json()
        pk = response.json()["id"]
        for action, data in steps:
            response = as_handler.post(f"/api/v1/applications/{pk}/{action}/", data, format="json")
            assert response.status_code == 200, (name, action, response.json())
        if i % 2:
            Application.objects.filter(pk=pk).update(handler=township_handler)
        ids.append(pk)
    return ids


def test_every_status_and_event_kind(cases, township_handler):
    rows = application_rows(Application.objects.filter(pk__in=cases).order_by("id"))
    assert {row["status"] for row in rows} == set(Application.Status.values)
    kinds = {e["kind"] for row in rows for e in row["events"]}
    clock_kinds = set(ApplicationEvent.Kind.values) - {
        "assigned", "remedy", "voided", "dates_recomputed",
    }  # fmt: skip
    assert clock_kinds <= kinds
    assert {row["fee__id"] is None for row in rows} == {True, False}
    assert_same(rows)


def test_other_event_kinds(cases, township_handler):
    """Events no API action records (assignment, remedy, recompute) are represented alike."""
    application = Application.objects.get(pk=cases[0])
    for kind in ("assigned", "remedy", "dates_recomputed"):
        ApplicationEvent.objects.create(
            application=application,
            kind=kind,
            on=date(2026, 11, 3),
            note=f"{kind} 记录",
            created_by=township_handler if kind != "dates_recomputed" else None,
        )
    rows = application_rows(Application.objects.filter(pk__in=cases).order_by("id"))
    assert_same(rows)


@pytest.mark.parametrize("persona", ["front_desk", "handler", "supervisor"])
def test_the_list_endpoint_answers_what_the_serializer_gives(cases, api, people, persona):
    from cases import access

    user: User = people[("jiangyi", persona)]
    response = api(user).get("/api/v1/applications/?page_size=500")
    assert response.status_code == 200
    data = response.json()
    rows = application_rows(
        Application.objects.filter(pk__in=cases).order_by("-received_on", "-id")
    )
    expected = serialized(rows, mask=not access.can(user, "handle"))
    assert data["count"] == len(cases)
    assert data["results"] == [dict(item) for item in expected]


# --- generated rows ---------------------------------------------------------------------------

OFFSETS = [UTC, SHANGHAI, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
maybe_days = st.none() | days
moments = st.builds(
    lambda d, seconds, micro, tz: (
        datetime.combine(d, datetime.min.time(), tz)
        + timedelta(seconds=seconds, microseconds=micro)
    ),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(0, 86399),
    st.sampled_from([0, 0, 1, 123456, 999999]),
    st.sampled_from(OFFSETS),
)
text = st.text(max_size=12)
identity_like = st.sampled_from(
    [
        "",
        "11010519491231002X",
        "11010519491231002x",
        "110105194912310",
        "91530000MA6K00000X",
        "13800001234",
        "138-0000-1234",
        "１３８００００１２３４",
        "0878-1234567",
        "123",
        "12345",
        " 5301 ",
    ]
)
usernames = st.none() | st.sampled_from(["jiangyi-handler", "张三", "root"])


@st.composite
def events(draw) -> dict:
    return {
        "application_id": 1,
        "id": draw(st.integers(1, 2**31)),
        "kind": draw(st.sampled_from(ApplicationEvent.Kind.values)),
        "on": draw(days),
        "days": draw(st.none() | st.integers(0, 100)),
        "deadline": draw(maybe_days),
        "party": draw(text),
        "note": draw(text),
        "approved_by__username": draw(usernames),
        "created_by__username": draw(usernames),
        "created_at": draw(moments),
    }


@st.composite
def clocks(draw) -> engine.ClockResult:
    return engine.ClockResult(
        regime=draw(st.sampled_from(Application.Regime.values)),
        status=draw(st.sampled_from(Application.Status.values)),
        limit=20,
        extension_days=draw(st.integers(0, 20)),
        clock_start=draw(maybe_days),
        deadline=draw(maybe_days),
        provisional=draw(st.booleans()),
        working_days_left=draw(st.none() | st.integers(-500, 500)),
        overdue=draw(st.booleans()),
        due_soon=draw(st.booleans()),
        supplement_notice_due=draw(days),
        supplement_period_end=draw(maybe_days),
        fee_payment_due=draw(maybe_days),
        third_party_reply_due=draw(maybe_days),
        concluded_on=draw(maybe_days),
        concluded_late=draw(st.booleans()),
        trace=tuple(draw(st.lists(text, max_size=4))),
    )


amounts = st.one_of(
    st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2),
    st.decimals(min_value=0, max_value=Decimal("99999"), places=4),
    st.sampled_from([Decimal("0"), Decimal("200"), Decimal("1E+2"), Decimal("0.005")]),
)


@st.composite
def rows(draw) -> dict:
    row = {
        "id": draw(st.integers(1, 2**63 - 1)),
        "number": draw(text),
        "agency__code": draw(st.sampled_from(["jiangyi", "county"])),
        "channel": draw(st.sampled_from(Application.Channel.values)),
        "received_on": draw(days),
        "submitted_on": draw(maybe_days),
        "applicant__type": draw(st.sampled_from(["natural_person", "commercial_enterprise"])),
        "applicant__name": draw(text),
        "applicant__id_number": draw(identity_like),
        "applicant__credit_code": draw(identity_like),
        "applicant__phone": draw(identity_like),
        "applicant__email": draw(st.sampled_from(["", "a@example.com"])),
        "applicant__address": draw(text),
        "content": draw(text),
        "items": draw(st.integers(1, 999)),
        "delivery": draw(text),
        "handler__username": draw(usernames),
        "status": draw(st.sampled_from(Application.Status.values)),
        "regime": draw(st.sampled_from(Application.Regime.values)),
        "deadline": draw(maybe_days),
        "deadline_provisional": draw(st.booleans()),
        "extension_days": draw(st.integers(0, 30)),
        "supplement_notice_due": draw(maybe_days),
        "outcome": draw(st.sampled_from(["", "disclose", "partial", "other.other"])),
        "outcome_reason": draw(text),
        "outcome_basis": draw(text),
        "referred_to": draw(text),
        "concluded_on": draw(maybe_days),
        "version": draw(st.integers(1, 2**31 - 1)),
        "created_at": draw(moments),
        "fee__id": None,
        "events": draw(st.lists(events(), max_size=4)),
        "clock": draw(clocks()),
    }
    fee = {
        "method": draw(st.sampled_from(["per_page", "per_item", "cost"])),
        "amount": draw(amounts),
        "items": draw(st.none() | st.integers(0, 100)),
        "prior_items": draw(st.none() | st.integers(0, 100)),
        "pages": draw(st.none() | st.integers(0, 10000)),
        "cost_items": draw(text),
        "basis": draw(text),
        "standard": draw(text),
        "breakdown": draw(text),
        "notified_on": draw(days),
        "pay_due_on": draw(maybe_days),
        "paid_on": draw(maybe_days),
        "waived_on": draw(maybe_days),
        "waive_reason": draw(text),
        "waived_by__username": draw(usernames),
    }
    has_fee = draw(st.booleans())
    row["fee__id"] = draw(st.integers(1, 10**6)) if has_fee else None
    for name, value in fee.items():
        row[f"fee__{name}"] = value if has_fee else None
    return row


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(rows(), max_size=5))
def test_generated_rows(generated):
    assert_same(generated)


def test_no_rows():
    assert represent_applications([], mask=True) == []
