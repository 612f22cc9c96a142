"""Supplement (补正, law.md §4): one notice per case with the items and the period; the clock restarts
from the day the supplement arrives; lapsed → other.no_supplement; still unclear → unable.still_unclear."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from cases.clocksync import get_calendar
from cases.errors import StateConflict
from cases.services import handling

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db
D = date
NOV3 = D(2026, 11, 3)


def request(case, handler, on=NOV3, **kw):
    kw.setdefault("items_to_supplement", "请写明所需信息的年度")
    return handling.application_request_supplement(user=handler, application=case, on=on, **kw)


def test_request_stops_the_clock_until_the_supplement(case, handler):
    app = request(case, handler, period_days=5)
    assert app.status == "awaiting_supplement" and app.deadline is None
    event = app.events.get(kind="supplement_requested")
    assert event.days == 5 and event.note == "请写明所需信息的年度"
    assert app.supplement_notice_due == D(2026, 11, 11)


def test_receive_restarts_the_clock_with_the_full_limit(case, handler):
    request(case, handler)
    app = handling.application_receive_supplement(
        user=handler, application=case, on=D(2026, 11, 10)
    )
    assert app.status == "open"
    assert app.deadline == D(2026, 12, 8)  # 20 working days after Tue 11-10


def test_one_notice_per_case(case, handler):
    request(case, handler)
    handling.application_receive_supplement(user=handler, application=case, on=D(2026, 11, 5))
    before = snapshot(case)
    with pytest.raises(StateConflict, match="一次性"):
        request(case, handler, on=D(2026, 11, 6))
    assert snapshot(case) == before


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"items_to_supplement": "  "}, "items_to_supplement"),
        ({"due_on": D(2026, 11, 3)}, "due_on"),
        ({"period_days": 0}, "period_days"),
        ({"period_days": 61}, "period_days"),
        ({"on": D(2026, 11, 25)}, "on"),
        ({"on": D(2026, 11, 1)}, "on"),
    ],
)
def test_request_refusals(case, handler, kw, field):
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        request(case, handler, **kw)
    assert field in exc.value.message_dict
    assert snapshot(case) == before


def test_a_due_date_is_held_to_the_longest_period(case, handler):
    """A period is 1–60 working days; a due date given instead was not bounded (2029-01-01 went in,
    stopping the case's clock for two years)."""
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        request(case, handler, due_on=D(2029, 1, 1))
    assert "60个工作日" in exc.value.message_dict["due_on"][0]
    assert snapshot(case) == before
    latest = get_calendar().add_working_days(NOV3, 60)
    assert latest > D(2027, 1, 25)  # 42 working days are left in 2026 after Tue 11-03
    with pytest.raises(ValidationError):
        request(case, handler, due_on=latest + timedelta(days=1))
    app = request(case, handler, due_on=latest)
    assert app.supplement_notice_due == D(2026, 11, 11) and app.status == "awaiting_supplement"


def test_request_only_while_the_clock_runs(case, handler):
    handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 3), party="x"
    )
    before = snapshot(case)
    with pytest.raises(StateConflict):
        request(case, handler, on=D(2026, 11, 4))
    assert snapshot(case) == before


def test_receive_refusals(case, handler):
    with pytest.raises(StateConflict, match="没有待收的补正"):
        handling.application_receive_supplement(user=handler, application=case, on=D(2026, 11, 5))
    request(case, handler, on=D(2026, 11, 6))
    before = snapshot(case)
    with pytest.raises(ValidationError, match="上一办理环节"):
        handling.application_receive_supplement(user=handler, application=case, on=D(2026, 11, 5))
    with pytest.raises(ValidationError, match="晚于今天"):
        handling.application_receive_supplement(user=handler, application=case, on=D(2026, 11, 25))
    assert snapshot(case) == before


def test_a_late_supplement_needs_the_good_reason(case, handler):
    request(case, handler, due_on=D(2026, 11, 10))
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        handling.application_receive_supplement(user=handler, application=case, on=D(2026, 11, 12))
    assert "2026-11-10" in exc.value.message_dict["note"][0]
    assert snapshot(case) == before
    app = handling.application_receive_supplement(
        user=handler, application=case, on=D(2026, 11, 12), note="申请人住院，有医院证明"
    )
    assert app.status == "open"


def test_lapsed_period_concludes_as_no_supplement(case, handler):
    request(case, handler, period_days=5)  # period ends Tue 11-10
    before = snapshot(case)
    with pytest.raises(StateConflict, match="尚未届满"):
        handling.application_conclude(
            user=handler, application=case, on=D(2026, 11, 10), outcome="other.no_supplement"
        )
    assert snapshot(case) == before
    app = handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 11), outcome="other.no_supplement"
    )
    assert app.outcome == "other.no_supplement" and app.status == "concluded"


def test_no_supplement_only_while_awaiting_one(case, handler):
    with pytest.raises(StateConflict, match="逾期不补正"):
        handling.application_conclude(
            user=handler, application=case, on=D(2026, 11, 20), outcome="other.no_supplement"
        )


def test_still_unclear_only_after_a_supplement(case, handler):
    reason = {"reason": "补正后仍无法确定所需信息", "basis": "《条例》第三十条"}
    with pytest.raises(StateConflict, match="补正"):
        handling.application_conclude(
            user=handler,
            application=case,
            on=D(2026, 11, 20),
            outcome="unable.still_unclear",
            **reason,
        )
    request(case, handler)
    handling.application_receive_supplement(user=handler, application=case, on=D(2026, 11, 5))
    app = handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 20), outcome="unable.still_unclear", **reason
    )
    assert fresh(app).outcome == "unable.still_unclear"


def test_reply_while_awaiting_supplement_is_refused(case, handler):
    request(case, handler)
    with pytest.raises(StateConflict, match="等待补正"):
        handling.application_conclude(
            user=handler, application=case, on=D(2026, 11, 20), outcome="disclose"
        )
