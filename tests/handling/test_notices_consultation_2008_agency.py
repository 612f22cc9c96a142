"""A 2008-regime case consulting another office: the letter speaks to an office under the old text —
no third party's 商业秘密、个人隐私 (Art. 23 of 国务院令第492号 is about third parties) and no
Art. 34 rule of the 2019 text (视为同意公开)."""

from datetime import date

import pytest

from cases.services import handling

from .notice_helpers import assert_in_docx, notice

pytestmark = pytest.mark.django_db
D = date


def test_2008_letter_to_another_office(register, handler):
    old = register(received_on=D(2018, 3, 1))
    handling.application_start_consultation(
        user=handler,
        application=old,
        on=D(2018, 3, 2),
        party="元谋县自然资源局",
        party_kind="agency",
    )
    n = notice(old, "consultation")
    assert n.title == "政府信息公开征求意见函" and n.addressee == "元谋县自然资源局："
    text = n.text
    for needle in ("国务院令第492号", "第七条", "贵机关", "2018年3月23日前"):
        assert needle in text, needle
    for wrong in ("第二十三条", "商业秘密", "贵方", "第三十四条", "视为同意公开"):
        assert wrong not in text, wrong
    assert_in_docx(n, "第七条", "2018年3月23日前")


def test_2008_letter_to_a_third_party_still_cites_art_23(register, handler):
    old = register(received_on=D(2018, 3, 1))
    handling.application_start_consultation(
        user=handler, application=old, on=D(2018, 3, 2), party="某公司"
    )
    n = notice(old, "consultation")
    assert n.title == "第三方意见征询函"
    assert "第二十三条" in n.text and "商业秘密" in n.text and "第七条" not in n.text
