"""cases.fees: 按件计收 (per item, counted across the month). Pure, no DB.

Every golden amount below was worked out by hand from law.md §5; the comment shows the sum.
"""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.fees import per_item_fee
from tests.unit.fee_oracles import counts, positive, ref_items

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


# --- Properties --------------------------------------------------------------------------------


@settings(deadline=None)
@given(prior=counts, items=positive)
def test_property_per_item_matches_unit_oracle(prior: int, items: int) -> None:
    amount = per_item_fee(prior, items)
    assert amount == ref_items(prior, items)
    assert amount.as_tuple().exponent == -2


@settings(deadline=None)
@given(prior=counts, items=positive)
def test_property_per_item_monotone(prior: int, items: int) -> None:
    fee = per_item_fee(prior, items)
    assert fee <= per_item_fee(prior, items + 1)
    assert fee <= per_item_fee(prior + 1, items)  # later in the month never costs less


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
