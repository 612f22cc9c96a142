"""A case due soon says so in words, not only in orange: 剩余3个工作日（即将到期） beside a green
剩余N个工作日 (a colour-blind handler could not tell which cases the office's due-soon rule flags —
WCAG 1.4.1). 今日到期 and 已超期 already say it."""

import pytest
from django.urls import reverse

from tests.a11y import parse, text

pytestmark = pytest.mark.django_db


def countdowns(client, name) -> dict[str, str]:
    doc = parse(client.get(reverse(name)))
    return {
        text(row.find("td")): text(row.find_class("countdown")[0])
        for row in doc.xpath("//tr[.//span[contains(@class, 'countdown')]]")
    }


@pytest.mark.parametrize("name", ["workbench", "application-list"])
def test_due_soon_is_written(client, world, township_handler, name):
    client.force_login(township_handler)
    shown = countdowns(client, name)
    assert shown[world["due_soon"].number] == "剩余3个工作日（即将到期）"
    assert shown[world["due_today"].number] == "今日到期"
    later = shown[world["provisional"].number]  # a 2027 deadline, in green
    assert later.startswith("剩余") and "即将到期" not in later
