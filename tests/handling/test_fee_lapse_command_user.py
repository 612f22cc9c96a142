"""`manage.py conclude_lapsed_fees --user NAME` concludes in that person's name only when they may
handle cases: a front-desk clerk is refused with a clear message (it stopped with a PermissionDenied
traceback), and nothing is concluded."""

import pytest
from django.core.management import CommandError, call_command

from cases.services import fees

from .conftest import fresh

pytestmark = pytest.mark.django_db


def test_a_front_desk_clerk_is_refused_by_name(lapsed, township_front):
    with pytest.raises(CommandError, match=f"{township_front.username}.*前台登记员.*无权办结"):
        call_command("conclude_lapsed_fees", "--user", township_front.username)
    assert fresh(lapsed).status == "awaiting_fee"


def test_a_front_desk_clerk_is_refused_on_a_dry_run_too(lapsed, township_front):
    with pytest.raises(CommandError, match="无权办结"):
        call_command("conclude_lapsed_fees", "--user", township_front.username, "--dry-run")


def test_an_unknown_user_is_refused(lapsed):
    with pytest.raises(CommandError, match="找不到用户 nobody"):
        call_command("conclude_lapsed_fees", "--user", "nobody")
    assert fresh(lapsed).status == "awaiting_fee"


def test_a_handler_of_another_office_concludes_none_of_its_cases(lapsed, people, capsys):
    """The county's handler sees the county's cases only: the township's lapsed case is left for the
    township (it was concluded in the county handler's name)."""
    county_handler = people[("county", "handler")]
    call_command("conclude_lapsed_fees", "--user", county_handler.username, "--dry-run")
    assert lapsed.number not in capsys.readouterr().out
    call_command("conclude_lapsed_fees", "--user", county_handler.username)
    out = capsys.readouterr().out
    assert fresh(lapsed).status == "awaiting_fee"
    assert "共办结 0 件" in out
    assert f"另有 1 件不在 {county_handler.username} 可办理的机关" in out


def test_the_county_supervisor_concludes_the_township_case(lapsed, people, capsys):
    """A supervisor sees the offices under theirs: the township's case is theirs to conclude."""
    county_supervisor = people[("county", "supervisor")]
    call_command("conclude_lapsed_fees", "--user", county_supervisor.username)
    assert "共办结 1 件。" in capsys.readouterr().out
    assert fresh(lapsed).events.get(kind="concluded").created_by == county_supervisor


def test_the_service_given_a_user_leaves_the_cases_they_may_not_see(lapsed, people):
    assert fees.conclude_lapsed_fees(user=people[("county", "handler")]) == []
    assert fresh(lapsed).status == "awaiting_fee"
