"""The DOCX's national table gives its row labels room: python-docx shares a table's width equally, so
the label of （六）2 — 37 characters — stood in a 1.5 cm column as eleven lines of three or four
characters, beside seven number columns just as wide. The compiler pasting the table into the report
had to re-lay it by hand. Now the label columns are wide, the number columns narrow, and both tables
fit the A4 text area."""

import io
import math
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, Twips

from cases import outcomes
from cases.reports import build_report, exports

pytestmark = pytest.mark.django_db

TEXT_WIDTH = Cm(15.6)  # A4 with an official document's margins
CELL_PADDING = Twips(2 * 108)  # the Table Grid style's left and right cell margins
GLYPH = Pt(9)  # the tables are set in 9 pt; a Chinese character is as wide as it is high


def grid(table) -> list[int]:
    return [int(col.w) for col in table._tbl.tblGrid.gridCol_lst]


def lines_needed(text: str, width: int) -> int:
    return math.ceil(len(text) * GLYPH / (width - CELL_PADDING))


@pytest.fixture
def tables(book, township):
    book.register(date(2025, 3, 3))
    doc = Document(io.BytesIO(exports.to_docx(build_report(township, 2025))))
    return doc.tables


def test_the_row_labels_have_room_and_the_numbers_do_not_take_it(tables):
    national = grid(tables[0])
    label, numbers = national[2], national[3:]
    longest = max((o.row for o in outcomes.OUTCOMES), key=len)
    assert len(longest) == 37
    assert lines_needed(longest, label) <= 3
    assert lines_needed("一、本年新收政府信息公开申请数量", sum(national[:3])) == 1
    # a number column still holds a four-digit count, and all are alike
    assert len(set(numbers)) == 1 and numbers[0] < label / 3
    assert numbers[0] - CELL_PADDING >= 4 * GLYPH / 2


def test_the_tables_fit_the_text_area_and_each_cell_spans_its_columns(tables):
    for table in tables:
        widths = grid(table)
        assert Emu(TEXT_WIDTH - Cm(0.1)) <= sum(widths) <= TEXT_WIDTH
        # a fixed layout: Word keeps the widths instead of re-fitting them to the text
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        for tr in table._tbl.tr_lst:
            column = 0
            for tc in tr.tc_lst:
                assert tc.width == sum(widths[column : column + tc.grid_span])
                column += tc.grid_span
            assert column == len(widths)
