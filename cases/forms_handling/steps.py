"""The forms of the actions that move a case along before its reply: assigning, supplement notices,
consultations, extensions, Art. 35 deadlines and withdrawal."""

from django import forms

from cases.clock import engine
from cases.forms import DATE_INPUT
from cases.forms_handling.base import ActionForm, ApproverMixin, UserChoiceField, text_field
from cases.models import Application, User
from cases.selectors import handlers_of
from cases.services.handling import MAX_SUPPLEMENT_PERIOD, PARTY_KINDS


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
        max_value=MAX_SUPPLEMENT_PERIOD,
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


class WithdrawForm(ActionForm):
    on_label = "撤回日期"
    note = text_field("说明", required=False, help_text="如：申请人来电撤回")
