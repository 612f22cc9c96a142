"""`manage.py recompute_deadlines` (docs/deployment.md §4, after an upgrade that changes the deadline
rules): a clock stored by an earlier release is counted again, with the reason in the case's history."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from cases.models import Application
from cases.services import handling

pytestmark = pytest.mark.django_db
D = date


def test_a_clock_stored_by_an_earlier_release_is_counted_again(register, township_handler):
    case = register(received_on=D(2026, 9, 1))  # due 2026-09-29
    handling.application_start_consultation(
        user=township_handler, application=case, on=D(2026, 11, 20), party="某建材公司"
    )
    # as the release before stored a stop begun after the deadline: no deadline, a frozen count
    Application.objects.filter(pk=case.pk).update(deadline=None, stopped_days_left=-37)
    out = StringIO()
    call_command("recompute_deadlines", reason="升级到1.1：期限规则更正", stdout=out)
    case.refresh_from_db()
    assert (case.deadline, case.stopped_days_left) == (D(2026, 9, 29), None)
    reason = case.history.first().history_change_reason
    assert reason == "升级到1.1：期限规则更正：答复期限由未定变为2026-09-29"
    assert "其中 1 件的日期有变化" in out.getvalue()


def test_nothing_moves_when_the_stored_clocks_are_current(register):
    case = register(received_on=D(2026, 11, 2))
    records = case.history.count()
    out = StringIO()
    call_command("recompute_deadlines", stdout=out)
    assert case.history.count() == records
    assert "其中 0 件的日期有变化" in out.getvalue()
