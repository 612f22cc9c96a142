"""A handler moved to another office (the admin changes their office) is no longer told about the cases
still assigned to them in the office they left: they can open none of them. The digest tells a
handler what their workbench's "我承办的" shows — their cases in their own office."""

import pytest

from cases.models import User
from cases.selectors_board import WorkbenchFilters, build_workbench, digest

pytestmark = pytest.mark.django_db


def test_a_handler_who_moved_is_told_only_about_cases_they_can_open(world, people, county):
    handler = people[("jiangyi", "handler")]
    before = next(e for e in digest() if e.user.pk == handler.pk)
    assert before.newly_overdue and before.due_soon and before.still_overdue  # the township's
    handler.agency = county
    handler.save()

    entry = next(e for e in digest() if e.user.pk == handler.pk)
    mover = User.objects.select_related("agency").get(pk=handler.pk)
    bench = build_workbench(mover, WorkbenchFilters(scope="mine"))
    assert bench.tally.overdue == bench.tally.due_soon == 0
    assert (entry.newly_overdue, entry.due_soon, entry.still_overdue) == ([], [], 0)
    # the township's supervisor is still told about them
    supervisor = next(e for e in digest() if e.user == people[("jiangyi", "supervisor")])
    assert {a.pk for a in before.newly_overdue + before.due_soon} <= {
        a.pk for a in supervisor.newly_overdue + supervisor.due_soon
    }
