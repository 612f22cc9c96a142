"""The administrators' own page for the working-day calendar (besides Django admin)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from cases import access, timeutil
from cases.forms import DATE_INPUT, ServiceErrorsMixin
from cases.models import CalendarDay, CalendarYear
from cases.services import calendar as calendar_services


class DayForm(ServiceErrorsMixin, forms.Form):
    day = forms.DateField(label="日期", widget=DATE_INPUT)
    workday = forms.BooleanField(label="调休上班（周末上班）", required=False)
    name = forms.CharField(label="名称", max_length=50, help_text="如：春节、春节调休上班")
    source = forms.CharField(
        label="来源", max_length=200, required=False, help_text="如：国办发明电〔2026〕X号"
    )


class YearForm(ServiceErrorsMixin, forms.Form):
    year = forms.IntegerField(
        label="年度", min_value=calendar_services.FIRST_YEAR, max_value=calendar_services.LAST_YEAR
    )
    source = forms.CharField(
        label="来源", max_length=200, help_text="国务院办公厅关于该年部分节假日安排的通知文号"
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "calendar")
    today = timeutil.today()
    first, last = calendar_services.FIRST_YEAR, calendar_services.LAST_YEAR
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = None
    if year is None or not first <= year <= last:
        # a year the calendar cannot hold (and no date can have: a 500 before)
        year = today.year
        messages.warning(request, f"年度应为{first}年至{last}年之间的整数，现显示{year}年。")
    day_form = DayForm(request.POST if request.POST.get("form") == "day" else None)
    year_form = YearForm(
        request.POST if request.POST.get("form") == "year" else None, initial={"year": year}
    )
    if request.method == "POST":
        form = day_form if request.POST.get("form") == "day" else year_form
        if form.is_valid():
            try:
                if form is day_form:
                    moved = calendar_services.calendar_set_day(
                        user=request.user, **form.cleaned_data
                    )
                else:
                    moved = calendar_services.calendar_mark_year_covered(
                        user=request.user, **form.cleaned_data
                    )
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(
                    request,
                    f"已保存。办理中申请已重新计算期限，其中{moved}件的期限发生变化（已记入各案历史）。",
                )
                return redirect(
                    f"{request.path}?year={form.cleaned_data.get('year') or form.cleaned_data['day'].year}"
                )
    return render(
        request,
        "cases/calendar/calendar.html",
        {
            "year": year,
            "days": CalendarDay.objects.filter(day__year=year),
            "years": CalendarYear.objects.all(),
            "covered": CalendarYear.objects.filter(year=year).exists(),
            "day_form": day_form,
            "year_form": year_form,
        },
    )
