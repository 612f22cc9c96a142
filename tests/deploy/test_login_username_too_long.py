"""A username longer than any account's (150 characters; pasted text, a scanner) on the login page:
Django's login form does not hold it to that length, so it reached django-axes, whose record of the
failed attempt keeps 255 characters — on PostgreSQL, with axes on as in production, the login page
answered 500, and so did 系统管理's (/admin/login/). It is now refused on both as any wrong username
or password, without trying it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def wrong_login(form) -> list[str]:
    """The form's own 'wrong username or password' (请输入一个正确的用户名和密码…)."""
    return [form.error_messages["invalid_login"] % {"username": form.username_field.verbose_name}]


@pytest.mark.parametrize(
    "username",
    ["x" * 151, "x" * 256, "😀" * 300, "政" * 100_000],
    ids=["151", "256", "300-emoji", "100000"],
)
@pytest.mark.parametrize("page", ["login", "admin:login"])
def test_the_login_pages_refuse_it_as_a_wrong_login(client, people, settings, username, page):
    settings.AXES_ENABLED = True  # tests/conftest.py switches it off for every other test
    response = client.post(reverse(page), {"username": username, "password": "pw"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"__all__": wrong_login(response.context["form"])}
    assert "_auth_user_id" not in client.session


def test_a_username_of_the_longest_length_is_still_tried(client, people, settings):
    from cases.models import User

    settings.AXES_ENABLED = True
    User.objects.create_user(username="y" * 150, password="pw", role="handler")
    response = client.post(reverse("login"), {"username": "y" * 150, "password": "pw"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
