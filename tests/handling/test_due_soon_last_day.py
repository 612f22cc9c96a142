"""A case with exactly the due-soon number of working days left (3 by default) is due soon on the
board, the workbench and the daily digest, as its own countdown says (剩余3个工作日（即将到期）): on
Tuesday 2026-11-24 an Art. 35 date of Sunday 11-29 leaves Wednesday, Thursday and Friday — the last day
of the due-soon window, not past it."""

from datetime import date

import pytest

from cases.clocksync import clock_of
from cases.models import User
from cases.selectors_board import WorkbenchFilters, build_board, build_workbench, digest
from cases.services import handling

pytestmark = pytest.mark.django_db
SUNDAY = date(2026, 11, 29)


@pytest.fixture
def due_sunday(register, handler, sup):
    case = register(received_on=date(2026, 10, 29))  # due Thursday 11-26
    handling.application_assign(user=sup, application=case, handler=handler)
    handling.application_set_deadline(
        user=handler, application=case, on=date(2026, 11, 24), deadline=SUNDAY, reason="数量大"
    )
    case.refresh_from_db()
    result = clock_of(case)
    assert (case.deadline, result.working_days_left, result.due_soon) == (SUNDAY, 3, True)
    return case


def test_the_board(due_sunday, sup):
    board = build_board(sup)
    assert [a.pk for a, _ in board.due_soon] == [due_sunday.pk]
    assert board.total.due_soon == 1


def test_the_workbench(due_sunday, handler):
    bench = build_workbench(handler, WorkbenchFilters(flag="due_soon"))
    assert [a.pk for a, _ in bench.running] == [due_sunday.pk]
    assert bench.tally.due_soon == 1


def test_the_digest(due_sunday, handler):
    (entry,) = digest(users=User.objects.filter(pk=handler.pk))
    assert [a.pk for a in entry.due_soon] == [due_sunday.pk]
