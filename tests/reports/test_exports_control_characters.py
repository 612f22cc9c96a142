"""A subject or a topic pasted with a control character (Word's \x0b line break, a form feed) goes into
the report's sentences; the DOCX and the XLSX could not hold it (XML 1.0 cannot) and the download was a
500, while the page and the CSV showed the report. Every format is written, without the character."""

import csv
import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from cases.reports import build_report, exports
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(book, township):
    book.register(date(2025, 3, 3), content="低保\x0b名单\x0c及发放情况")
    book.consult("hotline", at(2025, 4, 1), topic="如何\x0b申请")
    return build_report(township, 2025)


def test_every_format_is_written_without_the_character(report):
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(exports.to_docx(report))).paragraphs)
    assert "低保 名单 及发放情况" in docx_text  # a subject's white space is one space
    assert "如何申请" in docx_text and "\x0b" not in docx_text
    workbook = load_workbook(io.BytesIO(exports.to_xlsx(report)))
    lines = [c.value for row in workbook["文字稿"].iter_rows() for c in row if c.value]
    assert any("如何申请" in line for line in lines)
    assert not any("\x0b" in line or "\x0c" in line for line in lines)
    rows = list(csv.reader(io.StringIO(exports.to_csv(report).decode("utf-8-sig"))))
    assert len(rows) > 1
