"""How the report's queries are written so that both databases plan them well.

SQLite's planner, given an office with the offices under it, takes the (agency, date) index even when
the range covers most of the table and then reads the rows in random order; a plain table scan is
2–4× faster there (bench/report.py). These helpers keep such terms from driving an index on SQLite and
are plain columns everywhere else.

On PostgreSQL an office with the offices under it is `agency_id = ANY(ARRAY(SELECT …))` (access.in_offices):
the offices are read first and their (office, date) indexes drive the query; with `IN (SELECT …)`
PostgreSQL read the year of every office and kept the scope's rows afterwards."""

from django.db import connection
from django.db.models import F, Func, OuterRef, QuerySet, Subquery

from cases.access import in_offices
from cases.models import Agency, Applicant


class Column(Func):
    """A column as it is — but with scan=True, on SQLite, written `+column` (SQLite's own idiom), so
    that the term cannot drive an index."""

    template = "%(expressions)s"

    def __init__(self, name: str, *, scan: bool = False) -> None:
        super().__init__(F(name))
        self.scan = scan

    def as_sqlite(self, compiler, connection, **extra):
        if self.scan:
            extra["template"] = "+%(expressions)s"
        return self.as_sql(compiler, connection, **extra)


def wide(qs: QuerySet, agency: Agency, include_children: bool, *dates: str) -> QuerySet:
    """The rows of the scope, with `_agency` (to group by) and `_<date>` to filter on (see Column)."""
    scan = include_children
    qs = qs.annotate(_agency=Column("agency_id", scan=scan)).alias(
        **{f"_{d}": Column(d, scan=scan) for d in dates}
    )
    if include_children:
        return qs.filter(in_offices(agency, include_children=True, field="_agency"))
    return qs.filter(agency_id=agency.pk)


def applicant_type(include_children: bool):
    """The column of the national table. On SQLite, for a wide scope, looked up per row rather than
    joined: with ANALYZE statistics SQLite would drive the join from the applicants and read the
    applications in random order (see Column); PostgreSQL hash-joins."""
    if include_children and connection.vendor == "sqlite":
        return Subquery(Applicant.objects.filter(pk=OuterRef("applicant_id")).values("type")[:1])
    return F("applicant__type")


def by_application_office(qs: QuerySet, agency: Agency, include_children: bool) -> QuerySet:
    """Remedies and fees, scoped by their application's office: their own date index drives the
    query (they are few), never the applications' office index (see Column)."""
    qs = qs.annotate(_agency=Column("application__agency_id", scan=True))
    return qs.filter(in_offices(agency, include_children=include_children, field="_agency"))
