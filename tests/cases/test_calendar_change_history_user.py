"""A deadline moved by a calendar change is recorded in the case's history in the name of the person who
changed the calendar — on its page, through the API with a token and in 系统管理 — not as "系统"; only
the upgrade command (recompute_deadlines), which no one signs, is the system's."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from cases.models import Application, CalendarDay
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def _last(app: Application):
    return app.history.order_by("-history_id").first()


def test_a_calendar_change_through_the_api_names_its_administrator(register, people):
    app = register(received_on=date(2026, 11, 2))
    admin = people[("jiangyi", "admin")]
    response = token_client(admin).post(
        "/api/v1/calendar/",
        {"date": "2026-11-20", "workday": False, "name": "临时假日"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    record = _last(app)
    assert "临时假日" in record.history_change_reason
    assert record.history_user == admin


def test_a_calendar_change_on_its_page_names_its_administrator(client, register, people):
    app = register(received_on=date(2026, 11, 2))
    admin = people[("jiangyi", "admin")]
    client.force_login(admin)
    response = client.post(
        reverse("calendar"), {"form": "day", "day": "2026-11-20", "name": "临时假日"}
    )
    assert response.status_code == 302
    assert _last(app).history_user == admin
    page = client.get(reverse("application-detail", args=[app.pk])).content.decode()
    moved_row = page[page.index("修改历史") :].split("</tr>")[1]
    assert admin.full_name in moved_row and "系统" not in moved_row


def test_a_calendar_change_in_the_admin_names_its_superuser(client, register):
    from cases.models import User

    app = register(received_on=date(2026, 9, 18))
    root = User.objects.create_superuser("root", "root@example.cn", "pw")
    client.force_login(root)
    holiday = CalendarDay.objects.get(day=date(2026, 10, 5))
    response = client.post(
        reverse("admin:cases_calendarday_delete", args=[holiday.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert "删除2026-10-05" in _last(app).history_change_reason
    assert _last(app).history_user == root


def test_the_upgrade_command_is_the_systems(register):
    app = register(received_on=date(2026, 11, 2))
    CalendarDay.objects.create(day=date(2026, 11, 20), workday=False, name="x", source="t")
    call_command("recompute_deadlines", reason="升级", stdout=None)
    assert _last(app).history_change_reason.startswith("升级")
    assert _last(app).history_user is None
