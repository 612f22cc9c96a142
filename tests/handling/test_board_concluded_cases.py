"""A concluded case is counted on the board for its conclusion, never as a case still to be answered:
concluded ahead of a deadline that falls in the due-soon window it is not due soon (on the board or
in the digest), concluded with a provisional deadline it is not among the provisional deadlines to
check; concluded on its deadline day it was answered in time; concluded on 31 December it counts in
that year's conclusions."""

from datetime import date, datetime

import pytest
import time_machine

from cases.models import User
from cases.selectors_board import build_board, digest
from cases.services import handling
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


def test_concluded_ahead_of_a_deadline_in_the_window_is_not_due_soon(register, handler, sup):
    answered = register(received_on=date(2026, 10, 30), handler=handler)  # due Fri 11-27
    handling.application_conclude(
        user=handler, application=answered, on=date(2026, 11, 20), outcome="disclose"
    )
    waiting = register(received_on=date(2026, 10, 30), handler=handler)
    board = build_board(sup)
    assert [a.pk for a, _ in board.due_soon] == [waiting.pk]
    assert board.total.due_soon == 1 and board.total.concluded_year == 1
    (entry,) = digest(users=User.objects.filter(pk=handler.pk))
    assert [a.pk for a in entry.due_soon] == [waiting.pk]


def test_concluded_with_a_provisional_deadline_is_not_to_check(register, handler, sup):
    case = register(received_on=date(2026, 11, 20), handler=handler)
    handling.application_extend(
        user=handler, application=case, on=date(2026, 11, 23), days=20, approved_by=sup, reason="r"
    )
    handling.application_conclude(
        user=handler, application=case, on=date(2026, 11, 24), outcome="disclose"
    )
    case.refresh_from_db()
    assert case.deadline_provisional  # counted into 2027, whose holidays are not yet published
    board = build_board(sup)
    assert board.provisional == [] and board.total.provisional == 0


def test_concluded_on_the_deadline_day_is_on_time(register, handler, sup):
    case = register(received_on=date(2026, 10, 27))  # due Tue 11-24, today
    assert case.deadline == date(2026, 11, 24)
    handling.application_conclude(
        user=handler, application=case, on=date(2026, 11, 24), outcome="disclose"
    )
    total = build_board(sup).total
    assert (total.concluded_year, total.on_time_year, total.on_time_percent) == (1, 1, "100.0%")


def test_concluded_on_the_last_day_of_the_year_counts_in_it(register, handler, sup, frozen_today):
    case = register(received_on=date(2026, 11, 24))  # due 12-22: concluded late
    with time_machine.travel(datetime(2026, 12, 31, 15, 0, tzinfo=SHANGHAI), tick=False):
        handling.application_conclude(
            user=handler, application=case, on=date(2026, 12, 31), outcome="disclose"
        )
        total = build_board(sup).total
    assert (total.concluded_year, total.on_time_year, total.open) == (1, 0, 0)


def test_concluded_without_ever_having_a_deadline_is_on_time(case, handler, sup):
    """Asked to supplement at once and never answering, the applicant's case is closed as 逾期不补正:
    the reply clock never ran, so the office was not late (selectors_tally.q_on_time)."""
    handling.application_request_supplement(
        user=handler,
        application=case,
        on=date(2026, 11, 3),
        items_to_supplement="身份证明",
        period_days=5,
    )
    handling.application_conclude(
        user=handler, application=case, on=date(2026, 11, 11), outcome="other.no_supplement"
    )
    case.refresh_from_db()
    assert case.deadline is None
    total = build_board(sup).total
    assert (total.concluded_year, total.on_time_year) == (1, 1)
