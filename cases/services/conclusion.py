"""Concluding a case: the reply (law.md §6), the applicant's withdrawal, the reply on the spot.

Like every action: keyword-only, one transaction, the row locked, the state and dates checked, an event
recorded and the clock recomputed. A refusal changes nothing."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from cases import outcomes
from cases.clocksync import clock_of
from cases.errors import StateConflict
from cases.models import Application, ApplicationEvent, User

from .casework import ORDERED_KINDS, check_date, lock_for_action, record, require_open_case

Kind = ApplicationEvent.Kind
Status = Application.Status


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
        if not fee.lapsed(on):
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
        fee = getattr(application, "fee", None)
        if fee is not None and fee.lapsed(on):
            raise StateConflict(
                f"缴费期限已于{fee.pay_due_on}届满，申请人逾期未缴费的，视为放弃申请，"
                "应以“逾期未缴费”办结；申请人已在期限内缴费的，请先按实际缴费日期登记缴费。"
            )
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
    application = lock_for_action(user, application, expected_version)
    require_open_case(application)
    if outcome not in outcomes.BY_CODE:
        raise ValidationError({"outcome": ["请选择有效的办理结果。"]})
    check_date(application, on)
    errors: dict[str, list[str]] = {}
    if outcome in outcomes.NEEDS_REASON and not reason.strip():
        errors["reason"] = ["该办理结果须写明理由。"]
    if outcome in outcomes.NEEDS_ACCOUNT and not reason.strip():
        errors["reason"] = ["“其他处理”须在理由中写明作何处理，答复书据此告知申请人。"]
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
    application = lock_for_action(user, application, expected_version)
    require_open_case(application)
    check_date(application, on)
    fee = getattr(application, "fee", None)
    if application.status == Status.AWAITING_FEE and fee is not None and fee.lapsed(on):
        raise StateConflict(
            f"缴费期限已于{fee.pay_due_on}届满，视为放弃申请，不能再撤回，应以“逾期未缴费”办结。"
        )
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
    application = lock_for_action(user, application, expected_version)
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
