"""The extension notice and the Art. 35 延迟答复告知书: the days, the new deadline of the time and
the reason — on the notice and in the DOCX read back."""

from datetime import date

import pytest

from cases.services import handling

from .notice_helpers import assert_in_docx, notice

pytestmark = pytest.mark.django_db
D = date


def test_extension_notice_states_days_and_new_deadline(case, handler, sup):
    handling.application_extend(
        user=handler,
        application=case,
        on=D(2026, 11, 20),
        days=10,
        approved_by=sup,
        reason="需调取档案",
    )
    n = notice(case, "extension")
    for needle in (
        "因需调取档案",
        "第三十三条第二款",
        "负责人同意",
        "延长10个工作日",
        "2026年12月14日前",
    ):
        assert needle in n.text, needle
    assert "待" not in n.text and "按周末推算" not in n.text
    assert_in_docx(n, "2026年12月14日前")


def test_each_extension_has_its_own_notice_with_the_deadline_of_the_time(case, handler, sup):
    handling.application_extend(
        user=handler, application=case, on=D(2026, 11, 20), days=5, approved_by=sup, reason="一"
    )
    handling.application_extend(
        user=handler, application=case, on=D(2026, 11, 23), days=5, approved_by=sup, reason="二"
    )
    first, second = case.events.filter(kind="extended").order_by("id")
    assert "2026年12月7日前" in notice(case, "extension", event_id=first.pk).text
    assert "2026年12月14日前" in notice(case, "extension", event_id=second.pk).text
    assert "2026年12月14日前" in notice(case, "extension").text  # the latest by default


def test_extension_into_an_unpublished_year_is_marked(register, handler, sup):
    app = register(received_on=D(2026, 11, 20))  # 40 working days later lies in 2027
    handling.application_extend(
        user=handler, application=app, on=D(2026, 11, 23), days=20, approved_by=sup, reason="量大"
    )
    assert "2027年节假日安排尚未公布" in notice(app, "extension").text


def test_art35_notice(case, handler):
    handling.application_set_deadline(
        user=handler,
        application=case,
        on=D(2026, 11, 20),
        deadline=D(2027, 3, 31),
        reason="一个月内申请40件",
    )
    n = notice(case, "deadline")
    assert n.title == "延迟答复告知书"
    for needle in ("第三十五条", "2027年3月31日前", "一个月内申请40件"):
        assert needle in n.text
