"""Art. 35: a reasonable later date with its reason replaces the computed deadline (2019 text only)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.errors import StateConflict
from cases.services import handling

from .conftest import snapshot

pytestmark = pytest.mark.django_db
D = date
NOV20 = D(2026, 11, 20)
MAR31 = D(2027, 3, 31)


def set_deadline(app, handler, on=NOV20, deadline=MAR31, reason="申请数量明显超过合理范围"):
    return handling.application_set_deadline(
        user=handler, application=app, on=on, deadline=deadline, reason=reason
    )


def test_the_date_replaces_the_computed_one(case, handler):
    app = set_deadline(case, handler)
    assert app.deadline == D(2027, 3, 31) and app.deadline_provisional is False
    event = app.events.get(kind="deadline_set")
    assert event.deadline == D(2027, 3, 31) and event.note == "申请数量明显超过合理范围"


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"reason": ""}, "reason"),
        ({"deadline": D(2026, 11, 20)}, "deadline"),  # not after the notice
        ({"deadline": D(2026, 11, 27)}, "deadline"),  # not after the current deadline (11-30)
        ({"deadline": D(2027, 11, 30)}, "deadline"),  # more than a year
        ({"on": D(2026, 11, 25)}, "on"),
    ],
)
def test_refusals(case, handler, kw, field):
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        set_deadline(case, handler, **kw)
    assert field in exc.value.message_dict
    assert snapshot(case) == before


def test_not_for_a_2008_case(register, handler):
    old = register(received_on=D(2018, 3, 1))
    with pytest.raises(StateConflict, match="原《条例》"):
        set_deadline(old, handler, on=D(2018, 3, 5), deadline=D(2018, 6, 1))


def test_not_after_the_deadline_nor_while_stopped(register, case, handler):
    late = register(received_on=D(2026, 9, 1))
    with pytest.raises(StateConflict, match="届满前"):
        set_deadline(late, handler)
    handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 10), party="x"
    )
    before = snapshot(case)
    with pytest.raises(StateConflict):
        set_deadline(case, handler)
    assert snapshot(case) == before


def test_a_later_date_may_follow(case, handler):
    set_deadline(case, handler, deadline=D(2027, 1, 29))
    with pytest.raises(ValidationError):
        set_deadline(case, handler, on=D(2026, 11, 23), deadline=D(2027, 1, 15))
    assert set_deadline(case, handler, on=D(2026, 11, 23), deadline=D(2027, 2, 26)).deadline == D(
        2027, 2, 26
    )
