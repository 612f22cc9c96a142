"""Two supervisors publish the same annual report at the same moment, on PostgreSQL (real
connections): one report is published, the other is told it was published by someone else — a
409-style refusal, never a database error and never a second frozen copy."""

import pytest

from cases.errors import StateConflict
from cases.models import PublishedReport
from cases.reports.publish import publish
from tests.concurrency import run_in_threads

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("attempt", range(3))  # the race is real: run it more than once
def test_two_publishers_at_once_publish_one_report(township, people, frozen_today, attempt):
    supervisors = [people[("jiangyi", "supervisor")], people[("county", "supervisor")]]

    def publishing(user):
        return lambda: publish(user=user, agency=township, year=2025)

    results = run_in_threads(*(publishing(user) for user in supervisors))
    assert sorted(kind for kind, _ in results) == ["error", "ok"], results
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, StateConflict), error
    winner = next(value for kind, value in results if kind == "ok")
    assert list(PublishedReport.objects.values_list("pk", "published_by")) == [
        (winner.pk, winner.published_by_id)
    ]
