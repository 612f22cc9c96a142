"""The actions on a case: what each is (its form, its service, its words) and which of them fit a case
and a user (the case page's action panel)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from cases import access, timeutil
from cases import fees as fee_rules
from cases.clock import engine
from cases.forms_handling import (
    AssignForm,
    ConcludeForm,
    EndConsultationForm,
    ExtendForm,
    FeeNotifyForm,
    FeePayForm,
    FeeWaiveForm,
    OnTheSpotForm,
    ReceiveSupplementForm,
    RequestSupplementForm,
    SetDeadlineForm,
    StartConsultationForm,
    WithdrawForm,
)
from cases.models import Application, ApplicationEvent, Fee, User
from cases.services import fees as fee_services
from cases.services import handling
from cases.services.casework import ORDERED_KINDS

Status = Application.Status
Kind = ApplicationEvent.Kind


@dataclass(frozen=True)
class Action:
    slug: str
    title: str
    form: type
    service: Callable
    done: str
    capability: str = "handle"
    intro: str = ""
    danger: bool = False


ACTIONS: dict[str, Action] = {
    a.slug: a
    for a in [
        Action(
            "assign",
            "分办",
            AssignForm,
            handling.application_assign,
            "已分办。",
            capability="assign",
            intro="由负责人指定或改派承办人。",
        ),
        Action(
            "reply-on-the-spot",
            "当场答复",
            OnTheSpotForm,
            handling.application_reply_on_the_spot,
            "已当场答复并办结。",
            intro="能够当场答复的，应当当场予以答复（《条例》第三十三条）；以收到申请之日为答复日期。",
        ),
        Action(
            "request-supplement",
            "告知补正",
            RequestSupplementForm,
            handling.application_request_supplement,
            "已告知补正，答复期限自收到补正之日起重新计算。",
            intro=f"申请内容不明确的，自收到申请之日起{engine.SUPPLEMENT_NOTICE_DAYS}个工作日内"
            "一次性告知申请人作出补正，"
            "说明需要补正的事项和合理的补正期限（《条例》第三十条）。每件申请只能告知一次。",
        ),
        Action(
            "receive-supplement",
            "收到补正",
            ReceiveSupplementForm,
            handling.application_receive_supplement,
            "已登记收到补正，答复期限自该日起重新计算。",
        ),
        Action(
            "start-consultation",
            "征求意见",
            StartConsultationForm,
            handling.application_start_consultation,
            "已开始征求意见，期间不计入答复期限。",
            intro="征求第三方和其他机关意见所需时间不计算在答复期限内（《条例》第三十三条第三款）。",
        ),
        Action(
            "end-consultation",
            "征求意见结束",
            EndConsultationForm,
            handling.application_end_consultation,
            "征求意见已结束，答复期限恢复计算。",
        ),
        Action(
            "extend",
            "延长答复期限",
            ExtendForm,
            handling.application_extend,
            "已延长答复期限。",
            intro="需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人；"
            "须在答复期限届满前作出。",
        ),
        Action(
            "set-deadline",
            "确定合理答复期限",
            SetDeadlineForm,
            handling.application_set_deadline,
            "已确定合理答复期限。",
            intro="申请公开政府信息的数量、频次明显超过合理范围，申请理由合理但无法在法定期限内答复的，"
            "可以确定延迟答复的合理期限并告知申请人（《条例》第三十五条）。",
        ),
        Action(
            "notify-fee",
            "收费通知",
            FeeNotifyForm,
            fee_services.fee_notify,
            "已发出收费通知，缴费前的期间不计入答复期限。",
        ),
        Action("pay-fee", "登记缴费", FeePayForm, fee_services.fee_pay, "已登记缴费。"),
        Action(
            "waive-fee",
            "减免费用",
            FeeWaiveForm,
            fee_services.fee_waive,
            "已减免费用。",
            intro="减免须经负责人批准，并写明理由。",
        ),
        Action(
            "conclude",
            "办结答复",
            ConcludeForm,
            handling.application_conclude,
            "已办结。",
            intro="每件申请有且只有一个办理结果；部分公开、不予公开、无法提供、不予处理的，"
            "须说明理由和法律依据；其他处理的，须写明作何处理。",
        ),
        Action(
            "withdraw",
            "申请人撤回",
            WithdrawForm,
            handling.application_withdraw,
            "已登记撤回，以“其他处理”办结。",
            danger=True,
        ),
    ]
}


@dataclass(frozen=True)
class ActionLink:
    slug: str
    title: str
    url: str
    danger: bool = False
    primary: bool = False


# the natural next step for each state: the panel's primary button
NEXT_STEP = {
    Status.OPEN: "conclude",
    Status.AWAITING_SUPPLEMENT: "receive-supplement",
    Status.CONSULTING: "end-consultation",
    Status.AWAITING_FEE: "pay-fee",
}


def actions_for(user: User, application: Application, events, fee: Fee | None) -> list[ActionLink]:
    """The actions that fit the case's state and the user's role (the services check them again)."""
    if application.is_voided or not access.can(user, "handle"):
        return []
    status = application.status
    concluded = status == Status.CONCLUDED
    steps = [e for e in events if e.kind in ORDERED_KINDS and e.kind != Kind.REGISTERED]
    kinds = {e.kind for e in events}
    today = timeutil.today()
    within = application.deadline is None or today <= application.deadline
    cap = engine.extension_cap(application.regime)
    # awaiting payment within its period, every outcome is refused (conclusion._check_conclusion_state):
    # pay, waive or withdraw first; once lapsed, only 逾期未缴费 concludes it
    awaiting_fee = status == Status.AWAITING_FEE and fee is not None
    fee_pending = awaiting_fee and not fee.lapsed(today)
    fee_lapsed = awaiting_fee and fee.lapsed(today)
    fits = {
        "assign": not concluded and access.can(user, "assign"),
        "request-supplement": status == Status.OPEN and Kind.SUPPLEMENT_REQUESTED not in kinds,
        "receive-supplement": status == Status.AWAITING_SUPPLEMENT,
        "start-consultation": status == Status.OPEN,
        "end-consultation": status == Status.CONSULTING,
        "extend": status == Status.OPEN
        and Kind.DEADLINE_SET not in kinds
        and application.extension_days < cap
        and within,
        "set-deadline": status == Status.OPEN
        and application.regime == engine.REGIME_2019
        and within,
        "notify-fee": status == Status.OPEN
        and fee is None
        and bool(fee_rules.allowed_methods(application.received_on)),
        "pay-fee": status == Status.AWAITING_FEE,
        "waive-fee": status == Status.AWAITING_FEE,
        "conclude": not concluded and status != Status.CONSULTING and not fee_pending,
        "reply-on-the-spot": status == Status.OPEN and not steps,
        "withdraw": not concluded and not fee_lapsed,
    }
    primary = NEXT_STEP.get(status)
    return [
        ActionLink(
            slug,
            ACTIONS[slug].title,
            _action_url(application, slug),
            danger=ACTIONS[slug].danger,
            primary=slug == primary,
        )
        for slug, ok in fits.items()
        if ok
    ]


def _action_url(application: Application, slug: str) -> str:
    return reverse("application-action", args=[application.pk, slug])
