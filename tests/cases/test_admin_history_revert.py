"""The admin's history pages of cases, consultations, fees and remedies show the earlier versions but
never put one back: a revert there would write the row past its service (no event, no clock, no
version), move a case to another office or undo a void. The offices, staff, applicants and the
calendar, which the admin edits, can still be reverted (through the same save as a change)."""

from datetime import date, datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone

from cases.models import Agency, Application, Consultation, Fee, Remedy
from cases.services import fees, remedies
from cases.services.voiding import application_void

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.cn", "pw")


def revert_form_data(model, version, root) -> dict:
    """What the history page's form of `version` would post back (the earlier version's values)."""
    request = RequestFactory().get("/")
    request.user = root
    form = admin.site._registry[model].get_form(request, version.instance)(
        instance=version.instance
    )
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, datetime):  # the admin's split date and time inputs
            local = timezone.localtime(value)
            data[f"{name}_0"], data[f"{name}_1"] = f"{local:%Y-%m-%d}", f"{local:%H:%M:%S}"
        elif value is not None:
            data[name] = value.isoformat() if isinstance(value, date) else value
    return data


def history_url(obj, version) -> str:
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/history/{version.history_id}/"


def test_a_voided_case_is_not_put_back_by_reverting_it_in_the_admin(client, root, register, people):
    case = register(received_on=date(2026, 11, 2))
    registered = case.history.earliest()
    case = application_void(
        user=people[("jiangyi", "supervisor")], application=case, reason="重复登记"
    )
    client.force_login(root)
    url = history_url(case, registered)
    assert client.get(url).status_code == 200  # the earlier version is shown
    data = revert_form_data(Application, registered, root)
    data["received_on"] = "2026-10-08"
    data["agency"] = people[("county", "front_desk")].agency_id

    assert client.post(url, data).status_code == 403

    after = Application.objects.get(pk=case.pk)
    assert after.is_voided
    assert (after.agency_id, after.received_on, after.version) == (
        case.agency_id,
        case.received_on,
        case.version,
    )
    assert after.history.count() == case.history.count()


@pytest.mark.parametrize("model", [Consultation, Fee, Remedy])
def test_no_case_record_is_reverted_in_the_admin(client, root, model, register, people, consult):
    case = register(received_on=date(2026, 10, 8))
    handler = people[("jiangyi", "handler")]
    if model is Fee:
        obj = fees.fee_notify(
            user=handler, application=case, on=date(2026, 10, 9), method="per_page", pages=40
        ).fee
        fees.fee_pay(user=handler, application=case, on=date(2026, 10, 12))
    elif model is Remedy:
        obj = remedies.remedy_record(
            user=handler, application=case, kind="reconsideration", filed_on=date(2026, 11, 2)
        )
        remedies.remedy_update(
            user=handler, remedy=obj, result="upheld", decided_on=date(2026, 11, 20)
        )
    else:
        obj = consult(topic="收费")
        from cases.services.registration import consultation_answer

        consultation_answer(user=handler, consultation=obj, answer="依规定收费")
    obj = model.objects.get(pk=obj.pk)
    first = obj.history.earliest()
    before = model.history.model.objects.count()
    client.force_login(root)

    assert (
        client.post(history_url(obj, first), revert_form_data(model, first, root)).status_code
        == 403
    )

    assert model.history.model.objects.count() == before
    after = model.objects.get(pk=obj.pk)
    fields = [f.attname for f in model._meta.concrete_fields]
    assert [getattr(after, f) for f in fields] == [getattr(obj, f) for f in fields]


def test_an_office_can_still_be_reverted_in_the_admin(client, root, township):
    first = township.history.earliest()
    township.name = "姜驿乡人民政府（改名）"
    township.save()
    client.force_login(root)
    response = client.post(history_url(township, first), revert_form_data(Agency, first, root))
    assert response.status_code == 302
    assert Agency.objects.get(pk=township.pk).name == "姜驿乡人民政府"
