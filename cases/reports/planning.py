"""The report's aggregate queries are planned for their own office and year on PostgreSQL.

With prepared statements on (settings: DATABASE_PREPARED_STATEMENTS), PostgreSQL may reuse one generic
plan for every office and year; for a year's aggregates, where a township and a county with twenty
offices differ by orders of magnitude, that plan is measurably slower (bench/api.py's report). Inside
this block the statements stay prepared (parsed once) but are planned for their actual parameters."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connections, router

from cases.models import Application


@contextmanager
def planned_for_parameters() -> Iterator[None]:
    alias = router.db_for_read(Application)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_custom_plan")
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("RESET plan_cache_mode")
        except DatabaseError:
            pass  # the transaction failed: its rollback undoes the SET as well
