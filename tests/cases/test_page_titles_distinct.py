"""A page's <title> names what is on it, so two tabs, the browser's history and a screen reader's
first words tell them apart, and a printed report carries its name in the header: each consultation,
each voiding, each calendar year and each office's report of a year (all were 咨询记录, 作废,
节假日安排 and 年度报告 · 公开台账 whatever they showed)."""

from datetime import datetime

import pytest
from django.urls import reverse

from tests.a11y import parse, text
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


def title(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return text(parse(response).find(".//title"))


def test_each_consultation(client, township_front, consult):
    client.force_login(township_front)
    first = consult(received_at=datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI))
    second = consult()  # the same topic, asked again today at 10:00
    assert title(client, reverse("consultation-detail", args=[first.pk])) == (
        "咨询：如何申请政府信息公开（2026-11-23 09:30） · 公开台账"
    )
    assert title(client, reverse("consultation-detail", args=[second.pk])) == (
        "咨询：如何申请政府信息公开（2026-11-24 10:00） · 公开台账"
    )


def test_each_voiding(client, township_supervisor, register, consult):
    client.force_login(township_supervisor)
    case = register()
    assert title(client, reverse("void", args=["application", case.pk])) == (
        f"作废：{case.number} · 公开台账"
    )
    call = consult()
    assert title(client, reverse("void", args=["consultation", call.pk])) == (
        "作废：电话咨询 如何申请政府信息公开 · 公开台账"
    )


def test_each_calendar_year(client, people, frozen_today):
    client.force_login(people[("jiangyi", "admin")])
    assert title(client, reverse("calendar"), year=2026) == "2026年节假日安排 · 公开台账"
    assert title(client, reverse("calendar"), year=2027) == "2027年节假日安排 · 公开台账"


def test_each_report(client, township_supervisor, county, frozen_today):
    client.force_login(township_supervisor)
    assert title(client, reverse("report"), year=2025) == (
        "姜驿乡人民政府2025年度政府信息公开工作年度报告 · 公开台账"
    )
    assert title(client, reverse("report"), year=2024) == (
        "姜驿乡人民政府2024年度政府信息公开工作年度报告 · 公开台账"
    )
