"""The voiding services refuse on their own, whatever page or command calls them: only a supervisor
or admin may void (a handler or a front-desk clerk may not — not even their own office's case), and a
consultation voided meanwhile (read before another supervisor voided it) is not voided again, its
first reason kept — as for applications (test_void.py)."""

import pytest
from django.core.exceptions import PermissionDenied

from cases.errors import StateConflict
from cases.models import Application, Consultation
from cases.services.voiding import application_void, consultation_void

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["front_desk", "handler"])
def test_only_who_may_void_voids(case, consult, people, role):
    consultation = consult()
    user = people[("jiangyi", role)]
    with pytest.raises(PermissionDenied):
        application_void(user=user, application=case, reason="重复登记")
    with pytest.raises(PermissionDenied):
        consultation_void(user=user, consultation=consultation, reason="重复登记")
    assert not Application.objects.get(pk=case.pk).is_voided
    assert Consultation.objects.get(pk=consultation.pk).voided_at is None


def test_a_consultation_voided_meanwhile_is_not_voided_again(consult, sup, county_supervisor):
    consultation = consult()
    first = Consultation.objects.get(pk=consultation.pk)
    second = Consultation.objects.get(pk=consultation.pk)  # read before the first void
    consultation_void(user=sup, consultation=first, reason="重复登记")
    with pytest.raises(StateConflict, match="已作废"):
        consultation_void(user=county_supervisor, consultation=second, reason="登记错了")
    voided = Consultation.objects.get(pk=consultation.pk)
    assert (voided.void_reason, voided.voided_by) == ("重复登记", sup)
