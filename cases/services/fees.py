"""Fee notices, payments and waivers (law.md §5). Notice to payment is a stop of the reply clock."""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Q, Sum, When

from cases import fees, timeutil
from cases.access import can, visible_scope
from cases.clock import engine
from cases.clocksync import get_calendar
from cases.errors import StateConflict
from cases.models import Application, ApplicationEvent, Fee, User

from .casework import (
    check_date,
    last_event_date,
    lock_for_action,
    record,
    require_approver,
    require_status,
    required_text,
)
from .conclusion import application_conclude

Kind = ApplicationEvent.Kind
Status = Application.Status


def prior_items_this_month(application: Application) -> int:
    """件 the same applicant already filed with the same office in the calendar month of receipt."""
    month_start = application.received_on.replace(day=1)
    earlier = Q(received_on__lt=application.received_on) | Q(
        received_on=application.received_on, pk__lt=application.pk
    )
    total = (
        Application.objects.filter(
            agency_id=application.agency_id,
            applicant_id=application.applicant_id,
            received_on__gte=month_start,
            voided_at__isnull=True,
        )
        .filter(earlier)
        .aggregate(n=Sum("items"))["n"]
    )
    return total or 0


def quote(application: Application, *, method: str, pages: int | None = None) -> fees.FeeQuote:
    if method == Fee.Method.PER_ITEM:
        return fees.quote_per_item(
            prior_items_this_month=prior_items_this_month(application), items=application.items
        )
    if pages is None:
        raise ValidationError({"pages": ["按量计收须填写页数。"]})
    try:
        return fees.quote_per_page(pages=pages)
    except ValueError as exc:
        raise ValidationError({"pages": [str(exc)]}) from None


def _cost_amount(amount: Decimal | str | None) -> Decimal:
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({"amount": ["请填写有效的金额。"]}) from None
    if value <= 0 or value > Decimal("1000000"):
        raise ValidationError({"amount": ["金额应大于0且不超过1000000元。"]})
    return value


@transaction.atomic
def fee_notify(
    *,
    user: User,
    application: Application,
    on: date,
    method: str,
    pages: int | None = None,
    amount: Decimal | str | None = None,
    cost_items: str = "",
    expected_version: int | None = None,
) -> Application:
    application = lock_for_action(user, application, expected_version)
    require_status(
        application, Status.OPEN, message="只有办理中（期限正在计算）的申请可以发出收费通知。"
    )
    if Fee.objects.filter(application=application).exists():
        raise StateConflict("本申请已发出过收费通知，一件申请只能采用一种计收方式。")
    check_date(application, on)
    if method not in Fee.Method.values:
        raise ValidationError({"method": ["请选择有效的计收方式。"]})
    if message := fees.fee_method_error(application.received_on, method):
        raise ValidationError({"method": [message]})
    fee = Fee(application=application, method=method, notified_on=on)
    if method == Fee.Method.COST:
        fee.amount = _cost_amount(amount)
        fee.cost_items = cost_items.strip() or "检索费、复制费、邮寄费"
        fee.basis = "2008年《中华人民共和国政府信息公开条例》第二十七条"
        fee.standard = (
            "按照国务院价格主管部门会同国务院财政部门制定的收费标准收取检索、复制、邮寄等成本费用"
        )
    else:
        q = quote(application, method=method, pages=pages)
        if q.amount <= 0:
            raise StateConflict("按规定标准计算，本申请无需收取信息处理费。")
        fee.amount, fee.basis, fee.standard, fee.breakdown = (
            q.amount,
            q.basis,
            q.standard,
            "\n".join(q.breakdown),
        )
        fee.pages = pages if method == Fee.Method.PER_PAGE else None
        if method == Fee.Method.PER_ITEM:
            fee.items = application.items
            fee.prior_items = prior_items_this_month(application)
    fee.pay_due_on = engine.fee_payment_due(on, get_calendar())
    fee._change_reason = f"收费通知（{on}）：{fee.get_method_display()}，金额{fee.amount}元"
    fee.save()
    record(
        application,
        user=user,
        kind=Kind.FEE_NOTIFIED,
        on=on,
        note=f"{fee.get_method_display()}，金额{fee.amount}元",
    )
    return application


def _require_within_pay_period(fee: Fee, on: date, *, also: str = "") -> None:
    """Past the payment period the application counts as abandoned: only "逾期未缴费" concludes it."""
    if fee.lapsed(on):
        raise StateConflict(
            f"缴费期限已于{fee.pay_due_on}届满，视为放弃申请，{also}应以“逾期未缴费”办结。"
        )


@transaction.atomic
def fee_pay(
    *, user: User, application: Application, on: date, expected_version: int | None = None
) -> Application:
    application = lock_for_action(user, application, expected_version)
    require_status(application, Status.AWAITING_FEE, message="本申请没有待缴的费用。")
    check_date(application, on)
    fee = application.fee
    _require_within_pay_period(fee, on)
    fee.paid_on = on
    fee._change_reason = f"缴费（{on}）：缴纳{fee.amount}元"
    fee.save()
    record(application, user=user, kind=Kind.FEE_PAID, on=on, note=f"缴纳{fee.amount}元")
    return application


@transaction.atomic
def fee_waive(
    *,
    user: User,
    application: Application,
    on: date,
    approved_by: User | None,
    reason: str,
    expected_version: int | None = None,
) -> Application:
    application = lock_for_action(user, application, expected_version)
    require_status(application, Status.AWAITING_FEE, message="本申请没有待缴的费用，无需减免。")
    check_date(application, on)
    fee = application.fee
    _require_within_pay_period(fee, on, also="不能再减免，")
    applicant = application.applicant
    if fee.method == Fee.Method.COST and applicant.type != applicant.Type.NATURAL_PERSON:
        raise StateConflict(
            "2008年《条例》第二十八条规定，确有经济困难的公民才可以申请减免费用；"
            f"本申请的申请人是{applicant.get_type_display()}，不能减免。"
        )
    require_approver(application, approved_by)
    reason = required_text(reason, field="reason", message="请写明减免理由。")
    fee.waived_on, fee.waived_by, fee.waive_reason = on, approved_by, reason
    fee._change_reason = f"减免费用（{on}）：{reason}（批准人：{approved_by}）"
    fee.save()
    record(
        application,
        user=user,
        kind=Kind.FEE_WAIVED,
        on=on,
        approved_by=approved_by,
        note=reason,
    )
    return application


FEE_UNPAID_BASIS = {
    engine.REGIME_2019: "《中华人民共和国政府信息公开条例》第四十二条；"
    "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    engine.REGIME_2008: "《中华人民共和国政府信息公开条例》（国务院令第492号）第二十七条",
}


def lapsed_fee_cases(*, today: date | None = None, user: User | None = None):
    """Cases still awaiting a fee whose payment period is over (the fee unpaid past its due date);
    with a user, only those of the offices the user sees."""
    today = today or timeutil.today()
    cases = Application.objects.filter(
        status=Status.AWAITING_FEE, voided_at__isnull=True, fee__pay_due_on__lt=today
    ).select_related("fee", "agency", "handler")
    return cases.filter(visible_scope(user)) if user is not None else cases


def _lapse_actor(application: Application) -> User | None:
    """Who concludes a lapsed case when no user is given: its handler while they may still handle it
    in its office, else a supervisor of its office."""
    handler = application.handler
    if (
        handler is not None
        and can(handler, "handle")
        and handler.agency_id == application.agency_id
    ):
        return handler
    return (
        User.objects.filter(
            agency_id=application.agency_id, is_active=True, role__in=["supervisor", "admin"]
        )
        .order_by(Case(When(role="supervisor", then=0), default=1), "pk")
        .first()
    )


def conclude_lapsed_fees(
    *, user: User | None = None, today: date | None = None
) -> list[Application]:
    """Cases whose fee was not paid within 20 working days: 视为放弃申请 (other.fee_unpaid), concluded
    on the first day after the payment period (or after the case's latest step, if later).

    With no user (the nightly command) each case is concluded in the name of its handler or, failing
    that, a supervisor of its office; a given user concludes only the cases of the offices they see.
    A case that cannot be concluded (changed meanwhile, no one to act) is left as it is for a person
    to see; the others are still concluded."""
    today = today or timeutil.today()
    concluded = []
    for application in lapsed_fee_cases(today=today, user=user):
        actor = user or _lapse_actor(application)
        if actor is None:
            continue
        fee = application.fee
        on = max(fee.pay_due_on + timedelta(days=1), last_event_date(application))
        try:
            concluded.append(
                application_conclude(
                    user=actor,
                    application=application,
                    on=min(on, today),
                    outcome="other.fee_unpaid",
                    reason=f"申请人未在缴费期限（{fee.pay_due_on}）内缴纳费用，视为放弃申请",
                    basis=FEE_UNPAID_BASIS[application.regime],
                )
            )
        except (StateConflict, ValidationError):
            continue
    return concluded
