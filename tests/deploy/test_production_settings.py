"""Production settings, checked in a separate process as the server would run them (DEBUG off,
secrets from the environment): refusing a missing or weak SECRET_KEY, `check --deploy` clean, the
security headers on a real response, static files collected and served by WhiteNoise, and
gunicorn's configuration valid."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.gov.cn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.parametrize(
    "secret",
    [None, "", "short-key", "dev-only-insecure-key-do-not-use-in-production"],
    ids=["missing", "empty", "short", "development-key"],
)
def test_refuses_to_start_without_a_real_secret_key(tmp_path, secret):
    env = production_env(tmp_path)
    if secret is None:
        env.pop("SECRET_KEY")
    else:
        env["SECRET_KEY"] = secret
    result = run([sys.executable, "manage.py", "check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean(tmp_path):
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


PROBE = r"""
import json, os, django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("collectstatic", "--noinput", "-v0")
client = Client(HTTP_HOST="example.gov.cn")
page = client.get("/login/", secure=True)
html = page.content.decode()
css = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
static = client.get(css, secure=True)
plain = client.get("/login/")
print(json.dumps({
    "status": page.status_code,
    "headers": dict(page.headers),
    "cookies": {k: {"secure": bool(v["secure"]), "httponly": bool(v["httponly"]),
                    "samesite": v["samesite"]} for k, v in page.cookies.items()},
    "css": css,
    "static_status": static.status_code,
    "static_cache": static.headers.get("Cache-Control", ""),
    "http_status": plain.status_code,
    "http_location": plain.headers.get("Location", ""),
    "settings": {name: getattr(settings, name) for name in (
        "DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_AGE",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE", "SECURE_HSTS_SECONDS", "AXES_ENABLED",
        "AXES_FAILURE_LIMIT")},
    "validators": len(settings.AUTH_PASSWORD_VALIDATORS),
}))
"""


def test_production_responses_are_secure(tmp_path):
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="config.settings")
    result = run([sys.executable, "-c", PROBE], env)
    assert result.returncode == 0, result.stderr[-3000:]
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    headers = {k.lower(): v for k, v in probe["headers"].items()}

    assert probe["status"] == 200
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self' 'nonce-" in csp and "unsafe-inline" not in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert probe["cookies"]["csrftoken"]["secure"] and probe["cookies"]["csrftoken"]["httponly"]

    settings = probe["settings"]
    assert settings["DEBUG"] is False
    assert settings["SESSION_COOKIE_SECURE"] and settings["CSRF_COOKIE_SECURE"]
    assert (
        settings["SESSION_EXPIRE_AT_BROWSER_CLOSE"] and settings["SESSION_COOKIE_AGE"] <= 8 * 3600
    )
    assert settings["SECURE_HSTS_SECONDS"] >= 31536000
    assert settings["AXES_ENABLED"] and settings["AXES_FAILURE_LIMIT"] == 5
    assert probe["validators"] == 4

    # plain HTTP is sent to HTTPS; static files are hashed, collected and served with a long cache
    assert probe["http_status"] == 301 and probe["http_location"].startswith("https://")
    assert (
        probe["css"].startswith("/static/css/gongkai.")
        and probe["css"] != "/static/css/gongkai.css"
    )
    assert probe["static_status"] == 200
    assert "max-age=315360000" in probe["static_cache"]


def test_gunicorn_configuration_is_valid(tmp_path):
    env = production_env(tmp_path)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = run(
        [str(gunicorn), "--check-config", "-c", "deploy/gunicorn.conf.py", "config.wsgi"], env
    )
    assert result.returncode == 0, result.stdout + result.stderr


def database_options(tmp_path: Path, **extra: str) -> dict:
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({a: d.get('OPTIONS', {}) for a, d in settings.DATABASES.items()}))"
    )
    result = run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        production_env(tmp_path, DJANGO_SETTINGS_MODULE="config.settings", **extra),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_postgres_prepares_statements_unless_told_not_to(tmp_path):
    url = "postgres://gongkai@db.example/gongkai?sslmode=require"
    options = database_options(tmp_path, DATABASE_URL=url, DATABASE_REPLICA_URL=url)
    for alias in ("default", "replica"):
        assert options[alias] == {
            "sslmode": "require",  # what the URL says is kept
            "server_side_binding": True,
            "prepare_threshold": 2,
        }
    off = database_options(tmp_path, DATABASE_URL=url, DATABASE_PREPARED_STATEMENTS="false")
    assert off["default"] == {"sslmode": "require"}
    assert database_options(tmp_path)["default"] == {"timeout": 20}  # SQLite: nothing of the kind
