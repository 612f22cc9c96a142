"""A consultation's time in the API without an offset is Asia/Shanghai (api.md). One in year 1
(0001-01-01, 0001-01-01T00:00:00) was a 500: eight hours before it is no date Python can hold. Such a
time, and one whose offset carries it out of the years a date may have, is refused as every time
outside 1900–2100 is — 400 on the field, with the same message, and nothing saved."""

import pytest

from cases.models import Consultation
from cases.timeutil import TIME_RANGE_MESSAGE
from tests.api.test_consultations import body

pytestmark = pytest.mark.django_db

OUT_OF_RANGE = [
    "0001-01-01",
    "0001-01-01T00:00:00",
    "0001-01-01T07:59:59",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-12:00",
]


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
def test_a_registration_at_such_a_time_is_400(frozen_today, as_front, moment):
    response = as_front.post("/api/v1/consultations/", body(received_at=moment), format="json")
    assert response.status_code == 400, response.content[:300]
    assert response.json() == {"received_at": [TIME_RANGE_MESSAGE]}
    assert Consultation.objects.count() == 0


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
def test_an_answer_at_such_a_time_is_400(frozen_today, as_front, moment):
    consultation = as_front.post("/api/v1/consultations/", body(), format="json").json()
    response = as_front.post(
        f"/api/v1/consultations/{consultation['id']}/answer/",
        {"answer": "自收到申请之日起20个工作日", "answered_at": moment},
        format="json",
    )
    assert response.status_code == 400, response.content[:300]
    assert response.json() == {"answered_at": [TIME_RANGE_MESSAGE]}
    assert Consultation.objects.get(pk=consultation["id"]).answered_at is None
