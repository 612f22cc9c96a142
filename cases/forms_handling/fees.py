"""The forms of the fee actions (信息处理费): the fee notice, the payment and the waiver."""

from django import forms

from cases import fees as fee_rules
from cases.forms_handling.base import ActionForm, ApproverMixin, UserChoiceField, text_field
from cases.models import Application, Fee, User


class FeeNotifyForm(ActionForm):
    on_label = "收费通知日期"
    method = forms.ChoiceField(label="计收方式", widget=forms.RadioSelect)
    pages = forms.IntegerField(
        label="页数（按量计收）", min_value=0, max_value=1_000_000, required=False
    )
    amount = forms.DecimalField(
        label="金额（元，成本费用）",
        max_digits=12,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    cost_items = forms.CharField(
        label="收费项目（成本费用）",
        max_length=100,
        required=False,
        help_text="检索费、复制费、邮寄费",
    )

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, application=application, **kwargs)
        allowed = fee_rules.allowed_methods(application.received_on)
        labels = dict(Fee.Method.choices)
        self.fields["method"].choices = [(m, labels[m]) for m in allowed]
        if len(allowed) == 1:
            self.fields["method"].initial = allowed[0]
        if fee_rules.COST not in allowed:
            del self.fields["amount"], self.fields["cost_items"]
        if fee_rules.PER_PAGE not in allowed:
            del self.fields["pages"]

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        method = data["method"]
        return {
            "on": data["on"],
            "method": method,
            "pages": data.get("pages") if method == fee_rules.PER_PAGE else None,
            "amount": data.get("amount") if method == fee_rules.COST else None,
            "cost_items": data.get("cost_items") or "",
        }


class FeePayForm(ActionForm):
    on_label = "缴费日期"


class FeeWaiveForm(ApproverMixin, ActionForm):
    on_label = "减免日期"
    approved_by = UserChoiceField(
        label="批准人", queryset=User.objects.none(), empty_label="请选择"
    )
    reason = text_field("减免理由")

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.limit_approvers()
