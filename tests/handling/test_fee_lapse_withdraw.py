"""Once the 20 working days to pay have passed, the application counts as abandoned (视为放弃申请) and
is concluded as 逾期未缴费 (law.md §5, national report row （六）2): the applicant can no longer withdraw
it, which would count it as （六）3 其他 instead. Within the period a withdrawal is still the applicant's."""

from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from cases.errors import StateConflict
from cases.services import fees, handling

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db
D = date


def test_no_withdrawal_once_the_payment_period_lapsed(lapsed, handler):
    before = snapshot(lapsed)
    with pytest.raises(StateConflict, match="逾期未缴费"):
        handling.application_withdraw(user=handler, application=lapsed, on=D(2026, 11, 5))
    assert snapshot(lapsed) == before
    done = fees.conclude_lapsed_fees()
    assert [a.pk for a in done] == [lapsed.pk]
    assert fresh(lapsed).outcome == "other.fee_unpaid"


def test_the_api_answers_409(lapsed, handler):
    client = APIClient()
    client.force_authenticate(handler)
    url = f"/api/v1/applications/{lapsed.pk}/withdraw/"
    response = client.post(url, {"on": "2026-11-05"}, format="json")
    assert response.status_code == 409
    assert fresh(lapsed).status == "awaiting_fee"


def test_withdrawal_on_the_last_day_to_pay_is_still_a_withdrawal(lapsed, handler):
    app = handling.application_withdraw(user=handler, application=lapsed, on=D(2026, 11, 4))
    assert (app.status, app.outcome, app.concluded_on) == (
        "concluded",
        "other.other",
        D(2026, 11, 4),
    )


def test_the_case_page_offers_no_withdrawal_once_lapsed(lapsed, handler_client):
    page = handler_client.get(reverse("application-detail", args=[lapsed.pk])).content.decode()
    assert reverse("application-action", args=[lapsed.pk, "conclude"]) in page
    assert reverse("application-action", args=[lapsed.pk, "withdraw"]) not in page


@pytest.mark.parametrize(
    ("on", "says"), [(D(2026, 11, 5), "逾期未缴费"), (D(2026, 11, 4), "请先处理收费")]
)
def test_another_outcome_after_the_period_points_to_fee_unpaid(lapsed, handler, on, says):
    """Refused another outcome after the period, the handler was told to record a payment or a waiver
    first — both of which are refused once the period has passed."""
    before = snapshot(lapsed)
    with pytest.raises(StateConflict, match=says) as refused:
        handling.application_conclude(user=handler, application=lapsed, on=on, outcome="disclose")
    if on > D(2026, 11, 4):
        assert "2026-11-04" in str(refused.value)
    assert snapshot(lapsed) == before
