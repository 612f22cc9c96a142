"""Text pasted with control characters (Word's manual line break \\x0b, a form feed, an escape) is
kept on the printable page; the Word file of the same notice is still written, without them (XML
cannot hold them)."""

from datetime import date

import pytest
from django.urls import reverse

from cases.services import handling

from .notice_helpers import docx_text

pytestmark = pytest.mark.django_db
D = date


def test_docx_of_text_with_control_characters(handler_client, register, handler):
    app = register(received_on=D(2026, 11, 2), content="2025年度\x0b本乡\x0c财政预决算\x1b")
    handling.application_request_supplement(
        user=handler, application=app, on=D(2026, 11, 3), items_to_supplement="请写明\x01年度"
    )
    assert handler_client.get(reverse("notice", args=[app.pk, "supplement"])).status_code == 200
    response = handler_client.get(reverse("notice-docx", args=[app.pk, "supplement"]))
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "申请获取“2025年度本乡财政预决算”" in text and "请写明年度" in text
