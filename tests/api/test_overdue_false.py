"""overdue=false lists the cases that are not overdue, as every yes-or-no filter reads its no (answered
=false lists the unanswered consultations): it listed every case, the overdue ones included."""

from datetime import date

import pytest

from cases.services import handling

pytestmark = pytest.mark.django_db


def test_overdue_false_lists_exactly_the_cases_not_overdue(
    api, township_supervisor, register, township_handler, frozen_today
):
    late = register(received_on=date(2026, 9, 1))  # deadline 2026-10-13: overdue
    stopped_late = register(received_on=date(2026, 9, 2))
    handling.application_start_consultation(  # a stop begun after the count ran out: still overdue
        user=township_handler, application=stopped_late, on=date(2026, 11, 2), party="第三方"
    )
    fresh = register(received_on=date(2026, 11, 20))
    stopped = register(received_on=date(2026, 11, 16))
    handling.application_start_consultation(
        user=township_handler, application=stopped, on=date(2026, 11, 18), party="第三方"
    )
    done = register(received_on=date(2026, 9, 3))
    handling.application_conclude(
        user=township_handler, application=done, on=date(2026, 11, 2), outcome="disclose"
    )
    client = api(township_supervisor)

    def listed(query: str) -> dict[int, bool]:
        body = client.get(f"/api/v1/applications/?{query}").json()
        return {r["id"]: r["overdue"] for r in body["results"]}

    assert listed("overdue=true") == {late.pk: True, stopped_late.pk: True}
    assert listed("overdue=false") == {fresh.pk: False, stopped.pk: False, done.pk: False}
    assert set(listed("")) == {late.pk, stopped_late.pk, fresh.pk, stopped.pk, done.pk}
