"""A browser test that fails on purpose — not collected by the suite (its name does not start with
test_); test_screenshots.py runs it in a separate pytest to prove a failure leaves a screenshot."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_fails_on_the_login_page(page):
    page.goto("/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("登录公开台账")
    assert page.title() == "not the title", "failing on purpose"
