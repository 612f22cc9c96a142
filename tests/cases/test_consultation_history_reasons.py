"""A consultation's history says what was done to it, in words, on its page: the answer with its time,
the application it was turned into (the rows said only 修改, with nothing in 说明)."""

from datetime import datetime

import pytest
from django.urls import reverse

from cases.services.registration import (
    consultation_answer,
    consultation_link_application,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consult):
    return consult(received_at=datetime.fromisoformat("2026-11-24T09:00+08:00"))


def _reasons(consultation) -> list[str]:
    return [h.history_change_reason for h in consultation.history.order_by("history_id")][1:]


def test_an_answer_says_so_on_the_page(client, consultation, township_front):
    consultation_answer(
        user=township_front,
        consultation=consultation,
        answer="可当面或网上提交申请",
        answered_at=datetime.fromisoformat("2026-11-24T09:30+08:00"),
    )
    assert _reasons(consultation) == ["答复咨询（2026-11-24 09:30）"]
    client.force_login(township_front)
    page = client.get(reverse("consultation-detail", args=[consultation.pk])).content.decode()
    assert "答复咨询（2026-11-24 09:30）" in page[page.index("修改历史") :]


def test_turned_into_an_application_says_which(consultation, register, township_front):
    app = register()
    consultation_link_application(user=township_front, consultation=consultation, application=app)
    assert _reasons(consultation) == [f"转为申请{app.number}"]
