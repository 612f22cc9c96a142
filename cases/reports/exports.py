"""Downloads: DOCX (the sections as an office pastes them into its report, and the national tables),
XLSX (the tables) and CSV (one number a line). All drawn from the report dict via layout.py."""

import csv
import io
import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from cases.docxpage import TEXT_WIDTH, official_layout
from cases.xmltext import xml_safe_tree

from . import layout, spec, text

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSV_TYPE = "text/csv; charset=utf-8"
CONTENT_TYPES = {"xlsx": XLSX_TYPE, "docx": DOCX_TYPE, "csv": CSV_TYPE}
FONT = "宋体"


# said by a file of the current numbers of a report that has been published (version=current), so it
# is never taken for the published report: both are offered side by side
CURRENT_NOTE = "（按当前案件数据生成，非发布版本）"


def title(data: dict, *, current: bool = False) -> str:
    name = data.get("details", {}).get("agency_name") or data["agency"]
    scope = "（含下级机关）" if data.get("include_children") else ""
    note = CURRENT_NOTE if current else ""
    return f"{name}{scope}{data['year']}年度政府信息公开工作年度报告（统计部分）{note}"


def filename(data: dict, fmt: str, *, current: bool = False) -> str:
    """The API's name for a download: ASCII, from the office's code, for scripts."""
    scope = "-with-children" if data.get("include_children") else ""
    version = "-current" if current else ""
    return f"annual-report-{data['agency']}-{data['year']}{scope}{version}.{fmt}"


def office_filename(data: dict, fmt: str, *, current: bool = False) -> str:
    """The pages' name for a download, as the office files it: the report's title."""
    return f"{title(data, current=current)}.{fmt}"


def placed(header: list[list[layout.Label]], body: list[list[layout.Label]], width: int):
    """Grid positions of spanned label cells, as HTML lays them out: yields (row, col, label)."""
    taken: set[tuple[int, int]] = set()
    for r, labels in enumerate([*header, *body]):
        c = 0
        for label in labels:
            while (r, c) in taken:
                c += 1
            yield r, c, label
            for dr in range(label.rowspan):
                for dc in range(label.colspan):
                    taken.add((r + dr, c + dc))
            c += label.colspan
        if c > width:
            raise ValueError("表格列数超出")


# ---- XLSX -------------------------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
RED = PatternFill("solid", fgColor="FFC7CE")


def _xlsx_table(ws, top: int, header, rows: list[layout.Row], label_width: int) -> int:
    width = label_width + (len(rows[0].values) if rows else 0)
    for r, c, label in placed(header, [row.labels for row in rows], width):
        cell = ws.cell(row=top + r, column=1 + c, value=label.text)
        cell.alignment = WRAP
        if label.rowspan > 1 or label.colspan > 1:
            ws.merge_cells(
                start_row=top + r,
                start_column=1 + c,
                end_row=top + r + label.rowspan - 1,
                end_column=c + label.colspan,
            )
    for i, row in enumerate(rows):
        for j, (value, bad) in enumerate(zip(row.values, row.flagged, strict=True)):
            cell = ws.cell(row=top + len(header) + i, column=1 + label_width + j, value=value)
            if bad:
                cell.fill = RED
    last = top + len(header) + len(rows) - 1
    for line in ws.iter_rows(min_row=top, max_row=last, max_col=width):
        for cell in line:
            cell.border = BOX
    return last + 1


def to_xlsx(data: dict, *, current: bool = False) -> bytes:
    data = xml_safe_tree(data)  # subjects and topics are typed (pasted) text
    wb = Workbook()
    ws = wb.active
    ws.title = "三、申请情况"
    ws["A1"] = title(data, current=current)
    ws["A1"].font = Font(bold=True, size=13)
    note = layout.national_note(data)
    ws["A2"] = "三、收到和处理政府信息公开申请情况" + (f"（{note}）" if note else "")
    _xlsx_table(ws, 3, layout.national_header(), layout.national_rows(data), 3)
    for col, width in zip("ABCDEFGHIJ", (12, 14, 46, 9, 9, 9, 11, 11, 9, 9), strict=True):
        ws.column_dimensions[col].width = width

    ws4 = wb.create_sheet("四、复议诉讼")
    ws4["A1"] = "四、政府信息公开行政复议、行政诉讼情况" + (f"（{note}）" if note else "")
    ws4["A1"].font = Font(bold=True)
    _xlsx_table(ws4, 2, layout.remedy_header(), [layout.remedy_row(data)], 0)

    ws5 = wb.create_sheet("其他统计")
    r = 1
    for heading, columns, rows in layout.other_tables(data):
        ws5.cell(row=r, column=1, value=heading).font = Font(bold=True)
        r += 1
        for j, label in enumerate(["", *columns]):
            ws5.cell(row=r, column=1 + j, value=label).border = BOX
        for row in rows:
            r += 1
            ws5.cell(row=r, column=1, value=row.flat_label).border = BOX
            for j, (value, bad) in enumerate(row.cells):
                cell = ws5.cell(
                    row=r, column=2 + j, value=float(value) if isinstance(value, str) else value
                )
                cell.border = BOX
                if isinstance(value, str):
                    cell.number_format = "0.00"
                if bad:
                    cell.fill = RED
        r += 2
    _fit_columns(ws5)

    if offices := layout.office_rows(data):
        wso = wb.create_sheet("各机关分列")
        wso["A1"] = layout.OFFICES_TITLE
        wso["A1"].font = Font(bold=True)
        wso.append(["机关", *layout.OFFICE_COLUMNS.values()])
        for row in offices:
            wso.append([row.flat_label, *row.values])
        for line in wso.iter_rows(min_row=2):
            for cell in line:
                cell.border = BOX
        _fit_columns(wso)

    wst = wb.create_sheet("文字稿")
    r = 1
    for section in text.provincial(data):
        wst.cell(row=r, column=1, value=section.heading).font = Font(bold=True)
        r += 1
        for item in section.items:
            for line in (item.question, item.answer):
                if line:
                    wst.cell(row=r, column=1, value=line).alignment = Alignment(wrap_text=True)
                    r += 1
    wst.column_dimensions["A"].width = 120

    if data.get("errors"):
        wse = wb.create_sheet("校验错误", 0)
        wse.append(["校验规则", "说明", "涉及单元格"])
        for e in data["errors"]:
            wse.append([f"第{e['invariant']}条", e["message"], "；".join(e["cells"])])
        for col, width in zip("ABC", (10, 70, 60), strict=True):
            wse.column_dimensions[col].width = width
        for line in wse.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    as_text(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def display_width(text: str) -> int:
    """A text's width in Excel's units (the width of a digit): a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit_columns(ws) -> None:
    """Each column as wide as its longest label: Excel cuts a text off at the column's edge when the
    next cell holds something, and its default width (8.43) holds four Chinese characters."""
    widths: dict[str, int] = {}
    for line in ws.iter_rows():
        for cell in line:
            if cell.value is not None:
                width = display_width(str(cell.value))
                widths[cell.column_letter] = max(widths.get(cell.column_letter, 0), width)
    for col, width in widths.items():
        ws.column_dimensions[col].width = max(width + 2, 10)


def as_text(wb: Workbook) -> None:
    """No cell of the download is a formula. openpyxl stores a string that begins with "=" as one, and
    an office's name and short name — typed by office administrators — begin the title and sentences;
    Excel would run it when the supervisor opens the file (formula injection)."""
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


# ---- DOCX -------------------------------------------------------------------------------------------


def _font(
    run, *, size: float | None = None, bold: bool = False, color: RGBColor | None = None
) -> None:
    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if size:
        run.font.size = Pt(size)
    run.bold = bold
    if color is not None:
        run.font.color.rgb = color


def _para(
    doc, content: str, *, size: float = 12, bold: bool = False, center: bool = False, color=None
):
    p = doc.add_paragraph()
    _font(p.add_run(content), size=size, bold=bold, color=color)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


# The national table's label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) in cm; the
# number columns share the rest of the text area. At 9 pt the longest label takes three lines.
NATIONAL_LABEL_CM = (1.5, 1.7, 4.9)
OFFICE_NAME_CM = (5.4,)  # 各机关分列: the office's name


def _column_widths(labels_cm: tuple[float, ...], numbers: int) -> list[int]:
    """The widths of a table's label columns and its equal number columns, filling the text area
    (python-docx shares it equally, which left the row labels a column as narrow as a number's), in
    whole twips as Word keeps them."""
    labels = [round(Cm(w).twips) for w in labels_cm]
    number = (round(TEXT_WIDTH.twips) - sum(labels)) // numbers
    return [Twips(w) for w in (*labels, *([number] * numbers))]


def _fix_widths(table, widths: list[int]) -> None:
    """The grid, every cell (a merged one spans its columns) and a fixed layout, so Word keeps them."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = width
    for tr in table._tbl.tr_lst:
        column = 0
        for tc in tr.tc_lst:
            tc.width = sum(widths[column : column + tc.grid_span])
            column += tc.grid_span


def _docx_table(doc, header, rows: list[layout.Row], labels_cm: tuple[float, ...]) -> None:
    label_width = len(labels_cm)
    width = label_width + len(rows[0].values)
    table = doc.add_table(rows=len(header) + len(rows), cols=width)
    table.style = "Table Grid"
    for r, c, label in placed(header, [row.labels for row in rows], width):
        cell = table.cell(r, c)
        if label.rowspan > 1 or label.colspan > 1:
            cell = cell.merge(table.cell(r + label.rowspan - 1, c + label.colspan - 1))
        cell.text = ""
        _font(cell.paragraphs[0].add_run(label.text), size=9)
    for i, row in enumerate(rows):
        for j, (value, bad) in enumerate(zip(row.values, row.flagged, strict=True)):
            cell = table.cell(len(header) + i, label_width + j)
            cell.text = ""
            _font(
                cell.paragraphs[0].add_run(str(value)),
                size=9,
                bold=bad,
                color=RGBColor(0xB3, 0x26, 0x1E) if bad else None,
            )
    _fix_widths(table, _column_widths(labels_cm, len(rows[0].values)))


def to_docx(data: dict, *, current: bool = False) -> bytes:
    data = xml_safe_tree(data)  # subjects and topics are typed (pasted) text
    doc = Document()
    official_layout(doc)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _para(doc, title(data, current=current), size=16, bold=True, center=True)
    for e in data.get("errors") or []:
        _para(
            doc,
            f"校验错误（第{e['invariant']}条）：{e['message']}",
            color=RGBColor(0xB3, 0x26, 0x1E),
            bold=True,
        )

    _para(doc, "一、省级模板格式（可直接粘贴入年度报告相应部分）", size=14, bold=True)
    for section in text.provincial(data):
        _para(doc, section.heading, bold=True)
        for item in section.items:
            if item.question:
                _para(doc, item.question)
            _para(doc, item.answer)

    _para(doc, "二、全国统一格式（国办公开办函〔2021〕30号）", size=14, bold=True)
    if note := layout.national_note(data):
        _para(doc, f"（{note}）", size=10)
    _para(doc, "三、收到和处理政府信息公开申请情况", bold=True)
    _docx_table(doc, layout.national_header(), layout.national_rows(data), NATIONAL_LABEL_CM)
    _para(doc, "四、政府信息公开行政复议、行政诉讼情况", bold=True)
    _docx_table(doc, layout.remedy_header(), [layout.remedy_row(data)], ())
    _para(doc, "六、其他需要报告的事项", bold=True)
    _para(doc, layout.national_fee_sentence(data))
    if offices := layout.office_rows(data):
        _para(doc, layout.OFFICES_TITLE, bold=True)
        header = [[layout.Label("机关"), *map(layout.Label, layout.OFFICE_COLUMNS.values())]]
        _docx_table(doc, header, offices, OFFICE_NAME_CM)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---- CSV --------------------------------------------------------------------------------------------


# a CSV cell opened in Excel or WPS that begins with one of these is a formula (=, +, -, @) or may be
# read as one (a tab, a carriage return before it)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value):
    """A cell of the CSV as a spreadsheet shows it, never a formula: text that begins like one (an
    office's hotline "+86-…", its name typed by an office administrator at the start of a breach's
    message) gets the apostrophe that marks a cell as text; numbers stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _TextWriter:
    """csv.writer whose rows go through csv_text."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: list) -> None:
        self._writer.writerow([csv_text(value) for value in row])


def to_csv(data: dict) -> bytes:
    out = io.StringIO()
    w = _TextWriter(out)
    w.writerow(["部分", "项目", "列", "数值", "代码"])
    for row in layout.national_rows(data):
        for col, value, path in zip(spec.COLUMNS, row.values, row.paths, strict=True):
            w.writerow(
                [
                    "三、收到和处理政府信息公开申请情况",
                    row.flat_label,
                    spec.COLUMN_LABELS[col],
                    value,
                    path,
                ]
            )
    remedy = layout.remedy_row(data)
    for label, value, path in zip(
        layout.remedy_flat_labels(), remedy.values, remedy.paths, strict=True
    ):
        w.writerow(["四、政府信息公开行政复议、行政诉讼情况", label, "", value, path])
    for heading, columns, rows in layout.other_tables(data):
        for row in rows:
            for col, value, path in zip(columns, row.values, row.paths, strict=True):
                w.writerow([heading, row.flat_label, col, value, path])
    for row in layout.office_rows(data):
        for col, value, path in zip(
            layout.OFFICE_COLUMNS.values(), row.values, row.paths, strict=True
        ):
            w.writerow([layout.OFFICES_TITLE, row.flat_label, col, value, path])
    for e in data.get("errors") or []:
        w.writerow(["校验错误", f"第{e['invariant']}条", "", e["message"], "；".join(e["cells"])])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export(data: dict, fmt: str, *, current: bool = False) -> bytes:
    """The file of `fmt`; `current` for the current numbers of a published report (CURRENT_NOTE)."""
    if fmt == "csv":
        return to_csv(data)  # no title: its name says it
    return {"xlsx": to_xlsx, "docx": to_docx}[fmt](data, current=current)
