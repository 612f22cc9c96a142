"""`manage.py conclude_lapsed_fees --date` judges the lapse as of a past day only: a later day than
today is refused (a fee still within its period was listed by --dry-run as lapsed, and the run told
the operator to conclude it by hand: 另有 1 件未能自动办结，请人工处理)."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from cases.services import fees

from .conftest import fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def within_period(case, handler):
    """Fee notice of 2026-11-10: payment due in December, so not lapsed today (2026-11-24)."""
    fees.fee_notify(
        user=handler, application=case, on=date(2026, 11, 10), method="per_page", pages=40
    )
    assert fresh(case).fee.pay_due_on > date(2026, 11, 24)
    return case


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_later_day_than_today_is_refused(within_period, capsys, dry_run):
    args = ["--date", "2026-12-31"] + (["--dry-run"] if dry_run else [])
    with pytest.raises(CommandError, match="不能晚于今天（2026-11-24）"):
        call_command("conclude_lapsed_fees", *args)
    assert within_period.number not in capsys.readouterr().out
    assert fresh(within_period).status == "awaiting_fee"


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31"])
def test_a_date_out_of_range_is_refused(db, day):
    with pytest.raises(CommandError, match="1900年至2100年"):
        call_command("conclude_lapsed_fees", "--date", day)


def test_today_and_earlier_days_are_read(within_period, capsys):
    call_command("conclude_lapsed_fees", "--date", "2026-11-24", "--dry-run")
    call_command("conclude_lapsed_fees", "--date", "2026-11-01")
    assert "共办结 0 件。" in capsys.readouterr().out
    assert fresh(within_period).status == "awaiting_fee"
