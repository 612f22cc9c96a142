"""The API's shapes (api.md): input serializers only parse and bound what a client sends (the services
decide the rules), output serializers give exactly the contract's fields.

The output serializers declare their fields for the OpenAPI schema but build their dicts directly:
a page of 500 applications with their events is serialized without DRF's per-field machinery.
"""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework import serializers

from cases import access, identity, outcomes
from cases.clock.engine import ClockResult
from cases.models import (
    Agency,
    Applicant,
    Application,
    ApplicationEvent,
    CalendarDay,
    Consultation,
    Fee,
    Remedy,
    User,
)
from cases.services.registration import ApplicantData

from .fields import BoundedDateField, BoundedDateTimeField, IdField, TextField, UsernameField

CENT = Decimal("0.01")


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def iso_datetime(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value is not None else None


# --- errors (for the schema) ------------------------------------------------------------------


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


# --- offices and staff ------------------------------------------------------------------------


class AgencySerializer(serializers.Serializer):
    code = serializers.RegexField(
        r"^[-a-zA-Z0-9_]+$",
        max_length=32,
        error_messages={"invalid": "机关代码只能包含字母、数字、连字符和下划线。"},
    )
    name = serializers.CharField(max_length=100)
    short_name = serializers.CharField(
        max_length=20, required=False, default="本机关", help_text="年报语句中的自称，如“我乡”"
    )
    parent = serializers.CharField(
        max_length=32, required=False, allow_null=True, default=None, help_text="上级机关代码"
    )
    hotline = serializers.CharField(max_length=20, required=False, default="96128")

    def validate_code(self, value: str) -> str:
        if Agency.objects.filter(code=value).exists():
            raise serializers.ValidationError("该机关代码已被使用。")
        return value

    def validate_parent(self, value: str | None) -> Agency | None:
        user = self.context["request"].user
        if value is None:
            if not user.is_superuser:
                raise serializers.ValidationError(
                    "请填写上级机关代码：只能在您所管辖的机关下设立机关。"
                )
            return None
        parent = access.visible_agencies(user).filter(code=value).first()
        if parent is None:
            raise serializers.ValidationError("找不到该上级机关，或您无权管理。")
        return parent

    def create(self, validated_data) -> Agency:
        try:
            with transaction.atomic():
                return Agency.objects.create(**validated_data)
        except IntegrityError:  # the same code registered a moment ago
            raise serializers.ValidationError({"code": ["该机关代码已被使用。"]}) from None

    def to_representation(self, agency: Agency) -> dict:
        return {
            "code": agency.code,
            "name": agency.name,
            "short_name": agency.short_name,
            "parent": agency.parent.code if agency.parent_id else None,
            "hotline": agency.hotline,
        }


class StaffSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(max_length=150, validators=[UnicodeUsernameValidator()])
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    full_name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    agency = serializers.CharField(max_length=32, help_text="机关代码")
    role = serializers.ChoiceField(choices=User.Role.choices)
    is_active = serializers.BooleanField(read_only=True)

    def validate_username(self, value: str) -> str:
        value = User.normalize_username(value)  # NFKC, as create_user stores it
        UnicodeUsernameValidator()(value)
        if len(value) > 150:
            raise serializers.ValidationError("用户名不能超过150个字符。")
        if User.objects.filter(username__iexact=value).exists():
            raise serializers.ValidationError("该用户名已被使用。")
        return value

    def validate_agency(self, value: str) -> Agency:
        agency = access.visible_agencies(self.context["request"].user).filter(code=value).first()
        if agency is None:
            raise serializers.ValidationError("找不到该机关，或您无权管理。")
        return agency

    def validate(self, attrs):
        candidate = User(username=attrs["username"], full_name=attrs.get("full_name", ""))
        try:
            validate_password(attrs["password"], candidate)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from None
        return attrs

    def create(self, validated_data) -> User:
        try:
            with transaction.atomic():
                return User.objects.create_user(**validated_data)
        except IntegrityError:  # the same name registered a moment ago
            raise serializers.ValidationError({"username": ["该用户名已被使用。"]}) from None

    def to_representation(self, user: User) -> dict:
        return {
            "id": user.pk,
            "username": user.username,
            "full_name": user.full_name,
            "agency": user.agency.code if user.agency_id else None,
            "role": user.role or None,
            "is_active": user.is_active,
        }


# --- applications: output --------------------------------------------------------------------


class ApplicantSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=Applicant.Type.choices)
    name = serializers.CharField(max_length=100)
    id_number = serializers.CharField(
        max_length=40,
        required=False,
        allow_blank=True,
        default="",
        help_text="居民身份证号码；列表中遮蔽",
    )
    credit_code = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default="", help_text="统一社会信用代码"
    )
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True, default="")
    address = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

    def to_data(self, validated: dict) -> ApplicantData:
        return ApplicantData(**validated)


class ApplicantReadSerializer(serializers.Serializer):
    """申请人。不具备承办权限的用户看到的身份证号码、统一社会信用代码和电话为遮蔽形式，且不含地址。"""

    type = serializers.ChoiceField(choices=Applicant.Type.choices)
    name = serializers.CharField()
    id_number = serializers.CharField(allow_blank=True)
    credit_code = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)


def applicant_data(row: dict, *, mask: bool) -> dict:
    """The applicant of an application row; ID number, credit code and phone masked, address left out,
    for callers who may not handle cases."""
    id_number, credit_code, phone = (
        row["applicant__id_number"],
        row["applicant__credit_code"],
        row["applicant__phone"],
    )
    if mask:
        return {
            "type": row["applicant__type"],
            "name": row["applicant__name"],
            "id_number": identity.mask_id_number(id_number) if id_number else "",
            "credit_code": identity.mask_credit_code(credit_code) if credit_code else "",
            "phone": identity.mask_phone(phone) if phone else "",
            "email": row["applicant__email"],
            "address": "",
        }
    return {
        "type": row["applicant__type"],
        "name": row["applicant__name"],
        "id_number": id_number,
        "credit_code": credit_code,
        "phone": phone,
        "email": row["applicant__email"],
        "address": row["applicant__address"],
    }


class EventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ApplicationEvent.Kind.choices)
    on = serializers.DateField()
    days = serializers.IntegerField(allow_null=True)
    deadline = serializers.DateField(allow_null=True)
    party = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)
    approved_by = serializers.CharField(allow_null=True, help_text="批准人用户名")
    created_by = serializers.CharField(allow_null=True, help_text="操作人用户名")
    created_at = serializers.DateTimeField()


EVENT_FIELDS = (
    "application_id", "id", "kind", "on", "days", "deadline", "party", "note",
    "approved_by__username", "created_by__username", "created_at",
)  # fmt: skip


def event_data(e: dict) -> dict:
    return {
        "id": e["id"],
        "kind": e["kind"],
        "on": e["on"].isoformat(),
        "days": e["days"],
        "deadline": iso_date(e["deadline"]),
        "party": e["party"],
        "note": e["note"],
        "approved_by": e["approved_by__username"],
        "created_by": e["created_by__username"],
        "created_at": iso_datetime(e["created_at"]),
    }


class FeeSerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=Fee.Method.choices)
    state = serializers.ChoiceField(
        choices=[("notified", "已通知"), ("paid", "已缴费"), ("waived", "已减免")]
    )
    amount = serializers.DecimalField(max_digits=12, decimal_places=2)
    items = serializers.IntegerField(allow_null=True)
    prior_items = serializers.IntegerField(allow_null=True)
    pages = serializers.IntegerField(allow_null=True)
    cost_items = serializers.CharField(allow_blank=True)
    basis = serializers.CharField(allow_blank=True)
    standard = serializers.CharField(allow_blank=True)
    breakdown = serializers.CharField(allow_blank=True)
    notified_on = serializers.DateField()
    pay_due_on = serializers.DateField(allow_null=True)
    paid_on = serializers.DateField(allow_null=True)
    waived_on = serializers.DateField(allow_null=True)
    waived_by = serializers.CharField(allow_null=True)
    waive_reason = serializers.CharField(allow_blank=True)


FEE_FIELDS = (
    "method", "amount", "items", "prior_items", "pages", "cost_items", "basis", "standard", "breakdown",
    "notified_on", "pay_due_on", "paid_on", "waived_on", "waive_reason",
)  # fmt: skip


def fee_data(row: dict) -> dict | None:
    """The fee of an application row, or None when no fee notice was sent."""
    if row["fee__id"] is None:
        return None
    fee = {name: row[f"fee__{name}"] for name in FEE_FIELDS}
    return {
        "method": fee["method"],
        "state": Fee(paid_on=fee["paid_on"], waived_on=fee["waived_on"]).state,
        "amount": str(Decimal(fee["amount"]).quantize(CENT)),
        "items": fee["items"],
        "prior_items": fee["prior_items"],
        "pages": fee["pages"],
        "cost_items": fee["cost_items"],
        "basis": fee["basis"],
        "standard": fee["standard"],
        "breakdown": fee["breakdown"],
        "notified_on": iso_date(fee["notified_on"]),
        "pay_due_on": iso_date(fee["pay_due_on"]),
        "paid_on": iso_date(fee["paid_on"]),
        "waived_on": iso_date(fee["waived_on"]),
        "waived_by": row["fee__waived_by__username"],
        "waive_reason": fee["waive_reason"],
    }


APPLICATION_FIELDS = (
    "id", "number", "agency__code", "channel", "received_on", "submitted_on",
    "applicant__type", "applicant__name", "applicant__id_number", "applicant__credit_code",
    "applicant__phone", "applicant__email", "applicant__address",
    "content", "items", "delivery", "handler__username", "status", "regime", "deadline",
    "deadline_provisional", "extension_days", "supplement_notice_due", "outcome", "outcome_reason",
    "outcome_basis", "referred_to", "concluded_on", "version", "created_at",
    "fee__id", *(f"fee__{name}" for name in FEE_FIELDS), "fee__waived_by__username",
)  # fmt: skip


OUTCOME_CHOICES = [(o.code, o.label) for o in outcomes.OUTCOMES]


class ApplicationSerializer(serializers.Serializer):
    """一件依申请公开申请及其答复期限、办理记录和期限计算过程。"""

    # Built from a row of api.views.application_rows (its values, events and clock); context: `mask`.

    id = serializers.IntegerField()
    number = serializers.CharField()
    agency = serializers.CharField(help_text="机关代码")
    channel = serializers.ChoiceField(choices=Application.Channel.choices)
    received_on = serializers.DateField(help_text="收到申请之日")
    submitted_on = serializers.DateField(allow_null=True)
    applicant = ApplicantReadSerializer()
    content = serializers.CharField()
    items = serializers.IntegerField()
    delivery = serializers.CharField(allow_blank=True)
    handler = serializers.CharField(allow_null=True, help_text="承办人用户名")
    status = serializers.ChoiceField(choices=Application.Status.choices)
    regime = serializers.ChoiceField(choices=Application.Regime.choices)
    deadline = serializers.DateField(allow_null=True)
    deadline_provisional = serializers.BooleanField(help_text="期限待节假日安排公布后确认")
    working_days_left = serializers.IntegerField(
        allow_null=True, help_text="剩余工作日；超期为负数"
    )
    overdue = serializers.BooleanField()
    due_soon = serializers.BooleanField()
    extension_days = serializers.IntegerField()
    supplement_notice_due = serializers.DateField(allow_null=True)
    outcome = serializers.ChoiceField(choices=OUTCOME_CHOICES, allow_null=True)
    outcome_reason = serializers.CharField(allow_blank=True)
    outcome_basis = serializers.CharField(allow_blank=True)
    referred_to = serializers.CharField(allow_blank=True)
    concluded_on = serializers.DateField(allow_null=True)
    concluded_late = serializers.BooleanField()
    fee = FeeSerializer(allow_null=True)
    events = EventSerializer(many=True, help_text="办理记录，按时间先后")
    deadline_trace = serializers.ListField(
        child=serializers.CharField(), help_text="期限的计算过程"
    )
    version = serializers.IntegerField()
    created_at = serializers.DateTimeField()

    def to_representation(self, row: dict) -> dict:
        clock: ClockResult = row["clock"]
        return {
            "id": row["id"],
            "number": row["number"],
            "agency": row["agency__code"],
            "channel": row["channel"],
            "received_on": row["received_on"].isoformat(),
            "submitted_on": iso_date(row["submitted_on"]),
            "applicant": applicant_data(row, mask=self.context["mask"]),
            "content": row["content"],
            "items": row["items"],
            "delivery": row["delivery"],
            "handler": row["handler__username"],
            "status": row["status"],
            "regime": row["regime"],
            "deadline": iso_date(row["deadline"]),
            "deadline_provisional": row["deadline_provisional"],
            "working_days_left": clock.working_days_left,
            "overdue": clock.overdue,
            "due_soon": clock.due_soon,
            "extension_days": row["extension_days"],
            "supplement_notice_due": iso_date(row["supplement_notice_due"]),
            "outcome": row["outcome"] or None,
            "outcome_reason": row["outcome_reason"],
            "outcome_basis": row["outcome_basis"],
            "referred_to": row["referred_to"],
            "concluded_on": iso_date(row["concluded_on"]),
            "concluded_late": clock.concluded_late,
            "fee": fee_data(row),
            "events": [event_data(e) for e in row["events"]],
            "deadline_trace": list(clock.trace),
            "version": row["version"],
            "created_at": iso_datetime(row["created_at"]),
        }


# --- applications: input ---------------------------------------------------------------------


class AgencyCodeField(serializers.CharField):
    """An office the caller may work for, named by its code."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("help_text", "机关代码")
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty) -> Agency:
        code = super().run_validation(data)
        agency = access.visible_agencies(self.context["request"].user).filter(code=code).first()
        if agency is None:
            raise serializers.ValidationError("找不到该机关，或您无权为其登记。")
        return agency


class ApplicationCreateSerializer(serializers.Serializer):
    agency = AgencyCodeField()
    channel = serializers.ChoiceField(choices=Application.Channel.choices)
    received_on = BoundedDateField(
        help_text="收到申请之日：当面提交为提交日期，信函为签收日期，其他为确认日期"
    )
    submitted_on = BoundedDateField(required=False, allow_null=True, default=None)
    applicant = ApplicantSerializer()
    content = TextField(help_text="申请公开的政府信息")
    items = serializers.IntegerField(min_value=1, max_value=999, required=False, default=1)
    delivery = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")


class VersionMixin(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        allow_null=True,
        default=None,
        help_text="可选：读取时的版本号；他人已修改则返回409",
    )


class OnSerializer(VersionMixin):
    on = BoundedDateField(help_text="办理日期：不晚于今天，不早于收到申请之日及本案上一环节")


class RequestSupplementSerializer(OnSerializer):
    items_to_supplement = TextField(help_text="需要补正的事项")
    due_on = BoundedDateField(
        required=False, allow_null=True, default=None, help_text="补正期限（日期）"
    )
    period_days = serializers.IntegerField(
        min_value=1,
        max_value=60,
        required=False,
        allow_null=True,
        default=None,
        help_text="补正期限（工作日），默认15",
    )


class NoteSerializer(OnSerializer):
    note = TextField(required=False, allow_blank=True, default="")


class StartConsultationSerializer(NoteSerializer):
    party = serializers.CharField(max_length=200, help_text="征求意见的第三方或机关")


class ApproverField(UsernameField):
    """A supervisor or admin named by username."""

    def run_validation(self, data=serializers.empty) -> User:
        name = super().run_validation(data)
        user = User.objects.filter(username=name, is_active=True).select_related("agency").first()
        if user is None:
            raise serializers.ValidationError(
                "批准人须为本机关（或上级机关）的负责人，请填写其用户名。"
            )
        return user


class ExtendSerializer(OnSerializer):
    days = serializers.IntegerField(min_value=1, max_value=100, help_text="延长的工作日数")
    approved_by = ApproverField(help_text="批准人（负责人）用户名")
    reason = TextField()


class SetDeadlineSerializer(OnSerializer):
    deadline = BoundedDateField(help_text="合理答复期限（《条例》第三十五条）")
    reason = TextField()


class NotifyFeeSerializer(OnSerializer):
    method = serializers.ChoiceField(choices=Fee.Method.choices)
    pages = serializers.IntegerField(
        min_value=1, max_value=1_000_000, required=False, allow_null=True, default=None
    )
    amount = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        help_text="仅成本费用（2008年《条例》）须填写",
    )
    cost_items = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class WaiveFeeSerializer(OnSerializer):
    approved_by = ApproverField(help_text="批准人（负责人）用户名")
    reason = TextField()


class ConcludeSerializer(OnSerializer):
    outcome = serializers.ChoiceField(choices=OUTCOME_CHOICES)
    reason = TextField(required=False, allow_blank=True, default="")
    basis = TextField(required=False, allow_blank=True, default="")
    referred_to = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )


# --- consultations ----------------------------------------------------------------------------


class ConsultationCreateSerializer(serializers.Serializer):
    agency = AgencyCodeField()
    channel = serializers.ChoiceField(choices=Consultation.Channel.choices)
    received_at = BoundedDateTimeField(help_text="受理时间（无时区时按北京时间）")
    topic = serializers.CharField(max_length=100)
    question = TextField(allow_blank=True)
    name = serializers.CharField(max_length=50, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    answer = TextField(required=False, allow_blank=True, default="")
    answered_at = BoundedDateTimeField(required=False, allow_null=True, default=None)


class ConsultationAnswerSerializer(serializers.Serializer):
    answered_at = BoundedDateTimeField(
        required=False, allow_null=True, default=None, help_text="不填即为现在"
    )
    answer = TextField()


class ConsultationSerializer(serializers.Serializer):
    """一条咨询。不具备承办权限的用户看到的电话为遮蔽形式。"""

    id = serializers.IntegerField()
    agency = serializers.CharField(help_text="机关代码")
    channel = serializers.ChoiceField(choices=Consultation.Channel.choices)
    received_at = serializers.DateTimeField()
    topic = serializers.CharField()
    question = serializers.CharField(allow_blank=True)
    name = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    answer = serializers.CharField(allow_blank=True)
    answered_at = serializers.DateTimeField(allow_null=True)
    answered = serializers.BooleanField()
    handled_by = serializers.CharField(allow_null=True)
    application = serializers.IntegerField(allow_null=True, help_text="转为申请的编号（id）")
    created_at = serializers.DateTimeField()

    def to_representation(self, c: Consultation) -> dict:
        mask = self.context.get("mask", True)
        return {
            "id": c.pk,
            "agency": c.agency.code,
            "channel": c.channel,
            "received_at": iso_datetime(c.received_at),
            "topic": c.topic,
            "question": c.question,
            "name": c.name,
            "phone": identity.mask_phone(c.phone) if mask and c.phone else c.phone,
            "answer": c.answer,
            "answered_at": iso_datetime(c.answered_at),
            "answered": c.answered_at is not None,
            "handled_by": c.handled_by.username if c.handled_by_id else None,
            "application": c.application_id,
            "created_at": iso_datetime(c.created_at),
        }


# --- remedies ---------------------------------------------------------------------------------


class RemedyCreateSerializer(serializers.Serializer):
    application = IdField(help_text="申请的id")
    kind = serializers.ChoiceField(choices=Remedy.Kind.choices)
    filed_on = BoundedDateField()
    result = serializers.ChoiceField(
        choices=Remedy.Result.choices, required=False, default=Remedy.Result.PENDING
    )
    decided_on = BoundedDateField(required=False, allow_null=True, default=None)
    note = TextField(required=False, allow_blank=True, default="")

    def validate_application(self, value: int) -> Application:
        application = (
            access.applications_for_user(self.context["request"].user).filter(pk=value).first()
        )
        if application is None:
            raise serializers.ValidationError("找不到该申请，或您无权查看。")
        return application


class RemedyUpdateSerializer(serializers.Serializer):
    result = serializers.ChoiceField(choices=Remedy.Result.choices, required=False)
    decided_on = BoundedDateField(required=False, allow_null=True)
    note = TextField(required=False, allow_blank=True, default="")


class RemedySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    application = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Remedy.Kind.choices)
    filed_on = serializers.DateField()
    result = serializers.ChoiceField(choices=Remedy.Result.choices)
    decided_on = serializers.DateField(allow_null=True)
    note = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()

    def to_representation(self, r: Remedy) -> dict:
        return {
            "id": r.pk,
            "application": r.application_id,
            "kind": r.kind,
            "filed_on": r.filed_on.isoformat(),
            "result": r.result,
            "decided_on": iso_date(r.decided_on),
            "note": r.note,
            "created_at": iso_datetime(r.created_at),
        }


# --- calendar ---------------------------------------------------------------------------------


class CalendarQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100, required=False)


class CalendarSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    covered = serializers.BooleanField(
        help_text="该年度节假日安排是否已录入；未录入的年度按普通周末计算并标为待确认"
    )
    holidays = serializers.ListField(child=serializers.DateField(), help_text="放假日")
    workdays = serializers.ListField(child=serializers.DateField(), help_text="调休上班的周末")


class CalendarDaySerializer(serializers.Serializer):
    date = BoundedDateField()
    workday = serializers.BooleanField(help_text="true：周末调休上班；false：放假")
    name = serializers.CharField(max_length=50)
    source = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class CalendarChangeSerializer(CalendarSerializer):
    recomputed = serializers.IntegerField(help_text="因此调整答复期限的办理中申请数")


def calendar_data(year: int) -> dict:
    from cases.models import CalendarYear

    rows = CalendarDay.objects.filter(day__year=year).order_by("day").values_list("day", "workday")
    return {
        "year": year,
        "covered": CalendarYear.objects.filter(year=year).exists(),
        "holidays": [d.isoformat() for d, workday in rows if not workday],
        "workdays": [d.isoformat() for d, workday in rows if workday],
    }
