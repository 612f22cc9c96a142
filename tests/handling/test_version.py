"""Optimistic concurrency on any database: an action posted with the version the page showed is refused
if the case changed meanwhile (StaleVersion), and nothing is changed."""

from datetime import date

import pytest

from cases.errors import StaleVersion
from cases.services import fees, handling

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db
D = date

ACTIONS = {
    "request_supplement": (handling.application_request_supplement, {"on": D(2026, 11, 20), "items_to_supplement": "x"}),
    "start_consultation": (handling.application_start_consultation, {"on": D(2026, 11, 20), "party": "x"}),
    "extend": (handling.application_extend, {"on": D(2026, 11, 20), "days": 1, "approved_by": "sup", "reason": "r"}),
    "set_deadline": (handling.application_set_deadline, {"on": D(2026, 11, 20), "deadline": D(2027, 2, 26), "reason": "r"}),
    "notify_fee": (fees.fee_notify, {"on": D(2026, 11, 20), "method": "per_page", "pages": 40}),
    "conclude": (handling.application_conclude, {"on": D(2026, 11, 20), "outcome": "disclose"}),
    "withdraw": (handling.application_withdraw, {"on": D(2026, 11, 20)}),
    "reply_on_the_spot": (handling.application_reply_on_the_spot, {"outcome": "disclose"}),
    "assign": (handling.application_assign, {"handler": "handler"}),
}  # fmt: skip


@pytest.mark.parametrize("name", ACTIONS)
def test_stale_version_is_refused_and_nothing_changes(case, handler, sup, name):
    service, kw = ACTIONS[name]
    kw = {
        k: {"sup": sup, "handler": handler}.get(v, v) if isinstance(v, str) else v
        for k, v in kw.items()
    }
    user = sup if name == "assign" else handler
    shown = case.version
    handling.application_assign(user=sup, application=case, handler=sup)  # someone else acts first
    before = snapshot(case)
    with pytest.raises(StaleVersion) as exc:
        service(user=user, application=case, expected_version=shown, **kw)
    assert "他人修改" in exc.value.message
    assert snapshot(case) == before


def test_the_current_version_succeeds_and_moves_on(case, handler):
    v = fresh(case).version
    app = handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 20), party="x", expected_version=v
    )
    assert fresh(app).version == v + 1
    with pytest.raises(StaleVersion):
        handling.application_end_consultation(
            user=handler, application=case, on=D(2026, 11, 23), expected_version=v
        )
    handling.application_end_consultation(
        user=handler, application=case, on=D(2026, 11, 23), expected_version=v + 1
    )
    assert fresh(case).version == v + 2
