"""Reconsideration, litigation and complaints recorded against a case (law.md §7)."""

from datetime import date
from enum import Enum
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction

from cases import timeutil
from cases.access import require
from cases.models import Application, ApplicationEvent, Remedy, User
from cases.services.casework import lock_live


def _check(application: Application, filed_on: date, result: str, decided_on: date | None) -> None:
    errors: dict[str, list[str]] = {}
    today = timeutil.today()
    if filed_on > today:
        errors["filed_on"] = ["提起日期不能晚于今天。"]
    elif filed_on < application.received_on:
        errors["filed_on"] = ["提起日期不能早于收到申请之日。"]
    if result not in Remedy.Result.values:
        errors["result"] = ["请选择有效的结果。"]
    elif result == Remedy.Result.PENDING and decided_on is not None:
        errors["decided_on"] = ["尚未审结的，不应填写审结日期。"]
    elif result != Remedy.Result.PENDING and decided_on is None:
        errors["decided_on"] = ["已有结果的，请填写审结日期。"]
    if decided_on is not None and "filed_on" not in errors:
        if decided_on > today:
            errors["decided_on"] = ["审结日期不能晚于今天。"]
        elif decided_on < filed_on:
            errors["decided_on"] = ["审结日期不能早于提起日期。"]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def remedy_record(
    *,
    user: User,
    application: Application,
    kind: str,
    filed_on: date,
    result: str = Remedy.Result.PENDING,
    decided_on: date | None = None,
    note: str = "",
) -> Remedy:
    require(user, "handle")
    application = lock_live(application.pk)
    if kind not in Remedy.Kind.values:
        raise ValidationError({"kind": ["请选择有效的类型。"]})
    _check(application, filed_on, result, decided_on)
    remedy = Remedy(
        application=application,
        kind=kind,
        filed_on=filed_on,
        result=result,
        decided_on=decided_on,
        note=note.strip(),
        created_by=user,
    )
    remedy._change_reason = (
        f"登记{remedy.get_kind_display()}（{filed_on}）：{remedy.get_result_display()}"
    )
    remedy.save()
    ApplicationEvent.objects.create(
        application=application,
        kind=ApplicationEvent.Kind.REMEDY,
        on=filed_on,
        created_by=user,
        note=f"{remedy.get_kind_display()}：{remedy.get_result_display()}",
    )
    return remedy


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP  # "as recorded now", for a caller that changes only some fields (the API's PATCH)


@transaction.atomic
def remedy_update(
    *,
    user: User,
    remedy: Remedy,
    result: str | Literal[_Keep.KEEP] = KEEP,
    decided_on: date | Literal[_Keep.KEEP] | None = KEEP,
    note: str = "",
) -> Remedy:
    """The result, its date and the note; a field given as KEEP stays as recorded — read under the
    row's lock, so a change made by someone else meanwhile is kept, not overwritten with the copy the
    caller read."""
    require(user, "handle")
    lock_live(remedy.application_id)
    # of=("self",): the remedy's row only, not its case's (joined for the date checks)
    remedy = (
        Remedy.objects.select_for_update(of=("self",))
        .select_related("application")
        .get(pk=remedy.pk)
    )
    result = remedy.result if result is KEEP else result
    decided_on = remedy.decided_on if decided_on is KEEP else decided_on
    _check(remedy.application, remedy.filed_on, result, decided_on)
    changed = (remedy.result, remedy.decided_on) != (result, decided_on)
    noted = bool(note.strip()) and note.strip() != remedy.note
    if not changed and not noted:
        return remedy
    remedy.result, remedy.decided_on = result, decided_on
    reasons = []
    if changed:
        on = f"（{decided_on}）" if decided_on else ""
        reasons.append(f"{remedy.get_kind_display()}结果：{remedy.get_result_display()}{on}")
    if noted:
        remedy.note = note.strip()
        reasons.append(f"说明改为：{remedy.note}")
    remedy._change_reason = "；".join(reasons)
    remedy.save()
    if changed:  # the case's history shows the result as well as the filing
        ApplicationEvent.objects.create(
            application=remedy.application,
            kind=ApplicationEvent.Kind.REMEDY,
            on=decided_on or remedy.filed_on,
            created_by=user,
            note=f"{remedy.get_kind_display()}结果：{remedy.get_result_display()}",
        )
    return remedy
