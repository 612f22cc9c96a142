"""Two offices whose codes differ only in letter case ("ym" and "YM", both valid and both unique) are
two offices: the one's supervisor sees nothing of the other's, on SQLite as on PostgreSQL. SQLite's
LIKE ignores the case of ASCII letters, so a path compared with `startswith` there took in the other
office and everything under it."""

import pytest
from django.http import Http404

from cases.access import applications_for_user, get_application_for_user, visible_agencies
from cases.models import Agency
from cases.reports import build_report
from cases.selectors_board import build_board
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices(county):
    lower = Agency.objects.create(code="ym", name="元谋县某局", parent=county)
    upper = Agency.objects.create(code="YM", name="另一县某局", parent=county)
    below = Agency.objects.create(code="YM-x", name="另一县某局下属", parent=upper)
    return lower, upper, below


def test_a_supervisor_sees_no_office_whose_code_differs_only_in_case(offices, register):
    lower, upper, _below = offices
    supervisor = make_user(lower, "supervisor")
    theirs = register(agency=upper, user=make_user(upper, "front_desk"))
    assert list(visible_agencies(supervisor)) == [lower]
    assert theirs not in applications_for_user(supervisor)
    with pytest.raises(Http404):
        get_application_for_user(supervisor, theirs.pk)
    assert [row.agency for row in build_board(supervisor).offices] == [lower]
    report = build_report(lower, 2026, include_children=True)
    assert [row["agency"] for row in report["details"]["offices"]] == ["ym"]
    assert report["applications"]["rows"]["new"]["total"] == 0


def test_asking_for_the_other_office_by_code_never_gives_ones_own(offices, register):
    """A handler of "ym" signed in by token (their office loaded with them) who asks for "YM" is
    asking for the other office, which they may not see: a 404, and a 400 on the lists' `agency` —
    never their own office's cases under the other's code."""
    from tests.api.conftest import token_client

    lower, _upper, _below = offices
    handler = make_user(lower, "handler")
    register(agency=lower, user=make_user(lower, "front_desk"))
    api = token_client(handler)
    assert api.get("/api/v1/agencies/ym/").json()["code"] == "ym"
    assert api.get("/api/v1/agencies/YM/").status_code == 404
    listed = api.get("/api/v1/applications/", {"agency": "YM"})
    assert listed.status_code == 400 and "agency" in listed.json()
    assert api.get("/api/v1/applications/", {"agency": "ym"}).json()["count"] == 1
