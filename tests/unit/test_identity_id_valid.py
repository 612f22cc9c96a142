"""cases.identity: 居民身份证号码 (GB 11643) that are valid, normalising them, the check character
and the birth date. Pure, no DB."""

from datetime import date

import pytest

from cases.identity import id_birth_date, id_check_char, id_number_error, normalize_id_number
from tests.unit.identity_reference import PUBLISHED_VALID_ID, make_id, ref_id_check

# --- 居民身份证号码: valid ------------------------------------------------------------------------


def test_reference_implementation_agrees_with_published_sample() -> None:
    assert ref_id_check(PUBLISHED_VALID_ID[:17]) == "X"


@pytest.mark.parametrize(
    "value",
    [
        PUBLISHED_VALID_ID,
        "11010519491231002x",  # lowercase x
        " 11010519491231002X ",  # surrounding whitespace
        "110105 19491231 002X",  # spaces inside
        "110105\u300019491231002X",  # ideographic space
        "１１０１０５１９４９１２３１００２ｘ",  # full-width digits and x from an IME
        make_id("530122", date(1990, 1, 1), "123"),
        make_id("440305", date(2000, 2, 29), "456"),  # leap day
        make_id("110101", date(1900, 1, 1), "001"),  # earliest accepted birth date
        make_id("110101", date(2100, 12, 31), "001"),  # latest accepted birth date
    ],
)
def test_valid_id_numbers(value: str) -> None:
    assert id_number_error(value) is None


def test_normalize_id_number() -> None:
    assert normalize_id_number(" 110105 19491231002x\t") == PUBLISHED_VALID_ID
    assert normalize_id_number("１１０１０５１９４９１２３１００２ｘ") == PUBLISHED_VALID_ID
    assert normalize_id_number("") == ""


def test_check_char_can_be_x_and_digits() -> None:
    assert id_check_char(PUBLISHED_VALID_ID[:17]) == "X"
    body = "53012219900101123"
    assert id_check_char(body) == ref_id_check(body)


def test_id_check_char_rejects_bad_body() -> None:
    with pytest.raises(ValueError, match="17位数字"):
        id_check_char("1234")


def test_id_birth_date() -> None:
    assert id_birth_date(PUBLISHED_VALID_ID) == date(1949, 12, 31)
    assert id_birth_date("110105194902300000") is None
    assert id_birth_date("short") is None
