"""django-filter FilterSets: the API's parsing and validation of list parameters. The meaning of each
filter lives in one place, cases/selectors.py, which the pages use too: the FilterSets only turn the
query string into selectors.ApplicationFilters / ConsultationFilters."""

from collections.abc import Callable

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases import access, selectors
from cases.models import Applicant, Application, Consultation, Remedy
from cases.timeutil import DATE_RANGE_MESSAGE

from .fields import EARLIEST_YEAR, LATEST_YEAR, MAX_ID
from .serializers import OUTCOME_CHOICES

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


class IntegerFilter(django_filters.Filter):
    """An integer parameter; the bounds it is given (min_value, max_value) are in the schema too, so
    a client that follows the schema is never refused for a number."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        schema: dict = {"type": "integer"}
        for key, bound in (("minimum", "min_value"), ("maximum", "max_value")):
            if self.extra.get(bound) is not None:
                schema[key] = self.extra[bound]
        if self.extra.get("help_text"):
            schema["description"] = self.extra["help_text"]
        extend_schema_field(schema)(self)


class YesNoFormField(forms.Field):
    """A yes or a no as DRF's BooleanField reads one (the report's include_children): true/false,
    1/0, yes/no, on/off in any case; anything else is refused, never read as "not asked for"."""

    default_error_messages = {"invalid": "请填写 true 或 false。"}

    def to_python(self, value) -> bool | None:
        if value in self.empty_values:
            return None
        value = value.lower()  # as DRF's BooleanField
        if value in serializers.BooleanField.TRUE_VALUES:
            return True
        if value in serializers.BooleanField.FALSE_VALUES:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class YesNoFilter(django_filters.Filter):
    """A yes-or-no parameter (YesNoFormField), a boolean in the schema with its help text."""

    field_class = YesNoFormField

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        schema: dict = {"type": "boolean"}
        if self.extra.get("help_text"):
            schema["description"] = self.extra["help_text"]
        extend_schema_field(schema)(self)


def agency_filter() -> django_filters.CharFilter:
    """An office by its code; SelectorFilterSet.is_valid turns it into the office, if the caller may
    see it (else a 400 on this parameter)."""
    return django_filters.CharFilter(method="parse_only", max_length=100, help_text="机关代码")


class DateOrderForm(forms.Form):
    """received_after <= received_before, else a clear 400."""

    def clean(self):
        data = super().clean()
        after, before = data.get("received_after"), data.get("received_before")
        if after and before and after > before:
            self.add_error("received_before", ORDER_MESSAGE)
        return data


def include_children_filter() -> YesNoFilter:
    return YesNoFilter(method="parse_only", help_text="与 agency 一起使用：含下级机关")


class SharedFields(dict):
    """A form's fields that each form instance shares instead of deep-copying them (Django's default,
    for forms that change their fields per instance; these forms only validate)."""

    def __deepcopy__(self, memo):
        return dict(self)


class SelectorFilterSet(django_filters.FilterSet):
    """Every filter only parses; filter_queryset hands the parsed values to the selector: each filter
    sets the field of the same name of `filters_class`, and one left out (or empty) keeps its default.

    Because the filters only parse and none depends on the request, they and the form class built
    from them are made once per FilterSet class instead of deep-copied on every request."""

    filters_class: type  # selectors.ApplicationFilters, …
    selector: Callable[..., QuerySet]  # its list function, as a staticmethod

    class Meta:
        fields: list[str] = []
        form = DateOrderForm

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = self.base_filters  # shared: see the class docstring

    @classmethod
    def shared_form_class(cls) -> type[forms.Form]:
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            fields = {name: filter_.field for name, filter_ in cls.base_filters.items()}
            form_class = type(f"{cls.__name__}Form", (cls._meta.form,), fields)
            form_class.base_fields = SharedFields(form_class.base_fields)
            cls._form_class = form_class
        return form_class

    def get_form_class(self) -> type[forms.Form]:
        return self.shared_form_class()

    def parse_only(self, queryset, name, value):
        return queryset

    def is_valid(self) -> bool:
        """The form's checks, then the office: one the caller may see, else a 400 on `agency`."""
        if not super().is_valid():
            return False
        code = self.form.cleaned_data.get("agency")
        if code:
            agency = access.find_visible_agency(self.request.user, code)
            if agency is None:
                self.form.add_error("agency", access.AGENCY_NOT_VISIBLE)
                return False
            self.form.cleaned_data["agency"] = agency
        return True

    def filter_queryset(self, queryset):
        d = self.form.cleaned_data
        given = {name: d[name] for name in self.filters if d.get(name) not in (None, "")}
        return self.selector(self.request.user, self.filters_class(**given))


class ApplicationFilterSet(SelectorFilterSet):
    filters_class = selectors.ApplicationFilters
    selector = staticmethod(selectors.application_list)

    agency = agency_filter()
    include_children = include_children_filter()
    status = django_filters.ChoiceFilter(choices=Application.Status.choices, method="parse_only")
    channel = django_filters.ChoiceFilter(choices=Application.Channel.choices, method="parse_only")
    applicant_type = django_filters.ChoiceFilter(
        choices=Applicant.Type.choices, method="parse_only"
    )
    outcome = django_filters.ChoiceFilter(choices=OUTCOME_CHOICES, method="parse_only")
    overdue = YesNoFilter(
        method="parse_only", help_text="true：只列超期未办结的申请；false：只列未超期的申请"
    )
    due_within = IntegerFilter(
        method="parse_only",
        min_value=0,
        max_value=selectors.DUE_WITHIN_MAX,
        help_text="答复期限在今后N个工作日内（未超期、未办结）",
    )
    received_after = BoundedDateFilter(method="parse_only", help_text="收到申请之日不早于（含）")
    received_before = BoundedDateFilter(method="parse_only", help_text="收到申请之日不晚于（含）")
    search = django_filters.CharFilter(
        method="parse_only", max_length=selectors.SEARCH_MAX, help_text="编号、申请人、申请内容"
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in selectors.ORDERINGS],
        method="parse_only",
        help_text="默认 -received_on",
    )

    class Meta(SelectorFilterSet.Meta):
        model = Application


class ConsultationFilterSet(SelectorFilterSet):
    filters_class = selectors.ConsultationFilters
    selector = staticmethod(selectors.consultation_list)

    agency = agency_filter()
    include_children = include_children_filter()
    channel = django_filters.ChoiceFilter(choices=Consultation.Channel.choices, method="parse_only")
    answered = YesNoFilter(method="parse_only")
    received_after = BoundedDateFilter(method="parse_only", help_text="受理日期不早于（含）")
    received_before = BoundedDateFilter(method="parse_only", help_text="受理日期不晚于（含）")
    search = django_filters.CharFilter(
        method="parse_only", max_length=selectors.SEARCH_MAX, help_text="主题、内容、咨询人"
    )

    class Meta(SelectorFilterSet.Meta):
        model = Consultation


class RemedyFilterSet(django_filters.FilterSet):
    application = IntegerFilter(
        field_name="application_id", min_value=1, max_value=MAX_ID, help_text="申请的id"
    )
    kind = django_filters.ChoiceFilter(choices=Remedy.Kind.choices)
    result = django_filters.ChoiceFilter(choices=Remedy.Result.choices)

    class Meta:
        model = Remedy
        fields: list[str] = []
