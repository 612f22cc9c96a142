"""The forms of a case's remedies (复议, 诉讼, 投诉): recording one and updating its result."""

from django import forms

from cases.forms import DATE_INPUT, ServiceErrorsMixin
from cases.forms_handling.base import text_field
from cases.models import Remedy


class RemedyForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label="类型", choices=Remedy.Kind.choices)
    filed_on = forms.DateField(label="提起日期", widget=DATE_INPUT)
    result = forms.ChoiceField(
        label="结果", choices=Remedy.Result.choices, initial=Remedy.Result.PENDING
    )
    decided_on = forms.DateField(label="审结日期", widget=DATE_INPUT, required=False)
    note = text_field("说明", required=False)


class RemedyUpdateForm(ServiceErrorsMixin, forms.Form):
    result = forms.ChoiceField(label="结果", choices=Remedy.Result.choices)
    decided_on = forms.DateField(label="审结日期", widget=DATE_INPUT, required=False)
    note = text_field("说明", required=False)
