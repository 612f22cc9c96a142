"""A county's report with the offices below it lists each office's figures (各机关分列) on the page and
in the JSON; the DOCX, the XLSX and the CSV left the table out, so the county's compiler had the
breakdown only on screen. Every download now carries it, the same rows in the same order — for a
published report, as published."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from cases.reports import build_report, exports, layout
from cases.reports.publish import publish, report_as_issued
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db

HEADINGS = ["本年新收", "上年结转", "本年办结", "结转下年度", "咨询受理", "咨询处理"]
KEYS = [
    "new",
    "carried_over",
    "concluded_total",
    "carried_forward",
    "consultations_accepted",
    "consultations_handled",
]


@pytest.fixture
def county_report(book, county_book, county):
    """2025: the county 2 new (1 concluded), 1 consultation; the township 1 carried over, 1 new."""
    county_book.conclude(county_book.register(date(2025, 2, 3)), date(2025, 2, 20))
    county_book.register(date(2025, 12, 22), type="commercial_enterprise")
    county_book.consult("on_site", at(2025, 5, 6), answered_at=at(2025, 5, 6, 11))
    book.register(date(2024, 12, 30))
    book.register(date(2025, 6, 2), channel="letter")
    return build_report(county, 2025, include_children=True)


def expected(report) -> list[list]:
    return [[o["name"], *(o[k] for k in KEYS)] for o in report["details"]["offices"]]


def test_the_offices_table_is_in_every_download(county_report, county, township):
    rows = expected(county_report)
    assert rows == [["元谋县人民政府", 2, 0, 1, 1, 1, 1], ["姜驿乡人民政府", 1, 1, 0, 2, 0, 0]]
    assert [r.flat_label for r in layout.office_rows(county_report)] == [
        "元谋县人民政府",
        "姜驿乡人民政府",
    ]

    ws = load_workbook(io.BytesIO(exports.to_xlsx(county_report)))["各机关分列"]
    lines = [list(r) for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]
    assert lines[-3:] == [["机关", *HEADINGS], *rows]

    doc = Document(io.BytesIO(exports.to_docx(county_report)))
    assert "各机关分列（本年度申请和咨询）" in [p.text for p in doc.paragraphs]
    table = [[c.text for c in r.cells] for r in doc.tables[-1].rows]
    assert table == [["机关", *HEADINGS], *[[str(v) for v in r] for r in rows]]

    content = exports.to_csv(county_report).decode("utf-8-sig")
    cells = {r["代码"]: r for r in csv.DictReader(io.StringIO(content))}
    assert cells["details.offices.jiangyi.carried_forward"]["数值"] == "2"
    assert cells["details.offices.jiangyi.carried_forward"]["项目"] == "姜驿乡人民政府"
    assert cells["details.offices.jiangyi.carried_forward"]["列"] == "结转下年度"
    assert cells["details.offices.county.consultations_handled"]["数值"] == "1"
    in_order = [k for k in cells if k.startswith("details.offices.")]
    assert in_order == [f"details.offices.{o}.{k}" for o in ("county", "jiangyi") for k in KEYS]


def test_a_report_of_one_office_has_no_such_table(book, township):
    book.register(date(2025, 6, 2))
    report = build_report(township, 2025)
    assert layout.office_rows(report) == []
    assert "各机关分列" not in load_workbook(io.BytesIO(exports.to_xlsx(report))).sheetnames
    doc = Document(io.BytesIO(exports.to_docx(report)))
    assert not any("各机关分列" in p.text for p in doc.paragraphs)
    assert "details.offices" not in exports.to_csv(report).decode("utf-8-sig")


def test_published_the_table_stays_as_published_in_every_download(
    client, county_report, book, county, county_supervisor, frozen_today
):
    published = publish(user=county_supervisor, agency=county, year=2025, include_children=True)
    frozen_today.shift(timedelta(hours=1))
    book.register(date(2025, 7, 1))  # a late entry at the township
    data, _ = report_as_issued(county, 2025, True)
    assert expected(data) == expected(published.data) == expected(county_report)

    client.force_login(county_supervisor)
    params = {"agency": "county", "year": 2025, "include_children": "on"}
    html = client.get(reverse("report"), params).content.decode()
    assert "<td>姜驿乡人民政府</td><td>1</td><td>1</td>" in html  # as published, not 2 new
    xlsx = client.get(reverse("report-download"), {**params, "format": "xlsx"})
    ws = load_workbook(io.BytesIO(xlsx.content))["各机关分列"]
    assert [list(r) for r in ws.iter_rows(values_only=True)][-1] == expected(county_report)[-1]
