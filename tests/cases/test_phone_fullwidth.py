"""A phone number typed with full-width digits (１３８…, as a Chinese input method gives them) is stored
with ordinary digits, for applicants and consultations: the same number typed either way is one
number, so registering the applicant again records no change of phone."""

from datetime import date

import pytest

from cases.services.registration import ApplicantData

pytestmark = pytest.mark.django_db

FULL = "１３８００００１２３４"
PLAIN = "13800001234"


def person(phone: str) -> ApplicantData:
    return ApplicantData(
        type="natural_person", name="张三", id_number="11010519491231002X", phone=phone
    )


def test_an_applicants_full_width_phone_is_stored_with_plain_digits(register):
    applicant = register(applicant=person(FULL)).applicant
    assert applicant.phone == PLAIN
    register(received_on=date(2026, 11, 3), applicant=person(PLAIN))
    assert applicant.history.count() == 1  # created; the second registration changed nothing


def test_a_consultations_full_width_phone_is_stored_with_plain_digits(consult):
    assert consult(phone="（０８７８）１２３４５６７").phone == "(0878)1234567"
