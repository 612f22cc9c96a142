"""The notices of the steps while a case is handled (law.md §4, §5): 补正告知书, 延期答复告知书,
延迟答复告知书 (Art. 35), and 第三方意见征询函 / 征求意见函."""

from cases.clock import engine
from cases.clocksync import compute_for, get_calendar
from cases.models import Application, ApplicationEvent

from .common import (
    AGENCY_CONSULTATION_TITLE,
    KINDS,
    LAW,
    Notice,
    cn_date,
    counted_note,
    event_of,
    make_notice,
    provisional_note,
    received,
)

Kind = ApplicationEvent.Kind


def supplement_notice(application: Application, events, event_id=None) -> Notice:
    event = event_of(events, Kind.SUPPLEMENT_REQUESTED, event_id)
    cal = get_calendar()
    period_end = engine.supplement_period_end(event.to_clock_event(), cal)
    # a due date the office chose is not counted; a period is
    mark = counted_note(event.on, period_end) if event.deadline is None else ""
    items = [line.strip() for line in event.note.splitlines() if line.strip()]
    numbered = [f"{i}. {line}" for i, line in enumerate(items, 1)] if len(items) > 1 else items
    if application.regime == engine.REGIME_2019:
        lead = (
            f"经审查，您的申请内容不明确，本机关无法确定您所申请的政府信息。根据{LAW['2019']}"
            "第三十条的规定，现一次性告知您对下列事项作出补正："
        )
        period = (
            f"请您于{cn_date(period_end)}前{mark}向本机关提交补正"
            + (
                f"（补正期限为{event.days}个工作日）"
                if event.deadline is None and event.days
                else ""
            )
            + "。答复期限自本机关收到补正的申请之日起计算。"
            "您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
        )
    else:
        lead = (
            f"经审查，您的申请内容不明确。根据{LAW['2008']}第二十一条第（四）项的规定，"
            "请您对申请作出下列更改、补充："
        )
        period = (
            f"请您于{cn_date(period_end)}前{mark}向本机关提交更改、补充后的申请。"
            "答复期限自本机关收到更改、补充后的申请之日起计算。"
        )
    return make_notice(
        application, "supplement", [received(application), lead, *numbered, period], event.on
    )


def extension_notice(application: Application, events, event_id=None) -> Notice:
    event = event_of(events, Kind.EXTENDED, event_id)
    upto = [e for e in events if (e.on, e.pk) <= (event.on, event.pk)]
    clock = compute_for(application, upto, today=event.on)
    article = "第三十三条第二款" if application.regime == engine.REGIME_2019 else "第二十四条第二款"
    cap = engine.extension_cap(application.regime)
    deadline = clock.deadline
    when = f"{cn_date(deadline)}前" if deadline else "延长后的期限内"
    provisional = provisional_note(deadline) if deadline and clock.provisional else ""
    body = (
        f"因{event.note.rstrip('。')}，本机关不能在法定期限内作出答复。根据{LAW[application.regime]}"
        f"{article}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{event.days}个工作日"
        f"（延长的期限累计不超过{cap}个工作日），本机关将于{when}作出答复{provisional}。"
    )
    return make_notice(application, "extension", [received(application), body], event.on)


def deadline_notice(application: Application, events, event_id=None) -> Notice:
    event = event_of(events, Kind.DEADLINE_SET, event_id)
    body = (
        "您申请公开政府信息的数量、频次明显超过合理范围，经审查，本机关认为申请理由合理，"
        f"但无法在法定期限内答复。根据{LAW['2019']}第三十五条的规定，本机关确定延迟答复的"
        f"合理期限，将于{cn_date(event.deadline)}前作出答复。理由：{event.note.rstrip('。')}。"
    )
    return make_notice(application, "deadline", [received(application), body], event.on)


def consultation_notice(application: Application, events, event_id=None) -> Notice:
    event = event_of(events, Kind.CONSULTATION_STARTED, event_id)
    cal = get_calendar()
    due = engine.third_party_reply_due(event.on, cal)
    mark = counted_note(event.on, due)
    to_agency = (event.data or {}).get("party_kind") == "agency"
    received = (
        f"本机关于{cn_date(application.received_on)}收到{application.applicant.name}提出的政府信息"
        f"公开申请（申请编号：{application.number}），申请获取“{application.content}”。"
    )
    if application.regime == engine.REGIME_2008 and to_agency:
        # the 2008 text has no Art. 34; its Art. 7 has an office consult the others concerned
        body = (
            "该申请所涉政府信息涉及贵机关。"
            f"根据{LAW['2008']}第七条的规定，现就该政府信息与贵机关进行沟通、确认，"
            f"请贵机关于{cn_date(due)}前{mark}以书面形式提出意见。"
        )
    elif application.regime == engine.REGIME_2008:
        body = (
            "经审查，该申请所涉政府信息可能涉及贵方的商业秘密、个人隐私，公开后可能损害贵方的合法权益。"
            f"根据{LAW['2008']}第二十三条的规定，现书面征求贵方意见，请于{cn_date(due)}前{mark}以书面形式"
            "提出是否同意公开的意见并说明理由。"
        )
    elif to_agency:
        body = (
            "该申请所涉政府信息由本机关与贵机关共同制作。"
            f"根据{LAW['2019']}第三十四条的规定，现征求贵机关意见，请贵机关自收到本函之日起"
            f"15个工作日内（即{cn_date(due)}前{mark}）提出意见；逾期未提出意见的，视为同意公开。"
        )
    else:
        body = (
            "经审查，该申请所涉政府信息可能涉及贵方的商业秘密、个人隐私等，公开后可能损害贵方的"
            f"合法权益。根据{LAW['2019']}第三十二条的规定，现书面征求贵方意见，请贵方自收到本函之日起"
            f"15个工作日内（即{cn_date(due)}前{mark}）以书面形式提出意见并说明理由。贵方逾期未提出意见的，"
            "由本机关依照《条例》的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；"
            "本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息"
            "内容和理由书面告知贵方。"
        )
    note = f"说明：{event.note}" if event.note else ""
    return make_notice(
        application,
        "consultation",
        [received, body, note],
        event.on,
        title=AGENCY_CONSULTATION_TITLE if to_agency else KINDS["consultation"],
        addressee=f"{event.party}：",
    )
