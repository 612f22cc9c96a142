"""Independent reference implementations for the cases.identity tests
(tests/unit/test_identity_*.py), written from the standards (GB 11643, GB 32100), not from the
module; a published valid ID number; and the strategies the ID-number properties share."""

from datetime import date

from hypothesis import strategies as st

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


PUBLISHED_VALID_ID = "11010519491231002X"


areas = st.text(alphabet="0123456789", min_size=6, max_size=6)
sequences = st.text(alphabet="0123456789", min_size=3, max_size=3)
births = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
