"""Third-party (Art. 32) and other-office (Art. 34) consultation: the clock stops while it runs."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.errors import StateConflict
from cases.services import handling

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db
D = date
NOV10 = D(2026, 11, 10)


def start(case, handler, on=NOV10, **kw):
    kw.setdefault("party", "某建材公司")
    return handling.application_start_consultation(user=handler, application=case, on=on, **kw)


def test_start_stops_and_end_restarts_the_clock(case, handler):
    app = start(case, handler)
    assert app.status == "consulting" and app.deadline is None
    assert app.stopped_days_left == 14  # 6 of 20 working days used by Tue 11-10
    assert app.events.get(kind="consultation_started").data == {"party_kind": "third_party"}
    app = handling.application_end_consultation(
        user=handler, application=case, on=D(2026, 11, 17), note="不同意公开"
    )
    assert app.status == "open"
    assert app.deadline == D(2026, 12, 7)  # 11-30 + the 5 working days 11-11 … 11-17


def test_another_office_may_be_consulted(case, handler):
    app = start(case, handler, party="元谋县自然资源局", party_kind="agency")
    assert app.events.get(kind="consultation_started").data == {"party_kind": "agency"}


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"party": " "}, "party"),
        ({"party_kind": "friend"}, "party_kind"),
        ({"on": D(2026, 11, 25)}, "on"),
        ({"on": D(2026, 10, 30)}, "on"),
    ],
)
def test_start_refusals(case, handler, kw, field):
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        start(case, handler, **kw)
    assert field in exc.value.message_dict
    assert snapshot(case) == before


def test_one_consultation_at_a_time_and_none_while_awaiting_supplement(case, handler):
    start(case, handler)
    before = snapshot(case)
    with pytest.raises(StateConflict):
        start(case, handler, on=D(2026, 11, 11))
    assert snapshot(case) == before


def test_end_refusals(case, handler):
    with pytest.raises(StateConflict, match="没有正在进行的征求意见"):
        handling.application_end_consultation(user=handler, application=case, on=D(2026, 11, 10))
    start(case, handler)
    before = snapshot(case)
    with pytest.raises(ValidationError, match="上一办理环节"):
        handling.application_end_consultation(user=handler, application=case, on=D(2026, 11, 9))
    assert snapshot(case) == before


def test_no_reply_while_consulting(case, handler):
    start(case, handler)
    with pytest.raises(StateConflict, match="先结束征求意见"):
        handling.application_conclude(
            user=handler, application=case, on=D(2026, 11, 20), outcome="disclose"
        )


def test_a_stop_begun_after_the_deadline_stays_overdue(register, handler):
    late = register(received_on=D(2026, 9, 1))  # due 2026-09-29
    app = start(late, handler, on=D(2026, 11, 20))
    assert app.deadline == D(2026, 9, 29) and fresh(app).stopped_days_left is None
    from cases.models import Application
    from cases.selectors import countdown, overdue

    assert overdue(Application.objects.all()).filter(pk=late.pk).exists()
    assert countdown(fresh(app)).css == "overdue"


def test_a_stop_begun_on_the_last_day_is_overdue_after_it(register, handler, handler_client):
    last_day = register(received_on=D(2026, 10, 23))  # due Fri 2026-11-20
    app = start(last_day, handler, on=D(2026, 11, 20))
    from cases.models import Application
    from cases.selectors import countdown, overdue

    # 11-20 still counted: the consultation cannot move the deadline, and today (11-24) is past it
    app = fresh(app)
    assert app.status == "consulting" and app.deadline == D(2026, 11, 20)
    assert app.stopped_days_left is None
    assert overdue(Application.objects.all()).filter(pk=app.pk).exists()
    assert countdown(app).text == "已超期2个工作日"
    body = handler_client.get(f"/api/v1/applications/{app.pk}/").json()
    assert body["overdue"] is True and body["deadline"] == "2026-11-20"
