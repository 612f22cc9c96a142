"""The nightly conclusion of a lapsed fee is recorded in the case's history (修改历史) in the name of
the person it concludes the case for, as its event is: the command has no request, and the history
row had no user — the case page and a published report's list of changes said 系统 while the
conclusion's event named the handler."""

import pytest

from cases.services import fees

from .conftest import fresh

pytestmark = pytest.mark.django_db


def test_the_history_of_a_lapsed_conclusion_names_the_handler(lapsed, handler):
    assert [a.pk for a in fees.conclude_lapsed_fees()] == [lapsed.pk]
    latest = fresh(lapsed).history.order_by("-history_id").first()
    assert latest.status == "concluded"
    assert latest.history_change_reason.startswith("办结")
    assert latest.history_user == handler
    assert fresh(lapsed).events.get(kind="concluded").created_by == handler


def test_a_supervisor_concluding_for_a_moved_handler_is_named(lapsed, handler, sup):
    handler.role = "front_desk"
    handler.save(update_fields=["role"])
    fees.conclude_lapsed_fees()
    assert fresh(lapsed).history.order_by("-history_id").first().history_user == sup


def test_every_row_of_the_case_history_names_who_acted(lapsed, handler, sup, people):
    """Without a request (a script, the nightly job) each of the case's own history rows names the
    user the service acted for: the registration, each step, the void."""
    from cases.services.voiding import application_void

    fees.conclude_lapsed_fees()
    application_void(user=sup, application=lapsed, reason="重复登记")
    rows = fresh(lapsed).history.order_by("history_id")
    assert [(r.history_change_reason or "登记", r.history_user) for r in rows] == [
        ("登记", people[("jiangyi", "front_desk")]),
        ("收费通知（2026-10-08）", handler),
        (rows[2].history_change_reason, handler),
        ("作废：重复登记", sup),
    ]
    assert rows[2].history_change_reason.startswith("办结")
