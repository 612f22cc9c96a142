"""The consultation actions of api.md: the clock stops and restarts; 409 and 400 refusals."""

import pytest

from tests.api.action_helpers import act, ok

pytestmark = pytest.mark.django_db


def test_consultation_stops_and_restarts_the_clock(case, as_handler):
    data = ok(
        act(
            as_handler, case, "start-consultation", {"on": "2026-11-10", "party": "第三方：某公司"}
        ),
        "consulting",
    )
    assert data["deadline"] is None
    assert data["working_days_left"] == 14  # 6 working days counted (11-03 … 11-10), 14 left
    assert data["events"][-1]["party"] == "第三方：某公司"
    data = ok(
        act(as_handler, case, "end-consultation", {"on": "2026-11-17", "note": "已收到意见"}),
        "open",
    )
    # 11-11 … 11-17 (5 working days) not counted: 2026-11-30 + 5 = 2026-12-07
    assert data["deadline"] == "2026-12-07"


def test_end_consultation_without_one_is_409(case, as_handler):
    assert act(as_handler, case, "end-consultation", {"on": "2026-11-10"}).status_code == 409


def test_start_consultation_needs_a_party(case, as_handler):
    response = act(as_handler, case, "start-consultation", {"on": "2026-11-10", "party": ""})
    assert response.status_code == 400 and "party" in response.json()
