"""The outcome codes of law.md §6: one row of the national report each, with the older vocabulary."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    code: str
    group: str  # the national report's group: 一 … 六 in law.md §6
    row: str  # the row label as printed in the national table
    label: str  # a short label for lists and forms
    old_word: str  # the 2008–2018 provincial vocabulary


GROUP_LABELS = {
    "disclose": "（一）予以公开",
    "partial": "（二）部分公开",
    "withhold": "（三）不予公开",
    "unable": "（四）无法提供",
    "decline": "（五）不予处理",
    "other": "（六）其他处理",
}

OUTCOMES: tuple[Outcome, ...] = (
    Outcome("disclose", "disclose", "（一）予以公开", "予以公开", "同意公开"),
    Outcome("partial", "partial", "（二）部分公开", "部分公开", "同意部分公开"),
    Outcome(
        "withhold.state_secret",
        "withhold",
        "1.属于国家秘密",
        "不予公开：属于国家秘密",
        "不同意公开（涉及国家秘密）",
    ),
    Outcome(
        "withhold.law_prohibited",
        "withhold",
        "2.其他法律行政法规禁止公开",
        "不予公开：其他法律行政法规禁止公开",
        "不同意公开（法律法规禁止公开）",
    ),
    Outcome(
        "withhold.security_stability",
        "withhold",
        "3.危及“三安全一稳定”",
        "不予公开：危及“三安全一稳定”",
        "不同意公开（危及安全稳定）",
    ),
    Outcome(
        "withhold.third_party",
        "withhold",
        "4.保护第三方合法权益",
        "不予公开：保护第三方合法权益",
        "不同意公开（涉及商业秘密、个人隐私）",
    ),
    Outcome(
        "withhold.internal_affairs",
        "withhold",
        "5.属于三类内部事务信息",
        "不予公开：属于三类内部事务信息",
        "不同意公开（非《条例》所指政府信息）",
    ),
    Outcome(
        "withhold.process_info",
        "withhold",
        "6.属于四类过程性信息",
        "不予公开：属于四类过程性信息",
        "不同意公开（非《条例》所指政府信息）",
    ),
    Outcome(
        "withhold.enforcement_file",
        "withhold",
        "7.属于行政执法案卷",
        "不予公开：属于行政执法案卷",
        "不同意公开（非《条例》所指政府信息）",
    ),
    Outcome(
        "withhold.admin_query",
        "withhold",
        "8.属于行政查询事项",
        "不予公开：属于行政查询事项",
        "告知通过其他途径办理",
    ),
    Outcome(
        "unable.not_held",
        "unable",
        "1.本机关不掌握相关政府信息",
        "无法提供：本机关不掌握相关政府信息",
        "信息不存在或非本机关职责范围",
    ),
    Outcome(
        "unable.needs_creation",
        "unable",
        "2.没有现成信息需要另行制作",
        "无法提供：没有现成信息需要另行制作",
        "信息不存在",
    ),
    Outcome(
        "unable.still_unclear",
        "unable",
        "3.补正后申请内容仍不明确",
        "无法提供：补正后申请内容仍不明确",
        "申请内容不明确",
    ),
    Outcome(
        "decline.petition",
        "decline",
        "1.信访举报投诉类申请",
        "不予处理：信访举报投诉类申请",
        "告知通过其他途径办理",
    ),
    Outcome("decline.duplicate", "decline", "2.重复申请", "不予处理：重复申请", "重复申请"),
    Outcome(
        "decline.publication",
        "decline",
        "3.要求提供公开出版物",
        "不予处理：要求提供公开出版物",
        "告知通过其他途径办理",
    ),
    Outcome(
        "decline.excessive",
        "decline",
        "4.无正当理由大量反复申请",
        "不予处理：无正当理由大量反复申请",
        "不同意公开（无正当理由大量反复申请）",
    ),
    Outcome(
        "decline.confirmation",
        "decline",
        "5.要求行政机关确认或重新出具已获取信息",
        "不予处理：要求确认或重新出具已获取信息",
        "告知通过其他途径办理",
    ),
    Outcome(
        "other.no_supplement",
        "other",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "其他处理：逾期不补正",
        "告知作出更改补充（逾期未补正）",
    ),
    Outcome(
        "other.fee_unpaid",
        "other",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他处理：逾期未缴费",
        "其他（逾期未缴费）",
    ),
    Outcome(
        "other.other", "other", "3.其他", "其他处理：其他（含申请人撤回）", "其他（含申请人撤回）"
    ),
)

BY_CODE: dict[str, Outcome] = {o.code: o for o in OUTCOMES}
CODES: tuple[str, ...] = tuple(o.code for o in OUTCOMES)
CHOICES: list[tuple[str, str]] = [(o.code, o.label) for o in OUTCOMES]

# codes whose reply must state a reason and legal basis (law.md §6)
NEEDS_REASON = frozenset(
    o.code for o in OUTCOMES if o.group in {"partial", "withhold", "unable", "decline"}
)
# “其他处理” says nothing by its name: its reply states what was done (the reason field), with no
# article of its own to cite
NEEDS_ACCOUNT = frozenset({"other.other"})
