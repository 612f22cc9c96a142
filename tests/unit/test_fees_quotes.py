"""cases.fees: the quote (basis, standard and breakdown) shown on the fee notice. Pure, no DB."""

import dataclasses
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.fees import (
    PER_ITEM,
    PER_PAGE,
    FeeQuote,
    per_item_fee,
    per_page_fee,
    quote_per_item,
    quote_per_page,
)
from tests.unit.fee_oracles import counts, positive

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


# --- The standard printed on the notice states the prices the fee is computed with ---------------


def test_per_page_standard_states_the_prices_charged() -> None:
    standard = quote_per_page(pages=1).standard
    (free,) = re.findall(r"(\d+)页以下（含\1页）不收费", standard)
    assert per_page_fee(int(free)) == 0 < per_page_fee(int(free) + 1)
    bands = re.findall(r"(\d+)–(\d+)页（含\2页）的部分，每页(\d+)元", standard)
    assert len(bands) == 2, standard
    for first, last, price in bands:
        first, last, price = int(first), int(last), int(price)
        assert per_page_fee(last) - per_page_fee(first - 1) == (last - first + 1) * price
    ((first, price),) = re.findall(r"(\d+)页以上的部分，每页(\d+)元", standard)
    assert per_page_fee(int(first) + 99) - per_page_fee(int(first) - 1) == 100 * int(price)


def test_per_item_standard_states_the_prices_charged() -> None:
    standard = quote_per_item(prior_items_this_month=0, items=1).standard
    (free,) = re.findall(r"(\d+)件以下（含\1件）不收费", standard)
    assert per_item_fee(0, int(free)) == 0 < per_item_fee(int(free), 1)
    bands = re.findall(r"(\d+)–(\d+)件（含\2件）的部分，每件(\d+)元", standard)
    bands += re.findall(r"(\d+)–(\d+)件每件(\d+)元", standard)
    assert len(bands) == 3, standard
    for first, last, price in bands:
        first, last, price = int(first), int(last), int(price)
        assert per_item_fee(first - 1, last - first + 1) == (last - first + 1) * price
    ((size, step),) = re.findall(r"以(\d+)件为一档，每增加一档，收费标准提高(\d+)元/件", standard)
    first, _, price = (int(n) for n in bands[-1])
    for k in range(1, 6):  # "依此类推": the bands after the last one spelled out
        start = first + k * int(size)
        fee = per_item_fee(start - 1, int(size))
        assert fee == int(size) * (price + k * int(step))
