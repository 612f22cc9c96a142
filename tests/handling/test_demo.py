"""The demo data shows every branch: each status, overdue / due-soon / provisional cases, every outcome
code, each fee method and state, every kind of remedy with every result — on any day it is loaded."""

from collections import Counter
from datetime import datetime

import pytest
import time_machine

from cases import outcomes
from cases.demo import load_demo
from cases.models import Application, Fee, Remedy, User
from cases.selectors_board import build_board
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


def check_coverage(*, provisional: bool = True, on_time_below_100: bool = True):
    """`provisional`: a deadline can reach a year whose holidays are not published yet (late in the
    year, or in a year not covered at all)."""
    apps = Application.objects.filter(voided_at__isnull=True)
    statuses = Counter(apps.values_list("status", flat=True))
    assert set(statuses) == set(Application.Status.values), statuses
    assert set(apps.exclude(outcome="").values_list("outcome", flat=True)) == set(outcomes.CODES)
    assert {(f.method, f.state) for f in Fee.objects.all()} >= {
        ("per_item", "paid"),
        ("per_page", "paid"),
        ("per_page", "waived"),
        ("per_page", "notified"),
        ("cost", "waived"),
    }
    assert set(Remedy.objects.values_list("kind", "result")) == {
        (k, r) for k in Remedy.Kind.values for r in Remedy.Result.values
    }
    kinds = set(apps.values_list("events__kind", flat=True))
    assert kinds >= {"assigned", "deadline_set", "extended", "withdrawn", "consultation_ended"}
    board = build_board(User.objects.get(username="yuanmou-supervisor"))
    t = board.total
    assert t.overdue and t.due_soon and t.late_notices
    assert bool(t.provisional) == provisional
    assert t.supplement_lapsed and t.fee_lapsed and t.concluded_year
    if on_time_below_100:
        assert t.on_time_year < t.concluded_year
    assert len(board.offices) == 3 and board.offices[0].has_children


def test_demo_on_the_frozen_day(frozen_today):
    counts = load_demo()
    assert counts["applications"] == Application.objects.count() > 100
    check_coverage()


@pytest.mark.parametrize("day", [datetime(2026, 2, 24, 10), datetime(2027, 1, 6, 10)])
def test_demo_on_other_days(day):
    with time_machine.travel(day.replace(tzinfo=SHANGHAI), tick=False):
        load_demo()
        check_coverage(provisional=day.year == 2027, on_time_below_100=day.month > 1)


def test_the_command_loads_once(frozen_today, capsys):
    from django.core.management import call_command

    call_command("load_demo")
    n = Application.objects.count()
    call_command("load_demo")
    assert Application.objects.count() == n
    assert "演示数据已存在" in capsys.readouterr().out
