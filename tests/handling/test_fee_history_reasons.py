"""A fee's history says what was done to it, in words: the notice, the payment, the waiver with its
reason and approver — as the published report's list of what changed since shows it (it said only
新增 / 修改)."""

from datetime import date, timedelta

import pytest

from cases.reports.publish import changed_cases, publish
from cases.services import fees

pytestmark = pytest.mark.django_db


def _reasons(app) -> list[str]:
    return [h.history_change_reason for h in app.fee.history.order_by("history_id")]


def test_a_notice_and_its_payment_say_so(case, handler):
    fees.fee_notify(
        user=handler, application=case, on=date(2026, 11, 3), method="per_page", pages=200
    )
    fees.fee_pay(user=handler, application=case, on=date(2026, 11, 4))
    case.refresh_from_db()
    amount = case.fee.amount
    assert _reasons(case) == [
        f"收费通知（2026-11-03）：按量计收，金额{amount}元",
        f"缴费（2026-11-04）：缴纳{amount}元",
    ]


def test_a_waiver_says_why_and_who_approved(case, handler, sup):
    fees.fee_notify(
        user=handler, application=case, on=date(2026, 11, 3), method="per_page", pages=200
    )
    fees.fee_waive(
        user=handler, application=case, on=date(2026, 11, 5), approved_by=sup, reason="经济困难"
    )
    case.refresh_from_db()
    assert _reasons(case)[-1] == f"减免费用（2026-11-05）：经济困难（批准人：{sup}）"


def test_the_published_reports_changes_say_what_was_done_to_a_fee(
    register, handler, sup, township, frozen_today
):
    app = register(received_on=date(2025, 12, 1))
    fees.fee_notify(
        user=handler, application=app, on=date(2025, 12, 2), method="per_page", pages=200
    )
    published = publish(user=sup, agency=township, year=2025)
    frozen_today.shift(timedelta(hours=1))
    fees.fee_pay(user=handler, application=app, on=date(2025, 12, 3))  # a late entry
    app.refresh_from_db()
    fee_changes = [c.change for c in changed_cases(published) if c.kind == "费用"]
    assert fee_changes == [f"修改：缴费（2025-12-03）：缴纳{app.fee.amount}元"]
