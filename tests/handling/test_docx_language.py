"""The Word files say their East Asian text is Chinese (zh-CN): python-docx's template marks it as
en-US, so Word proofed the notices and the annual report as English and laid out their punctuation as
for English text."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn

from cases.reports import build_report, exports
from cases.services import handling

pytestmark = pytest.mark.django_db


def east_asian_language(content: bytes) -> str:
    styles = Document(io.BytesIO(content)).styles.element
    lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    return lang.find(qn("w:lang")).get(qn("w:eastAsia"))


def test_a_notice_is_chinese(handler_client, register, handler):
    app = register(received_on=date(2026, 11, 2))
    handling.application_request_supplement(
        user=handler, application=app, on=date(2026, 11, 3), items_to_supplement="请写明年度"
    )
    response = handler_client.get(reverse("notice-docx", args=[app.pk, "supplement"]))
    assert east_asian_language(response.content) == "zh-CN"


def test_the_annual_report_is_chinese(register, township):
    register(received_on=date(2026, 3, 3))
    assert east_asian_language(exports.to_docx(build_report(township, 2026))) == "zh-CN"
