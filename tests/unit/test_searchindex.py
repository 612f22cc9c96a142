"""cases.searchindex: on PostgreSQL the applications' search adds a condition the bigram indexes answer.
It must never change what the search finds: for every term, scope and kind of match, the same cases with
and without it. Its SQL must be the indexed expressions, else the indexes are never used."""

from datetime import date

import pytest
from django.db import connection, transaction

from cases import searchindex, selectors
from cases.models import Agency, Application
from cases.services.registration import ApplicantData
from tests.conftest import make_user

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def test_pairs_of_consecutive_characters():
    assert searchindex.pairs("低保对象") == ["低保", "保对", "对象"]
    assert searchindex.pairs("哈哈哈") == ["哈哈"]
    assert searchindex.pairs("低") == searchindex.pairs("") == []


@pytest.mark.parametrize("term", ["低", "低保x", "Zhang"])
def test_terms_the_indexes_cannot_answer_search_as_before(term):
    offices = [1]
    for vendor in ("postgresql", "sqlite"):
        q = searchindex.application_matches(term, offices=offices, vendor=vendor)
        assert str(q) == str(searchindex.exact(term))


def test_other_databases_search_as_before():
    q = searchindex.application_matches("低保", offices=[1], vendor="sqlite")
    assert str(q) == str(searchindex.exact("低保"))
    assert str(searchindex.application_matches("低保", offices=[1], vendor="postgresql")) != str(q)


@pytest.fixture
def corpus(register, county, people):
    """Cases at the township and at the county, matching through each field in turn."""
    county_front = people[("county", "front_desk")]

    def person(name, **codes):
        return ApplicantData(type="natural_person", name=name, **codes)

    def firm(name, code):
        return ApplicantData(type="commercial_enterprise", name=name, credit_code=code)

    cases = [
        register(content="2025年度低保、特困人员救助名单", applicant=person("李低保")),
        register(content="低保对象名单", applicant=person("王五", id_number="110105194912310038")),
        register(
            content="土地征收补偿安置方案", applicant=firm("金沙建材有限公司", "91350100M000100Y43")
        ),
        register(content="哈哈哈哈 50%_折扣", applicant=person("Zhang SAN 张三")),
        register(content="危房改造补助", applicant=person("赵六")),
        register(
            received_on=date(2026, 10, 9),
            agency=county,
            user=county_front,
            content="县级低保资金",
            applicant=person("钱七"),
        ),
        register(
            agency=county,
            user=county_front,
            content="〔2026〕号文件",
            applicant=person("孙八", id_number="532323198001011231"),
        ),
    ]
    return cases


TERMS = [
    "低保",
    "低保对象",
    "低保名单",  # each pair appears, the term does not
    "保、特",
    "征收补偿",
    "金沙建材",
    "李低",
    "张三",
    "哈哈",
    "哈哈哈",
    "50%",
    "%_",
    "_折",
    "〔2026〕",
    "2026",
    "号文",
    "110105194912310038",
    "91350100M000100Y43",
    "没有的词",
    "低",
    " 低保 ",
]


def found(user, term: str, **filters) -> list[int]:
    f = selectors.ApplicationFilters(search=term, **filters)
    return sorted(selectors.application_list(user, f).values_list("pk", flat=True))


@postgresql_only
@pytest.mark.django_db
def test_same_cases_with_and_without_the_indexes(corpus, people, township, county, monkeypatch):
    numbers = [case.number for case in corpus]
    users = [
        people[("jiangyi", "handler")],  # one office
        people[("county", "supervisor")],  # the county and the township under it
        people[("county", "handler")],  # the county's own office
        people[("jiangyi", "supervisor")],
    ]
    admin = make_user(county, "", "root")
    admin.is_superuser = True
    admin.save()
    users.append(admin)
    scopes = [
        {},
        {"agency": township},
        {"agency": county},
        {"agency": county, "include_children": True},
    ]
    for user in users:
        for scope in scopes:
            for term in [*TERMS, *numbers, numbers[0][2:6]]:
                with_indexes = found(user, term, **scope)
                monkeypatch.setattr(
                    selectors,
                    "application_matches",
                    lambda term, *, offices, vendor: searchindex.exact(term),
                )
                without = found(user, term, **scope)
                monkeypatch.undo()
                assert with_indexes == without, (user.username, scope, term)
    # and the corpus does exercise the search: each kind of match finds something
    county_supervisor = people[("county", "supervisor")]
    assert len(found(county_supervisor, "低保")) == 3
    assert found(county_supervisor, "低保名单") == []
    assert len(found(county_supervisor, "哈哈哈")) == 1
    assert len(found(county_supervisor, "91350100M000100Y43")) == 1
    assert len(found(county_supervisor, "110105194912310038")) == 1


@postgresql_only
@pytest.mark.django_db
@pytest.mark.parametrize("one_office", [True, False])
def test_the_condition_is_written_as_the_indexes(corpus, township, county, one_office):
    """Asked for the condition alone with sequential and plain index scans off, the planner answers it
    from the two bigram indexes: its expressions are the indexed ones (else the indexes would never be
    used). (With plain index scans allowed, statistics left by earlier tests could make it walk the
    index on received_on for the list's order instead, whatever the expressions.)"""
    offices = (
        [township.pk] if one_office else Agency.objects.filter(pk__in=[township.pk, county.pk])
    )
    condition = searchindex.IndexedCandidates(["低保", "保对"], "低保对象", offices)
    query = Application.objects.filter(condition).order_by().values("pk").query
    sql, params = query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on app_search_grams" in plan, plan
    assert "Bitmap Index Scan on applicant_name_grams" in plan, plan


@postgresql_only
@pytest.mark.django_db
@pytest.mark.parametrize("offices", ["one id", "ids", "queryset"])
def test_each_form_of_the_offices_finds_the_same(corpus, township, county, offices):
    offices = {
        "one id": [township.pk],
        "ids": [township.pk, county.pk],
        "queryset": Agency.objects.filter(pk__in=[township.pk, county.pk]),
    }[offices]
    in_offices = Application.objects.filter(agency__in=[township, county])
    for term in TERMS:
        if not searchindex.pairs(term.strip()):
            continue
        condition = searchindex.IndexedCandidates(
            searchindex.pairs(term.strip())[:3], term.strip().upper(), offices
        )
        exact = in_offices.filter(searchindex.exact(term.strip()))
        if isinstance(offices, list) and len(offices) == 1:
            exact = exact.filter(agency_id=offices[0])
        assert set(exact) <= set(in_offices.filter(condition)), term


@postgresql_only
@pytest.mark.django_db
def test_the_search_as_a_subquery(corpus, people):
    """Inside another query its columns are renamed with the rest (U0…), not left pointing outside."""
    supervisor = people[("county", "supervisor")]
    listed = selectors.application_list(supervisor, selectors.ApplicationFilters(search="低保"))
    outer = Application.objects.filter(pk__in=listed.values("pk"))
    assert sorted(outer.values_list("pk", flat=True)) == found(supervisor, "低保")
    assert len(found(supervisor, "低保")) == 3
