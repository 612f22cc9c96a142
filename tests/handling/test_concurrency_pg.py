"""Two people acting on one case at once, on PostgreSQL (real row locks, separate connections): one
succeeds, the other is told the case changed (StaleVersion) — never a silent overwrite.

SQLite has no row locks (SELECT … FOR UPDATE is a no-op there and writes lock the whole file), so these
tests run only on PostgreSQL; the version check itself is tested on every database in test_version.py."""

import threading
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from cases.errors import StaleVersion
from cases.models import Application, ApplicationEvent
from cases.services import handling
from tests.concurrency import run_in_threads

# serialized_rollback: a transactional test ends by emptying every table; this puts back what the
# migrations seeded (the holiday calendar) for the tests that follow
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
D = date


@pytest.mark.parametrize("attempt", range(3))  # the race is real: run it more than once
def test_same_version_exactly_one_wins(case, handler, sup, attempt):
    version = Application.objects.get(pk=case.pk).version

    def start():
        return handling.application_start_consultation(
            user=handler,
            application=case,
            on=D(2026, 11, 20),
            party="甲公司",
            expected_version=version,
        )

    def extend():
        return handling.application_extend(
            user=handler, application=case, on=D(2026, 11, 20), days=5, approved_by=sup,
            reason="需调档", expected_version=version,
        )  # fmt: skip

    results = run_in_threads(start, extend)
    assert sorted(kind for kind, _ in results) == ["error", "ok"], results
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, StaleVersion), error
    assert Application.objects.get(pk=case.pk).version == version + 1
    steps = ApplicationEvent.objects.filter(
        application=case, kind__in=["consultation_started", "extended"]
    )
    assert steps.count() == 1


def _new_case(old):
    """Another case of the same office and the same applicant."""
    from cases.services.registration import ApplicantData, application_register

    applicant = old.applicant
    return application_register(
        user=old.created_by,
        agency=old.agency,
        channel="in_person",
        received_on=D(2026, 11, 2),
        applicant=ApplicantData(
            type=applicant.type, name=applicant.name, id_number=applicant.id_number
        ),
        content="又一件申请",
    )


def test_the_second_waits_for_the_first_and_is_then_refused(case, handler):
    """A holds the case's row lock inside its transaction; B blocks on it until A commits, then sees
    the new version and is refused. (Order is checked by events, not clocks: the clock is frozen.)"""
    version = Application.objects.get(pk=case.pk).version
    locked, committing = threading.Event(), threading.Event()
    seen: dict = {}

    def first():
        with transaction.atomic():
            handling.application_start_consultation(
                user=handler,
                application=case,
                on=D(2026, 11, 20),
                party="甲",
                expected_version=version,
            )
            locked.set()
            time.sleep(0.5)  # B is now waiting on the row lock
            # set before the commit: B, woken by the commit, may otherwise look before A's thread runs
            committing.set()
        return "committed"

    def second():
        locked.wait(timeout=10)
        try:
            handling.application_withdraw(
                user=handler, application=case, on=D(2026, 11, 20), expected_version=version
            )
        finally:
            # had B not waited for the row lock it would have finished during A's sleep
            seen["first_had_committed"] = committing.is_set()
        return "overwrote"

    results = run_in_threads(first, second)
    assert results[0] == ("ok", "committed")
    assert results[1][0] == "error" and isinstance(results[1][1], StaleVersion)
    assert seen["first_had_committed"]  # it really waited for A's commit
    assert Application.objects.get(pk=case.pk).status == "consulting"


def test_without_a_version_the_lock_still_prevents_a_lost_update(case, handler, sup):
    """Two 15-day extensions at once (cap 20): the second sees the first under the lock and is refused."""

    def extend():
        return handling.application_extend(
            user=handler, application=case, on=D(2026, 11, 20), days=15, approved_by=sup, reason="r"
        )

    results = run_in_threads(extend, extend)
    assert sorted(kind for kind, _ in results) == ["error", "ok"]
    error = next(value for kind, value in results if kind == "error")
    assert isinstance(error, ValidationError) and "days" in error.message_dict
    assert Application.objects.get(pk=case.pk).extension_days == 15


def test_actions_on_different_cases_of_one_office_do_not_block(case, handler):
    """The lock covers the case's row only, not its office's or applicant's (select_for_update of=self):
    B finishes on another case of the same office and applicant while A still holds its lock."""
    other = _new_case(case)
    locked, committed = threading.Event(), threading.Event()
    seen: dict = {}

    def first():
        with transaction.atomic():
            handling.application_start_consultation(
                user=handler, application=case, on=D(2026, 11, 20), party="甲"
            )
            locked.set()
            time.sleep(2.0)  # ample time for B, even on a loaded machine
        committed.set()
        return "done"

    def second():
        locked.wait(timeout=10)
        handling.application_start_consultation(
            user=handler, application=other, on=D(2026, 11, 20), party="乙"
        )
        seen["first_had_committed"] = committed.wait(timeout=0)
        return "done"

    results = run_in_threads(first, second)
    assert results == [("ok", "done"), ("ok", "done")]
    assert seen["first_had_committed"] is False


@pytest.mark.parametrize("attempt", range(3))
def test_a_void_and_a_conclusion_at_once_leave_the_row_as_the_events_say(
    case, handler, sup, attempt
):
    """Both read the case, then act at once. Whichever locks first, the row ends voided, and concluded
    exactly when the conclusion was recorded: the void never writes back the copy it read."""
    from cases.services.voiding import application_void

    read_by_both = Application.objects.get(pk=case.pk)

    def conclude():
        return handling.application_conclude(
            user=handler, application=read_by_both, on=D(2026, 11, 20), outcome="disclose"
        )

    def void():
        return application_void(user=sup, application=read_by_both, reason="重复登记")

    results = run_in_threads(conclude, void)
    assert results[1][0] == "ok", results
    after = Application.objects.get(pk=case.pk)
    concluded = ApplicationEvent.objects.filter(application=case, kind="concluded").exists()
    assert after.is_voided
    assert (after.status == "concluded") == concluded == (results[0][0] == "ok"), results
    assert (after.outcome == "disclose") == concluded


@pytest.mark.parametrize("action", ["extend", "conclude"])
def test_a_calendar_edit_while_an_action_holds_the_case(case, handler, sup, people, action):
    """A handler's action holds the case's row (its clock counted on the calendar as it was) while an
    administrator adds a holiday before the deadline. When both are done, an open case's stored deadline
    is the one its events give on the new calendar, and every history record the calendar edit wrote
    says what the row then held (no record of a move that was not made)."""
    from cases.clocksync import clock_of, invalidate_calendar
    from cases.services.calendar import calendar_set_day

    holding = threading.Event()
    reason = "节假日安排调整"

    def act():
        with transaction.atomic():
            if action == "extend":
                handling.application_extend(
                    user=handler, application=case, on=D(2026, 11, 20), days=5, approved_by=sup,
                    reason="需调档",
                )  # fmt: skip
            else:
                handling.application_conclude(
                    user=handler, application=case, on=D(2026, 11, 20), outcome="disclose"
                )
            holding.set()
            time.sleep(1.0)  # the calendar edit now reaches this case's row
        return "done"

    def edit_calendar():
        holding.wait(timeout=10)
        return calendar_set_day(
            user=people[("jiangyi", "admin")], day=D(2026, 11, 26), workday=False, name="临时假日"
        )

    results = run_in_threads(act, edit_calendar)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    invalidate_calendar()
    after = Application.objects.get(pk=case.pk)
    if action == "extend":  # an open case follows the calendar
        assert after.deadline == clock_of(after).deadline
    else:  # a concluded case is not recomputed (as when concluded before the edit)
        assert after.status == "concluded" and after.deadline == D(2026, 11, 30)
    for record in after.history.filter(history_change_reason__startswith=reason):
        assert record.history_change_reason.endswith(f"变为{record.deadline or '未定'}"), (
            record.history_change_reason,
            record.deadline,
            record.status,
        )


@pytest.mark.parametrize("attempt", range(2))
def test_a_calendar_edit_while_a_registration_is_counting(register, people, attempt):
    """A clerk's registration has counted its deadline on the calendar as it was and not yet committed
    when an administrator adds a holiday before that deadline. The new case's row is not there for the
    recompute to lock, so the calendar is held (clocksync.hold_calendar): the recompute waits for the
    registration, and the case ends with the deadline the new calendar gives."""
    from cases.clocksync import clock_of, invalidate_calendar
    from cases.services.calendar import calendar_set_day

    holding = threading.Event()

    def registering():
        with transaction.atomic():
            case = register(received_on=D(2026, 11, 2))  # due 2026-11-30 on the old calendar
            holding.set()
            time.sleep(1.0)  # the calendar edit runs now
        return case.pk

    def edit_calendar():
        holding.wait(timeout=10)
        return calendar_set_day(
            user=people[("jiangyi", "admin")], day=D(2026, 11, 26), workday=False, name="临时假日"
        )

    results = run_in_threads(registering, edit_calendar)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    invalidate_calendar()
    case = Application.objects.get(pk=results[0][1])
    assert case.deadline == clock_of(case).deadline == D(2026, 12, 1)
