"""The lists' filters from the query string (a typed address, an old bookmark, a link): a value that is
no date, a date no calculation can carry (9999-12-31 plus one day), or a number of days beyond a year's
is left out of the filter — the page answers, and says which filter it did not apply."""

from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

IGNORED = "本次未按它筛选"


@pytest.fixture
def handler_client(client, people, frozen_today):
    client.force_login(people[("jiangyi", "handler")])
    return client


@pytest.mark.parametrize(
    "url, params, label",
    [
        ("application-list", {"received_after": "9999-12-31"}, "收到日期（起）"),
        ("application-list", {"received_before": "0001-01-01"}, "收到日期（止）"),
        ("application-list", {"received_after": "2026-02-30"}, "收到日期（起）"),
        ("application-list", {"due_within": "99999999999"}, "期限在几个工作日内"),
        ("application-list", {"due_within": "-3"}, "期限在几个工作日内"),
        ("application-list", {"due_within": "３"}, "期限在几个工作日内"),
        ("consultation-list", {"received_after": "9999-12-31"}, "收到日期（起）"),
        ("consultation-list", {"received_before": "9999-12-31"}, "收到日期（止）"),
        ("application-list", {"q": "低保" * 50_000}, "搜索"),  # SQLite: "pattern too complex"
        ("consultation-list", {"q": "低保" * 101}, "搜索"),
    ],
)
def test_a_filter_no_list_can_apply_is_left_out_and_named(handler_client, url, params, label):
    response = handler_client.get(reverse(url), params)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"筛选条件“{label}”" in page and IGNORED in page


def test_filters_within_range_still_filter(handler_client, register):
    register(received_on=date(2026, 11, 2))
    inside = handler_client.get(reverse("application-list"), {"received_after": "2026-11-01"})
    outside = handler_client.get(reverse("application-list"), {"received_after": "2026-11-03"})
    soon = handler_client.get(reverse("application-list"), {"due_within": "250"})
    assert IGNORED not in inside.content.decode() + soon.content.decode()
    assert len(inside.context["rows"]) == 1 and len(soon.context["rows"]) == 1
    assert len(outside.context["rows"]) == 0


def test_the_workbench_keeps_its_other_filters_when_the_search_is_too_long(
    handler_client, register
):
    """A search of more than 200 characters used to drop every filter of the workbench (the form was
    invalid as a whole): the scope and flag stay, and the page names the search it left out."""
    register(received_on=date(2026, 11, 2))
    response = handler_client.get(
        reverse("workbench"), {"scope": "office", "flag": "overdue", "q": "低" * 201}
    )
    assert response.status_code == 200
    assert (response.context["filters"].scope, response.context["filters"].flag) == (
        "office",
        "overdue",
    )
    assert response.context["filters"].q == ""
    assert "筛选条件“搜索”无效" in response.content.decode()


def test_the_consultation_list_includes_the_offices_under_one_as_the_ledger_does(
    client, people, county, township, frozen_today
):
    """A county supervisor picks the county: its own consultations, and with 含下级 the township's too."""
    from cases.services.registration import consultation_register

    for office, user in ((county, ("county", "front_desk")), (township, ("jiangyi", "front_desk"))):
        consultation_register(user=people[user], agency=office, channel="hotline", topic="期限")
    client.force_login(people[("county", "supervisor")])
    url = reverse("consultation-list")
    own = client.get(url, {"agency": county.code})
    both = client.get(url, {"agency": county.code, "include_children": "on"})
    assert [c.agency for c in own.context["page"].object_list] == [county]
    assert {c.agency for c in both.context["page"].object_list} == {county, township}
    assert 'name="include_children" checked' in both.content.decode()
