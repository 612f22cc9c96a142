"""Extensions (summed, capped) and the Art. 35 date that replaces the computed deadline."""

from datetime import date

import pytest

from cases.clock import engine
from cases.clock.calendar import WorkCalendar
from cases.clock.engine import ClockEvent

CAL = WorkCalendar.from_chinese_calendar()
RECEIVED = date(2026, 3, 2)  # plain deadline 2026-03-30


def extended(on: date, days: int, reason: str = "") -> ClockEvent:
    return ClockEvent(engine.EXTENDED, on, days=days, reason=reason)


def test_one_extension() -> None:
    # 03-30 is the 20th; 03-31..04-03 (24), 04-06 off, 04-07..10 (28), 04-13, 04-14 (30)
    events = [extended(date(2026, 3, 20), 10, "需调取档案")]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 20))
    assert result.extension_days == 10
    assert result.deadline == date(2026, 4, 14)
    assert (
        "2026-03-20(周五)延长答复期限10个工作日（累计10个，上限20个），理由：需调取档案"
        in result.trace
    )


def test_extensions_sum_up_to_the_cap() -> None:
    # 40th working day after 03-02: ..., 04-27 (39), 04-28 (40)
    events = [extended(date(2026, 3, 20), 10), extended(date(2026, 3, 27), 10)]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 3, 27))
    assert result.extension_days == 20
    assert result.deadline == date(2026, 4, 28)
    assert "2026-03-27(周五)延长答复期限10个工作日（累计20个，上限20个）" in result.trace


def test_extensions_over_the_cap_raise() -> None:
    events = [extended(date(2026, 3, 20), 10), extended(date(2026, 3, 27), 11)]
    with pytest.raises(ValueError, match="超过上限20个工作日"):
        engine.compute(RECEIVED, events, CAL, date(2026, 3, 27))


def test_2008_cap_is_15() -> None:
    received = date(2019, 1, 2)
    engine.compute(received, [extended(date(2019, 1, 10), 15)], CAL, received)
    with pytest.raises(ValueError):
        engine.compute(
            received,
            [extended(date(2019, 1, 10), 10), extended(date(2019, 1, 20), 6)],
            CAL,
            received,
        )


def test_extension_days_must_be_positive() -> None:
    with pytest.raises(ValueError):
        engine.compute(RECEIVED, [ClockEvent(engine.EXTENDED, date(2026, 3, 5))], CAL, RECEIVED)
    with pytest.raises(ValueError):
        engine.extension_total([extended(date(2026, 3, 5), 0)], 20)


def test_article_35_date_replaces_the_deadline() -> None:
    events = [
        ClockEvent(
            engine.DEADLINE_SET,
            date(2026, 3, 20),
            deadline=date(2026, 5, 29),
            reason="数量明显超过合理范围",
        ),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 5, 28))
    assert result.deadline == date(2026, 5, 29)
    assert result.working_days_left == 1
    assert not result.provisional
    assert (
        "2026-03-20(周五)依2019年《条例》第三十五条确定答复期限至2026-05-29(周五)，理由：数量明显超过合理范围"
        in result.trace
    )
    assert "按法定期限计算应为2026-03-30(周一)，以确定的答复期限为准" in result.trace
    assert result.trace[-1] == "截止2026-05-29(周五)"


def test_latest_article_35_date_wins() -> None:
    events = [
        ClockEvent(engine.DEADLINE_SET, date(2026, 3, 20), deadline=date(2026, 5, 29)),
        ClockEvent(engine.DEADLINE_SET, date(2026, 3, 25), deadline=date(2026, 6, 30)),
    ]
    assert engine.compute(RECEIVED, events, CAL, date(2026, 4, 1)).deadline == date(2026, 6, 30)


def test_article_35_date_stands_while_a_consultation_runs() -> None:
    """The Art. 35 date is fixed by a person, not counted (engine.py): a stop begun after it leaves
    it in place, where the computed deadline would be unknown until the stop ends."""
    events = [
        ClockEvent(engine.DEADLINE_SET, date(2026, 3, 20), deadline=date(2026, 5, 29)),
        ClockEvent(engine.CONSULTATION_STARTED, date(2026, 3, 25)),
    ]
    result = engine.compute(RECEIVED, events, CAL, date(2026, 5, 28))
    assert result.status == engine.CONSULTING
    assert result.deadline == date(2026, 5, 29)
    assert result.working_days_left == 1
    assert "以确定的答复期限为准" in result.trace
    assert result.trace[-1] == "截止2026-05-29(周五)"


def test_a_date_fixed_under_the_2008_text_cites_no_article_35() -> None:
    # Art. 35 is an article of the 2019 text only
    events = [ClockEvent(engine.DEADLINE_SET, date(2019, 1, 10), deadline=date(2019, 3, 29))]
    result = engine.compute(date(2019, 1, 2), events, CAL, date(2019, 1, 10))
    assert result.deadline == date(2019, 3, 29)
    assert "2019-01-10(周四)确定答复期限至2019-03-29(周五)" in result.trace
    assert not any("第三十五条" in line for line in result.trace)


def test_article_35_date_in_an_uncovered_year_is_not_provisional() -> None:
    events = [ClockEvent(engine.DEADLINE_SET, date(2026, 12, 21), deadline=date(2027, 2, 26))]
    result = engine.compute(date(2026, 12, 15), events, CAL, date(2026, 12, 21))
    assert result.deadline == date(2027, 2, 26)
    assert not result.provisional
