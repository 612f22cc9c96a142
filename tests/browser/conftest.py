"""Playwright fixtures for the browser tests: Debian's Chromium (never a downloaded browser), one
browser per test module, a fresh context per test against pytest-django's live server, a screenshot in
test-artifacts/ when a test fails, and no console errors (a blocked script or style — e.g. by the
content security policy — fails the test).

Chromium missing: locally the tests skip with the reason; in CI (CI=true) they fail loudly."""

import os
import re
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(
    os.environ.get("GONGKAI_TEST_ARTIFACTS")
    or Path(__file__).resolve().parents[2] / "test-artifacts"
)
TIMEOUT_MS = 15_000


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="module")
def chromium():
    if not os.access(CHROMIUM, os.X_OK):
        reason = (
            f"{CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium); "
            "Playwright must not download a browser"
        )
        if in_ci():
            pytest.fail(f"CI=true but {reason}", pytrace=False)
        pytest.skip(reason)
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are still
    # synchronous, so Django's async-safety check must be told — only while the browser is up
    # (one browser per test module, so other tests never run with the check off).
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # Django's connections are context-local, and Playwright's sync API switches the context: the
    # tests' `connections["default"]` becomes a new wrapper without the serialized database that
    # django_db(serialized_rollback=True) restores (and whose presence keeps the flush after the test
    # from re-running post_migrate). Hand it over, so these tests put back what they empty.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    try:
        with sync_playwright() as playwright:
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def page(chromium, live_server, request):
    """A fresh browser tab on the live server; screenshot on failure; console errors fail the test."""
    context = chromium.new_context(
        base_url=live_server.url,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    problems: list[str] = []

    def on_console(msg) -> None:
        url = (msg.location or {}).get("url", "")
        if msg.type == "error" and not url.endswith("/favicon.ico"):
            problems.append(f"console {msg.type}: {msg.text} ({url})")

    tab.on("console", on_console)
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    request.node.browser_problems = problems
    yield tab
    failed = any(
        getattr(request.node, f"report_{when}", None) is not None
        and getattr(request.node, f"report_{when}").failed
        for when in ("setup", "call")
    )
    if failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
        try:
            tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # the screenshot must never hide the real failure
            print(f"screenshot failed: {exc}")
        else:
            print(f"screenshot: {ARTIFACTS / name}.png")
    context.close()
    if not failed:
        assert not problems, "the browser reported errors:\n" + "\n".join(problems)


@pytest.fixture
def browser_problems(page, request) -> list[str]:
    """The console errors seen so far; a test that provokes one on purpose removes it here."""
    return request.node.browser_problems


@pytest.fixture
def login(page):
    """Log in through the login page as a test user (password "pw", see tests/conftest.py)."""

    def _login(user, password: str = "pw"):
        page.goto("/login/")
        page.get_by_label("用户名").fill(user.username)
        page.get_by_label("密码").fill(password)
        page.get_by_role("button", name="登录").click()
        page.wait_for_url(lambda url: "/login/" not in url)
        return page

    return _login
