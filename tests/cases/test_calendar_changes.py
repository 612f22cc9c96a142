"""Calendar edits recompute every open case; each moved date is recorded in the case's history;
provisional dates become firm once the year is entered."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from cases.clocksync import recompute_open_applications
from cases.models import CalendarDay, CalendarYear
from cases.services.calendar import calendar_mark_year_covered, calendar_set_day

pytestmark = pytest.mark.django_db


def test_new_holiday_moves_open_deadline_and_records_why(register, people):
    app = register(received_on=date(2026, 11, 2))
    assert app.deadline == date(2026, 11, 30)
    admin = people[("jiangyi", "admin")]
    moved = calendar_set_day(
        user=admin, day=date(2026, 11, 20), workday=False, name="临时假日", source="测试"
    )
    app.refresh_from_db()
    assert moved == 1
    assert app.deadline == date(2026, 12, 1)
    reason = app.history.first().history_change_reason
    assert "临时假日" in reason and "2026-11-30" in reason and "2026-12-01" in reason


def test_concluded_cases_are_not_touched(register, people, township_handler):
    from cases.services.handling import application_conclude

    app = register(received_on=date(2026, 11, 2))
    application_conclude(
        user=township_handler, application=app, on=date(2026, 11, 10), outcome="disclose"
    )
    before = app.history.count()
    calendar_set_day(
        user=people[("jiangyi", "admin")], day=date(2026, 11, 5), workday=False, name="假日"
    )
    assert app.history.count() == before


def test_year_end_deadline_is_provisional_until_the_year_is_entered(register, people):
    app = register(received_on=date(2026, 11, 20))
    assert app.deadline.year == 2026
    late = register(received_on=date(2026, 11, 24))
    # 20 working days after 2026-11-24 reaches 2026-12-22: still 2026, covered
    assert not late.deadline_provisional
    with time_machine.travel(date(2026, 12, 15), tick=False):
        december = register(received_on=date(2026, 12, 15))
    assert december.deadline == date(2027, 1, 12)  # plain weekends in 2027
    assert december.deadline_provisional
    admin = people[("jiangyi", "admin")]
    calendar_set_day(
        user=admin, day=date(2027, 1, 1), workday=False, name="元旦", source="国办发明电〔2026〕X号"
    )
    calendar_mark_year_covered(user=admin, year=2027, source="国办发明电〔2026〕X号")
    december.refresh_from_db()
    assert not december.deadline_provisional
    assert december.deadline == date(2027, 1, 13)  # New Year's Day now a holiday
    assert (
        "2027年节假日安排已公布"
        in december.history.order_by("-history_id").first().history_change_reason
    )


def test_recompute_runs_the_same_queries_for_few_and_many_cases(register):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_a_holiday(day: date) -> tuple[int, int]:
        CalendarDay.objects.create(day=day, workday=False, name="x", source="t")
        with CaptureQueriesContext(connection) as ctx:
            moved = recompute_open_applications(reason="测试", batch_size=100)
        return moved, len(ctx.captured_queries)

    register(received_on=date(2026, 11, 2))
    few = queries_for_a_holiday(date(2026, 11, 20))
    for _ in range(30):
        register(received_on=date(2026, 11, 2))
    many = queries_for_a_holiday(date(2026, 11, 19))
    assert few[0] == 1 and many[0] == 31
    assert few[1] == many[1]


def test_calendar_page_is_for_admins_only(client, people, frozen_today):
    client.force_login(people[("jiangyi", "handler")])
    assert client.get(reverse("calendar")).status_code == 403
    client.force_login(people[("jiangyi", "admin")])
    page = client.get(reverse("calendar"), {"year": 2026})
    assert "春节" in page.content.decode()


def test_calendar_page_adds_a_day(client, people, register):
    app = register(received_on=date(2026, 11, 2))
    client.force_login(people[("jiangyi", "admin")])
    response = client.post(
        reverse("calendar"),
        {"form": "day", "day": "2026-11-20", "name": "临时假日", "source": "测试"},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.deadline == date(2026, 12, 1)


def test_calendar_page_refuses_a_weekday_makeup_day(client, people, frozen_today):
    client.force_login(people[("jiangyi", "admin")])
    response = client.post(
        reverse("calendar"), {"form": "day", "day": "2026-11-20", "workday": "on", "name": "调休"}
    )
    assert response.status_code == 200
    assert "调休上班日应为周六或周日" in response.content.decode()
    assert not CalendarDay.objects.filter(day=date(2026, 11, 20)).exists()


def test_warning_from_november_for_supervisors_while_next_year_uncovered(
    client, people, frozen_today
):
    client.force_login(people[("jiangyi", "supervisor")])
    assert "2027年节假日安排尚未录入" in client.get(reverse("home")).content.decode()
    client.force_login(people[("jiangyi", "handler")])
    assert "2027年节假日安排尚未录入" not in client.get(reverse("home")).content.decode()
    CalendarYear.objects.create(year=2027, source="t")
    client.force_login(people[("jiangyi", "supervisor")])
    assert "尚未录入" not in client.get(reverse("home")).content.decode()


def test_no_warning_in_october(client, people):
    with time_machine.travel(date(2026, 10, 31).isoformat() + "T10:00+08:00", tick=False):
        client.force_login(people[("jiangyi", "supervisor")])
        assert "尚未录入" not in client.get(reverse("home")).content.decode()


def _fee_notified_on_2026_12_15(register, people):
    from cases.services import fees

    with time_machine.travel(date(2026, 12, 15), tick=False):
        app = register(received_on=date(2026, 12, 15))
        fees.fee_notify(
            user=people[("jiangyi", "handler")],
            application=app,
            on=date(2026, 12, 15),
            method="per_page",
            pages=40,
        )
    app.refresh_from_db()
    return app


def test_a_fee_payment_due_date_moves_with_the_calendar(register, people):
    """law.md §2: every open case's dates are recomputed — the fee's payment period too (§5)."""
    app = _fee_notified_on_2026_12_15(register, people)
    assert app.fee.pay_due_on == date(2027, 1, 12)  # 20 working days on plain 2027 weekends
    assert app.deadline_provisional  # the date shown is counted into 2027
    admin = people[("jiangyi", "admin")]
    calendar_set_day(user=admin, day=date(2027, 1, 1), workday=False, name="元旦", source="国办")
    moved = calendar_mark_year_covered(user=admin, year=2027, source="国办发明电〔2026〕X号")
    assert moved == 1
    app.refresh_from_db()
    assert app.fee.pay_due_on == date(2027, 1, 13)  # past 元旦
    assert not app.deadline_provisional
    reason = app.fee.history.order_by("-history_id").first().history_change_reason
    assert (
        reason
        == "2027年节假日安排已公布（国办发明电〔2026〕X号）：缴费期限由2027-01-12变为2027-01-13"
    )


def test_payment_on_the_moved_last_day_is_in_time(register, people):
    from cases.services import fees

    app = _fee_notified_on_2026_12_15(register, people)
    admin = people[("jiangyi", "admin")]
    calendar_set_day(user=admin, day=date(2027, 1, 1), workday=False, name="元旦", source="国办")
    calendar_mark_year_covered(user=admin, year=2027, source="国办")
    app.refresh_from_db()
    with time_machine.travel(date(2027, 1, 13), tick=False):
        fees.fee_pay(user=people[("jiangyi", "handler")], application=app, on=date(2027, 1, 13))
    app.refresh_from_db()
    assert app.status == "open" and app.fee.paid_on == date(2027, 1, 13)


def test_a_paid_fee_keeps_its_due_date(register, people):
    from cases.services import fees

    app = _fee_notified_on_2026_12_15(register, people)
    with time_machine.travel(date(2026, 12, 16), tick=False):
        fees.fee_pay(user=people[("jiangyi", "handler")], application=app, on=date(2026, 12, 16))
    admin = people[("jiangyi", "admin")]
    calendar_set_day(user=admin, day=date(2027, 1, 1), workday=False, name="元旦", source="国办")
    calendar_mark_year_covered(user=admin, year=2027, source="国办")
    app.refresh_from_db()
    assert app.fee.pay_due_on == date(2027, 1, 12)  # as notified: paid, nothing more to count


def test_deleting_days_in_the_admin_list_recomputes_open_cases(register, client, people):
    """The change list's "delete selected" action, not only the one-day delete page."""
    from cases.models import User

    app = register(received_on=date(2026, 9, 18))
    assert app.deadline == date(2026, 10, 22)  # across 中秋 and 国庆
    client.force_login(User.objects.create_superuser("root", "root@example.cn", "pw"))
    holiday = CalendarDay.objects.get(day=date(2026, 10, 5))
    response = client.post(
        reverse("admin:cases_calendarday_changelist"),
        {"action": "delete_selected", "_selected_action": [holiday.pk], "post": "yes"},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.deadline == date(2026, 10, 21)  # 2026-10-05 is now a working day
    assert "删除2026-10-05" in app.history.order_by("-history_id").first().history_change_reason
