"""A voided consultation (登记错了, voided by the office's supervisor with a reason) leaves every list
and cannot be opened, as a voided application does: the consultation ledger, the API's list and its
one consultation, for the office's own staff and for the supervisor of the office above. It stays in
history (its row and reason are kept)."""

import pytest
from django.http import Http404

from cases.access import consultations_for_user, get_consultation_for_user
from cases.models import Consultation
from cases.services.voiding import consultation_void
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def voided_and_kept(consult, township_supervisor):
    voided = consult(topic="重复登记的咨询")
    kept = consult(topic="如何申请政府信息公开")
    consultation_void(user=township_supervisor, consultation=voided, reason="重复登记")
    return voided, kept


@pytest.mark.parametrize("who", [("jiangyi", "front_desk"), ("county", "supervisor")])
def test_a_voided_consultation_is_in_no_list(client, people, voided_and_kept, who):
    voided, kept = voided_and_kept
    user = people[who]
    assert list(consultations_for_user(user)) == [kept]
    with pytest.raises(Http404):
        get_consultation_for_user(user, voided.pk)

    api = token_client(user)
    assert [c["id"] for c in api.get("/api/v1/consultations/").json()["results"]] == [kept.pk]
    assert api.get(f"/api/v1/consultations/{voided.pk}/").status_code == 404

    client.force_login(user)
    ledger = client.get("/consultations/").content.decode()
    assert kept.topic in ledger and voided.topic not in ledger
    assert client.get(f"/consultations/{voided.pk}/").status_code == 404


def test_it_stays_in_history(voided_and_kept):
    voided, _ = voided_and_kept
    assert Consultation.objects.get(pk=voided.pk).void_reason == "重复登记"
