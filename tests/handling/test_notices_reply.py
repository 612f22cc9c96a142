"""The 政府信息公开申请答复书 (law.md §6): the outcome wording and its legal basis for every outcome,
the 2008 text, the responsible office, withdrawal and delivery — on the notice and in the DOCX."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases import outcomes
from cases.models import Application
from cases.services import handling

from .conftest import fresh
from .notice_helpers import assert_in_docx, notice
from .test_conclude import prepare

pytestmark = pytest.mark.django_db
D = date


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
    "other.other": "作如下处理：经审查的具体理由。",
}


@pytest.mark.parametrize("code", outcomes.CODES)
def test_reply_for_every_outcome(register, handler, code):
    assert set(REPLY_WORDS) == set(outcomes.CODES)
    app = register(received_on=D(2026, 10, 7))
    on = prepare(app, handler, code)
    needs = code in outcomes.NEEDS_REASON
    reason = "经审查的具体理由" if needs or code in outcomes.NEEDS_ACCOUNT else ""
    handling.application_conclude(
        user=handler, application=app, on=on, outcome=code,
        reason=reason, basis="《条例》某条" if needs else "",
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


def test_other_handling_is_refused_without_saying_what_was_done(register, handler):
    """“其他处理” without a word of what was done gave a reply that said “作如下处理。” and nothing
    after it."""
    app = register(received_on=D(2026, 10, 7))
    with pytest.raises(ValidationError) as exc:
        handling.application_conclude(
            user=handler, application=app, on=D(2026, 10, 9), outcome="other.other", reason=" "
        )
    assert "作何处理" in exc.value.message_dict["reason"][0]
    assert fresh(app).status == "open"


def test_other_handling_concluded_before_it_needed_a_reason(register, handler):
    app = register(received_on=D(2026, 10, 7))
    handling.application_conclude(
        user=handler, application=app, on=D(2026, 10, 9), outcome="other.other", reason="x"
    )
    Application.objects.filter(pk=app.pk).update(outcome_reason="")  # as stored before 2026-11-25
    text = notice(app, "reply").text
    assert "作其他处理。" in text and "作如下处理" not in text


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
