"""cases.fees: invalid counts are refused, and quotes take keywords only. Pure, no DB."""

from decimal import Decimal

import pytest

from cases.fees import per_item_fee, per_page_fee, quote_per_item, quote_per_page

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
