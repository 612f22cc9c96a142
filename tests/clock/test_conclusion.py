"""Conclusion (on time, late, on the spot, withdrawn) and status derivation."""

from datetime import date

import pytest

from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clock.engine import ClockEvent

CAL = WorkCalendar.from_chinese_calendar()
RECEIVED = date(2026, 3, 2)  # plain deadline 2026-03-30


def concluded(on: date, kind: str = engine.CONCLUDED) -> engine.ClockResult:
    return engine.compute(RECEIVED, [ClockEvent(kind, on)], CAL, date(2026, 5, 1))


def test_concluded_on_the_deadline_is_on_time() -> None:
    result = concluded(date(2026, 3, 30))
    assert result.status == engine.CONCLUDED_STATUS
    assert result.concluded_on == date(2026, 3, 30)
    assert not result.concluded_late
    assert result.working_days_left is None
    assert not result.overdue and not result.due_soon
    assert result.trace[-1] == "2026-03-30(周一)办结"


def test_concluded_the_day_after_is_late() -> None:
    result = concluded(date(2026, 3, 31))
    assert result.concluded_late
    assert result.trace[-1] == "2026-03-31(周二)办结，晚于答复期限2026-03-30(周一)（超期1个工作日）"


def test_concluded_on_the_weekend_after_the_deadline_is_late_by_no_working_day() -> None:
    received = date(2026, 3, 6)  # due Fri 2026-04-03
    events = [ClockEvent(engine.CONCLUDED, date(2026, 4, 4))]  # Saturday (清明 holiday)
    result = engine.compute(received, events, CAL, date(2026, 4, 7))
    assert result.deadline == date(2026, 4, 3)
    assert result.concluded_late
    assert result.trace[-1] == "2026-04-04(周六)办结，晚于答复期限2026-04-03(周五)"


def test_on_the_spot_reply() -> None:
    result = concluded(RECEIVED)
    assert result.concluded_on == RECEIVED
    assert result.deadline == date(2026, 3, 30)
    assert not result.concluded_late


def test_withdrawn() -> None:
    result = concluded(date(2026, 3, 10), engine.WITHDRAWN)
    assert result.status == engine.CONCLUDED_STATUS
    assert result.trace[-1] == "2026-03-10(周二)申请人撤回申请"


def test_events_after_the_conclusion_are_ignored() -> None:
    events = [
        ClockEvent(engine.CONCLUDED, date(2026, 3, 20)),
        ClockEvent(engine.CONSULTATION_STARTED, date(2026, 3, 23)),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 4, 1))
    assert result.status == engine.CONCLUDED_STATUS
    assert result.deadline == date(2026, 3, 30)


def test_open_stop_is_closed_by_the_conclusion() -> None:
    # the count ran out on 03-30, before the consultation began: concluding during it is late
    late = [
        ClockEvent(engine.CONSULTATION_STARTED, date(2026, 4, 1)),
        ClockEvent(engine.CONCLUDED, date(2026, 4, 10)),
    ]
    result = engine.compute(RECEIVED, late, CAL, date(2026, 4, 10))
    assert result.deadline == date(2026, 3, 30)
    assert result.concluded_late
    assert result.third_party_reply_due is None
    # a fee left unpaid stops the clock until the case is closed: not late
    unpaid = [
        ClockEvent(engine.FEE_NOTIFIED, date(2026, 3, 10)),
        ClockEvent(engine.CONCLUDED, date(2026, 4, 9)),
    ]
    result = engine.compute(RECEIVED, unpaid, CAL, date(2026, 4, 10))
    assert not result.concluded_late
    assert result.fee_payment_due is None
    assert any("至2026-04-09(周四)办结止" in line for line in result.trace)


@pytest.mark.parametrize(
    ("kinds", "status"),
    [
        ([], engine.OPEN),
        ([engine.SUPPLEMENT_REQUESTED], engine.AWAITING_SUPPLEMENT),
        ([engine.SUPPLEMENT_REQUESTED, engine.SUPPLEMENT_RECEIVED], engine.OPEN),
        ([engine.CONSULTATION_STARTED], engine.CONSULTING),
        ([engine.CONSULTATION_STARTED, engine.CONSULTATION_ENDED], engine.OPEN),
        ([engine.FEE_NOTIFIED], engine.AWAITING_FEE),
        ([engine.FEE_NOTIFIED, engine.FEE_PAID], engine.OPEN),
        ([engine.FEE_NOTIFIED, engine.FEE_WAIVED], engine.OPEN),
        ([engine.FEE_NOTIFIED, engine.CONSULTATION_STARTED], engine.CONSULTING),
        ([engine.EXTENDED], engine.OPEN),
        ([engine.CONSULTATION_STARTED, engine.CONCLUDED], engine.CONCLUDED_STATUS),
        ([engine.SUPPLEMENT_REQUESTED, engine.WITHDRAWN], engine.CONCLUDED_STATUS),
    ],
)
def test_derive_status(kinds: list[str], status: str) -> None:
    events = [ClockEvent(k, date(2026, 3, 3 + i), days=5) for i, k in enumerate(kinds)]
    assert engine.derive_status(events) == status
    assert engine.compute(RECEIVED, events, CAL, date(2026, 3, 20)).status == status
