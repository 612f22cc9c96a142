"""A consultation turned into an application (转为依申请公开申请登记): the registration page opens on the
consultation's office, so the application is registered there and linked to it, as the page promises;
registered for another office, it is not linked, and the clerk is told so."""

from datetime import date, datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from cases.errors import StateConflict
from cases.models import Application
from cases.services.registration import consultation_link_application

from .test_pages_front import VALID

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consult):
    return consult(
        channel="on_site",
        topic="想申请土地确权资料",
        received_at=datetime.fromisoformat("2026-11-24T09:00+08:00"),
    )


@pytest.fixture
def supervisor_client(client, county_supervisor, frozen_today):
    client.force_login(county_supervisor)  # sees the county and the township under it
    return client


def register_url(consultation) -> str:
    return f"{reverse('application-register')}?from_consultation={consultation.pk}"


def test_the_page_opens_on_the_consultations_office(supervisor_client, consultation, township):
    page = supervisor_client.get(register_url(consultation)).content.decode()
    assert f'<option value="{township.pk}" selected>{township.name}</option>' in page


def test_registered_as_offered_it_is_the_consultations_office_and_linked(
    supervisor_client, consultation, township
):
    page = supervisor_client.get(register_url(consultation))
    form = page.context["form"]
    posted = VALID | {
        "agency": form["agency"].value(),
        "received_on": "2026-11-24",
        "from_consultation": consultation.pk,
    }
    response = supervisor_client.post(reverse("application-register"), posted)
    application = Application.objects.get()
    assert response.status_code == 302
    assert application.agency == township
    consultation.refresh_from_db()
    assert consultation.application == application


def test_registered_for_another_office_the_clerk_is_told_it_is_not_linked(
    supervisor_client, consultation, county
):
    posted = VALID | {
        "agency": county.pk,
        "received_on": "2026-11-24",
        "from_consultation": consultation.pk,
    }
    response = supervisor_client.post(reverse("application-register"), posted)
    application = Application.objects.get()
    assert application.agency == county
    consultation.refresh_from_db()
    assert consultation.application is None
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("未与咨询" in m and consultation.agency.name in m for m in said), said
    assert application.received_on == date(2026, 11, 24)


def test_a_consultation_already_turned_into_an_application_keeps_its_link(
    supervisor_client, consultation, township, township_front
):
    """Its registration address typed again, the page says which application it became, and a second
    application registered from it is not linked (the link moved silently to the new one)."""
    posted = VALID | {
        "agency": township.pk,
        "received_on": "2026-11-24",
        "from_consultation": consultation.pk,
    }
    supervisor_client.post(reverse("application-register"), posted)
    first = Application.objects.get()
    page = supervisor_client.get(register_url(consultation)).content.decode()
    assert f"已转为申请{first.number}" in page
    response = supervisor_client.post(reverse("application-register"), posted)
    assert response.status_code == 302
    second = Application.objects.exclude(pk=first.pk).get()
    consultation.refresh_from_db()
    assert consultation.application == first
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(first.number in m and "未与" in m for m in said), said
    with pytest.raises(StateConflict, match=first.number):
        consultation_link_application(
            user=township_front, consultation=consultation, application=second
        )


@pytest.fixture
def caller(consult):
    return consult(
        channel="online",
        topic="土地确权资料",
        question="想申请公开本村2024年土地确权登记资料",
        name="张三",
        phone="13812345678",
        received_at=datetime.fromisoformat("2026-11-24T09:00+08:00"),
    )


def test_the_form_starts_with_what_the_consultation_recorded(supervisor_client, caller):
    """Turned into an application, the caller's name, phone and question had to be typed again."""
    form = supervisor_client.get(register_url(caller)).context["form"]
    assert form["applicant_name"].value() == "张三"
    assert form["applicant_phone"].value() == "13812345678"
    assert form["content"].value() == "想申请公开本村2024年土地确权登记资料"
    assert form["channel"].value() == "online"


def test_the_front_desk_is_not_given_the_phone_it_sees_masked(client, township_front, caller):
    client.force_login(township_front)
    response = client.get(register_url(caller))
    assert response.context["form"]["applicant_name"].value() == "张三"
    assert "13812345678" not in response.content.decode()
