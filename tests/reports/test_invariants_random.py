"""The invariants — and the counting rules themselves — on randomly generated multi-year ledgers.

Rows are written with bulk_create (the services' rules are tested elsewhere); each example is rolled
back. A plain-Python count of the same rules is the oracle for every number of the report."""

from collections import Counter
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import outcomes
from cases.models import Applicant, Application, Consultation, Fee, Remedy
from cases.reports import build_report
from cases.reports.invariants import check_continuity, check_parts
from cases.reports.spec import (
    APPLICANT_TYPES,
    APPLICATION_CHANNELS,
    CONSULTATION_CHANNELS,
    REMEDY_KINDS,
)
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db

FIRST, LAST = date(2019, 1, 1), date(2026, 11, 24)
YEARS = range(2019, 2027)
SPAN = (LAST - FIRST).days

applications = st.lists(
    st.fixed_dictionaries(
        {
            "agency": st.integers(0, 1),
            "type": st.sampled_from(APPLICANT_TYPES),
            "channel": st.sampled_from(APPLICATION_CHANNELS),
            "received": st.integers(0, SPAN),
            "takes": st.one_of(st.none(), st.integers(0, 500)),
            "outcome": st.sampled_from(outcomes.CODES),
            "voided": st.booleans(),
            "remedy": st.one_of(
                st.none(),
                st.tuples(
                    st.sampled_from(REMEDY_KINDS),
                    st.integers(0, 400),
                    st.sampled_from(["upheld", "corrected", "other", "pending"]),
                    st.integers(0, 400),
                ),
            ),
            "fee": st.one_of(
                st.none(), st.tuples(st.booleans(), st.integers(0, 60), st.integers(1, 5000))
            ),
        }
    ),
    max_size=30,
)
consultations = st.lists(
    st.fixed_dictionaries(
        {
            "agency": st.integers(0, 1),
            "channel": st.sampled_from(CONSULTATION_CHANNELS),
            "day": st.integers(0, SPAN - 1),
            "hour": st.sampled_from([0, 7, 8, 15, 16, 23]),
            "answer_after": st.one_of(st.none(), st.sampled_from([0, 30, 60 * 9, 60 * 24 * 3])),
            "voided": st.booleans(),
        }
    ),
    max_size=15,
)


def oracle(apps, consults, agency_idx: set[int], year: int) -> dict:
    """The counting rules of annual-report.md, one case at a time."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    cells, channels, remedies, fees = Counter(), Counter(), Counter(), Counter()
    for a in apps:
        if a["agency"] not in agency_idx or a["voided"]:
            continue
        received, concluded = a["received_on"], a["concluded_on"]
        marks = []
        if first <= received <= last:
            marks.append("new")
            channels[a["channel"]] += 1
        if received < first and (concluded is None or concluded >= first):
            marks.append("carried_over")
        if concluded is not None and first <= concluded <= last:
            marks += [a["outcome"], "concluded_total"]
        if received <= last and (concluded is None or concluded > last):
            marks.append("carried_forward")
        for row in marks:
            cells[row, a["type"]] += 1
            cells[row, "total"] += 1
        if a["remedy_row"] and first <= a["remedy_row"]["filed_on"] <= last:
            r = a["remedy_row"]
            result = r["result"] if r["decided_on"] and r["decided_on"] <= last else "pending"
            remedies[r["kind"], result] += 1
            remedies[r["kind"], "total"] += 1
        if a["fee_row"]:
            f = a["fee_row"]
            for key, on in (("charged", f["paid_on"]), ("waived", f["waived_on"])):
                if on and first <= on <= last:
                    fees[f"{key}_count"] += 1
                    fees[f"{key}_amount"] += f["amount"]
    accepted, handled = Counter(), Counter()
    start, end = datetime(year, 1, 1, tzinfo=SHANGHAI), datetime(year + 1, 1, 1, tzinfo=SHANGHAI)
    for c in consults:
        if c["agency"] not in agency_idx or c["voided"]:
            continue
        if start <= c["received_at"] < end:
            accepted[c["channel"]] += 1
        if c["answered_at"] and start <= c["answered_at"] < end:
            handled[c["channel"]] += 1
    return {"cells": cells, "channels": channels, "remedies": remedies, "fees": fees,
            "accepted": accepted, "handled": handled}  # fmt: skip


def office_applicants(agencies) -> dict[tuple[int, str], Applicant]:
    """One applicant of each type at each office (each office keeps its own applicants)."""
    return {
        (agency.pk, t): Applicant.objects.create(agency=agency, type=t, name=t)
        for agency in agencies
        for t in APPLICANT_TYPES
    }


def store(agencies, applicants, apps, consults) -> None:
    """`applicants`: office_applicants(agencies)."""
    voided_at = datetime(2026, 11, 1, tzinfo=SHANGHAI)
    rows = []
    for i, a in enumerate(apps):
        a["received_on"] = received = FIRST + timedelta(days=a["received"])
        concluded = received + timedelta(days=a["takes"]) if a["takes"] is not None else None
        a["concluded_on"] = concluded if concluded and concluded <= LAST else None
        rows.append(
            Application(
                agency=agencies[a["agency"]], year=received.year, seq=i + 1, number=f"N{i}", channel=a["channel"],
                received_on=received, applicant=applicants[agencies[a["agency"]].pk, a["type"]], content="内容",
                regime="2019",
                status="concluded" if a["concluded_on"] else "open",
                outcome=a["outcome"] if a["concluded_on"] else "", concluded_on=a["concluded_on"],
                voided_at=voided_at if a["voided"] else None,
            )
        )  # fmt: skip
    created = Application.objects.bulk_create(rows)
    remedies, fees = [], []
    for a, row in zip(apps, created, strict=True):
        a["remedy_row"] = a["fee_row"] = None
        if a["remedy"]:
            kind, after, result, decided_after = a["remedy"]
            filed = min(a["received_on"] + timedelta(days=after), LAST)
            decided = filed + timedelta(days=decided_after) if result != "pending" else None
            if decided and decided > LAST:
                result, decided = "pending", None
            a["remedy_row"] = {
                "kind": kind,
                "filed_on": filed,
                "result": result,
                "decided_on": decided,
            }
            remedies.append(
                Remedy(
                    application=row, kind=kind, filed_on=filed, result=result, decided_on=decided
                )
            )
        if a["fee"]:
            paid, after, amount = a["fee"]
            on = a["received_on"] + timedelta(days=after)
            on = on if on <= LAST else None
            f = {
                "paid_on": on if paid else None,
                "waived_on": None if paid else on,
                "amount": Decimal(amount),
            }
            a["fee_row"] = f
            fees.append(Fee(application=row, method="per_page", amount=f["amount"], notified_on=a["received_on"],
                            paid_on=f["paid_on"], waived_on=f["waived_on"]))  # fmt: skip
    Remedy.objects.bulk_create(remedies)
    Fee.objects.bulk_create(fees)
    crows = []
    for c in consults:
        day = FIRST + timedelta(days=c["day"])
        c["received_at"] = datetime(day.year, day.month, day.day, c["hour"], 30, tzinfo=SHANGHAI)
        after = c["answer_after"]
        c["answered_at"] = (
            c["received_at"] + timedelta(minutes=after) if after is not None else None
        )
        crows.append(
            Consultation(agency=agencies[c["agency"]], channel=c["channel"], received_at=c["received_at"],
                         answered_at=c["answered_at"], topic="主题", voided_at=voided_at if c["voided"] else None)
        )  # fmt: skip
    Consultation.objects.bulk_create(crows)


def assert_matches(report, expected) -> None:
    rows = report["applications"]["rows"]
    for row, cells in rows.items():
        for col, n in cells.items():
            assert n == expected["cells"][row, col], (report["year"], row, col)
    for ch in APPLICATION_CHANNELS:
        assert report["by_channel"][ch] == expected["channels"][ch]
    for kind in REMEDY_KINDS:
        for key, n in report["remedies"][kind].items():
            assert n == expected["remedies"][kind, key], (report["year"], kind, key)
    for ch in CONSULTATION_CHANNELS:
        assert report["consultations"]["accepted"][ch] == expected["accepted"][ch]
        assert report["consultations"]["handled"][ch] == expected["handled"][ch]
    fees = report["fees"]
    assert fees["charged_count"] == expected["fees"]["charged_count"]
    assert Decimal(fees["charged_amount"]) == expected["fees"]["charged_amount"]
    assert fees["waived_count"] == expected["fees"]["waived_count"]
    assert Decimal(fees["waived_amount"]) == expected["fees"]["waived_amount"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(apps=applications, consults=consultations)
def test_random_ledgers_obey_the_rules_and_the_invariants(
    county, township, frozen_today, apps, consults
):
    agencies = [county, township]
    with transaction.atomic():
        store(agencies, office_applicants(agencies), apps, consults)
        previous = None
        for year in YEARS:
            alone = build_report(county, year)
            below = build_report(township, year)
            both = build_report(county, year, include_children=True)
            for report in (alone, below, both):
                assert report["errors"] == []  # invariants 1, 2, 4, 5 (and 6 for `both`)
            assert_matches(alone, oracle(apps, consults, {0}, year))
            assert_matches(below, oracle(apps, consults, {1}, year))
            assert_matches(both, oracle(apps, consults, {0, 1}, year))
            assert check_parts(both, [alone, below]) == []  # invariant 6, from separate reports
            if previous is not None:
                for earlier, later in zip(previous, (alone, below, both), strict=True):
                    assert check_continuity(earlier, later) == []  # invariant 3
            previous = (alone, below, both)
        transaction.set_rollback(True)
