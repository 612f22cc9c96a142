"""`manage.py daily_digest --date` outside the years any date may carry (1900–2100) is refused with a
clear message (the calendar arithmetic stopped with an OverflowError traceback)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from cases import timeutil

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-03"])
def test_a_date_out_of_range_is_refused(people, frozen_today, day):
    with pytest.raises(CommandError, match=timeutil.DATE_RANGE_MESSAGE):
        call_command("daily_digest", "--date", day, "--all", "--force")
    assert mail.outbox == []


@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
def test_the_edges_of_the_range_are_read(people, frozen_today, day, capsys):
    call_command("daily_digest", "--date", day, "--dry-run")
    assert "注意" in capsys.readouterr().err  # a year the calendar does not cover, said so
