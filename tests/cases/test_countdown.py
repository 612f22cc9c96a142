"""The live countdown shown wherever a case is listed: 剩余N个工作日 / 今日到期 / 已超期N个工作日 / 待确认."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from cases.models import Application
from cases.selectors import countdown, overdue
from cases.services.handling import application_start_consultation

pytestmark = pytest.mark.django_db


def test_days_left_due_today_and_overdue(register):
    app = register(received_on=date(2026, 11, 2))  # deadline 2026-11-30
    assert countdown(app).text == "剩余4个工作日"  # today 2026-11-24: 25, 26, 27, 30
    assert countdown(app).css == "ok"
    assert countdown(app, today=date(2026, 11, 27)).css == "due-soon"
    assert countdown(app, today=date(2026, 11, 30)).text == "今日到期"
    assert countdown(app, today=date(2026, 12, 2)).text == "已超期2个工作日"


def test_stopped_clock_shows_frozen_days(register, township_handler):
    app = register(received_on=date(2026, 11, 2))
    application_start_consultation(
        user=township_handler, application=app, on=date(2026, 11, 10), party="第三方"
    )
    app.refresh_from_db()
    assert app.deadline is None
    assert countdown(app).text == "期限中止，剩余14个工作日"  # 6 of 20 counted: Nov 3–6, 9, 10


def test_stop_after_the_deadline_still_counts_as_overdue(register, township_handler):
    app = register(received_on=date(2026, 10, 9))  # deadline passed before today
    with time_machine.travel("2026-11-24T10:00+08:00", tick=False):
        application_start_consultation(
            user=township_handler, application=app, on=date(2026, 11, 20), party="x"
        )
    app.refresh_from_db()
    assert countdown(app).css == "overdue"
    assert app.deadline == date(2026, 11, 5)  # the stop, begun after it, cannot move it
    assert countdown(app).text == "已超期13个工作日"
    assert app in overdue(Application.objects.all())


def test_list_page_shows_countdown_and_provisional_marker(client, register, township_handler):
    register(received_on=date(2026, 11, 2))
    with time_machine.travel("2026-12-15T10:00+08:00", tick=False):
        register(received_on=date(2026, 12, 15))
        client.force_login(township_handler)
        page = client.get(reverse("application-list")).content.decode()
    assert "已超期11个工作日" in page  # the November case: Dec 1–15
    assert "剩余20个工作日" in page  # the December case, its deadline in uncovered 2027 …
    assert page.count('class="badge provisional"') == 1  # … marked provisional


def test_supplement_period_into_an_unpublished_year_is_marked(client, register, township_handler):
    """law.md §2: provisional wherever it is shown — a case awaiting a supplement whose period runs
    into 2027 (not yet published) is counted under 期限待确认, and its countdown says so too."""
    from cases.services.handling import application_request_supplement

    with time_machine.travel("2026-12-15T10:00+08:00", tick=False):
        app = register(received_on=date(2026, 12, 14))
        application_request_supplement(
            user=township_handler, application=app, on=date(2026, 12, 15), items_to_supplement="x"
        )
        app.refresh_from_db()
        assert app.status == Application.Status.AWAITING_SUPPLEMENT
        assert app.deadline_provisional  # the period ends 2027-01-05, counted on plain weekends
        assert countdown(app).provisional
        client.force_login(township_handler)
        page = client.get(reverse("application-list")).content.decode()
    assert page.count('class="badge provisional"') == 1
