"""Settings read from the environment (config/settings.py) refuse a value they cannot read with a
message naming the variable and the value, instead of reading it as something else or failing deep
inside a library. Checked in a separate process, as the server reads them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "s" * 50


def load_settings(
    tmp_path: Path, *, show: str = "s.DEBUG", **env: str
) -> subprocess.CompletedProcess:
    """Import the settings with these variables on top of a clean development environment, and print
    the setting `show`."""
    drop = {"DJANGO_SETTINGS_MODULE", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "SECRET_KEY"}
    full = {k: v for k, v in os.environ.items() if k not in drop}
    full.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    full.update(env)
    code = f"import config.settings as s; print({show})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, result.stdout
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: "), result.stderr[-2000:]
    return last


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DEBUG", "maybe"),
        ("DEBUG", ""),
        ("AXES_ENABLED", "nein"),
        ("EMAIL_USE_SSL", "ture"),
        ("CSP_REPORT_ONLY", "2"),
    ],
)
def test_a_yes_or_no_that_is_neither_is_refused(tmp_path, name, value):
    message = refusal(load_settings(tmp_path, **{name: value}))
    assert name in message and f"'{value}'" in message and "true" in message


@pytest.mark.parametrize(
    ("value", "debug"),
    [
        *[("false", False), (" False ", False), ("0", False), ("off", False), ("no", False)],
        *[("true", True), ("TRUE", True), ("1", True), ("on", True), ("yes", True)],
    ],
)
def test_the_usual_spellings_are_read(tmp_path, value, debug):
    result = load_settings(tmp_path, DEBUG=value, SECRET_KEY=SECRET, ALLOWED_HOSTS="example.gov.cn")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == str(debug)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GONGKAI_DUE_SOON_DAYS", "abc"),
        ("GONGKAI_DUE_SOON_DAYS", "-1"),
        ("GONGKAI_DUE_SOON_DAYS", "3.5"),
        ("CONN_MAX_AGE", "1min"),
        ("SESSION_COOKIE_AGE", "0"),
        ("AXES_FAILURE_LIMIT", "0"),
        ("TRUSTED_PROXY_COUNT", "-1"),
        ("EMAIL_PORT", ""),
    ],
)
def test_a_number_that_is_not_one_or_out_of_range_is_refused(tmp_path, name, value):
    message = refusal(load_settings(tmp_path, **{name: value}))
    assert name in message and f"'{value}'" in message and "整数" in message


def test_numbers_in_range_are_read(tmp_path):
    code = (
        "import config.settings as s; "
        "print(s.GONGKAI['DUE_SOON_WORKING_DAYS'], s.TRUSTED_PROXY_COUNT, s.SESSION_COOKIE_AGE)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        GONGKAI_DUE_SOON_DAYS=" 0 ",
        TRUSTED_PROXY_COUNT="1",
        SESSION_COOKIE_AGE="3600",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["0", "1", "3600"]


BAD_DATABASE_URLS = {
    "no-scheme": "foo",
    "no-colon": "postgres//gongkai@127.0.0.1/gongkai",
    "bad-port": "postgres://gongkai:secret@127.0.0.1:54x2/gongkai",
    "mysql": "mysql://gongkai:secret@127.0.0.1/gongkai",
    "no-database": "postgres://gongkai:secret@127.0.0.1:5432/",
}


@pytest.mark.parametrize(
    ("name", "url"),
    [("DATABASE_URL", "")]
    + [
        (name, url)
        for name in ("DATABASE_URL", "DATABASE_REPLICA_URL")
        for url in BAD_DATABASE_URLS.values()
    ],
)
def test_a_database_address_that_is_not_one_is_refused(tmp_path, name, url):
    message = refusal(load_settings(tmp_path, **{name: url}))
    assert name in message and "postgres://" in message
    assert "secret" not in message  # the password is not repeated into the logs


def test_a_database_address_is_read(tmp_path):
    url = "postgres://gongkai:p%40ss@db.example:5433/gongkai"
    code = (
        "import config.settings as s; d = s.DATABASES['default']; print(d['PASSWORD'], d['PORT'])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=url)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["p@ss", "5433"]


def test_an_empty_replica_address_means_no_replica(tmp_path):
    code = "import config.settings as s; print(sorted(s.DATABASES))"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", DATABASE_REPLICA_URL="")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['default']"


@pytest.mark.parametrize("hosts", ["", " ", ",", " , "])
def test_production_without_a_host_name_is_refused(tmp_path, hosts):
    """With DEBUG off Django answers every request with 400 when ALLOWED_HOSTS is empty: refuse to
    start instead, saying what to set."""
    message = refusal(
        load_settings(tmp_path, DEBUG="false", SECRET_KEY=SECRET, ALLOWED_HOSTS=hosts)
    )
    assert "ALLOWED_HOSTS" in message


def test_development_without_a_host_name_still_starts(tmp_path):
    """With DEBUG on, Django itself allows localhost when ALLOWED_HOSTS is empty."""
    result = load_settings(tmp_path, DEBUG="true", ALLOWED_HOSTS="")
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("value", ["", "  ", "1" * 21, "热线", "96128;drop"])
def test_a_hotline_that_is_not_a_telephone_number_is_refused(tmp_path, value):
    assert "GONGKAI_HOTLINE" in refusal(load_settings(tmp_path, GONGKAI_HOTLINE=value))


def test_a_hotline_is_read(tmp_path):
    show = "s.GONGKAI['DEFAULT_HOTLINE']"
    result = load_settings(tmp_path, show=show, GONGKAI_HOTLINE=" 0878-12345 ")
    assert result.stdout.strip() == "0878-12345"
