"""cases.identity: 统一社会信用代码 (GB 32100) — valid codes, the check character, each kind of
error and its message, and properties of the check. Pure, no DB."""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cases.identity import (
    CREDIT_CHECK_ERROR,
    CREDIT_FORMAT_ERROR,
    credit_check_char,
    credit_code_error,
    normalize_credit_code,
)
from tests.unit.identity_reference import REF_CREDIT_CHARS, ref_credit_check

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
