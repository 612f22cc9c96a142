"""Front-desk forms. They only parse input; the services validate the rules and save."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from cases.models import Agency, Applicant, Application, Consultation
from cases.services.registration import RECEIPT_DATE_HELP, RECEIPT_DATE_LABELS, ApplicantData
from cases.timeutil import EARLIEST_YEAR, LATEST_YEAR, TIME_RANGE_MESSAGE

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class BoundedDateTimeField(forms.DateTimeField):
    """A time in the years the system counts, as the API's (api/fields.py): year 1 is out of range
    once converted to UTC for the database."""

    default_error_messages = {"range": TIME_RANGE_MESSAGE}

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is not None and not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            raise ValidationError(self.error_messages["range"], code="range")
        return moment


class ServiceErrorsMixin:
    """Put a service's ValidationError next to the fields it names (the rest at the top)."""

    field_aliases: dict[str, str] = {}

    def add_service_errors(self, exc: ValidationError) -> None:
        for key, messages in exc.message_dict.items():
            field = self.field_aliases.get(key, key)
            self.add_error(field if field in self.fields else None, messages)


class AgencyChoiceMixin:
    def limit_agencies(self, agencies) -> None:
        field = self.fields["agency"]
        field.queryset = agencies
        if agencies.count() == 1:
            field.initial = agencies.first()
            field.widget = forms.HiddenInput()


class ApplicationForm(ServiceErrorsMixin, AgencyChoiceMixin, forms.Form):
    agency = forms.ModelChoiceField(
        label="受理机关", queryset=Agency.objects.none(), empty_label=None
    )
    channel = forms.ChoiceField(label="申请方式", choices=Application.Channel.choices)
    received_on = forms.DateField(label="提交日期", widget=DATE_INPUT)
    submitted_on = forms.DateField(label="申请人填写/寄出日期", required=False, widget=DATE_INPUT)
    applicant_type = forms.ChoiceField(label="申请人类型", choices=Applicant.Type.choices)
    applicant_name = forms.CharField(label="姓名/名称", max_length=100)
    applicant_id_number = forms.CharField(label="身份证号码", max_length=40, required=False)
    applicant_credit_code = forms.CharField(label="统一社会信用代码", max_length=40, required=False)
    applicant_phone = forms.CharField(label="联系电话", max_length=30, required=False)
    applicant_email = forms.EmailField(label="电子邮箱", max_length=254, required=False)
    applicant_address = forms.CharField(label="通讯地址", max_length=200, required=False)
    content = forms.CharField(
        label="申请公开的政府信息", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    delivery = forms.CharField(
        label="获取信息的方式", max_length=50, required=False, help_text="如：纸质、电子邮件、光盘"
    )
    items = forms.IntegerField(label="申请事项数（件）", min_value=1, max_value=999, initial=1)

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_agencies(agencies)
        channel = (
            self.data.get("channel") or self.initial.get("channel") or Application.Channel.IN_PERSON
        )
        if channel in RECEIPT_DATE_LABELS:
            self.fields["received_on"].label = RECEIPT_DATE_LABELS[channel]
            self.fields["received_on"].help_text = RECEIPT_DATE_HELP[channel]

    def applicant_data(self) -> ApplicantData:
        d = self.cleaned_data
        return ApplicantData(
            type=d["applicant_type"],
            name=d["applicant_name"],
            id_number=d["applicant_id_number"],
            credit_code=d["applicant_credit_code"],
            phone=d["applicant_phone"],
            email=d["applicant_email"],
            address=d["applicant_address"],
        )


class ConsultationForm(ServiceErrorsMixin, AgencyChoiceMixin, forms.Form):
    agency = forms.ModelChoiceField(
        label="受理机关", queryset=Agency.objects.none(), empty_label=None
    )
    channel = forms.ChoiceField(
        label="咨询方式", choices=Consultation.Channel.choices, widget=forms.RadioSelect
    )
    topic = forms.CharField(
        label="咨询主题", max_length=100, widget=forms.TextInput(attrs={"autofocus": True})
    )
    question = forms.CharField(
        label="咨询内容", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    answer = forms.CharField(
        label="答复内容", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
    name = forms.CharField(label="咨询人", max_length=50, required=False)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    received_at = BoundedDateTimeField(
        label="受理时间", required=False, widget=DATETIME_INPUT, help_text="不填即为现在"
    )

    def __init__(self, *args, agencies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_agencies(agencies)


class ConsultationAnswerForm(ServiceErrorsMixin, forms.Form):
    answer = forms.CharField(
        label="答复内容", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    answered_at = forms.DateTimeField(
        label="答复时间", required=False, widget=DATETIME_INPUT, help_text="不填即为现在"
    )


class VoidForm(ServiceErrorsMixin, forms.Form):
    reason = forms.CharField(
        label="作废原因", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class UsernameLengthChecked:
    """Django's login forms give the username its length (150) after the field is made, so the length
    is never checked: a longer one was tried, and django-axes's record of the failed attempt holds 255
    characters (on PostgreSQL, a 500). No account has such a name: refused as any wrong login."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is not None and len(username) > self.fields["username"].max_length:
            raise self.get_invalid_login_error()
        return super().clean()


class LoginForm(UsernameLengthChecked, AuthenticationForm):
    """The login page's form."""


class AdminLoginForm(UsernameLengthChecked, AdminAuthenticationForm):
    """系统管理's login form (/admin/login/)."""
