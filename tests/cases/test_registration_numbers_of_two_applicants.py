"""An ID number registered for one applicant and a credit code registered for another, given together
in one registration: the clerk is told the two numbers are of two applicants (a field error, nothing
saved), not shown a database error — and neither applicant takes the other's number."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import Applicant, Application
from cases.services.registration import ApplicantData

from .test_pages_front import VALID

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91350100M000100Y43"
MESSAGE = "该统一社会信用代码已登记在另一申请人名下，与所填身份证号码不属于同一申请人，请核对。"


@pytest.fixture
def two_applicants(register):
    register(applicant=ApplicantData(type="natural_person", name="张三", id_number=ID_NUMBER))
    register(
        applicant=ApplicantData(
            type="commercial_enterprise", name="某公司", credit_code=CREDIT_CODE
        )
    )
    return {a.pk: (a.id_number, a.credit_code) for a in Applicant.objects.all()}


@pytest.mark.parametrize("applicant_type", ["natural_person", "commercial_enterprise"])
def test_numbers_of_two_applicants_are_refused_as_a_field_error(
    register, two_applicants, applicant_type
):
    both = ApplicantData(
        type=applicant_type, name="张三", id_number=ID_NUMBER, credit_code=CREDIT_CODE
    )
    with pytest.raises(ValidationError) as raised:
        register(applicant=both, received_on=date(2026, 11, 10))
    assert MESSAGE in raised.value.message_dict["applicant_credit_code"]
    assert Application.objects.count() == 2
    assert {a.pk: (a.id_number, a.credit_code) for a in Applicant.objects.all()} == two_applicants


def test_the_page_shows_it_next_to_the_credit_code(
    client, township, township_front, two_applicants
):
    client.force_login(township_front)
    response = client.post(
        reverse("application-register"),
        VALID
        | {"agency": township.pk, "applicant_name": "张三", "applicant_credit_code": CREDIT_CODE},
    )
    assert response.status_code == 200
    assert MESSAGE in response.context["form"].errors["applicant_credit_code"]
    assert Application.objects.count() == 2
