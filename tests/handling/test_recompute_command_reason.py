"""`manage.py recompute_deadlines --reason` is what every moved case's history says: a blank one is
refused before anything is counted (the history said "：答复期限由…变为…" with no reason)."""

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.models import Application
from cases.services import handling

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_blank_reason_is_refused_and_nothing_moves(register, township_handler, reason):
    case = register(received_on=date(2026, 9, 1))
    handling.application_start_consultation(
        user=township_handler, application=case, on=date(2026, 11, 20), party="某建材公司"
    )
    Application.objects.filter(pk=case.pk).update(deadline=None, stopped_days_left=-37)
    records = case.history.count()
    with pytest.raises(CommandError, match="--reason"):
        call_command("recompute_deadlines", "--reason", reason)
    case.refresh_from_db()
    assert (case.deadline, case.history.count()) == (None, records)


def test_a_reason_is_kept_without_its_surrounding_spaces(register, township_handler):
    case = register(received_on=date(2026, 9, 1))
    handling.application_start_consultation(
        user=township_handler, application=case, on=date(2026, 11, 20), party="某建材公司"
    )
    Application.objects.filter(pk=case.pk).update(deadline=None, stopped_days_left=-37)
    call_command("recompute_deadlines", "--reason", "  升级到1.1  ")
    assert case.history.first().history_change_reason.startswith("升级到1.1：")
