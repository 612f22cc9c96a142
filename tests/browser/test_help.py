"""The in-app help in a real browser: a handler opens it from the top bar, finds their own page and
the deadlines page, and follows a link from the help to the page it describes, under the content
security policy (the `page` fixture fails the test on any console error)."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_handler_reads_the_help_and_follows_it_to_the_workbench(page, login, township_handler):
    login(township_handler)
    page.locator("header .who").get_by_role("link", name="帮助", exact=True).click()
    expect(page.locator("h1")).to_have_text("使用说明")

    page.locator("article").get_by_role("link", name="承办人", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("使用说明：承办人")
    expect(page.locator("#steps span.ui", has_text="办结答复").first).to_be_visible()

    page.get_by_role("navigation", name="使用说明目录").get_by_role(
        "link", name="答复期限怎么算"
    ).click()
    expect(page.locator("#limit")).to_contain_text("20个工作日")

    page.get_by_role("navigation", name="使用说明目录").get_by_role("link", name="承办人").click()
    page.locator("#workbench").get_by_role("link", name="我的工作台").click()
    expect(page.get_by_role("heading", name="我的工作台")).to_be_visible()
