"""While a fee notice waits for payment within its period, the case page does not offer 办结答复: every
outcome would be refused (pay, waive or record the withdrawal first). Once the period has lapsed, it is
offered again, to conclude as 逾期未缴费."""

from datetime import date

import pytest
from django.urls import reverse

from cases import outcomes
from cases.services import fees

from .conftest import fresh

pytestmark = pytest.mark.django_db


def actions_on_page(client, app) -> str:
    return client.get(reverse("application-detail", args=[app.pk])).content.decode()


def conclude_url(app) -> str:
    return reverse("application-action", args=[app.pk, "conclude"])


def test_no_conclude_while_the_fee_may_still_be_paid(handler_client, handler, case):
    fees.fee_notify(
        user=handler, application=case, on=date(2026, 11, 17), method="per_page", pages=45
    )
    assert fresh(case).fee.pay_due_on >= date(2026, 11, 24)  # today: still within the period
    page = actions_on_page(handler_client, case)
    assert conclude_url(case) not in page
    for slug in ("pay-fee", "waive-fee", "withdraw"):
        assert reverse("application-action", args=[case.pk, slug]) in page
    # what the link led to: every outcome refused
    for code in outcomes.CODES:
        response = handler_client.post(
            conclude_url(case),
            {
                "version": fresh(case).version,
                "on": "2026-11-24",
                "outcome": code,
                "reason": "理由",
                "basis": "依据",
            },
        )
        assert response.status_code == 200, code
    assert fresh(case).outcome == ""


def test_conclude_offered_once_the_payment_period_lapsed(handler_client, world):
    lapsed = world["fee_lapsed"]  # payment was due 2026-11-04
    assert conclude_url(lapsed) in actions_on_page(handler_client, lapsed)
