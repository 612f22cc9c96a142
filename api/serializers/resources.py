"""Consultations, remedies (reconsideration, litigation, complaints) and the working calendar."""

import datetime

from rest_framework import serializers

from cases import access, identity
from cases.models import Application, CalendarDay, Consultation, Remedy
from cases.services.calendar import FIRST_YEAR, LAST_YEAR, YEAR_MESSAGE

from ..fields import BoundedDateField, BoundedDateTimeField, IdField, TextField
from .common import AgencyCodeField, iso_date, iso_datetime

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
    year = serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False)


class CalendarSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    covered = serializers.BooleanField(
        help_text="该年度节假日安排是否已录入；未录入的年度按普通周末计算并标为待确认"
    )
    holidays = serializers.ListField(child=serializers.DateField(), help_text="放假日")
    workdays = serializers.ListField(child=serializers.DateField(), help_text="调休上班的周末")


class CalendarDaySerializer(serializers.Serializer):
    date = BoundedDateField(help_text=f"{FIRST_YEAR}年至{LAST_YEAR}年之间")
    workday = serializers.BooleanField(help_text="true：周末调休上班；false：放假")
    name = serializers.CharField(max_length=50)
    source = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

    def validate_date(self, day: datetime.date) -> datetime.date:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise serializers.ValidationError(YEAR_MESSAGE)
        return day


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
