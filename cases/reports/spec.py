"""The shape of the annual report (api.md, annual-report.md): codes, their order and their Chinese labels.

Everything that names a row or a column lives here, so the computation, the sentences, the page and the
exports cannot disagree on an order or a label."""

from datetime import date

from cases import outcomes

APPLICANT_TYPES: tuple[str, ...] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
)
COLUMNS: tuple[str, ...] = (*APPLICANT_TYPES, "total")
COLUMN_LABELS = {
    "natural_person": "自然人",
    "commercial_enterprise": "商业企业",
    "research_institution": "科研机构",
    "public_interest_org": "社会公益组织",
    "legal_service_org": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}

ROWS: tuple[str, ...] = (
    "new",
    "carried_over",
    *outcomes.CODES,
    "concluded_total",
    "carried_forward",
)
ROW_LABELS = {
    "new": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "concluded_total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
    **{o.code: o.row for o in outcomes.OUTCOMES},
}
RESULTS_HEADING = "三、本年度办理结果"

APPLICATION_CHANNELS: tuple[str, ...] = ("in_person", "letter", "email", "fax", "online")
CHANNEL_LABELS = {
    "in_person": "当面申请",
    "letter": "信函申请",
    "email": "电子邮件申请",
    "fax": "传真申请",
    "online": "网上申请",
    "total": "合计",
}
# the provincial template names them in this order (网上申请 only where used)
PROVINCIAL_CHANNEL_ORDER: tuple[str, ...] = ("email", "fax", "letter", "in_person", "online")

CONSULTATION_CHANNELS: tuple[str, ...] = ("on_site", "hotline", "online")

REMEDY_KINDS: tuple[str, ...] = (
    "reconsideration",
    "lawsuit_direct",
    "lawsuit_after_reconsideration",
    "complaint",
)
NATIONAL_REMEDY_KINDS: tuple[str, ...] = REMEDY_KINDS[:3]
REMEDY_KIND_LABELS = {
    "reconsideration": "行政复议",
    "lawsuit_direct": "行政诉讼（未经复议直接起诉）",
    "lawsuit_after_reconsideration": "行政诉讼（复议后起诉）",
    "complaint": "申诉",
}
REMEDY_RESULTS: tuple[str, ...] = ("upheld", "corrected", "other", "pending")
REMEDY_COLUMNS: tuple[str, ...] = (*REMEDY_RESULTS, "total")
REMEDY_RESULT_LABELS = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

FEE_KEYS: tuple[str, ...] = ("charged_count", "charged_amount", "waived_count", "waived_amount")
FEE_LABELS = {
    "charged_count": "收费件数",
    "charged_amount": "收费金额（元）",
    "waived_count": "减免件数",
    "waived_amount": "减免金额（元）",
}

# Decision: the 2019 Regulations were in force from 2019-05-15, so a report on 2019 or later speaks their
# words; reports on 2008–2018 use the older words of law.md §6 (outcomes.Outcome.old_word).
NEW_REGULATIONS_FROM = date(2019, 5, 15)
NATIONAL_FORMAT_FROM_YEAR = 2021  # 国办公开办函〔2021〕30号
FIRST_YEAR = 2008


def vocabulary(year: int) -> str:
    """'2008' for the older words, '2019' for the revised Regulations' words."""
    return "2008" if date(year, 12, 31) < NEW_REGULATIONS_FROM else "2019"


def consultation_label(channel: str, hotline: str) -> str:
    return {"on_site": "现场咨询", "hotline": f"{hotline}电话查询", "online": "网络查询"}[channel]


def cell_label(row: str, column: str) -> str:
    """A cell of the national table in words, for error messages and the list of changes."""
    return f"“{ROW_LABELS[row]}”行“{COLUMN_LABELS[column]}”列"
