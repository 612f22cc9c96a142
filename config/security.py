"""Security pieces of the deployment: the content security policy, the client's IP address and the
answer to a locked login.

Content security policy (Django 5.2 has none built in): every HTML response gets a
``Content-Security-Policy`` header built from ``settings.CONTENT_SECURITY_POLICY`` (a dict of
directive → list of sources). The pages load only same-origin static CSS and JavaScript; an inline
``<script>`` or ``<style>`` block must carry ``nonce="{{ request.csp_nonce }}"`` (a fresh nonce per
request, added to script-src and style-src); inline event handlers (``onclick=``) and ``style=``
attributes are blocked — put them in static/js/gongkai.js and the CSS files. ``json_script`` data
blocks (type application/json) are not scripts and need nothing.

``settings.CONTENT_SECURITY_POLICY_PATHS`` maps a path prefix to directives that replace the
defaults under it (e.g. Redoc, which injects its own styles). With
``CONTENT_SECURITY_POLICY_REPORT_ONLY = True`` the policy is sent as
``Content-Security-Policy-Report-Only`` (violations are reported in the browser console, nothing
is blocked) — for trying a change of policy on a live server.
"""

import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

NONCE_SOURCES = ("script-src", "style-src")


def policy_for(path: str, nonce: str | None = None) -> str:
    """The policy header value for a request path."""
    directives: dict[str, list[str]] = {
        name: list(sources) for name, sources in settings.CONTENT_SECURITY_POLICY.items()
    }
    for prefix, override in getattr(settings, "CONTENT_SECURITY_POLICY_PATHS", {}).items():
        if path.startswith(prefix):
            directives.update({name: list(sources) for name, sources in override.items()})
    if nonce:
        for name in NONCE_SOURCES:
            sources = directives.get(name)
            # a nonce would switch 'unsafe-inline' off, so a directive that allows it keeps it alone
            if sources is not None and "'unsafe-inline'" not in sources:
                sources.append(f"'nonce-{nonce}'")
    return "; ".join(
        " ".join([name, *sources]) if sources else name for name, sources in directives.items()
    )


class ContentSecurityPolicyMiddleware:
    """Sets ``request.csp_nonce`` and the CSP header (unless the view set one itself)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        report_only = getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", False)
        header = "Content-Security-Policy-Report-Only" if report_only else "Content-Security-Policy"
        if (
            "Content-Security-Policy" not in response
            and "Content-Security-Policy-Report-Only" not in response
        ):
            response[header] = policy_for(request.path, request.csp_nonce)
        permissions = getattr(settings, "PERMISSIONS_POLICY", "")
        if permissions and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions
        return response


class PrivateResponsesMiddleware:
    """What a signed-in user is answered — a case page with the applicant's ID number, the API's JSON
    (DRF puts a token's user on the request too), a notice or a report download — is marked
    ``Cache-Control: no-store, private`` unless the view set its own: on the front desk's shared
    computer the next person's Back button, or the browser's cache on disk, would show it again after
    the clerk logged out. Static files (WhiteNoise, answered before the session is read) keep their
    long cache; public pages keep theirs (Django's login page is never cached already)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if "Cache-Control" not in response and user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


def client_ip(request: HttpRequest) -> str:
    """The client's IP address, for the login log and django-axes (``AXES_CLIENT_IP_CALLABLE``).

    Behind ``settings.TRUSTED_PROXY_COUNT`` reverse proxies (nginx: 1) it is the address the
    nearest proxy put into ``X-Forwarded-For`` (counted from the right, so a client cannot forge
    it by sending the header itself); with no proxy it is ``REMOTE_ADDR``. Without this every
    login behind nginx would come from 127.0.0.1 and five mistyped passwords would lock out
    the whole office.
    """
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
        if forwarded:
            return forwarded[0]
    return remote


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """What django-axes answers once a login is locked (``AXES_LOCKOUT_CALLABLE``): the page for
    people (429); for the API, its own error shape — JSON, 403, a Chinese ``detail`` — so that a
    client script reads why its token request is refused."""
    from axes.helpers import get_client_username, get_cool_off, get_failure_limit
    from django.http import JsonResponse
    from django.shortcuts import render

    username = get_client_username(request, credentials) or ""
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": username,
        "cooloff_timedelta": get_cool_off(request),
    }
    if request.path.startswith("/api/"):
        who = f"用户“{username}”" if username else "此地址"
        return JsonResponse(
            {
                "detail": f"连续{context['failure_limit']}次登录失败，{who}的登录已暂时锁定，"
                "请稍后再试；如忘记密码，请联系本机关的系统管理员重置。"
            },
            status=403,
            json_dumps_params={"ensure_ascii": False},
        )
    return render(request, "registration/locked_out.html", context, status=429)
