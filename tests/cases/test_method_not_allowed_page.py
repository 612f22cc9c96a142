"""An address that only takes a form's POST, opened from the address bar or a bookmark (/logout/,
/reports/publish/), shows a Chinese page with a way back (it was a blank page: Django's 405 has no
body). The API's 405 stays DRF's JSON."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.a11y import parse, text

pytestmark = pytest.mark.django_db


def assert_the_page(response, allowed: str) -> None:
    assert response.status_code == 405
    assert response["Allow"] == allowed
    assert response["Content-Type"] == "text/html; charset=utf-8"
    doc = parse(response)
    assert doc.get("lang") == "zh-Hans"
    assert text(doc.find(".//title")) == "无法直接打开 · 公开台账"
    assert "不能从地址栏、收藏夹直接打开" in text(doc.find(".//main"))
    assert doc.xpath(f'//main//a[@href="{reverse("home")}"]')


@override_settings(DEBUG=False)
def test_logout_opened_from_the_address_bar(client, township_front, frozen_today):
    client.force_login(township_front)
    response = client.get(reverse("logout"))
    assert_the_page(response, "POST, OPTIONS")
    assert "_auth_user_id" in client.session  # still signed in: nothing was done


@override_settings(DEBUG=False)
def test_publish_opened_from_the_address_bar(client, township_supervisor, frozen_today):
    client.force_login(township_supervisor)
    assert_the_page(client.get(reverse("report-publish")), "POST")


def test_the_apis_answer_stays_json(client, township_front, frozen_today):
    client.force_login(township_front)
    response = client.delete(reverse("api-application-list"))
    assert response.status_code == 405
    assert response.json() == {"detail": "方法 “DELETE” 不被允许。"}
