"""The front desk: register applications and consultations, today's registrations, lists, details."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods, require_safe

from cases import access, identity, outcomes, selectors
from cases.clocksync import clock_of, get_calendar
from cases.errors import StateConflict
from cases.forms import ApplicationForm, ConsultationAnswerForm, ConsultationForm, VoidForm
from cases.models import Agency, Applicant, Application, Consultation
from cases.services import registration, voiding

from .common import (
    agency_param,
    choice_param,
    date_param,
    int_param,
    paginate,
    querystring_without_page,
    text_param,
)


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (user.is_superuser or access.has_office_role(user)):
        return render(request, "cases/home_no_role.html")
    apps, consultations = selectors.registered_today(request.user)
    cal = get_calendar()
    rows = [(a, selectors.countdown(a, calendar=cal)) for a in apps[:100]]
    return render(
        request, "cases/home.html", {"rows": rows, "consultations": list(consultations[:100])}
    )


def _office_asked(request: HttpRequest, agencies: QuerySet[Agency]) -> dict:
    """{"agency": pk} for a form's office from ?agency=<pk>, if it is one the user may choose; else {}."""
    office = request.GET.get("agency", "")
    if not (office.isascii() and office.isdigit() and len(office) <= 18):
        return {}
    return {"agency": int(office)} if agencies.filter(pk=int(office)).exists() else {}


# the application channel a consultation's channel suggests (a phone call is no written application)
CHANNEL_OF_CONSULTATION = {
    Consultation.Channel.ON_SITE: Application.Channel.IN_PERSON,
    Consultation.Channel.ONLINE: Application.Channel.ONLINE,
}


def _from_consultation(user, source: Consultation) -> dict:
    """A consultation turned into an application: the form starts with its office (so the two can be
    linked), the caller's name and question, the channel it suggests, and the phone to those who may
    see it in full (the front desk sees it masked)."""
    initial = {
        "agency": source.agency_id,
        "applicant_name": source.name,
        "content": source.question or source.topic,
    }
    if source.channel in CHANNEL_OF_CONSULTATION:
        initial["channel"] = CHANNEL_OF_CONSULTATION[source.channel]
    if access.can(user, "handle"):
        initial["applicant_phone"] = source.phone
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def application_register(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "register")
    agencies = selectors.agencies_for_choice(request.user)
    source_pk = request.POST.get("from_consultation") or request.GET.get("from_consultation") or ""
    source = (
        access.get_consultation_for_user(request.user, source_pk) if source_pk.isdigit() else None
    )
    if source is not None:
        initial = _from_consultation(request.user, source)
    else:  # the next registration: the office and the channel of the last one
        initial = _office_asked(request, agencies)
        if request.GET.get("channel") in Application.Channel.values:
            initial["channel"] = request.GET["channel"]
    form = ApplicationForm(request.POST or None, agencies=agencies, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = registration.application_register(
                user=request.user,
                agency=form.cleaned_data["agency"],
                channel=form.cleaned_data["channel"],
                received_on=form.cleaned_data["received_on"],
                submitted_on=form.cleaned_data["submitted_on"],
                applicant=form.applicant_data(),
                content=form.cleaned_data["content"],
                items=form.cleaned_data["items"],
                delivery=form.cleaned_data["delivery"],
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            if source is not None and source.agency_id == application.agency_id:
                try:
                    registration.consultation_link_application(
                        user=request.user, consultation=source, application=application
                    )
                except StateConflict as exc:
                    messages.warning(request, f"{exc}本申请未与该咨询关联。")
            elif source is not None:
                messages.warning(
                    request,
                    f"咨询“{source.topic}”属于{source.agency.name}，与本申请的受理机关不同，"
                    "申请未与咨询关联。",
                )
            provisional = "（待确认）" if application.deadline_provisional else ""
            query = urlencode({"agency": application.agency_id, "channel": application.channel})
            messages.success(
                request,
                format_html(
                    '已登记申请 {}，答复期限 {}{}。 <a href="{}">继续登记下一件</a>',
                    application.number,
                    application.deadline or "待定",
                    provisional,
                    f"{reverse('application-register')}?{query}",
                ),
            )
            return redirect("application-detail", pk=application.pk)
    return render(
        request,
        "cases/application_register.html",
        {
            "form": form,
            "source": source,
            "date_meta": {
                "labels": registration.RECEIPT_DATE_LABELS,
                "help": registration.RECEIPT_DATE_HELP,
            },
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_register(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "register")
    agencies = selectors.agencies_for_choice(request.user)
    # the next call at the office of the last one (a supervisor may cover several offices)
    initial = _office_asked(request, agencies)
    initial["channel"] = request.GET.get("channel", Consultation.Channel.HOTLINE)
    form = ConsultationForm(request.POST or None, agencies=agencies, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = registration.consultation_register(
                user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(
                request, f"已登记咨询：{consultation.topic}（{consultation.get_channel_display()}）"
            )
            return redirect(
                f"{reverse('consultation-register')}"
                f"?channel={consultation.channel}&agency={consultation.agency_id}"
            )
    recent = selectors.registered_today(request.user)[1][:10]
    return render(request, "cases/consultation_register.html", {"form": form, "recent": recent})


def _application_filters(request: HttpRequest) -> selectors.ApplicationFilters:
    return selectors.ApplicationFilters(
        agency=agency_param(request),
        include_children=request.GET.get("include_children") == "on",
        status=choice_param(request, "status", Application.Status.values),
        channel=choice_param(request, "channel", Application.Channel.values),
        applicant_type=choice_param(request, "applicant_type", Applicant.Type.values),
        outcome=choice_param(request, "outcome", outcomes.BY_CODE),
        overdue=request.GET.get("overdue") == "on" or None,
        due_within=int_param(request, "due_within", maximum=selectors.DUE_WITHIN_MAX),
        received_after=date_param(request, "received_after"),
        received_before=date_param(request, "received_before"),
        search=text_param(request, "q", maximum=selectors.SEARCH_MAX),
        ordering=request.GET.get("ordering", ""),
    )


@login_required
@require_safe
def application_list(request: HttpRequest) -> HttpResponse:
    filters = _application_filters(request)
    page = paginate(request, selectors.application_list(request.user, filters))
    cal = get_calendar()
    rows = [(a, selectors.countdown(a, calendar=cal)) for a in page.object_list]
    return render(
        request,
        "cases/application_list.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "agencies": selectors.agencies_for_choice(request.user),
            "statuses": Application.Status.choices,
            "channels": Application.Channel.choices,
            "applicant_types": Applicant.Type.choices,
            "querystring": querystring_without_page(request),
        },
    )


@login_required
@require_safe
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, pk)
    events = list(application.events.select_related("created_by", "approved_by"))
    clock = clock_of(application)
    applicant = application.applicant
    full = access.can(request.user, "handle")
    history = application.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )[:200]
    return render(
        request,
        "cases/application_detail.html",
        {
            "application": application,
            "events": events,
            "clock": clock,
            "countdown": selectors.countdown(application),
            "history": history,
            "remedies": application.remedies.all(),
            "fee": getattr(application, "fee", None),
            "can_handle": access.can(request.user, "handle"),
            "can_void": access.can(request.user, "void"),
            "consultations": application.consultations.filter(voided_at__isnull=True),
            "id_number_shown": applicant.id_number
            if full
            else identity.mask_id_number(applicant.id_number),
            "credit_code_shown": applicant.credit_code
            if full
            else identity.mask_credit_code(applicant.credit_code),
            "phone_shown": applicant.phone if full else identity.mask_phone(applicant.phone),
            "address_shown": applicant.address if full else "",
        },
    )


@login_required
@require_safe
def consultation_list(request: HttpRequest) -> HttpResponse:
    answered = choice_param(request, "answered", ("yes", "no"))
    filters = selectors.ConsultationFilters(
        agency=agency_param(request),
        include_children=request.GET.get("include_children") == "on",
        channel=choice_param(request, "channel", Consultation.Channel.values),
        answered={"yes": True, "no": False}.get(answered),
        received_after=date_param(request, "received_after"),
        received_before=date_param(request, "received_before"),
        search=text_param(request, "q", maximum=selectors.SEARCH_MAX),
    )
    page = paginate(request, selectors.consultation_list(request.user, filters))
    return render(
        request,
        "cases/consultation_list.html",
        {
            "page": page,
            "filters": filters,
            "agencies": selectors.agencies_for_choice(request.user),
            "channels": Consultation.Channel.choices,
            "querystring": querystring_without_page(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = access.get_consultation_for_user(request.user, pk)
    form = ConsultationAnswerForm(request.POST or None)
    if request.method == "POST":
        access.get_consultation_for_user(request.user, pk, write=True)
        if form.is_valid():
            try:
                registration.consultation_answer(
                    user=request.user, consultation=consultation, **form.cleaned_data
                )
            except ValidationError as exc:
                form.add_service_errors(exc)
            except StateConflict as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "已记录答复。")
                return redirect("consultation-detail", pk=pk)
    history = consultation.history.select_related("history_user").order_by("-history_date")[:100]
    full = access.can(request.user, "handle")
    return render(
        request,
        "cases/consultation_detail.html",
        {
            "c": consultation,
            "form": form,
            "history": history,
            "can_void": access.can(request.user, "void"),
            "phone_shown": consultation.phone if full else identity.mask_phone(consultation.phone),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def void(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    # a voided record leaves every page but its history: back to the list, not to its page (a 404)
    if kind == "application":
        obj = access.get_application_for_user(request.user, pk)
        service, back, name = voiding.application_void, "application-list", obj.number
    elif kind == "consultation":
        obj = access.get_consultation_for_user(request.user, pk)
        service, back, name = voiding.consultation_void, "consultation-list", f"咨询“{obj.topic}”"
    else:
        raise PermissionDenied
    access.require(request.user, "void")
    form = VoidForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(user=request.user, **{kind: obj}, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_service_errors(exc)
        except StateConflict as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"{name}已作废，记录保留在历史中。")
            return redirect(back)
    return render(request, "cases/void.html", {"form": form, "obj": obj})
