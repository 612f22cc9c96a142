"""The words of every notice, built from the case as plain data (law.md §4–§6).

Each notice names the office, the case number, the dates that matter and, for the reply, the outcome's
wording and its legal basis. A case that received its application before 2019-05-15 is under the 2008
text (国务院令第492号) and its notices cite that text's articles."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from cases import fees as fee_rules
from cases.clock import engine
from cases.clocksync import compute_for, get_calendar
from cases.models import Application, ApplicationEvent, Fee

Kind = ApplicationEvent.Kind

KINDS: dict[str, str] = {
    "supplement": "补正告知书",
    "extension": "延期答复告知书",
    "deadline": "延迟答复告知书",
    "fee": "收费通知书",
    "consultation": "第三方意见征询函",
    "reply": "政府信息公开申请答复书",
}
AGENCY_CONSULTATION_TITLE = "政府信息公开征求意见函"

LAW = {
    engine.REGIME_2019: "《中华人民共和国政府信息公开条例》",
    engine.REGIME_2008: "《中华人民共和国政府信息公开条例》（国务院令第492号）",
}
REMEDY_SENTENCE = (
    "如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，"
    "或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。"
)

# The article usually cited for each outcome (a suggestion for the form, and the basis printed when the
# case records none). Empty where the choice depends on the facts and must come from the handler.
_BASIS_2019 = {
    "disclose": "第三十六条第（二）项",
    "partial": "第三十七条",
    "withhold.state_secret": "第十四条",
    "withhold.law_prohibited": "第十四条",
    "withhold.security_stability": "第十四条",
    "withhold.third_party": "第十五条",
    "withhold.internal_affairs": "第十六条第一款",
    "withhold.process_info": "第十六条第二款",
    "withhold.enforcement_file": "第十六条第二款",
    "withhold.admin_query": "第三十六条第（七）项",
    "unable.not_held": "第三十六条第（四）项、第（五）项",
    "unable.needs_creation": "第三十八条",
    "unable.still_unclear": "第三十条",
    "decline.petition": "第三十九条第一款",
    "decline.duplicate": "第三十六条第（六）项",
    "decline.publication": "第三十九条第二款",
    "decline.excessive": "第三十五条",
    "other.no_supplement": "第三十条",
    "other.fee_unpaid": "第四十二条",
}
_BASIS_2008 = {
    "disclose": "第二十一条第（一）项",
    "partial": "第二十二条",
    "withhold.state_secret": "第十四条第四款",
    "withhold.law_prohibited": "第十四条第四款",
    "withhold.security_stability": "第八条",
    "withhold.third_party": "第十四条第四款、第二十三条",
    "unable.not_held": "第二十一条第（三）项",
    "unable.still_unclear": "第二十一条第（四）项",
    "other.fee_unpaid": "第二十七条",
}
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"

# What the reply says for each outcome (the handler's reason and basis follow it)
_REPLY_LEADS = {
    "disclose": "经审查，您申请获取的政府信息属于公开范围，本机关予以公开。",
    "partial": (
        "经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。"
        "本机关向您提供可以公开的政府信息内容，对不予公开的内容说明理由如下。"
    ),
    "withhold.state_secret": "经审查，您申请获取的政府信息属于国家秘密，本机关决定不予公开。",
    "withhold.law_prohibited": (
        "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息，本机关决定不予公开。"
    ),
    "withhold.security_stability": (
        "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，"
        "本机关决定不予公开。"
    ),
    "withhold.third_party": (
        "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，"
        "本机关决定不予公开。"
    ),
    "withhold.internal_affairs": (
        "经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，"
        "本机关决定不予公开。"
    ),
    "withhold.process_info": (
        "经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、"
        "磋商信函、请示报告等过程性信息，本机关决定不予公开。"
    ),
    "withhold.enforcement_file": (
        "经审查，您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。"
    ),
    "withhold.admin_query": (
        "经审查，您申请获取的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定，"
        "请您依照有关法律、行政法规的规定办理。"
    ),
    "unable.not_held": "经检索，本机关没有您申请公开的政府信息，无法向您提供。",
    "unable.needs_creation": (
        "经审查，本机关没有您所申请的现成政府信息，需要对现有政府信息进行加工、分析才能形成，"
        "本机关不予提供。"
    ),
    "unable.still_unclear": (
        "您提交补正后，申请内容仍不明确，本机关无法确定您所申请的政府信息，因此无法提供。"
    ),
    "decline.petition": (
        "经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开"
        "申请处理，请您通过信访、投诉、举报等相应渠道提出。"
    ),
    "decline.duplicate": (
        "经查，本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，"
        "本机关不予重复处理。"
    ),
    "decline.publication": (
        "您申请获取的是政府公报、报刊、书籍等公开出版物，请您通过公开发行渠道获取。"
    ),
    "decline.excessive": (
        "您申请公开政府信息的数量、频次明显超过合理范围，经审查，申请理由不合理，本机关不予处理。"
    ),
    "decline.confirmation": (
        "您的申请系要求本机关确认或者重新出具您已获取的信息，本机关不作为政府信息公开申请处理。"
    ),
    "other.other": "经审查，本机关对您的申请作如下处理。",
}

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


class NoticeUnavailable(Exception):
    """The case has no such notice (yet): e.g. no supplement was requested, or it is not concluded."""


@dataclass(frozen=True)
class Notice:
    kind: str
    title: str
    office: str
    number: str  # the case number
    addressee: str
    paragraphs: tuple[str, ...]
    dated: date
    table: tuple[tuple[str, str], ...] = field(default=())  # label → value (fee details)
    closing: tuple[str, ...] = field(default=())  # paragraphs after the table
    footer: tuple[str, ...] = field(default=())  # contact lines under the signature

    @property
    def filename(self) -> str:
        return f"{self.number}{self.title}.docx"

    @property
    def text(self) -> str:
        """All the words of the notice, in order (for search and tests)."""
        lines = [self.title, f"申请编号：{self.number}", self.addressee, *self.paragraphs]
        lines += [f"{k}：{v}" for k, v in self.table]
        lines += [*self.closing, self.office, cn_date(self.dated), *self.footer]
        return "\n".join(lines)


@dataclass(frozen=True)
class NoticeLink:
    kind: str
    title: str
    event_id: int | None
    dated: date


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _group_upper(n: int) -> str:
    out, zero = "", False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            zero = zero or bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _UNITS[pos]
    return out


def _int_upper(n: int) -> str:
    groups = []
    while n:
        n, g = divmod(n, 10000)
        groups.append(g)
    out, gap = "", False
    for i in reversed(range(len(groups))):
        g = groups[i]
        if g == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += _group_upper(g) + _GROUPS[i]
        gap = False
    return out


def rmb_upper(amount: Decimal) -> str:
    """The amount in capital figures as written on Chinese financial documents: 壹佰元整, 贰拾元伍角整."""
    cents = int((Decimal(amount) * 100).quantize(Decimal(1)))
    if cents <= 0:
        return "零元整"
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    out = _int_upper(yuan) + "元" if yuan else ""
    if not jiao and not fen:
        return out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    return out + (_DIGITS[fen] + "分" if fen else "整")


def suggested_basis(outcome: str, regime: str, *, referred: bool = False) -> str:
    """The article usually cited for an outcome under the case's regime ('' when it depends)."""
    table = _BASIS_2019 if regime == engine.REGIME_2019 else _BASIS_2008
    article = table.get(outcome, "")
    if outcome == "unable.not_held" and regime == engine.REGIME_2019:
        article = "第三十六条第（五）项" if referred else "第三十六条第（四）项"
    if not article:
        return ""
    basis = f"{LAW[regime]}{article}"
    if outcome == "other.fee_unpaid" and regime == engine.REGIME_2019:
        basis += f"；{FEE_MEASURES}"
    return basis


def _addressee(application: Application) -> str:
    return f"{application.applicant.name}："


def _received(application: Application) -> str:
    return (
        f"本机关于{cn_date(application.received_on)}收到您提出的政府信息公开申请"
        f"（申请编号：{application.number}），申请获取“{application.content}”。"
    )


def _footer(application: Application) -> tuple[str, ...]:
    return (f"咨询电话：{application.agency.hotline}",)


def _event(events: Sequence[ApplicationEvent], kind: str, event_id: int | None):
    matching = [e for e in events if e.kind == kind]
    if event_id is not None:
        matching = [e for e in matching if e.pk == event_id]
    if not matching:
        raise NoticeUnavailable(f"本申请没有可生成的{KINDS.get(kind, '文书')}。")
    return matching[-1]


def _notice(application: Application, kind: str, paragraphs, dated: date, **extra) -> Notice:
    return Notice(
        kind=kind,
        title=extra.pop("title", KINDS[kind]),
        office=application.agency.name,
        number=application.number,
        addressee=extra.pop("addressee", _addressee(application)),
        paragraphs=tuple(p for p in paragraphs if p),
        dated=dated,
        footer=extra.pop("footer", _footer(application)),
        **extra,
    )


# --- each notice ------------------------------------------------------------------------------


def supplement_notice(application: Application, events, event_id=None) -> Notice:
    event = _event(events, Kind.SUPPLEMENT_REQUESTED, event_id)
    cal = get_calendar()
    period_end = engine.supplement_period_end(event.to_clock_event(), cal)
    items = [line.strip() for line in event.note.splitlines() if line.strip()]
    numbered = [f"{i}. {line}" for i, line in enumerate(items, 1)] if len(items) > 1 else items
    if application.regime == engine.REGIME_2019:
        lead = (
            f"经审查，您的申请内容不明确，本机关无法确定您所申请的政府信息。根据{LAW['2019']}"
            "第三十条的规定，现一次性告知您对下列事项作出补正："
        )
        period = (
            f"请您于{cn_date(period_end)}前向本机关提交补正"
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
            f"请您于{cn_date(period_end)}前向本机关提交更改、补充后的申请。"
            "答复期限自本机关收到更改、补充后的申请之日起计算。"
        )
    return _notice(
        application, "supplement", [_received(application), lead, *numbered, period], event.on
    )


def extension_notice(application: Application, events, event_id=None) -> Notice:
    event = _event(events, Kind.EXTENDED, event_id)
    upto = [e for e in events if (e.on, e.pk) <= (event.on, event.pk)]
    clock = compute_for(application, upto, today=event.on)
    article = "第三十三条第二款" if application.regime == engine.REGIME_2019 else "第二十四条第二款"
    cap = engine.extension_cap(application.regime)
    deadline = clock.deadline
    when = f"{cn_date(deadline)}前" if deadline else "延长后的期限内"
    provisional = (
        f"（{deadline.year}年节假日安排尚未公布，该日期按周末推算，公布后如有变化另行告知）"
        if deadline and clock.provisional
        else ""
    )
    body = (
        f"因{event.note.rstrip('。')}，本机关不能在法定期限内作出答复。根据{LAW[application.regime]}"
        f"{article}的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{event.days}个工作日"
        f"（延长的期限累计不超过{cap}个工作日），本机关将于{when}作出答复{provisional}。"
    )
    return _notice(application, "extension", [_received(application), body], event.on)


def deadline_notice(application: Application, events, event_id=None) -> Notice:
    event = _event(events, Kind.DEADLINE_SET, event_id)
    body = (
        "您申请公开政府信息的数量、频次明显超过合理范围，经审查，本机关认为申请理由合理，"
        f"但无法在法定期限内答复。根据{LAW['2019']}第三十五条的规定，本机关确定延迟答复的"
        f"合理期限，将于{cn_date(event.deadline)}前作出答复。理由：{event.note.rstrip('。')}。"
    )
    return _notice(application, "deadline", [_received(application), body], event.on)


def fee_notice(application: Application, fee: Fee | None) -> Notice:
    if fee is None:
        raise NoticeUnavailable("本申请没有发出收费通知。")
    money = f"人民币{fee.amount}元（大写：{rmb_upper(fee.amount)}）"
    pay = f"请您自收到本通知次日起20个工作日内（即{cn_date(fee.pay_due_on)}前）缴纳上述费用。"
    if fee.method == Fee.Method.COST:
        lead = (
            f"根据{LAW['2008']}第二十七条的规定，本机关依申请提供政府信息，"
            "收取检索、复制、邮寄等成本费用，现将有关事项通知如下："
        )
        table = (("收费项目", fee.cost_items), ("收费依据", fee.basis), ("应缴金额", money))
        after = (
            "缴费方式：请持本通知书到本机关政府信息公开工作机构办理缴费手续。",
            "申请公开政府信息的公民确有经济困难的，可以提出减免费用的申请，"
            "经本机关政府信息公开工作机构负责人审核同意，可以减免相关费用。",
        )
    else:
        lead = (
            f"根据{fee_rules.BASIS}的规定，您的申请属于申请公开政府信息的数量、频次明显超过合理范围"
            "的情形，本机关依法收取信息处理费，现将有关事项通知如下："
        )
        table = (
            ("计收方式", fee.get_method_display()),
            ("收费依据", fee.basis),
            ("收费标准", fee.standard),
            ("计算过程", "；".join(line for line in fee.breakdown.splitlines() if line)),
            ("应缴金额", money),
        )
        after = (
            "缴费方式：请持本通知书到本机关政府信息公开工作机构办理缴费手续，"
            "或按本机关告知的非税收入缴款方式缴纳。",
            "自本机关发出收费通知之日起至您缴纳费用之日止的期间，不计算在答复期限内。"
            "您逾期未缴纳费用的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        )
    return _notice(
        application,
        "fee",
        [_received(application), lead],
        fee.notified_on,
        table=table,
        closing=(pay, *after),
    )


def consultation_notice(application: Application, events, event_id=None) -> Notice:
    event = _event(events, Kind.CONSULTATION_STARTED, event_id)
    cal = get_calendar()
    due = engine.third_party_reply_due(event.on, cal)
    to_agency = (event.data or {}).get("party_kind") == "agency"
    received = (
        f"本机关于{cn_date(application.received_on)}收到{application.applicant.name}提出的政府信息"
        f"公开申请（申请编号：{application.number}），申请获取“{application.content}”。"
    )
    if application.regime == engine.REGIME_2008:
        body = (
            "经审查，该申请所涉政府信息可能涉及贵方的商业秘密、个人隐私，公开后可能损害贵方的合法权益。"
            f"根据{LAW['2008']}第二十三条的规定，现书面征求贵方意见，请于{cn_date(due)}前以书面形式"
            "提出是否同意公开的意见并说明理由。"
        )
    elif to_agency:
        body = (
            "该申请所涉政府信息由本机关与贵机关共同制作。"
            f"根据{LAW['2019']}第三十四条的规定，现征求贵机关意见，请贵机关自收到本函之日起"
            f"15个工作日内（即{cn_date(due)}前）提出意见；逾期未提出意见的，视为同意公开。"
        )
    else:
        body = (
            "经审查，该申请所涉政府信息可能涉及贵方的商业秘密、个人隐私等，公开后可能损害贵方的"
            f"合法权益。根据{LAW['2019']}第三十二条的规定，现书面征求贵方意见，请贵方自收到本函之日起"
            f"15个工作日内（即{cn_date(due)}前）以书面形式提出意见并说明理由。贵方逾期未提出意见的，"
            "由本机关依照《条例》的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；"
            "本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息"
            "内容和理由书面告知贵方。"
        )
    note = f"说明：{event.note}" if event.note else ""
    return _notice(
        application,
        "consultation",
        [received, body, note],
        event.on,
        title=AGENCY_CONSULTATION_TITLE if to_agency else KINDS["consultation"],
        addressee=f"{event.party}：",
    )


def _delivery(application: Application) -> str:
    if application.delivery:
        return f"现按您要求的方式（{application.delivery}）向您提供。"
    return "现随本答复书一并向您提供。"


def reply_notice(application: Application, events) -> Notice:
    if application.status != Application.Status.CONCLUDED or not application.outcome:
        raise NoticeUnavailable("本申请尚未办结，不能生成答复书。")
    code, regime = application.outcome, application.regime
    law = LAW[regime]
    reason = application.outcome_reason.strip().rstrip("。")
    basis = application.outcome_basis.strip() or suggested_basis(
        code, regime, referred=bool(application.referred_to)
    )
    paragraphs = [_received(application)]
    withdrawn = next((e for e in events if e.kind == Kind.WITHDRAWN), None)
    request = next((e for e in events if e.kind == Kind.SUPPLEMENT_REQUESTED), None)
    supplied = next((e for e in events if e.kind == Kind.SUPPLEMENT_RECEIVED), None)
    if supplied is not None:
        paragraphs.append(
            f"本机关于{cn_date(request.on)}告知您作出补正，于{cn_date(supplied.on)}收到您的补正。"
        )
    if withdrawn is not None:
        paragraphs.append(
            f"您已于{cn_date(withdrawn.on)}撤回该政府信息公开申请，本机关对该申请终止处理。"
        )
        return _notice(application, "reply", paragraphs, application.concluded_on)
    if code == "other.no_supplement" and request is not None:
        period_end = engine.supplement_period_end(request.to_clock_event(), get_calendar())
        paragraphs.append(
            f"本机关于{cn_date(request.on)}告知您对申请作出补正，补正期限至{cn_date(period_end)}。"
            "您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的该政府信息公开申请。"
        )
    elif code == "other.fee_unpaid":
        fee = getattr(application, "fee", None)
        when = (
            f"本机关于{cn_date(fee.notified_on)}向您发出收费通知，缴费期限至{cn_date(fee.pay_due_on)}。"
            if fee
            else ""
        )
        paragraphs.append(
            f"{when}您逾期未按收费通知要求缴纳费用，视为放弃申请，"
            "本机关不再处理您的该政府信息公开申请。"
        )
    else:
        lead = _REPLY_LEADS.get(code, "")
        if code == "disclose":
            lead += _delivery(application)
        paragraphs.append(lead)
        if code == "unable.not_held" and application.referred_to:
            paragraphs.append(
                "经查，该政府信息不属于本机关负责公开，负责公开该政府信息的行政机关为"
                f"{application.referred_to}，请您向该机关提出申请。"
            )
    if reason and not (withdrawn or code in ("other.no_supplement", "other.fee_unpaid")):
        paragraphs.append(f"理由：{reason}。")
    if basis:
        paragraphs.append(f"根据{basis}的规定，特此告知。")
    else:
        paragraphs.append(f"根据{law}的有关规定，特此告知。")
    paragraphs.append(REMEDY_SENTENCE)
    return _notice(application, "reply", paragraphs, application.concluded_on)


# --- which notices a case has ------------------------------------------------------------------


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
