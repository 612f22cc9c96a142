"""A compressed backup (the nightly .jsonl.gz) that was cut short — a full disk, an interrupted copy —
or has damaged bytes is refused with the restore's message, nothing restored, as a plain file cut
short is: not a Python traceback (EOFError, zlib's error, a UTF-8 decoding error)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cases.models import Applicant, Application, User

from .test_backup import empty_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def backup(register, tmp_path):
    for day in range(2, 7):  # enough rows for a file of several compressed blocks
        register(content=f"申请{day}" * 200)
    path = tmp_path / "gongkai.jsonl.gz"
    call_command("backup_data", str(path))
    empty_database()
    return path.read_bytes()


def refused(data: bytes, tmp_path, match: str = "已损坏") -> str:
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(data)
    with pytest.raises(CommandError, match=match) as exc:
        call_command("restore_data", str(damaged))
    assert User.objects.count() == Applicant.objects.count() == Application.objects.count() == 0
    return str(exc.value)


def test_a_compressed_backup_cut_short_is_refused(backup, tmp_path):
    for kept in (len(backup) // 2, len(backup) - 4):  # mid-way; only the gzip trailer lost
        message = refused(backup[:kept], tmp_path, match="不完整或已损坏")
        assert "未恢复任何数据" in message


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_a_compressed_backup_with_damaged_bytes_is_refused(backup, tmp_path, where):
    data = bytearray(backup)
    at = int(len(data) * where)
    data[at : at + 8] = bytes(b ^ 0x5A for b in data[at : at + 8])
    refused(bytes(data), tmp_path)  # a damaged block, or a checksum that no longer matches


def test_the_whole_compressed_backup_still_restores(backup, tmp_path):
    path = tmp_path / "whole.jsonl.gz"
    path.write_bytes(backup)
    call_command("restore_data", str(path))
    assert Application.objects.count() == 5
