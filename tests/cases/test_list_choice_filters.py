"""The lists' select filters from the query string (status, channel, applicant type, outcome; the
consultations' channel and answered): a value no select offers — an old bookmark, a typo in the
address, a NUL character — is left out of the filter and the page says so. It listed nothing under a
filter that looked applied, and a NUL character was a 500 on PostgreSQL."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler_client(client, people, frozen_today, register, consult):
    register(received_on=date(2026, 11, 2))
    consult()
    client.force_login(people[("jiangyi", "handler")])
    return client


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    "page, name, label",
    [
        ("application-list", "status", "状态"),
        ("application-list", "channel", "方式"),
        ("application-list", "applicant_type", "申请人类型"),
        ("application-list", "outcome", "办理结果"),
        ("consultation-list", "channel", "方式"),
        ("consultation-list", "answered", "答复情况"),
    ],
)
@pytest.mark.parametrize("value", ["\x00", "open\x00", "nothing", "ＯＰＥＮ"])
def test_a_value_no_select_offers_is_left_out_and_said(handler_client, page, name, label, value):
    response = handler_client.get(reverse(page), {name: value})
    assert response.status_code == 200
    assert said(response) == [f"筛选条件“{label}”不是可选的值，本次未按它筛选。"]
    assert len(response.context["page"].object_list) == 1  # the list, unfiltered


@pytest.mark.parametrize(
    "page, params, rows",
    [
        ("application-list", {"status": "open"}, 1),
        ("application-list", {"status": "concluded"}, 0),
        ("application-list", {"channel": "in_person", "applicant_type": "natural_person"}, 1),
        ("application-list", {"outcome": "disclose"}, 0),
        ("consultation-list", {"channel": "hotline", "answered": "no"}, 1),
        ("consultation-list", {"answered": "yes"}, 0),
    ],
)
def test_an_offered_value_still_filters_without_a_word(handler_client, page, params, rows):
    response = handler_client.get(reverse(page), params)
    assert said(response) == []
    assert len(response.context["page"].object_list) == rows
