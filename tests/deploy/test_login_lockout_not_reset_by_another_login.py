"""A successful login clears the failed logins of the one who logged in, at that address — and only
theirs. django-axes' AXES_RESET_ON_SUCCESS cleared every failed login from the address (the lockout
counts by username and by address, and the reset deleted by either): any member of staff could
guess a colleague's or the superuser's password four times, log in as themselves at the same desk,
and guess four more, for ever, never locked out."""

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

DESK = {"REMOTE_ADDR": "198.51.100.7"}


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True  # tests/conftest.py switches it off for every other test
    settings.TRUSTED_PROXY_COUNT = 0


def log_in(client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password}, **DESK)


def test_logging_in_as_oneself_does_not_clear_guesses_at_another_account(client, people, axes_on):
    limit = django_settings.AXES_FAILURE_LIMIT
    answers = []
    for _ in range(3):  # twelve guesses at the county administrator's password
        answers += [log_in(client, "county-admin", "guess").status_code for _ in range(limit - 1)]
        log_in(client, "jiangyi-front_desk", "pw")  # the guesser's own account, at the same desk
        client.post(reverse("logout"))
    # the fifth guess locked the account: no more were tried (all twelve were, before)
    assert answers == [200] * (limit - 1) + [429] * (3 * (limit - 1) - (limit - 1))
    # the county administrator's account is locked, even with the right password
    response = log_in(client, "county-admin", "pw")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_clerks_own_mistyped_passwords_are_forgotten_once_she_logs_in(client, people, axes_on):
    below_limit = django_settings.AXES_FAILURE_LIMIT - 1
    for _ in range(below_limit):
        assert log_in(client, "jiangyi-handler", "typo").status_code == 200
    assert log_in(client, "jiangyi-handler", "pw").status_code == 302
    client.post(reverse("logout"))
    # later the same hour: as many mistypes again, and she still logs in
    for _ in range(below_limit):
        assert log_in(client, "jiangyi-handler", "typo").status_code == 200
    assert log_in(client, "jiangyi-handler", "pw").status_code == 302
