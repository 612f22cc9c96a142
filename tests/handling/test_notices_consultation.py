"""The consultation letters: to a third party (Art. 32) and to another office (Art. 34)."""

from datetime import date

import pytest

from cases.services import handling

from .notice_helpers import assert_in_docx, notice

pytestmark = pytest.mark.django_db
D = date


def test_third_party_letter(case, handler):
    handling.application_start_consultation(
        user=handler,
        application=case,
        on=D(2026, 11, 10),
        party="元谋县金沙建材有限公司",
        note="涉及企业报价",
    )
    n = notice(case, "consultation")
    assert n.title == "第三方意见征询函" and n.addressee == "元谋县金沙建材有限公司："
    for needle in (
        "张三提出的政府信息公开申请",
        "第三十二条",
        "15个工作日内",
        "2026年12月1日前",
        "说明：涉及企业报价",
    ):
        assert needle in n.text, needle
    assert_in_docx(n, "第三十二条")


def test_other_office_letter(case, handler):
    handling.application_start_consultation(
        user=handler,
        application=case,
        on=D(2026, 11, 10),
        party="元谋县自然资源局",
        party_kind="agency",
    )
    n = notice(case, "consultation")
    assert n.title == "政府信息公开征求意见函"
    assert "第三十四条" in n.text and "视为同意公开" in n.text
