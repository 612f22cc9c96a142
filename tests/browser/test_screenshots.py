"""A failing browser test saves a full-page screenshot of where it failed (test-artifacts/)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser


def test_a_failing_browser_test_saves_a_screenshot(chromium, tmp_path):
    env = {
        **os.environ,
        "GONGKAI_TEST_ARTIFACTS": str(tmp_path),
        # its own (SQLite) test database: never the one this run is using
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/browser/failing_example.py",
            "-o",
            "python_files=failing_example.py",
            "-p",
            "no:cacheprovider",
            "-q",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-2000:]
    assert "failing on purpose" in result.stdout
    (shot,) = tmp_path.glob("*.png")
    assert "test_fails_on_the_login_page" in shot.name
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000
