"""Building report data through the services, as the office's staff would enter it."""

from datetime import datetime, timedelta

import pytest

from cases import outcomes
from cases.clock import engine
from cases.clocksync import get_calendar
from cases.services import fees, handling, registration, remedies
from cases.services.registration import ApplicantData
from tests.conftest import SHANGHAI

# one applicant of each column of the national table (organisations carry no ID number)
APPLICANTS = {
    "natural_person": ApplicantData(
        type="natural_person", name="张三", id_number="11010519491231002X"
    ),
    "commercial_enterprise": ApplicantData(type="commercial_enterprise", name="金沙建材有限公司"),
    "research_institution": ApplicantData(type="research_institution", name="热区生态农业研究所"),
    "public_interest_org": ApplicantData(type="public_interest_org", name="绿色家园环保志愿者协会"),
    "legal_service_org": ApplicantData(type="legal_service_org", name="滇中律师事务所"),
    "other_org": ApplicantData(type="other_org", name="姜驿村民委员会"),
}


class Casebook:
    """Short verbs for tests: register, conclude with any outcome (preconditions met), fees, remedies."""

    def __init__(self, people, agency):
        self.front = people[(agency.code, "front_desk")]
        self.handler = people[(agency.code, "handler")]
        self.supervisor = people[(agency.code, "supervisor")]
        self.agency = agency

    def register(
        self, received_on, *, type="natural_person", channel="in_person", content="财政预决算"
    ):
        return registration.application_register(
            user=self.front,
            agency=self.agency,
            channel=channel,
            received_on=received_on,
            applicant=APPLICANTS[type],
            content=content,
        )

    def conclude(self, app, on, outcome="disclose"):
        h = self.handler
        if outcome == "other.no_supplement":
            handling.application_request_supplement(
                user=h, application=app, on=app.received_on, items_to_supplement="请写明年份"
            )
            app.refresh_from_db()
            end = engine.supplement_period_end(
                next(e.to_clock_event() for e in app.events.filter(kind="supplement_requested")),
                get_calendar(),
            )
            on = max(on, end + timedelta(days=1))
        elif outcome == "other.fee_unpaid":
            fees.fee_notify(
                user=h, application=app, on=app.received_on, method="per_page", pages=45
            )
            app.refresh_from_db()
            on = max(on, app.fee.pay_due_on + timedelta(days=1))
        elif outcome == "unable.still_unclear":
            handling.application_request_supplement(
                user=h, application=app, on=app.received_on, items_to_supplement="请写明年份"
            )
            handling.application_receive_supplement(user=h, application=app, on=app.received_on)
        needs = outcome in outcomes.NEEDS_REASON
        handling.application_conclude(
            user=h,
            application=app,
            on=on,
            outcome=outcome,
            reason="经审查" if needs or outcome in outcomes.NEEDS_ACCOUNT else "",
            basis="《条例》第三十六条" if needs else "",
        )
        app.refresh_from_db()
        return app

    def withdraw(self, app, on):
        handling.application_withdraw(user=self.handler, application=app, on=on, note="来电撤回")
        app.refresh_from_db()
        return app

    def fee(
        self,
        app,
        notified_on,
        *,
        paid_on=None,
        waived_on=None,
        pages=45,
        method="per_page",
        amount=None,
    ):
        fees.fee_notify(
            user=self.handler,
            application=app,
            on=notified_on,
            method=method,
            pages=pages,
            amount=amount,
        )
        if paid_on:
            fees.fee_pay(user=self.handler, application=app, on=paid_on)
        if waived_on:
            fees.fee_waive(
                user=self.handler,
                application=app,
                on=waived_on,
                approved_by=self.supervisor,
                reason="经济困难",
            )
        app.refresh_from_db()
        return app

    def remedy(self, app, kind, filed_on, result="pending", decided_on=None):
        return remedies.remedy_record(
            user=self.handler,
            application=app,
            kind=kind,
            filed_on=filed_on,
            result=result,
            decided_on=decided_on,
        )

    def consult(
        self, channel, received_at: datetime, *, answered_at=None, topic="如何申请政府信息公开"
    ):
        return registration.consultation_register(
            user=self.front,
            agency=self.agency,
            channel=channel,
            topic=topic,
            received_at=received_at,
            answer="已解答" if answered_at else "",
            answered_at=answered_at,
        )


def at(y, m, d, hh=10, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=SHANGHAI)


@pytest.fixture
def book(frozen_today, people, township):
    return Casebook(people, township)


@pytest.fixture
def county_book(frozen_today, people, county):
    return Casebook(people, county)
