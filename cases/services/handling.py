"""A handler's actions on a case, from assignment to the reply (law.md §3, §4, §6).

Every action: keyword-only, one transaction, the row locked, the state and dates checked, an event
recorded and the clock recomputed. A refusal changes nothing. The actions that conclude a case live
in conclusion.py and are importable from here too."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from cases import timeutil
from cases.clock import engine
from cases.clocksync import get_calendar
from cases.errors import StateConflict
from cases.models import Application, ApplicationEvent, User

from .casework import (
    check_date,
    lock_for_action,
    record,
    require_approver,
    require_before_deadline,
    require_open_case,
    require_status,
    required_text,
)
from .conclusion import (
    application_conclude,
    application_reply_on_the_spot,
    application_withdraw,
)

Kind = ApplicationEvent.Kind
Status = Application.Status
MAX_SUPPLEMENT_PERIOD = 60  # working days, whether given as a period or as a due date

__all__ = [
    "ART35_MAX_DAYS",
    "PARTY_KINDS",
    "application_assign",
    "application_conclude",
    "application_end_consultation",
    "application_extend",
    "application_receive_supplement",
    "application_reply_on_the_spot",
    "application_request_supplement",
    "application_set_deadline",
    "application_start_consultation",
    "application_withdraw",
    "third_party_reply_due",
]

# Decision: an Art. 35 date more than a year after it is set is not a "reasonable" later date.
ART35_MAX_DAYS = 366
# Art. 32 (third party) / Art. 34 (another office that made the information with this one)
PARTY_KINDS = {"third_party": "第三方", "agency": "其他机关"}


@transaction.atomic
def application_assign(
    *, user: User, application: Application, handler: User, expected_version: int | None = None
) -> Application:
    application = lock_for_action(user, application, expected_version, capability="assign")
    require_open_case(application)
    if handler is None:
        raise ValidationError({"handler": ["请选择承办人。"]})
    if (
        not handler.is_active
        or handler.agency_id != application.agency_id
        or handler.role not in ("handler", "supervisor", "admin")
    ):
        raise ValidationError({"handler": ["承办人须为该申请所属机关的承办人员。"]})
    if application.handler_id == handler.pk:
        raise ValidationError({"handler": [f"该申请已由{handler}承办，无需重新分办。"]})
    previous = application.handler
    application.handler = handler
    note = f"由{previous}改为{handler}" if previous else f"分办给{handler}"
    record(application, user=user, kind=Kind.ASSIGNED, on=timeutil.today(), note=note)
    return application


@transaction.atomic
def application_request_supplement(
    *,
    user: User,
    application: Application,
    on: date,
    items_to_supplement: str,
    due_on: date | None = None,
    period_days: int | None = None,
    expected_version: int | None = None,
) -> Application:
    application = lock_for_action(user, application, expected_version)
    require_status(application, Status.OPEN, message="只有办理中的申请可以告知补正。")
    if application.events.filter(kind=Kind.SUPPLEMENT_REQUESTED).exists():
        raise StateConflict("补正告知应一次性作出，本申请已告知过补正。")
    check_date(application, on)
    items = required_text(
        items_to_supplement, field="items_to_supplement", message="请写明需要补正的事项。"
    )
    if due_on is not None and due_on <= on:
        raise ValidationError({"due_on": ["补正期限应晚于告知日期。"]})
    if due_on is not None:
        latest = get_calendar().add_working_days(on, MAX_SUPPLEMENT_PERIOD)
        if due_on > latest:
            raise ValidationError(
                {
                    "due_on": [
                        f"补正期限不应超过告知之日起{MAX_SUPPLEMENT_PERIOD}个工作日"
                        f"（最晚{latest}）。"
                    ]
                }
            )
    if period_days is not None and not 1 <= period_days <= MAX_SUPPLEMENT_PERIOD:
        raise ValidationError(
            {"period_days": [f"补正期限应为1至{MAX_SUPPLEMENT_PERIOD}个工作日。"]}
        )
    days = period_days or engine.DEFAULT_SUPPLEMENT_PERIOD
    record(
        application,
        user=user,
        kind=Kind.SUPPLEMENT_REQUESTED,
        on=on,
        days=days,
        deadline=due_on,
        note=items,
    )
    return application


@transaction.atomic
def application_receive_supplement(
    *,
    user: User,
    application: Application,
    on: date,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    application = lock_for_action(user, application, expected_version)
    require_status(application, Status.AWAITING_SUPPLEMENT, message="本申请没有待收的补正。")
    check_date(application, on)
    request = application.events.filter(kind=Kind.SUPPLEMENT_REQUESTED).order_by("-on", "-id")[0]
    period_end = engine.supplement_period_end(request.to_clock_event(), get_calendar())
    if on > period_end and not note.strip():
        raise ValidationError(
            {
                "note": [
                    f"补正期限已于{period_end}届满。逾期补正的，请在说明中写明申请人的正当理由；"
                    "无正当理由的，应以“逾期不补正”办结。"
                ]
            }
        )
    record(application, user=user, kind=Kind.SUPPLEMENT_RECEIVED, on=on, note=note.strip())
    return application


@transaction.atomic
def application_start_consultation(
    *,
    user: User,
    application: Application,
    on: date,
    party: str,
    note: str = "",
    party_kind: str = "third_party",
    expected_version: int | None = None,
) -> Application:
    """Art. 32 (a third party whose rights may be harmed) or Art. 34 (another office): the clock stops.
    `party_kind` ("third_party" / "agency") only chooses the wording of the letter."""
    application = lock_for_action(user, application, expected_version)
    require_status(
        application, Status.OPEN, message="只有办理中（期限正在计算）的申请可以开始征求意见。"
    )
    check_date(application, on)
    party = required_text(party, field="party", message="请填写征求意见的第三方或机关。")
    if party_kind not in PARTY_KINDS:
        raise ValidationError({"party_kind": ["请选择征求意见的对象类型（第三方或其他机关）。"]})
    record(
        application,
        user=user,
        kind=Kind.CONSULTATION_STARTED,
        on=on,
        party=party,
        note=note.strip(),
        data={"party_kind": party_kind},
    )
    return application


@transaction.atomic
def application_end_consultation(
    *,
    user: User,
    application: Application,
    on: date,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    application = lock_for_action(user, application, expected_version)
    require_status(application, Status.CONSULTING, message="本申请没有正在进行的征求意见。")
    check_date(application, on)
    record(application, user=user, kind=Kind.CONSULTATION_ENDED, on=on, note=note.strip())
    return application


@transaction.atomic
def application_extend(
    *,
    user: User,
    application: Application,
    on: date,
    days: int,
    approved_by: User | None,
    reason: str,
    expected_version: int | None = None,
) -> Application:
    application = lock_for_action(user, application, expected_version)
    require_status(application, Status.OPEN, message="只有办理中（期限正在计算）的申请可以延期。")
    if application.events.filter(kind=Kind.DEADLINE_SET).exists():
        raise StateConflict("本申请已依《条例》第三十五条确定了合理答复期限，不再延长答复期限。")
    check_date(application, on)
    require_approver(application, approved_by)
    reason = required_text(reason, field="reason", message="请写明延期理由。")
    cap = engine.extension_cap(application.regime)
    left = cap - application.extension_days
    if days < 1:
        raise ValidationError({"days": ["延长的工作日数至少为1。"]})
    if days > left:
        raise ValidationError(
            {"days": [f"延长期限累计不得超过{cap}个工作日，本案最多还可延长{left}个工作日。"]}
        )
    require_before_deadline(application, on, what="延期")
    record(
        application,
        user=user,
        kind=Kind.EXTENDED,
        on=on,
        days=days,
        approved_by=approved_by,
        note=reason,
    )
    return application


@transaction.atomic
def application_set_deadline(
    *,
    user: User,
    application: Application,
    on: date,
    deadline: date,
    reason: str,
    expected_version: int | None = None,
) -> Application:
    """Art. 35: a reasonable later date for requests clearly beyond a reasonable quantity or frequency.
    Set while the clock runs and on or before the current deadline; the 2008 text has no such rule."""
    application = lock_for_action(user, application, expected_version)
    require_status(
        application, Status.OPEN, message="只有办理中（期限正在计算）的申请可以确定合理答复期限。"
    )
    if application.regime == engine.REGIME_2008:
        raise StateConflict(
            "2019年5月15日前收到的申请适用原《条例》，没有确定合理答复期限（第三十五条）的规定。"
        )
    check_date(application, on)
    require_before_deadline(application, on, what="确定合理答复期限")
    reason = required_text(
        reason, field="reason", message="请写明确定合理期限的理由（《条例》第三十五条）。"
    )
    if deadline <= on:
        raise ValidationError({"deadline": ["合理答复期限应晚于告知日期。"]})
    if application.deadline is not None and deadline <= application.deadline:
        raise ValidationError(
            {"deadline": [f"合理答复期限应晚于现在的答复期限（{application.deadline}）。"]}
        )
    if (deadline - on).days > ART35_MAX_DAYS:
        raise ValidationError({"deadline": ["合理答复期限不应超过告知之日起一年。"]})
    record(
        application,
        user=user,
        kind=Kind.DEADLINE_SET,
        on=on,
        deadline=deadline,
        note=reason,
    )
    return application


def third_party_reply_due(start_on: date) -> date:
    return engine.third_party_reply_due(start_on, get_calendar())
