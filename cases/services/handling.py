"""A handler's actions on a case, from assignment to the reply (law.md §3, §4, §6).

Every action: keyword-only, one transaction, the row locked, the state and dates checked, an event
recorded and the clock recomputed. A refusal changes nothing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from cases import outcomes, timeutil
from cases.access import require
from cases.clock import engine
from cases.clocksync import clock_of, get_calendar
from cases.errors import StateConflict
from cases.models import Application, ApplicationEvent, User

from .casework import check_date, lock, record, require_approver, require_open_case, require_status

Kind = ApplicationEvent.Kind
Status = Application.Status


@transaction.atomic
def application_assign(
    *, user: User, application: Application, handler: User, expected_version: int | None = None
) -> Application:
    require(user, "assign")
    application = lock(application, expected_version)
    require_open_case(application)
    if handler.agency_id != application.agency_id or handler.role not in (
        "handler",
        "supervisor",
        "admin",
    ):
        raise ValidationError({"handler": ["承办人须为该申请所属机关的承办人员。"]})
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
    require(user, "handle")
    application = lock(application, expected_version)
    require_status(application, Status.OPEN, message="只有办理中的申请可以告知补正。")
    if application.events.filter(kind=Kind.SUPPLEMENT_REQUESTED).exists():
        raise StateConflict("补正告知应一次性作出，本申请已告知过补正。")
    check_date(application, on)
    if not items_to_supplement.strip():
        raise ValidationError({"items_to_supplement": ["请写明需要补正的事项。"]})
    if due_on is not None and due_on <= on:
        raise ValidationError({"due_on": ["补正期限应晚于告知日期。"]})
    if period_days is not None and not 1 <= period_days <= 60:
        raise ValidationError({"period_days": ["补正期限应为1至60个工作日。"]})
    days = period_days or engine.DEFAULT_SUPPLEMENT_PERIOD
    record(
        application,
        user=user,
        kind=Kind.SUPPLEMENT_REQUESTED,
        on=on,
        days=days,
        deadline=due_on,
        note=items_to_supplement.strip(),
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
    require(user, "handle")
    application = lock(application, expected_version)
    require_status(application, Status.AWAITING_SUPPLEMENT, message="本申请没有待收的补正。")
    check_date(application, on)
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
    expected_version: int | None = None,
) -> Application:
    require(user, "handle")
    application = lock(application, expected_version)
    require_status(
        application, Status.OPEN, message="只有办理中（期限正在计算）的申请可以开始征求意见。"
    )
    check_date(application, on)
    if not party.strip():
        raise ValidationError({"party": ["请填写征求意见的第三方或机关。"]})
    record(
        application,
        user=user,
        kind=Kind.CONSULTATION_STARTED,
        on=on,
        party=party.strip(),
        note=note.strip(),
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
    require(user, "handle")
    application = lock(application, expected_version)
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
    require(user, "handle")
    application = lock(application, expected_version)
    require_status(application, Status.OPEN, message="只有办理中（期限正在计算）的申请可以延期。")
    check_date(application, on)
    require_approver(application, approved_by)
    if not reason.strip():
        raise ValidationError({"reason": ["请写明延期理由。"]})
    cap = engine.extension_cap(application.regime)
    left = cap - application.extension_days
    if days < 1:
        raise ValidationError({"days": ["延长的工作日数至少为1。"]})
    if days > left:
        raise ValidationError(
            {"days": [f"延长期限累计不得超过{cap}个工作日，本案最多还可延长{left}个工作日。"]}
        )
    if application.deadline is not None and on > application.deadline:
        raise StateConflict(f"延期须在答复期限（{application.deadline}）届满前作出。")
    record(
        application,
        user=user,
        kind=Kind.EXTENDED,
        on=on,
        days=days,
        approved_by=approved_by,
        note=reason.strip(),
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
    """Art. 35: a reasonable later date for requests clearly beyond a reasonable quantity or frequency."""
    require(user, "handle")
    application = lock(application, expected_version)
    require_open_case(application)
    check_date(application, on)
    if not reason.strip():
        raise ValidationError({"reason": ["请写明确定合理期限的理由（《条例》第三十五条）。"]})
    if deadline <= on:
        raise ValidationError({"deadline": ["合理答复期限应晚于告知日期。"]})
    if application.deadline is not None and deadline <= application.deadline:
        raise ValidationError(
            {"deadline": [f"合理答复期限应晚于法定答复期限（{application.deadline}）。"]}
        )
    record(
        application,
        user=user,
        kind=Kind.DEADLINE_SET,
        on=on,
        deadline=deadline,
        note=reason.strip(),
    )
    return application


def _check_conclusion_state(application: Application, outcome: str, on: date) -> None:
    clock = clock_of(application, today=on)
    if outcome == "other.no_supplement":
        if application.status != Status.AWAITING_SUPPLEMENT:
            raise StateConflict("只有告知补正后未收到补正的申请，才能以“逾期不补正”办结。")
        if clock.supplement_period_end and on <= clock.supplement_period_end:
            raise StateConflict(f"补正期限（{clock.supplement_period_end}）尚未届满。")
        return
    if outcome == "other.fee_unpaid":
        fee = getattr(application, "fee", None)
        if application.status != Status.AWAITING_FEE or fee is None:
            raise StateConflict("只有已发出收费通知且未缴费的申请，才能以“逾期未缴费”办结。")
        if fee.pay_due_on and on <= fee.pay_due_on:
            raise StateConflict(f"缴费期限（{fee.pay_due_on}）尚未届满。")
        return
    if (
        outcome == "unable.still_unclear"
        and not application.events.filter(kind=Kind.SUPPLEMENT_RECEIVED).exists()
    ):
        raise StateConflict("“补正后申请内容仍不明确”只适用于已收到补正的申请。")
    if application.status == Status.CONSULTING:
        raise StateConflict("请先结束征求意见，再作出答复。")
    if application.status == Status.AWAITING_FEE:
        raise StateConflict("请先处理收费（缴费或减免），再作出答复。")
    if application.status == Status.AWAITING_SUPPLEMENT and outcome != "other.other":
        raise StateConflict("申请正在等待补正，请先登记收到补正。")


@transaction.atomic
def application_conclude(
    *,
    user: User,
    application: Application,
    on: date,
    outcome: str,
    reason: str = "",
    basis: str = "",
    referred_to: str = "",
    expected_version: int | None = None,
) -> Application:
    require(user, "handle")
    application = lock(application, expected_version)
    require_open_case(application)
    if outcome not in outcomes.BY_CODE:
        raise ValidationError({"outcome": ["请选择有效的办理结果。"]})
    check_date(application, on)
    errors: dict[str, list[str]] = {}
    if outcome in outcomes.NEEDS_REASON and not reason.strip():
        errors["reason"] = ["该办理结果须写明理由。"]
    if outcome in outcomes.NEEDS_REASON and not basis.strip():
        errors["basis"] = ["该办理结果须写明法律依据。"]
    if errors:
        raise ValidationError(errors)
    _check_conclusion_state(application, outcome, on)
    application.outcome = outcome
    application.concluded_on = on
    application.outcome_reason = reason.strip()
    application.outcome_basis = basis.strip()
    application.referred_to = referred_to.strip()
    record(application, user=user, kind=Kind.CONCLUDED, on=on, note=outcomes.BY_CODE[outcome].label)
    return application


@transaction.atomic
def application_withdraw(
    *,
    user: User,
    application: Application,
    on: date,
    note: str = "",
    expected_version: int | None = None,
) -> Application:
    require(user, "handle")
    application = lock(application, expected_version)
    require_open_case(application)
    check_date(application, on)
    application.outcome = "other.other"
    application.concluded_on = on
    application.outcome_reason = "申请人撤回申请" + (f"：{note.strip()}" if note.strip() else "")
    record(application, user=user, kind=Kind.WITHDRAWN, on=on, note=note.strip())
    return application


@transaction.atomic
def application_reply_on_the_spot(
    *, user: User, application: Application, outcome: str, reason: str = "", basis: str = ""
) -> Application:
    """当场答复: concluded on the received date."""
    return application_conclude(
        user=user,
        application=application,
        on=application.received_on,
        outcome=outcome,
        reason=reason,
        basis=basis,
    )


def third_party_reply_due(start_on: date) -> date:
    return engine.third_party_reply_due(start_on, get_calendar())
