"""Concluding a case through the API: the outcome, withholding with reason and basis, the refusals,
and withdrawal; nothing more can happen to a concluded case."""

import pytest

from tests.api.action_helpers import act, ok

pytestmark = pytest.mark.django_db


def test_conclude_with_an_outcome(case, as_handler):
    data = ok(
        act(as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "disclose"}), "concluded"
    )
    assert data["outcome"] == "disclose"
    assert data["concluded_on"] == "2026-11-20"
    assert data["overdue"] is False and data["working_days_left"] is None
    # nothing more can happen to a concluded case
    for action, body in [
        ("conclude", {"on": "2026-11-21", "outcome": "disclose"}),
        ("withdraw", {"on": "2026-11-21"}),
        ("start-consultation", {"on": "2026-11-21", "party": "x"}),
        (
            "extend",
            {"on": "2026-11-21", "days": 1, "approved_by": "jiangyi-supervisor", "reason": "r"},
        ),
        ("set-deadline", {"on": "2026-11-21", "deadline": "2027-01-29", "reason": "r"}),
        ("notify-fee", {"on": "2026-11-21", "method": "per_page", "pages": 50}),
        ("request-supplement", {"on": "2026-11-21", "items_to_supplement": "x"}),
    ]:
        assert act(as_handler, case, action, body).status_code == 409, action


def test_withholding_needs_reason_and_basis(case, as_handler):
    response = act(
        as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "withhold.state_secret"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"reason", "basis"}
    data = ok(
        act(
            as_handler,
            case,
            "conclude",
            {
                "on": "2026-11-20",
                "outcome": "withhold.state_secret",
                "reason": "属于国家秘密",
                "basis": "《条例》第十四条",
            },
        ),
        "concluded",
    )
    assert data["outcome"] == "withhold.state_secret"


def test_unknown_outcome_is_400(case, as_handler):
    response = act(as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "approve"})
    assert response.status_code == 400 and "outcome" in response.json()


def test_conclude_while_consulting_is_409(case, as_handler):
    ok(
        act(as_handler, case, "start-consultation", {"on": "2026-11-10", "party": "x"}),
        "consulting",
    )
    assert (
        act(as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "disclose"}).status_code
        == 409
    )


def test_withdraw_concludes_as_other(case, as_handler):
    data = ok(
        act(as_handler, case, "withdraw", {"on": "2026-11-20", "note": "申请人电话撤回"}),
        "concluded",
    )
    assert data["outcome"] == "other.other"
    assert data["events"][-1]["kind"] == "withdrawn"
