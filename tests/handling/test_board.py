"""The supervisor's board: counts per office (own and with the offices below), the lists, the on-time
rate this year, the cases by handler — by aggregate queries, the same number for 1 case or many."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.clocksync import get_calendar
from cases.selectors_board import build_board

pytestmark = pytest.mark.django_db

TOWNSHIP = {
    "open": 10,
    "running": 6,
    "overdue": 3,
    "due_soon": 2,
    "provisional": 1,
    "awaiting_supplement": 2,
    "consulting": 1,
    "awaiting_fee": 1,
    "concluded_year": 2,
    "on_time_year": 1,
    "late_notices": 1,
    "supplement_lapsed": 1,
    "fee_lapsed": 1,
}
COUNTY_OWN = dict.fromkeys(TOWNSHIP, 0) | {
    "open": 1,
    "running": 1,
    "overdue": 1,
    "concluded_year": 1,
    "on_time_year": 1,
}


def tally(t) -> dict:
    return {name: getattr(t, name) for name in TOWNSHIP}


def test_township_supervisor_sees_the_township(world, township_supervisor):
    board = build_board(township_supervisor)
    assert [r.agency.code for r in board.offices] == ["jiangyi"]
    assert tally(board.total) == TOWNSHIP
    assert board.total.on_time_percent == "50.0%"
    assert {a.pk for a, _ in board.overdue} == {
        world[k].pk for k in ("overdue", "newly_overdue", "stopped_overdue")
    }
    assert [a.pk for a, _ in board.due_soon] == [world["due_today"].pk, world["due_soon"].pk]
    assert [a.pk for a, _ in board.provisional] == [world["provisional"].pk]
    assert [(a.pk, on) for a, on in board.late_notices] == [
        (world["late_notice"].pk, date(2026, 11, 20))
    ]
    assert [s.application.pk for s in board.supplement_lapsed] == [world["supplement_lapsed"].pk]
    assert board.supplement_lapsed[0].period_end == date(2026, 11, 10)
    assert [a.pk for a in board.fee_lapsed] == [world["fee_lapsed"].pk]
    assert all(cd.css == "overdue" for _, cd in board.overdue)


def test_the_counts_do_not_depend_on_how_many_cases_are_listed(world, township_supervisor):
    listed = build_board(township_supervisor, list_limit=1)
    assert tally(listed.total) == TOWNSHIP
    assert len(listed.overdue) == 1 and len(listed.due_soon) == 1
    assert [s.application.pk for s in listed.supplement_lapsed] == [world["supplement_lapsed"].pk]
    none = build_board(township_supervisor, list_limit=0)
    assert tally(none.total) == TOWNSHIP
    assert none.overdue == none.due_soon == none.provisional == none.supplement_lapsed == []


def test_county_supervisor_sees_own_and_below(world, county_supervisor):
    board = build_board(county_supervisor)
    county, township = board.offices
    assert (county.agency.code, township.agency.code) == ("county", "jiangyi")
    assert (county.depth, township.depth) == (0, 1)
    assert tally(county.own) == COUNTY_OWN
    assert tally(township.own) == TOWNSHIP
    assert county.has_children and not township.has_children
    assert tally(county.subtree) == {k: TOWNSHIP[k] + COUNTY_OWN[k] for k in TOWNSHIP}
    assert tally(board.total) == tally(county.subtree)
    assert board.total.on_time_percent == "66.7%"


def test_scope_narrows_to_an_office_and_below(world, county_supervisor, township):
    board = build_board(county_supervisor, scope=township)
    assert [r.agency.code for r in board.offices] == ["jiangyi"]
    assert tally(board.total) == TOWNSHIP


def test_cases_by_handler(world, county_supervisor, people):
    rows = {(r.name, r.office): r.tally for r in build_board(county_supervisor).handlers}
    h = rows[(people[("jiangyi", "handler")].full_name, "姜驿乡人民政府")]
    assert (h.open, h.overdue, h.due_soon, h.waiting, h.concluded_year, h.on_time_year) == (
        9,
        3,
        2,
        4,
        2,
        1,
    )
    unassigned = rows[("未分办", "姜驿乡人民政府")]
    assert (unassigned.open, unassigned.overdue) == (1, 0)
    ch = rows[(people[("county", "handler")].full_name, "元谋县人民政府")]
    assert (ch.open, ch.overdue, ch.concluded_year, ch.on_time_year) == (1, 1, 1, 1)
    handlers = build_board(county_supervisor).handlers
    assert handlers[-1].handler_id is None  # the unassigned come last


def test_counts_need_only_open_cases_and_this_years_conclusions(world, frozen_today):
    """The board aggregates over q_counted alone: every case it leaves out (here, one concluded last
    year) adds zero to every column, by office and by handler."""
    from cases import timeutil
    from cases.models import Application
    from cases.selectors_tally import counts, horizon, q_counted

    today = timeutil.today()
    until = horizon(today)
    everything = Application.objects.order_by()
    counted = everything.filter(q_counted(today))
    assert everything.exclude(pk__in=counted).filter(pk=world["last_year"].pk).exists()
    for grouping in (["agency_id"], ["agency_id", "handler_id"]):
        full = {
            tuple(row[k] for k in grouping): {n: row[n] for n in counts(today, until)}
            for row in everything.values(*grouping).annotate(**counts(today, until))
        }
        narrowed = {
            tuple(row[k] for k in grouping): {n: row[n] for n in counts(today, until)}
            for row in counted.values(*grouping).annotate(**counts(today, until))
        }
        zero = dict.fromkeys(counts(today, until), 0)
        assert any(values != zero for values in narrowed.values())
        assert {key: values for key, values in full.items() if values != zero} == narrowed


def test_the_page_shows_the_counts(world, sup_client):
    page = sup_client.get(reverse("board"))
    assert page.status_code == 200
    html = page.content.decode()
    assert world["overdue"].number in html and world["supplement_lapsed"].number in html
    assert "50.0%" in html and 'data-office="jiangyi"' in html
    assert page.context["board"].total.overdue == 3


def test_board_query_count_does_not_grow(
    register, county_supervisor, people, world, client, frozen_today
):
    get_calendar()
    client.force_login(county_supervisor)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("board")).status_code == 200
    assert len(many) <= 12
    from cases.models import Application

    Application.objects.exclude(pk=world["overdue"].pk).update(
        voided_at="2026-11-24T00:00:00+08:00"
    )
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("board")).status_code == 200
    # one query fewer at most: the cases of lapsed supplement periods are read only when there are some
    assert len(many) - 1 <= len(one) <= len(many)


def test_board_query_bound(world, client, county_supervisor, django_assert_max_num_queries):
    get_calendar()
    client.force_login(county_supervisor)
    with django_assert_max_num_queries(12):
        client.get(reverse("board"))


def test_only_supervisors_and_admins(world, client, people):
    for role, status in (
        ("handler", 403),
        ("front_desk", 403),
        ("supervisor", 200),
        ("admin", 200),
    ):
        client.force_login(people[("jiangyi", role)])
        assert client.get(reverse("board")).status_code == status, role
