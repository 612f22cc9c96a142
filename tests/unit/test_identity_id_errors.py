"""cases.identity: each kind of error in a 居民身份证号码 (format, birth date, check character) and
its specified Chinese message. Pure, no DB."""

import pytest

from cases.identity import ID_BIRTH_DATE_ERROR, ID_CHECK_ERROR, ID_FORMAT_ERROR, id_number_error
from tests.unit.identity_reference import ID_CHARS, PUBLISHED_VALID_ID, ref_id_check

# --- 居民身份证号码: each kind of error ---------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "11010519491231002",  # 17 chars
        "11010519491231002X1",  # 19 chars
        "110105194912310021X",  # 19 chars
        "1101051949123100X2",  # X not in last position
        "11010519491231002Y",  # wrong check letter
        "A1010519491231002X",  # letter in the body
        "110105-19491231002X",  # hyphen
        "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  # Arabic-Indic digits are Unicode digits but not 0-9
        "110105194912310",  # 15-digit first-generation number
    ],
)
def test_id_format_errors(value: str) -> None:
    assert id_number_error(value) == ID_FORMAT_ERROR


@pytest.mark.parametrize(
    "birth",
    [
        "19490230",  # 30 February
        "19000229",  # 1900 is not a leap year
        "19491301",  # month 13
        "19490001",  # month 0
        "19490100",  # day 0
        "19490431",  # 31 April
        "18991231",  # before 1900-01-01
        "21010101",  # after 2100
        "00000000",
    ],
)
def test_id_birth_date_errors(birth: str) -> None:
    body = f"110105{birth}002"
    # The right check character, so only the date is wrong.
    assert id_number_error(body + ref_id_check(body)) == ID_BIRTH_DATE_ERROR


def test_id_birth_date_is_checked_before_check_digit() -> None:
    body = "11010519490230002"
    wrong = next(c for c in ID_CHARS if c != ref_id_check(body))
    assert id_number_error(body + wrong) == ID_BIRTH_DATE_ERROR


@pytest.mark.parametrize("wrong", [c for c in ID_CHARS if c != "X"])
def test_id_check_errors(wrong: str) -> None:
    assert id_number_error(PUBLISHED_VALID_ID[:17] + wrong) == ID_CHECK_ERROR


def test_id_check_error_from_typo_in_body() -> None:
    assert id_number_error("11010519491231003X") == ID_CHECK_ERROR
    assert id_number_error("530122199001011234") == ID_CHECK_ERROR


def test_id_messages_are_the_specified_chinese_texts() -> None:
    assert ID_FORMAT_ERROR == "身份证号码应为18位，前17位为数字，最后一位为数字或X"
    assert ID_BIRTH_DATE_ERROR == "身份证号码中的出生日期无效"
    assert ID_CHECK_ERROR == "身份证号码校验位不正确，请核对"
