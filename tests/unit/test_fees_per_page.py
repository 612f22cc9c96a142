"""cases.fees: 按量计收 (per page). Pure, no DB.

Every golden amount below was worked out by hand from law.md §5; the comment shows the sum.
"""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.fees import per_page_fee
from tests.unit.fee_oracles import ref_pages

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


# --- Properties --------------------------------------------------------------------------------


@settings(deadline=None)
@given(pages=st.integers(min_value=0, max_value=2000))
def test_property_per_page_matches_unit_oracle(pages: int) -> None:
    amount = per_page_fee(pages)
    assert amount == ref_pages(pages)
    assert amount.as_tuple().exponent == -2


@settings(deadline=None)
@given(pages=st.integers(min_value=0, max_value=5000))
def test_property_per_page_monotone(pages: int) -> None:
    assert per_page_fee(pages) <= per_page_fee(pages + 1)
