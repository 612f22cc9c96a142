"""The annual report page (supervisors and admins): choose office and year, see both layouts as they
are published, download DOCX/XLSX/CSV, publish (freeze), and see what changed since publication."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from cases import access, timeutil
from cases.errors import StateConflict
from cases.models import Agency
from cases.reports import build_report, exports, layout, publish, spec, text


class ReportForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="机关", queryset=Agency.objects.none(), to_field_name="code", empty_label=None
    )
    year = forms.IntegerField(label="年度", min_value=spec.FIRST_YEAR)
    include_children = forms.BooleanField(label="含下级机关", required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["agency"].queryset = access.visible_agencies(user).order_by("path")
        self.fields["year"].max_value = timeutil.today().year
        self.fields["year"].widget.attrs["max"] = timeutil.today().year

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > timeutil.today().year:
            raise forms.ValidationError(f"年度不能晚于{timeutil.today().year}年。")
        return year


def _form(request: HttpRequest, params: QueryDict) -> ReportForm:
    access.require(request.user, "report")
    data = params.copy()
    if not data.get("agency"):
        own = request.user.agency if request.user.agency_id else None
        own = own or access.visible_agencies(request.user).order_by("path").first()
        if own is not None:
            data["agency"] = own.code
    data.setdefault("year", str(publish.default_year()))
    code = data.get("agency")
    if code:
        access.get_agency_for_user(request.user, code)  # 404 for an office the user may not see
    return ReportForm(data, user=request.user)


def _query(agency: Agency, year: int, include_children: bool, **extra) -> str:
    params = QueryDict(mutable=True)
    params.update({"agency": agency.code, "year": str(year), **extra})
    if include_children:
        params["include_children"] = "on"
    return params.urlencode()


def _error_rows(data: dict) -> list[dict]:
    labels = publish.cell_labels(layout.hotline_of(data))
    rows = []
    for e in data.get("errors") or []:
        cells = []
        for cell in e["cells"]:
            year, sep, path = cell.partition(":")
            cells.append(f"{year}年度 {labels.get(path, path)}" if sep else labels.get(cell, cell))
        rows.append({"invariant": e["invariant"], "message": e["message"], "cells": cells})
    return rows


def _layouts(data: dict) -> dict:
    return {
        "data": data,
        "provincial": text.provincial(data),
        "national_note": layout.national_note(data),
        "national_header": layout.national_header(),
        "national_rows": layout.national_rows(data),
        "remedy_header": layout.remedy_header(),
        "remedy_row": layout.remedy_row(data),
        "other_tables": layout.other_tables(data),
        "fee_sentence": layout.national_fee_sentence(data),
        "offices_title": layout.OFFICES_TITLE,
        "office_columns": list(layout.OFFICE_COLUMNS.values()),
        "office_rows": layout.office_rows(data),
    }


@login_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    form = _form(request, request.GET)
    context: dict = {"form": form}
    if form.is_valid():
        agency, year = form.cleaned_data["agency"], form.cleaned_data["year"]
        include_children = form.cleaned_data["include_children"]
        current = build_report(agency, year, include_children=include_children)
        published = publish.published_for(agency, year, include_children)
        shown = published.data if published else current
        context.update(
            agency=agency,
            year=year,
            include_children=include_children,
            current=current,
            published=published,
            shown=_layouts(shown),
            errors=_error_rows(current),
            can_publish=published is None
            and year < timeutil.today().year
            and not current["errors"],
            query=_query(agency, year, include_children),
            downloads=[
                (
                    label,
                    f"{reverse('report-download')}?{_query(agency, year, include_children, format=fmt)}",
                )
                for fmt, label in (
                    ("docx", "下载 DOCX（文字稿和表格）"),
                    ("xlsx", "下载 XLSX（表格）"),
                    ("csv", "下载 CSV"),
                )
            ],
        )
        if published:
            context.update(
                differences=publish.differences(published.data, current),
                changes=publish.changed_cases(published),
                current_download=f"{reverse('report-download')}?"
                + _query(agency, year, include_children, format="xlsx", version="current"),
            )
    return render(request, "cases/reports/report.html", context)


@login_required
@require_GET
def report_download(request: HttpRequest) -> HttpResponse:
    form = _form(request, request.GET)
    fmt = request.GET.get("format", "xlsx")
    if not form.is_valid() or fmt not in exports.CONTENT_TYPES:
        return HttpResponse("参数有误：请选择机关、年度和下载格式（docx、xlsx、csv）。", status=400)
    agency, year = form.cleaned_data["agency"], form.cleaned_data["year"]
    include_children = form.cleaned_data["include_children"]
    data, _, current = publish.issued_or_current(
        agency, year, include_children, current=request.GET.get("version") == "current"
    )
    response = HttpResponse(
        exports.export(data, fmt, current=current), content_type=exports.CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = content_disposition_header(
        True, exports.office_filename(data, fmt, current=current)
    )
    return response


@login_required
@require_POST
def report_publish(request: HttpRequest) -> HttpResponse:
    form = _form(request, request.POST)
    if not form.is_valid():
        messages.error(request, "参数有误：请重新选择机关和年度。")
        return redirect("report")
    agency, year = form.cleaned_data["agency"], form.cleaned_data["year"]
    include_children = form.cleaned_data["include_children"]
    try:
        publish.publish(
            user=request.user, agency=agency, year=year, include_children=include_children
        )
    except StateConflict as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"{agency.name}{year}年度报告已发布（冻结），其数字不再随案件变动。"
        )
    return redirect(f"{reverse('report')}?{_query(agency, year, include_children)}")
