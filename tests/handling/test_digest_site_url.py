"""The digest's links open from a mail client only as full addresses: without GONGKAI_SITE_URL the
command says so (the e-mails still go, with the page paths), and with it every link is absolute."""

import io

import pytest
from django.core import mail
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler_with_email(world, township_handler):
    township_handler.email = "jiangyi-handler@example.gov.cn"
    township_handler.save()
    return township_handler


def test_without_the_site_address_the_command_warns(handler_with_email, monkeypatch):
    monkeypatch.delenv("GONGKAI_SITE_URL", raising=False)
    err = io.StringIO()
    call_command("daily_digest", stderr=err)
    assert "GONGKAI_SITE_URL" in err.getvalue() and "无法直接打开" in err.getvalue()
    assert len(mail.outbox) == 1


def test_with_the_site_address_the_links_are_whole(handler_with_email, monkeypatch):
    monkeypatch.setenv("GONGKAI_SITE_URL", "https://gongkai.example.gov.cn/")
    err = io.StringIO()
    call_command("daily_digest", stderr=err)
    assert "GONGKAI_SITE_URL" not in err.getvalue()
    body = mail.outbox[0].body
    assert "https://gongkai.example.gov.cn/workbench/" in body
    links = [word for word in body.split() if "/applications/" in word]
    assert links and all(link.startswith("https://gongkai.example.gov.cn/") for link in links)
