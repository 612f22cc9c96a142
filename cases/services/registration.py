"""Registering applications and consultations at the front desk (law.md §1, §8)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cases import identity, timeutil
from cases.access import may_register_for, require
from cases.clocksync import current_calendar, refresh_application
from cases.errors import StateConflict
from cases.models import (
    Agency,
    Applicant,
    Application,
    ApplicationEvent,
    Consultation,
    NumberSequence,
    User,
)

EARLIEST_RECEIPT = date(2008, 5, 1)  # the 2008 Regulations came into force

RECEIPT_DATE_LABELS = {
    Application.Channel.IN_PERSON: "提交日期",
    Application.Channel.LETTER: "签收日期",
    Application.Channel.EMAIL: "确认日期",
    Application.Channel.FAX: "确认日期",
    Application.Channel.ONLINE: "确认日期",
}
RECEIPT_DATE_HELP = {
    Application.Channel.IN_PERSON: "当面提交的，以提交之日为收到申请之日（《条例》第三十一条）",
    Application.Channel.LETTER: "邮寄的，以本机关签收之日为收到申请之日；平常信函以与申请人确认之日为准",
    Application.Channel.EMAIL: "通过互联网渠道提交的，以双方确认之日为收到申请之日",
    Application.Channel.FAX: "以传真方式提交的，以双方确认之日为收到申请之日",
    Application.Channel.ONLINE: "通过网上申请平台提交的，以双方确认之日为收到申请之日",
}


@dataclass(frozen=True)
class ApplicantData:
    type: str
    name: str
    id_number: str = ""
    credit_code: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


def validate_applicant(data: ApplicantData) -> ApplicantData:
    errors: dict[str, list[str]] = {}
    if data.type not in Applicant.Type.values:
        errors["type"] = ["请选择有效的申请人类型。"]
    if not data.name.strip():
        errors["name"] = ["请填写申请人姓名或名称。"]
    id_number = identity.normalize_id_number(data.id_number) if data.id_number else ""
    if id_number and (message := identity.id_number_error(id_number)):
        errors["id_number"] = [message]
    credit_code = identity.normalize_credit_code(data.credit_code) if data.credit_code else ""
    if credit_code and (message := identity.credit_code_error(credit_code)):
        errors["credit_code"] = [message]
    if errors:
        raise ValidationError(errors)
    return ApplicantData(
        type=data.type,
        name=data.name.strip(),
        id_number=id_number,
        credit_code=credit_code,
        phone=identity.normalize_phone(data.phone),
        email=data.email.strip(),
        address=data.address.strip(),
    )


def registered_applicant(data: ApplicantData, *, agency: Agency) -> Applicant | None:
    """The applicant `agency` already registered under this ID number or credit code, if any. Each
    office keeps its own applicants: another office's record of the same person is never read here —
    not recognised, not updated, not named in a refusal (it holds what was given to that office, and
    the refusal would tell this office that the number is on file there). An applicant's
    type is who they are — the annual report's column for every application of theirs — so a
    registration that gives them another type is refused instead of moving their earlier applications
    to another column (and their record to another name).

    An ID number of one applicant and a credit code of another are not one applicant: refused too
    (saving the one would give it the other's number, a database error)."""
    existing, key = None, ""
    if data.id_number:
        existing = Applicant.objects.filter(agency=agency, id_number=data.id_number).first()
        key = "身份证号码"
    if data.credit_code:
        holder = Applicant.objects.filter(agency=agency, credit_code=data.credit_code).first()
        if existing is None:
            existing, key = holder, "统一社会信用代码"
        elif holder is not None and holder.pk != existing.pk:
            raise ValidationError(
                {
                    "credit_code": [
                        "该统一社会信用代码已登记在另一申请人名下，"
                        "与所填身份证号码不属于同一申请人，请核对。"
                    ]
                }
            )
    if existing is not None and existing.type != data.type:
        raise ValidationError(
            {
                "type": [
                    f"该{key}已登记为{existing.get_type_display()}，"
                    f"与所选的申请人类型（{Applicant.Type(data.type).label}）不符。"
                    "请核对申请人类型和证件号码；确属原登记有误的，请管理员在后台更正该申请人。"
                ]
            }
        )
    return existing


def applicant_save(
    data: ApplicantData, existing: Applicant | None, *, agency: Agency, number: str = ""
) -> Applicant:
    """A new applicant of `agency` from validated `data`, or the one recognised again (`existing`, from
    registered_applicant) with its name and contact details brought up to date (the old ones stay in
    history), as it is now: a detail another registration saved meanwhile is kept.

    Two clerks may register the same new applicant at the same moment: both found no one under the ID
    number or credit code, so the second's insert meets the first's row (a unique constraint). The
    second then recognises the applicant the first registered, as it would have a moment later.

    `number`, the application being registered, is named in the history of a changed applicant."""
    if existing is None:
        try:
            with transaction.atomic():
                return Applicant.objects.create(agency=agency, **data.__dict__)
        except IntegrityError:
            existing = _registered_meanwhile(data, agency=agency)
            if existing is None:  # not this applicant's number that collided
                raise
    # the applicant as it is now, its row locked: `existing` was read before the office's number was
    # waited for, and saving that copy would put back what another registration saved meanwhile
    existing = Applicant.objects.select_for_update().get(pk=existing.pk)
    changed = []
    for field, value in data.__dict__.items():
        if value and getattr(existing, field) != value:
            setattr(existing, field, value)
            changed.append(str(Applicant._meta.get_field(field).verbose_name))
    if changed:
        existing._change_reason = f"登记申请{number}时更新：{'、'.join(changed)}"
        existing.save()
    return existing


def _registered_meanwhile(data: ApplicantData, *, agency: Agency) -> Applicant | None:
    """The applicant another registration committed while this one ran (see applicant_save),
    refused as registered_applicant refuses it when it was registered under another type."""
    try:
        return registered_applicant(data, agency=agency)
    except ValidationError as exc:
        raise ValidationError({f"applicant_{k}": v for k, v in exc.message_dict.items()}) from None


def validate_received_on(received_on: date, *, field: str = "received_on") -> None:
    if received_on > timeutil.today():
        raise ValidationError({field: ["收到申请的日期不能晚于今天。"]})
    if received_on < EARLIEST_RECEIPT:
        raise ValidationError({field: ["收到申请的日期不能早于2008年5月1日（《条例》施行之日）。"]})


def next_number(agency: Agency, year: int) -> tuple[int, str]:
    """The next sequence number of an office in a year; the locked counter row makes it race-free."""
    try:
        with transaction.atomic():
            NumberSequence.objects.get_or_create(agency=agency, year=year)
    except IntegrityError:
        pass  # created concurrently by another request: fine
    sequence = NumberSequence.objects.select_for_update().get(agency=agency, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last, f"{agency.name}〔{year}〕第{sequence.last:04d}号"


@transaction.atomic
def application_register(
    *,
    user: User,
    agency: Agency,
    channel: str,
    received_on: date,
    applicant: ApplicantData,
    content: str,
    submitted_on: date | None = None,
    items: int = 1,
    delivery: str = "",
    handler: User | None = None,
) -> Application:
    require(user, "register")
    errors: dict[str, list[str]] = {}
    if not may_register_for(user, agency):
        errors["agency"] = ["您无权为该机关登记申请。"]
    if channel not in Application.Channel.values:
        errors["channel"] = ["请选择有效的申请方式。"]
    if not content.strip():
        errors["content"] = ["请填写申请公开的政府信息内容。"]
    if items < 1:
        errors["items"] = ["申请事项数至少为1。"]
    try:
        validate_received_on(received_on)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if submitted_on and submitted_on > timeutil.today():
        errors["submitted_on"] = ["申请人填写/寄出日期不能晚于今天。"]
    elif submitted_on and submitted_on.year < timeutil.EARLIEST_YEAR:
        errors["submitted_on"] = [timeutil.DATE_RANGE_MESSAGE]
    elif submitted_on and submitted_on > received_on:
        errors["submitted_on"] = ["申请人填写/寄出日期不能晚于收到申请之日。"]
    if handler is not None and (
        handler.agency_id != agency.pk or handler.role not in ("handler", "supervisor", "admin")
    ):
        errors["handler"] = ["承办人须为本机关的承办人员。"]
    existing_applicant = None
    try:
        applicant_data = validate_applicant(applicant)
        if "agency" not in errors:  # an office's applicants are looked up for its own staff only
            existing_applicant = registered_applicant(applicant_data, agency=agency)
    except ValidationError as exc:
        errors.update({f"applicant_{k}": v for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)

    current_calendar()  # its deadline counted on the calendar as stored now (held before any row lock)
    seq, number = next_number(agency, received_on.year)
    application = Application(
        agency=agency,
        year=received_on.year,
        seq=seq,
        number=number,
        channel=channel,
        received_on=received_on,
        submitted_on=submitted_on,
        applicant=applicant_save(applicant_data, existing_applicant, agency=agency, number=number),
        content=content.strip(),
        items=items,
        delivery=delivery,
        handler=handler,
        created_by=user,
    )
    refresh_application(application)
    application._history_user = user
    application.save()
    ApplicationEvent.objects.create(
        application=application,
        kind=ApplicationEvent.Kind.REGISTERED,
        on=received_on,
        created_by=user,
        note=f"通过{application.get_channel_display()}收到申请",
    )
    return application


def validate_consultation_times(received_at: datetime, answered_at: datetime | None) -> None:
    now = timeutil.now()
    errors: dict[str, list[str]] = {}
    if received_at > now:
        errors["received_at"] = ["受理时间不能晚于现在。"]
    if answered_at is not None:
        if answered_at > now:
            errors["answered_at"] = ["答复时间不能晚于现在。"]
        elif answered_at < received_at:
            errors["answered_at"] = ["答复时间不能早于受理时间。"]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def consultation_register(
    *,
    user: User,
    agency: Agency,
    channel: str,
    topic: str,
    question: str = "",
    received_at: datetime | None = None,
    name: str = "",
    phone: str = "",
    answer: str = "",
    answered_at: datetime | None = None,
) -> Consultation:
    require(user, "register")
    received_at = received_at or timeutil.now()
    errors: dict[str, list[str]] = {}
    if not may_register_for(user, agency):
        errors["agency"] = ["您无权为该机关登记咨询。"]
    if channel not in Consultation.Channel.values:
        errors["channel"] = ["请选择有效的咨询方式。"]
    if not topic.strip():
        errors["topic"] = ["请填写咨询主题。"]
    if answered_at is not None and not answer.strip():
        errors["answer"] = ["填写了答复时间的，请同时填写答复内容。"]
    if errors:
        raise ValidationError(errors)
    if answer.strip() and answered_at is None:
        answered_at = received_at
    validate_consultation_times(received_at, answered_at)
    return Consultation.objects.create(
        agency=agency,
        channel=channel,
        received_at=received_at,
        topic=topic.strip(),
        question=question.strip(),
        name=name.strip(),
        phone=identity.normalize_phone(phone),
        answer=answer.strip(),
        answered_at=answered_at,
        handled_by=user if answered_at else None,
        created_by=user,
    )


def _lock_consultation(consultation: Consultation) -> Consultation:
    """The consultation as it is now, its row locked: a change is made on it, not on the copy a page
    read earlier, so what someone else saved meanwhile (an answer, a void) is seen, not overwritten."""
    locked = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    if locked.is_voided:
        raise StateConflict("该咨询已作废，不能再进行此操作。")
    return locked


@transaction.atomic
def consultation_answer(
    *, user: User, consultation: Consultation, answer: str, answered_at: datetime | None = None
) -> Consultation:
    require(user, "register")
    consultation = _lock_consultation(consultation)
    if consultation.answered:
        raise StateConflict("该咨询已答复。")
    if not answer.strip():
        raise ValidationError({"answer": ["请填写答复内容。"]})
    answered_at = answered_at or timeutil.now()
    validate_consultation_times(consultation.received_at, answered_at)
    consultation.answer = answer.strip()
    consultation.answered_at = answered_at
    consultation.handled_by = user
    consultation._change_reason = f"答复咨询（{timezone.localtime(answered_at):%Y-%m-%d %H:%M}）"
    consultation.save()
    return consultation


@transaction.atomic
def consultation_link_application(
    *, user: User, consultation: Consultation, application: Application
) -> Consultation:
    require(user, "register")
    consultation = _lock_consultation(consultation)
    if application.agency_id != consultation.agency_id:
        raise ValidationError({"application": ["只能关联本机关的申请。"]})
    linked = consultation.application
    if linked is not None and linked.pk != application.pk and not linked.is_voided:
        raise StateConflict(f"该咨询已转为申请{linked.number}，不再关联其他申请。")
    consultation.application = application
    consultation._change_reason = f"转为申请{application.number}"
    consultation.save(update_fields=["application"])
    return consultation
