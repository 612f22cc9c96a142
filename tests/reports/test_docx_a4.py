"""The annual report's DOCX is laid out on A4, as the notices are and as an office prints (GB/T 9704):
python-docx's own template is US Letter (21.59 × 27.94 cm), so the compiler's Word opened the report on
Letter paper and printed it scaled or cut on the office's A4 printer."""

import io
from datetime import date

import pytest
from docx import Document
from docx.shared import Emu

from cases.reports import build_report, exports

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [2018, 2025])
def test_the_report_is_on_a4_portrait(book, township, year):
    book.register(date(year, 3, 3))
    doc = Document(io.BytesIO(exports.to_docx(build_report(township, year))))
    for section in doc.sections:
        # in whole millimetres (Word keeps twentieths of a point)
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        # the official letter's text area, 156 mm wide, as the notices have it
        text_width = Emu(section.page_width - section.left_margin - section.right_margin)
        assert round(text_width.mm) == 156
