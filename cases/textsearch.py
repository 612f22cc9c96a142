"""The lists' text search: "contains, ignoring case" over some text columns, as one Q.

A term with no letters that have a case (Chinese, digits, 〔〕 and other punctuation — nearly every term
typed here) is matched with a plain LIKE: "ignoring case" changes nothing for it, and PostgreSQL then
needs not UPPER() every row's text before comparing (a year of one office's search ran twice as long
with it). Any other term keeps Django's icontains."""

from functools import reduce
from operator import or_

from django.db.models import Q


def has_case(term: str) -> bool:
    """True if some character of `term` has an upper- and a lower-case form (Latin, Greek, …)."""
    return term.upper() != term or term.lower() != term


def contains_any(term: str, *fields: str) -> Q:
    """Rows where any of `fields` contains `term`, ignoring case."""
    lookup = "icontains" if has_case(term) else "contains"
    return reduce(or_, (Q(**{f"{field}__{lookup}": term}) for field in fields))
