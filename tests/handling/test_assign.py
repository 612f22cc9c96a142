"""Assign and reassign (supervisors): the handler must be active staff of the case's office."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.errors import StateConflict
from cases.services import handling
from tests.conftest import make_user

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db


def test_assign_then_reassign(case, sup, handler):
    app = handling.application_assign(user=sup, application=case, handler=handler)
    assert app.handler == handler and app.version == case.version + 1
    other = make_user(case.agency, "handler", "jiangyi-handler-2")
    handling.application_assign(user=sup, application=case, handler=other)
    assert fresh(case).handler == other
    notes = list(case.events.filter(kind="assigned").values_list("note", flat=True))
    assert notes[0].startswith("分办给") and notes[1].startswith("由")


def test_supervisor_may_take_the_case_himself(case, sup):
    assert handling.application_assign(user=sup, application=case, handler=sup).handler == sup


def test_a_handler_may_not_assign(case, handler):
    before = snapshot(case)
    with pytest.raises(PermissionDenied):
        handling.application_assign(user=handler, application=case, handler=handler)
    assert snapshot(case) == before


@pytest.mark.parametrize("who", ["county-handler", "jiangyi-front_desk", "inactive", "same"])
def test_assign_refusals(case, sup, people, handler, who):
    handling.application_assign(user=sup, application=case, handler=handler)
    target = {
        "county-handler": people[("county", "handler")],
        "jiangyi-front_desk": people[("jiangyi", "front_desk")],
        "same": handler,
    }.get(who)
    if who == "inactive":
        target = make_user(case.agency, "handler", "gone")
        target.is_active = False
        target.save()
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        handling.application_assign(user=sup, application=case, handler=target)
    assert "handler" in exc.value.message_dict
    assert snapshot(case) == before


def test_a_concluded_case_is_not_reassigned(case, sup, handler):
    handling.application_conclude(
        user=handler, application=case, on=case.received_on, outcome="disclose"
    )
    before = snapshot(case)
    with pytest.raises(StateConflict):
        handling.application_assign(user=sup, application=case, handler=handler)
    assert snapshot(case) == before
