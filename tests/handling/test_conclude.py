"""Conclusion (law.md §6): one outcome code with its reason and basis; the state rules; withdrawal;
the on-the-spot reply."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases import outcomes
from cases.clocksync import clock_of
from cases.errors import StateConflict
from cases.services import fees, handling

from .conftest import fresh, snapshot

pytestmark = pytest.mark.django_db
D = date


def prepare(app, handler, code) -> date:
    """Meet the outcome's preconditions; return the day to conclude on."""
    if code == "other.no_supplement":
        handling.application_request_supplement(
            user=handler, application=app, on=D(2026, 11, 3), items_to_supplement="x", period_days=5
        )
        return D(2026, 11, 11)
    if code == "other.fee_unpaid":
        fees.fee_notify(
            user=handler, application=app, on=D(2026, 10, 8), method="per_page", pages=40
        )
        return fresh(app).fee.pay_due_on + (D(2026, 11, 24) - D(2026, 11, 23))
    if code == "unable.still_unclear":
        handling.application_request_supplement(
            user=handler, application=app, on=D(2026, 10, 9), items_to_supplement="x"
        )
        handling.application_receive_supplement(user=handler, application=app, on=D(2026, 10, 12))
    return D(2026, 11, 20)


@pytest.mark.parametrize("code", outcomes.CODES)
def test_every_outcome(register, handler, code):
    app = register(received_on=D(2026, 10, 7))
    on = prepare(app, handler, code)
    needs = code in outcomes.NEEDS_REASON
    app = handling.application_conclude(
        user=handler,
        application=app,
        on=on,
        outcome=code,
        reason="经审查" if needs or code in outcomes.NEEDS_ACCOUNT else "",
        basis="《条例》第三十六条" if needs else "",
        referred_to="元谋县自然资源局，0878-8212345" if code == "unable.not_held" else "",
    )
    app = fresh(app)
    assert (app.status, app.outcome, app.concluded_on) == ("concluded", code, on)
    assert app.events.filter(kind="concluded").count() == 1


@pytest.mark.parametrize("code", sorted(outcomes.NEEDS_REASON))
def test_reason_and_basis_are_required(case, handler, code):
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        handling.application_conclude(
            user=handler, application=case, on=D(2026, 11, 20), outcome=code
        )
    assert set(exc.value.message_dict) == {"reason", "basis"}
    assert snapshot(case) == before


def test_reason_and_basis_are_stored(case, handler):
    app = handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 20), outcome="withhold.process_info",
        reason="属于内部讨论记录", basis="《条例》第十六条第二款",
    )  # fmt: skip
    app = fresh(app)
    assert (app.outcome_reason, app.outcome_basis) == ("属于内部讨论记录", "《条例》第十六条第二款")


def test_referred_to_only_for_not_held(case, handler):
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        handling.application_conclude(
            user=handler,
            application=case,
            on=D(2026, 11, 20),
            outcome="disclose",
            referred_to="某局",
        )
    assert list(exc.value.message_dict) == ["referred_to"]
    assert snapshot(case) == before
    app = handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 20), outcome="unable.not_held",
        reason="本机关未制作", basis="《条例》第三十六条第（五）项", referred_to="元谋县自然资源局，0878-8212345",
    )  # fmt: skip
    assert fresh(app).referred_to == "元谋县自然资源局，0878-8212345"


@pytest.mark.parametrize(
    ("kw", "exc"),
    [
        ({"outcome": "approve"}, ValidationError),
        ({"on": D(2026, 11, 25)}, ValidationError),
        ({"on": D(2026, 11, 1)}, ValidationError),
    ],
)
def test_refusals(case, handler, kw, exc):
    before = snapshot(case)
    with pytest.raises(exc):
        handling.application_conclude(
            user=handler, application=case, **({"on": D(2026, 11, 20), "outcome": "disclose"} | kw)
        )
    assert snapshot(case) == before


def test_once_concluded_nothing_more(case, handler):
    handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 20), outcome="disclose"
    )
    before = snapshot(case)
    with pytest.raises(StateConflict, match="已办结"):
        handling.application_conclude(
            user=handler,
            application=case,
            on=D(2026, 11, 21),
            outcome="partial",
            reason="r",
            basis="b",
        )
    with pytest.raises(StateConflict):
        handling.application_withdraw(user=handler, application=case, on=D(2026, 11, 21))
    assert snapshot(case) == before


def test_a_late_reply_is_recorded_as_late(register, handler):
    late = register(received_on=D(2026, 9, 1))
    app = handling.application_conclude(
        user=handler, application=late, on=D(2026, 11, 20), outcome="disclose"
    )
    assert clock_of(fresh(app)).concluded_late


def test_no_reply_while_awaiting_the_fee(case, handler):
    fees.fee_notify(user=handler, application=case, on=D(2026, 11, 10), method="per_page", pages=40)
    with pytest.raises(StateConflict, match="先处理收费"):
        handling.application_conclude(
            user=handler, application=case, on=D(2026, 11, 20), outcome="disclose"
        )


# --- withdrawal ------------------------------------------------------------------------------------


def test_withdraw_concludes_as_other(case, handler):
    app = handling.application_withdraw(
        user=handler, application=case, on=D(2026, 11, 20), note="来电撤回"
    )
    app = fresh(app)
    assert (app.status, app.outcome, app.concluded_on) == (
        "concluded",
        "other.other",
        D(2026, 11, 20),
    )
    assert app.outcome_reason == "申请人撤回申请：来电撤回"


def test_withdraw_while_awaiting_a_supplement(case, handler):
    handling.application_request_supplement(
        user=handler, application=case, on=D(2026, 11, 3), items_to_supplement="x"
    )
    assert (
        handling.application_withdraw(user=handler, application=case, on=D(2026, 11, 5)).status
        == "concluded"
    )


def test_withdraw_dates(case, handler):
    before = snapshot(case)
    for on in (D(2026, 11, 25), D(2026, 11, 1)):
        with pytest.raises(ValidationError):
            handling.application_withdraw(user=handler, application=case, on=on)
    assert snapshot(case) == before


# --- on-the-spot reply --------------------------------------------------------------------------------


def test_on_the_spot_reply_concludes_on_the_received_date(case, handler):
    app = handling.application_reply_on_the_spot(
        user=handler, application=case, outcome="disclose", expected_version=case.version
    )
    app = fresh(app)
    assert (app.status, app.concluded_on) == ("concluded", D(2026, 11, 2))
    assert not clock_of(app).concluded_late


def test_on_the_spot_only_before_any_step(case, handler):
    handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 3), party="x"
    )
    handling.application_end_consultation(user=handler, application=case, on=D(2026, 11, 4))
    before = snapshot(case)
    with pytest.raises(StateConflict, match="当场答复"):
        handling.application_reply_on_the_spot(user=handler, application=case, outcome="disclose")
    assert snapshot(case) == before


def test_on_the_spot_needs_reason_for_a_refusal(case, handler):
    before = snapshot(case)
    with pytest.raises(ValidationError):
        handling.application_reply_on_the_spot(
            user=handler, application=case, outcome="decline.petition"
        )
    assert snapshot(case) == before
