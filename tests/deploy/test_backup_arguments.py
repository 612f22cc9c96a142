"""`manage.py backup_data` and `restore_data` refuse wrong arguments before reading anything, with a
clear message: a directory instead of a file name (the whole backup was read and written, then the
command failed with IsADirectoryError), an unknown --database (ConnectionDoesNotExist traceback)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("trailing", ["", "/"])
def test_a_directory_is_not_a_backup_file_name(tmp_path, trailing, monkeypatch):
    import cases.management.commands.backup_data as backup

    def never(*args, **kwargs):
        raise AssertionError("the backup was read before the file name was checked")

    monkeypatch.setattr(backup, "write_backup", never)
    with pytest.raises(CommandError, match=r"是一个目录.*gongkai-"):
        call_command("backup_data", f"{tmp_path}{trailing}")
    assert list(tmp_path.iterdir()) == []  # nothing left behind


@pytest.mark.parametrize("command", ["backup_data", "restore_data"])
def test_an_unknown_database_is_refused(tmp_path, command):
    with pytest.raises(CommandError, match="nope"):
        call_command(command, str(tmp_path / "b.jsonl.gz"), "--database", "nope")
