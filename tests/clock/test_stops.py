"""Stops: third-party consultation and fee notice to payment (law.md §3, §5)."""

from datetime import date

from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clock.engine import ClockEvent

CAL = WorkCalendar.from_chinese_calendar()
RECEIVED = date(2026, 3, 2)  # plain deadline 2026-03-30


def ev(kind: str, on: date, **kw: object) -> ClockEvent:
    return ClockEvent(kind=kind, on=on, **kw)  # type: ignore[arg-type]


def test_closed_consultation() -> None:
    # counted by 03-10: 6; stop removes 03-11..13, 03-16..20 (8); then 03-23..04-03 (10),
    # 04-06 清明 off, 04-07..10 (14) → 6 + 14 = 20
    events = [
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 10)),
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 20)),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 23))
    assert result.deadline == date(2026, 4, 10)
    assert result.status == engine.OPEN
    assert result.third_party_reply_due is None
    assert (
        "2026-03-10(周二)起征求第三方意见，至2026-03-20(周五)止，其间8个工作日不计入期限"
        in result.trace
    )


def test_open_consultation_freezes_the_count() -> None:
    events = [ev(engine.CONSULTATION_STARTED, date(2026, 3, 10))]
    for today in (date(2026, 3, 10), date(2026, 3, 25), date(2026, 6, 1)):
        result = engine.compute(RECEIVED, events, CAL, today)
        assert result.status == engine.CONSULTING
        assert result.deadline is None
        assert result.working_days_left == 14
        assert not result.overdue and not result.due_soon
    assert result.third_party_reply_due == date(2026, 3, 31)
    assert result.trace[-1] == "期限中止计算，已计6个工作日，剩余14个工作日"
    before = engine.compute(RECEIVED, events, CAL, date(2026, 3, 5))
    assert before.working_days_left == 17  # today before the stop: counting as usual


def test_open_consultation_trace_tells_the_days_counted_before_it() -> None:
    # 03-31..04-03 (4), 04-06 清明 off, 04-07, 04-08 (6): the stop's first day still counts
    events = [ev(engine.CONSULTATION_STARTED, date(2026, 4, 8))]
    result = engine.compute(date(2026, 3, 30), events, CAL, date(2026, 4, 9))
    assert result.trace == (
        "2026-03-30(周一)收到申请",
        "依2019年《条例》第三十三条，答复期限20个工作日",
        "2026-04-08(周三)起征求第三方意见，尚未结束，其间不计入期限",
        "其间清明节放假，不计入工作日",
        "按2026年节假日安排计算",
        "期限中止计算，已计6个工作日，剩余14个工作日",
    )


def test_open_stop_after_the_count_ran_out_is_overdue() -> None:
    # begun after the 20th day (03-30), the stop cannot move the deadline: it stays known
    events = [ev(engine.CONSULTATION_STARTED, date(2026, 4, 1))]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 4, 10))
    assert result.status == engine.CONSULTING
    assert result.deadline == date(2026, 3, 30)
    assert result.working_days_left == -8  # 03-31 … 04-10, 清明 04-06 off
    assert result.overdue
    assert result.trace[-1] == "截止2026-03-30(周一)"


def test_open_stop_begun_on_the_last_day_keeps_that_deadline() -> None:
    # the 20th working day, 03-30, still counts (law.md §3: a stop from A removes the days after A),
    # so a stop begun that day cannot move the deadline: the case is overdue after it, as concluding
    # then is late (overdue and concluded late agree)
    events = [ev(engine.CONSULTATION_STARTED, date(2026, 3, 30))]
    on_the_day = engine.compute(RECEIVED, events, CAL, date(2026, 3, 30))
    assert on_the_day.deadline == date(2026, 3, 30)
    assert on_the_day.working_days_left == 0 and on_the_day.due_soon and not on_the_day.overdue
    later = engine.compute(RECEIVED, events, CAL, date(2026, 4, 8))
    assert later.status == engine.CONSULTING
    assert later.deadline == date(2026, 3, 30)
    assert later.overdue and later.working_days_left == -6  # 03-31 … 04-08, 清明 04-06 off
    assert later.trace[-1] == "截止2026-03-30(周一)"
    late = engine.compute(
        RECEIVED, [*events, ev(engine.CONCLUDED, date(2026, 4, 8))], CAL, date(2026, 4, 8)
    )
    assert late.concluded_late and late.deadline == later.deadline
    # one day left when the stop begins: the deadline is unknown until it ends, as before
    earlier = [ev(engine.CONSULTATION_STARTED, date(2026, 3, 27))]
    result = engine.compute(RECEIVED, earlier, CAL, date(2026, 4, 8))
    assert result.deadline is None and result.working_days_left == 1 and not result.overdue


def test_fee_notice_on_the_weekend_after_a_friday_deadline_is_overdue_at_once() -> None:
    received = date(2026, 3, 6)  # due Fri 2026-04-03
    events = [ev(engine.FEE_NOTIFIED, date(2026, 4, 4))]  # Saturday (清明 holiday)
    result = engine.compute(received, events, CAL, date(2026, 4, 7))
    assert result.status == engine.AWAITING_FEE
    assert result.deadline == date(2026, 4, 3)
    assert result.overdue and result.working_days_left == -1  # 04-07; 04-06 is 清明


def test_concurrent_consultations_stop_until_the_last_ends() -> None:
    events = [
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 10)),
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 12)),
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 16)),
    ]
    assert engine.compute(RECEIVED, events, CAL, date(2026, 3, 17)).status == engine.CONSULTING
    events.append(ev(engine.CONSULTATION_ENDED, date(2026, 3, 20)))
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 23))
    assert result.deadline == date(2026, 4, 10)  # one stop, 03-10 to 03-20


def test_stop_spanning_spring_festival() -> None:
    # 2026-02-02 + 20 = 2026-03-06; stop (02-11, 02-25] removes 02-12, 02-13, 02-14 Sat make-up,
    # 02-24, 02-25 (5; 02-15..23 are off anyway) → 2026-03-13
    assert engine.compute(date(2026, 2, 2), [], CAL, date(2026, 2, 2)).deadline == date(2026, 3, 6)
    events = [
        ev(engine.CONSULTATION_STARTED, date(2026, 2, 11)),
        ev(engine.CONSULTATION_ENDED, date(2026, 2, 25)),
    ]
    result = engine.compute(date(2026, 2, 2), events, CAL, date(2026, 2, 26))
    assert result.deadline == date(2026, 3, 13)
    assert any("其间5个工作日不计入期限" in line for line in result.trace)


def test_overlapping_stops_are_merged() -> None:
    # union (03-10, 03-25] removes 11 working days; 6 counted before, 14 after: 03-26..04-15
    events = [
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 10)),
        ev(engine.FEE_NOTIFIED, date(2026, 3, 17)),
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 20)),
        ev(engine.FEE_PAID, date(2026, 3, 25)),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 26))
    assert result.deadline == date(2026, 4, 15)
    fee_line = next(line for line in result.trace if "收费通知" in line)
    assert fee_line == (
        "2026-03-17(周二)发出收费通知，至2026-03-25(周三)缴费止，其间3个工作日不计入期限"
        "（与其他中止期间重叠的3个工作日不重复计算）"
    )


def test_stop_inside_another_adds_nothing() -> None:
    outer = [
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 10)),
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 20)),
    ]
    inner = [ev(engine.FEE_NOTIFIED, date(2026, 3, 12)), ev(engine.FEE_WAIVED, date(2026, 3, 16))]
    both = engine.compute(RECEIVED, outer + inner, CAL, date(2026, 3, 23))
    assert both.deadline == engine.compute(RECEIVED, outer, CAL, date(2026, 3, 23)).deadline


def test_each_stop_line_counts_only_the_days_no_earlier_stop_took_out() -> None:
    """The engine reads any events (the services never let stops overlap): a stop's line counts the
    working days it took out of the count that no stop begun before it had taken out already."""
    # fee (03-10, 03-31] takes 15; a consultation inside it none of its 2; one from 03-18 to 04-03
    # only 04-01..03 of its 12. Counted: 03-03..10 (6), then 04-07..24 (14; 04-06 清明 off)
    events = [
        ev(engine.FEE_NOTIFIED, date(2026, 3, 10)),
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 12)),
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 16)),
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 18)),
        ev(engine.FEE_PAID, date(2026, 3, 31)),
        ev(engine.CONSULTATION_ENDED, date(2026, 4, 3)),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 4, 3))
    assert result.deadline == date(2026, 4, 24)
    assert result.trace[2:5] == (
        "2026-03-10(周二)发出收费通知，至2026-03-31(周二)缴费止，其间15个工作日不计入期限",
        "2026-03-12(周四)起征求第三方意见，至2026-03-16(周一)止，其间0个工作日不计入期限"
        "（与其他中止期间重叠的2个工作日不重复计算）",
        "2026-03-18(周三)起征求第三方意见，至2026-04-03(周五)止，其间3个工作日不计入期限"
        "（与其他中止期间重叠的9个工作日不重复计算）",
    )
    # a stop inside one still open takes nothing out either
    inside_open = [
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 10)),
        ev(engine.FEE_NOTIFIED, date(2026, 3, 12)),
        ev(engine.FEE_WAIVED, date(2026, 3, 16)),
    ]
    result = engine.compute(RECEIVED, inside_open, CAL, date(2026, 3, 17))
    assert result.trace[3] == (
        "2026-03-12(周四)发出收费通知，至2026-03-16(周一)减免费用止，其间0个工作日不计入期限"
        "（与其他中止期间重叠的2个工作日不重复计算）"
    )


def test_open_fee_notice() -> None:
    events = [ev(engine.FEE_NOTIFIED, date(2026, 3, 10))]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 20))
    assert result.status == engine.AWAITING_FEE
    assert result.deadline is None
    assert result.working_days_left == 14
    # 03-10 + 20: 03-11..13 (3), 03-16..04-03 (18), 04-06 off, 04-07, 04-08
    assert result.fee_payment_due == date(2026, 4, 8)
    assert (
        "2026-03-10(周二)发出收费通知，尚未缴费，其间不计入期限（应于2026-04-08(周三)前缴费）"
        in result.trace
    )
    paid = [*events, ev(engine.FEE_PAID, date(2026, 3, 20))]
    after = engine.compute(RECEIVED, paid, CAL, date(2026, 3, 20))
    assert after.fee_payment_due is None
    assert after.deadline == date(2026, 4, 10)


def test_stop_ending_the_day_it_starts_removes_nothing() -> None:
    events = [
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 10)),
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 10)),
    ]
    assert engine.compute(RECEIVED, events, CAL, date(2026, 3, 10)).deadline == date(2026, 3, 30)


def test_unmatched_end_and_unknown_kinds_are_ignored() -> None:
    events = [
        ev("registered", RECEIVED),
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 10)),
        ev("assigned", date(2026, 3, 11)),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 11))
    assert result.deadline == date(2026, 3, 30)
    assert result.status == engine.OPEN


def test_events_are_sorted_by_date() -> None:
    events = [
        ev(engine.CONSULTATION_ENDED, date(2026, 3, 20)),
        ev(engine.CONSULTATION_STARTED, date(2026, 3, 10)),
    ]
    assert engine.compute(RECEIVED, events, CAL, date(2026, 3, 23)).deadline == date(2026, 4, 10)
