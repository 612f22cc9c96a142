"""cases.outcomes against law.md §6, written out here from the law's table (not read from the code):
the codes in the national report's order, each with its row, and the replies that state a reason."""

from cases import outcomes

# law.md §6, row by row: the code and the national report's row as printed there
LAW_TABLE = (
    ("disclose", "（一）予以公开"),
    ("partial", "（二）部分公开"),
    ("withhold.state_secret", "（三）1.属于国家秘密"),
    ("withhold.law_prohibited", "（三）2.其他法律行政法规禁止公开"),
    ("withhold.security_stability", "（三）3.危及“三安全一稳定”"),
    ("withhold.third_party", "（三）4.保护第三方合法权益"),
    ("withhold.internal_affairs", "（三）5.属于三类内部事务信息"),
    ("withhold.process_info", "（三）6.属于四类过程性信息"),
    ("withhold.enforcement_file", "（三）7.属于行政执法案卷"),
    ("withhold.admin_query", "（三）8.属于行政查询事项"),
    ("unable.not_held", "（四）1.本机关不掌握相关政府信息"),
    ("unable.needs_creation", "（四）2.没有现成信息需要另行制作"),
    ("unable.still_unclear", "（四）3.补正后申请内容仍不明确"),
    ("decline.petition", "（五）1.信访举报投诉类申请"),
    ("decline.duplicate", "（五）2.重复申请"),
    ("decline.publication", "（五）3.要求提供公开出版物"),
    ("decline.excessive", "（五）4.无正当理由大量反复申请"),
    ("decline.confirmation", "（五）5.要求行政机关确认或重新出具已获取信息"),
    (
        "other.no_supplement",
        "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other.fee_unpaid",
        "（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other.other", "（六）3.其他"),
)

# annual-report.md B: the headings of the groups of 三、本年度办理结果
GROUP_HEADINGS = {
    "withhold": "（三）不予公开",
    "unable": "（四）无法提供",
    "decline": "（五）不予处理",
    "other": "（六）其他处理",
}


def printed_row(outcome: outcomes.Outcome) -> str:
    """The row as the national table prints it: a numbered row under its group's heading."""
    if outcome.group in GROUP_HEADINGS:
        return outcomes.GROUP_LABELS[outcome.group][:3] + outcome.row
    return outcome.row


def test_the_codes_are_the_laws_in_the_national_reports_order() -> None:
    assert tuple(code for code, _ in LAW_TABLE) == outcomes.CODES


def test_each_code_has_its_own_row_of_the_national_report() -> None:
    assert [(o.code, printed_row(o)) for o in outcomes.OUTCOMES] == list(LAW_TABLE)


def test_each_code_is_in_the_group_its_name_says() -> None:
    for outcome in outcomes.OUTCOMES:
        assert outcome.group == outcome.code.split(".")[0], outcome.code
        assert outcome.label.startswith(outcomes.GROUP_LABELS[outcome.group][3:]), outcome.code
    for group, heading in GROUP_HEADINGS.items():
        assert outcomes.GROUP_LABELS[group] == heading


def test_a_withholding_or_partial_reply_states_its_reason_and_basis() -> None:
    """law.md §6: "A withholding or partial reply states its reason and legal basis"."""
    withholding = {code for code, _ in LAW_TABLE if code.startswith("withhold.")}
    assert withholding | {"partial"} <= outcomes.NEEDS_REASON
    assert "disclose" not in outcomes.NEEDS_REASON
