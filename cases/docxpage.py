"""The page every Word file is written on: A4 portrait with the margins of an official document
(GB/T 9704 党政机关公文格式: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm — a text area 156 mm wide),
its East Asian text marked as Chinese. python-docx's own template is US Letter, which an office's A4
printer scales or cuts, and marks all text as English (en-US), which Word proofs and lays out as such."""

from docx.oxml.ns import qn
from docx.shared import Cm

TEXT_WIDTH = Cm(15.6)


def official_layout(document) -> None:
    """A4 with the official margins; East Asian text marked as Chinese."""
    # the template's <w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="en-US"/>
    for lang in document.styles.element.iter(qn("w:lang")):
        if lang.getparent().getparent().tag == qn("w:rPrDefault"):
            lang.set(qn("w:eastAsia"), "zh-CN")
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
