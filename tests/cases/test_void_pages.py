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
