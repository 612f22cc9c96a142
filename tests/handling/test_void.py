"""Voiding is a change of the case like any other: it is made on the row as it is now (locked), never
on the copy the void page read, and a voided case takes no further action (law: nothing is lost)."""

from datetime import date

import pytest

from cases.errors import StateConflict
from cases.models import ApplicationEvent
from cases.services import fees, handling
from cases.services.voiding import application_void

from .conftest import fresh

pytestmark = pytest.mark.django_db
D = date


def test_voiding_does_not_write_back_the_copy_it_was_given(case, handler, sup):
    """The void page read the case; a handler concluded it before the supervisor submitted the void.
    The conclusion stays on the row (the void adds its own fields and nothing else)."""
    read_by_the_void_page = fresh(case)
    handling.application_conclude(
        user=handler, application=fresh(case), on=D(2026, 11, 20), outcome="disclose"
    )
    concluded = fresh(case)
    application_void(user=sup, application=read_by_the_void_page, reason="重复登记")
    after = fresh(case)
    assert after.is_voided and after.void_reason == "重复登记"
    assert (after.status, after.outcome, after.concluded_on, after.deadline) == (
        "concluded",
        "disclose",
        D(2026, 11, 20),
        concluded.deadline,
    )
    assert after.version > concluded.version  # a change like any other
    assert after.history.order_by("-history_id").first().status == "concluded"


def test_a_case_voided_meanwhile_takes_no_action(case, handler, sup):
    """The handler's page read the case before a supervisor voided it: the handler's action is refused
    and nothing is recorded on the voided case."""
    read_by_the_handler = fresh(case)
    application_void(user=sup, application=fresh(case), reason="重复登记")
    with pytest.raises(StateConflict, match="作废"):
        handling.application_conclude(
            user=handler, application=read_by_the_handler, on=D(2026, 11, 20), outcome="disclose"
        )
    after = fresh(case)
    assert after.status == "open" and after.outcome == ""
    assert not ApplicationEvent.objects.filter(application=case, kind="concluded").exists()


def test_the_nightly_lapse_does_not_conclude_a_case_voided_as_it_runs(register, handler, sup):
    """conclude_lapsed_fees lists the lapsed cases first, then concludes them one by one; a case voided
    in between is left alone."""
    case = register(received_on=D(2026, 10, 7))
    fees.fee_notify(user=handler, application=case, on=D(2026, 10, 8), method="per_page", pages=40)
    lapsed = list(fees.lapsed_fee_cases())
    assert [a.pk for a in lapsed] == [case.pk]
    application_void(user=sup, application=fresh(case), reason="登记错误")
    with pytest.raises(StateConflict):
        handling.application_conclude(
            user=handler,
            application=lapsed[0],
            on=D(2026, 11, 24),
            outcome="other.fee_unpaid",
            reason="逾期未缴费",
            basis="第四十二条",
        )
    assert fresh(case).status == "awaiting_fee"


def test_voiding_twice_is_refused(case, sup):
    first, second = fresh(case), fresh(case)
    application_void(user=sup, application=first, reason="甲")
    with pytest.raises(StateConflict, match="已作废"):
        application_void(user=sup, application=second, reason="乙")
    assert fresh(case).void_reason == "甲"
    assert ApplicationEvent.objects.filter(application=case, kind="voided").count() == 1
