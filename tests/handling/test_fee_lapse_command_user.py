"""`manage.py conclude_lapsed_fees --user NAME` concludes in that person's name only when they may
handle cases: a front-desk clerk is refused with a clear message (it stopped with a PermissionDenied
traceback), and nothing is concluded."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from cases.services import fees

from .conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def lapsed(register, handler):
    """A township case whose fee notice of 2026-10-08 is unpaid by today (due 2026-11-04)."""
    app = register(received_on=date(2026, 10, 8), handler=handler)
    fees.fee_notify(
        user=handler, application=app, on=date(2026, 10, 8), method="per_page", pages=40
    )
    return app


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
