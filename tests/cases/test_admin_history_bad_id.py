"""系统管理's history pages (simple-history) of a record whose id in the address is no number — a
typed or cut-off address, /admin/cases/application/abc/history/ — were a 500 (ValueError); now a 404,
as the admin's own change page answers an unknown id. The same for a history record's id."""

from datetime import date

import pytest
from django.contrib import admin
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

pytestmark = pytest.mark.django_db

BAD = ["abc", "1x", "1%00", "%F0%9F%98%80", "-1"]


@pytest.fixture
def root_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.cn", "pw"))
    return client


WITH_HISTORY = [m for m, a in admin.site._registry.items() if isinstance(a, SimpleHistoryAdmin)]


def test_the_records_with_history_pages_are_those_of_gongkai():
    assert {m._meta.model_name for m in WITH_HISTORY} == {
        "agency",
        "user",
        "applicant",
        "application",
        "consultation",
        "fee",
        "remedy",
        "calendarday",
        "calendaryear",
    }


@pytest.mark.parametrize("model", WITH_HISTORY, ids=lambda m: m._meta.model_name)
@pytest.mark.parametrize("bad", BAD)
def test_a_history_page_of_no_number_is_404(root_client, model, bad):
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    assert root_client.get(f"{base}{bad}/history/").status_code == 404
    assert root_client.get(f"{base}{bad}/history/1/").status_code == 404


@pytest.mark.parametrize("bad", BAD)
def test_a_history_record_of_no_number_is_404_and_a_real_one_is_shown(root_client, register, bad):
    case = register(received_on=date(2026, 11, 2))
    record = case.history.latest("history_date")
    history = reverse("admin:cases_application_history", args=[case.pk])
    assert root_client.get(history).status_code == 200
    assert root_client.get(f"{history}{record.history_id}/").status_code == 200
    assert root_client.get(f"{history}{bad}/").status_code == 404
