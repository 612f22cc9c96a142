"""系统管理 and applicants: each belongs to one office, shown in the list. Its office is not changed on
its page (its applications, all of that office, would point to another office's row), and an ID
number already used at that office is a message on the form, not a database error."""

import pytest

from cases.models import Applicant
from cases.services.registration import ApplicantData

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def root(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.cn", "pw")


def form(applicant: Applicant, **changes) -> dict:
    fields = ("type", "name", "id_number", "credit_code", "phone", "email", "address")
    return {f: getattr(applicant, f) for f in fields} | changes


def test_the_list_shows_each_applicants_office(client, root, register):
    register()
    client.force_login(root)
    response = client.get("/admin/cases/applicant/")
    assert response.status_code == 200
    assert "姜驿乡人民政府" in response.content.decode()


def test_an_applicants_office_is_not_changed_on_its_page(client, root, register, county):
    applicant = register().applicant
    client.force_login(root)
    url = f"/admin/cases/applicant/{applicant.pk}/change/"
    response = client.post(url, form(applicant, agency=county.pk, phone="13900000000"))
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert (applicant.agency.code, applicant.phone) == ("jiangyi", "13900000000")


def test_a_number_used_at_the_office_is_a_message(client, root, register):
    register()
    other = register(applicant=ApplicantData(type="natural_person", name="李四")).applicant
    client.force_login(root)
    response = client.post(
        f"/admin/cases/applicant/{other.pk}/change/", form(other, id_number=ID_NUMBER)
    )
    assert response.status_code == 200
    assert "本机关已有使用该身份证号码的申请人。" in response.content.decode()
    other.refresh_from_db()
    assert other.id_number == ""
