"""cases.fees: 信息处理费 (国办函〔2020〕109号) and the date rules for fees. Pure, no DB.

Every golden amount below was worked out by hand from law.md §5; the comment shows the sum.
"""

import dataclasses
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.fees import (
    COST,
    FEE_START,
    NO_COST_FEE_FROM_2021,
    NO_FEE_2019_2020,
    NO_PROCESSING_FEE_BEFORE_2019,
    PER_ITEM,
    PER_PAGE,
    UNKNOWN_METHOD,
    FeeQuote,
    allowed_methods,
    fee_allowed,
    fee_method_error,
    per_item_fee,
    per_page_fee,
    quote_per_item,
    quote_per_page,
)

# --- Independent oracles: price each unit on its own, straight from the tier table -----------


def ref_item_price(n: int) -> int:
    if n <= 10:
        return 0
    if n <= 30:
        return 100
    return 200 + 100 * ((n - 31) // 10)


def ref_page_price(n: int) -> int:
    if n <= 30:
        return 0
    if n <= 100:
        return 10
    if n <= 200:
        return 20
    return 40


def ref_items(prior: int, items: int) -> Decimal:
    return Decimal(sum(ref_item_price(n) for n in range(prior + 1, prior + items + 1)))


def ref_pages(pages: int) -> Decimal:
    return Decimal(sum(ref_page_price(n) for n in range(1, pages + 1)))


# --- 按件计收: golden table ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prior", "items", "expected"),
    [
        (0, 1, "0.00"),
        (0, 10, "0.00"),  # 1–10 free
        (0, 11, "100.00"),  # 11th at 100
        (9, 1, "0.00"),  # the 10th is still free
        (9, 2, "100.00"),  # 10th free, 11th 100
        (10, 1, "100.00"),
        (0, 30, "2000.00"),  # 20×100
        (29, 1, "100.00"),  # the 30th
        (30, 1, "200.00"),  # the 31st
        (0, 31, "2200.00"),  # 2000 + 1×200
        (0, 40, "4000.00"),  # 2000 + 10×200
        (39, 1, "200.00"),  # the 40th
        (40, 1, "300.00"),  # the 41st
        (0, 41, "4300.00"),  # 4000 + 1×300
        (0, 50, "7000.00"),  # 4000 + 10×300
        (0, 51, "7400.00"),  # 7000 + 1×400
        (0, 60, "11000.00"),  # 7000 + 10×400
        (0, 61, "11500.00"),  # 11000 + 1×500
        (0, 70, "16000.00"),  # 11000 + 10×500
        (0, 71, "16600.00"),  # 16000 + 1×600
        (0, 100, "37000.00"),  # 2000 + 10×(200+300+…+800)
        (100, 1, "900.00"),  # the 101st: band 101–110
        (10, 20, "2000.00"),  # 11–30
        (30, 10, "2000.00"),  # 31–40
        (40, 10, "3000.00"),  # 41–50
        (50, 10, "4000.00"),  # 51–60
        (5, 10, "500.00"),  # 6–10 free, 11–15 at 100
        (25, 10, "1500.00"),  # 26–30: 5×100, 31–35: 5×200
        (38, 5, "1300.00"),  # 39–40 at 200, 41–43 at 300
    ],
)
def test_per_item_golden(prior: int, items: int, expected: str) -> None:
    amount = per_item_fee(prior, items)
    assert amount == Decimal(expected)
    assert str(amount) == expected  # two decimal places
    assert amount == ref_items(prior, items)


def test_per_item_cumulative_within_a_month() -> None:
    # Three applications in one month to one office: 8 件, then 15, then 12.
    first = per_item_fee(0, 8)  # 1–8 free
    second = per_item_fee(8, 15)  # 9–10 free, 11–23 at 100
    third = per_item_fee(23, 12)  # 24–30 at 100, 31–35 at 200
    assert (first, second, third) == (Decimal("0.00"), Decimal("1300.00"), Decimal("1700.00"))
    assert first + second + third == per_item_fee(0, 35) == Decimal("3000.00")


def test_per_item_huge_count_is_instant() -> None:
    # Closed form; a bogus count from a form must not hang the worker.
    n = 10**12
    bands = (n - 30) // 10
    expected = 2000 + 2000 * bands + 500 * bands * (bands - 1)
    assert per_item_fee(0, n) == Decimal(expected).quantize(Decimal("0.01"))


# --- 按量计收: golden table ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (0, "0.00"),
        (1, "0.00"),
        (30, "0.00"),  # 1–30 free
        (31, "10.00"),  # 1×10
        (32, "20.00"),
        (100, "700.00"),  # 70×10
        (101, "720.00"),  # 700 + 1×20
        (150, "1700.00"),  # 700 + 50×20
        (200, "2700.00"),  # 700 + 100×20
        (201, "2740.00"),  # 2700 + 1×40
        (250, "4700.00"),  # 2700 + 50×40
        (1000, "34700.00"),  # 2700 + 800×40
    ],
)
def test_per_page_golden(pages: int, expected: str) -> None:
    amount = per_page_fee(pages)
    assert amount == Decimal(expected)
    assert str(amount) == expected
    assert amount == ref_pages(pages)


# --- Invalid input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prior", "items", "message"),
    [
        (0, 0, "本次申请件数应为正整数"),
        (0, -1, "本次申请件数应为正整数"),
        (-1, 1, "本月此前已申请件数应为非负整数"),
    ],
)
def test_per_item_invalid_counts(prior: int, items: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        per_item_fee(prior, items)
    with pytest.raises(ValueError, match=message):
        quote_per_item(prior_items_this_month=prior, items=items)


def test_per_page_negative() -> None:
    with pytest.raises(ValueError, match="页数应为非负整数"):
        per_page_fee(-1)
    with pytest.raises(ValueError, match="页数应为非负整数"):
        quote_per_page(pages=-5)


@pytest.mark.parametrize("bad", [1.5, "3", None, True, Decimal("2")])
def test_non_integer_counts_are_type_errors(bad: object) -> None:
    with pytest.raises(TypeError, match="应为整数"):
        per_page_fee(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="应为整数"):
        per_item_fee(0, bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="应为整数"):
        per_item_fee(bad, 1)  # type: ignore[arg-type]


def test_quotes_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        quote_per_item(0, 1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        quote_per_page(10)  # type: ignore[misc]


# --- Quotes ------------------------------------------------------------------------------------


def test_quote_per_item_text() -> None:
    quote = quote_per_item(prior_items_this_month=0, items=30)
    assert quote.method == PER_ITEM
    assert quote.amount == Decimal("2000.00")
    assert "国办函〔2020〕109号" in quote.basis
    assert "《政府信息公开信息处理费管理办法》" in quote.basis
    assert "按件计收" in quote.standard
    assert "10件以下（含10件）不收费" in quote.standard
    assert quote.breakdown == (
        "本月此前已向同一行政机关申请0件，本次30件，计为本月第1–30件",
        "第1–10件：10件，免费",
        "第11–30件：20件×100元=2000.00元",
        "合计：2000.00元",
    )


def test_quote_per_item_with_prior_items_spanning_bands() -> None:
    quote = quote_per_item(prior_items_this_month=9, items=25)
    assert quote.amount == Decimal("2800.00")
    assert quote.breakdown == (
        "本月此前已向同一行政机关申请9件，本次25件，计为本月第10–34件",
        "第10件：1件，免费",
        "第11–30件：20件×100元=2000.00元",
        "第31–34件：4件×200元=800.00元",
        "合计：2800.00元",
    )


def test_quote_per_item_single_item() -> None:
    quote = quote_per_item(prior_items_this_month=40, items=1)
    assert quote.breakdown[1:] == ("第41件：1件×300元=300.00元", "合计：300.00元")
    assert quote.breakdown[0].endswith("计为本月第41件")


def test_quote_per_page_text() -> None:
    quote = quote_per_page(pages=201)
    assert quote.method == PER_PAGE
    assert quote.amount == Decimal("2740.00")
    assert "国办函〔2020〕109号" in quote.basis
    assert "按量计收" in quote.standard
    assert "201页以上的部分，每页40元" in quote.standard
    assert quote.breakdown == (
        "第1–30页：30页，免费",
        "第31–100页：70页×10元=700.00元",
        "第101–200页：100页×20元=2000.00元",
        "第201页：1页×40元=40.00元",
        "合计：2740.00元",
    )


def test_quote_per_page_free() -> None:
    assert quote_per_page(pages=12).breakdown == ("第1–12页：12页，免费", "合计：0.00元")
    assert quote_per_page(pages=0).breakdown == ("合计：0.00元",)


def test_quote_is_frozen() -> None:
    quote = quote_per_page(pages=50)
    assert isinstance(quote, FeeQuote)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.amount = Decimal("0")  # type: ignore[misc]


# --- Which fee a received date allows ----------------------------------------------------------

D_2008 = date(2008, 5, 1)
D_LAST_2008_REGIME = date(2019, 5, 14)
D_FIRST_2019_REGIME = date(2019, 5, 15)
D_MID_GAP = date(2020, 6, 30)
D_LAST_NO_FEE = date(2020, 12, 31)
D_FEE_START = date(2021, 1, 1)
D_LATER = date(2025, 3, 3)


def test_fee_start_constant() -> None:
    assert date(2021, 1, 1) == FEE_START


@pytest.mark.parametrize(
    ("received", "method", "expected"),
    [
        (D_2008, COST, None),
        (D_2008, PER_ITEM, NO_PROCESSING_FEE_BEFORE_2019),
        (D_2008, PER_PAGE, NO_PROCESSING_FEE_BEFORE_2019),
        (D_LAST_2008_REGIME, COST, None),
        (D_LAST_2008_REGIME, PER_ITEM, NO_PROCESSING_FEE_BEFORE_2019),
        (D_LAST_2008_REGIME, PER_PAGE, NO_PROCESSING_FEE_BEFORE_2019),
        (D_FIRST_2019_REGIME, COST, NO_FEE_2019_2020),
        (D_FIRST_2019_REGIME, PER_ITEM, NO_FEE_2019_2020),
        (D_FIRST_2019_REGIME, PER_PAGE, NO_FEE_2019_2020),
        (D_MID_GAP, COST, NO_FEE_2019_2020),
        (D_MID_GAP, PER_ITEM, NO_FEE_2019_2020),
        (D_MID_GAP, PER_PAGE, NO_FEE_2019_2020),
        (D_LAST_NO_FEE, COST, NO_FEE_2019_2020),
        (D_LAST_NO_FEE, PER_ITEM, NO_FEE_2019_2020),
        (D_LAST_NO_FEE, PER_PAGE, NO_FEE_2019_2020),
        (D_FEE_START, COST, NO_COST_FEE_FROM_2021),
        (D_FEE_START, PER_ITEM, None),
        (D_FEE_START, PER_PAGE, None),
        (D_LATER, COST, NO_COST_FEE_FROM_2021),
        (D_LATER, PER_ITEM, None),
        (D_LATER, PER_PAGE, None),
    ],
)
def test_fee_method_error(received: date, method: str, expected: str | None) -> None:
    assert fee_method_error(received, method) == expected


@pytest.mark.parametrize("received", [D_2008, D_MID_GAP, D_LATER])
@pytest.mark.parametrize("method", ["", "both", "PER_ITEM", "free"])
def test_fee_method_error_unknown_method(received: date, method: str) -> None:
    assert fee_method_error(received, method) == UNKNOWN_METHOD


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (D_2008, None),
        (D_LAST_2008_REGIME, None),
        (D_FIRST_2019_REGIME, NO_FEE_2019_2020),
        (D_MID_GAP, NO_FEE_2019_2020),
        (D_LAST_NO_FEE, NO_FEE_2019_2020),
        (D_FEE_START, None),
        (D_LATER, None),
    ],
)
def test_fee_allowed(received: date, expected: str | None) -> None:
    assert fee_allowed(received) == expected


def test_messages() -> None:
    assert NO_FEE_2019_2020 == "2019年5月15日至2020年12月31日收到的申请不收取信息处理费"
    assert "检索费、复制费、邮寄费" in NO_PROCESSING_FEE_BEFORE_2019
    assert "国办函〔2020〕109号" in NO_COST_FEE_FROM_2021


@settings(deadline=None)
@given(received=st.dates(min_value=date(2008, 5, 1), max_value=date(2040, 12, 31)))
def test_property_allowed_methods_match_fee_method_error(received: date) -> None:
    allowed = allowed_methods(received)
    for method in (PER_ITEM, PER_PAGE, COST):
        assert (fee_method_error(received, method) is None) == (method in allowed)
    assert (fee_allowed(received) is None) == bool(allowed)
    assert not (COST in allowed and PER_ITEM in allowed)


def test_boundaries_day_by_day() -> None:
    for day in (D_FIRST_2019_REGIME - timedelta(days=1), D_FIRST_2019_REGIME):
        assert allowed_methods(day) == ((COST,) if day < D_FIRST_2019_REGIME else ())
    assert allowed_methods(D_FEE_START - timedelta(days=1)) == ()
    assert allowed_methods(D_FEE_START) == (PER_ITEM, PER_PAGE)


# --- Properties --------------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=400)
positive = st.integers(min_value=1, max_value=400)


@settings(deadline=None)
@given(prior=counts, items=positive)
def test_property_per_item_matches_unit_oracle(prior: int, items: int) -> None:
    amount = per_item_fee(prior, items)
    assert amount == ref_items(prior, items)
    assert amount.as_tuple().exponent == -2


@settings(deadline=None)
@given(pages=st.integers(min_value=0, max_value=2000))
def test_property_per_page_matches_unit_oracle(pages: int) -> None:
    amount = per_page_fee(pages)
    assert amount == ref_pages(pages)
    assert amount.as_tuple().exponent == -2


@settings(deadline=None)
@given(prior=counts, items=positive)
def test_property_per_item_monotone(prior: int, items: int) -> None:
    fee = per_item_fee(prior, items)
    assert fee <= per_item_fee(prior, items + 1)
    assert fee <= per_item_fee(prior + 1, items)  # later in the month never costs less


@settings(deadline=None)
@given(pages=st.integers(min_value=0, max_value=5000))
def test_property_per_page_monotone(pages: int) -> None:
    assert per_page_fee(pages) <= per_page_fee(pages + 1)


@settings(deadline=None)
@given(prior=counts, first=positive, second=positive)
def test_property_splitting_items_in_a_month_costs_the_same(
    prior: int, first: int, second: int
) -> None:
    together = per_item_fee(prior, first + second)
    split = per_item_fee(prior, first) + per_item_fee(prior + first, second)
    assert together == split


@settings(deadline=None)
@given(parts=st.lists(positive, min_size=1, max_size=8))
def test_property_month_of_applications_sums_like_one(parts: list[int]) -> None:
    prior = 0
    total = Decimal("0.00")
    for items in parts:
        total += per_item_fee(prior, items)
        prior += items
    assert total == per_item_fee(0, prior)


AMOUNT_RE = re.compile(r"=(\d+\.\d{2})元$")


def _breakdown_sum(quote: FeeQuote) -> Decimal:
    found = (AMOUNT_RE.search(line) for line in quote.breakdown)
    return sum((Decimal(m.group(1)) for m in found if m), Decimal("0.00"))


@settings(deadline=None)
@given(prior=counts, items=positive)
def test_property_item_breakdown_adds_up(prior: int, items: int) -> None:
    quote = quote_per_item(prior_items_this_month=prior, items=items)
    assert _breakdown_sum(quote) == quote.amount == per_item_fee(prior, items)
    assert quote.breakdown[-1] == f"合计：{quote.amount}元"


@settings(deadline=None)
@given(pages=st.integers(min_value=0, max_value=2000))
def test_property_page_breakdown_adds_up(pages: int) -> None:
    quote = quote_per_page(pages=pages)
    assert _breakdown_sum(quote) == quote.amount == per_page_fee(pages)
    assert quote.breakdown[-1] == f"合计：{quote.amount}元"
