"""The open-cases index (app_open_by_office_deadline) holds only cases that are neither voided nor
concluded: the overdue and due-soon lists it serves must give the same cases with many concluded ones
beside them, for an office and for a county."""

from datetime import date

import pytest

from cases import selectors
from cases.models import Application
from cases.services import handling

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(register, county, people, township_handler):
    late = register(received_on=date(2026, 9, 1))
    soon = register(received_on=date(2026, 10, 27))  # due 2026-11-24 + a few working days
    done = register(received_on=date(2026, 9, 2))
    handling.application_conclude(
        user=township_handler, application=done, on=date(2026, 9, 10), outcome="disclose"
    )
    county_late = register(
        received_on=date(2026, 9, 3), agency=county, user=people[("county", "front_desk")]
    )
    done.refresh_from_db()
    row = {f.attname: getattr(done, f.attname) for f in Application._meta.concrete_fields}
    del row["id"]
    Application.objects.bulk_create(
        Application(**{**row, "seq": 1000 + i, "number": f"{done.number}-{i}"}) for i in range(300)
    )
    return late, soon, county_late


def ids(qs) -> set[int]:
    return set(qs.values_list("pk", flat=True))


def test_an_offices_overdue_list(cases, township, township_supervisor):
    late, _, _ = cases
    filters = selectors.ApplicationFilters(agency=township, overdue=True)
    assert ids(selectors.application_list(township_supervisor, filters)) == {late.pk}


def test_a_countys_overdue_and_due_soon_lists(cases, county_supervisor):
    late, soon, county_late = cases
    overdue = selectors.ApplicationFilters(overdue=True)
    assert ids(selectors.application_list(county_supervisor, overdue)) == {late.pk, county_late.pk}
    due = selectors.ApplicationFilters(due_within=5)
    assert ids(selectors.application_list(county_supervisor, due)) == {soon.pk}
