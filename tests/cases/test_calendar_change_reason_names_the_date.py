"""A calendar change's history record says which of the case's dates changed and how: a provisional
deadline confirmed, a supplement notice's due date moved — not "答复期限由X变为X" when the reply deadline
itself stayed where it was."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from cases.models import Application
from cases.services.calendar import calendar_mark_year_covered, calendar_set_day
from cases.services.handling import application_set_deadline
from cases.services.handling import application_start_consultation as start_consultation

pytestmark = pytest.mark.django_db


def _reason(app) -> str:
    return app.history.order_by("-history_id").first().history_change_reason


def test_a_provisional_deadline_confirmed_is_said_so(register, people):
    with time_machine.travel(date(2026, 12, 15), tick=False):
        app = register(received_on=date(2026, 12, 15))
    assert app.deadline == date(2027, 1, 12) and app.deadline_provisional
    calendar_mark_year_covered(user=people[("jiangyi", "admin")], year=2027, source="国办X号")
    app.refresh_from_db()
    assert app.deadline == date(2027, 1, 12) and not app.deadline_provisional
    assert _reason(app) == "2027年节假日安排已公布（国办X号）：答复期限2027-01-12已确认"


def test_a_moved_supplement_notice_date_is_named(register, people, township_handler):
    app = register(received_on=date(2026, 11, 2))
    application_set_deadline(
        user=township_handler,
        application=app,
        on=date(2026, 11, 3),
        deadline=date(2027, 1, 4),
        reason="申请数量明显超过合理范围",
    )
    app.refresh_from_db()
    assert app.supplement_notice_due == date(2026, 11, 11)
    calendar_set_day(
        user=people[("jiangyi", "admin")], day=date(2026, 11, 4), workday=False, name="临时假日"
    )
    app.refresh_from_db()
    assert app.deadline == date(2027, 1, 4)  # the Art. 35 date is a date, not a count
    assert app.supplement_notice_due == date(2026, 11, 12)
    assert _reason(app) == (
        "节假日安排调整：2026-11-04 临时假日（放假）：补正告知期限由2026-11-11变为2026-11-12"
    )


def test_a_moved_deadline_keeps_its_words(register, people):
    app = register(received_on=date(2026, 11, 2))
    calendar_set_day(
        user=people[("jiangyi", "admin")], day=date(2026, 11, 20), workday=False, name="临时假日"
    )
    assert _reason(app) == (
        "节假日安排调整：2026-11-20 临时假日（放假）：答复期限由2026-11-30变为2026-12-01"
    )


def test_a_deadline_moved_and_confirmed_says_both(register, people):
    with time_machine.travel(date(2026, 12, 15), tick=False):
        app = register(received_on=date(2026, 12, 15))
    admin = people[("jiangyi", "admin")]
    calendar_set_day(user=admin, day=date(2027, 1, 1), workday=False, name="元旦")
    calendar_mark_year_covered(user=admin, year=2027, source="国办X号")
    assert _reason(app) == (
        "2027年节假日安排已公布（国办X号）：答复期限由2027-01-12变为2027-01-13（已确认）"
    )


def test_a_frozen_count_gone_with_an_unknown_deadline_is_not_named(
    register, people, township_handler
):
    app = register(received_on=date(2026, 9, 1))  # due 2026-09-29
    start_consultation(
        user=township_handler, application=app, on=date(2026, 11, 20), party="某公司"
    )
    app.refresh_from_db()
    assert app.deadline is not None and app.stopped_days_left is None
    Application.objects.filter(pk=app.pk).update(deadline=None, stopped_days_left=-37)
    call_command("recompute_deadlines", reason="升级", stdout=StringIO())
    assert _reason(app) == "升级：答复期限由未定变为2026-09-29"  # the count is gone with it
