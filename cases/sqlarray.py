"""`column = ANY(array)` on PostgreSQL, `column IN (…)` elsewhere, as one lookup.

Two cases gain from it on PostgreSQL:
- a list of ids becomes one array parameter, so pages of 50 and of 38 rows send the same SQL text,
  which the server prepares once (cases/querycache.py);
- a subquery becomes `ARRAY(SELECT …)`, which PostgreSQL runs once, before the query, and then uses
  as an index condition: the annual report of a county's offices reads the (office, date) indexes of
  those offices only, where `IN (SELECT …)` had it read the whole year of every office and join
  afterwards (bench/api.py's report: about twice as fast, and half the pages read).

Use it as an expression: `Model.objects.filter(AnyOf(F("pk"), ids))` or
`….filter(AnyOf(F("agency_id"), Agency.objects.filter(…).values("pk")))`.
"""

from django.db.models import Lookup


class AnyOf(Lookup):
    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        postgresql = connection.vendor == "postgresql"
        if hasattr(self.rhs, "as_sql"):  # a subquery: compiled in parentheses, "(SELECT …)"
            rhs, rhs_params = compiler.compile(self.rhs)
            if not rhs.startswith("("):
                rhs = f"({rhs})"
            return (f"{lhs} = ANY(ARRAY{rhs})" if postgresql else f"{lhs} IN {rhs}"), (
                *lhs_params,
                *rhs_params,
            )
        ids = list(self.rhs)
        if postgresql:
            return f"{lhs} = ANY(%s)", (*lhs_params, ids)
        if not ids:
            return "1 = 0", tuple(lhs_params)
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", (*lhs_params, *ids)
