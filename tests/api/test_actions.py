"""Every action of api.md on a case: the effect, 409 when it does not fit the state, the dates rule
(never in the future, never before receipt, never out of order), and that a refusal saves nothing."""

import pytest

from cases.models import Application, ApplicationEvent, Fee
from tests.api.conftest import application_body

pytestmark = pytest.mark.django_db


def act(client, case, action: str, body: dict):
    return client.post(f"/api/v1/applications/{case['id']}/{action}/", body, format="json")


def snapshot(case) -> tuple:
    a = Application.objects.get(pk=case["id"])
    return (
        a.version,
        a.status,
        a.deadline,
        ApplicationEvent.objects.filter(application=a).count(),
        Fee.objects.count(),
    )


def ok(response, status: str):
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["status"] == status
    return data


# --- supplement -------------------------------------------------------------------------------


def test_request_and_receive_supplement(case, as_handler):
    data = ok(
        act(
            as_handler,
            case,
            "request-supplement",
            {"on": "2026-11-05", "items_to_supplement": "请写明年度"},
        ),
        "awaiting_supplement",
    )
    assert data["deadline"] is None and data["working_days_left"] is None
    assert data["events"][-1]["kind"] == "supplement_requested"
    assert data["events"][-1]["note"] == "请写明年度"
    data = ok(act(as_handler, case, "receive-supplement", {"on": "2026-11-10"}), "open")
    # the clock restarts from 11-10 with the full 20 working days: Tue 2026-12-08
    assert data["deadline"] == "2026-12-08"
    assert [e["kind"] for e in data["events"]] == [
        "registered",
        "supplement_requested",
        "supplement_received",
    ]


def test_supplement_is_requested_only_once_and_received_only_when_awaited(case, as_handler):
    assert act(as_handler, case, "receive-supplement", {"on": "2026-11-05"}).status_code == 409
    ok(
        act(
            as_handler,
            case,
            "request-supplement",
            {"on": "2026-11-05", "items_to_supplement": "x", "due_on": "2026-11-20"},
        ),
        "awaiting_supplement",
    )
    before = snapshot(case)
    response = act(
        as_handler, case, "request-supplement", {"on": "2026-11-06", "items_to_supplement": "y"}
    )
    assert response.status_code == 409
    assert list(response.json()) == ["non_field_errors"]
    assert snapshot(case) == before


# --- consultation (stop) ----------------------------------------------------------------------


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


# --- extension and Art. 35 ----------------------------------------------------------------------


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


# --- fees ----------------------------------------------------------------------------------


def test_fee_per_page_notice_and_payment(case, as_handler):
    data = ok(
        act(
            as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 50}
        ),
        "awaiting_fee",
    )
    assert data["fee"]["method"] == "per_page"
    assert data["fee"]["amount"] == "200.00"  # pages 31–50 at 10 元
    assert data["fee"]["state"] == "notified"
    assert data["deadline"] is None
    data = ok(act(as_handler, case, "pay-fee", {"on": "2026-11-12"}), "open")
    assert data["fee"]["state"] == "paid" and data["fee"]["paid_on"] == "2026-11-12"


def test_fee_waiver_records_who_and_why(case, as_handler):
    ok(
        act(
            as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 120}
        ),
        "awaiting_fee",
    )
    data = ok(
        act(
            as_handler,
            case,
            "waive-fee",
            {"on": "2026-11-11", "approved_by": "jiangyi-supervisor", "reason": "困难群众"},
        ),
        "open",
    )
    assert data["fee"]["state"] == "waived"
    assert data["fee"]["waived_by"] == "jiangyi-supervisor"
    assert data["fee"]["waive_reason"] == "困难群众"


def test_fee_refusals(case, as_handler):
    assert act(as_handler, case, "pay-fee", {"on": "2026-11-10"}).status_code == 409
    assert (
        act(
            as_handler,
            case,
            "waive-fee",
            {"on": "2026-11-10", "approved_by": "jiangyi-supervisor", "reason": "r"},
        ).status_code
        == 409
    )
    # under 30 pages is free: nothing to notify
    assert (
        act(
            as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page", "pages": 20}
        ).status_code
        == 409
    )
    # a 2019-regime case has no cost fee
    response = act(
        as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "cost", "amount": "10.00"}
    )
    assert response.status_code == 400 and "method" in response.json()
    response = act(as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "per_page"})
    assert response.status_code == 400 and "pages" in response.json()
    response = act(as_handler, case, "notify-fee", {"on": "2026-11-10", "method": "by_weight"})
    assert response.status_code == 400 and "method" in response.json()
    assert Fee.objects.count() == 0


def test_cost_fee_for_a_2008_case(frozen_today, as_front, as_handler):
    case = as_front.post(
        "/api/v1/applications/", application_body(received_on="2018-03-01"), format="json"
    ).json()
    data = ok(
        act(
            as_handler, case, "notify-fee", {"on": "2018-03-05", "method": "cost", "amount": "12.5"}
        ),
        "awaiting_fee",
    )
    assert data["fee"]["amount"] == "12.50"


# --- conclusion -----------------------------------------------------------------------------


def test_conclude_with_an_outcome(case, as_handler):
    data = ok(
        act(as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "disclose"}), "concluded"
    )
    assert data["outcome"] == "disclose"
    assert data["concluded_on"] == "2026-11-20"
    assert data["overdue"] is False and data["working_days_left"] is None
    # nothing more can happen to a concluded case
    for action, body in [
        ("conclude", {"on": "2026-11-21", "outcome": "disclose"}),
        ("withdraw", {"on": "2026-11-21"}),
        ("start-consultation", {"on": "2026-11-21", "party": "x"}),
        (
            "extend",
            {"on": "2026-11-21", "days": 1, "approved_by": "jiangyi-supervisor", "reason": "r"},
        ),
        ("set-deadline", {"on": "2026-11-21", "deadline": "2027-01-29", "reason": "r"}),
        ("notify-fee", {"on": "2026-11-21", "method": "per_page", "pages": 50}),
        ("request-supplement", {"on": "2026-11-21", "items_to_supplement": "x"}),
    ]:
        assert act(as_handler, case, action, body).status_code == 409, action


def test_withholding_needs_reason_and_basis(case, as_handler):
    response = act(
        as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "withhold.state_secret"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"reason", "basis"}
    data = ok(
        act(
            as_handler,
            case,
            "conclude",
            {
                "on": "2026-11-20",
                "outcome": "withhold.state_secret",
                "reason": "属于国家秘密",
                "basis": "《条例》第十四条",
            },
        ),
        "concluded",
    )
    assert data["outcome"] == "withhold.state_secret"


def test_unknown_outcome_is_400(case, as_handler):
    response = act(as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "approve"})
    assert response.status_code == 400 and "outcome" in response.json()


def test_conclude_while_consulting_is_409(case, as_handler):
    ok(
        act(as_handler, case, "start-consultation", {"on": "2026-11-10", "party": "x"}),
        "consulting",
    )
    assert (
        act(as_handler, case, "conclude", {"on": "2026-11-20", "outcome": "disclose"}).status_code
        == 409
    )


def test_withdraw_concludes_as_other(case, as_handler):
    data = ok(
        act(as_handler, case, "withdraw", {"on": "2026-11-20", "note": "申请人电话撤回"}),
        "concluded",
    )
    assert data["outcome"] == "other.other"
    assert data["events"][-1]["kind"] == "withdrawn"


# --- the dates rule, for every action ---------------------------------------------------------

ACTIONS = {
    "request-supplement": {"items_to_supplement": "x"},
    "start-consultation": {"party": "x"},
    "extend": {"days": 1, "approved_by": "jiangyi-supervisor", "reason": "r"},
    "set-deadline": {"deadline": "2027-06-30", "reason": "r"},
    "notify-fee": {"method": "per_page", "pages": 50},
    "conclude": {"outcome": "disclose"},
    "withdraw": {},
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize(
    ("on", "message"),
    [("2026-11-25", "日期不能晚于今天。"), ("2026-11-01", "日期不能早于收到申请之日")],
)
def test_dates_in_the_future_or_before_receipt_are_refused(case, as_handler, action, on, message):
    before = snapshot(case)
    response = act(as_handler, case, action, {"on": on, **ACTIONS[action]})
    assert response.status_code == 400
    assert response.json()["on"][0].startswith(message)
    assert snapshot(case) == before


@pytest.mark.parametrize("action", ["end-consultation", "conclude", "extend"])
def test_dates_out_of_order_with_earlier_events_are_refused(case, as_handler, action):
    ok(
        act(as_handler, case, "start-consultation", {"on": "2026-11-10", "party": "x"}),
        "consulting",
    )
    if action != "end-consultation":
        ok(act(as_handler, case, "end-consultation", {"on": "2026-11-12"}), "open")
    before = snapshot(case)
    body = {"on": "2026-11-09", **ACTIONS.get(action, {})}
    response = act(as_handler, case, action, body)
    assert response.status_code == 400
    assert "上一办理环节" in response.json()["on"][0]
    assert snapshot(case) == before


def test_stale_version_is_409(case, as_handler):
    body = {
        "on": "2026-11-20",
        "days": 1,
        "approved_by": "jiangyi-supervisor",
        "reason": "r",
        "version": 1,
    }
    ok(act(as_handler, case, "extend", body), "open")
    before = snapshot(case)
    response = act(as_handler, case, "extend", body)  # the same version again: now stale
    assert response.status_code == 409
    assert "他人修改" in response.json()["non_field_errors"][0]
    assert snapshot(case) == before


def test_front_desk_may_not_act_other_offices_get_404(case, api, people, bureau_people):
    body = {"on": "2026-11-20", "party": "x"}
    assert (
        act(api(people[("jiangyi", "front_desk")]), case, "start-consultation", body).status_code
        == 403
    )
    assert act(api(bureau_people["handler"]), case, "start-consultation", body).status_code == 404
    assert (
        act(api(people[("county", "handler")]), case, "start-consultation", body).status_code == 404
    )
    assert (
        act(api(people[("county", "supervisor")]), case, "start-consultation", body).status_code
        == 200
    )
