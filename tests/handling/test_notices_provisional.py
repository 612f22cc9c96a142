"""law.md §2: a date counted into a year whose holiday arrangement is not published is marked
provisional wherever it is shown — the notices' payment, supplement and reply dates included."""

from datetime import date

import pytest
import time_machine

from cases.services import fees, handling

from .notice_helpers import notice

pytestmark = pytest.mark.django_db
D = date
MARK = "（2027年节假日安排尚未公布，该日期按周末推算，公布后如有变化另行告知）"


@pytest.fixture
def december(register):
    """A case received 2026-12-15, today 2026-12-15: 15 or 20 working days later lie in 2027."""
    with time_machine.travel(D(2026, 12, 15), tick=False):
        yield register(received_on=D(2026, 12, 15))


def test_fee_notice_marks_a_payment_date_in_an_unpublished_year(december, handler):
    fees.fee_notify(
        user=handler, application=december, on=D(2026, 12, 15), method="per_page", pages=40
    )
    text = notice(december, "fee").text
    assert f"（即2027年1月12日前{MARK}）缴纳上述费用" in text


def test_supplement_notice_marks_a_counted_period_end(december, handler):
    handling.application_request_supplement(
        user=handler, application=december, on=D(2026, 12, 15), items_to_supplement="请写明年份"
    )
    assert f"请您于2027年1月5日前{MARK}向本机关提交补正" in notice(december, "supplement").text


def test_supplement_notice_leaves_a_chosen_due_date_unmarked(december, handler):
    handling.application_request_supplement(
        user=handler,
        application=december,
        on=D(2026, 12, 15),
        items_to_supplement="请写明年份",
        due_on=D(2027, 1, 8),
    )
    text = notice(december, "supplement").text
    assert "请您于2027年1月8日前向本机关提交补正" in text and "尚未公布" not in text


def test_consultation_letter_marks_a_reply_date_in_an_unpublished_year(december, handler):
    handling.application_start_consultation(
        user=handler, application=december, on=D(2026, 12, 15), party="某建材公司"
    )
    assert f"（即2027年1月5日前{MARK}）以书面形式提出意见" in notice(december, "consultation").text


def test_dates_inside_a_published_year_are_unmarked(case, handler):
    handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 3), party="某建材公司"
    )
    text = notice(case, "consultation").text
    assert "（即2026年11月24日前）" in text and "尚未公布" not in text
