"""The fee actions of api.md: notice, payment and waiver, their refusals, and the cost fee of a
2008-regime case."""

import pytest

from cases.models import Fee
from tests.api.action_helpers import act, ok
from tests.api.conftest import application_body

pytestmark = pytest.mark.django_db


def test_fee_per_page_notice_and_payment(case, as_handler):
    data = ok(
        act(
            as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 50}
        ),
        "awaiting_fee",
    )
    assert data["fee"]["method"] == "per_page"
    assert data["fee"]["amount"] == "200.00"  # pages 31–50 at 10 元
    assert data["fee"]["state"] == "notified"
    assert data["deadline"] is None
    data = ok(act(as_handler, case, "pay-fee", {"on": "2026-11-12"}), "open")
    assert data["fee"]["state"] == "paid" and data["fee"]["paid_on"] == "2026-11-12"


def test_fee_waiver_records_who_and_why(case, as_handler):
    ok(
        act(
            as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 120}
        ),
        "awaiting_fee",
    )
    data = ok(
        act(
            as_handler,
            case,
            "waive-fee",
            {"on": "2026-11-11", "approved_by": "jiangyi-supervisor", "reason": "困难群众"},
        ),
        "open",
    )
    assert data["fee"]["state"] == "waived"
    assert data["fee"]["waived_by"] == "jiangyi-supervisor"
    assert data["fee"]["waive_reason"] == "困难群众"


def test_fee_refusals(case, as_handler):
    assert act(as_handler, case, "pay-fee", {"on": "2026-11-10"}).status_code == 409
    assert (
        act(
            as_handler,
            case,
            "waive-fee",
            {"on": "2026-11-10", "approved_by": "jiangyi-supervisor", "reason": "r"},
        ).status_code
        == 409
    )
    # under 30 pages is free: nothing to notify
    assert (
        act(
            as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 20}
        ).status_code
        == 409
    )
    # a 2019-regime case has no cost fee
    response = act(
        as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "cost", "amount": "10.00"}
    )
    assert response.status_code == 400 and "method" in response.json()
    response = act(as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page"})
    assert response.status_code == 400 and "pages" in response.json()
    response = act(as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "by_weight"})
    assert response.status_code == 400 and "method" in response.json()
    assert Fee.objects.count() == 0


def test_cost_fee_for_a_2008_case(frozen_today, as_front, as_handler):
    case = as_front.post(
        "/api/v1/applications/", application_body(received_on="2018-03-01"), format="json"
    ).json()
    data = ok(
        act(
            as_handler, case, "notify-fee", {"on": "2018-03-05", "method": "cost", "amount": "12.5"}
        ),
        "awaiting_fee",
    )
    assert data["fee"]["amount"] == "12.50"
