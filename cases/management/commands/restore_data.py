"""manage.py restore_data FILE — load a ``backup_data`` file into an empty, migrated database.

"Empty": created, then ``manage.py migrate`` and nothing else — no offices, staff or cases. The
holiday calendar that ``migrate`` seeds (and any login attempts made on the empty server) are
replaced by the backup's. A database that holds anything else is refused with a message saying
what is there, so a restore can never mix two databases. The database must be at the same
migrations as the one backed up (same Gongkai version): restore with the version that made the
backup, then upgrade as usual (``migrate``).

Everything is loaded in one transaction with the original primary keys; the foreign keys are
checked, the row counts compared with the backup's header, and the id sequences moved past the
restored rows. Any error leaves the database as it was.
"""

import gzip
import io
import json
import sys
import zlib
from collections import Counter
from collections.abc import Iterator

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from cases.clocksync import invalidate_calendar

from .backup_data import (
    FORMAT,
    VERSION,
    applied_migrations,
    backup_models,
    replaceable,
    require_database,
)


def open_backup(path: str) -> io.TextIOBase:
    if path == "-":
        return sys.stdin
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the caller through the text wrapper
    except OSError as exc:
        raise CommandError(f"无法打开备份文件 {path}：{exc.strerror}") from exc
    binary = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == b"\x1f\x8b" else raw
    return io.TextIOWrapper(binary, encoding="utf-8")


# what reading a file that is cut short or damaged raises: gzip's EOFError, BadGzipFile (an OSError) or
# zlib.error, and UnicodeDecodeError (a ValueError) for bytes that are not UTF-8
UNREADABLE = (EOFError, OSError, ValueError, zlib.error)


def read_header(stream) -> dict:
    # a compressed file is one of ours (the nightly .jsonl.gz) until shown otherwise: damaged bytes in
    # it may decompress into garbage before the checksum at its end says so
    compressed = isinstance(getattr(stream, "buffer", None), gzip.GzipFile)
    try:
        line = stream.readline()
    except UNREADABLE as exc:
        if compressed or not isinstance(exc, UnicodeDecodeError):
            raise CommandError(f"备份文件不完整或已损坏，无法读取文件头（{exc}）。") from exc
        raise CommandError("这不是 Gongkai 的备份文件（无法读取文件头）。") from exc
    try:
        header = json.loads(line)
    except ValueError as exc:
        if compressed:
            raise CommandError(
                "备份文件已损坏，或不是 Gongkai 的备份文件（无法读取文件头）。"
            ) from exc
        raise CommandError("这不是 Gongkai 的备份文件（无法读取文件头）。") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise CommandError("这不是 Gongkai 的备份文件（文件头格式不符）。")
    if header.get("version") != VERSION:
        raise CommandError(
            f"备份文件格式版本 {header.get('version')} 不受支持（本程序支持 {VERSION}）。"
        )
    return header


def backup_lines(stream) -> Iterator[str]:
    """The lines after the header, read to the end of the file. A file that cannot be read to its
    end is refused like one with missing rows, inside the restore's transaction: nothing is kept."""
    try:
        yield from stream
    except UNREADABLE as exc:
        raise CommandError(
            f"备份文件不完整或已损坏，未恢复任何数据：读到中途无法继续读取（{exc}）。"
        ) from exc


def check_migrations(header: dict, using: str) -> None:
    backup = {tuple(m) for m in header["migrations"]}
    here = {tuple(m) for m in applied_migrations(using)}
    if backup == here:
        return
    missing = sorted(backup - here)
    extra = sorted(here - backup)
    lines = ["目标数据库的迁移状态与备份不一致，不能恢复。"]
    if missing:
        lines.append(
            "备份来自较新的版本，目标数据库缺少迁移："
            + "、".join(f"{a}.{n}" for a, n in missing[:10])
            + "。请先安装与备份相同的版本并执行 manage.py migrate。"
        )
    if extra:
        lines.append(
            "目标数据库比备份多出迁移："
            + "、".join(f"{a}.{n}" for a, n in extra[:10])
            + "。请用制作备份时的版本恢复，再升级并执行 manage.py migrate。"
        )
    raise CommandError("\n".join(lines))


def check_empty(models, using: str) -> None:
    occupied = [
        f"{m._meta.label}（{m._meta.verbose_name}）{n} 行"
        for m in models
        if not replaceable(m) and (n := m._base_manager.using(using).count())
    ]
    if occupied:
        raise CommandError(
            "目标数据库不是空的，拒绝恢复（恢复只能写入新建并执行过 migrate 的空数据库）。已有数据："
            + "；".join(occupied[:10])
            + ("……" if len(occupied) > 10 else "")
        )


def restore(stream, header: dict, using: str) -> Counter:
    connection = connections[using]
    models = backup_models()
    known = {m._meta.label_lower for m in models}
    unknown = sorted(set(header["counts"]) - known)
    if unknown:
        raise CommandError("备份中有本版本不认识的表：" + "、".join(unknown))
    loaded: Counter = Counter()
    touched = set()
    with transaction.atomic(using=using):
        check_empty(models, using)
        # the live tables first: deleting them writes history rows, deleted next
        for model in sorted(
            filter(replaceable, models),
            key=lambda m: m._meta.label_lower.startswith("cases.historical"),
        ):
            model._base_manager.using(using).all().delete()
        deferred = []
        with connection.constraint_checks_disabled():
            objects = serializers.deserialize(
                "jsonl", backup_lines(stream), using=using, handle_forward_references=True
            )
            for obj in objects:
                obj.save(using=using, force_insert=True)
                if obj.deferred_fields:
                    deferred.append(obj)
                label = obj.object._meta.label_lower
                loaded[label] += 1
                touched.add(type(obj.object))
            for obj in deferred:
                obj.save_deferred_fields(using=using)
        tables = [m._meta.db_table for m in touched]
        connection.check_constraints(table_names=tables)
        expected = {label: n for label, n in header["counts"].items() if n}
        if dict(loaded) != expected:
            differing = sorted(
                f"{label}：备份 {expected.get(label, 0)} 行，读到 {loaded.get(label, 0)} 行"
                for label in set(expected) | set(loaded)
                if expected.get(label, 0) != loaded.get(label, 0)
            )
            raise CommandError("备份文件不完整或已损坏，未恢复任何数据：" + "；".join(differing))
        sequences = connection.ops.sequence_reset_sql(no_style(), list(touched))
        if sequences:
            with connection.cursor() as cursor:
                for sql in sequences:
                    cursor.execute(sql)
    invalidate_calendar()
    return loaded


class Command(BaseCommand):
    help = "把 backup_data 制作的备份恢复到新建并执行过 migrate 的空数据库。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="备份文件路径（- 表示标准输入）")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file: str, database: str, **options) -> None:
        require_database(database)
        stream = open_backup(file)
        try:
            header = read_header(stream)
            check_migrations(header, database)
            try:
                loaded = restore(stream, header, database)
            except serializers.base.DeserializationError as exc:
                raise CommandError(f"备份文件已损坏，未恢复任何数据：{exc}") from exc
        finally:
            if stream is not sys.stdin:
                stream.close()
        self.stdout.write(
            f"已恢复 {len(loaded)} 张表、{sum(loaded.values())} 行"
            f"（备份时间 {header['created_at']}，来自 {header['database']}）。"
        )
