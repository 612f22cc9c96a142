"""A search holding a NUL character (pasted from another program, or typed into the address) is left
out of the list's filters and the page says so, as for a search too long; PostgreSQL cannot compare
text holding one, so the applications' and the consultations' lists answered 500 there."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler_client(client, people, frozen_today):
    client.force_login(people[("jiangyi", "handler")])
    return client


@pytest.mark.parametrize("page", ["application-list", "consultation-list"])
@pytest.mark.parametrize("term", ["\x00", "低保\x00", "a\x00b"])
def test_a_search_with_a_nul_character_is_left_out_and_said(
    handler_client, register, consult, page, term
):
    register(received_on=date(2026, 11, 2))
    consult()
    response = handler_client.get(reverse(page), {"q": term})
    assert response.status_code == 200
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["筛选条件“搜索”含有空字符（NUL），本次未按它筛选。"]
    assert len(response.context["page"].object_list) == 1  # the list, unfiltered


def test_the_workbench_names_it_too(handler_client):
    response = handler_client.get(reverse("workbench"), {"scope": "office", "q": "低保\x00"})
    assert response.status_code == 200
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(said) == 1 and said[0].startswith("筛选条件“搜索”无效")
