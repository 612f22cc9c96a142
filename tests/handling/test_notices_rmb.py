"""Amounts in Chinese capitals (大写) for the fee notice."""

from decimal import Decimal

import pytest

from cases.notices import rmb_upper

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.50", "伍角整"),
        ("10", "壹拾元整"),
        ("100", "壹佰元整"),
        ("1005", "壹仟零伍元整"),
        ("1100", "壹仟壹佰元整"),
        ("2740", "贰仟柒佰肆拾元整"),
        ("10000", "壹万元整"),
        ("10100", "壹万零壹佰元整"),
        ("100000.07", "壹拾万元零柒分"),
        ("12.50", "壹拾贰元伍角整"),
        ("1000000", "壹佰万元整"),
    ],
)
def test_rmb_in_capitals(amount, words):
    assert rmb_upper(Decimal(amount)) == words
