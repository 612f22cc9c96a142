"""系统管理 names every field of Gongkai's records in Chinese — a case's 版本号, an office's 层级路径,
a fee's 申请, when an applicant or a remedy was recorded — on the change pages, the lists and the
history (they read Version:, Path:, Application and created at, English beside Chinese)."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_field_of_the_records_in_the_admin_has_a_chinese_name():
    english = [
        f"{model.__name__}.{field.name}: {field.verbose_name}"
        for model in admin.site._registry
        if model._meta.app_label == "cases"
        for field in model._meta.concrete_fields
        if field.name != "id" and str(field.verbose_name).isascii()
    ]
    assert english == []


def test_the_pages_read_chinese(client, django_user_model, register, township):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.cn", "pw"))
    case = register()
    pages = {
        reverse("admin:cases_application_change", args=[case.pk]): ("版本号",),
        reverse("admin:cases_agency_change", args=[township.pk]): ("层级路径",),
        reverse("admin:cases_fee_changelist"): ("申请",),
    }
    for url, labels in pages.items():
        html = client.get(url).content.decode()
        for english in ("Version:", "Path:", ">Application<"):
            assert english not in html, url
        for label in labels:
            assert label in html, url
