"""Forms of the handler's actions. They only parse input; the services check the rules and save.

Every action form carries the case's version as it was shown (hidden), so two people acting on one
case never silently overwrite each other: the second is told the case changed."""

from django import forms

from cases import fees as fee_rules
from cases import outcomes, timeutil
from cases.clock import engine
from cases.forms import DATE_INPUT, ServiceErrorsMixin
from cases.models import Application, Fee, Remedy, User
from cases.notices import suggested_basis
from cases.selectors import handlers_of
from cases.services.handling import PARTY_KINDS

TEXTAREA = forms.Textarea(attrs={"rows": 3})
NO_VERSION = "页面缺少版本信息，请刷新页面后重试。"


def text_field(label: str, *, required: bool = True, help_text: str = "") -> forms.CharField:
    """Free text on an action's form: a textarea of at most 2000 characters."""
    return forms.CharField(
        label=label, widget=TEXTAREA, max_length=2000, required=required, help_text=help_text
    )


def approvers_for(application: Application):
    """Supervisors and admins of the case's office and of the offices above it (law.md §3)."""
    path = application.agency.path
    prefixes = ["/".join(path.split("/")[: i + 1]) + "/" for i in range(1, path.count("/"))]
    return User.objects.filter(
        is_active=True,
        role__in=[User.Role.SUPERVISOR, User.Role.ADMIN],
        agency__path__in=prefixes,
    ).order_by("agency__path", "username")


def grouped_outcomes(codes=None) -> list:
    """The outcome codes grouped as in the national report (（一）…（六）)."""
    groups: dict[str, list] = {}
    for o in outcomes.OUTCOMES:
        if codes is None or o.code in codes:
            groups.setdefault(outcomes.GROUP_LABELS[o.group], []).append((o.code, o.label))
    return [("", "请选择办理结果"), *groups.items()]


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        office = f"（{obj.agency.name}，{obj.get_role_display()}）" if obj.agency_id else ""
        return f"{obj.display_name}{office}"


class ActionForm(ServiceErrorsMixin, forms.Form):
    """Base of the action forms: the case, the version shown, and `on` defaulting to today."""

    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    on_label = "日期"
    has_on = True

    def __init__(self, *args, application: Application, **kwargs) -> None:
        self.application = application
        initial = {"version": application.version, **kwargs.pop("initial", {})}
        if self.has_on:
            initial.setdefault("on", timeutil.today())
        super().__init__(*args, initial=initial, **kwargs)
        if self.has_on:
            self.fields["on"] = forms.DateField(label=self.on_label, widget=DATE_INPUT)
            self.order_fields(["on"])

    def clean(self):
        data = super().clean()
        if data.get("version") is None and "version" not in self.errors:
            self.add_error(None, NO_VERSION)
        return data

    def service_kwargs(self) -> dict:
        """The keyword arguments for the service (the version goes as expected_version)."""
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class AssignForm(ActionForm):
    has_on = False
    handler = UserChoiceField(label="承办人", queryset=User.objects.none(), empty_label="请选择")

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.fields["handler"].queryset = handlers_of(application.agency).select_related("agency")
        if application.handler_id:
            self.fields["handler"].help_text = f"现承办人：{application.handler}"


class RequestSupplementForm(ActionForm):
    on_label = "告知补正日期"
    items_to_supplement = text_field(
        "需要补正的事项", help_text="一次性写明全部需要补正的事项，每行一项（《条例》第三十条）"
    )
    period_days = forms.IntegerField(
        label="补正期限（工作日）",
        min_value=1,
        max_value=60,
        required=False,
        initial=engine.DEFAULT_SUPPLEMENT_PERIOD,
        help_text="自告知之日起计算的工作日数",
    )
    due_on = forms.DateField(
        label="或指定补正截止日期",
        required=False,
        widget=DATE_INPUT,
        help_text="填写截止日期的，以截止日期为准",
    )

    def service_kwargs(self) -> dict:
        data = super().service_kwargs()
        if data.get("due_on"):
            data["period_days"] = None
        return data


class ReceiveSupplementForm(ActionForm):
    on_label = "收到补正日期"
    note = text_field("说明", required=False, help_text="逾期补正的，请写明申请人的正当理由")


class StartConsultationForm(ActionForm):
    on_label = "发出征求意见日期"
    party_kind = forms.ChoiceField(
        label="征求意见对象类型",
        choices=list(PARTY_KINDS.items()),
        initial="third_party",
        widget=forms.RadioSelect,
        help_text="第三方：《条例》第三十二条；共同制作信息的其他机关：第三十四条",
    )
    party = forms.CharField(label="征求意见对象", max_length=200, help_text="单位或个人的名称")
    note = text_field("说明", required=False)


class EndConsultationForm(ActionForm):
    on_label = "收到意见（或征求意见期满）日期"
    note = text_field(
        "意见或结果", required=False, help_text="如：第三方书面答复不同意公开；逾期未提出意见"
    )


class ApproverMixin:
    def limit_approvers(self) -> None:
        self.fields["approved_by"].queryset = approvers_for(self.application).select_related(
            "agency"
        )


class ExtendForm(ApproverMixin, ActionForm):
    on_label = "延期决定日期"
    # no max here: the service refuses beyond the cap and says how many days are left
    days = forms.IntegerField(label="延长工作日数", min_value=1, max_value=1000)
    approved_by = UserChoiceField(
        label="批准人",
        queryset=User.objects.none(),
        empty_label="请选择",
        help_text="政府信息公开工作机构负责人",
    )
    reason = text_field("延期理由")

    def __init__(self, *args, application: Application, **kwargs) -> None:
        super().__init__(*args, application=application, **kwargs)
        self.limit_approvers()
        cap = engine.extension_cap(application.regime)
        left = cap - application.extension_days
        self.fields[
            "days"
        ].help_text = (
            f"累计不得超过{cap}个工作日；已延长{application.extension_days}个，最多还可延长{left}个"
        )
        self.fields["days"].initial = left or None


class SetDeadlineForm(ActionForm):
    on_label = "告知日期"
    deadline = forms.DateField(label="合理答复期限", widget=DATE_INPUT)
    reason = text_field(
        "理由",
        help_text="申请数量、频次明显超过合理范围，申请理由合理但无法在法定期限内答复（第三十五条）",
    )


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


class OutcomeFields(forms.Form):
    outcome = forms.ChoiceField(label="办理结果", choices=grouped_outcomes())
    reason = forms.CharField(
        label="理由",
        widget=TEXTAREA,
        max_length=5000,
        required=False,
        help_text="部分公开、不予公开、无法提供、不予处理的，须写明理由",
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


class WithdrawForm(ActionForm):
    on_label = "撤回日期"
    note = text_field("说明", required=False, help_text="如：申请人来电撤回")


def basis_suggestions(regime: str) -> dict[str, str]:
    """outcome code → the article usually cited, for the conclude page."""
    return {code: suggested_basis(code, regime) for code in outcomes.CODES}


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
    q = forms.CharField(label="搜索", max_length=100, required=False)
