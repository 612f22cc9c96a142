"""More properties of the annual report on random ledgers: a deeper tree of offices (invariant 6 at
every level), a year's report untouched by the next year's cases, and a published report frozen."""

from datetime import date, datetime

import pytest
from django.db import transaction
from django.db.models import F
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.models import Agency, Application
from cases.reports import build_report
from cases.reports.invariants import check_continuity, check_parts, numeric_cells
from cases.reports.publish import publish, report_as_issued
from tests.conftest import SHANGHAI
from tests.reports.test_invariants_random import (
    FIRST,
    applications,
    assert_matches,
    consultations,
    office_applicants,
    oracle,
    store,
)

pytestmark = pytest.mark.django_db

SLOW = settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# county (0) → township (1) → village (2); a bureau (3) under the county, beside the township
TREE = {0: {0, 1, 2, 3}, 1: {1, 2}, 2: {2}, 3: {3}}


def offices(county, township) -> list[Agency]:
    village = Agency.objects.create(code="cun", name="某村", short_name="本村", parent=township)
    bureau = Agency.objects.create(code="ju", name="某局", short_name="我局", parent=county)
    return [county, township, village, bureau]


def spread(apps, consults, draw_agency) -> None:
    for item in (*apps, *consults):
        item["agency"] = draw_agency()


@SLOW
@given(apps=applications, consults=consultations, where=st.randoms(use_true_random=False))
def test_every_level_of_a_tree_of_offices_adds_up(
    county, township, frozen_today, apps, consults, where
):
    with transaction.atomic():
        agencies = offices(county, township)
        spread(apps, consults, lambda: where.randrange(4))
        applicants = office_applicants(agencies)
        store(agencies, applicants, apps, consults)
        for year in (2019, 2021, 2024, 2026):
            alone = [build_report(a, year) for a in agencies]
            for i, a in enumerate(agencies):
                assert_matches(alone[i], oracle(apps, consults, {i}, year))
                both = build_report(a, year, include_children=True)
                assert both["errors"] == []
                assert_matches(both, oracle(apps, consults, TREE[i], year))
                assert check_parts(both, [alone[j] for j in sorted(TREE[i])]) == []
        transaction.set_rollback(True)


@SLOW
@given(apps=applications, later=applications, consults=consultations)
def test_next_years_cases_do_not_change_a_years_report(
    county, township, frozen_today, apps, later, consults
):
    """Cases received after the year (with their fees, remedies and consultations) change nothing in it;
    its 四 is the next year's 二."""
    year = 2022
    cut = (date(year + 1, 1, 1) - FIRST).days
    with transaction.atomic():
        agencies = [county, township]
        applicants = office_applicants(agencies)
        store(agencies, applicants, apps, consults)
        before = [
            build_report(a, year, include_children=c) for a in agencies for c in (False, True)
        ]
        for a in later:
            a["received"] = cut + a["received"] % 1000
        Application.objects.update(seq=F("seq") + 1000)  # store() numbers from 1 again
        store(agencies, applicants, later, [])
        after = [build_report(a, year, include_children=c) for a in agencies for c in (False, True)]
        for b, a in zip(before, after, strict=True):
            assert numeric_cells(b) == numeric_cells(a)
            assert a["errors"] == []
            nxt = build_report(
                Agency.objects.get(code=a["agency"]),
                year + 1,
                include_children=a["include_children"],
            )
            assert check_continuity(a, nxt) == []
        transaction.set_rollback(True)


@SLOW
@given(apps=applications, more=applications, consults=consultations)
def test_a_published_report_keeps_its_numbers(
    county, township, frozen_today, people, apps, more, consults
):
    year = 2024
    with transaction.atomic():
        agencies = [county, township]
        applicants = office_applicants(agencies)
        store(agencies, applicants, apps, consults)
        supervisor = people[("county", "supervisor")]
        published = publish(user=supervisor, agency=county, year=year, include_children=True)
        frozen = numeric_cells(published.data)
        Application.objects.update(seq=F("seq") + 1000)
        store(agencies, applicants, more, [])
        Application.objects.filter(concluded_on__year=year).update(
            concluded_on=None, outcome="", status="open"
        )
        issued, kept = report_as_issued(county, year, True)
        assert kept is not None and numeric_cells(issued) == frozen
        transaction.set_rollback(True)


def test_consultation_times_at_the_turn_of_the_year_count_in_shanghai(county, frozen_today):
    """A consultation at 00:30 on 1 January, Shanghai time, is the new year's (16:30 UTC the day
    before)."""
    apps: list = []
    consults = [
        {"agency": 0, "channel": "hotline", "day": (date(2024, 1, 1) - FIRST).days, "hour": 0,
         "answer_after": None, "voided": False},
        {"agency": 0, "channel": "online", "day": (date(2023, 12, 31) - FIRST).days, "hour": 23,
         "answer_after": 60, "voided": False},
    ]  # fmt: skip
    store([county], {}, apps, consults)
    report = build_report(county, 2024)
    assert report["consultations"]["accepted"]["hotline"] == 1
    assert report["consultations"]["accepted"]["online"] == 0
    assert report["consultations"]["handled"]["online"] == 1
    assert consults[1]["answered_at"] == datetime(2024, 1, 1, 0, 30, tzinfo=SHANGHAI)
