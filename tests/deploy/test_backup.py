"""Backup and restore: everything, history included, comes back identical — the same rows in every
table and the same annual reports — in the test database (after a flush) and in a brand-new
database through the documented commands; a restore refuses a database that is not empty, a
damaged file and a database at other migrations, and then changes nothing."""

import gzip
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from rest_framework.authtoken.models import Token

from cases.demo import load_demo
from cases.models import Application, CalendarDay, PublishedReport, User
from cases.services.calendar import calendar_set_day

from .fingerprint import fingerprint

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office_data(db):
    """Two years of demo cases plus what demo data lacks: an API token, a calendar edit (with its
    history), a published report."""
    load_demo()
    admin = User.objects.get(username="yuanmou-admin")
    Token.objects.create(user=admin)
    calendar_set_day(user=admin, day=CalendarDay.objects.first().day, workday=False, name="改名")
    from cases.reports.publish import publish

    supervisor = User.objects.get(username="jiangyi-supervisor")
    publish(user=supervisor, agency=supervisor.agency, year=2025, include_children=False)
    assert PublishedReport.objects.exists()
    return fingerprint()


@pytest.fixture
def small_data(register):
    """A township with its staff and one application (for the refusals: quicker than the demo)."""
    register()
    return fingerprint()


def empty_database() -> None:
    """`manage.py flush` inside the test's transaction (PostgreSQL first fires the pending deferred
    foreign-key checks, which TRUNCATE refuses to leave behind)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def body(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return f.read().splitlines()[1:]


def test_backup_flush_restore_gives_identical_reports(office_data, tmp_path):
    before = office_data
    assert before["counts"]["cases.historicalapplication"] > before["counts"]["cases.application"]
    assert before["counts"]["authtoken.token"] == 1
    assert any(r["applications"] for r in before["reports"].values())
    backup = tmp_path / "gongkai.jsonl.gz"

    call_command("backup_data", str(backup))
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600  # personal data: owner only
    empty_database()
    assert Application.objects.count() == 0
    call_command("restore_data", str(backup))

    assert fingerprint() == before
    # and byte for byte: a backup of the restored database has the same rows (microseconds too)
    again = tmp_path / "again.jsonl"
    call_command("backup_data", str(again))
    assert body(again) == body(backup)
    # the id sequences continue after the restored rows
    assert User.objects.create_user(username="new-after-restore").pk > max(
        u.pk for u in User.objects.exclude(username="new-after-restore")
    )


def test_restore_refuses_a_database_with_data_and_changes_nothing(small_data, tmp_path):
    backup = tmp_path / "b.jsonl"
    call_command("backup_data", str(backup))
    with pytest.raises(CommandError, match="不是空的"):
        call_command("restore_data", str(backup))
    assert fingerprint() == small_data


def test_restore_refuses_a_truncated_file(small_data, tmp_path):
    backup = tmp_path / "b.jsonl"
    call_command("backup_data", str(backup))
    lines = backup.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    empty_database()
    with pytest.raises(CommandError, match="不完整或已损坏"):
        call_command("restore_data", str(cut))
    assert User.objects.count() == 0 and Application.objects.count() == 0


def test_restore_refuses_other_migrations_and_other_files(small_data, tmp_path):
    backup = tmp_path / "b.jsonl"
    call_command("backup_data", str(backup))
    lines = backup.read_text(encoding="utf-8").splitlines(keepends=True)
    header = json.loads(lines[0])
    header["migrations"].append(["cases", "9999_from_the_future"])
    newer = tmp_path / "newer.jsonl"
    newer.write_text(json.dumps(header) + "\n" + "".join(lines[1:]), encoding="utf-8")
    empty_database()
    with pytest.raises(CommandError, match="9999_from_the_future"):
        call_command("restore_data", str(newer))
    other = tmp_path / "other.json"
    other.write_text('[{"model": "cases.agency"}]\n', encoding="utf-8")
    with pytest.raises(CommandError, match="不是 Gongkai 的备份文件"):
        call_command("restore_data", str(other))
    with pytest.raises(CommandError, match="无法打开"):
        call_command("restore_data", str(tmp_path / "missing.jsonl"))


def manage(*args: str, database_url: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "true"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_restore_into_a_new_database_with_the_documented_commands(office_data, tmp_path):
    """The guide's steps on a brand-new SQLite database (whatever this test run uses): migrate,
    restore_data, and the reports are the same."""
    backup = tmp_path / "gongkai.jsonl.gz"
    call_command("backup_data", str(backup))
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    manage("migrate", "--noinput", "-v0", database_url=url)
    manage("restore_data", str(backup), database_url=url)
    out = manage(
        "shell", "-c", "from tests.deploy.fingerprint import main; main()", database_url=url
    )
    assert json.loads(out.strip().splitlines()[-1]) == office_data
