"""Extension and Art. 35 through the API: approver and days, the refusals naming the field (and
saving nothing), the cap on extensions, and a set deadline replacing the computed date."""

import pytest

from tests.api.action_helpers import act, ok, snapshot

pytestmark = pytest.mark.django_db


def test_extend_records_approver_and_days(case, as_handler):
    data = ok(
        act(
            as_handler,
            case,
            "extend",
            {
                "on": "2026-11-20",
                "days": 10,
                "approved_by": "jiangyi-supervisor",
                "reason": "需调取档案",
            },
        ),
        "open",
    )
    assert data["extension_days"] == 10
    assert data["deadline"] == "2026-12-14"
    assert data["events"][-1]["approved_by"] == "jiangyi-supervisor"


def test_parent_supervisor_may_approve(case, as_handler):
    data = ok(
        act(
            as_handler,
            case,
            "extend",
            {"on": "2026-11-20", "days": 1, "approved_by": "county-supervisor", "reason": "r"},
        ),
        "open",
    )
    assert data["extension_days"] == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"days": 21}, "days"),
        ({"days": 0}, "days"),
        ({"approved_by": "nobody"}, "approved_by"),
        ({"approved_by": "jiangyi-handler"}, "approved_by"),
        ({"approved_by": "ym-zrzy-supervisor"}, "approved_by"),
        ({"reason": ""}, "reason"),
    ],
)
def test_extension_refusals_name_the_field(case, as_handler, bureau_people, body, field):
    before = snapshot(case)
    full = {
        "on": "2026-11-20",
        "days": 5,
        "approved_by": "jiangyi-supervisor",
        "reason": "r",
        **body,
    }
    response = act(as_handler, case, "extend", full)
    assert response.status_code == 400
    assert field in response.json()
    assert snapshot(case) == before


def test_extensions_never_exceed_the_cap(case, as_handler):
    ok(
        act(
            as_handler,
            case,
            "extend",
            {"on": "2026-11-20", "days": 15, "approved_by": "jiangyi-supervisor", "reason": "r"},
        ),
        "open",
    )
    response = act(
        as_handler,
        case,
        "extend",
        {"on": "2026-11-23", "days": 6, "approved_by": "jiangyi-supervisor", "reason": "r"},
    )
    assert response.status_code == 400
    assert "5" in response.json()["days"][0]


def test_set_deadline_replaces_the_computed_date(case, as_handler):
    data = ok(
        act(
            as_handler,
            case,
            "set-deadline",
            {"on": "2026-11-20", "deadline": "2027-03-31", "reason": "申请数量明显超过合理范围"},
        ),
        "open",
    )
    assert data["deadline"] == "2027-03-31"
    assert data["deadline_provisional"] is False
    response = act(
        as_handler,
        case,
        "set-deadline",
        {"on": "2026-11-20", "deadline": "2026-11-25", "reason": "r"},
    )
    assert response.status_code == 400 and "deadline" in response.json()
