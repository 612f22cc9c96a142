"""The nightly conclusion of lapsed fees acts in the name of the case's handler while that person may
still handle the case (active, a handling role, in its office); otherwise a supervisor of its office.
A handler since moved to the front desk or to another office does not stop the run nor sign the case."""

from datetime import date

import pytest

from cases.services import fees

from .conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def lapsed_pair(register, handler):
    """Two township cases, both assigned to the handler, fee notices of 2026-10-08 unpaid by today."""
    cases = [register(received_on=date(2026, 10, 8), handler=handler) for _ in range(2)]
    for app in cases:
        fees.fee_notify(
            user=handler, application=app, on=date(2026, 10, 8), method="per_page", pages=40
        )
    return cases


def concluded_by(app):
    return fresh(app).events.get(kind="concluded").created_by


def test_the_assigned_handler_concludes(lapsed_pair, handler):
    done = fees.conclude_lapsed_fees()
    assert sorted(a.pk for a in done) == sorted(a.pk for a in lapsed_pair)
    assert [concluded_by(a) for a in lapsed_pair] == [handler, handler]


def test_a_handler_moved_to_the_front_desk_leaves_it_to_the_supervisor(lapsed_pair, handler, sup):
    handler.role = "front_desk"
    handler.save(update_fields=["role"])
    done = fees.conclude_lapsed_fees()
    assert sorted(a.pk for a in done) == sorted(a.pk for a in lapsed_pair)
    assert [concluded_by(a) for a in lapsed_pair] == [sup, sup]


def test_a_handler_moved_to_another_office_leaves_it_to_the_supervisor(
    lapsed_pair, handler, sup, county
):
    handler.agency = county
    handler.save(update_fields=["agency"])
    fees.conclude_lapsed_fees()
    assert [concluded_by(a) for a in lapsed_pair] == [sup, sup]


def test_with_no_one_to_act_the_case_is_left(lapsed_pair, handler, people):
    for who in (handler, people[("jiangyi", "supervisor")], people[("jiangyi", "admin")]):
        who.is_active = False
        who.save(update_fields=["is_active"])
    assert fees.conclude_lapsed_fees() == []
    assert [fresh(a).status for a in lapsed_pair] == ["awaiting_fee", "awaiting_fee"]
