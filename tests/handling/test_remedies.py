"""Reconsideration, litigation and complaints (law.md §7): filed date and result, recorded on the case."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cases.models import Remedy
from cases.services import remedies

pytestmark = pytest.mark.django_db
D = date


@pytest.mark.parametrize("kind", Remedy.Kind.values)
def test_record_each_kind(case, handler, kind):
    remedy = remedies.remedy_record(
        user=handler, application=case, kind=kind, filed_on=D(2026, 11, 20)
    )
    assert remedy.result == "pending" and remedy.decided_on is None
    assert case.events.filter(kind="remedy").count() == 1


@pytest.mark.parametrize("result", ["upheld", "corrected", "other"])
def test_record_the_result_later(case, handler, result):
    remedy = remedies.remedy_record(
        user=handler, application=case, kind="reconsideration", filed_on=D(2026, 11, 10)
    )
    remedies.remedy_update(user=handler, remedy=remedy, result=result, decided_on=D(2026, 11, 23))
    remedy.refresh_from_db()
    assert (remedy.result, remedy.decided_on) == (result, D(2026, 11, 23))
    notes = list(case.events.filter(kind="remedy").values_list("note", flat=True))
    assert len(notes) == 2 and Remedy.Result(result).label in notes[1]


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"kind": "appeal"}, "kind"),
        ({"filed_on": D(2026, 11, 25)}, "filed_on"),
        ({"filed_on": D(2026, 10, 30)}, "filed_on"),
        ({"result": "won"}, "result"),
        ({"result": "upheld"}, "decided_on"),
        ({"decided_on": D(2026, 11, 21)}, "decided_on"),
        ({"result": "upheld", "decided_on": D(2026, 11, 19)}, "decided_on"),
        ({"result": "upheld", "decided_on": D(2026, 11, 25)}, "decided_on"),
    ],
)
def test_refusals_save_nothing(case, handler, kw, field):
    with pytest.raises(ValidationError) as exc:
        remedies.remedy_record(
            user=handler,
            application=case,
            **({"kind": "complaint", "filed_on": D(2026, 11, 20)} | kw),
        )
    assert field in exc.value.message_dict
    assert Remedy.objects.count() == 0 and case.events.filter(kind="remedy").count() == 0


def test_front_desk_may_not_record(case, township_front):
    with pytest.raises(PermissionDenied):
        remedies.remedy_record(
            user=township_front, application=case, kind="complaint", filed_on=D(2026, 11, 20)
        )


def test_a_note_alone_keeps_a_result_recorded_meanwhile(case, handler, sup):
    """The API's PATCH of the note alone, from a copy read before a colleague recorded the result:
    the result and its date stay as recorded (read under the row's lock), not the copy's 'pending'."""
    remedy = remedies.remedy_record(
        user=handler, application=case, kind="reconsideration", filed_on=D(2026, 11, 10)
    )
    stale = Remedy.objects.get(pk=remedy.pk)
    remedies.remedy_update(user=sup, remedy=remedy, result="upheld", decided_on=D(2026, 11, 23))
    remedies.remedy_update(user=handler, remedy=stale, note="复议机关来电确认")
    remedy.refresh_from_db()
    assert (remedy.result, remedy.decided_on) == ("upheld", D(2026, 11, 23))
    assert remedy.note == "复议机关来电确认"
    assert case.events.filter(kind="remedy").count() == 2  # the filing and the result, no more
