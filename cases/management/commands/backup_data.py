"""manage.py backup_data FILE — everything in the database, history included, in one file.

The file is JSON Lines (gzip-compressed when FILE ends in ``.gz``; ``-`` writes to standard output):
a first line describing the backup (format, time, applied migrations, the number of rows of every
table), then one line per row, table by table in dependency order, with the primary keys kept.
It holds the offices, staff (password hashes, never passwords), applicants, applications and
their events, fees, remedies, consultations, published reports, the holiday calendar, every
``Historical…`` table (修改历史), API tokens, the admin log and django-axes' login records. Not
included: sessions (everyone logs in again), and content types and permissions, which
``migrate`` creates (references to them are written by name).

It reads one consistent snapshot (PostgreSQL: a REPEATABLE READ, READ ONLY transaction), so it can
run while the offices work. The same file restores on PostgreSQL or SQLite: ``restore_data``.
The file contains personal data: it is created readable by its owner only (0600).
"""

import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

import django
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "gongkai-backup"
VERSION = 1

# created by `migrate` in every database (and referred to by natural key), or short-lived
EXCLUDED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
# filled by `migrate` (the calendar seed) or by login attempts on an empty server: a restore
# replaces these instead of refusing to write over them
REPLACEABLE = {
    "cases.calendarday",
    "cases.calendaryear",
    "cases.historicalcalendarday",
    "cases.historicalcalendaryear",
}
REPLACEABLE_APPS = {"axes"}


def replaceable(model) -> bool:
    return model._meta.label_lower in REPLACEABLE or model._meta.app_label in REPLACEABLE_APPS


class ExactJSONEncoder(DjangoJSONEncoder):
    """Like Django's, but keeps microseconds (DjangoJSONEncoder cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime | time):
            if isinstance(o, time) and timezone.is_aware(o):
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        if isinstance(o, date):
            return o.isoformat()
        return super().default(o)


def backup_models() -> list:
    """Every concrete model to back up, parents before the rows that refer to them."""
    app_list = []
    for app_config in apps.get_app_configs():
        models = [
            m
            for m in app_config.get_models()
            if not m._meta.proxy and m._meta.managed and m._meta.label_lower not in EXCLUDED
        ]
        if models:
            app_list.append((app_config, models))
    return serializers.sort_dependencies(app_list, allow_cycles=True)


def refers_to_content_types(model) -> bool:
    """Rows that point at a content type or a permission are written with names, not ids."""
    return any(
        (field.many_to_many or field.many_to_one)
        and field.concrete
        and field.related_model in (ContentType, Permission)
        for field in model._meta.get_fields()
    )


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


@contextmanager
def snapshot(using: str) -> Iterator[None]:
    """One transaction for the whole dump, so every table is read as of the same moment."""
    connection = connections[using]
    if connection.in_atomic_block:  # already inside a transaction (e.g. a test): read in it
        yield
        return
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def require_database(using: str) -> None:
    """An unknown --database is refused by name (Django's ConnectionDoesNotExist is a traceback)."""
    if using not in connections:
        raise CommandError(f"没有名为 {using} 的数据库（可用：{'、'.join(connections)}）。")


def write_backup(stream, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write the backup to a text stream; returns its header."""
    models = backup_models()
    with snapshot(using):
        header = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "database": connections[using].vendor,
            "migrations": applied_migrations(using),
            "counts": {m._meta.label_lower: m._base_manager.using(using).count() for m in models},
        }
        stream.write(json.dumps(header, ensure_ascii=False) + "\n")
        for model in models:
            queryset = model._base_manager.using(using).order_by(model._meta.pk.name)
            natural = refers_to_content_types(model)
            if natural:
                m2m = [f.name for f in model._meta.many_to_many]
                rows = queryset.prefetch_related(*m2m) if m2m else queryset
            else:
                rows = queryset.iterator(chunk_size=2000)
            serializers.serialize(
                "jsonl",
                rows,
                stream=stream,
                cls=ExactJSONEncoder,
                use_natural_foreign_keys=natural,
                use_natural_primary_keys=False,
            )
    return header


@contextmanager
def open_for_writing(path: str) -> Iterator[io.TextIOBase]:
    """A private (0600) file written next to its final name and moved into place when complete,
    so a failed backup never leaves a file that looks whole."""
    partial = f"{path}.partial"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw:
            compressed = path.endswith(".gz")
            target = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) if compressed else raw
            text = io.TextIOWrapper(target, encoding="utf-8", newline="\n")
            yield text
            text.flush()
            text.detach()
            if compressed:
                target.close()  # writes the gzip trailer; `raw` stays open
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, path)
    except BaseException:
        if os.path.exists(partial):
            os.unlink(partial)
        raise


class Command(BaseCommand):
    help = "备份全部数据（含修改历史、API令牌、节假日、登录记录）到一个文件；用 restore_data 恢复。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="备份文件路径（以 .gz 结尾则压缩；- 表示标准输出）")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file: str, database: str, **options) -> None:
        require_database(database)
        if file == "-":
            header = write_backup(sys.stdout, database)
            sys.stdout.flush()
            return
        if os.path.isdir(file) or file.endswith(os.sep):
            example = os.path.join(file, "gongkai-YYYYMMDD.jsonl.gz")
            raise CommandError(f"{file} 是一个目录：请给出备份文件的名称，如 {example}")
        directory = os.path.dirname(os.path.abspath(file))
        if not os.path.isdir(directory):
            raise CommandError(f"目录不存在：{directory}")
        with open_for_writing(file) as stream:
            header = write_backup(stream, database)
        rows = sum(header["counts"].values())
        self.stdout.write(f"已备份 {len(header['counts'])} 张表、{rows} 行到 {file}")
