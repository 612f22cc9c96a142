"""Helpers for the notice tests (tests/handling/test_notices_*.py): build a notice from the saved
case, read a DOCX back as text, and check the DOCX carries the heading parts and given texts."""

import io

import docx

from cases.models import Application
from cases.notices import build_notice
from cases.notices.docx import to_docx


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def notice(app, kind, **kw):
    return build_notice(Application.objects.get(pk=app.pk), kind, **kw)


def assert_in_docx(n, *needles):
    text = docx_text(to_docx(n))
    for needle in (n.title, n.office, n.number, n.addressee, *needles):
        assert needle in text, needle
