"""One page of a list and the list's total, in one query.

`SELECT id, COUNT(*) OVER () … ORDER BY … LIMIT n` counts every row of the list and returns only the
page's ids. Written over the list as a subquery, and on PostgreSQL behind `OFFSET 0`, so that the
planner plans the list for all its rows — which the count reads anyway. Without that fence PostgreSQL
15 costs the window as if the LIMIT let it stop early and walks the whole table in date order: a
county's list of 100,000 cases took 1.9 s instead of ~30 ms (bench/api.py)."""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import F, OrderBy, QuerySet


def order_term(term) -> tuple[str, str] | None:
    """A term of an ordering as (field name, direction with its NULLS clause): "name", "-name" or
    F("name").asc()/.desc() with nulls_first/nulls_last; None for anything else."""
    if isinstance(term, str):
        return term.lstrip("-"), "DESC" if term.startswith("-") else "ASC"
    if isinstance(term, OrderBy) and type(term.expression) is F:
        nulls = " NULLS FIRST" if term.nulls_first else " NULLS LAST" if term.nulls_last else ""
        return term.expression.name, ("DESC" if term.descending else "ASC") + nulls
    return None


def page_ids_and_total(qs: QuerySet, rows: slice) -> tuple[list[int], int] | None:
    """The ids of rows[start:stop] of `qs` in its order and the number of rows of `qs`; the total
    is None when the page is past the end (no row to carry it). None when `qs` is not ordered by
    plain fields of its model."""
    model = qs.model
    terms = [order_term(term) for term in qs.query.order_by]
    if not terms or None in terms:
        return None
    fields = {field.name: field for field in model._meta.concrete_fields}
    columns: list[tuple[str, str]] = []
    for name, direction in terms:
        field = fields.get("id" if name == "pk" else name)
        if field is None:
            return None
        columns.append((field.column, direction))
    names = list(dict.fromkeys(["id", *(column for column, _ in columns)]))
    inner = qs.order_by().values_list(*names)
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # a list that can hold no row (the user sees no office): no query at all
        return [], None
    connection = connections[qs.db]
    quote = connection.ops.quote_name
    fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
    order = ", ".join(f"m.{quote(column)} {direction}" for column, direction in columns)
    query = (
        f"SELECT m.{quote('id')}, COUNT(*) OVER () FROM ({sql}{fence}) m "
        f"ORDER BY {order} LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, (*params, rows.stop - rows.start, rows.start))
        found = cursor.fetchall()
    return [pk for pk, _ in found], (found[0][1] if found else None)
