"""cases.identity: properties of 居民身份证号码 checking — the computed check character validates,
typos and transpositions are caught, out-of-range birth dates are refused. Pure, no DB."""

from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cases.identity import (
    ID_BIRTH_DATE_ERROR,
    ID_CHECK_ERROR,
    id_birth_date,
    id_check_char,
    id_number_error,
)
from tests.unit.identity_reference import ID_CHARS, areas, births, make_id, sequences

# --- 居民身份证号码: properties ----------------------------------------------------------------


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
