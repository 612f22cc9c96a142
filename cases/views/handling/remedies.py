"""Reconsideration, litigation and complaints recorded against a case (law.md §7)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from cases import access, timeutil
from cases.errors import StateConflict
from cases.forms_handling import RemedyForm, RemedyUpdateForm
from cases.models import Remedy
from cases.services import remedies

from .pages import add_service_error, case_context


def _remedy_page(request: HttpRequest, application, form, save, done: str, **context):
    """Run `save` with the form's data when it is posted and valid; the form again, with the refusal,
    when the service refuses."""
    if request.method == "POST" and form.is_valid():
        try:
            save(**form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        except StateConflict as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, done)
            return redirect("application-detail", pk=application.pk)
    context = case_context(application) | {"form": form, **context}
    return render(request, "cases/handling/remedy.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def remedy_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, pk, write=True)
    form = RemedyForm(request.POST or None, initial={"filed_on": timeutil.today()})
    save = partial(remedies.remedy_record, user=request.user, application=application)
    return _remedy_page(
        request, application, form, save, "已登记复议、诉讼或申诉。", title="登记复议、诉讼或申诉"
    )


@login_required
@require_http_methods(["GET", "POST"])
def remedy_edit(request: HttpRequest, pk: int, remedy_pk: int) -> HttpResponse:
    application = access.get_application_for_user(request.user, pk, write=True)
    remedy = get_object_or_404(Remedy, pk=remedy_pk, application=application)
    form = RemedyUpdateForm(
        request.POST or None,
        initial={"result": remedy.result, "decided_on": remedy.decided_on or timeutil.today()},
    )
    save = partial(remedies.remedy_update, user=request.user, remedy=remedy)
    title = f"记录结果：{remedy.get_kind_display()}（{remedy.filed_on:%Y-%m-%d}提起）"
    return _remedy_page(
        request, application, form, save, "已记录结果。", title=title, remedy=remedy
    )
