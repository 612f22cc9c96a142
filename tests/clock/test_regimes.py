"""Regimes and golden deadlines, checked by hand against the published holiday arrangements."""

from datetime import date

import pytest

from cases.clock import engine
from cases.clock.calendar import WorkCalendar

CAL = WorkCalendar.from_chinese_calendar()


def deadline(received_on: date) -> date | None:
    return engine.compute(received_on, [], CAL, received_on).deadline


def test_regime_boundary() -> None:
    assert engine.regime_for(date(2019, 5, 14)) == engine.REGIME_2008
    assert engine.regime_for(date(2019, 5, 15)) == engine.REGIME_2019
    assert engine.reply_limit("2008") == 15 and engine.extension_cap("2008") == 15
    assert engine.reply_limit("2019") == 20 and engine.extension_cap("2019") == 20
    with pytest.raises(ValueError):
        engine.reply_limit("2030")


def test_last_day_of_the_2008_regime() -> None:
    # 2019-05-14 (Tue) + 15: 05-15..17, 05-20..24, 05-27..31, 06-03, 06-04
    result = engine.compute(date(2019, 5, 14), [], CAL, date(2019, 5, 14))
    assert (result.regime, result.limit, result.deadline) == ("2008", 15, date(2019, 6, 4))
    assert "依2008年《条例》第二十四条，答复期限15个工作日" in result.trace


def test_first_day_of_the_2019_regime() -> None:
    # 2019-05-15 (Wed) + 20: ... 06-06 is the 16th, 06-07 端午 off, 06-10..06-13
    result = engine.compute(date(2019, 5, 15), [], CAL, date(2019, 5, 15))
    assert (result.regime, result.limit, result.deadline) == ("2019", 20, date(2019, 6, 13))
    assert "依2019年《条例》第三十三条，答复期限20个工作日" in result.trace


def test_2008_regime_across_spring_festival_2019() -> None:
    # 2019-01-28 + 15: 01-29..02-01 (4), 02-02 Sat & 02-03 Sun make-up (6), 02-04..10 off,
    # 02-11..15 (11), 02-18..21 (15)
    assert deadline(date(2019, 1, 28)) == date(2019, 2, 21)


def test_received_on_a_weekend() -> None:
    # 2024-03-09 (Sat) + 20: 03-11..04-03 (18), 04-04..06 清明 off, 04-07 Sun make-up (19), 04-08 (20)
    assert deadline(date(2024, 3, 9)) == date(2024, 4, 8)


def test_received_on_a_holiday() -> None:
    # 2025-10-03 (National Day): 10-09 (1), 10-10 (2), 10-11 Sat make-up (3), 10-13..31 (18), 11-03, 11-04
    result = engine.compute(date(2025, 10, 3), [], CAL, date(2025, 10, 3))
    assert result.deadline == date(2025, 11, 4)
    assert result.trace[0] == "2025-10-03(周五)收到申请（当日非工作日，自其后的第一个工作日起计算）"


def test_a_holiday_falling_on_a_weekend_is_not_told_as_taking_days_out() -> None:
    # 2026 端午: Fri 06-19 (the received day) to Sun 06-21; the days after the received day are a
    # Saturday and a Sunday, not working days anyway: 06-22..26 (5) … 07-13..17 (20)
    result = engine.compute(date(2026, 6, 19), [], CAL, date(2026, 6, 19))
    assert result.trace == (
        "2026-06-19(周五)收到申请（当日非工作日，自其后的第一个工作日起计算）",
        "依2019年《条例》第三十三条，答复期限20个工作日",
        "按2026年节假日安排计算",
        "截止2026-07-17(周五)",
    )


def test_received_on_a_makeup_saturday() -> None:
    # 2026-02-14 (Sat, 调休上班): 02-24..27 (4), 02-28 Sat (5), 03-02..20 (20)
    result = engine.compute(date(2026, 2, 14), [], CAL, date(2026, 2, 14))
    assert result.deadline == date(2026, 3, 20)
    assert result.trace[0] == "2026-02-14(周六)收到申请"
    # 2026-02-28 (Sat, 调休上班): 03-02..03-27
    assert deadline(date(2026, 2, 28)) == date(2026, 3, 27)


def test_across_spring_festival_2025() -> None:
    # 2025-01-20 + 20: 01-21..24 (4), 01-26 Sun (5), 01-27 (6), 01-28..02-04 off, 02-05..07 (9),
    # 02-08 Sat (10), 02-10..14 (15), 02-17..21 (20)
    result = engine.compute(date(2025, 1, 20), [], CAL, date(2025, 1, 20))
    assert result.deadline == date(2025, 2, 21)
    assert "其间春节放假，不计入工作日" in result.trace
    assert "2025-01-26(周日)、2025-02-08(周六)调休上班，计为工作日" in result.trace


def test_across_national_day_2024() -> None:
    # 2024-09-23 + 20: 09-24..27 (4), 09-29 Sun (5), 09-30 (6), 10-01..07 off, 10-08..11 (10),
    # 10-12 Sat (11), 10-14..18 (16), 10-21..24 (20)
    assert deadline(date(2024, 9, 23)) == date(2024, 10, 24)


def test_plain_march_2026_and_the_trace() -> None:
    result = engine.compute(date(2026, 3, 2), [], CAL, date(2026, 3, 2))
    assert result.deadline == date(2026, 3, 30)
    assert result.clock_start == date(2026, 3, 2)
    assert result.supplement_notice_due == date(2026, 3, 11)
    assert result.status == engine.OPEN
    assert not result.provisional
    assert result.trace == (
        "2026-03-02(周一)收到申请",
        "依2019年《条例》第三十三条，答复期限20个工作日",
        "按2026年节假日安排计算",
        "截止2026-03-30(周一)",
    )


@pytest.mark.parametrize(
    ("today", "left", "overdue", "due_soon"),
    [
        (date(2026, 3, 2), 20, False, False),
        (date(2026, 3, 24), 4, False, False),
        (date(2026, 3, 25), 3, False, True),
        (date(2026, 3, 28), 1, False, True),  # a Saturday: only 03-30 is left
        (date(2026, 3, 30), 0, False, True),  # 今日到期
        (date(2026, 3, 31), -1, True, False),
        (date(2026, 4, 7), -5, True, False),  # 04-06 清明 not counted
    ],
)
def test_countdown(today: date, left: int, overdue: bool, due_soon: bool) -> None:
    result = engine.compute(date(2026, 3, 2), [], CAL, today)
    assert (result.working_days_left, result.overdue, result.due_soon) == (left, overdue, due_soon)


def test_due_soon_days_is_configurable() -> None:
    result = engine.compute(date(2026, 3, 2), [], CAL, date(2026, 3, 24), due_soon_days=5)
    assert result.due_soon


def test_format_day_and_small_helpers() -> None:
    assert engine.format_day(date(2026, 3, 2)) == "2026-03-02(周一)"
    assert engine.format_day(date(2026, 3, 8)) == "2026-03-08(周日)"
    assert engine.supplement_notice_due(date(2026, 2, 10), CAL) == date(2026, 2, 26)
    assert engine.fee_payment_due(date(2026, 2, 12), CAL) == date(2026, 3, 18)
    assert engine.third_party_reply_due(date(2026, 3, 10), CAL) == date(2026, 3, 31)
