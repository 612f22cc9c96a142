"""A notice as a printable page and as a DOCX download."""

from datetime import date

import pytest
from django.urls import reverse

from cases.services import handling

from .notice_helpers import docx_text

pytestmark = pytest.mark.django_db
D = date


def test_pages_print_and_download(handler_client, case, handler):
    handling.application_request_supplement(
        user=handler, application=case, on=D(2026, 11, 3), items_to_supplement="请写明年度"
    )
    page = handler_client.get(reverse("notice", args=[case.pk, "supplement"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert (
        "补正告知书" in html
        and case.number in html
        and "2026年11月3日" in html
        and "data-print" in html
    )
    response = handler_client.get(reverse("notice-docx", args=[case.pk, "supplement"]))
    assert response["Content-Disposition"].startswith("attachment")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "请写明年度" in docx_text(response.content)
