"""A range of one day — received_after and received_before the same date, "what came in on 11-02" —
is a valid range (both bounds inclusive): the applications and the consultations received that day,
never a 400 for the dates being out of order."""

from datetime import date, datetime

import pytest

from tests.api.conftest import token_client
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db

ONE_DAY = {"received_after": "2026-11-02", "received_before": "2026-11-02"}


def test_applications_received_that_day(register, township_handler):
    that_day = register(received_on=date(2026, 11, 2))
    register(received_on=date(2026, 11, 3))
    register(received_on=date(2026, 10, 30))
    listed = token_client(township_handler).get("/api/v1/applications/", ONE_DAY)
    assert listed.status_code == 200, listed.json()
    assert [a["number"] for a in listed.json()["results"]] == [that_day.number]


def test_consultations_received_that_day(consult, township_front):
    that_day = consult(received_at=datetime(2026, 11, 2, 16, 30, tzinfo=SHANGHAI))
    consult(received_at=datetime(2026, 11, 3, 9, 0, tzinfo=SHANGHAI))
    listed = token_client(township_front).get("/api/v1/consultations/", ONE_DAY)
    assert listed.status_code == 200, listed.json()
    assert [c["id"] for c in listed.json()["results"]] == [that_day.pk]
