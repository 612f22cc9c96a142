"""Voiding through the pages: the link is offered only to those who may void (负责人、管理员), and a
voided record's page confirms the voiding instead of leading to a page that is not found."""

import pytest
from django.urls import reverse

from cases.services.registration import consultation_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(frozen_today, township, township_front):
    return consultation_register(
        user=township_front, agency=township, channel="hotline", topic="申请期限"
    )


@pytest.mark.parametrize(
    ("role", "offered"),
    [("front_desk", False), ("handler", False), ("supervisor", True), ("admin", True)],
)
def test_consultation_void_link_only_for_who_may_void(client, people, consultation, role, offered):
    client.force_login(people[("jiangyi", role)])
    void_url = reverse("void", args=["consultation", consultation.pk])
    page = client.get(reverse("consultation-detail", args=[consultation.pk])).content.decode()
    assert (void_url in page) is offered
    assert client.get(void_url).status_code == (200 if offered else 403)


@pytest.mark.parametrize("kind", ["application", "consultation"])
def test_voiding_ends_on_a_page_that_confirms_it(
    client, township_supervisor, register, consultation, kind
):
    obj = register() if kind == "application" else consultation
    client.force_login(township_supervisor)
    response = client.post(
        reverse("void", args=[kind, obj.pk]), {"reason": "重复登记"}, follow=True
    )
    obj.refresh_from_db()
    assert obj.void_reason == "重复登记"
    assert response.status_code == 200  # not the voided record's page, which is gone (404)
    assert "已作废，记录保留在历史中。" in response.content.decode()
