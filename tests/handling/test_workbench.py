"""The handler's workbench: my open cases by deadline with the countdown and its colour, the cases
waiting on the applicant or a third party kept apart, filters, and a constant number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.clocksync import get_calendar
from cases.selectors_workbench import WorkbenchFilters, build_workbench

pytestmark = pytest.mark.django_db


def numbers(rows):
    return [a.number for a, _ in rows]


def test_my_running_cases_sorted_by_deadline(world, township_handler):
    bench = build_workbench(township_handler, WorkbenchFilters())
    expected = ["overdue", "newly_overdue", "due_today", "due_soon", "provisional"]
    assert numbers(bench.running) == [world[k].number for k in expected]
    css = [cd.css for _, cd in bench.running]
    assert css == ["overdue", "overdue", "due-soon", "due-soon", "ok"]
    texts = [cd.text for _, cd in bench.running]
    assert texts[2] == "今日到期" and texts[3] == "剩余3个工作日"
    assert bench.running[-1][1].provisional  # the 2027 deadline is marked 待确认


def test_waiting_cases_are_kept_apart(world, township_handler):
    bench = build_workbench(township_handler, WorkbenchFilters())
    waiting = {w.application.number: w for w in bench.waiting}
    assert set(waiting) == {
        world[k].number
        for k in ("stopped_overdue", "late_notice", "supplement_lapsed", "fee_lapsed")
    }
    assert waiting[world["stopped_overdue"].number].waiting_for == "等待甲的意见"
    assert waiting[world["stopped_overdue"].number].countdown.css == "overdue"
    lapsed = waiting[world["supplement_lapsed"].number]
    assert (lapsed.waiting_for, lapsed.due, lapsed.due_passed) == (
        "等待申请人补正",
        date(2026, 11, 10),
        True,
    )
    fee = waiting[world["fee_lapsed"].number]
    assert fee.waiting_for == "等待申请人缴费（100.00元）" and fee.due == date(2026, 11, 4)
    assert (bench.tally.overdue, bench.tally.due_soon, bench.tally.waiting) == (3, 2, 4)


def test_concluded_voided_and_others_cases_are_not_mine(world, township_handler):
    bench = build_workbench(township_handler, WorkbenchFilters())
    shown = set(numbers(bench.running)) | {w.application.number for w in bench.waiting}
    for k in ("on_time", "late", "last_year", "voided", "ok_unassigned", "county_overdue"):
        assert world[k].number not in shown, k


@pytest.mark.parametrize(
    ("filters", "keys"),
    [
        (WorkbenchFilters(flag="overdue"), {"overdue", "newly_overdue", "stopped_overdue"}),
        (WorkbenchFilters(flag="due_soon"), {"due_today", "due_soon"}),
        (WorkbenchFilters(flag="provisional"), {"provisional"}),
        (WorkbenchFilters(status="awaiting_supplement"), {"late_notice", "supplement_lapsed"}),
        (WorkbenchFilters(scope="unassigned"), {"ok_unassigned"}),
        (WorkbenchFilters(scope="office", flag="due_soon"), {"due_today", "due_soon"}),
    ],
)
def test_filters(world, township_handler, filters, keys):
    bench = build_workbench(township_handler, filters)
    shown = set(numbers(bench.running)) | {w.application.number for w in bench.waiting}
    assert shown == {world[k].number for k in keys}


def test_office_scope_includes_the_unassigned(world, township_handler):
    bench = build_workbench(township_handler, WorkbenchFilters(scope="office"))
    assert world["ok_unassigned"].number in numbers(bench.running)
    assert bench.tally.open == 10


def test_the_page(world, handler_client):
    response = handler_client.get(reverse("workbench"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="row-overdue"' in html and 'class="row-due-soon"' in html
    assert "待确认" in html and "等待申请人或第三方" in html
    assert html.index(world["overdue"].number) < html.index(world["due_soon"].number)
    filtered = handler_client.get(reverse("workbench"), {"flag": "due_soon"}).content.decode()
    assert world["overdue"].number not in filtered and world["due_soon"].number in filtered
    # a nonsense filter is ignored, not an error
    assert handler_client.get(reverse("workbench"), {"scope": "everything"}).status_code == 200


def test_query_count_is_the_same_for_one_case_or_many(
    register, township_handler, client, frozen_today, django_assert_max_num_queries
):
    get_calendar()
    client.force_login(township_handler)
    from cases.services.handling import application_start_consultation

    waiting = register(received_on=date(2026, 11, 2), handler=township_handler)
    application_start_consultation(
        user=township_handler, application=waiting, on=date(2026, 11, 3), party="甲"
    )
    register(received_on=date(2026, 11, 2), handler=township_handler)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("workbench"))
    for day in range(3, 20):
        app = register(received_on=date(2026, 11, day), handler=township_handler)
        if day % 3 == 0:
            application_start_consultation(
                user=township_handler, application=app, on=date(2026, 11, day), party="乙"
            )
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("workbench"))
    assert len(one) == len(many)
    with django_assert_max_num_queries(8):
        client.get(reverse("workbench"))
