"""A values() query of one fixed shape, "these rows by their ids", compiled by the ORM once per number
of ids and run again with other ids without building and compiling the QuerySet each time.

The API reads a page's applications and their events this way: the same two queries on every list
request, whose compilation by the ORM cost more than their execution. The SQL, the column names and
Django's value converters come from the ORM itself (nothing is written by hand), so the rows are the
ones `list(build(ids))` would give.

Build the query with `AnyOf(F("pk"), ids)` (cases/sqlarray.py) rather than `pk__in=ids`: on PostgreSQL
the ids are then one array parameter (`id = ANY(%s)`), so a page of 50 rows and a page of 38 send the
same SQL text, which the server prepares once and runs on its saved plan (settings: prepare_threshold)
instead of planning the joins again for every page length; elsewhere it is the IN list the ORM writes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class _Compiled:
    sql: str
    array: bool  # the ids are one parameter (AnyOf on PostgreSQL), not one parameter each
    names: tuple[str, ...]
    converters: dict[int, tuple[list[Callable], Any]]


class RowsByIds:
    """`RowsByIds(Model, lambda ids: Model.objects.filter(AnyOf(F("pk"), ids)).values(...))(ids)` →
    the list of dicts that QuerySet gives (`pk__in=ids` works too, one SQL text per number of ids)."""

    def __init__(self, model: type[Model], build: Callable[[list[int]], QuerySet]) -> None:
        self.model = model
        self.build = build
        self._compiled: dict[tuple[str, int], _Compiled | None] = {}

    def __call__(self, ids: list[int]) -> list[dict]:
        ids = list(dict.fromkeys(ids))  # as the ORM's IN would: each id once, in order
        if not ids:
            return []
        alias = router.db_for_read(self.model)
        key = (alias, len(ids))
        if key not in self._compiled:
            self._compiled[key] = self._compile(self.build(ids).using(alias), ids)
        compiled = self._compiled[key]
        if compiled is None:  # a shape whose parameters are not just the ids: the ORM as usual
            return list(self.build(ids).using(alias))
        connection = connections[alias]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                native_timestamptz(cursor.cursor)
            cursor.execute(compiled.sql, [ids] if compiled.array else ids)
            rows = cursor.fetchall()
        names, converters = compiled.names, compiled.converters
        if not converters:
            return [dict(zip(names, row, strict=True)) for row in rows]
        out = []
        for row in rows:
            values = list(row)
            for position, (functions, expression) in converters.items():
                value = values[position]
                for function in functions:
                    value = function(value, expression, connection)
                values[position] = value
            out.append(dict(zip(names, values, strict=True)))
        return out

    @staticmethod
    def _compile(qs: QuerySet, ids: list[int]) -> _Compiled | None:
        query = qs.query
        compiler = query.get_compiler(using=qs.db)
        sql, params = compiler.as_sql()
        array = list(params) == [ids]
        if not (array or list(params) == ids):
            return None
        fields = [expression for expression, _, _ in compiler.select[: compiler.col_count]]
        # the names in the order ValuesIterable gives them
        names = query.selected or [
            *query.extra_select,
            *query.values_select,
            *query.annotation_select,
        ]
        return _Compiled(
            sql=sql,
            array=array,
            names=tuple(names),
            converters=compiler.get_converters(fields),
        )


def native_timestamptz(cursor) -> None:
    """Load this psycopg cursor's timestamptz values with psycopg's own (C) loader. Django's loader is
    a pure-Python subclass of it that only pins the zone to UTC; psycopg's gives the same instant, aware,
    in the session's zone (UTC, set by Django) — a page of rows and events has ~160 of them."""
    import psycopg
    from psycopg.postgres import types
    from psycopg.pq import Format

    oid = types["timestamptz"].oid
    cursor.adapters.register_loader(oid, psycopg.adapters.get_loader(oid, Format.TEXT))
