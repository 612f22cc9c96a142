"""A form sent with a stale or missing security token (a page left open past a new login, cookies
blocked) gets the project's Chinese page, styled by its own stylesheet, with a way back — not
Django's built-in page: lang="en", its inline <style> blocked by the content security policy, and
"更多可用信息请设置选项DEBUG＝True" for an office clerk."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.a11y import parse, text

pytestmark = pytest.mark.django_db


def assert_the_projects_page(response) -> None:
    assert response.status_code == 403
    html = response.content.decode()
    doc = parse(response)
    assert doc.get("lang") == "zh-Hans"
    assert text(doc.find(".//title")) == "提交未成功 · 公开台账"
    assert "<style" not in html and "DEBUG" not in html and "CSRF" not in html
    assert re.search(r'<link rel="stylesheet" href="/static/css/gongkai\.css', html)
    body = text(doc.find(".//main"))
    assert "刚才提交的内容没有保存" in body and "刷新页面后重新填写提交" in body
    assert doc.xpath(f'//main//a[@href="{reverse("home")}"]')


@override_settings(DEBUG=False)
def test_a_registration_sent_without_its_token(township_front, township, frozen_today):
    client = Client(enforce_csrf_checks=True)
    client.force_login(township_front)
    response = client.post(
        reverse("application-register"), {"agency": township.pk, "channel": "letter"}
    )
    assert_the_projects_page(response)
    assert "退出" in response.content.decode()  # the signed-in clerk keeps the navigation


@override_settings(DEBUG=False)
def test_a_login_sent_with_a_stale_token(db):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))  # the cookie is set …
    response = client.post(
        reverse("login"),
        {"username": "x", "password": "y", "csrfmiddlewaretoken": "stale" * 10},
    )  # … but the page's token is from before
    assert_the_projects_page(response)
