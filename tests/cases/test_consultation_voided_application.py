"""A consultation whose application was voided afterwards (registered by mistake): its page names the
application as voided without linking to it (a voided record has no page: a 404), and offers to turn
the consultation into an application again; the new one is then linked instead."""

from datetime import datetime

import pytest
from django.urls import reverse

from cases.models import Application
from cases.services import voiding

from .test_pages_front import VALID

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consult):
    return consult(
        topic="询问低保名单如何申请公开",
        received_at=datetime.fromisoformat("2026-11-24T09:00+08:00"),
    )


@pytest.fixture
def supervisor_client(client, township_supervisor, frozen_today):
    client.force_login(township_supervisor)
    return client


def test_a_voided_application_is_not_linked_and_the_consultation_can_be_turned_again(
    supervisor_client, consultation, township, township_supervisor
):
    convert = f"{reverse('application-register')}?from_consultation={consultation.pk}"
    posted = VALID | {
        "agency": township.pk,
        "received_on": "2026-11-24",
        "from_consultation": consultation.pk,
    }
    supervisor_client.post(reverse("application-register"), posted)
    first = Application.objects.get()
    voiding.application_void(user=township_supervisor, application=first, reason="登记错误")

    page = supervisor_client.get(reverse("consultation-detail", args=[consultation.pk]))
    html = page.content.decode()
    assert f"{first.number}（已作废）" in html
    assert reverse("application-detail", args=[first.pk]) not in html
    assert convert in html

    supervisor_client.post(reverse("application-register"), posted)
    second = Application.objects.exclude(pk=first.pk).get()
    consultation.refresh_from_db()
    assert consultation.application == second
    html = supervisor_client.get(reverse("consultation-detail", args=[consultation.pk]))
    assert reverse("application-detail", args=[second.pk]) in html.content.decode()
