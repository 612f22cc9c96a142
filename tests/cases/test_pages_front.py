"""The front-desk pages: register through the forms, see the errors next to the fields, find it again."""

from datetime import date

import pytest
from django.urls import reverse

from cases.models import Application, Consultation

pytestmark = pytest.mark.django_db

VALID = {
    "channel": "letter",
    "received_on": "2026-11-20",
    "applicant_type": "natural_person",
    "applicant_name": "王五",
    "applicant_id_number": "11010519491231002X",
    "content": "2025年度低保名单",
    "items": "1",
}


@pytest.fixture
def front_client(client, township_front, frozen_today):
    client.force_login(township_front)
    return client


def test_login_page_is_chinese(client, db):
    response = client.get(reverse("login"))
    assert "登录公开台账" in response.content.decode()


def test_pages_need_login(client, db):
    response = client.get(reverse("application-list"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_register_application_through_the_page(front_client, township):
    response = front_client.post(reverse("application-register"), VALID | {"agency": township.pk})
    app = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("application-detail", args=[app.pk])
    assert app.received_on == date(2026, 11, 20)
    detail = front_client.get(response["Location"]).content.decode()
    assert app.number in detail
    assert "期限计算过程" in detail
    listing = front_client.get(reverse("application-list"), {"q": "王五"}).content.decode()
    assert app.number in listing


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"applicant_id_number": "110105194912310021"},
            "applicant_id_number",
            "身份证号码校验位不正确",
        ),
        ({"received_on": "2026-11-25"}, "received_on", "不能晚于今天"),
        ({"submitted_on": "2026-11-25"}, "submitted_on", "申请人填写/寄出日期不能晚于今天"),
        ({"submitted_on": "0001-01-01"}, "submitted_on", "1900年至2100年"),  # the API's bounds
        ({"content": ""}, "content", "该字段是必填项"),
        ({"applicant_name": ""}, "applicant_name", "该字段是必填项"),
        ({"received_on": "not a date"}, "received_on", "输入一个有效的日期"),
    ],
)
def test_bad_input_shows_message_next_to_field_and_saves_nothing(
    front_client, township, change, field, message
):
    response = front_client.post(
        reverse("application-register"), VALID | {"agency": township.pk} | change
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in e for e in form.errors[field])
    assert f'id="field-{field}"' in response.content.decode()
    assert Application.objects.count() == 0


def test_the_next_application_is_one_click_away(client, county_supervisor, township):
    """After registering, the clerk went to the case page and back through the menu, then picked the
    office and the channel again; the message now offers the next registration with both."""
    client.force_login(county_supervisor)
    response = client.post(reverse("application-register"), VALID | {"agency": township.pk})
    detail = client.get(response["Location"]).content.decode()
    link = f"{reverse('application-register')}?agency={township.pk}&amp;channel=letter"
    assert f'<a href="{link}">继续登记下一件</a>' in detail
    form = client.get(reverse("application-register"), {"agency": township.pk, "channel": "letter"})
    assert form.context["form"]["agency"].value() == township.pk
    assert form.context["form"]["channel"].value() == "letter"
    assert form.context["form"]["applicant_name"].value() is None
    for wrong in ({"agency": "9" * 30}, {"channel": "pigeon"}):
        page = client.get(reverse("application-register"), wrong)
        assert page.status_code == 200 and not page.context["form"].is_bound


def test_date_label_follows_channel(front_client, township):
    page = front_client.get(reverse("application-register")).content.decode()
    assert "提交日期" in page  # in person by default
    response = front_client.post(
        reverse("application-register"), VALID | {"agency": township.pk, "received_on": ""}
    )
    assert response.context["form"].fields["received_on"].label == "签收日期"  # letter
    response = front_client.post(
        reverse("application-register"),
        VALID | {"agency": township.pk, "received_on": "", "channel": "email"},
    )
    assert response.context["form"].fields["received_on"].label == "确认日期"


def test_hotline_consultation_form_is_ready_again_after_saving(front_client, township):
    response = front_client.post(
        reverse("consultation-register"),
        {"agency": township.pk, "channel": "hotline", "topic": "办理期限"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?channel=hotline&agency={township.pk}")
    page = front_client.get(response["Location"])
    assert page.context["form"].initial["channel"] == "hotline"
    assert page.context["form"]["agency"].value() == township.pk
    assert "办理期限" in page.content.decode()  # in today's list below the form
    assert Consultation.objects.get().channel == "hotline"
    listing = front_client.get(
        reverse("consultation-list"), {"channel": "hotline"}
    ).content.decode()
    assert "办理期限" in listing


def test_the_next_call_keeps_the_office_of_the_last(client, county_supervisor, township, county):
    """A supervisor covering several offices had to pick the office again for every call (the form
    came back on the first office of the list)."""
    client.force_login(county_supervisor)
    response = client.post(
        reverse("consultation-register"),
        {"agency": township.pk, "channel": "online", "topic": "办理期限"},
    )
    page = client.get(response["Location"])
    assert page.context["form"]["agency"].value() == township.pk
    assert page.context["form"]["channel"].value() == "online"
    for wrong in ("999999", "9" * 30, "-1", "甲"):
        other = client.get(reverse("consultation-register"), {"agency": wrong})
        assert other.status_code == 200 and other.context["form"]["agency"].value() is None


def test_home_lists_todays_registrations(front_client, township):
    front_client.post(reverse("application-register"), VALID | {"agency": township.pk})
    page = front_client.get(reverse("home")).content.decode()
    assert "今日登记的申请（1）" in page


def test_other_office_case_is_404_on_pages(client, register, people):
    app = register()
    client.force_login(people[("county", "handler")])
    assert client.get(reverse("application-detail", args=[app.pk])).status_code == 404
    client.force_login(people[("county", "supervisor")])
    assert client.get(reverse("application-detail", args=[app.pk])).status_code == 200


def test_list_query_count_does_not_grow(front_client, register, django_assert_max_num_queries):
    register()
    with django_assert_max_num_queries(12) as one:
        front_client.get(reverse("application-list"))
    for _ in range(20):
        register()
    with django_assert_max_num_queries(len(one.captured_queries)):
        front_client.get(reverse("application-list"))


def test_static_files_are_served_by_the_app(client, db):
    response = client.get("/static/css/gongkai.css")
    assert response.status_code == 200
    assert b"Noto Sans CJK SC" in b"".join(response.streaming_content)


def test_case_page_masks_the_credit_code_for_the_front_desk_as_the_api_does(
    register, client, township_front, township_handler
):
    """The case page shows the front desk what the API shows it (api/serializers: ID number, credit
    code and phone masked, address left out); those who handle the case see it whole."""
    from cases.services.registration import ApplicantData

    company = ApplicantData(
        type="commercial_enterprise",
        name="元谋县金沙建材有限公司",
        credit_code="91350100M000100Y43",
    )
    app = register(applicant=company)
    client.force_login(township_front)
    page = client.get(reverse("application-detail", args=[app.pk])).content.decode()
    assert "913501********0Y43" in page
    assert "91350100M000100Y43" not in page
    api = client.get(f"/api/v1/applications/{app.pk}/").json()["applicant"]
    assert api["credit_code"] == "913501********0Y43"
    client.force_login(township_handler)
    page = client.get(reverse("application-detail", args=[app.pk])).content.decode()
    assert "91350100M000100Y43" in page
