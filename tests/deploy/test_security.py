"""Security in the running app: the content security policy header and its nonce, no inline script
or style in the templates, the log of logins and failed logins (username and IP, never the
password), the client's address behind nginx, and the lockout after five failed logins."""

import logging
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.template import engines
from django.urls import reverse

from config import routers
from config.security import client_ip, policy_for

ROOT = Path(__file__).resolve().parents[2]
AUTH = "gongkai.auth"


def auth_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == AUTH]


# --- content security policy -------------------------------------------------------------------


def csp_of(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in header.split("; ")}


def test_pages_carry_the_policy_with_a_fresh_nonce(client, db):
    first = csp_of(client.get(reverse("login")))
    second = csp_of(client.get(reverse("login")))
    assert first["default-src"] == ["'self'"]
    assert first["object-src"] == ["'none'"] and first["frame-ancestors"] == ["'none'"]
    assert first["script-src"][0] == "'self'" and first["script-src"][1].startswith("'nonce-")
    assert first["script-src"] != second["script-src"]  # one nonce per response
    assert "'unsafe-inline'" not in first["script-src"] + first["style-src"]


def test_swagger_page_uses_the_nonce(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    nonce = csp_of(response)["script-src"][1][len("'nonce-") : -1]
    html = response.content.decode()
    assert f'<script nonce="{nonce}">' in html and f'<style nonce="{nonce}">' in html


def test_redoc_may_inject_styles():
    policy = policy_for("/api/v1/redoc/", "abc")
    assert "style-src 'self' 'unsafe-inline';" in policy  # no nonce: it would cancel unsafe-inline
    assert "script-src 'self' 'nonce-abc'" in policy
    assert "worker-src 'self' blob:" in policy


def test_report_only_mode(client, db, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = True
    response = client.get(reverse("login"))
    assert "Content-Security-Policy" not in response
    assert "default-src 'self'" in response["Content-Security-Policy-Report-Only"]


TAG = re.compile(r"<[a-zA-Z][^>]*>")
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
BLOCK = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)
# Redoc's page: its policy allows inline styles (settings.CONTENT_SECURITY_POLICY_PATHS)
INLINE_STYLE_ALLOWED = {"api/templates/api/redoc.html"}


def template_files() -> list[Path]:
    """The project's own templates (not those of installed packages)."""
    dirs = [Path(d).resolve() for e in engines.all() for d in e.template_dirs]
    venv = ROOT / ".venv"
    project = [
        d
        for d in dirs
        if ROOT in d.parents and venv not in d.parents and "site-packages" not in d.parts
    ]
    return sorted(
        p for d in project if d.is_dir() for p in d.rglob("*") if p.suffix in {".html", ".txt"}
    )


def test_templates_have_no_inline_script_or_style():
    """Inline event handlers and style attributes are blocked by the policy: behaviour goes to
    static/js/gongkai.js, looks to the CSS files; an inline block needs the nonce."""
    problems = []
    files = template_files()
    assert any(p.name == "base.html" for p in files)
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        for tag in TAG.finditer(text):
            number = text[: tag.start()].count("\n") + 1
            if INLINE_HANDLER.search(tag.group()):
                problems.append(f"{name}:{number}: inline event handler")
            if STYLE_ATTRIBUTE.search(tag.group()):
                problems.append(f"{name}:{number}: style attribute")
        for match in BLOCK.finditer(text):
            tag, attrs = match.group(1).lower(), match.group(2)
            if tag == "script" and ("src=" in attrs or "application/json" in attrs):
                continue
            if "csp_nonce" in attrs or (tag == "style" and name in INLINE_STYLE_ALLOWED):
                continue
            number = text[: match.start()].count("\n") + 1
            problems.append(f"{name}:{number}: inline <{tag}> without nonce")
    assert not problems, "\n".join(problems)


# --- the login log -----------------------------------------------------------------------------


def test_logins_and_failed_logins_are_logged_without_the_password(client, township_front, caplog):
    caplog.set_level(logging.INFO, logger=AUTH)
    login = reverse("login")
    client.post(
        login,
        {"username": "jiangyi-front_desk", "password": "Wrong-Secret-42"},
        REMOTE_ADDR="10.1.2.3",
    )
    client.post(login, {"username": "jiangyi-front_desk", "password": "pw"}, REMOTE_ADDR="10.1.2.3")
    client.post(reverse("logout"), REMOTE_ADDR="10.1.2.3")
    assert auth_lines(caplog) == [
        "login failed user=jiangyi-front_desk ip=10.1.2.3",
        "login ok user=jiangyi-front_desk ip=10.1.2.3",
        "logout user=jiangyi-front_desk ip=10.1.2.3",
    ]
    assert "Wrong-Secret-42" not in caplog.text
    assert [r.levelname for r in caplog.records if r.name == AUTH] == ["WARNING", "INFO", "INFO"]


def test_a_username_cannot_forge_log_lines(client, db, caplog):
    caplog.set_level(logging.INFO, logger=AUTH)
    client.post(reverse("login"), {"username": "x\nlogin ok user=admin", "password": "p"})
    (line,) = auth_lines(caplog)
    assert "\n" not in line and "user=x\\x0alogin ok" in line


def test_behind_nginx_the_client_address_comes_from_x_forwarded_for(client, db, caplog, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    caplog.set_level(logging.INFO, logger=AUTH)
    client.post(
        reverse("login"),
        {"username": "someone", "password": "p"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert auth_lines(caplog) == ["login failed user=someone ip=198.51.100.7"]


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy configured: the header is not trusted
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged first entry is ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.5", "203.0.113.9"),
        (1, "", "127.0.0.1"),
    ],
)
def test_client_ip(rf, settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


# --- login throttling (django-axes) ------------------------------------------------------------


def test_five_failed_logins_lock_the_account_and_are_logged(client, people, caplog, settings):
    settings.AXES_ENABLED = True  # tests/conftest.py switches it off for every other test
    settings.TRUSTED_PROXY_COUNT = 1
    caplog.set_level(logging.INFO, logger=AUTH)
    login = reverse("login")
    attacker = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        response = client.post(
            login, {"username": "jiangyi-handler", "password": "guess"}, **attacker
        )
    assert response.status_code == 429
    assert "登录已暂时锁定" in response.content.decode()
    # now even the right password is refused for that account
    response = client.post(login, {"username": "jiangyi-handler", "password": "pw"}, **attacker)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "locked out user=jiangyi-handler ip=203.0.113.66" in auth_lines(caplog)
    # a colleague behind the same nginx but at another desk still logs in
    colleague = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "192.0.2.10"}
    response = client.post(login, {"username": "jiangyi-front_desk", "password": "pw"}, **colleague)
    assert response.status_code == 302
    from axes.models import AccessAttempt, AccessFailureLog

    assert AccessAttempt.objects.filter(username="jiangyi-handler").exists()
    assert AccessFailureLog.objects.filter(username="jiangyi-handler").count() >= 5


# --- reports on the replica --------------------------------------------------------------------


def test_report_requests_read_the_case_tables_from_the_replica(rf, monkeypatch):
    from cases.models import Application, User

    router = routers.ReportReplicaRouter()
    seen = {}

    def view(request):
        seen["application"] = router.db_for_read(Application)
        seen["user"] = router.db_for_read(User)
        from django.http import HttpResponse

        return HttpResponse()

    middleware = routers.ReportReplicaMiddleware(view)
    monkeypatch.setattr(routers, "replica_configured", lambda: False)
    middleware(rf.get("/reports/"))
    assert seen == {"application": None, "user": None}  # no replica: nothing changes
    monkeypatch.setattr(routers, "replica_configured", lambda: True)
    middleware(rf.get("/reports/download/?year=2025"))
    assert seen == {"application": "replica", "user": None}  # logins stay on the primary
    middleware(rf.post("/reports/publish/"))
    assert seen == {"application": None, "user": None}
    middleware(rf.get("/applications/"))
    assert seen == {"application": None, "user": None}
    assert router.db_for_write(Application) == "default"
    assert router.allow_migrate("replica", "cases") is False


def test_the_api_token_endpoint_is_throttled_too(client, people, caplog, settings):
    settings.AXES_ENABLED = True
    caplog.set_level(logging.INFO, logger=AUTH)
    url = reverse("api-token")
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        response = client.post(
            url,
            {"username": "county-handler", "password": "guess"},
            content_type="application/json",
            REMOTE_ADDR="203.0.113.5",
        )
    locked = {
        "detail": "连续5次登录失败，用户“county-handler”的登录已暂时锁定，请稍后再试；如忘记密码，请联系本机关的系统管理员重置。"
    }
    # the API's own error shape (api.md: JSON, 403 without the right), not the login page
    assert (response.status_code, response["Content-Type"]) == (403, "application/json")
    assert response.json() == locked
    response = client.post(
        url,
        {"username": "county-handler", "password": "pw"},
        content_type="application/json",
        REMOTE_ADDR="203.0.113.5",
    )
    assert (response.status_code, response.json()) == (403, locked)
    assert "login failed user=county-handler ip=203.0.113.5" in auth_lines(caplog)
