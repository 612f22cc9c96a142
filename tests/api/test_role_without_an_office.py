"""An account given a role but no office (系统管理 lets an administrator save one so, e.g. before the
office is chosen) belongs to no office's work, so it may do nothing a role allows: not set a day of the
working calendar, not list the staff, not register. A role is a role in an office."""

import pytest

from tests.api.conftest import application_body, token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def officeless_admin(db):
    from cases.models import User

    return User.objects.create_user(username="no-office-admin", password="pw", role="admin")


def test_an_admin_without_an_office_may_not_set_the_calendar(frozen_today, officeless_admin):
    api = token_client(officeless_admin)
    day = {"date": "2026-12-31", "workday": False, "name": "临时放假", "source": "测试"}
    assert api.post("/api/v1/calendar/", day, format="json").status_code == 403
    calendar = api.get("/api/v1/calendar/", {"year": 2026})  # reading it is for every account
    assert calendar.status_code == 200 and "2026-12-31" not in calendar.json()["holidays"]


def test_nor_administer_nor_register(frozen_today, officeless_admin, township):
    api = token_client(officeless_admin)
    assert api.get("/api/v1/staff/").status_code == 403
    assert api.post("/api/v1/applications/", application_body(), format="json").status_code == 403
    body = {"agency": "jiangyi", "channel": "hotline", "topic": "如何申请"}
    assert api.post("/api/v1/consultations/", body, format="json").status_code == 403
    assert api.get("/api/v1/applications/").json()["count"] == 0
