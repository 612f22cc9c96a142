"""cases.identity: GB 11643 ID numbers, GB 32100 credit codes, masking. Pure, no DB."""

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cases.identity import (
    CREDIT_CHECK_ERROR,
    CREDIT_FORMAT_ERROR,
    ID_BIRTH_DATE_ERROR,
    ID_CHECK_ERROR,
    ID_FORMAT_ERROR,
    credit_check_char,
    credit_code_error,
    id_birth_date,
    id_check_char,
    id_number_error,
    mask_credit_code,
    mask_id_number,
    mask_phone,
    normalize_credit_code,
    normalize_id_number,
)

# --- Independent reference implementations (written from the standards, not from the module) ---

REF_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def ref_id_check(body: str) -> str:
    value = (12 - sum(int(d) * w for d, w in zip(body, REF_ID_WEIGHTS, strict=True)) % 11) % 11
    return "X" if value == 10 else str(value)


REF_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
REF_CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def ref_credit_check(body: str) -> str:
    total = sum(
        REF_CREDIT_CHARS.index(c) * w for c, w in zip(body, REF_CREDIT_WEIGHTS, strict=True)
    )
    value = 31 - total % 31
    return REF_CREDIT_CHARS[0 if value == 31 else value]


def make_id(area: str, born: date, seq: str) -> str:
    body = f"{area}{born:%Y%m%d}{seq}"
    return body + ref_id_check(body)


ID_CHARS = "0123456789X"

# --- 居民身份证号码: valid ------------------------------------------------------------------------

PUBLISHED_VALID_ID = "11010519491231002X"


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


# --- 居民身份证号码: properties ----------------------------------------------------------------

areas = st.text(alphabet="0123456789", min_size=6, max_size=6)
sequences = st.text(alphabet="0123456789", min_size=3, max_size=3)
births = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@settings(deadline=None)
@given(area=areas, born=births, seq=sequences)
def test_property_computed_check_char_validates(area: str, born: date, seq: str) -> None:
    number = make_id(area, born, seq)
    assert id_check_char(number[:17]) == number[17]
    assert id_number_error(number) is None
    assert id_number_error(number.lower()) is None
    assert id_birth_date(number) == born


@settings(deadline=None)
@given(area=areas, born=births, seq=sequences, other=st.sampled_from(ID_CHARS))
def test_property_changed_check_char_invalidates(
    area: str, born: date, seq: str, other: str
) -> None:
    number = make_id(area, born, seq)
    assume(other != number[17])
    assert id_number_error(number[:17] + other) == ID_CHECK_ERROR


@settings(deadline=None)
@given(
    area=areas,
    born=births,
    seq=sequences,
    position=st.integers(0, 16),
    digit=st.sampled_from("0123456789"),
)
def test_property_any_single_digit_typo_is_caught(
    area: str, born: date, seq: str, position: int, digit: str
) -> None:
    number = make_id(area, born, seq)
    assume(number[position] != digit)
    typo = number[:position] + digit + number[position + 1 :]
    assert id_number_error(typo) is not None


@settings(deadline=None)
@given(area=areas, born=births, seq=sequences, position=st.integers(0, 15))
def test_property_adjacent_transposition_is_caught(
    area: str, born: date, seq: str, position: int
) -> None:
    number = make_id(area, born, seq)
    assume(number[position] != number[position + 1])
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    assert id_number_error(swapped) is not None


@settings(deadline=None)
@given(born=st.dates(max_value=date(1899, 12, 31)) | st.dates(min_value=date(2101, 1, 1)))
def test_property_out_of_range_birth_dates_rejected(born: date) -> None:
    assume(born.year >= 1000)  # 8-digit YYYYMMDD
    assert id_number_error(make_id("110105", born, "002")) == ID_BIRTH_DATE_ERROR


def test_every_day_of_a_leap_year_boundary_week() -> None:
    start = date(2024, 2, 25)
    for offset in range(10):
        assert id_number_error(make_id("110105", start + timedelta(days=offset), "002")) is None


# --- 统一社会信用代码 ------------------------------------------------------------------------

PUBLISHED_VALID_CODES = [
    "91350100M000100Y43",
    "914403001922038216",  # widely published: 华为技术有限公司
    "9144030071526726XG",  # widely published: 深圳市腾讯计算机系统有限公司
]


@pytest.mark.parametrize("code", PUBLISHED_VALID_CODES)
def test_reference_credit_check_agrees_with_published_samples(code: str) -> None:
    assert ref_credit_check(code[:17]) == code[17]


@pytest.mark.parametrize(
    "value",
    [
        *PUBLISHED_VALID_CODES,
        "91350100m000100y43",  # lowercase
        " 91350100M000100Y43\n",
        "9135 0100 M000 100Y 43",
        "９１３５０１００Ｍ０００１００Ｙ４３",  # full-width
        "000000000000000000",  # weighted sum ≡ 0 (mod 31): 31 - 0 = 31 → check "0"
        "10000000000000000Y",  # weighted sum ≡ 1: check value 30 → "Y"
    ],
)
def test_valid_credit_codes(value: str) -> None:
    assert credit_code_error(value) is None


def test_credit_check_31_maps_to_zero() -> None:
    assert credit_check_char("0" * 17) == "0"
    assert credit_check_char("1" + "0" * 16) == "Y"


def test_credit_check_char_rejects_bad_body() -> None:
    with pytest.raises(ValueError, match="17位"):
        credit_check_char("I" * 17)


def test_normalize_credit_code() -> None:
    assert normalize_credit_code(" 9135 0100m000100y43 ") == "91350100M000100Y43"
    assert normalize_credit_code("") == ""


@pytest.mark.parametrize(
    "value",
    [
        "",
        "91350100M000100Y4",  # 17 chars
        "91350100M000100Y431",  # 19 chars
        "91350100I000100Y43",  # I
        "91350100O000100Y43",  # O
        "91350100Z000100Y43",  # Z
        "91350100S000100Y43",  # S
        "91350100V000100Y43",  # V
        "91350100M000100Y4-",
        "91350100M000100Y4中",
    ],
)
def test_credit_format_errors(value: str) -> None:
    assert credit_code_error(value) == CREDIT_FORMAT_ERROR


@pytest.mark.parametrize("wrong", [c for c in REF_CREDIT_CHARS if c != "3"])
def test_credit_check_errors(wrong: str) -> None:
    assert credit_code_error("91350100M000100Y4" + wrong) == CREDIT_CHECK_ERROR


def test_credit_messages_are_the_specified_chinese_texts() -> None:
    assert CREDIT_FORMAT_ERROR == "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）"
    assert CREDIT_CHECK_ERROR == "统一社会信用代码校验位不正确，请核对"


credit_bodies = st.text(alphabet=REF_CREDIT_CHARS, min_size=17, max_size=17)


@settings(deadline=None)
@given(body=credit_bodies, other=st.sampled_from(REF_CREDIT_CHARS))
def test_property_credit_check_char(body: str, other: str) -> None:
    check = ref_credit_check(body)
    assert credit_check_char(body) == check
    assert credit_code_error(body + check) is None
    assert credit_code_error((body + check).lower()) is None
    if other != check:
        assert credit_code_error(body + other) == CREDIT_CHECK_ERROR


@settings(deadline=None)
@given(body=credit_bodies, position=st.integers(0, 16), char=st.sampled_from(REF_CREDIT_CHARS))
def test_property_single_char_typo_in_credit_code_is_caught(
    body: str, position: int, char: str
) -> None:
    assume(body[position] != char)
    code = body + ref_credit_check(body)
    typo = code[:position] + char + code[position + 1 :]
    assert credit_code_error(typo) == CREDIT_CHECK_ERROR


# --- Masking ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("530122199001011234", "530122********1234"),
        (PUBLISHED_VALID_ID, "110105********002X"),
        ("11010519491231002x", "110105********002X"),
        (" 110105 19491231002X ", "110105********002X"),
        ("", ""),
        ("1234567890", "**********"),  # too short to show both ends
        ("12345678901", "123456*8901"),
    ],
)
def test_mask_id_number(value: str, masked: str) -> None:
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("91350100M000100Y43", "913501********0Y43"),
        ("91350100m000100y43", "913501********0Y43"),
        ("", ""),
        ("ABC", "***"),
    ],
)
def test_mask_credit_code(value: str, masked: str) -> None:
    assert mask_credit_code(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812345678", "138****5678"),
        (" 13812345678 ", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("0871-12345678", "*********5678"),
        ("01012345678", "*******5678"),  # 11 digits but a landline, not a mobile
        ("87654321", "****4321"),
        ("12345", "*2345"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask_phone(value: str, masked: str) -> None:
    assert mask_phone(value) == masked


@settings(deadline=None)
@given(area=areas, born=births, seq=sequences)
def test_property_mask_hides_birth_date(area: str, born: date, seq: str) -> None:
    number = make_id(area, born, seq)
    masked = mask_id_number(number)
    assert masked == number[:6] + "*" * 8 + number[14:]
