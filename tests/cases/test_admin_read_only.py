"""The Django admin shows the cases and their records but does not edit them: every change to a case,
a consultation, a fee or a remedy goes through its service (the state and dates checked, an event
recorded, the clock recomputed, the version moved). The admin edits offices, staff, applicants and the
calendar (whose edits recompute the open cases)."""

from datetime import date

import pytest
from django.contrib import admin
from django.test import RequestFactory

from cases.models import Application, Consultation, Fee, Remedy
from cases.services import fees, remedies

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.cn", "pw")


def change_form_data(model_admin, obj, root) -> dict:
    """What the admin's change form would post back for `obj`, with its inlines' management forms."""
    request = RequestFactory().get("/")
    request.user = root
    form = model_admin.get_form(request, obj, change=True)(instance=obj)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = value.isoformat() if isinstance(value, date) else value
    for formset, _inline in model_admin.get_formsets_with_inlines(request, obj):
        fs = formset(instance=obj)
        data.update(
            {f"{fs.prefix}-{k}": v for k, v in fs.management_form.initial.items() if v is not None}
        )
        for i, f in enumerate(fs.forms):
            for name in f.fields:
                value = f[name].value()
                if value is not None:
                    data[f"{fs.prefix}-{i}-{name}"] = value
    return data


def test_a_case_cannot_be_edited_in_the_admin(client, root, register):
    case = register(received_on=date(2026, 11, 2))
    client.force_login(root)
    url = f"/admin/cases/application/{case.pk}/change/"
    assert client.get(url).status_code == 200  # shown
    data = change_form_data(admin.site._registry[Application], case, root)
    data["received_on"] = "2026-10-08"  # the clock would not be recomputed
    response = client.post(url, data)
    assert response.status_code == 403
    after = Application.objects.get(pk=case.pk)
    assert (after.received_on, after.deadline, after.version) == (
        case.received_on,
        case.deadline,
        case.version,
    )


def test_a_void_cannot_be_undone_in_the_admin(client, root, register, people):
    from cases.services.voiding import application_void

    case = application_void(
        user=people[("jiangyi", "supervisor")],
        application=register(received_on=date(2026, 11, 2)),
        reason="重复登记",
    )
    client.force_login(root)
    data = change_form_data(admin.site._registry[Application], case, root)
    data["voided_at_0"], data["voided_at_1"] = "", ""
    data.pop("voided_at", None)
    response = client.post(f"/admin/cases/application/{case.pk}/change/", data)
    assert response.status_code == 403
    assert Application.objects.get(pk=case.pk).is_voided


@pytest.mark.parametrize("model", [Consultation, Fee, Remedy, Application])
def test_no_case_record_is_added_or_changed_in_the_admin(client, root, model, register, people):
    case = register(received_on=date(2026, 10, 8))
    handler = people[("jiangyi", "handler")]
    records = {
        Application: lambda: case,
        Fee: lambda: (
            fees.fee_notify(
                user=handler, application=case, on=date(2026, 10, 9), method="per_page", pages=40
            ).fee
        ),
        Remedy: lambda: remedies.remedy_record(
            user=handler, application=case, kind="reconsideration", filed_on=date(2026, 11, 2)
        ),
        Consultation: lambda: Consultation.objects.create(
            agency=case.agency, channel="hotline", topic="收费", received_at=case.created_at
        ),
    }
    obj = records[model]()
    client.force_login(root)
    opts = model._meta
    base = f"/admin/{opts.app_label}/{opts.model_name}"
    assert client.get(f"{base}/{obj.pk}/change/").status_code == 200
    assert client.get(f"{base}/{obj.pk}/history/").status_code == 200
    assert client.post(f"{base}/{obj.pk}/change/", {}).status_code == 403
    assert client.get(f"{base}/add/").status_code == 403
