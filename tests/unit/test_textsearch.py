"""cases.textsearch: a term without cased letters is matched by a plain LIKE, any other ignoring case —
the same rows either way, on the database the suite runs on."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Application
from cases.services.registration import ApplicantData
from cases.textsearch import contains_any, has_case


@pytest.mark.parametrize("term", ["低保", "2026", "〔2026〕第0001号", "－·、", "91350100"])
def test_terms_without_cased_letters(term):
    assert not has_case(term)


@pytest.mark.parametrize("term", ["abc", "ABC", "Zhang", "x", "低保X", "Ω", "ß"])
def test_terms_with_cased_letters(term):
    assert has_case(term)


def test_the_lookup_follows_the_term():
    assert str(contains_any("低保", "content", "number")) == str(
        contains_any("低保", "content") | contains_any("低保", "number")
    )
    assert "content__contains" in str(contains_any("低保", "content"))
    assert "content__icontains" in str(contains_any("Abc", "content"))


@pytest.fixture
def mixed(register):
    latin = ApplicantData(type="natural_person", name="Zhang SAN 张三")
    return {
        "latin": register(
            received_on=date(2026, 11, 2), applicant=latin, content="低保 Names 名单"
        ),
        "plain": register(received_on=date(2026, 11, 3), content="危房改造补助"),
    }


def search(term: str) -> set[int]:
    fields = ("number", "applicant__name", "content")
    return set(Application.objects.filter(contains_any(term, *fields)).values_list("pk", flat=True))


@pytest.mark.django_db
def test_same_rows_with_or_without_case(mixed):
    latin, plain = mixed["latin"].pk, mixed["plain"].pk
    assert search("低保") == {latin}
    assert search("names") == search("NAMES") == search("Names") == {latin}
    assert search("zhang san") == {latin}
    assert search("改造") == {plain}
    assert search(mixed["plain"].number) == {plain}
    assert search("%") == search("_") == set()  # wildcards are text, as with icontains


@pytest.mark.django_db
def test_no_upper_for_a_chinese_term_on_postgresql(mixed):
    with CaptureQueriesContext(connection) as ctx:
        search("低保")
        search("names")
    chinese, latin = (q["sql"].upper().count("UPPER(") for q in ctx.captured_queries)
    if connection.vendor == "postgresql":
        assert chinese == 0
        assert latin > 0
    else:
        assert chinese == latin == 0  # SQLite's LIKE ignores ASCII case by itself
