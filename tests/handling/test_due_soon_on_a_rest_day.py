"""An Art. 35 date may fall on a rest day. "Due within N working days" is one rule wherever it is
asked — the case's own countdown, the ledger's and the API's due_within, the board: a Saturday deadline
with 8 working days left was due soon to the case and missing from due_within=8 (the lists counted to the
8th working day, Friday, and stopped there)."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from cases import selectors
from cases.clocksync import clock_of
from cases.models import Application
from cases.selectors_board import build_board
from cases.services import handling

pytestmark = pytest.mark.django_db
SATURDAY = date(2026, 12, 5)  # 8 working days after Tuesday 2026-11-24: 25, 26, 27, 30, 1, 2, 3, 4


@pytest.fixture
def saturday_case(case, handler, settings, frozen_today):
    settings.GONGKAI = {**settings.GONGKAI, "DUE_SOON_WORKING_DAYS": 8}
    handling.application_set_deadline(
        user=handler, application=case, on=date(2026, 11, 24), deadline=SATURDAY, reason="数量大"
    )
    case.refresh_from_db()
    assert case.deadline == SATURDAY
    return case


def test_the_case_counts_eight_working_days_and_is_due_soon(saturday_case):
    result = clock_of(saturday_case)
    assert (result.working_days_left, result.due_soon, result.overdue) == (8, True, False)


@pytest.mark.parametrize(("days", "listed"), [(7, False), (8, True), (9, True)])
def test_due_within_lists_it_from_its_working_days_left(saturday_case, days, listed):
    found = selectors.due_within(Application.objects.all(), days)
    assert (saturday_case in found) is listed


def test_the_board_counts_it_due_soon(saturday_case, sup):
    board = build_board(sup)
    assert [a.pk for a, _ in board.due_soon] == [saturday_case.pk]
    assert board.total.due_soon == 1


def test_the_api_lists_it_within_eight(saturday_case, sup):
    api = APIClient()
    api.force_authenticate(sup)
    numbers = [
        r["number"] for r in api.get("/api/v1/applications/", {"due_within": 8}).json()["results"]
    ]
    assert numbers == [saturday_case.number]
    body = api.get("/api/v1/applications/", {"due_within": 7}).json()
    assert body["count"] == 0
