"""The invariants of annual-report.md, checked on every report. A breach is returned as an error naming
the cells involved (paths into the report dict, and their labels) — never a silent number."""

from dataclasses import asdict, dataclass
from decimal import Decimal

from cases import outcomes

from . import spec, text


@dataclass(frozen=True)
class Breach:
    invariant: int
    message: str
    cells: tuple[str, ...]

    def as_dict(self) -> dict:
        return asdict(self) | {"cells": list(self.cells)}


def _app(row: str, column: str) -> str:
    return f"applications.rows.{row}.{column}"


def check_balance(data: dict) -> list[Breach]:
    """1. For every column: 一 + 二 = （七）总计 + 四."""
    rows = data["applications"]["rows"]
    found = []
    for col in spec.COLUMNS:
        left = rows["new"][col] + rows["carried_over"][col]
        right = rows["concluded_total"][col] + rows["carried_forward"][col]
        if left != right:
            found.append(
                Breach(
                    1,
                    f"“{spec.COLUMN_LABELS[col]}”列：一+二（{rows['new'][col]}+{rows['carried_over'][col]}={left}）"
                    f"不等于（七）总计+四（{rows['concluded_total'][col]}+{rows['carried_forward'][col]}={right}）。",
                    tuple(
                        _app(r, col)
                        for r in ("new", "carried_over", "concluded_total", "carried_forward")
                    ),
                )
            )
    return found


def check_sums(data: dict) -> list[Breach]:
    """2. （七） = the sum of the result rows; 总计 = the sum of the six applicant columns."""
    rows = data["applications"]["rows"]
    found = []
    for col in spec.COLUMNS:
        summed = sum(rows[code][col] for code in outcomes.CODES)
        if summed != rows["concluded_total"][col]:
            found.append(
                Breach(
                    2,
                    f"“{spec.COLUMN_LABELS[col]}”列：各办理结果之和为{summed}，而（七）总计为"
                    f"{rows['concluded_total'][col]}（可能有办结但办理结果缺失或无效的申请）。",
                    (*(_app(code, col) for code in outcomes.CODES), _app("concluded_total", col)),
                )
            )
    for row in spec.ROWS:
        summed = sum(rows[row][col] for col in spec.APPLICANT_TYPES)
        if summed != rows[row]["total"]:
            found.append(
                Breach(
                    2,
                    f"“{spec.ROW_LABELS[row]}”行：六类申请人之和为{summed}，而总计为{rows[row]['total']}"
                    "（可能有申请人类型无效的申请）。",
                    (*(_app(row, col) for col in spec.APPLICANT_TYPES), _app(row, "total")),
                )
            )
    return found


def check_continuity(earlier: dict, later: dict, *, note: str = "") -> list[Breach]:
    """3. Year Y's 四 (carried forward) = year Y+1's 二 (carried over), for the same office."""
    a, b = earlier["applications"]["rows"], later["applications"]["rows"]
    found = []
    for col in spec.COLUMNS:
        if a["carried_forward"][col] != b["carried_over"][col]:
            found.append(
                Breach(
                    3,
                    f"“{spec.COLUMN_LABELS[col]}”列：{earlier['year']}年度结转下年度{a['carried_forward'][col]}件，"
                    f"而{later['year']}年度上年结转{b['carried_over'][col]}件{note}。",
                    (
                        f"{earlier['year']}:{_app('carried_forward', col)}",
                        f"{later['year']}:{_app('carried_over', col)}",
                    ),
                )
            )
    return found


def check_remedies(data: dict) -> list[Breach]:
    """4. Section 四: 总计 = the sum of the other four, in each group (and for 申诉 too)."""
    found = []
    for kind in spec.REMEDY_KINDS:
        bucket = data["remedies"][kind]
        summed = sum(bucket[r] for r in spec.REMEDY_RESULTS)
        if summed != bucket["total"]:
            found.append(
                Breach(
                    4,
                    f"{spec.REMEDY_KIND_LABELS[kind]}：四项结果之和为{summed}，而总计为{bucket['total']}。",
                    tuple(f"remedies.{kind}.{c}" for c in spec.REMEDY_COLUMNS),
                )
            )
    return found


def check_layouts(data: dict) -> list[Breach]:
    """5. The provincial layout's totals equal the national layout's."""
    rows, by_channel = data["applications"]["rows"], data["by_channel"]
    found = []
    channels = sum(by_channel[ch] for ch in spec.APPLICATION_CHANNELS)
    if not channels == by_channel["total"] == rows["new"]["total"]:
        found.append(
            Breach(
                5,
                f"省级格式按申请方式合计{channels}件（合计栏{by_channel['total']}件），与国家格式本年新收"
                f"{rows['new']['total']}件不一致（可能有申请方式无效的申请）。",
                (
                    *(f"by_channel.{ch}" for ch in (*spec.APPLICATION_CHANNELS, "total")),
                    _app("new", "total"),
                ),
            )
        )
    handled = sum(n for _, n, _ in text.handling_groups(data))
    if handled != rows["concluded_total"]["total"]:
        found.append(
            Breach(
                5,
                f"省级格式按处理结果合计{handled}件，与国家格式（七）总计{rows['concluded_total']['total']}件不一致。",
                (_app("concluded_total", "total"),),
            )
        )
    for key in ("accepted", "handled"):
        bucket = data["consultations"][key]
        summed = sum(bucket[ch] for ch in spec.CONSULTATION_CHANNELS)
        if summed != bucket["total"]:
            found.append(
                Breach(
                    5,
                    f"咨询{'受理' if key == 'accepted' else '处理'}情况：各方式之和为{summed}，而合计为{bucket['total']}。",
                    tuple(
                        f"consultations.{key}.{ch}" for ch in (*spec.CONSULTATION_CHANNELS, "total")
                    ),
                )
            )
    return found


def numeric_cells(data: dict) -> dict[str, int | Decimal]:
    """Every number of a report by its path (applications.rows.new.total, fees.charged_amount, …)."""
    cells: dict[str, int | Decimal] = {}
    for row in spec.ROWS:
        for col in spec.COLUMNS:
            cells[_app(row, col)] = data["applications"]["rows"][row][col]
    for ch in (*spec.APPLICATION_CHANNELS, "total"):
        cells[f"by_channel.{ch}"] = data["by_channel"][ch]
    for key in ("accepted", "handled"):
        for ch in (*spec.CONSULTATION_CHANNELS, "total"):
            cells[f"consultations.{key}.{ch}"] = data["consultations"][key][ch]
    for kind in spec.REMEDY_KINDS:
        for col in spec.REMEDY_COLUMNS:
            cells[f"remedies.{kind}.{col}"] = data["remedies"][kind][col]
    for key in spec.FEE_KEYS:
        value = data["fees"][key]
        cells[f"fees.{key}"] = Decimal(value) if "amount" in key else value
    return cells


def check_parts(combined: dict, parts: list[dict]) -> list[Breach]:
    """6. An office's report together with its sub-offices equals the sum of their separate reports."""
    total = numeric_cells(combined)
    summed: dict[str, int | Decimal] = dict.fromkeys(total, 0)
    for part in parts:
        for path, value in numeric_cells(part).items():
            summed[path] += value
    return [
        Breach(
            6,
            f"{path}：含下级机关的合计为{total[path]}，而各机关分别统计之和为{summed[path]}。",
            (path,),
        )
        for path in total
        if total[path] != summed[path]
    ]


def check_published_part(name: str, published: dict, current: dict) -> list[Breach]:
    """6. against one office's published (frozen) separate report: its part of a report with the
    offices below, counted now, is the report it published."""
    before, now = numeric_cells(published), numeric_cells(current)
    return [
        Breach(
            6,
            f"{path}：{name}{published['year']}年度报告已发布为{before[path]}，而含下级机关的报告中"
            f"该机关为{now[path]}（发布后有案件变动）。",
            (path,),
        )
        for path in before
        if before[path] != now[path]
    ]


OFFICE_ROW_CELLS = {
    "new": _app("new", "total"),
    "carried_over": _app("carried_over", "total"),
    "concluded_total": _app("concluded_total", "total"),
    "carried_forward": _app("carried_forward", "total"),
    "consultations_accepted": "consultations.accepted.total",
    "consultations_handled": "consultations.handled.total",
}


def check_published_row(published: dict, row: dict, current: dict) -> list[Breach]:
    """6. against a published (frozen) report with the offices below of an office above this one (or
    of this one): its row for this office (各机关分列, `row`) is this office's own report (`current`,
    the same figures)."""
    name = published.get("details", {}).get("agency_name") or published["agency"]
    return [
        Breach(
            6,
            f"{name}（含下级机关）{published['year']}年度报告已发布，其中本机关{path}为{row.get(key)}，"
            f"而本机关的报告为{current[key]}（发布后有案件变动）。",
            (path,),
        )
        for key, path in OFFICE_ROW_CELLS.items()
        if row.get(key) != current[key]
    ]


def check(data: dict, *, parts: list[dict] | None = None) -> list[Breach]:
    """Invariants 1, 2, 4, 5 (and 6 when the parts are given) on one report."""
    found = check_balance(data) + check_sums(data) + check_remedies(data) + check_layouts(data)
    if parts is not None:
        found += check_parts(data, parts)
    return found
