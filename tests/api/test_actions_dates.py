"""The dates rule, for every action: never in the future, never before receipt, never out of order
with earlier events, and a refusal saves nothing."""

import pytest

from tests.api.action_helpers import act, ok, snapshot

pytestmark = pytest.mark.django_db


ACTIONS = {
    "request-supplement": {"items_to_supplement": "x"},
    "start-consultation": {"party": "x"},
    "extend": {"days": 1, "approved_by": "jiangyi-supervisor", "reason": "r"},
    "set-deadline": {"deadline": "2027-06-30", "reason": "r"},
    "notify-fee": {"method": "per_page", "pages": 50},
    "conclude": {"outcome": "disclose"},
    "withdraw": {},
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize(
    ("on", "message"),
    [("2026-11-25", "日期不能晚于今天。"), ("2026-11-01", "日期不能早于收到申请之日")],
)
def test_dates_in_the_future_or_before_receipt_are_refused(case, as_handler, action, on, message):
    before = snapshot(case)
    response = act(as_handler, case, action, {"on": on, **ACTIONS[action]})
    assert response.status_code == 400
    assert response.json()["on"][0].startswith(message)
    assert snapshot(case) == before


@pytest.mark.parametrize("action", ["end-consultation", "conclude", "extend"])
def test_dates_out_of_order_with_earlier_events_are_refused(case, as_handler, action):
    ok(
        act(as_handler, case, "start-consultation", {"on": "2026-11-10", "party": "x"}),
        "consulting",
    )
    if action != "end-consultation":
        ok(act(as_handler, case, "end-consultation", {"on": "2026-11-12"}), "open")
    before = snapshot(case)
    body = {"on": "2026-11-09", **ACTIONS.get(action, {})}
    response = act(as_handler, case, action, body)
    assert response.status_code == 400
    assert "上一办理环节" in response.json()["on"][0]
    assert snapshot(case) == before
