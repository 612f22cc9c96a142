"""The provincial template's sentences (examples/jiangyi-2016-annual-report.txt, sections 三 五 六 七)."""

from datetime import date, timedelta

import pytest

from cases.reports import build_report
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


def test_zero_year_with_155_on_site_consultations_reads_like_the_example(book, township):
    for i in range(155):
        received = at(2016, 1, 4, 9) + timedelta(days=2 * i)
        book.consult(
            "on_site", received, answered_at=received + timedelta(minutes=10), topic="低保政策查询"
        )
    report = build_report(township, 2016)
    text = report["text"]
    s3 = text["section_3"].split("\n")
    assert s3[0] == "2016年度我乡未收到政府信息公开申请。"
    assert "无不同意公开的情况" in s3[1]  # 2016: the older words
    s5 = text["section_5"].split("\n")
    assert s5[0].startswith(
        "至12月底，共受理现场咨询155人(次)并给予了现场答复155人(次)。未接到96128电话查询以及网络查询。"
    )
    assert "咨询主要涉及低保政策查询等内容。" in s5[0]
    assert (
        s5[1]
        == "我乡2016年度共接待来访群众现场咨询155人(次)，给予了现场答复155人(次)。并未接到96128电话查询以及网络查询。"
    )
    assert (
        text["section_6"]
        == "本年度我乡未发生因政府信息公开与政务公开引发的申诉、行政复议和行政诉讼事项。"
    )
    assert text["section_7"] == "本年度我乡没有发生政府信息公开的收费项目。"
    # section 五's (一) and (二) now agree with each other (the example's 155 vs 62 cannot happen)
    assert (
        report["consultations"]["accepted"]["on_site"]
        == report["consultations"]["handled"]["on_site"]
        == 155
    )
    assert report["errors"] == []


def test_a_year_with_nothing_at_all(township, frozen_today):
    text = build_report(township, 2016)["text"]
    assert text["section_3"].startswith("2016年度我乡未收到政府信息公开申请。")
    assert text["section_5"].split("\n")[0] == "2016年度我乡未受理有关政府信息公开问题的咨询。"


def test_applications_by_channel_in_the_template_order_with_subjects(book, township):
    for _ in range(3):
        book.register(date(2025, 3, 3), channel="in_person", content="2024年度财政预决算")
    book.register(date(2025, 3, 4), channel="email", content="危房改造补助名单")
    book.register(date(2025, 3, 5), channel="letter", content="危房改造补助名单")
    first = build_report(township, 2025)["text"]["section_3"].split("\n")[0]
    assert first.startswith(
        "2025年度我乡共收到政府信息公开申请5件，其中电子邮件申请1件、传真申请0件、信函申请1件、当面申请3件。"
    )
    assert "网上申请" not in first  # only where used
    assert (
        "申请公开的内容主要涉及“2024年度财政预决算”（3件）、“危房改造补助名单”（2件）等。" in first
    )


def test_handling_in_the_2019_words_with_reasons_for_refusals(book, township):
    for code in (
        "disclose",
        "disclose",
        "partial",
        "withhold.state_secret",
        "withhold.third_party",
        "unable.not_held",
    ):
        book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 20), code)
    book.withdraw(book.register(date(2025, 3, 3)), date(2025, 3, 4))
    book.register(date(2025, 12, 30))
    second = build_report(township, 2025)["text"]["section_3"].split("\n")[1]
    assert second.startswith(
        "本年度我乡共办结政府信息公开申请7件，其中予以公开2件、部分公开1件、"
        "不予公开2件（属于国家秘密1件、保护第三方合法权益1件）、无法提供1件（本机关不掌握相关政府信息1件）、"
        "其他处理1件（其他1件）。"
    )
    assert "对不予公开的申请，均已依法告知申请人不予公开的理由和依据。" in second
    assert second.endswith("截至12月31日，尚有1件申请结转下年度继续办理。")


def test_handling_before_2019_in_the_older_words(book, township):
    for code in (
        "disclose",
        "partial",
        "withhold.state_secret",
        "withhold.third_party",
        "unable.not_held",
    ):
        book.conclude(book.register(date(2017, 3, 3)), date(2017, 3, 10), code)
    second = build_report(township, 2017)["text"]["section_3"].split("\n")[1]
    assert "同意公开1件" in second and "同意部分公开1件" in second
    assert "不同意公开2件（涉及国家秘密1件、涉及商业秘密、个人隐私1件）" in second
    assert "信息不存在或非本机关职责范围1件" in second
    assert "予以公开" not in second and "不予公开" not in second


def test_short_name_and_hotline_are_the_office_settings(book, township):
    township.short_name, township.hotline = "本乡", "12345"
    township.save()
    book.consult("hotline", at(2025, 3, 3), answered_at=at(2025, 3, 3, 11))
    text = build_report(township, 2025)["text"]["section_5"]
    assert "共受理12345电话查询1人(次)并给予了电话答复1人(次)" in text
    assert "本乡2025年度共接听12345电话查询1人(次)" in text


def test_several_consultation_channels_and_unanswered(book, township):
    book.consult("on_site", at(2025, 3, 3), answered_at=at(2025, 3, 3, 11))
    book.consult("on_site", at(2025, 3, 4))
    book.consult("online", at(2025, 3, 5), answered_at=at(2025, 3, 6))
    first = build_report(township, 2025)["text"]["section_5"].split("\n")[0]
    assert first.startswith(
        "至12月底，共受理咨询3人(次)，其中现场咨询2人(次)并给予了现场答复1人(次)，尚有1人(次)年底前未答复，"
        "网络查询1人(次)并给予了网络答复1人(次)。未接到96128电话查询。"
    )


def test_remedies_and_fees_sentences(book, township):
    a = book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 10))
    book.remedy(a, "reconsideration", date(2025, 4, 1), "upheld", date(2025, 6, 1))
    book.remedy(a, "reconsideration", date(2025, 5, 1))
    paid = book.register(date(2025, 4, 1))
    book.fee(paid, date(2025, 4, 2), paid_on=date(2025, 4, 3), pages=45)
    text = build_report(township, 2025)["text"]
    assert text["section_6"] == (
        "本年度我乡因政府信息公开引发行政复议2件（结果维持1件、尚未审结1件）。"
        "未发生行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉）、申诉事项。"
    )
    assert text["section_7"] == "本年度我乡依申请公开收取信息处理费1件，共计150.00元。"


def test_section_5_handling_never_denies_a_channel_the_acceptance_reports(book, township):
    """(二) says 并未接到 only of a channel that received nothing in the year: a consultation accepted
    in December and answered in January is in (一) as accepted and not answered, so (二) must not say
    that no consultation came by its channel."""
    book.consult("on_site", at(2025, 3, 3), answered_at=at(2025, 3, 3, 11))
    book.consult("online", at(2025, 12, 30), answered_at=at(2026, 1, 5))
    first, second = build_report(township, 2025)["text"]["section_5"].split("\n")
    assert "网络查询1人(次)，年底前尚未答复" in first
    assert "未接到96128电话查询。" in first
    assert second == (
        "我乡2025年度共接待来访群众现场咨询1人(次)，给予了现场答复1人(次)。并未接到96128电话查询。"
    )


def test_a_single_case_still_gets_each_sentence(book, township):
    """One of a thing is still told: one carried over, one refusal, one unanswered call, and the
    one kind of remedy that did not occur."""
    book.register(date(2024, 12, 2))  # carried over into 2025, still open
    book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 20), "withhold.state_secret")
    book.consult("hotline", at(2025, 12, 31, 16), answered_at=at(2026, 1, 5, 9))
    a = book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 10))
    book.remedy(a, "reconsideration", date(2025, 4, 1))
    book.remedy(a, "lawsuit_direct", date(2025, 4, 2))
    book.remedy(a, "lawsuit_after_reconsideration", date(2025, 4, 3))
    text = build_report(township, 2025)["text"]
    first, second = text["section_3"].split("\n")
    assert first.endswith("另有上年结转的申请1件。")
    assert "不予公开1件（属于国家秘密1件）" in second
    assert "对不予公开的申请，均已依法告知申请人不予公开的理由和依据。" in second
    assert (
        text["section_5"]
        .split("\n")[0]
        .startswith("至12月底，共受理96128电话查询1人(次)，年底前尚未答复。")
    )
    assert text["section_6"].endswith("未发生申诉事项。")


def test_the_2019_regulations_words_from_the_report_on_2019(book, township):
    # spec.py: the 2019 Regulations were in force from 2019-05-15, so the report on 2019 speaks
    # their words; the report on 2018 the older ones
    for year in (2018, 2019):
        book.conclude(book.register(date(year, 6, 3)), date(year, 6, 10), "disclose")
    assert "予以公开1件" in build_report(township, 2019)["text"]["section_3"]
    old = build_report(township, 2018)["text"]["section_3"]
    assert "同意公开1件" in old and "予以公开" not in old


def test_fee_sentences_name_the_information_processing_fee_from_2021(book, township):
    book.fee(book.register(date(2021, 3, 1)), date(2021, 3, 2), paid_on=date(2021, 3, 3))
    book.fee(book.register(date(2021, 3, 1)), date(2021, 3, 2), waived_on=date(2021, 3, 4))
    assert build_report(township, 2021)["text"]["section_7"] == (
        "本年度我乡依申请公开收取信息处理费1件，共计150.00元；经批准减免1件，减免金额150.00元。"
    )
    book.fee(book.register(date(2022, 3, 1)), date(2022, 3, 2), waived_on=date(2022, 3, 4))
    assert build_report(township, 2022)["text"]["section_7"] == (
        "本年度我乡依申请公开未收取信息处理费；经批准减免1件，减免金额150.00元。"
    )
    # before 2021 there was no 信息处理费 (law.md §5): the 2008 cost fees
    cost = book.register(date(2015, 3, 2))
    book.fee(cost, date(2015, 3, 3), paid_on=date(2015, 3, 5), method="cost", amount="12.50",
             pages=None)  # fmt: skip
    section_7 = build_report(township, 2015)["text"]["section_7"]
    assert (
        section_7 == "本年度我乡依申请公开收取相关费用1件，共计12.50元。"
    )  # not 依申请公开…依申请公开
