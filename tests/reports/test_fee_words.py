"""Before 2021 there was no 信息处理费: the national format's section 六 on the page and in the DOCX names
the year's fees as the sentences and the XLSX do (依申请公开相关费用), not as 信息处理费."""

import io

import pytest
from django.urls import reverse
from docx import Document

from cases.reports import build_report, exports

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("year", "word", "not_word"),
    [(2020, "依申请公开相关费用", "信息处理费"), (2021, "信息处理费", "依申请公开相关费用")],
)
def test_section_six_names_the_years_fees(
    client, township, township_supervisor, frozen_today, year, word, not_word
):
    sentence = f"本年度收取{word}0件，金额0.00元；减免0件，金额0.00元。"
    paragraphs = [
        p.text
        for p in Document(io.BytesIO(exports.to_docx(build_report(township, year)))).paragraphs
    ]
    assert sentence in paragraphs
    assert not any(not_word in p for p in paragraphs)
    client.force_login(township_supervisor)
    html = client.get(reverse("report"), {"agency": township.code, "year": year}).content.decode()
    assert sentence in html
    assert not_word not in html
