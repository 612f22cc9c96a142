"""The fee bands the in-app help prints (fees.page_bands, fees.item_bands) are the bands the fees are
charged by: contiguous from the first unit, and each band's price is what one more unit in it costs."""

from decimal import Decimal
from itertools import pairwise

from cases import fees


def test_page_bands_are_the_per_page_fee():
    bands = fees.page_bands()
    assert bands[0][0] == 1 and bands[-1][1] is None
    for (_, last, _), (first, _, _) in pairwise(bands):
        assert first == last + 1
    for first, last, price in bands:
        for n in (first, last or first + 500):
            assert fees.per_page_fee(n) - fees.per_page_fee(n - 1) == Decimal(price)


def test_item_bands_are_the_per_item_fee():
    bands = fees.item_bands(6)
    assert len(bands) == 6 and bands[0][0] == 1
    for (_, last, _), (first, _, _) in pairwise(bands):
        assert first == last + 1
    for first, last, price in bands:
        for n in (first, last):
            assert fees.per_item_fee(n - 1, 1) == Decimal(price)
