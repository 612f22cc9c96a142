"""政府信息公开申请答复书 (law.md §6): the wording of every outcome and the article usually cited."""

from cases import outcomes
from cases.clock import engine
from cases.clocksync import get_calendar
from cases.models import Application, ApplicationEvent

from .common import LAW, Notice, NoticeUnavailable, cn_date, make_notice, received

Kind = ApplicationEvent.Kind

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
    "other.other": "经审查，本机关对您的申请作如下处理：",
}


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
    paragraphs = [received(application)]
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
        return make_notice(application, "reply", paragraphs, application.concluded_on)
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
        elif code in outcomes.NEEDS_ACCOUNT:
            # what was done is the reply itself (a case concluded before it was required may have none)
            lead = f"{lead}{reason}。" if reason else "经审查，本机关对您的申请作其他处理。"
        paragraphs.append(lead)
        if code == "unable.not_held" and application.referred_to:
            paragraphs.append(
                "经查，该政府信息不属于本机关负责公开，负责公开该政府信息的行政机关为"
                f"{application.referred_to}，请您向该机关提出申请。"
            )
    if reason and not (
        withdrawn or code in ("other.no_supplement", "other.fee_unpaid", *outcomes.NEEDS_ACCOUNT)
    ):
        paragraphs.append(f"理由：{reason}。")
    if basis:
        paragraphs.append(f"根据{basis}的规定，特此告知。")
    else:
        paragraphs.append(f"根据{law}的有关规定，特此告知。")
    paragraphs.append(REMEDY_SENTENCE)
    return make_notice(application, "reply", paragraphs, application.concluded_on)
