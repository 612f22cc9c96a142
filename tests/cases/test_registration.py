"""Registering applications: receipt dates, numbers, applicants recognised again, validation."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.models import Applicant, Application, ApplicationEvent
from cases.services.registration import ApplicantData, application_register, next_number

pytestmark = pytest.mark.django_db


def test_register_sets_number_deadline_and_event(register):
    app = register(received_on=date(2026, 11, 2))
    assert app.number == "姜驿乡人民政府〔2026〕第0001号"
    assert app.status == Application.Status.OPEN
    assert app.regime == "2019"
    # 20 working days after Mon 2026-11-02 (no holidays in November 2026): Mon 2026-11-30
    assert app.deadline == date(2026, 11, 30)
    assert app.supplement_notice_due == date(2026, 11, 11)
    assert list(app.events.values_list("kind", flat=True)) == [ApplicationEvent.Kind.REGISTERED]


def test_numbers_are_sequential_per_office_and_year(register, county, people):
    a = register(received_on=date(2026, 1, 5))
    b = register(received_on=date(2026, 3, 2))
    c = register(received_on=date(2025, 12, 1))
    d = register(received_on=date(2026, 3, 2), agency=county, user=people[("county", "front_desk")])
    assert (a.seq, b.seq, c.seq, d.seq) == (1, 2, 1, 1)
    assert c.number.endswith("〔2025〕第0001号")
    assert d.number.startswith("元谋县人民政府〔2026〕")


def test_next_number_continues_from_counter(township, db):
    assert next_number(township, 2026)[0] == 1
    assert next_number(township, 2026)[0] == 2
    assert next_number(township, 2027)[0] == 1


def test_same_applicant_recognised_by_id_number(register):
    first = register()
    again = register(
        applicant=ApplicantData(
            type="natural_person", name="张三", id_number="11010519491231002x", phone="13900000000"
        )
    )
    assert first.applicant_id == again.applicant_id
    applicant = Applicant.objects.get()
    assert applicant.phone == "13900000000"
    assert applicant.history.count() == 2  # created, then contact updated


def test_same_organisation_recognised_by_credit_code(register):
    org = ApplicantData(
        type="commercial_enterprise", name="某公司", credit_code="91350100M000100Y43"
    )
    assert register(applicant=org).applicant_id == register(applicant=org).applicant_id


@pytest.mark.parametrize(
    ("earlier", "now", "message"),
    [
        (
            ApplicantData(type="natural_person", name="李律师", id_number="11010519491231002X"),
            ApplicantData(
                type="legal_service_org", name="滇中律师事务所", id_number="11010519491231002X"
            ),
            "该身份证号码已登记为自然人，与所选的申请人类型（法律服务机构）不符。",
        ),
        (
            ApplicantData(
                type="commercial_enterprise", name="某公司", credit_code="91350100M000100Y43"
            ),
            ApplicantData(type="other_org", name="某公司", credit_code="91350100M000100Y43"),
            "该统一社会信用代码已登记为商业企业，与所选的申请人类型（其他组织）不符。",
        ),
    ],
)
def test_another_type_for_a_registered_applicant_is_refused(register, earlier, now, message):
    """The type is the report's column for all of the applicant's applications: registering them
    again as another type would move their earlier applications to another column, so it is refused
    and nothing is saved; the earlier application and its applicant stay as they were."""
    first = register(applicant=earlier)
    with pytest.raises(ValidationError) as raised:
        register(applicant=now, received_on=date(2026, 11, 10))
    (text,) = raised.value.message_dict["applicant_type"]
    assert text.startswith(message)
    assert earlier.name not in text  # the registered person is not named to a clerk of any office
    assert list(Application.objects.values_list("pk", flat=True)) == [first.pk]
    applicant = Applicant.objects.get()
    assert (applicant.type, applicant.name) == (earlier.type, earlier.name)
    assert applicant.history.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"received_on": date(2026, 11, 25)}, "received_on", "收到申请的日期不能晚于今天。"),
        (
            {"received_on": date(2008, 4, 30)},
            "received_on",
            "收到申请的日期不能早于2008年5月1日（《条例》施行之日）。",
        ),
        ({"content": "  "}, "content", "请填写申请公开的政府信息内容。"),
        ({"channel": "pigeon"}, "channel", "请选择有效的申请方式。"),
        ({"items": 0}, "items", "申请事项数至少为1。"),
        (
            {"submitted_on": date(2026, 11, 3), "received_on": date(2026, 11, 2)},
            "submitted_on",
            "申请人填写/寄出日期不能晚于收到申请之日。",
        ),
        (
            {
                "applicant": ApplicantData(
                    type="natural_person", name="李四", id_number="110105194912310021"
                )
            },
            "applicant_id_number",
            "身份证号码校验位不正确，请核对",
        ),
        (
            {
                "applicant": ApplicantData(
                    type="commercial_enterprise", name="某公司", credit_code="91350100M000100Y44"
                )
            },
            "applicant_credit_code",
            "统一社会信用代码校验位不正确，请核对",
        ),
        (
            {"applicant": ApplicantData(type="natural_person", name="")},
            "applicant_name",
            "请填写申请人姓名或名称。",
        ),
        (
            {"applicant": ApplicantData(type="alien", name="X")},
            "applicant_type",
            "请选择有效的申请人类型。",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(register, kwargs, field, message):
    with pytest.raises(ValidationError) as exc:
        register(**kwargs)
    assert message in exc.value.message_dict[field]
    assert Application.objects.count() == 0
    assert Applicant.objects.count() == 0


def test_staff_may_register_only_for_offices_they_see(register, county, people):
    with pytest.raises(ValidationError) as exc:
        register(agency=county, user=people[("jiangyi", "front_desk")])
    assert exc.value.message_dict["agency"] == ["您无权为该机关登记申请。"]
    # a county supervisor sees the township and may register there
    assert register(user=people[("county", "supervisor")]).agency.code == "jiangyi"


def test_regime_boundary(register):
    assert register(received_on=date(2019, 5, 14)).regime == "2008"
    assert register(received_on=date(2019, 5, 15)).regime == "2019"


def test_user_without_role_cannot_register(
    frozen_today, township, applicant_data, django_user_model
):
    from django.core.exceptions import PermissionDenied

    nobody = django_user_model.objects.create_user(username="nobody", password="pw")
    with pytest.raises(PermissionDenied):
        application_register(
            user=nobody,
            agency=township,
            channel="email",
            received_on=date(2026, 11, 2),
            applicant=applicant_data,
            content="x",
        )
