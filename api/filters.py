"""django-filter FilterSets: the API's parsing and validation of list parameters. The meaning of each
filter lives in one place, cases/selectors.py, which the pages use too: the FilterSets only turn the
query string into selectors.ApplicationFilters / ConsultationFilters."""

import django_filters
from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from cases import access, selectors
from cases.models import Agency, Applicant, Application, Consultation, Remedy

from .fields import EARLIEST_YEAR, LATEST_YEAR, MAX_ID
from .serializers import OUTCOME_CHOICES

DATE_RANGE_MESSAGE = f"日期应在{EARLIEST_YEAR}年至{LATEST_YEAR}年之间。"
ORDER_MESSAGE = "截止日期不能早于起始日期。"


class BoundedDateFormField(forms.DateField):
    input_formats = ["%Y-%m-%d"]

    def clean(self, value):
        day = super().clean(value)
        if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise forms.ValidationError(DATE_RANGE_MESSAGE, code="range")
        return day


class BoundedDateFilter(django_filters.DateFilter):
    field_class = BoundedDateFormField


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(django_filters.Filter):
    field_class = forms.IntegerField


def visible_agencies(request):
    if request is None:  # schema generation
        return Agency.objects.all()
    return access.visible_agencies(request.user)


def agency_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        queryset=visible_agencies,
        to_field_name="code",
        method="parse_only",
        help_text="机关代码",
        error_messages={"invalid_choice": "找不到该机关，或您无权查看。"},
    )


class DateOrderForm(forms.Form):
    """received_after <= received_before, else a clear 400."""

    def clean(self):
        data = super().clean()
        after, before = data.get("received_after"), data.get("received_before")
        if after and before and after > before:
            self.add_error("received_before", ORDER_MESSAGE)
        return data


class SelectorFilterSet(django_filters.FilterSet):
    """Every filter only parses; filter_queryset hands the parsed values to the selector."""

    def parse_only(self, queryset, name, value):
        return queryset


class ApplicationFilterSet(SelectorFilterSet):
    agency = agency_filter()
    include_children = django_filters.BooleanFilter(
        method="parse_only", help_text="与 agency 一起使用：含下级机关"
    )
    status = django_filters.ChoiceFilter(choices=Application.Status.choices, method="parse_only")
    channel = django_filters.ChoiceFilter(choices=Application.Channel.choices, method="parse_only")
    applicant_type = django_filters.ChoiceFilter(
        choices=Applicant.Type.choices, method="parse_only"
    )
    outcome = django_filters.ChoiceFilter(choices=OUTCOME_CHOICES, method="parse_only")
    overdue = django_filters.BooleanFilter(
        method="parse_only", help_text="true：只列超期未办结的申请"
    )
    due_within = IntegerFilter(
        method="parse_only",
        min_value=0,
        max_value=250,
        help_text="答复期限在今后N个工作日内（未超期、未办结）",
    )
    received_after = BoundedDateFilter(method="parse_only", help_text="收到申请之日不早于（含）")
    received_before = BoundedDateFilter(method="parse_only", help_text="收到申请之日不晚于（含）")
    search = django_filters.CharFilter(
        method="parse_only", max_length=200, help_text="编号、申请人、申请内容"
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in selectors.ORDERINGS],
        method="parse_only",
        help_text="默认 -received_on",
    )

    class Meta:
        model = Application
        fields: list[str] = []
        form = DateOrderForm

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        filters = selectors.ApplicationFilters(
            agency=d.get("agency"),
            include_children=bool(d.get("include_children")),
            status=d.get("status") or "",
            channel=d.get("channel") or "",
            applicant_type=d.get("applicant_type") or "",
            outcome=d.get("outcome") or "",
            overdue=bool(d.get("overdue")),
            due_within=d.get("due_within"),
            received_after=d.get("received_after"),
            received_before=d.get("received_before"),
            search=d.get("search") or "",
            ordering=d.get("ordering") or "",
        )
        return selectors.application_list(self.request.user, filters)


class ConsultationFilterSet(SelectorFilterSet):
    agency = agency_filter()
    include_children = django_filters.BooleanFilter(
        method="parse_only", help_text="与 agency 一起使用：含下级机关"
    )
    channel = django_filters.ChoiceFilter(choices=Consultation.Channel.choices, method="parse_only")
    answered = django_filters.BooleanFilter(method="parse_only")
    received_after = BoundedDateFilter(method="parse_only", help_text="受理日期不早于（含）")
    received_before = BoundedDateFilter(method="parse_only", help_text="受理日期不晚于（含）")
    search = django_filters.CharFilter(
        method="parse_only", max_length=200, help_text="主题、内容、咨询人"
    )

    class Meta:
        model = Consultation
        fields: list[str] = []
        form = DateOrderForm

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        filters = selectors.ConsultationFilters(
            agency=d.get("agency"),
            include_children=bool(d.get("include_children")),
            channel=d.get("channel") or "",
            answered=d.get("answered"),
            received_after=d.get("received_after"),
            received_before=d.get("received_before"),
            search=d.get("search") or "",
        )
        return selectors.consultation_list(self.request.user, filters)


class RemedyFilterSet(django_filters.FilterSet):
    application = IntegerFilter(
        field_name="application_id", min_value=1, max_value=MAX_ID, help_text="申请的id"
    )
    kind = django_filters.ChoiceFilter(choices=Remedy.Kind.choices)
    result = django_filters.ChoiceFilter(choices=Remedy.Result.choices)

    class Meta:
        model = Remedy
        fields: list[str] = []
