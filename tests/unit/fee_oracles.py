"""Independent oracles for the cases.fees tests (tests/unit/test_fees_*.py): each unit priced on
its own, straight from the tier table, and the count strategies the properties share."""

from decimal import Decimal

from hypothesis import strategies as st


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


counts = st.integers(min_value=0, max_value=400)
positive = st.integers(min_value=1, max_value=400)
