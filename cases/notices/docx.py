"""A notice as a Word document (python-docx): A4, 仿宋 body, 小标宋-style centred title, the office and
date at the foot, right-aligned, as official letters are laid out."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from cases.docxpage import official_layout
from cases.xmltext import xml_safe

from .common import Notice, cn_date

BODY_FONT = "仿宋"
TITLE_FONT = "宋体"
BODY_SIZE = 14  # 四号
TITLE_SIZE = 20  # 二号
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _run(paragraph, text: str, *, font: str = BODY_FONT, size: float = BODY_SIZE, bold=False):
    run = paragraph.add_run(xml_safe(text))
    run.font.name = font
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    run.font.size = Pt(size)
    run.bold = bold
    return run


def _para(doc, text: str = "", *, align=None, indent: bool = False, **font):
    p = doc.add_paragraph()
    if text:
        _run(p, text, **font)
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(BODY_SIZE * 2)
    p.paragraph_format.space_after = Pt(4)
    return p


def to_docx(notice: Notice) -> bytes:
    doc = Document()
    official_layout(doc)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)

    _para(doc, notice.office, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=16)
    _para(
        doc,
        notice.title,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        font=TITLE_FONT,
        size=TITLE_SIZE,
        bold=True,
    )
    _para(doc, f"申请编号：{notice.number}", align=WD_ALIGN_PARAGRAPH.RIGHT, size=12)
    _para(doc, notice.addressee)
    for text in notice.paragraphs:
        _para(doc, text, indent=True)
    if notice.table:
        table = doc.add_table(rows=len(notice.table), cols=2)
        table.style = "Table Grid"
        for i, (label, value) in enumerate(notice.table):
            _run(table.cell(i, 0).paragraphs[0], label, size=12, bold=True)
            _run(table.cell(i, 1).paragraphs[0], value, size=12)
    for text in notice.closing:
        _para(doc, text, indent=True)
    _para(doc)
    _para(doc, notice.office, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "（印章）", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, cn_date(notice.dated), align=WD_ALIGN_PARAGRAPH.RIGHT)
    for line in notice.footer:
        _para(doc, line, size=12)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
