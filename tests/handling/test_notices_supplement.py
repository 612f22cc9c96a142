"""The 补正告知书 (law.md §4): the office, the case number, the items, the due date and the basis
— on the notice and in the DOCX read back; a 2008-regime case cites the old text."""

from datetime import date

import pytest

from cases.services import handling

from .notice_helpers import assert_in_docx, notice

pytestmark = pytest.mark.django_db
D = date


def test_supplement_notice(case, handler):
    handling.application_request_supplement(
        user=handler, application=case, on=D(2026, 11, 3),
        items_to_supplement="请写明年度\n请写明文件名称", period_days=5,
    )  # fmt: skip
    n = notice(case, "supplement")
    assert (n.title, n.office, n.dated) == ("补正告知书", "姜驿乡人民政府", D(2026, 11, 3))
    assert n.number == case.number and n.addressee == "张三："
    text = n.text
    for needle in (
        "2026年11月2日收到",
        "第三十条",
        "一次性告知",
        "1. 请写明年度",
        "2. 请写明文件名称",
        "2026年11月10日前",
        "视为放弃申请",
    ):
        assert needle in text, needle
    assert_in_docx(n, "1. 请写明年度", "2026年11月10日前", "2026年11月3日")


def test_2008_supplement_notice_cites_the_old_text(register, handler):
    old = register(received_on=D(2018, 3, 1))
    handling.application_request_supplement(
        user=handler, application=old, on=D(2018, 3, 2), items_to_supplement="请写明年度"
    )
    text = notice(old, "supplement").text
    assert "国务院令第492号" in text and "第二十一条第（四）项" in text and "视为放弃" not in text
