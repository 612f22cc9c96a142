"""Two offices whose codes begin alike ("ym" and "ymx", both valid: 元谋县某局 and another office beside
it) are two offices: what one office's supervisor sees, and what a list, the board, the digest and the
annual report of "ym and the offices under it" take in, is that office's subtree, never the other
office. Subtrees are told by path ("/county/ym/"), whose closing "/" keeps "/county/ymx/" out.
Personas: the supervisor of ym (owner), the supervisor of the county above both (parent supervisor)."""

from datetime import date

import pytest

from cases.access import applications_for_user, find_visible_agency, sees_agency, visible_agencies
from cases.models import Agency, User
from cases.reports import build_report
from cases.selectors_board import build_board, digest
from tests.api.conftest import token_client
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices(county):
    ym = Agency.objects.create(code="ym", name="元谋县某局", parent=county)
    ym_below = Agency.objects.create(code="ym-a", name="元谋县某局下属单位", parent=ym)
    ymx = Agency.objects.create(code="ymx", name="元谋县另一局", parent=county)
    return ym, ym_below, ymx


@pytest.fixture
def overdue_cases(register, offices):
    """An overdue case in each office (received 2026-09-01, due 2026-09-29)."""
    return {
        office.code: register(
            received_on=date(2026, 9, 1), agency=office, user=make_user(office, "front_desk")
        )
        for office in offices
    }


def test_the_supervisor_of_ym_sees_nothing_of_ymx(offices, overdue_cases):
    ym, ym_below, ymx = offices
    supervisor = User.objects.select_related("agency").get(pk=make_user(ym, "supervisor").pk)
    assert set(visible_agencies(supervisor)) == {ym, ym_below}
    assert sees_agency(supervisor, ym_below) and not sees_agency(supervisor, ymx)
    assert find_visible_agency(supervisor, "ymx") is None
    assert set(applications_for_user(supervisor)) == {
        overdue_cases["ym"],
        overdue_cases["ym-a"],
    }
    api = token_client(supervisor)
    assert api.get("/api/v1/agencies/ymx/").status_code == 404
    listed = api.get("/api/v1/applications/", {"agency": "ymx"})
    assert listed.status_code == 400 and "agency" in listed.json()


def test_the_list_of_ym_with_the_offices_under_it_leaves_ymx_out(
    offices, overdue_cases, county_supervisor
):
    api = token_client(county_supervisor)
    listed = api.get("/api/v1/applications/", {"agency": "ym", "include_children": "true"})
    assert {a["number"] for a in listed.json()["results"]} == {
        overdue_cases["ym"].number,
        overdue_cases["ym-a"].number,
    }
    overdue = api.get(
        "/api/v1/applications/", {"agency": "ym", "include_children": "true", "overdue": "true"}
    )
    assert overdue.json()["count"] == 2


def test_the_board_and_the_digest_of_ym_leave_ymx_out(
    frozen_today, offices, overdue_cases, county_supervisor
):
    ym, ym_below, _ymx = offices
    board = build_board(county_supervisor, scope=ym)
    assert [row.agency for row in board.offices] == [ym, ym_below]
    assert board.total.overdue == 2
    assert [row.subtree.overdue for row in board.offices] == [2, 1]  # ym's row: ym and ym-a
    whole = {row.agency.code: row for row in build_board(county_supervisor).offices}
    assert whole["ym"].subtree.overdue == 2 and whole["county"].subtree.overdue == 3

    supervisor = make_user(ym, "supervisor")
    (entry,) = digest(users=User.objects.filter(pk=supervisor.pk))
    assert entry.still_overdue + len(entry.newly_overdue) == 2


def test_the_annual_report_of_ym_with_the_offices_under_it_leaves_ymx_out(offices, overdue_cases):
    ym, _ym_below, _ymx = offices
    report = build_report(ym, 2026, include_children=True)
    assert [row["agency"] for row in report["details"]["offices"]] == ["ym", "ym-a"]
    assert report["applications"]["rows"]["new"]["total"] == 2
