"""On SQLite (scripts/serve, a laptop) `migrate` and `check --database default` say nothing about the
open cases' covering index: its INCLUDE columns are for PostgreSQL, and SQLite indexing the key alone
is intended (the first command of the README printed a models.W040 warning among its output).
Only SQLite has the warning silenced: settings on PostgreSQL silence nothing."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_check_on_sqlite_has_no_covering_index_warning(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--database", "default"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "W040" not in result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_postgres_settings_silence_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL="postgres://gongkai@db.example/gongkai")
    code = "import config.settings as s; print(getattr(s, 'SILENCED_SYSTEM_CHECKS', []))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
