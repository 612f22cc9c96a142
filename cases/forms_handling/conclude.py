"""The forms of the reply: the outcome fields, concluding a case, replying on the spot, and the
articles suggested as the basis of each outcome."""

from django import forms

from cases import outcomes
from cases.forms_handling.base import TEXTAREA, ActionForm
from cases.models import Application
from cases.notices import suggested_basis


def grouped_outcomes(codes=None) -> list:
    """The outcome codes grouped as in the national report (（一）…（六）)."""
    groups: dict[str, list] = {}
    for o in outcomes.OUTCOMES:
        if codes is None or o.code in codes:
            groups.setdefault(outcomes.GROUP_LABELS[o.group], []).append((o.code, o.label))
    return [("", "请选择办理结果"), *groups.items()]


class OutcomeFields(forms.Form):
    outcome = forms.ChoiceField(label="办理结果", choices=grouped_outcomes())
    reason = forms.CharField(
        label="理由",
        widget=TEXTAREA,
        max_length=5000,
        required=False,
        help_text="部分公开、不予公开、无法提供、不予处理的，须写明理由；其他处理的，须写明作何处理",
    )
    basis = forms.CharField(
        label="法律依据",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
        help_text="部分公开、不予公开、无法提供、不予处理的，须写明法律依据",
    )
    referred_to = forms.CharField(
        label="告知的有关机关及联系方式",
        max_length=200,
        required=False,
        help_text="仅“本机关不掌握相关政府信息”且能确定负责公开的机关时填写（第三十六条第（五）项）",
    )


class ConcludeForm(ActionForm, OutcomeFields):
    on_label = "答复日期"

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.order_fields(["on", "outcome", "reason", "basis", "referred_to"])


class OnTheSpotForm(ActionForm, OutcomeFields):
    has_on = False
    ON_THE_SPOT = [
        c for c in outcomes.CODES if not c.startswith("other.") and c != "unable.still_unclear"
    ]

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["outcome"].choices = grouped_outcomes(self.ON_THE_SPOT)


def basis_suggestions(regime: str) -> dict[str, str]:
    """outcome code → the article usually cited, for the conclude page."""
    return {code: suggested_basis(code, regime) for code in outcomes.CODES}
