"""Nothing is hard-deleted: a mistaken entry is voided with a reason and stays in history."""

from django.core.exceptions import ValidationError
from django.db import transaction

from cases import timeutil
from cases.access import require
from cases.errors import StateConflict
from cases.models import Application, ApplicationEvent, Consultation, User


def _void(obj: Application | Consultation, *, user: User, reason: str) -> None:
    """Void `obj`, the row as it is now (locked by the caller), not a copy read earlier: only the void's
    own fields are written, so a change made meanwhile (a conclusion, an answer) stays."""
    require(user, "void")
    if obj.voided_at is not None:
        raise StateConflict("该记录已作废。")
    if not reason.strip():
        raise ValidationError({"reason": ["请写明作废原因。"]})
    obj.voided_at, obj.voided_by, obj.void_reason = timeutil.now(), user, reason.strip()
    obj._change_reason = f"作废：{reason.strip()}"
    obj._history_user = user
    fields = ["voided_at", "voided_by", "void_reason"]
    if isinstance(obj, Application):
        obj.version += 1  # a page showing the case before the void is refused as stale
        fields.append("version")
    obj.save(update_fields=fields)


@transaction.atomic
def application_void(*, user: User, application: Application, reason: str) -> Application:
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    _void(application, user=user, reason=reason)
    ApplicationEvent.objects.create(
        application=application,
        kind=ApplicationEvent.Kind.VOIDED,
        on=timeutil.today(),
        created_by=user,
        note=reason.strip(),
    )
    return application


@transaction.atomic
def consultation_void(*, user: User, consultation: Consultation, reason: str) -> Consultation:
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    _void(consultation, user=user, reason=reason)
    return consultation
