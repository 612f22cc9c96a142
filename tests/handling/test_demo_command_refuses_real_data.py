"""`manage.py load_demo` loads the demo into an empty database (or skips an already loaded demo), and
refuses a database that holds offices or staff of its own — a production database before its first
case: the demo's accounts, a superuser among them, all have the published password."""

import pytest
from django.core.management import CommandError, call_command

from cases.models import Agency, Application, User

pytestmark = pytest.mark.django_db


def test_a_database_with_its_own_office_is_refused(frozen_today, people):
    with pytest.raises(CommandError, match=r"非演示数据.*元谋县人民政府"):
        call_command("load_demo")
    assert not User.objects.filter(username="yuanmou-admin").exists()
    assert not Application.objects.exists()


def test_a_database_with_only_its_first_administrator_is_refused(frozen_today, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-Passphrase-2026")
    call_command(
        "createsuperuser", "--noinput", "--username", "root", "--email", "it@example.gov.cn"
    )
    with pytest.raises(CommandError, match=r"非演示数据.*root"):
        call_command("load_demo")
    assert list(User.objects.values_list("username", flat=True)) == ["root"]
    assert not Agency.objects.exists()


def test_an_empty_database_is_loaded_and_a_loaded_demo_skipped(frozen_today, capsys):
    call_command("load_demo")
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "已载入演示数据" in out and "演示数据已存在，跳过。" in out
