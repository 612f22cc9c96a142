"""The national format is for reports on 2021 and later (国办公开办函〔2021〕30号); for an earlier year
the page and the DOCX say its tables are for reference only. The XLSX — the file whose tables a compiler
copies — gave them without a word. Every output now says it, in the same words."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from cases.reports import build_report, exports

pytestmark = pytest.mark.django_db


def texts(content: bytes) -> dict[str, list[str]]:
    workbook = load_workbook(io.BytesIO(content))
    return {
        ws.title: [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        for ws in workbook
    }


def test_a_year_before_2021_says_so_on_each_national_sheet(
    client, book, township, township_supervisor
):
    book.register(date(2018, 3, 3))
    note = "全国统一格式适用于2021年及以后的年度报告，2018年度的表格仅供参考。"
    report = build_report(township, 2018)
    sheets = texts(exports.to_xlsx(report))
    for sheet in ("三、申请情况", "四、复议诉讼"):
        assert any(note in line for line in sheets[sheet]), sheet
    assert any(note in p.text for p in Document(io.BytesIO(exports.to_docx(report))).paragraphs)
    client.force_login(township_supervisor)
    assert note in client.get(reverse("report"), {"year": 2018}).content.decode()


def test_from_2021_nothing_is_said(book, township):
    book.register(date(2021, 3, 3))
    sheets = texts(exports.to_xlsx(build_report(township, 2021)))
    assert not any("仅供参考" in line for lines in sheets.values() for line in lines)
