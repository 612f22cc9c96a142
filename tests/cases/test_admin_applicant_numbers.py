"""An applicant corrected in the admin (where a registration refused for a wrong type sends the
administrator) keeps the ID number and credit code as registration stores them: normalised (spaces
out, full-width and lower-case letters made the registration's) and checked. Stored as typed, "…002x"
was another number than the "…002X" the next registration looks up, so the same person was
registered again as a second applicant; a wrong check digit was saved as well."""

from datetime import date

import pytest

from cases import identity
from cases.models import Applicant
from cases.services.registration import ApplicantData

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"  # the register fixture's applicant
OTHER_ID = "11010519800101001" + identity.id_check_char("11010519800101001")
CREDIT = "91110000" + "100000000"
CREDIT_CODE = CREDIT + identity.credit_check_char(CREDIT)


@pytest.fixture
def root(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.cn", "pw")


def post_change(client, applicant: Applicant, **changes):
    data = {
        "agency": applicant.agency_id,  # ignored where the admin shows the office read-only
        "type": applicant.type,
        "name": applicant.name,
        "id_number": applicant.id_number,
        "credit_code": applicant.credit_code,
        "phone": applicant.phone,
        "email": applicant.email,
        "address": applicant.address,
        **changes,
    }
    return client.post(f"/admin/cases/applicant/{applicant.pk}/change/", data)


def test_an_id_number_typed_in_lower_case_is_the_one_registration_finds(client, root, register):
    # registered by name alone; the administrator adds the ID number from the card, X in lower case
    person = register(applicant=ApplicantData(type="natural_person", name="张三")).applicant
    client.force_login(root)
    response = post_change(client, person, id_number=ID_NUMBER.lower())
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Applicant.objects.get(pk=person.pk).id_number == ID_NUMBER

    again = register(received_on=date(2026, 11, 3)).applicant  # 张三 applies again, with the card
    assert again.pk == person.pk
    assert Applicant.objects.count() == 1


def test_a_full_width_credit_code_is_stored_as_registration_stores_it(client, root, register):
    person = register().applicant
    firm = register(
        applicant=ApplicantData(
            type="commercial_enterprise", name="甲公司", credit_code=CREDIT_CODE
        )
    ).applicant
    client.force_login(root)
    full_width = CREDIT_CODE.lower().translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    response = post_change(client, firm, credit_code=full_width[:18])
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Applicant.objects.get(pk=firm.pk).credit_code == CREDIT_CODE
    assert person.credit_code == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id_number", ID_NUMBER[:-1] + "5", identity.ID_CHECK_ERROR),
        ("id_number", "11010519491331002X", identity.ID_BIRTH_DATE_ERROR),
        (
            "credit_code",
            CREDIT_CODE[:-1] + ("0" if CREDIT_CODE[-1] != "0" else "1"),
            identity.CREDIT_CHECK_ERROR,
        ),
    ],
)
def test_a_wrong_number_is_refused_in_the_admin(client, root, register, field, value, message):
    person = register().applicant
    client.force_login(root)
    response = post_change(client, person, **{field: value})
    assert response.status_code == 200
    assert message in response.context["adminform"].form.errors[field]
    assert getattr(Applicant.objects.get(pk=person.pk), field) == getattr(person, field)


def test_another_applicants_number_typed_in_lower_case_is_refused(client, root, register):
    register()  # 张三, …002X
    other = register(
        applicant=ApplicantData(type="natural_person", name="李四", id_number=OTHER_ID)
    ).applicant
    client.force_login(root)
    response = post_change(client, other, id_number=ID_NUMBER.lower())
    assert response.status_code == 200  # a form error, neither a second 张三 nor a database error
    assert Applicant.objects.get(pk=other.pk).id_number == OTHER_ID
