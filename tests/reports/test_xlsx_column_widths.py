"""Every label of the XLSX can be read where it stands: Excel cuts a text off at its column's edge when
the cell to its right holds something. The 其他统计 sheet left its columns at Excel's default width
(8.43 characters), so its headers read 电子邮件申、96128电话 …, and the 校验错误 sheet showed the first
words of each breach. Each such cell now wraps or fits its column (a Chinese character is two of
Excel's width units)."""

import io
import unicodedata
from datetime import date

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

from cases.models import Application
from cases.reports import build_report, exports
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db

EXCEL_DEFAULT_WIDTH = 8.43


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_width(ws, column: int) -> float:
    dimension = ws.column_dimensions.get(get_column_letter(column))
    return (
        dimension.width if dimension is not None and dimension.customWidth else EXCEL_DEFAULT_WIDTH
    )


def spans(ws) -> dict[tuple[int, int], int]:
    """The last column of each merged range, by its top-left cell."""
    return {(m.min_row, m.min_col): m.max_col for m in ws.merged_cells.ranges}


def cut_off(ws) -> list[str]:
    found, merged = [], spans(ws)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell, MergedCell) or not isinstance(cell.value, str):
                continue
            last = merged.get((cell.row, cell.column), cell.column)
            neighbour = ws.cell(row=cell.row, column=last + 1).value
            if neighbour is None or cell.alignment.wrap_text:
                continue
            width = sum(column_width(ws, c) for c in range(cell.column, last + 1))
            if display_width(cell.value) > width:
                found.append(f"{ws.title}!{cell.coordinate} {cell.value}")
    return found


def test_no_label_is_cut_off_by_the_next_cell(book, township):
    a = book.register(date(2025, 3, 3), channel="email")
    book.conclude(a, date(2025, 3, 10), "withhold.third_party")
    book.register(date(2025, 4, 1), channel="fax", type="legal_service_org")
    book.consult("hotline", at(2025, 4, 2), answered_at=at(2025, 4, 2, 11))
    Application.objects.filter(pk=a.pk).update(outcome="")  # a breach: the 校验错误 sheet
    report = build_report(township, 2025)
    assert report["errors"]
    workbook = load_workbook(io.BytesIO(exports.to_xlsx(report)))
    assert {"校验错误", "其他统计"} <= set(workbook.sheetnames)
    assert [label for ws in workbook for label in cut_off(ws)] == []
