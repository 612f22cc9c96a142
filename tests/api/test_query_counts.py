"""Constant queries: every list endpoint runs as many queries for 1 result as for 100, and one
application's detail as many whatever it holds."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.clocksync import get_calendar
from cases.models import Agency, User
from cases.services import fees, handling, remedies
from cases.services.registration import ApplicantData, consultation_register
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


def count_queries(client, url: str, expected_results: int) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.json()
    assert len(response.json()["results"]) == expected_results
    return len(ctx.captured_queries)


@pytest.fixture
def sup(api, people):
    get_calendar()  # the process-wide calendar cache is warm in a running server
    return api(people[("county", "supervisor")])


def add_applications(register, handler, supervisor, n: int, start: int = 0) -> None:
    """Applications in every shape the representation reads: handler, events, approver, fee, waiver."""
    for i in range(start, start + n):
        applicant = ApplicantData(type="natural_person", name=f"申请人{i}", phone=f"1380000{i:04d}")
        on = date(2026, 9, 1) + timedelta(days=i % 80)
        app = register(received_on=on, applicant=applicant)
        kind = i % 4
        if kind == 1:
            handling.application_extend(
                user=handler, application=app, on=on, days=2, approved_by=supervisor, reason="r"
            )
        elif kind == 2:
            fees.fee_notify(user=handler, application=app, on=on, method="per_page", pages=60)
            fees.fee_waive(user=handler, application=app, on=on, approved_by=supervisor, reason="r")
        elif kind == 3:
            handling.application_assign(user=supervisor, application=app, handler=handler)
            handling.application_conclude(user=handler, application=app, on=on, outcome="disclose")


def test_applications_1_and_100(register, sup, township_handler, township_supervisor):
    add_applications(
        register, township_handler, township_supervisor, 1, start=2
    )  # fee notified and waived
    one = count_queries(sup, "/api/v1/applications/?page_size=500", 1)
    add_applications(register, township_handler, township_supervisor, 99, start=3)
    assert count_queries(sup, "/api/v1/applications/?page_size=500", 100) == one


def test_one_application_the_same_queries_whatever_it_holds(
    register, sup, township_handler, township_supervisor
):
    """A bare case and one with a handler, an extension, a fee and its waiver: the same queries."""
    add_applications(register, township_handler, township_supervisor, 3)  # bare, extended, fee
    ids = [
        row["id"] for row in sup.get("/api/v1/applications/?ordering=received_on").json()["results"]
    ]
    counts = []
    for pk in ids:
        with CaptureQueriesContext(connection) as ctx:
            response = sup.get(f"/api/v1/applications/{pk}/")
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    shown = [sup.get(f"/api/v1/applications/{pk}/").json() for pk in ids]
    assert len({len(case["events"]) for case in shown}) > 1  # they do differ
    assert [case["fee"] is not None for case in shown] == [False, False, True]
    assert len(set(counts)) == 1


@pytest.mark.parametrize(
    "query",
    [
        "agency=jiangyi&include_children=true",
        "overdue=true",
        "status=open&ordering=deadline",
        "search=申请人",
        "received_after=2026-09-01&received_before=2026-11-24&channel=in_person",
        "due_within=250",
    ],
)
def test_applications_filtered_page_of_1_and_of_all(
    register, sup, township_handler, township_supervisor, query
):
    add_applications(register, township_handler, township_supervisor, 100)
    total = sup.get(f"/api/v1/applications/?{query}").json()["count"]
    assert total >= 10
    one = count_queries(sup, f"/api/v1/applications/?{query}&page_size=1", 1)
    assert count_queries(sup, f"/api/v1/applications/?{query}&page_size=500", total) == one


def test_consultations(frozen_today, sup, township, township_front):
    def add(n):
        for i in range(n):
            consultation_register(
                user=township_front,
                agency=township,
                channel="hotline",
                topic=f"问题{i}",
                received_at=datetime(2026, 11, 20, 9, 0, tzinfo=SHANGHAI),
                answer="已答" if i % 2 else "",
            )

    add(1)
    one = count_queries(sup, "/api/v1/consultations/?page_size=500", 1)
    add(99)
    assert count_queries(sup, "/api/v1/consultations/?page_size=500", 100) == one


def test_remedies(register, sup, township_handler):
    app = register(received_on=date(2026, 11, 2))

    def add(n):
        for _ in range(n):
            remedies.remedy_record(
                user=township_handler,
                application=app,
                kind="complaint",
                filed_on=date(2026, 11, 20),
            )

    add(1)
    one = count_queries(sup, "/api/v1/remedies/?page_size=500", 1)
    add(99)
    assert count_queries(sup, "/api/v1/remedies/?page_size=500", 100) == one


def test_agencies_and_staff(api, people, township):
    admin = people[("jiangyi", "admin")]
    client = api(admin)
    one = count_queries(client, "/api/v1/agencies/?page_size=500", 1)
    for i in range(99):
        Agency.objects.create(code=f"village-{i}", name=f"村{i}", parent=township)
    assert count_queries(client, "/api/v1/agencies/?page_size=500", 100) == one

    staff_one = count_queries(client, "/api/v1/staff/?page_size=500", 4)
    for i in range(96):
        User.objects.create_user(
            username=f"v{i}",
            password="x",
            agency=Agency.objects.get(code=f"village-{i}"),
            role="handler",
        )
    assert count_queries(client, "/api/v1/staff/?page_size=500", 100) == staff_one
