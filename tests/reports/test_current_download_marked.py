"""Once a report is published, its page offers the published files and an XLSX "按当前数据生成"; the
API gives any format with version=current. The current file had the published one's name and title,
so the office's folder held two files 姜驿乡人民政府2025年度…（统计部分）.xlsx with different numbers,
and nothing in either said which was the published report. A file of the current numbers of a
published report now says so in its name and its title; the published files and the files of a report
not yet published are named as before."""

import io
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from rest_framework.test import APIClient

from cases.reports.publish import publish

pytestmark = pytest.mark.django_db

TITLE = "姜驿乡人民政府2025年度政府信息公开工作年度报告（统计部分）"
NOTE = "（按当前案件数据生成，非发布版本）"
PARAMS = {"agency": "jiangyi", "year": 2025}


def xlsx_title(content: bytes) -> str:
    return load_workbook(io.BytesIO(content))["三、申请情况"]["A1"].value


def docx_title(content: bytes) -> str:
    return Document(io.BytesIO(content)).paragraphs[0].text


def disposition_name(response) -> str:
    return response["Content-Disposition"]


@pytest.fixture
def published(book, township, township_supervisor, frozen_today):
    case = book.register(date(2025, 3, 3))
    report = publish(user=township_supervisor, agency=township, year=2025)
    frozen_today.shift(timedelta(hours=1))
    book.conclude(case, date(2025, 3, 10))  # a late entry dated back into 2025
    return report


def test_the_page_names_the_current_file_apart(client, township_supervisor, published):
    client.force_login(township_supervisor)
    url = reverse("report-download")
    issued = client.get(url, {**PARAMS, "format": "xlsx"})
    current = client.get(url, {**PARAMS, "format": "xlsx", "version": "current"})
    assert f"filename*=utf-8''{quote(TITLE + '.xlsx')}" in disposition_name(issued)
    assert xlsx_title(issued.content) == TITLE
    assert f"filename*=utf-8''{quote(TITLE + NOTE + '.xlsx')}" in disposition_name(current)
    assert xlsx_title(current.content) == TITLE + NOTE
    docx = client.get(url, {**PARAMS, "format": "docx", "version": "current"})
    assert docx_title(docx.content) == TITLE + NOTE
    assert docx_title(client.get(url, {**PARAMS, "format": "docx"}).content) == TITLE


def test_the_api_names_the_current_file_apart(township_supervisor, published):
    api = APIClient()
    api.force_authenticate(township_supervisor)
    url = "/api/v1/reports/annual/"
    issued = api.get(url, {**PARAMS, "format": "xlsx"})
    current = api.get(url, {**PARAMS, "format": "xlsx", "version": "current"})
    assert issued["Content-Disposition"] == 'attachment; filename="annual-report-jiangyi-2025.xlsx"'
    assert (
        current["Content-Disposition"]
        == 'attachment; filename="annual-report-jiangyi-2025-current.xlsx"'
    )
    assert xlsx_title(issued.content) == TITLE
    assert xlsx_title(current.content) == TITLE + NOTE


def test_a_report_not_yet_published_is_named_as_before(client, book, township_supervisor):
    book.register(date(2025, 3, 3))
    client.force_login(township_supervisor)
    response = client.get(
        reverse("report-download"), {**PARAMS, "format": "xlsx", "version": "current"}
    )
    assert f"filename*=utf-8''{quote(TITLE + '.xlsx')}" in disposition_name(response)
    assert xlsx_title(response.content) == TITLE
