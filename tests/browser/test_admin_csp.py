"""系统管理 (Django admin) and the browsable API work under the content security policy: no script
of theirs is blocked (the `page` fixture fails a test on console errors)."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def superuser(people):
    admin = people[("county", "admin")]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return admin


def test_admin_pages_work_under_the_policy(page, login, superuser, register):
    application = register()
    login(superuser)
    page.goto("/admin/")
    expect(page.locator("#content")).to_contain_text("公开台账")
    page.goto("/admin/cases/application/")
    expect(page.locator("#result_list")).to_contain_text(application.number)
    page.goto(f"/admin/cases/application/{application.pk}/change/")
    expect(page.locator("#content h1, #content h2").first).to_be_visible()
    page.goto(f"/admin/cases/application/{application.pk}/history/")
    expect(page.locator("#content")).to_contain_text(application.number)
    page.goto("/admin/cases/user/add/")
    expect(page.get_by_label("用户名")).to_be_visible()


def test_browsable_api_works_under_the_policy(page, login, superuser):
    login(superuser)
    page.goto("/api/v1/agencies/")
    expect(page.locator(".response-info")).to_contain_text("元谋县人民政府")
