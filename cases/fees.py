"""Fees (pure, no Django): 信息处理费 under 国办函〔2020〕109号 and the 2008 cost fees.

Which regime applies depends on the date the application was received (law.md §5):

- before 2019-05-15 (国务院令第492号): only cost fees — 检索费、复制费、邮寄费 (``COST``);
- 2019-05-15 … 2020-12-31: no fee of any kind;
- from 2021-01-01 (国办函〔2020〕109号): 信息处理费, ``PER_ITEM`` or ``PER_PAGE`` (one per application).

Both 信息处理费 methods are progressive (超额累进): each 件 / 页 is priced by the band it falls in.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

REGULATION_2019_START = date(2019, 5, 15)
FEE_START = date(2021, 1, 1)

PER_ITEM, PER_PAGE, COST = "per_item", "per_page", "cost"
METHOD_LABELS = {
    PER_ITEM: "按件计收",
    PER_PAGE: "按量计收",
    COST: "成本费用（检索费、复制费、邮寄费）",
}

CENT = Decimal("0.01")

BASIS = "《中华人民共和国政府信息公开条例》第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
PER_ITEM_STANDARD = (
    "按件计收：申请人一个自然月内向同一行政机关累计提出的政府信息公开申请，"
    "10件以下（含10件）不收费；11–30件（含30件）的部分，每件100元；"
    "31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件"
    "（31–40件每件200元，41–50件每件300元，依此类推）。"
)
PER_PAGE_STANDARD = (
    "按量计收：同一申请，30页以下（含30页）不收费；31–100页（含100页）的部分，每页10元；"
    "101–200页（含200页）的部分，每页20元；201页以上的部分，每页40元。"
)

NO_FEE_2019_2020 = "2019年5月15日至2020年12月31日收到的申请不收取信息处理费"
NO_PROCESSING_FEE_BEFORE_2019 = (
    "2019年5月15日前收到的申请适用原《中华人民共和国政府信息公开条例》（国务院令第492号），"
    "只能收取检索费、复制费、邮寄费等成本费用，不收取信息处理费"
)
NO_COST_FEE_FROM_2021 = (
    "2021年1月1日起收到的申请只能按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
    "按件或按量收取信息处理费，不收取检索费、复制费、邮寄费"
)
UNKNOWN_METHOD = "收费方式无效，应为按件计收、按量计收或成本费用"

# A band: (first unit, last unit or None for open-ended, price per unit in 元).
Band = tuple[int, int | None, int]


@dataclass(frozen=True)
class FeeQuote:
    method: str
    amount: Decimal
    basis: str
    standard: str
    breakdown: tuple[str, ...]


# --- Bands ---------------------------------------------------------------------------------


def _item_band(n: int) -> Band:
    """The band of the n-th 件 in the month: 1–10 free, 11–30 at 100, then +100 per 10 件."""
    if n <= 10:
        return (1, 10, 0)
    if n <= 30:
        return (11, 30, 100)
    step = (n - 31) // 10
    first = 31 + 10 * step
    return (first, first + 9, 200 + 100 * step)


def _page_band(n: int) -> Band:
    """The band of the n-th 页 in one application."""
    if n <= 30:
        return (1, 30, 0)
    if n <= 100:
        return (31, 100, 10)
    if n <= 200:
        return (101, 200, 20)
    return (201, None, 40)


def page_bands() -> tuple[Band, ...]:
    """The 按量计收 bands in order, the last open-ended (the in-app help prints them)."""
    bands, n = [], 1
    while True:
        band = _page_band(n)
        bands.append(band)
        if band[1] is None:
            return tuple(bands)
        n = band[1] + 1


def item_bands(count: int) -> tuple[Band, ...]:
    """The first `count` 按件计收 bands in order (they go on without end: the in-app help prints a few
    and says 依此类推)."""
    bands, n = [], 1
    for _ in range(count):
        band = _item_band(n)
        bands.append(band)
        n = band[1] + 1
    return tuple(bands)


def _segments(
    band_of: Callable[[int], Band], first: int, last: int
) -> Iterator[tuple[int, int, int]]:
    """Split the units ``first..last`` into (from, to, price) runs by band."""
    n = first
    while n <= last:
        _, band_last, price = band_of(n)
        to = last if band_last is None else min(band_last, last)
        yield (n, to, price)
        n = to + 1


# --- Validation ----------------------------------------------------------------------------


def _check_count(value: int, what: str, *, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what}应为整数")
    if value < minimum:
        bound = "正整数" if minimum == 1 else "非负整数"
        raise ValueError(f"{what}应为{bound}，收到：{value}")


# --- Amounts -------------------------------------------------------------------------------


def _money(value: int | Decimal) -> Decimal:
    return Decimal(value).quantize(CENT)


def _total(band_of: Callable[[int], Band], first: int, last: int) -> Decimal:
    return _money(sum((to - frm + 1) * price for frm, to, price in _segments(band_of, first, last)))


def _items_cumulative(n: int) -> int:
    """Total 元 for 件 1..n of a month, in closed form (so huge counts cost nothing)."""
    if n <= 10:
        return 0
    if n <= 30:
        return 100 * (n - 10)
    full_bands, rest = divmod(n - 30, 10)
    full = 2000 * full_bands + 500 * full_bands * (full_bands - 1)  # Σ 10×(200+100k), k<K
    return 2000 + full + rest * (200 + 100 * full_bands)


def per_item_fee(prior_items_this_month: int, items: int) -> Decimal:
    """Fee for items number ``prior+1 .. prior+items`` in one calendar month to one office."""
    _check_count(prior_items_this_month, "本月此前已申请件数", minimum=0)
    _check_count(items, "本次申请件数", minimum=1)
    last = prior_items_this_month + items
    return _money(_items_cumulative(last) - _items_cumulative(prior_items_this_month))


def per_page_fee(pages: int) -> Decimal:
    """Fee for one application of ``pages`` pages (0 pages → 0.00)."""
    _check_count(pages, "页数", minimum=0)
    return _total(_page_band, 1, pages)


# --- Quotes --------------------------------------------------------------------------------


def _range_label(frm: int, to: int, unit: str) -> str:
    return f"第{frm}{unit}" if frm == to else f"第{frm}–{to}{unit}"


def _breakdown(band_of: Callable[[int], Band], first: int, last: int, unit: str) -> tuple[str, ...]:
    lines = []
    for frm, to, price in _segments(band_of, first, last):
        count = to - frm + 1
        label = _range_label(frm, to, unit)
        if price == 0:
            lines.append(f"{label}：{count}{unit}，免费")
        else:
            lines.append(f"{label}：{count}{unit}×{price}元={_money(count * price)}元")
    return tuple(lines)


def quote_per_item(*, prior_items_this_month: int, items: int) -> FeeQuote:
    """Quote for 按件计收; the first breakdown line says which 件 of the month these are."""
    amount = per_item_fee(prior_items_this_month, items)
    first = prior_items_this_month + 1
    last = prior_items_this_month + items
    context = (
        f"本月此前已向同一行政机关申请{prior_items_this_month}件，"
        f"本次{items}件，计为本月{_range_label(first, last, '件')}"
    )
    lines = (context, *_breakdown(_item_band, first, last, "件"), f"合计：{amount}元")
    return FeeQuote(PER_ITEM, amount, BASIS, PER_ITEM_STANDARD, lines)


def quote_per_page(*, pages: int) -> FeeQuote:
    """Quote for 按量计收 of one application."""
    amount = per_page_fee(pages)
    lines = (*_breakdown(_page_band, 1, pages, "页"), f"合计：{amount}元")
    return FeeQuote(PER_PAGE, amount, BASIS, PER_PAGE_STANDARD, lines)


# --- Which fees a date allows ----------------------------------------------------------------


def fee_allowed(received_on: date) -> str | None:
    """Why no fee at all may be charged for an application received that day, or ``None``.

    ``None`` means *some* fee may be charged; which one is :func:`fee_method_error`'s business
    (before 2019-05-15 only ``COST``; from 2021-01-01 only ``PER_ITEM`` / ``PER_PAGE``).
    """
    if REGULATION_2019_START <= received_on < FEE_START:
        return NO_FEE_2019_2020
    return None


def allowed_methods(received_on: date) -> tuple[str, ...]:
    if received_on < REGULATION_2019_START:
        return (COST,)
    if received_on < FEE_START:
        return ()
    return (PER_ITEM, PER_PAGE)


def fee_method_error(received_on: date, method: str) -> str | None:
    """Why ``method`` may not be charged for an application received that day, or ``None``."""
    if method not in METHOD_LABELS:
        return UNKNOWN_METHOD
    reason = fee_allowed(received_on)
    if reason is not None:
        return reason
    if method in allowed_methods(received_on):
        return None
    return NO_COST_FEE_FROM_2021 if method == COST else NO_PROCESSING_FEE_BEFORE_2019
