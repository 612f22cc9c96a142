"""An applicant already on file registered by two clerks at once, each bringing a new contact detail:
both details are kept. The registration reads the applicant before it waits for the office's number;
what it then writes is the applicant as it is by then, not that earlier copy (which put back the
phone number the other clerk had just saved)."""

import threading
from datetime import date

import pytest

from cases.models import Applicant
from cases.services import registration
from cases.services.registration import ApplicantData, applicant_save, application_register

ID_NUMBER = "11010519491231002X"
PERSON = ApplicantData(type="natural_person", name="张三", id_number=ID_NUMBER, phone="13800001234")
NEW_PHONE = ApplicantData(
    type="natural_person", name="张三", id_number=ID_NUMBER, phone="13900005678"
)
NEW_EMAIL = ApplicantData(
    type="natural_person", name="张三", id_number=ID_NUMBER, email="zhangsan@example.com"
)


@pytest.mark.django_db
def test_saving_over_a_copy_read_earlier_keeps_what_was_saved_meanwhile(register):
    township = register(applicant=PERSON).agency
    read_earlier = registration.registered_applicant(NEW_EMAIL, agency=township)
    register(applicant=NEW_PHONE, received_on=date(2026, 11, 3))  # the other clerk, meanwhile
    applicant_save(NEW_EMAIL, read_earlier, agency=township)
    applicant = Applicant.objects.get()
    assert (applicant.phone, applicant.email) == ("13900005678", "zhangsan@example.com")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_clerks_at_once_keep_both_new_details(people, frozen_today, monkeypatch):
    front, handler = people[("jiangyi", "front_desk")], people[("jiangyi", "handler")]

    def register_as(user, applicant):
        return application_register(
            user=user,
            agency=user.agency,
            channel="in_person",
            received_on=date(2026, 11, 2),
            applicant=applicant,
            content="财政预决算",
        )

    register_as(front, PERSON)
    second_has_read, first_done = threading.Event(), threading.Event()
    waiting = threading.local()
    original = registration.next_number

    def next_number(agency, year):
        if getattr(waiting, "second", False):  # the applicant is read; let the first clerk go
            second_has_read.set()
            first_done.wait(10)
        return original(agency, year)

    monkeypatch.setattr(registration, "next_number", next_number)
    errors: list[Exception] = []

    def first():
        try:
            second_has_read.wait(10)
            register_as(front, NEW_PHONE)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            first_done.set()

    def second():
        waiting.second = True
        try:
            register_as(handler, NEW_EMAIL)
        except Exception as exc:  # reported below
            errors.append(exc)

    from django.db import connections

    threads = [threading.Thread(target=job) for job in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    connections.close_all()
    assert errors == []
    applicant = Applicant.objects.get()
    assert (applicant.phone, applicant.email) == ("13900005678", "zhangsan@example.com")
    assert applicant.applications.count() == 3
