"""cases.identity: masking ID numbers, credit codes and phone numbers for display. Pure, no DB."""

from datetime import date

import pytest
from hypothesis import given, settings

from cases.identity import mask_credit_code, mask_id_number, mask_phone
from tests.unit.identity_reference import PUBLISHED_VALID_ID, areas, births, make_id, sequences


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
