"""An applicant recognised again at a registration with new details keeps the old ones in history, with
a reason saying which application brought the new ones and what changed (the row had no reason)."""

from dataclasses import replace
from datetime import date

import pytest

pytestmark = pytest.mark.django_db


def test_new_contact_details_name_the_application_that_brought_them(register, applicant_data):
    first = register(received_on=date(2026, 11, 2))
    second = register(
        received_on=date(2026, 11, 3),
        applicant=replace(applicant_data, phone="13900005678", address="元谋县元马镇"),
    )
    applicant = second.applicant
    assert applicant.pk == first.applicant_id and applicant.phone == "13900005678"
    latest, before = applicant.history.order_by("-history_id")[:2]
    assert before.phone == "13800001234"  # the old number is kept
    assert latest.history_change_reason == f"登记申请{second.number}时更新：联系电话、通讯地址"
