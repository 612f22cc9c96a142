"""The shared steps of every action on a case: lock the row, check the date, record the event,
recompute the clock. Each action is one transaction; a stale version is refused, never overwritten."""

from datetime import date

from django.core.exceptions import ValidationError

from cases import timeutil
from cases.access import can, require, visible_agency_ids
from cases.clocksync import current_calendar, refresh_application
from cases.errors import StaleVersion, StateConflict
from cases.models import Application, ApplicationEvent, User

# events whose dates must follow each other (administrative notes such as assignment do not)
ORDERED_KINDS = frozenset(
    {
        ApplicationEvent.Kind.REGISTERED,
        ApplicationEvent.Kind.SUPPLEMENT_REQUESTED,
        ApplicationEvent.Kind.SUPPLEMENT_RECEIVED,
        ApplicationEvent.Kind.CONSULTATION_STARTED,
        ApplicationEvent.Kind.CONSULTATION_ENDED,
        ApplicationEvent.Kind.EXTENDED,
        ApplicationEvent.Kind.DEADLINE_SET,
        ApplicationEvent.Kind.FEE_NOTIFIED,
        ApplicationEvent.Kind.FEE_PAID,
        ApplicationEvent.Kind.FEE_WAIVED,
        ApplicationEvent.Kind.CONCLUDED,
        ApplicationEvent.Kind.WITHDRAWN,
    }
)


def lock_live(application_id: int) -> Application:
    """The case's row locked, refused if it was voided after the caller read it: a voided case takes no
    action. of=("self",): the case's row only, not its office's or applicant's (joined for reading),
    so actions on different cases of one office never queue behind each other."""
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("agency", "applicant")
        .get(pk=application_id)
    )
    if locked.is_voided:
        raise StateConflict("该申请已作废，不能再进行此操作。")
    return locked


def lock(application: Application, expected_version: int | None) -> Application:
    """Re-read the row under a lock; refuse if someone changed it since the caller read it, or voided
    it."""
    # the clock this action stores is counted on the calendar as stored now, held before the row
    current_calendar()
    locked = lock_live(application.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleVersion()
    return locked


def require_status(application: Application, *allowed: str, message: str) -> None:
    if application.status not in allowed:
        raise StateConflict(message)


def require_open_case(application: Application) -> None:
    if application.status == Application.Status.CONCLUDED:
        raise StateConflict("该申请已办结，不能再进行此操作。")


def lock_for_action(
    user: User,
    application: Application,
    expected_version: int | None,
    *,
    capability: str = "handle",
) -> Application:
    """The first step of every action: the user may act, and the row is locked at the version the
    caller read."""
    require(user, capability)
    return lock(application, expected_version)


def last_event_date(application: Application) -> date:
    latest = (
        application.events.filter(kind__in=ORDERED_KINDS)
        .order_by("-on", "-id")
        .values_list("on", flat=True)
        .first()
    )
    return latest or application.received_on


def check_date(application: Application, on: date, *, field: str = "on") -> None:
    """No future date, none before receipt, none before the case's latest event."""
    if on > timeutil.today():
        raise ValidationError({field: ["日期不能晚于今天。"]})
    if on < application.received_on:
        raise ValidationError({field: [f"日期不能早于收到申请之日（{application.received_on}）。"]})
    latest = last_event_date(application)
    if on < latest:
        raise ValidationError({field: [f"日期不能早于本案上一办理环节的日期（{latest}）。"]})


def require_before_deadline(application: Application, on: date, *, what: str) -> None:
    """`what` (an extension, a later date) is decided on or before the current reply deadline."""
    if application.deadline is not None and on > application.deadline:
        raise StateConflict(f"{what}须在答复期限（{application.deadline}）届满前作出。")


def required_text(value: str, *, field: str, message: str) -> str:
    """The text stripped; refused with `message` on `field` when it is blank."""
    if not value.strip():
        raise ValidationError({field: [message]})
    return value.strip()


def record(
    application: Application, *, user: User, kind: str, on: date, **fields
) -> ApplicationEvent:
    """Append the event, recompute the clock and save the row with a new version."""
    event = ApplicationEvent.objects.create(
        application=application, kind=kind, on=on, created_by=user, **fields
    )
    refresh_application(application)
    application.version += 1
    application._change_reason = f"{event.get_kind_display()}（{on}）"
    # in the name of the user acted for, as the event is, not of the request (none in a nightly job)
    application._history_user = user
    application.save()
    return event


def require_approver(
    application: Application, approver: User | None, *, field: str = "approved_by"
) -> User:
    """An approval comes from a supervisor or admin whose offices include the case's office."""
    if approver is None:
        raise ValidationError({field: ["请选择批准人。"]})
    if not can(approver, "approve") or application.agency_id not in visible_agency_ids(approver):
        raise ValidationError({field: ["批准人须为本机关（或上级机关）的负责人。"]})
    return approver
