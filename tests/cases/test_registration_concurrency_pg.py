"""Two front-desk clerks registering at once, on PostgreSQL (real connections, real locks)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.models import Applicant, Application, ApplicationEvent
from cases.services.registration import ApplicantData, application_register
from tests.concurrency import run_in_threads

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _registering(user, applicant: ApplicantData, content: str):
    def job():
        return application_register(
            user=user,
            agency=user.agency,
            channel="in_person",
            received_on=date(2026, 11, 2),
            applicant=applicant,
            content=content,
        )

    return job


@pytest.mark.parametrize("attempt", range(3))
def test_two_clerks_at_once_get_consecutive_numbers(people, frozen_today, attempt):
    front = people[("jiangyi", "front_desk")]
    handler = people[("jiangyi", "handler")]  # handlers may register too
    jobs = [
        _registering(user, ApplicantData(type="natural_person", name=name), f"申请{i}")
        for i, (user, name) in enumerate([(front, "甲"), (handler, "乙"), (front, "丙")])
    ]
    results = run_in_threads(*jobs)
    assert [kind for kind, _ in results] == ["ok"] * 3, results
    seqs = sorted(Application.objects.values_list("seq", flat=True))
    assert seqs == [1, 2, 3]
    assert Application.objects.values("number").distinct().count() == 3


@pytest.mark.parametrize("attempt", range(3))
def test_the_same_new_applicant_registered_twice_at_once(people, frozen_today, attempt):
    """Two clerks register two applications of one person not yet on file (the same ID number) at the
    same moment: both are registered, to one applicant — not a database error for the second."""
    same = ApplicantData(type="natural_person", name="张三", id_number="11010519491231002X")
    front, handler = people[("jiangyi", "front_desk")], people[("jiangyi", "handler")]
    results = run_in_threads(
        _registering(front, same, "财政预决算"), _registering(handler, same, "征地补偿")
    )
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    assert Applicant.objects.count() == 1
    assert Application.objects.filter(applicant=Applicant.objects.get()).count() == 2
    assert sorted(Application.objects.values_list("seq", flat=True)) == [1, 2]
    assert ApplicationEvent.objects.filter(kind="registered").count() == 2


def test_the_same_new_number_under_two_types_at_once_is_refused_as_a_field_error(
    people, frozen_today
):
    """As when the first registration was earlier: the second is told the ID number is registered
    under another type (a field error), not a database error."""
    number = "11010519491231002X"
    person = ApplicantData(type="natural_person", name="张三", id_number=number)
    firm = ApplicantData(type="other_org", name="张三工作室", id_number=number)
    front, handler = people[("jiangyi", "front_desk")], people[("jiangyi", "handler")]
    results = run_in_threads(_registering(front, person, "甲"), _registering(handler, firm, "乙"))
    assert sorted(kind for kind, _ in results) == ["error", "ok"], results
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, ValidationError), error
    assert "applicant_type" in error.message_dict
    assert Applicant.objects.count() == 1 and Application.objects.count() == 1
