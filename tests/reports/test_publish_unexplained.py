"""When the numbers of a published report have moved but none of the records it lists (cases,
consultations, fees, remedies) was edited — an applicant's type corrected, say — the page said
“发布后没有改动过本年度报告涉及的案件” under a table of changed numbers. It now says where else to look."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from cases.models import Applicant
from cases.reports.publish import publish

pytestmark = pytest.mark.django_db


def test_changed_numbers_without_a_changed_case_are_not_called_unchanged(
    client, book, township, township_supervisor, frozen_today
):
    app = book.register(date(2025, 3, 3))
    publish(user=township_supervisor, agency=township, year=2025)
    frozen_today.shift(timedelta(hours=1))
    applicant = Applicant.objects.get(pk=app.applicant_id)
    applicant.type = "commercial_enterprise"  # corrected in the admin
    applicant.save()

    client.force_login(township_supervisor)
    html = client.get(reverse("report"), {"agency": "jiangyi", "year": 2025}).content.decode()
    assert "个数字不同" in html
    assert "发布后没有改动过本年度报告涉及的案件。" not in html
    assert "申请人类型" in html and "修改历史" in html
