"""An office code holding a NUL character (a typed or pasted address: ?agency=a%00b) names no office.
PostgreSQL cannot compare text with NUL in it, so the lists, the board and the report pages answered
500; now the lists and the board leave the filter out and say so, and the report pages answer 404 as
for any office out of sight — on SQLite as on PostgreSQL."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cases.models import PublishedReport

pytestmark = pytest.mark.django_db

CODES = ["\x00", "jiangyi\x00", "a\x00b"]


@pytest.mark.parametrize("page", ["application-list", "consultation-list", "board"])
@pytest.mark.parametrize("code", CODES)
def test_the_lists_and_the_board_leave_it_out_and_say_so(
    client, county_supervisor, frozen_today, page, code
):
    client.force_login(county_supervisor)
    response = client.get(reverse(page), {"agency": code})
    assert response.status_code == 200
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["筛选条件“机关”不存在或不在您的查看范围内，本次未按它筛选。"]


@pytest.mark.parametrize("page", ["report", "report-download"])
@pytest.mark.parametrize("code", CODES)
def test_the_report_pages_do_not_find_it(client, county_supervisor, frozen_today, page, code):
    client.force_login(county_supervisor)
    response = client.get(reverse(page), {"agency": code, "year": "2025"})
    assert response.status_code == 404


@pytest.mark.parametrize("code", CODES)
def test_publishing_for_it_is_refused_and_publishes_nothing(
    client, county_supervisor, frozen_today, code
):
    client.force_login(county_supervisor)
    response = client.post(reverse("report-publish"), {"agency": code, "year": "2025"})
    assert response.status_code == 404
    assert PublishedReport.objects.count() == 0
