"""Supplement (补正, Art. 30): notice within 7 working days, clock restarts with the full limit."""

from datetime import date

from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clock.engine import ClockEvent

CAL = WorkCalendar.from_chinese_calendar()
RECEIVED = date(2026, 3, 2)
REQUEST = ClockEvent(engine.SUPPLEMENT_REQUESTED, date(2026, 3, 5), reason="请写明所需信息的文号")


def test_awaiting_supplement_has_no_deadline() -> None:
    result = engine.compute(RECEIVED, [REQUEST], CAL, date(2026, 3, 20))
    assert result.status == engine.AWAITING_SUPPLEMENT
    assert result.clock_start is None
    assert result.deadline is None
    assert result.working_days_left is None
    assert not result.overdue and not result.due_soon
    assert result.supplement_notice_due == date(2026, 3, 11)
    # 03-05 + 15: 03-06 (1), 03-09..13 (6), 03-16..20 (11), 03-23..26 (15)
    assert result.supplement_period_end == date(2026, 3, 26)
    assert "2026-03-05(周四)告知补正，补正期限至2026-03-26(周四)" in result.trace
    assert result.trace[-1] == "尚未收到补正，答复期限自收到补正之日起计算"


def test_explicit_period_and_explicit_due_date() -> None:
    ten = ClockEvent(engine.SUPPLEMENT_REQUESTED, date(2026, 3, 5), days=10)
    assert engine.compute(RECEIVED, [ten], CAL, RECEIVED).supplement_period_end == date(2026, 3, 19)
    fixed = ClockEvent(
        engine.SUPPLEMENT_REQUESTED, date(2026, 3, 5), days=10, deadline=date(2026, 4, 1)
    )
    assert engine.compute(RECEIVED, [fixed], CAL, RECEIVED).supplement_period_end == date(
        2026, 4, 1
    )


def test_supplement_restarts_the_full_limit() -> None:
    # 03-16 + 20: 03-17..20 (4), 03-23..04-03 (14), 04-06 off, 04-07..10 (18), 04-13, 04-14
    events = [REQUEST, ClockEvent(engine.SUPPLEMENT_RECEIVED, date(2026, 3, 16))]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 16))
    assert result.status == engine.OPEN
    assert result.clock_start == date(2026, 3, 16)
    assert result.deadline == date(2026, 4, 14)
    assert result.working_days_left == 20
    assert result.supplement_period_end == date(2026, 3, 26)
    assert "2026-03-16(周一)收到补正，答复期限自该日起重新计算20个工作日" in result.trace


def test_stops_before_the_restart_are_ignored_and_straddling_ones_clipped() -> None:
    received = [REQUEST, ClockEvent(engine.SUPPLEMENT_RECEIVED, date(2026, 3, 9))]
    base = engine.compute(RECEIVED, received, CAL, date(2026, 3, 9)).deadline
    assert base == date(2026, 4, 7)  # 03-09 + 20, 04-06 清明 off
    before = [
        ClockEvent(engine.CONSULTATION_STARTED, date(2026, 3, 3)),
        ClockEvent(engine.CONSULTATION_ENDED, date(2026, 3, 5)),
    ]
    result = engine.compute(RECEIVED, received + before, CAL, date(2026, 3, 9))
    assert result.deadline == base
    assert any("在答复期限起算之前，不影响期限" in line for line in result.trace)
    straddle = [
        ClockEvent(engine.CONSULTATION_STARTED, date(2026, 3, 6)),
        ClockEvent(engine.CONSULTATION_ENDED, date(2026, 3, 11)),
    ]
    # only 03-10 and 03-11 fall after the clock start
    result = engine.compute(RECEIVED, received + straddle, CAL, date(2026, 3, 11))
    assert result.deadline == date(2026, 4, 9)
    assert (
        "2026-03-06(周五)起征求第三方意见，至2026-03-11(周三)止，其间2个工作日不计入期限"
        in result.trace
    )


def test_an_open_stop_begun_before_the_restart_counts_from_the_restart() -> None:
    events = [
        REQUEST,
        ClockEvent(engine.CONSULTATION_STARTED, date(2026, 3, 6)),
        ClockEvent(engine.SUPPLEMENT_RECEIVED, date(2026, 3, 9)),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 20))
    assert result.status == engine.CONSULTING
    assert result.clock_start == date(2026, 3, 9)
    assert result.deadline is None
    assert result.working_days_left == 20  # not a day counted since the restart
    assert result.trace[-1] == "期限中止计算，已计0个工作日，剩余20个工作日"


def test_late_notice_is_flagged() -> None:
    late = ClockEvent(engine.SUPPLEMENT_REQUESTED, date(2026, 3, 12))
    result = engine.compute(RECEIVED, [late], CAL, date(2026, 3, 12))
    assert any("晚于补正告知期限2026-03-11(周三)" in line for line in result.trace)
    # on the 7th working day itself the notice is in time (Art. 30: 7个工作日内)
    # 03-11 + 15: 03-12, 03-13 (2), 03-16..20 (7), 03-23..27 (12), 03-30..04-01 (15)
    on_time = ClockEvent(engine.SUPPLEMENT_REQUESTED, date(2026, 3, 11))
    result = engine.compute(RECEIVED, [on_time], CAL, date(2026, 3, 11))
    assert "2026-03-11(周三)告知补正，补正期限至2026-04-01(周三)" in result.trace


def test_lapsed_supplement_concluded() -> None:
    events = [REQUEST, ClockEvent(engine.CONCLUDED, date(2026, 3, 27))]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 4, 1))
    assert result.status == engine.CONCLUDED_STATUS
    assert result.deadline is None
    assert not result.concluded_late
    assert result.concluded_on == date(2026, 3, 27)
    assert result.trace[-1] == "2026-03-27(周五)办结"
    assert "尚未收到补正，答复期限自收到补正之日起计算" not in result.trace
