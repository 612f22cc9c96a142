"""The consultation page takes a time of receipt in the years the system counts (1900–2100, as the
API does): an earlier one is a form error next to the field, nothing saved — year 1 was a server error
(out of range when converted to UTC) and year 1000 was saved."""

import pytest
from django.urls import reverse

from cases.models import Consultation

pytestmark = pytest.mark.django_db


def post_call(client, agency, received_at: str):
    return client.post(
        reverse("consultation-register"),
        {
            "agency": agency.pk,
            "channel": "hotline",
            "topic": "办理期限",
            "received_at": received_at,
        },
    )


@pytest.mark.parametrize(
    "received_at", ["0001-01-01T00:00", "1000-01-01T00:00", "2101-01-01T00:00"]
)
def test_a_time_out_of_range_is_a_field_error(
    client, township, township_front, frozen_today, received_at
):
    client.force_login(township_front)
    response = post_call(client, township, received_at)
    assert response.status_code == 200
    assert response.context["form"].errors["received_at"] == ["时间应在1900年至2100年之间。"]
    assert Consultation.objects.count() == 0


def test_a_time_in_range_is_saved(client, township, township_front, frozen_today):
    client.force_login(township_front)
    response = post_call(client, township, "2026-11-23T23:59")
    assert response.status_code == 302
    assert Consultation.objects.get().received_at.isoformat() == "2026-11-23T15:59:00+00:00"
