"""The supplement actions of api.md: request and receive, and 409 when they do not fit the state."""

import pytest

from tests.api.action_helpers import act, ok, snapshot

pytestmark = pytest.mark.django_db


def test_request_and_receive_supplement(case, as_handler):
    data = ok(
        act(
            as_handler,
            case,
            "request-supplement",
            {"on": "2026-11-05", "items_to_supplement": "请写明年度"},
        ),
        "awaiting_supplement",
    )
    assert data["deadline"] is None and data["working_days_left"] is None
    assert data["events"][-1]["kind"] == "supplement_requested"
    assert data["events"][-1]["note"] == "请写明年度"
    data = ok(act(as_handler, case, "receive-supplement", {"on": "2026-11-10"}), "open")
    # the clock restarts from 11-10 with the full 20 working days: Tue 2026-12-08
    assert data["deadline"] == "2026-12-08"
    assert [e["kind"] for e in data["events"]] == [
        "registered",
        "supplement_requested",
        "supplement_received",
    ]


def test_supplement_is_requested_only_once_and_received_only_when_awaited(case, as_handler):
    assert act(as_handler, case, "receive-supplement", {"on": "2026-11-05"}).status_code == 409
    ok(
        act(
            as_handler,
            case,
            "request-supplement",
            {"on": "2026-11-05", "items_to_supplement": "x", "due_on": "2026-11-20"},
        ),
        "awaiting_supplement",
    )
    before = snapshot(case)
    response = act(
        as_handler, case, "request-supplement", {"on": "2026-11-06", "items_to_supplement": "y"}
    )
    assert response.status_code == 409
    assert list(response.json()) == ["non_field_errors"]
    assert snapshot(case) == before
