"""The consultation services refuse, themselves: registering for an office the clerk may not register
for, a blank answer, answering a voided consultation, linking an application of another office."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.errors import StateConflict
from cases.models import Consultation
from cases.services.registration import (
    consultation_answer,
    consultation_link_application,
    consultation_register,
)
from cases.services.voiding import consultation_void

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consult):
    return consult(topic="申请期限")


def test_register_for_an_office_not_seen_is_refused(frozen_today, county, township_front):
    with pytest.raises(ValidationError) as caught:
        consultation_register(user=township_front, agency=county, channel="hotline", topic="指南")
    assert caught.value.message_dict == {"agency": ["您无权为该机关登记咨询。"]}
    assert not Consultation.objects.filter(agency=county).exists()


def test_blank_answer_is_refused(consultation, township_front):
    with pytest.raises(ValidationError) as caught:
        consultation_answer(user=township_front, consultation=consultation, answer="  ")
    assert caught.value.message_dict == {"answer": ["请填写答复内容。"]}
    consultation.refresh_from_db()
    assert not consultation.answered


def test_a_voided_consultation_is_not_answered(consultation, township_front, township_supervisor):
    consultation_void(user=township_supervisor, consultation=consultation, reason="误登")
    with pytest.raises(StateConflict, match="已作废"):
        consultation_answer(user=township_front, consultation=consultation, answer="已解答")
    consultation.refresh_from_db()
    assert consultation.answer == "" and consultation.answered_at is None


def test_voiding_needs_a_reason(consultation, township_supervisor):
    with pytest.raises(ValidationError) as caught:
        consultation_void(user=township_supervisor, consultation=consultation, reason=" ")
    assert caught.value.message_dict == {"reason": ["请写明作废原因。"]}
    consultation.refresh_from_db()
    assert consultation.voided_at is None


def test_an_application_of_another_office_is_not_linked(
    consultation, register, people, county, township_front
):
    other = register(
        received_on=date(2026, 11, 2), agency=county, user=people[("county", "front_desk")]
    )
    with pytest.raises(ValidationError) as caught:
        consultation_link_application(
            user=township_front, consultation=consultation, application=other
        )
    assert caught.value.message_dict == {"application": ["只能关联本机关的申请。"]}
    consultation.refresh_from_db()
    assert consultation.application_id is None
