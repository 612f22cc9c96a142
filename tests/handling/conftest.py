"""Fixtures for the handling tests: a township case received on Monday 2026-11-02 (reply due Monday
2026-11-30, supplement notice due Wednesday 2026-11-11), today frozen at Tuesday 2026-11-24."""

from datetime import date

import pytest

from cases.models import Application, ApplicationEvent, Fee
from cases.services import fees


@pytest.fixture
def case(register):
    return register(received_on=date(2026, 11, 2))


@pytest.fixture
def handler(township_handler):
    return township_handler


@pytest.fixture
def sup(township_supervisor):
    return township_supervisor


@pytest.fixture
def handler_client(client, handler, frozen_today):
    client.force_login(handler)
    return client


@pytest.fixture
def sup_client(client, sup, frozen_today):
    client.force_login(sup)
    return client


def snapshot(app: Application) -> tuple:
    """Everything a refusal must leave as it was."""
    a = Application.objects.get(pk=app.pk)
    return (
        a.version,
        a.status,
        a.deadline,
        a.handler_id,
        a.outcome,
        a.extension_days,
        ApplicationEvent.objects.filter(application=a).count(),
        Fee.objects.filter(application=a).count(),
        a.history.count(),
    )


def fresh(app: Application) -> Application:
    return Application.objects.get(pk=app.pk)


@pytest.fixture
def world(register, people, county, township, frozen_today):
    """A known set of cases as of Tue 2026-11-24 (due soon = by Fri 11-27). Township cases are the
    township handler's unless noted; one county case is the county handler's."""
    from cases.services import fees, handling
    from cases.services.voiding import application_void

    h, sup = people[("jiangyi", "handler")], people[("jiangyi", "supervisor")]
    ch = people[("county", "handler")]
    c_front = people[("county", "front_desk")]
    D = date

    def reg(received_on, handler=h, **kw):
        return register(received_on=received_on, handler=handler, **kw)

    w = {}
    w["overdue"] = reg(D(2026, 9, 1))  # due 09-29
    w["newly_overdue"] = reg(D(2026, 10, 26))  # due Mon 11-23
    w["due_today"] = reg(D(2026, 10, 27))  # due Tue 11-24
    w["due_soon"] = reg(D(2026, 10, 30))  # due Fri 11-27
    w["ok_unassigned"] = reg(D(2026, 11, 2), handler=None)  # due 11-30
    w["stopped_overdue"] = reg(D(2026, 9, 1))
    handling.application_start_consultation(
        user=h, application=w["stopped_overdue"], on=D(2026, 11, 20), party="甲"
    )
    w["provisional"] = reg(D(2026, 11, 20))
    handling.application_extend(
        user=h,
        application=w["provisional"],
        on=D(2026, 11, 23),
        days=20,
        approved_by=sup,
        reason="r",
    )
    w["late_notice"] = reg(D(2026, 11, 2))  # notice due 11-11, given 11-20
    handling.application_request_supplement(
        user=h, application=w["late_notice"], on=D(2026, 11, 20), items_to_supplement="x"
    )
    w["supplement_lapsed"] = reg(D(2026, 11, 2))
    handling.application_request_supplement(
        user=h,
        application=w["supplement_lapsed"],
        on=D(2026, 11, 3),
        items_to_supplement="x",
        due_on=D(2026, 11, 10),
    )
    w["fee_lapsed"] = reg(D(2026, 10, 8))  # payment due 11-04
    fees.fee_notify(
        user=h, application=w["fee_lapsed"], on=D(2026, 10, 8), method="per_page", pages=40
    )
    w["on_time"] = reg(D(2026, 11, 2))
    handling.application_conclude(
        user=h, application=w["on_time"], on=D(2026, 11, 20), outcome="disclose"
    )
    w["late"] = reg(D(2026, 9, 1))
    handling.application_conclude(
        user=h, application=w["late"], on=D(2026, 11, 20), outcome="disclose"
    )
    w["last_year"] = reg(D(2025, 3, 3))
    handling.application_conclude(
        user=h, application=w["last_year"], on=D(2025, 3, 20), outcome="disclose"
    )
    w["voided"] = reg(D(2026, 9, 1))
    application_void(user=sup, application=w["voided"], reason="重复登记")
    w["county_overdue"] = register(
        received_on=D(2026, 9, 1), agency=county, user=c_front, handler=ch
    )
    w["county_on_time"] = register(
        received_on=D(2026, 11, 2), agency=county, user=c_front, handler=ch
    )
    handling.application_conclude(
        user=ch, application=w["county_on_time"], on=D(2026, 11, 10), outcome="disclose"
    )
    return {k: fresh(v) for k, v in w.items()}


@pytest.fixture
def lapsed(register, handler):
    """A township case assigned to the handler whose fee notice of Thu 2026-10-08 is unpaid by today:
    payment was due Wed 2026-11-04 (20 working days, Sat 10-10 a 调休 working day)."""
    app = register(received_on=date(2026, 10, 8), handler=handler)
    fees.fee_notify(
        user=handler, application=app, on=date(2026, 10, 8), method="per_page", pages=40
    )
    assert fresh(app).fee.pay_due_on == date(2026, 11, 4)
    return app
