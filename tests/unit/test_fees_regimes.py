"""cases.fees: which fee a received date allows (the 2008 regime, none in 2019–2020, per item or
per page from 2021). Pure, no DB."""

from datetime import date, timedelta

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
    allowed_methods,
    fee_allowed,
    fee_method_error,
)

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
