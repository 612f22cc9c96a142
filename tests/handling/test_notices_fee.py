"""The 收费通知书 (law.md §5): method, amount in figures and capitals, the calculation, the basis
and the payment date; a 2008-regime case gets a cost fee notice."""

from datetime import date

import pytest

from cases.services import fees

from .notice_helpers import assert_in_docx, notice

pytestmark = pytest.mark.django_db
D = date


def test_fee_notice_per_page(case, handler):
    fees.fee_notify(
        user=handler, application=case, on=D(2026, 11, 10), method="per_page", pages=120
    )
    n = notice(case, "fee")
    assert n.title == "收费通知书" and n.dated == D(2026, 11, 10)
    table = dict(n.table)
    assert table["计收方式"] == "按量计收"
    assert table["应缴金额"] == "人民币1100.00元（大写：壹仟壹佰元整）"
    assert "第101–120页：20页×20元=400.00元" in table["计算过程"]
    assert "国办函〔2020〕109号" in table["收费依据"]
    for needle in ("2026年12月8日前", "不计算在答复期限内", "视为放弃申请"):
        assert needle in n.text, needle
    assert_in_docx(n, "壹仟壹佰元整", "2026年12月8日前")


def test_fee_notice_per_item(register, handler):
    register(received_on=D(2026, 11, 2), items=10)
    app = register(received_on=D(2026, 11, 3), items=2)
    fees.fee_notify(user=handler, application=app, on=D(2026, 11, 4), method="per_item")
    table = dict(notice(app, "fee").table)
    assert table["计收方式"] == "按件计收" and "人民币200.00元" in table["应缴金额"]
    assert "本月此前已向同一行政机关申请10件" in table["计算过程"]


def test_2008_cost_fee_notice(register, handler):
    old = register(received_on=D(2018, 3, 1))
    fees.fee_notify(
        user=handler,
        application=old,
        on=D(2018, 3, 5),
        method="cost",
        amount="12.5",
        cost_items="复制费",
    )
    n = notice(old, "fee")
    table = dict(n.table)
    assert (
        table["收费项目"] == "复制费"
        and table["应缴金额"] == "人民币12.50元（大写：壹拾贰元伍角整）"
    )
    assert "第二十七条" in n.text and "减免" in n.text and "信息处理费" not in n.text
