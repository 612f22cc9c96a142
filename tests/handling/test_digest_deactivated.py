"""A member of staff whose account was deactivated (who left; the admin unticks 有效) gets no daily
digest, though cases are still assigned to them: they can no longer sign in to open any of them. The
office's supervisor is still told about those cases."""

import pytest

from cases.selectors_board import digest

pytestmark = pytest.mark.django_db


def test_no_digest_for_a_deactivated_account(world, people):
    handler, supervisor = people[("jiangyi", "handler")], people[("jiangyi", "supervisor")]
    before = next(e for e in digest() if e.user == handler)
    assert before.newly_overdue and before.due_soon and before.still_overdue
    handler.is_active = False
    handler.save()

    entries = digest()
    assert handler not in [e.user for e in entries]
    told = next(e for e in entries if e.user == supervisor)
    assert {a.pk for a in before.newly_overdue + before.due_soon} <= {
        a.pk for a in told.newly_overdue + told.due_soon
    }
