"""A published report's sentences are the ones it was published with. The JSON gives the frozen
"text", but the page, the DOCX and the XLSX worded the frozen numbers anew with the code of the day:
after an upgrade that rewords a sentence (as section 七 before 2021 was, from 依申请公开收取依申请公开
相关费用 to 依申请公开收取相关费用), the "published version" on the page and in the files no longer said
what the office had published, nor what the API said. They now read the frozen sentences."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from rest_framework.test import APIClient

from cases.models import PublishedReport
from cases.reports import build_report, text
from cases.reports.publish import publish

pytestmark = pytest.mark.django_db

AS_PUBLISHED = "本年度我乡依申请公开收取依申请公开相关费用1件，共计12.50元。"  # the wording of then
NOW = "本年度我乡依申请公开收取相关费用1件，共计12.50元。"


@pytest.fixture
def published_2015(book, township, township_supervisor):
    cost = book.register(date(2015, 3, 2))
    book.fee(cost, date(2015, 3, 3), paid_on=date(2015, 3, 5), method="cost", amount="12.50",
             pages=None)  # fmt: skip
    assert build_report(township, 2015)["text"]["section_7"] == NOW
    report = publish(user=township_supervisor, agency=township, year=2015)
    # as a report published before the rewording holds it
    data = report.data
    data["text"]["section_7"] = AS_PUBLISHED
    PublishedReport.objects.filter(pk=report.pk).update(data=data)
    return report


def test_every_output_of_a_published_report_has_its_sentences(
    client, township_supervisor, published_2015
):
    params = {"agency": "jiangyi", "year": 2015}
    api = APIClient()
    api.force_authenticate(township_supervisor)
    assert api.get("/api/v1/reports/annual/", params).json()["text"]["section_7"] == AS_PUBLISHED

    client.force_login(township_supervisor)
    html = client.get(reverse("report"), params).content.decode()
    assert AS_PUBLISHED in html and NOW not in html

    url = reverse("report-download")
    docx = client.get(url, {**params, "format": "docx"}).content
    paragraphs = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert AS_PUBLISHED in paragraphs and NOW not in paragraphs
    xlsx = client.get(url, {**params, "format": "xlsx"}).content
    lines = [r[0] for r in load_workbook(io.BytesIO(xlsx))["文字稿"].iter_rows(values_only=True)]
    assert AS_PUBLISHED in lines and NOW not in lines


def test_the_current_numbers_are_worded_now(client, township_supervisor, published_2015):
    client.force_login(township_supervisor)
    params = {"agency": "jiangyi", "year": 2015, "format": "docx", "version": "current"}
    docx = client.get(reverse("report-download"), params).content
    assert NOW in [p.text for p in Document(io.BytesIO(docx)).paragraphs]


def test_sentences_of_both_paragraphs_are_kept_in_their_places(book, township):
    book.register(date(2025, 3, 3))
    report = build_report(township, 2025)
    report["text"]["section_3"] = "第一段。\n第二段。"
    answers = [i.answer for i in text.provincial(report)[0].items]
    assert answers == ["第一段。", "第二段。"]
