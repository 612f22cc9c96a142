"""The handler's pages: the workbench, one page per action on a case, notices, remedies.

Thin views over the services (the same ones the API calls): the form parses, the service checks the
state and the dates and saves, a refusal is shown next to the field it concerns and changes nothing.
Every action page posts the version of the case it showed, so a concurrent change is reported, never
overwritten."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from cases import access, outcomes, timeutil
from cases import fees as fee_rules
from cases.clock import engine
from cases.clocksync import clock_of
from cases.errors import StaleVersion, StateConflict
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
    RemedyForm,
    RemedyUpdateForm,
    RequestSupplementForm,
    SetDeadlineForm,
    StartConsultationForm,
    WithdrawForm,
    WorkbenchFilterForm,
    basis_suggestions,
)
from cases.models import Application, ApplicationEvent, Fee, Remedy, User
from cases.notices import NoticeUnavailable, available_notices, build_notice
from cases.notices.docx import DOCX_TYPE, to_docx
from cases.selectors import countdown
from cases.selectors_board import WorkbenchFilters, build_workbench
from cases.services import fees as fee_services
from cases.services import handling, remedies
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
            intro="申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人作出补正，"
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
            "须说明理由和法律依据。",
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
    within = application.deadline is None or timeutil.today() <= application.deadline
    cap = engine.extension_cap(application.regime)
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
        "conclude": not concluded and status != Status.CONSULTING,
        "reply-on-the-spot": status == Status.OPEN and not steps,
        "withdraw": not concluded,
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


def _case_context(application: Application) -> dict:
    return {
        "application": application,
        "clock": clock_of(application),
        "countdown": countdown(application),
    }


def _service_error(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        form.add_service_errors(exc)
    else:
        form.add_error(None, exc.messages)


@login_required
@require_http_methods(["GET", "POST"])
def application_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("没有这项操作。")
    application = access.get_application_for_user(request.user, pk, write=True)
    access.require(request.user, spec.capability)
    form = spec.form(request.POST or None, application=application)
    stale = False
    if request.method == "POST" and form.is_valid():
        try:
            spec.service(
                user=request.user,
                application=application,
                expected_version=form.cleaned_data["version"],
                **form.service_kwargs(),
            )
        except ValidationError as exc:
            _service_error(form, exc)
        except StaleVersion as exc:
            form.add_error(None, exc.message)
            stale = True
        except StateConflict as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"{application.number}：{spec.done}")
            return redirect("application-detail", pk=application.pk)
    context = _case_context(application) | {"form": form, "action": spec, "stale": stale}
    if action == "notify-fee":
        context |= _fee_context(application)
    if action in ("conclude", "reply-on-the-spot"):
        suggestions = basis_suggestions(application.regime)
        context["basis_suggestions"] = suggestions
        context["basis_table"] = [
            (outcomes.BY_CODE[code].label, basis) for code, basis in suggestions.items() if basis
        ]
    return render(request, "cases/handling/action.html", context, status=200)


def _fee_context(application: Application) -> dict:
    allowed = fee_rules.allowed_methods(application.received_on)
    context: dict = {
        "fee_methods": allowed,
        "fee_blocked": fee_rules.fee_allowed(application.received_on),
        "per_page_standard": fee_rules.PER_PAGE_STANDARD,
        "per_item_standard": fee_rules.PER_ITEM_STANDARD,
    }
    if fee_rules.PER_ITEM in allowed:
        context["per_item_quote"] = fee_services.quote(application, method=fee_rules.PER_ITEM)
    return context


# --- remedies (law.md §7) ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def remedy_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, pk, write=True)
    form = RemedyForm(request.POST or None, initial={"filed_on": timeutil.today()})
    if request.method == "POST" and form.is_valid():
        try:
            remedies.remedy_record(user=request.user, application=application, **form.cleaned_data)
        except ValidationError as exc:
            _service_error(form, exc)
        else:
            messages.success(request, "已登记复议、诉讼或申诉。")
            return redirect("application-detail", pk=application.pk)
    context = _case_context(application) | {"form": form, "title": "登记复议、诉讼或申诉"}
    return render(request, "cases/handling/remedy.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def remedy_edit(request: HttpRequest, pk: int, remedy_pk: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, pk, write=True)
    remedy = get_object_or_404(Remedy, pk=remedy_pk, application=application)
    form = RemedyUpdateForm(
        request.POST or None,
        initial={"result": remedy.result, "decided_on": remedy.decided_on or timeutil.today()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            remedies.remedy_update(user=request.user, remedy=remedy, **form.cleaned_data)
        except ValidationError as exc:
            _service_error(form, exc)
        else:
            messages.success(request, "已记录结果。")
            return redirect("application-detail", pk=application.pk)
    title = f"记录结果：{remedy.get_kind_display()}（{remedy.filed_on:%Y-%m-%d}提起）"
    context = _case_context(application) | {"form": form, "title": title, "remedy": remedy}
    return render(request, "cases/handling/remedy.html", context)


# --- notices (law.md §4–§6) -------------------------------------------------------------------------


def _notice_for(request: HttpRequest, pk: int, kind: str):
    application = access.get_application_for_user(request.user, pk)
    access.require(request.user, "handle")
    event = request.GET.get("event", "")
    try:
        return application, build_notice(
            application, kind, event_id=int(event) if event.isdigit() else None
        )
    except NoticeUnavailable as exc:
        raise Http404(str(exc)) from None


@login_required
@require_GET
def notice_page(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    application, notice = _notice_for(request, pk, kind)
    query = request.GET.urlencode()
    docx_url = reverse("notice-docx", args=[pk, kind]) + (f"?{query}" if query else "")
    return render(
        request,
        "cases/handling/notice.html",
        {"application": application, "notice": notice, "docx_url": docx_url},
    )


@login_required
@require_GET
def notice_docx(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    _, notice = _notice_for(request, pk, kind)
    response = HttpResponse(to_docx(notice), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, notice.filename)
    return response


def notice_links(application: Application, events, fee) -> list[dict]:
    out = []
    for link in available_notices(application, events, fee):
        query = f"?event={link.event_id}" if link.event_id else ""
        out.append(
            {
                "title": link.title,
                "dated": link.dated,
                "url": reverse("notice", args=[application.pk, link.kind]) + query,
                "docx": reverse("notice-docx", args=[application.pk, link.kind]) + query,
            }
        )
    return out


# --- the workbench ----------------------------------------------------------------------------------


@login_required
@require_GET
def workbench(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "handle")
    form = WorkbenchFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = WorkbenchFilters(
        scope=data.get("scope") or "mine",
        flag=data.get("flag") or "",
        status=data.get("status") or "",
        q=data.get("q") or "",
    )
    bench = build_workbench(request.user, filters)
    return render(
        request,
        "cases/handling/workbench.html",
        {"bench": bench, "filters": filters, "form": form},
    )
