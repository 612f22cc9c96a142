"""The page every Word file is written on: A4 portrait with the margins of an official document
(GB/T 9704 党政机关公文格式: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm — a text area 156 mm wide).
python-docx's own template is US Letter, which an office's A4 printer scales or cuts."""

from docx.shared import Cm

TEXT_WIDTH = Cm(15.6)


def a4(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
