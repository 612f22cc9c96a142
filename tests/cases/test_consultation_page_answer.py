"""Answering a consultation on its page: the answer is recorded and the page goes back to the
consultation; a time before the call is a form error, nothing saved; a second answer is refused."""

from datetime import datetime

import pytest
from django.urls import reverse

from tests.conftest import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consult):
    return consult(topic="申请期限", received_at=datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI))


@pytest.fixture
def front_client(client, township_front):
    client.force_login(township_front)
    return client


def test_the_answer_is_recorded(front_client, consultation, township_front):
    url = reverse("consultation-detail", args=[consultation.pk])
    response = front_client.post(url, {"answer": "二十个工作日"})
    assert response.status_code == 302 and response["Location"] == url
    consultation.refresh_from_db()
    assert consultation.answer == "二十个工作日"
    assert consultation.answered_at == datetime(2026, 11, 24, 10, 0, tzinfo=SHANGHAI)
    assert consultation.handled_by == township_front
    again = front_client.post(url, {"answer": "再答一次"}, follow=True)
    assert "该咨询已答复。" in again.content.decode()
    consultation.refresh_from_db()
    assert consultation.answer == "二十个工作日"


def test_an_answer_before_the_call_is_a_form_error(front_client, consultation):
    url = reverse("consultation-detail", args=[consultation.pk])
    response = front_client.post(url, {"answer": "x", "answered_at": "2026-11-24T08:00"})
    assert response.status_code == 200
    assert response.context["form"].errors.get("answered_at")
    consultation.refresh_from_db()
    assert not consultation.answered
