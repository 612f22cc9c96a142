"""The applications' search, answered on PostgreSQL by the bigram indexes of migration 0006.

The search is "the number, the applicant's name or the content contains the term, or the term is the
applicant's ID number or credit code" (`exact`, as cases/textsearch.py matches text). Alone, that reads
every case of the offices and dates asked for, one row at a time (a year of one office, ~500 cases:
~6 ms at 1,000,000 cases; the whole prefecture's year: hundreds of ms).

So on PostgreSQL the search adds a condition that every case the search finds meets and that the
indexes answer without reading the cases: every two consecutive characters of the term appear among
those of the case's number or content, or among those of its applicant's name, or the applicant has
the term as ID number or credit code. If the text contains the term, it contains each of the term's
pairs of characters, so the condition never drops a case the search would find; `exact` still decides
which cases are found. Cases are indexed per office ("<office id>:<pair>"), so a pair as common as 低保
is looked up among the offices asked for only, not among a million cases.

The condition is added only where it is exact to do so: on PostgreSQL, for a term of two characters or
more without letter case (Chinese, digits, punctuation: nearly every term typed here). A term with
letter case is matched ignoring case, which pairs of characters as written do not capture; one
character has no pair. Those search as before.
"""

from django.db.models import BooleanField, Expression, F, Q, QuerySet

from cases.models import Agency, Applicant
from cases.textsearch import contains_any, has_case

# a term's first pairs looked up: each is one more look-up in the index, and the first few already
# leave the rows `exact` reads to a handful
PAIRS_LOOKED_UP = 3


def pairs(term: str) -> list[str]:
    """Each two consecutive characters of `term`, once, in order (as the index functions cut text)."""
    return list(dict.fromkeys(term[i : i + 2] for i in range(len(term) - 1)))


def exact(term: str) -> Q:
    """The applications the search finds."""
    code = term.upper()
    return (
        contains_any(term, "number", "applicant__name", "content")
        | Q(applicant__id_number=code)
        | Q(applicant__credit_code=code)
    )


class IndexedCandidates(Expression):
    """The condition the indexes answer (see the module's docstring), written out as SQL: built with
    the ORM's expressions it cost more to build and compile (~0.9 ms) than it saved on the query.

    `offices` is the list's offices: their ids when the list names them (one office: the keys are
    known here), else the offices' queryset (a subtree: the keys are made by the server)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, looked_up: list[str], code: str, offices: list[int] | QuerySet[Agency]):
        super().__init__()
        self.looked_up, self.code, self.offices = looked_up, code, offices
        self.columns = [F("agency_id"), F("number"), F("content"), F("applicant_id")]

    def get_source_expressions(self):
        return self.columns

    def set_source_expressions(self, exprs):
        self.columns = list(exprs)

    def as_sql(self, compiler, connection):
        agency, number, content, applicant = (compiler.compile(c)[0] for c in self.columns)
        grams = f"gongkai_application_grams({agency}, {number}, {content})"
        quote = connection.ops.quote_name
        applicants = (
            f"{applicant} = ANY(ARRAY(SELECT a.{quote('id')} FROM {quote(Applicant._meta.db_table)} a"
            f" WHERE gongkai_name_grams(a.{quote('name')}) @> %s::text[]"
            f" OR a.{quote('id_number')} = %s OR a.{quote('credit_code')} = %s))"
        )
        tail = [self.looked_up, self.code, self.code]
        offices = self.offices
        if isinstance(offices, list):  # the keys are known here
            if len(offices) == 1:  # every pair, in the one office
                keys = [f"{offices[0]}:{pair}" for pair in self.looked_up]
                return f"({grams} @> %s::text[] OR {applicants})", [keys, *tail]
            each = f"{grams} && %s::text[]"
            every = [[f"{office}:{pair}" for office in offices] for pair in self.looked_up]
        else:  # made by the server, from the offices' query
            sql, params = (
                offices.order_by().values("pk").query.get_compiler(connection=connection).as_sql()
            )
            table = quote(Agency._meta.db_table)
            each = (
                f"{grams} && ARRAY(SELECT k.{quote('id')}::text || %s FROM {table} k"
                f" WHERE k.{quote('id')} IN ({sql}))"
            )
            every = [value for pair in self.looked_up for value in (f":{pair}", *params)]
        condition = " AND ".join([each] * len(self.looked_up))
        return f"(({condition}) OR {applicants})", [*every, *tail]


def application_matches(term: str, *, offices: list[int] | QuerySet[Agency], vendor: str) -> Q:
    """The search's condition on applications of `offices` (the offices the list is scoped to: their
    ids, or a queryset of them)."""
    found = exact(term)
    looked_up = pairs(term)[:PAIRS_LOOKED_UP]
    if vendor != "postgresql" or not looked_up or has_case(term) or offices == []:
        return found
    return found & Q(IndexedCandidates(looked_up, term.upper(), offices))
