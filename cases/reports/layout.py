"""The tables as published, as plain rows of labelled cells: the page, the DOCX and the XLSX all draw
them from here, so the three cannot differ. Label cells carry row/column spans as in the national
format (国办公开办函〔2021〕30号)."""

from dataclasses import dataclass, field

from cases import outcomes
from cases.fees import FEE_START
from cases.models.agency import default_hotline

from . import spec


@dataclass
class Label:
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Row:
    key: str
    labels: list[Label]
    values: list
    paths: list[str]
    flagged: list[bool] = field(default_factory=list)
    flat_label: str = ""  # the row's label in one line (CSV, XLSX, lists of changes)

    @property
    def cells(self) -> list[tuple]:
        return list(zip(self.values, self.flagged, strict=True))


NATIONAL_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def error_cells(data: dict) -> set[str]:
    """The paths named by the report's invariant breaches ("2024:path" marks another year's cell)."""
    cells = set()
    for error in data.get("errors") or []:
        for cell in error["cells"]:
            year, sep, path = cell.partition(":")
            if not sep:
                cells.add(cell)
            elif year == str(data["year"]):
                cells.add(path)
    return cells


def _groups() -> list[tuple[str, list[outcomes.Outcome]]]:
    groups: dict[str, list[outcomes.Outcome]] = {}
    for o in outcomes.OUTCOMES:
        groups.setdefault(o.group, []).append(o)
    return list(groups.items())


def national_rows(data: dict) -> list[Row]:
    """Section 三 of the national format, row by row in the published order."""
    rows = data["applications"]["rows"]
    flagged = error_cells(data)
    results_height = len(outcomes.OUTCOMES) + 1  # every outcome row and （七）总计

    def make(key: str, labels: list[Label], flat: str) -> Row:
        paths = [f"applications.rows.{key}.{col}" for col in spec.COLUMNS]
        return Row(
            key=key,
            labels=labels,
            values=[rows[key][col] for col in spec.COLUMNS],
            paths=paths,
            flagged=[p in flagged for p in paths],
            flat_label=flat,
        )

    out = [
        make("new", [Label(spec.ROW_LABELS["new"], colspan=3)], spec.ROW_LABELS["new"]),
        make(
            "carried_over",
            [Label(spec.ROW_LABELS["carried_over"], colspan=3)],
            spec.ROW_LABELS["carried_over"],
        ),
    ]
    first_result = True
    for group, members in _groups():
        group_label = outcomes.GROUP_LABELS[group]
        for i, o in enumerate(members):
            labels = []
            if first_result:
                labels.append(Label(spec.RESULTS_HEADING, rowspan=results_height))
                first_result = False
            if len(members) == 1:
                labels.append(Label(o.row, colspan=2))
                flat = f"{spec.RESULTS_HEADING} {o.row}"
            else:
                if i == 0:
                    labels.append(Label(group_label, rowspan=len(members)))
                labels.append(Label(o.row))
                flat = f"{spec.RESULTS_HEADING} {group_label} {o.row}"
            out.append(make(o.code, labels, flat))
    out.append(
        make(
            "concluded_total",
            [Label(spec.ROW_LABELS["concluded_total"], colspan=2)],
            f"{spec.RESULTS_HEADING} {spec.ROW_LABELS['concluded_total']}",
        )
    )
    out.append(
        make(
            "carried_forward",
            [Label(spec.ROW_LABELS["carried_forward"], colspan=3)],
            spec.ROW_LABELS["carried_forward"],
        )
    )
    return out


def national_note(data: dict) -> str:
    """Said with the national tables of a report on a year before the format (2021): they are for
    reference only. Empty from 2021."""
    year = data["year"]
    if year >= spec.NATIONAL_FORMAT_FROM_YEAR:
        return ""
    return f"全国统一格式适用于{spec.NATIONAL_FORMAT_FROM_YEAR}年及以后的年度报告，{year}年度的表格仅供参考。"


def fee_word(year: int) -> str:
    """The year's fees by name: 信息处理费 from 2021 (国办函〔2020〕109号), before it the 2008 cost fees."""
    return "信息处理费" if year >= FEE_START.year else "依申请公开相关费用"


def national_fee_sentence(data: dict) -> str:
    """The national format's section 六: the year's fees charged and waived."""
    f = data["fees"]
    return (
        f"本年度收取{fee_word(data['year'])}{f['charged_count']}件，金额{f['charged_amount']}元；"
        f"减免{f['waived_count']}件，金额{f['waived_amount']}元。"
    )


def national_header() -> list[list[Label]]:
    return [
        [Label(NATIONAL_HEADER_NOTE, rowspan=3, colspan=3), Label("申请人情况", colspan=7)],
        [Label("自然人", rowspan=2), Label("法人或其他组织", colspan=5), Label("总计", rowspan=2)],
        [Label(spec.COLUMN_LABELS[c]) for c in spec.APPLICANT_TYPES[1:]],
    ]


def remedy_header() -> list[list[Label]]:
    results = [Label(spec.REMEDY_RESULT_LABELS[c]) for c in spec.REMEDY_COLUMNS]
    return [
        [Label("行政复议", colspan=5), Label("行政诉讼", colspan=10)],
        [
            *(Label(spec.REMEDY_RESULT_LABELS[c], rowspan=2) for c in spec.REMEDY_COLUMNS),
            Label("未经复议直接起诉", colspan=5),
            Label("复议后起诉", colspan=5),
        ],
        results + list(results),
    ]


def remedy_row(data: dict) -> Row:
    """Section 四 of the national format: one row of fifteen numbers."""
    flagged = error_cells(data)
    paths = [f"remedies.{k}.{c}" for k in spec.NATIONAL_REMEDY_KINDS for c in spec.REMEDY_COLUMNS]
    values = [
        data["remedies"][k][c] for k in spec.NATIONAL_REMEDY_KINDS for c in spec.REMEDY_COLUMNS
    ]
    return Row(
        "remedies",
        [],
        values,
        paths,
        [p in flagged for p in paths],
        "政府信息公开行政复议、行政诉讼情况",
    )


def remedy_flat_labels() -> list[str]:
    names = {
        "reconsideration": "行政复议",
        "lawsuit_direct": "行政诉讼 未经复议直接起诉",
        "lawsuit_after_reconsideration": "行政诉讼 复议后起诉",
    }
    return [
        f"{names[k]} {spec.REMEDY_RESULT_LABELS[c]}"
        for k in spec.NATIONAL_REMEDY_KINDS
        for c in spec.REMEDY_COLUMNS
    ]


def hotline_of(data: dict) -> str:
    """The report's office's consultation hotline; the deployment's (GONGKAI_HOTLINE) if it has none."""
    return data.get("details", {}).get("hotline") or default_hotline()


def other_tables(data: dict) -> list[tuple[str, list[str], list[Row]]]:
    """The provincial layout's counts as small tables: (title, column labels, rows)."""
    hotline = hotline_of(data)
    flagged = error_cells(data)

    def row(label: str, bucket: dict, keys, prefix: str) -> Row:
        paths = [f"{prefix}.{k}" for k in keys]
        return Row(
            label,
            [Label(label)],
            [bucket[k] for k in keys],
            paths,
            [p in flagged for p in paths],
            label,
        )

    channels = (*spec.APPLICATION_CHANNELS, "total")
    cchannels = (*spec.CONSULTATION_CHANNELS, "total")
    consult = data["consultations"]
    fees = data["fees"]
    return [
        (
            "收到申请情况（按申请方式）",
            [spec.CHANNEL_LABELS[c] for c in channels],
            [row("本年新收", data["by_channel"], channels, "by_channel")],
        ),
        (
            "咨询受理和处理情况",
            [spec.consultation_label(ch, hotline) for ch in spec.CONSULTATION_CHANNELS] + ["合计"],
            [
                row("受理", consult["accepted"], cchannels, "consultations.accepted"),
                row("处理", consult["handled"], cchannels, "consultations.handled"),
            ],
        ),
        (
            "行政复议、行政诉讼及申诉情况",
            [spec.REMEDY_RESULT_LABELS[c] for c in spec.REMEDY_COLUMNS],
            [
                row(
                    spec.REMEDY_KIND_LABELS[k],
                    data["remedies"][k],
                    spec.REMEDY_COLUMNS,
                    f"remedies.{k}",
                )
                for k in spec.REMEDY_KINDS
            ],
        ),
        (
            "信息处理费收取及减免情况" if data["year"] >= 2021 else "依申请公开收费及减免情况",
            ["件数", "金额（元）"],
            [
                row("收取", fees, ("charged_count", "charged_amount"), "fees"),
                row("减免", fees, ("waived_count", "waived_amount"), "fees"),
            ],
        ),
    ]


OFFICES_TITLE = "各机关分列（本年度申请和咨询）"
OFFICE_COLUMNS = {
    "new": "本年新收",
    "carried_over": "上年结转",
    "concluded_total": "本年办结",
    "carried_forward": "结转下年度",
    "consultations_accepted": "咨询受理",
    "consultations_handled": "咨询处理",
}


def office_rows(data: dict) -> list[Row]:
    """The report of an office with the offices below: each office's own figures (各机关分列), in the
    report's order of offices; none for a report of one office."""
    rows = []
    for office in data.get("details", {}).get("offices") or []:
        paths = [f"details.offices.{office['agency']}.{k}" for k in OFFICE_COLUMNS]
        rows.append(
            Row(
                office["agency"],
                [Label(office["name"])],
                [office[k] for k in OFFICE_COLUMNS],
                paths,
                [False] * len(paths),
                office["name"],
            )
        )
    return rows
