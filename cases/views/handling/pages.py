"""The page of each action on a case, and the workbench."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cases import access, outcomes
from cases import fees as fee_rules
from cases.clock import engine
from cases.clocksync import clock_of
from cases.errors import StaleVersion, StateConflict
from cases.forms_handling import WorkbenchFilterForm, basis_suggestions
from cases.models import Application
from cases.selectors import countdown
from cases.selectors_workbench import WorkbenchFilters, build_workbench
from cases.services import fees as fee_services

from ..common import ignored_filter
from .actions import ACTIONS


def case_context(application: Application) -> dict:
    return {
        "application": application,
        "clock": clock_of(application),
        "countdown": countdown(application),
    }


def add_service_error(form, exc: ValidationError) -> None:
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
            add_service_error(form, exc)
        except StaleVersion as exc:
            form.add_error(None, exc.message)
            stale = True
        except StateConflict as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"{application.number}：{spec.done}")
            return redirect("application-detail", pk=application.pk)
    context = case_context(application) | {"form": form, "action": spec, "stale": stale}
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
        "payment_days": engine.FEE_PAYMENT_DAYS,
    }
    if fee_rules.PER_ITEM in allowed:
        context["per_item_quote"] = fee_services.quote(application, method=fee_rules.PER_ITEM)
    return context


# --- the workbench ----------------------------------------------------------------------------------


@login_required
@require_GET
def workbench(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "handle")
    form = WorkbenchFilterForm(request.GET or None)
    data: dict = {}
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data  # the valid filters; an invalid one is left out, and named
        for name, errors in form.errors.items():
            ignored_filter(request, form.fields[name].label, f"无效（{errors[0].rstrip('。')}）")
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
