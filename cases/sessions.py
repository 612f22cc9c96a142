"""Sessions that last while the person works: SESSION_COOKIE_AGE (8 hours) counts from the last use,
not from the login. Django saves a session — and moves its expiry — only when the session changes, and
a clerk's day rarely changes it: logged in at 08:30, the session ended at 16:30 however busy the day,
and the form being typed then was lost at the login page. The session is marked renewed at most once
a quarter of its age (a write every two hours, not one per request); a login counts as the first.

Also the session engine (settings.SESSION_ENGINE = "cases.sessions"): Django's database sessions, with
a cookie that is no key Django makes taken as no session — a forged key with a NUL byte was sent to
PostgreSQL, which refused it with a database error (a 500 on any page, found by the API's fuzzing)."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends import db
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from cases import timeutil

RENEWED = "_gongkai_renewed"


class SessionStore(db.SessionStore):
    def _validate_session_key(self, key: str | None) -> bool:
        # Django's keys are 32 lower-case letters and digits; anything else names no session
        return bool(super()._validate_session_key(key)) and key.isascii() and key.isalnum()


def _now() -> int:
    return int(timeutil.now().timestamp())


@receiver(user_logged_in, dispatch_uid="gongkai.session_renewed_at_login")
def renewed_at_login(sender, request: HttpRequest | None, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[RENEWED] = _now()


class SlidingSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        # a request without a session cookie (the API with a token) reads nothing here
        if session.session_key is not None and session.get("_auth_user_id") is not None:
            now = _now()
            if now - session.get(RENEWED, 0) >= settings.SESSION_COOKIE_AGE // 4:
                session[RENEWED] = now  # saved by SessionMiddleware, with a new expiry
        return self.get_response(request)
