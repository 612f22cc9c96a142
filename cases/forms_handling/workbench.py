"""The handler's workbench filters (scope, deadline flag, status, search)."""

from django import forms

from cases.models import Application
from cases.selectors import SEARCH_MAX


class WorkbenchFilterForm(forms.Form):
    """GET filters of the workbench (never invalid: a bad value is ignored)."""

    SCOPES = [("mine", "我承办的"), ("office", "本机关全部"), ("unassigned", "未分办")]
    FLAGS = [
        ("", "全部"),
        ("overdue", "已超期"),
        ("due_soon", "即将到期"),
        ("provisional", "期限待确认"),
    ]
    scope = forms.ChoiceField(label="范围", choices=SCOPES, required=False)
    flag = forms.ChoiceField(label="期限", choices=FLAGS, required=False)
    status = forms.ChoiceField(
        label="状态",
        choices=[("", "全部状态")]
        + [c for c in Application.Status.choices if c[0] != Application.Status.CONCLUDED],
        required=False,
    )
    q = forms.CharField(label="搜索", max_length=SEARCH_MAX, required=False)
