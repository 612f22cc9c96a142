"""Which notices a case has, and building one of them as plain data (law.md §4–§6).

The words of each notice live with its family: steps (补正, 延期, 延迟答复, 征求意见), fee (收费通知书)
and reply (答复书); what they share is in common."""

from collections.abc import Sequence

from cases.models import Application, ApplicationEvent, Fee

from .common import AGENCY_CONSULTATION_TITLE, KINDS, Notice, NoticeLink, NoticeUnavailable
from .fee import fee_notice
from .reply import reply_notice
from .steps import consultation_notice, deadline_notice, extension_notice, supplement_notice

Kind = ApplicationEvent.Kind


def available_notices(
    application: Application, events: Sequence[ApplicationEvent], fee: Fee | None
) -> list[NoticeLink]:
    """Every notice the case can print now, oldest first (one per extension / consultation)."""
    links: list[NoticeLink] = []
    for e in events:
        if e.kind == Kind.SUPPLEMENT_REQUESTED:
            links.append(NoticeLink("supplement", KINDS["supplement"], e.pk, e.on))
        elif e.kind == Kind.EXTENDED:
            links.append(NoticeLink("extension", KINDS["extension"], e.pk, e.on))
        elif e.kind == Kind.DEADLINE_SET:
            links.append(NoticeLink("deadline", KINDS["deadline"], e.pk, e.on))
        elif e.kind == Kind.CONSULTATION_STARTED:
            to_agency = (e.data or {}).get("party_kind") == "agency"
            title = AGENCY_CONSULTATION_TITLE if to_agency else KINDS["consultation"]
            links.append(NoticeLink("consultation", f"{title}（{e.party}）", e.pk, e.on))
        elif e.kind == Kind.FEE_NOTIFIED and fee is not None:
            links.append(NoticeLink("fee", KINDS["fee"], None, fee.notified_on))
    if application.status == Application.Status.CONCLUDED and application.outcome:
        links.append(NoticeLink("reply", KINDS["reply"], None, application.concluded_on))
    return links


def build_notice(
    application: Application,
    kind: str,
    *,
    events: Sequence[ApplicationEvent] | None = None,
    fee: Fee | None = None,
    event_id: int | None = None,
) -> Notice:
    """The notice of `kind` for the case; NoticeUnavailable if the case has none."""
    if kind not in KINDS:
        raise NoticeUnavailable("没有这种文书。")
    if events is None:
        events = list(application.events.all())
    if kind == "fee":
        return fee_notice(
            application, fee if fee is not None else getattr(application, "fee", None)
        )
    if kind == "reply":
        return reply_notice(application, events)
    builder = {
        "supplement": supplement_notice,
        "extension": extension_notice,
        "deadline": deadline_notice,
        "consultation": consultation_notice,
    }[kind]
    return builder(application, events, event_id)
