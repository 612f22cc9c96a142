"""Consultations: fast registration, answers, validation, history."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from cases.errors import StateConflict
from cases.models import Consultation
from cases.services.registration import consultation_answer, consultation_register
from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


def test_hotline_consultation_needs_only_channel_and_topic(frozen_today, township, township_front):
    c = consultation_register(
        user=township_front, agency=township, channel="hotline", topic="申请期限"
    )
    assert c.received_at == datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
    assert not c.answered


def test_answer_given_in_the_call_is_answered_at_receipt(frozen_today, township, township_front):
    c = consultation_register(
        user=township_front, agency=township, channel="on_site", topic="指南", answer="已解答"
    )
    assert c.answered_at == c.received_at
    assert c.handled_by == township_front


def test_answer_later(frozen_today, township, township_front):
    c = consultation_register(
        user=township_front,
        agency=township,
        channel="online",
        topic="收费",
        received_at=datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI),
    )
    consultation_answer(user=township_front, consultation=c, answer="不收费")
    c.refresh_from_db()
    assert c.answered_at == datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
    assert c.history.count() == 2
    with pytest.raises(StateConflict):
        consultation_answer(user=township_front, consultation=c, answer="again")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"topic": ""}, "topic"),
        ({"channel": "telegram"}, "channel"),
        ({"received_at": datetime(2026, 11, 25, 9, 0, tzinfo=SHANGHAI)}, "received_at"),
        (
            {
                "received_at": datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI),
                "answer": "x",
                "answered_at": datetime(2026, 11, 24, 8, 0, tzinfo=SHANGHAI),
            },
            "answered_at",
        ),
        ({"answered_at": datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI)}, "answer"),
    ],
)
def test_bad_consultations_are_refused(frozen_today, township, township_front, kwargs, field):
    data = {"channel": "hotline", "topic": "期限"} | kwargs
    with pytest.raises(ValidationError) as exc:
        consultation_register(user=township_front, agency=township, **data)
    assert field in exc.value.message_dict
    assert Consultation.objects.count() == 0


def test_answer_before_receipt_refused(frozen_today, township, township_front):
    c = consultation_register(user=township_front, agency=township, channel="hotline", topic="x")
    with pytest.raises(ValidationError):
        consultation_answer(
            user=township_front,
            consultation=c,
            answer="y",
            answered_at=c.received_at - timedelta(hours=1),
        )


@pytest.mark.parametrize("url", ["home", "consultation-register"])
def test_todays_registrations_show_the_day_a_consultation_was_received(
    client, frozen_today, township, township_front, url
):
    """Registered today from yesterday's notes: the list of today's registrations says 11月23日, not
    only the hour, which read as today."""
    from django.urls import reverse

    consultation_register(
        user=township_front,
        agency=township,
        channel="hotline",
        topic="低保申请条件",
        received_at=datetime(2026, 11, 23, 16, 30, tzinfo=SHANGHAI),
    )
    client.force_login(township_front)
    page = client.get(reverse(url)).content.decode()
    assert "11月23日 16:30" in page
