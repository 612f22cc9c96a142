"""Extension (law.md §3): approved by a supervisor of the office (or above), within the cap, on or
before the current deadline, never after an Art. 35 date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases.errors import StateConflict
from cases.services import handling
from tests.conftest import make_user

from .conftest import snapshot

pytestmark = pytest.mark.django_db
D = date
NOV20 = D(2026, 11, 20)


def extend(case, handler, approver, on=NOV20, days=10, reason="需调取档案"):
    return handling.application_extend(
        user=handler, application=case, on=on, days=days, approved_by=approver, reason=reason
    )


def test_extend_moves_the_deadline_and_records_the_approver(case, handler, sup):
    app = extend(case, handler, sup)
    assert app.extension_days == 10 and app.deadline == D(2026, 12, 14)
    event = app.events.get(kind="extended")
    assert event.approved_by == sup and event.days == 10 and event.note == "需调取档案"


def test_a_supervisor_above_may_approve(case, handler, county_supervisor):
    assert extend(case, handler, county_supervisor, days=1).extension_days == 1


def test_on_the_deadline_day_is_still_in_time(register, handler, sup):
    app = register(received_on=D(2026, 10, 27))  # due Tue 2026-11-24, today
    assert extend(app, handler, sup, on=D(2026, 11, 24)).deadline > D(2026, 11, 24)


@pytest.mark.parametrize(
    ("approver", "kw", "field"),
    [
        ("handler", {}, "approved_by"),
        ("none", {}, "approved_by"),
        ("other-office", {}, "approved_by"),
        ("sup", {"days": 0}, "days"),
        ("sup", {"days": 21}, "days"),
        ("sup", {"reason": " "}, "reason"),
        ("sup", {"on": D(2026, 11, 25)}, "on"),
    ],
)
def test_extension_refusals(case, handler, sup, county, approver, kw, field):
    from cases.models import Agency

    bureau = Agency.objects.create(code="bureau", name="元谋县自然资源局", parent=county)
    who = {
        "handler": handler,
        "none": None,
        "other-office": make_user(bureau, "supervisor"),
        "sup": sup,
    }[approver]
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        extend(case, handler, who, **kw)
    assert field in exc.value.message_dict
    assert snapshot(case) == before


def test_the_cap_counts_every_extension(case, handler, sup):
    extend(case, handler, sup, days=15)
    before = snapshot(case)
    with pytest.raises(ValidationError) as exc:
        extend(case, handler, sup, on=D(2026, 11, 23), days=6)
    assert "最多还可延长5个工作日" in exc.value.message_dict["days"][0]
    assert snapshot(case) == before
    assert extend(case, handler, sup, on=D(2026, 11, 23), days=5).extension_days == 20


def test_the_2008_cap_is_15(register, handler, sup):
    old = register(received_on=D(2018, 3, 1))
    with pytest.raises(ValidationError, match="15"):
        extend(old, handler, sup, on=D(2018, 3, 5), days=16)


def test_no_extension_after_the_deadline(register, handler, sup):
    late = register(received_on=D(2026, 9, 1))  # due 2026-09-29
    before = snapshot(late)
    with pytest.raises(StateConflict, match="届满前"):
        extend(late, handler, sup)
    assert snapshot(late) == before


def test_no_extension_while_the_clock_is_stopped(case, handler, sup):
    handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 10), party="x"
    )
    with pytest.raises(StateConflict):
        extend(case, handler, sup)


def test_no_extension_after_an_art35_date(case, handler, sup):
    handling.application_set_deadline(
        user=handler, application=case, on=D(2026, 11, 20), deadline=D(2027, 2, 26), reason="数量大"
    )
    before = snapshot(case)
    with pytest.raises(StateConflict, match="第三十五条"):
        extend(case, handler, sup)
    assert snapshot(case) == before
