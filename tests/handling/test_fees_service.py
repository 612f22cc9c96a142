"""Fees at the service level (law.md §5): the per-item count is the same applicant's 件 to the same
office in the calendar month of receipt; per-page tiers; the 2008 cost fees; no fee 2019-05-15 …
2020-12-31 and 信息处理费 only from 2021-01-01; payment, waiver, and the lapse after 20 working days."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from cases.errors import StateConflict
from cases.models import Agency
from cases.services import fees
from cases.services.registration import ApplicantData
from cases.services.voiding import application_void

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db
D = date
OTHER = ApplicantData(type="natural_person", name="李四", id_number="110105198001010016")
ORG = ApplicantData(type="commercial_enterprise", name="金沙建材有限公司")


def notify(app, handler, on=None, **kw):
    return fees.fee_notify(user=handler, application=app, on=on or app.received_on, **kw)


# --- prior_items_this_month -----------------------------------------------------------------------


def test_items_count_within_the_calendar_month_only(register):
    register(received_on=D(2026, 10, 30), items=10)  # October: not this month
    first = register(received_on=D(2026, 11, 2), items=3)
    same_day = register(received_on=D(2026, 11, 2), items=2)
    later = register(received_on=D(2026, 11, 20), items=1)
    assert fees.prior_items_this_month(first) == 0
    assert fees.prior_items_this_month(same_day) == 3  # same day: registered after
    assert fees.prior_items_this_month(later) == 5


def test_items_count_per_applicant_and_per_office(register, county, township_front, people):
    register(received_on=D(2026, 11, 2), items=8)
    register(received_on=D(2026, 11, 3), items=8, applicant=OTHER)  # another applicant
    register(
        received_on=D(2026, 11, 3), items=8, agency=county, user=people[("county", "front_desk")]
    )  # another office
    mine = register(received_on=D(2026, 11, 4), items=1)
    assert fees.prior_items_this_month(mine) == 8


def test_voided_applications_do_not_count(register, township_supervisor):
    wrong = register(received_on=D(2026, 11, 2), items=9)
    application_void(user=township_supervisor, application=wrong, reason="重复登记")
    assert fees.prior_items_this_month(register(received_on=D(2026, 11, 3))) == 0


def test_the_month_boundary_of_december_and_january(register):
    register(received_on=D(2025, 12, 31), items=15)
    jan = register(received_on=D(2026, 1, 5), items=11)
    assert fees.prior_items_this_month(jan) == 0


# --- notices ------------------------------------------------------------------------------------------


def test_per_item_charges_from_the_eleventh(register, handler):
    register(received_on=D(2026, 11, 2), items=10)
    app = register(received_on=D(2026, 11, 3), items=1)
    app = notify(app, handler, method="per_item")
    fee = fresh(app).fee
    assert (fee.amount, fee.items, fee.prior_items) == (Decimal("100.00"), 1, 10)
    assert "第11件" in fee.breakdown
    assert app.status == "awaiting_fee"


def test_per_item_within_ten_is_free(register, handler):
    app = register(received_on=D(2026, 11, 3), items=10)
    before = snapshot(app)
    with pytest.raises(StateConflict, match="无需收取"):
        notify(app, handler, method="per_item")
    assert snapshot(app) == before


def test_per_item_month_boundary(register, handler):
    """Ten 件 on 31 October and one on 2 November: November's first 件 is free."""
    register(received_on=D(2026, 10, 30), items=10)
    nov = register(received_on=D(2026, 11, 2), items=1)
    with pytest.raises(StateConflict):
        notify(nov, handler, method="per_item")
    oct_more = register(received_on=D(2026, 10, 30), items=1)
    assert notify(oct_more, handler, method="per_item").fee.amount == Decimal("100.00")


@pytest.mark.parametrize(
    ("pages", "amount"),
    [(31, "10.00"), (100, "700.00"), (101, "720.00"), (200, "2700.00"), (201, "2740.00")],
)
def test_per_page_tier_edges(register, handler, pages, amount):
    app = notify(register(), handler, method="per_page", pages=pages)
    assert fresh(app).fee.amount == Decimal(amount)
    assert fresh(app).fee.pages == pages


def test_thirty_pages_are_free(register, handler):
    app = register()
    with pytest.raises(StateConflict):
        notify(app, handler, method="per_page", pages=30)


@pytest.mark.parametrize(
    ("received", "method", "ok"),
    [
        (D(2019, 5, 14), "cost", True),
        (D(2019, 5, 14), "per_page", False),
        (D(2019, 5, 15), "cost", False),
        (D(2019, 5, 15), "per_page", False),
        (D(2020, 12, 31), "per_item", False),
        (D(2020, 12, 31), "per_page", False),
        (D(2021, 1, 1), "per_page", True),
        (D(2021, 1, 1), "cost", False),
    ],
)
def test_which_fee_a_date_allows(register, handler, received, method, ok):
    app = register(received_on=received, items=11)
    kw = {"cost": {"amount": "12.50"}, "per_page": {"pages": 50}, "per_item": {}}[method]
    if ok:
        assert notify(app, handler, method=method, **kw).status == "awaiting_fee"
        return
    before = snapshot(app)
    with pytest.raises(ValidationError) as exc:
        notify(app, handler, method=method, **kw)
    assert "method" in exc.value.message_dict
    assert snapshot(app) == before


def test_2008_cost_fee_records_amount_and_items(register, handler):
    app = register(received_on=D(2018, 3, 1))
    app = notify(app, handler, method="cost", amount="12.5", cost_items="复制费、邮寄费")
    fee = fresh(app).fee
    assert (fee.amount, fee.cost_items) == (Decimal("12.50"), "复制费、邮寄费")
    assert "第二十七条" in fee.basis


def test_2008_cost_fee_waiver_is_for_citizens_only(register, handler, sup):
    """law.md §5 (2008, Art. 28): citizens in real financial hardship may have cost fees waived."""
    company = ApplicantData(type="commercial_enterprise", name="金沙建材有限公司")
    app = notify(
        register(received_on=D(2018, 3, 1), applicant=company), handler, method="cost", amount="20"
    )
    before = snapshot(app)
    with pytest.raises(
        StateConflict, match="确有经济困难的公民才可以申请减免费用；本申请的申请人是商业企业"
    ):
        fees.fee_waive(
            user=handler, application=app, on=D(2018, 3, 5), approved_by=sup, reason="困难"
        )
    assert snapshot(app) == before
    person = notify(register(received_on=D(2018, 3, 1)), handler, method="cost", amount="20")
    fees.fee_waive(
        user=handler, application=person, on=D(2018, 3, 5), approved_by=sup, reason="低保户"
    )
    assert fresh(person).fee.state == "waived"


@pytest.mark.parametrize("amount", [None, "0", "-3", "abc", "2000000"])
def test_cost_amount_refusals(register, handler, amount):
    app = register(received_on=D(2018, 3, 1))
    with pytest.raises(ValidationError) as exc:
        notify(app, handler, method="cost", amount=amount)
    assert "amount" in exc.value.message_dict


def test_one_fee_per_application(case, handler):
    notify(case, handler, on=D(2026, 11, 3), method="per_page", pages=40)
    fees.fee_pay(user=handler, application=case, on=D(2026, 11, 4))
    before = snapshot(case)
    with pytest.raises(StateConflict, match="一种计收方式"):
        notify(case, handler, on=D(2026, 11, 5), method="per_page", pages=50)
    assert snapshot(case) == before


def test_notice_to_payment_is_a_stop(case, handler):
    notify(case, handler, on=D(2026, 11, 10), method="per_page", pages=40)
    app = fees.fee_pay(user=handler, application=case, on=D(2026, 11, 17))
    assert app.status == "open" and app.deadline == D(2026, 12, 7)
    assert fresh(app).fee.paid_on == D(2026, 11, 17)


# --- payment, waiver, lapse ------------------------------------------------------------------------------


def test_pay_and_waive_only_while_awaiting(case, handler, sup):
    with pytest.raises(StateConflict):
        fees.fee_pay(user=handler, application=case, on=D(2026, 11, 10))
    with pytest.raises(StateConflict):
        fees.fee_waive(
            user=handler, application=case, on=D(2026, 11, 10), approved_by=sup, reason="r"
        )


def test_waiver_records_who_and_why(case, handler, sup):
    notify(case, handler, on=D(2026, 11, 10), method="per_page", pages=120)
    before = snapshot(case)
    for approver, reason, field in ((handler, "困难", "approved_by"), (sup, " ", "reason")):
        with pytest.raises(ValidationError) as exc:
            fees.fee_waive(
                user=handler,
                application=case,
                on=D(2026, 11, 11),
                approved_by=approver,
                reason=reason,
            )
        assert field in exc.value.message_dict
    assert snapshot(case) == before
    fees.fee_waive(
        user=handler, application=case, on=D(2026, 11, 11), approved_by=sup, reason="低保户"
    )
    fee = fresh(case).fee
    assert (fee.waived_by, fee.waive_reason, fee.waived_on, fee.state) == (
        sup,
        "低保户",
        D(2026, 11, 11),
        "waived",
    )


def test_no_payment_nor_waiver_after_the_period(lapsed, handler, sup):
    before = snapshot(lapsed)
    with pytest.raises(StateConflict, match="视为放弃申请"):
        fees.fee_pay(user=handler, application=lapsed, on=D(2026, 11, 5))
    with pytest.raises(StateConflict, match="视为放弃申请"):
        fees.fee_waive(
            user=handler, application=lapsed, on=D(2026, 11, 5), approved_by=sup, reason="r"
        )
    assert snapshot(lapsed) == before


def test_lapsed_fees_are_concluded_as_fee_unpaid(lapsed, case, handler):
    assigned_none = lapsed.handler_id is None
    done = fees.conclude_lapsed_fees()
    assert [a.pk for a in done] == [lapsed.pk]
    app = fresh(lapsed)
    assert (app.status, app.outcome, app.concluded_on) == (
        "concluded",
        "other.fee_unpaid",
        D(2026, 11, 5),
    )
    event = app.events.get(kind="concluded")
    assert event.created_by.role == ("supervisor" if assigned_none else "handler")
    assert "国办函〔2020〕109号" in app.outcome_basis
    assert fresh(case).status == "open"  # untouched


def test_a_fee_still_within_its_period_is_left(case, handler):
    notify(case, handler, on=D(2026, 11, 10), method="per_page", pages=40)
    assert fees.conclude_lapsed_fees() == []
    assert fresh(case).status == "awaiting_fee"


def test_the_command(lapsed, handler, capsys):
    call_command("conclude_lapsed_fees", "--dry-run")
    assert lapsed.number in capsys.readouterr().out
    assert fresh(lapsed).status == "awaiting_fee"
    call_command("conclude_lapsed_fees", "--user", handler.username)
    out = capsys.readouterr().out
    assert "共办结 1 件" in out
    assert fresh(lapsed).events.get(kind="concluded").created_by == handler


def test_per_office_separation_holds_for_fees(register, handler, county, people):
    """The county's 10 件 do not make the township's 11th."""
    register(
        received_on=D(2026, 11, 2), items=10, agency=county, user=people[("county", "front_desk")]
    )
    app = register(received_on=D(2026, 11, 3), items=1)
    with pytest.raises(StateConflict):
        notify(app, handler, method="per_item")
    assert Agency.objects.count() == 2
