"""Each office keeps its own applicants. The same ID number or credit code registered at the county
and then at the township under it is two applicants: the township's registration neither shows nor
changes what the county holds (name, phone, e-mail, address), its refusals never tell the township
that the number is on file at the county, and the county's case keeps the details given to the county.
Within one office an applicant is recognised again, and refused under another type, as before."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases import selectors
from cases.models import Applicant, Application
from cases.services.registration import ApplicantData

pytestmark = pytest.mark.django_db

ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91350100M000100Y43"
AT_COUNTY = ApplicantData(
    type="natural_person",
    name="张三",
    id_number=ID_NUMBER,
    phone="13800001234",
    email="zhangsan@example.cn",
    address="元谋县元马镇龙川街1号",
)
AT_TOWNSHIP = ApplicantData(
    type="natural_person",
    name="张叁",
    id_number=ID_NUMBER.lower(),
    phone="13900005678",
    email="z3@example.cn",
    address="姜驿乡姜驿村",
)
DETAILS = ("type", "name", "id_number", "phone", "email", "address")


@pytest.fixture
def at_county(register, county, people):
    """register(**kwargs) at the county by its front desk."""

    def _register(**kwargs):
        return register(agency=county, user=people[("county", "front_desk")], **kwargs)

    return _register


def details(applicant: Applicant) -> tuple:
    applicant.refresh_from_db()
    return tuple(getattr(applicant, f) for f in DETAILS)


def test_the_township_registers_its_own_applicant_and_the_countys_stays_as_given(
    register, at_county, township
):
    county_case = at_county(applicant=AT_COUNTY)
    given_to_county = details(county_case.applicant)
    township_case = register(applicant=AT_TOWNSHIP, received_on=date(2026, 11, 10))
    assert township_case.applicant_id != county_case.applicant_id
    assert details(county_case.applicant) == given_to_county
    assert county_case.applicant.history.count() == 1  # never changed
    assert details(township_case.applicant) == (
        "natural_person",
        "张叁",
        ID_NUMBER,
        "13900005678",
        "z3@example.cn",
        "姜驿乡姜驿村",
    )
    assert Applicant.objects.get(pk=township_case.applicant_id).agency == township
    assert Applicant.objects.get(pk=county_case.applicant_id).agency == county_case.agency


def test_a_second_registration_at_the_township_recognises_the_townships_own(register, at_county):
    county_case = at_county(applicant=AT_COUNTY)
    first = register(applicant=AT_TOWNSHIP, received_on=date(2026, 11, 10))
    again = register(
        applicant=ApplicantData(type="natural_person", name="张叁", id_number=ID_NUMBER),
        received_on=date(2026, 11, 12),
    )
    assert again.applicant_id == first.applicant_id != county_case.applicant_id
    assert Applicant.objects.count() == 2


def test_the_type_refusal_does_not_reach_across_offices(register, at_county):
    """The county registered the number as a natural person; the township registering it as a law
    firm is neither refused nor told what the county holds, and the county's record keeps its type."""
    county_case = at_county(applicant=AT_COUNTY)
    given_to_county = details(county_case.applicant)
    firm = ApplicantData(type="legal_service_org", name="滇中律师事务所", id_number=ID_NUMBER)
    township_case = register(applicant=firm, received_on=date(2026, 11, 10))
    assert township_case.applicant.type == "legal_service_org"
    assert details(county_case.applicant) == given_to_county
    assert given_to_county[0] == "natural_person"


def test_the_type_refusal_still_holds_within_one_office(register, at_county):
    at_county(applicant=AT_COUNTY)
    register(applicant=AT_TOWNSHIP)
    firm = ApplicantData(type="legal_service_org", name="滇中律师事务所", id_number=ID_NUMBER)
    with pytest.raises(ValidationError) as raised:
        register(applicant=firm, received_on=date(2026, 11, 10))
    (text,) = raised.value.message_dict["applicant_type"]
    assert text.startswith("该身份证号码已登记为自然人")
    assert Application.objects.count() == 2


def test_numbers_of_two_applicants_at_another_office_are_not_refused(register, at_county):
    """At the county the ID number is one applicant's and the credit code another's; the township
    has neither, so one registration giving both is one new applicant of the township."""
    at_county(applicant=AT_COUNTY)
    at_county(
        applicant=ApplicantData(
            type="commercial_enterprise", name="某公司", credit_code=CREDIT_CODE
        )
    )
    both = ApplicantData(
        type="commercial_enterprise", name="某公司", id_number=ID_NUMBER, credit_code=CREDIT_CODE
    )
    case = register(applicant=both, received_on=date(2026, 11, 10))
    assert (case.applicant.id_number, case.applicant.credit_code) == (ID_NUMBER, CREDIT_CODE)
    assert Applicant.objects.count() == 3


def test_a_refused_office_is_not_told_about_its_applicants(register, county, people):
    """A township clerk naming the county (refused) is not answered about the county's applicants."""
    register(agency=county, user=people[("county", "front_desk")], applicant=AT_COUNTY)
    firm = ApplicantData(type="legal_service_org", name="滇中律师事务所", id_number=ID_NUMBER)
    with pytest.raises(ValidationError) as raised:
        register(agency=county, user=people[("jiangyi", "front_desk")], applicant=firm)
    assert set(raised.value.message_dict) == {"agency"}


def test_the_fee_counts_only_the_applications_to_the_same_office(register, at_county):
    from cases.services.fees import prior_items_this_month

    at_county(applicant=AT_COUNTY, received_on=date(2026, 11, 2), items=12)
    register(applicant=AT_TOWNSHIP, received_on=date(2026, 11, 3), items=2)
    later = register(applicant=AT_TOWNSHIP, received_on=date(2026, 11, 4))
    assert prior_items_this_month(later) == 2


@pytest.mark.parametrize("term", ["张三", "张叁", ID_NUMBER])
def test_a_search_by_the_applicant_finds_the_cases_of_each_office(
    register, at_county, county_supervisor, term
):
    county_case = at_county(applicant=AT_COUNTY)
    township_case = register(applicant=AT_TOWNSHIP, received_on=date(2026, 11, 10))
    register(
        applicant=ApplicantData(type="natural_person", name="李四"), received_on=date(2026, 11, 11)
    )
    found = selectors.application_list(
        county_supervisor,
        selectors.ApplicationFilters(agency=county_case.agency, include_children=True, search=term),
    )
    expected = {
        "张三": {county_case.pk},
        "张叁": {township_case.pk},
        ID_NUMBER: {county_case.pk, township_case.pk},
    }[term]
    assert {a.pk for a in found} == expected
