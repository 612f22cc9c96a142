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

from .casework import (
    ORDERED_KINDS,
    check_date,
    lock,
    record,
    require_approver,
    require_open_case,
    require_status,
)

Kind = ApplicationEvent.Kind
Status = Application.Status

# Decision: an Art. 35 date more than a year after it is set is not a "reasonable" later date.
ART35_MAX_DAYS = 366
# Art. 32 (third party) / Art. 34 (another office that made the information with this one)
PARTY_KINDS = {"third_party": "第三方", "agency": "其他机关"}


@transaction.atomic
def application_assign(
    *, user: User, application: Application, handler: User, expected_version: int | None = None
) -> Application:
    require(user, "assign")
    application = lock(application, expected_version)
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
    require(user, "handle")
    application = lock(application, expected_version)
    require_status(
        application, Status.OPEN, message="只有办理中（期限正在计算）的申请可以开始征求意见。"
    )
    check_date(application, on)
    if not party.strip():
        raise ValidationError({"party": ["请填写征求意见的第三方或机关。"]})
    if party_kind not in PARTY_KINDS:
        raise ValidationError({"party_kind": ["请选择征求意见的对象类型（第三方或其他机关）。"]})
    record(
        application,
        user=user,
        kind=Kind.CONSULTATION_STARTED,
        on=on,
        party=party.strip(),
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
    if application.events.filter(kind=Kind.DEADLINE_SET).exists():
        raise StateConflict("本申请已依《条例》第三十五条确定了合理答复期限，不再延长答复期限。")
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
    """Art. 35: a reasonable later date for requests clearly beyond a reasonable quantity or frequency.
    Set while the clock runs and on or before the current deadline; the 2008 text has no such rule."""
    require(user, "handle")
    application = lock(application, expected_version)
    require_status(
        application,
        Status.OPEN,
        message="只有办理中（期限正在计算）的申请可以确定合理答复期限。",
    )
    if application.regime == engine.REGIME_2008:
        raise StateConflict(
            "2019年5月15日前收到的申请适用原《条例》，没有确定合理答复期限（第三十五条）的规定。"
        )
    check_date(application, on)
    if application.deadline is not None and on > application.deadline:
        raise StateConflict(f"确定合理答复期限须在答复期限（{application.deadline}）届满前作出。")
    if not reason.strip():
        raise ValidationError({"reason": ["请写明确定合理期限的理由（《条例》第三十五条）。"]})
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
    if referred_to.strip() and outcome != "unable.not_held":
        errors["referred_to"] = ["只有“本机关不掌握相关政府信息”的答复才告知有关机关及其联系方式。"]
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
    *,
    user: User,
    application: Application,
    outcome: str,
    reason: str = "",
    basis: str = "",
    referred_to: str = "",
    expected_version: int | None = None,
) -> Application:
    """当场答复 (Art. 33): concluded on the received date, only before any other step was taken."""
    require(user, "handle")
    application = lock(application, expected_version)
    require_open_case(application)
    steps = application.events.filter(kind__in=ORDERED_KINDS).exclude(kind=Kind.REGISTERED)
    if application.status != Status.OPEN or steps.exists():
        raise StateConflict("当场答复只适用于刚登记、尚未开始办理的申请。")
    return application_conclude(
        user=user,
        application=application,
        on=application.received_on,
        outcome=outcome,
        reason=reason,
        basis=basis,
        referred_to=referred_to,
    )


def third_party_reply_due(start_on: date) -> date:
    return engine.third_party_reply_due(start_on, get_calendar())
