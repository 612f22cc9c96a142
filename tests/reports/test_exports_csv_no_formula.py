"""The CSV download holds no cell that Excel or WPS would run as a formula. Opened in a spreadsheet, a
CSV cell beginning with =, +, - or @ is a formula; the report's CSV carries text typed by office
administrators — the office's hotline in the consultation table's column, an office's name at the
start of a breach of invariant 6 — so a hotline written "+86-878-…" showed #NAME? and a name such as
=HYPERLINK(…) became a live link in the supervisor's spreadsheet (the XLSX was already safe)."""

import csv
import io
from datetime import date, timedelta

import pytest

from cases.reports import build_report, exports
from cases.reports.publish import publish
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cells(report: dict) -> list[str]:
    text = exports.to_csv(report).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_a_hotline_beginning_with_a_plus_is_text(book, township):
    township.hotline = "+86-878-1234567"
    township.save()
    book.consult("hotline", at(2025, 3, 4), answered_at=at(2025, 3, 4, 11))
    cells = csv_cells(build_report(township, 2025))
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
    # the column is still named by the hotline, marked as text as a spreadsheet marks it
    assert cells.count("'+86-878-1234567电话查询") == 2  # 受理 and 处理


def test_an_office_name_beginning_with_equals_is_text(book, county, township, people, frozen_today):
    county.name = '=HYPERLINK("http://example.com/","核对")'
    county.save()
    book.register(date(2025, 3, 3))
    publish(user=people[("county", "supervisor")], agency=county, year=2025, include_children=True)
    frozen_today.shift(timedelta(hours=1))
    book.consult("hotline", at(2025, 5, 5), answered_at=at(2025, 5, 5, 11))
    report = build_report(township, 2025)
    assert report["errors"][0]["message"].startswith("=HYPERLINK(")  # the breach names the county
    cells = csv_cells(report)
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
    assert "'" + report["errors"][0]["message"] in cells


def test_numbers_and_plain_text_are_unchanged(book, township):
    book.register(date(2025, 3, 3))
    report = build_report(township, 2025)
    rows = list(csv.reader(io.StringIO(exports.to_csv(report).decode("utf-8-sig"))))
    assert rows[0] == ["部分", "项目", "列", "数值", "代码"]
    assert ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "总计", "1",
            "applications.rows.new.total"] in rows  # fmt: skip
    assert not any(cell.startswith("'") for row in rows for cell in row)
