"""Notices generated from the case (law.md §4–§6): the office, the case number, the dates, the outcome
wording and its legal basis — on the printable page and in the DOCX read back."""

import io
from datetime import date
from decimal import Decimal

import docx
import pytest
from django.urls import reverse

from cases import outcomes
from cases.models import Application
from cases.notices import NoticeUnavailable, available_notices, build_notice, rmb_upper
from cases.notices.docx import to_docx
from cases.services import fees, handling

from .test_conclude import prepare

pytestmark = pytest.mark.django_db
D = date


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def notice(app, kind, **kw):
    return build_notice(Application.objects.get(pk=app.pk), kind, **kw)


def assert_in_docx(n, *needles):
    text = docx_text(to_docx(n))
    for needle in (n.title, n.office, n.number, n.addressee, *needles):
        assert needle in text, needle


def test_supplement_notice(case, handler):
    handling.application_request_supplement(
        user=handler, application=case, on=D(2026, 11, 3),
        items_to_supplement="请写明年度\n请写明文件名称", period_days=5,
    )  # fmt: skip
    n = notice(case, "supplement")
    assert (n.title, n.office, n.dated) == ("补正告知书", "姜驿乡人民政府", D(2026, 11, 3))
    assert n.number == case.number and n.addressee == "张三："
    text = n.text
    for needle in (
        "2026年11月2日收到",
        "第三十条",
        "一次性告知",
        "1. 请写明年度",
        "2. 请写明文件名称",
        "2026年11月10日前",
        "视为放弃申请",
    ):
        assert needle in text, needle
    assert_in_docx(n, "1. 请写明年度", "2026年11月10日前", "2026年11月3日")


def test_2008_supplement_notice_cites_the_old_text(register, handler):
    old = register(received_on=D(2018, 3, 1))
    handling.application_request_supplement(
        user=handler, application=old, on=D(2018, 3, 2), items_to_supplement="请写明年度"
    )
    text = notice(old, "supplement").text
    assert "国务院令第492号" in text and "第二十一条第（四）项" in text and "视为放弃" not in text


def test_extension_notice_states_days_and_new_deadline(case, handler, sup):
    handling.application_extend(
        user=handler,
        application=case,
        on=D(2026, 11, 20),
        days=10,
        approved_by=sup,
        reason="需调取档案",
    )
    n = notice(case, "extension")
    for needle in (
        "因需调取档案",
        "第三十三条第二款",
        "负责人同意",
        "延长10个工作日",
        "2026年12月14日前",
    ):
        assert needle in n.text, needle
    assert "待" not in n.text and "按周末推算" not in n.text
    assert_in_docx(n, "2026年12月14日前")


def test_each_extension_has_its_own_notice_with_the_deadline_of_the_time(case, handler, sup):
    handling.application_extend(
        user=handler, application=case, on=D(2026, 11, 20), days=5, approved_by=sup, reason="一"
    )
    handling.application_extend(
        user=handler, application=case, on=D(2026, 11, 23), days=5, approved_by=sup, reason="二"
    )
    first, second = case.events.filter(kind="extended").order_by("id")
    assert "2026年12月7日前" in notice(case, "extension", event_id=first.pk).text
    assert "2026年12月14日前" in notice(case, "extension", event_id=second.pk).text
    assert "2026年12月14日前" in notice(case, "extension").text  # the latest by default


def test_extension_into_an_unpublished_year_is_marked(register, handler, sup):
    app = register(received_on=D(2026, 11, 20))  # 40 working days later lies in 2027
    handling.application_extend(
        user=handler, application=app, on=D(2026, 11, 23), days=20, approved_by=sup, reason="量大"
    )
    assert "2027年节假日安排尚未公布" in notice(app, "extension").text


def test_art35_notice(case, handler):
    handling.application_set_deadline(
        user=handler,
        application=case,
        on=D(2026, 11, 20),
        deadline=D(2027, 3, 31),
        reason="一个月内申请40件",
    )
    n = notice(case, "deadline")
    assert n.title == "延迟答复告知书"
    for needle in ("第三十五条", "2027年3月31日前", "一个月内申请40件"):
        assert needle in n.text


def test_fee_notice_per_page(case, handler):
    fees.fee_notify(
        user=handler, application=case, on=D(2026, 11, 10), method="per_page", pages=120
    )
    n = notice(case, "fee")
    assert n.title == "收费通知书" and n.dated == D(2026, 11, 10)
    table = dict(n.table)
    assert table["计收方式"] == "按量计收"
    assert table["应缴金额"] == "人民币1100.00元（大写：壹仟壹佰元整）"
    assert "第101–120页：20页×20元=400.00元" in table["计算过程"]
    assert "国办函〔2020〕109号" in table["收费依据"]
    for needle in ("2026年12月8日前", "不计算在答复期限内", "视为放弃申请"):
        assert needle in n.text, needle
    assert_in_docx(n, "壹仟壹佰元整", "2026年12月8日前")


def test_fee_notice_per_item(register, handler):
    register(received_on=D(2026, 11, 2), items=10)
    app = register(received_on=D(2026, 11, 3), items=2)
    fees.fee_notify(user=handler, application=app, on=D(2026, 11, 4), method="per_item")
    table = dict(notice(app, "fee").table)
    assert table["计收方式"] == "按件计收" and "人民币200.00元" in table["应缴金额"]
    assert "本月此前已向同一行政机关申请10件" in table["计算过程"]


def test_2008_cost_fee_notice(register, handler):
    old = register(received_on=D(2018, 3, 1))
    fees.fee_notify(
        user=handler,
        application=old,
        on=D(2018, 3, 5),
        method="cost",
        amount="12.5",
        cost_items="复制费",
    )
    n = notice(old, "fee")
    table = dict(n.table)
    assert (
        table["收费项目"] == "复制费"
        and table["应缴金额"] == "人民币12.50元（大写：壹拾贰元伍角整）"
    )
    assert "第二十七条" in n.text and "减免" in n.text and "信息处理费" not in n.text


def test_third_party_letter(case, handler):
    handling.application_start_consultation(
        user=handler,
        application=case,
        on=D(2026, 11, 10),
        party="元谋县金沙建材有限公司",
        note="涉及企业报价",
    )
    n = notice(case, "consultation")
    assert n.title == "第三方意见征询函" and n.addressee == "元谋县金沙建材有限公司："
    for needle in (
        "张三提出的政府信息公开申请",
        "第三十二条",
        "15个工作日内",
        "2026年12月1日前",
        "说明：涉及企业报价",
    ):
        assert needle in n.text, needle
    assert_in_docx(n, "第三十二条")


def test_other_office_letter(case, handler):
    handling.application_start_consultation(
        user=handler,
        application=case,
        on=D(2026, 11, 10),
        party="元谋县自然资源局",
        party_kind="agency",
    )
    n = notice(case, "consultation")
    assert n.title == "政府信息公开征求意见函"
    assert "第三十四条" in n.text and "视为同意公开" in n.text


REPLY_WORDS = {
    "disclose": "予以公开",
    "partial": "区分处理",
    "withhold.state_secret": "属于国家秘密",
    "withhold.law_prohibited": "法律、行政法规禁止公开",
    "withhold.security_stability": "国家安全、公共安全、经济安全、社会稳定",
    "withhold.third_party": "第三方合法权益",
    "withhold.internal_affairs": "内部事务信息",
    "withhold.process_info": "过程性信息",
    "withhold.enforcement_file": "行政执法案卷",
    "withhold.admin_query": "行政查询事项",
    "unable.not_held": "本机关没有您申请公开的政府信息",
    "unable.needs_creation": "加工、分析",
    "unable.still_unclear": "补正后，申请内容仍不明确",
    "decline.petition": "信访、投诉、举报",
    "decline.duplicate": "不予重复处理",
    "decline.publication": "公开出版物",
    "decline.excessive": "明显超过合理范围",
    "decline.confirmation": "确认或者重新出具",
    "other.no_supplement": "逾期未补正，视为放弃申请",
    "other.fee_unpaid": "逾期未按收费通知要求缴纳费用",
    "other.other": "作如下处理",
}


@pytest.mark.parametrize("code", outcomes.CODES)
def test_reply_for_every_outcome(register, handler, code):
    assert set(REPLY_WORDS) == set(outcomes.CODES)
    app = register(received_on=D(2026, 10, 7))
    on = prepare(app, handler, code)
    needs = code in outcomes.NEEDS_REASON
    handling.application_conclude(
        user=handler, application=app, on=on, outcome=code,
        reason="经审查的具体理由" if needs else "", basis="《条例》某条" if needs else "",
    )  # fmt: skip
    n = notice(app, "reply")
    assert (n.title, n.dated) == ("政府信息公开申请答复书", on)
    text = n.text
    assert "2026年10月7日收到" in text and app.number in text and "姜驿乡人民政府" in text
    assert REPLY_WORDS[code] in text
    if needs:
        assert "理由：经审查的具体理由。" in text and "根据《条例》某条的规定" in text
    assert "行政复议" in text and "行政诉讼" in text
    assert_in_docx(n, REPLY_WORDS[code])


@pytest.mark.parametrize(
    ("code", "article"),
    [
        ("disclose", "第三十六条第（二）项"),
        ("other.no_supplement", "第三十条"),
        ("other.fee_unpaid", "国办函〔2020〕109号"),
    ],
)
def test_reply_basis_defaults_by_law_when_none_recorded(register, handler, code, article):
    app = register(received_on=D(2026, 10, 7))
    handling.application_conclude(
        user=handler, application=app, on=prepare(app, handler, code), outcome=code
    )
    assert article in notice(app, "reply").text


def test_reply_for_a_2008_case_cites_the_old_text(register, handler):
    old = register(received_on=D(2018, 3, 1))
    handling.application_conclude(
        user=handler, application=old, on=D(2018, 3, 10), outcome="disclose"
    )
    text = notice(old, "reply").text
    assert "国务院令第492号" in text and "第二十一条第（一）项" in text


def test_reply_names_the_responsible_office(case, handler):
    handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 20), outcome="unable.not_held",
        reason="本机关未制作", basis="《条例》第三十六条第（五）项", referred_to="元谋县自然资源局，电话0878-8212345",
    )  # fmt: skip
    assert (
        "负责公开该政府信息的行政机关为元谋县自然资源局，电话0878-8212345"
        in notice(case, "reply").text
    )


def test_reply_after_withdrawal(case, handler):
    handling.application_withdraw(
        user=handler, application=case, on=D(2026, 11, 20), note="来电撤回"
    )
    text = notice(case, "reply").text
    assert "已于2026年11月20日撤回" in text and "行政复议" not in text


def test_disclosure_says_how_it_is_delivered(register, handler):
    app = register(received_on=D(2026, 11, 2), delivery="电子邮件")
    handling.application_conclude(
        user=handler, application=app, on=D(2026, 11, 20), outcome="disclose"
    )
    assert "现按您要求的方式（电子邮件）向您提供" in notice(app, "reply").text


def test_notices_not_yet_available(case, handler):
    for kind in ("supplement", "extension", "deadline", "fee", "consultation", "reply"):
        with pytest.raises(NoticeUnavailable):
            notice(case, kind)
    with pytest.raises(NoticeUnavailable):
        notice(case, "poem")


def test_available_notices_follow_the_events(case, handler, sup):
    handling.application_start_consultation(
        user=handler, application=case, on=D(2026, 11, 5), party="甲"
    )
    handling.application_end_consultation(user=handler, application=case, on=D(2026, 11, 6))
    handling.application_extend(
        user=handler, application=case, on=D(2026, 11, 9), days=5, approved_by=sup, reason="r"
    )
    handling.application_conclude(
        user=handler, application=case, on=D(2026, 11, 20), outcome="disclose"
    )
    app = Application.objects.get(pk=case.pk)
    kinds = [link.kind for link in available_notices(app, list(app.events.all()), None)]
    assert kinds == ["consultation", "extension", "reply"]


def test_pages_print_and_download(handler_client, case, handler):
    handling.application_request_supplement(
        user=handler, application=case, on=D(2026, 11, 3), items_to_supplement="请写明年度"
    )
    page = handler_client.get(reverse("notice", args=[case.pk, "supplement"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert (
        "补正告知书" in html
        and case.number in html
        and "2026年11月3日" in html
        and "data-print" in html
    )
    response = handler_client.get(reverse("notice-docx", args=[case.pk, "supplement"]))
    assert response["Content-Disposition"].startswith("attachment")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "请写明年度" in docx_text(response.content)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.50", "伍角整"),
        ("10", "壹拾元整"),
        ("100", "壹佰元整"),
        ("1005", "壹仟零伍元整"),
        ("1100", "壹仟壹佰元整"),
        ("2740", "贰仟柒佰肆拾元整"),
        ("10000", "壹万元整"),
        ("10100", "壹万零壹佰元整"),
        ("100000.07", "壹拾万元零柒分"),
        ("12.50", "壹拾贰元伍角整"),
        ("1000000", "壹佰万元整"),
    ],
)
def test_rmb_in_capitals(amount, words):
    assert rmb_upper(Decimal(amount)) == words
