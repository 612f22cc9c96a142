"""The message after registering names the reply deadline; one counted into a year whose holidays are
not yet published is marked 待确认 there too (law.md §2: provisional wherever it is shown), as on the
case page, the lists and the digest."""

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from cases.models import Application
from tests.conftest import SHANGHAI

from .test_pages_front import VALID

pytestmark = pytest.mark.django_db


def registered_message(client, township, received_on: str) -> tuple[Application, str]:
    response = client.post(
        reverse("application-register"),
        VALID | {"agency": township.pk, "received_on": received_on},
    )
    application = Application.objects.latest("id")
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    return application, message


def test_a_provisional_deadline_is_marked_in_the_message(client, township_front, township):
    with time_machine.travel(datetime(2026, 12, 10, 10, 0, tzinfo=SHANGHAI), tick=False):
        client.force_login(township_front)
        application, message = registered_message(client, township, "2026-12-10")
    assert application.deadline.year == 2027 and application.deadline_provisional
    assert f"答复期限 {application.deadline}（待确认）" in message


def test_a_deadline_on_the_published_calendar_is_not_marked(
    client, township_front, township, frozen_today
):
    client.force_login(township_front)
    application, message = registered_message(client, township, "2026-11-20")
    assert application.deadline < date(2027, 1, 1) and not application.deadline_provisional
    assert f"答复期限 {application.deadline}。" in message and "待确认" not in message
