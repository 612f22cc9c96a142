"""A case voided (a mistaken registration) while a handler had its page open takes no reconsideration,
lawsuit or complaint, nor a result for one recorded earlier: the handler is told it was voided, and
nothing is saved."""

from datetime import date

import pytest

from cases.errors import StateConflict
from cases.models import Remedy
from cases.services import remedies
from cases.services.voiding import application_void

pytestmark = pytest.mark.django_db


def test_a_remedy_is_not_recorded_on_a_case_voided_meanwhile(case, handler, sup):
    application_void(user=sup, application=case, reason="重复登记")
    with pytest.raises(StateConflict, match="已作废"):
        remedies.remedy_record(
            user=handler, application=case, kind="reconsideration", filed_on=date(2026, 11, 20)
        )
    assert not Remedy.objects.exists()
    assert not case.events.filter(kind="remedy").exists()


def test_a_result_is_not_recorded_on_a_case_voided_meanwhile(case, handler, sup):
    remedy = remedies.remedy_record(
        user=handler, application=case, kind="reconsideration", filed_on=date(2026, 11, 20)
    )
    application_void(user=sup, application=case, reason="重复登记")
    with pytest.raises(StateConflict, match="已作废"):
        remedies.remedy_update(
            user=handler, remedy=remedy, result="upheld", decided_on=date(2026, 11, 23)
        )
    remedy.refresh_from_db()
    assert (remedy.result, remedy.decided_on) == ("pending", None)
    assert case.events.filter(kind="remedy").count() == 1


def test_the_page_says_the_case_was_voided(case, handler, handler_client, sup, monkeypatch):
    """The handler opened the form before the void; the post after it is refused on the form."""
    from cases import access

    seen = access.get_application_for_user(handler, case.pk)
    application_void(user=sup, application=case, reason="重复登记")
    monkeypatch.setattr(access, "get_application_for_user", lambda *a, **k: seen)
    response = handler_client.post(
        f"/applications/{case.pk}/remedies/new/",
        {"kind": "reconsideration", "filed_on": "2026-11-20", "result": "pending", "note": ""},
    )
    assert response.status_code == 200
    assert "该申请已作废" in response.content.decode()
    assert not Remedy.objects.exists()
