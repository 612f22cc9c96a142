"""Identity numbers: validation, normalisation and masking (pure, no Django).

- 居民身份证号码, GB 11643-1999: 17 digits + ISO 7064 MOD 11-2 check character (0-9 or X).
- 统一社会信用代码, GB 32100-2015: 17 characters + a MOD 31 check character.

The ``*_error`` functions normalise their input first and return a Chinese message for a form,
or ``None`` when the value is valid. They never raise on user input.
"""

import re
from datetime import date

ID_FORMAT_ERROR = "身份证号码应为18位，前17位为数字，最后一位为数字或X"
ID_BIRTH_DATE_ERROR = "身份证号码中的出生日期无效"
ID_CHECK_ERROR = "身份证号码校验位不正确，请核对"

CREDIT_FORMAT_ERROR = "统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）"
CREDIT_CHECK_ERROR = "统一社会信用代码校验位不正确，请核对"

ID_BIRTH_MIN = date(1900, 1, 1)
ID_BIRTH_MAX = date(2100, 12, 31)

_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, ...
_ID_CHECK_CHARS = "10X98765432"  # indexed by (weighted sum mod 11)
_ID_RE = re.compile(r"[0-9]{17}[0-9X]")

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_RE = re.compile(f"[{CREDIT_CHARSET}]{{18}}")

# Full-width ASCII (U+FF01–U+FF5E, as typed by a Chinese IME) → ASCII; every kind of space removed.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_SPACE_RE = re.compile(r"\s+")


def _compact(value: str) -> str:
    return _SPACE_RE.sub("", (value or "").translate(_FULLWIDTH))


def normalize_phone(value: str) -> str:
    """A telephone number as typed, full-width digits and signs (１３８…, （０８７８）) made ordinary."""
    return (value or "").translate(_FULLWIDTH).strip()


# --- 居民身份证号码 ----------------------------------------------------------------------


def normalize_id_number(value: str) -> str:
    """Remove spaces (also inside), map full-width characters, upper-case ``x``."""
    return _compact(value).upper()


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for 17 digits (ISO 7064 MOD 11-2)."""
    if not re.fullmatch(r"[0-9]{17}", first17):
        raise ValueError("身份证号码本体码应为17位数字")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def id_birth_date(value: str) -> date | None:
    """The birth date encoded in positions 7–14, or ``None`` if it is not a real date in range."""
    digits = normalize_id_number(value)[6:14]
    if not re.fullmatch(r"[0-9]{8}", digits):
        return None
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None
    return born if ID_BIRTH_MIN <= born <= ID_BIRTH_MAX else None


def id_number_error(value: str) -> str | None:
    number = normalize_id_number(value)
    if not _ID_RE.fullmatch(number):
        return ID_FORMAT_ERROR
    if id_birth_date(number) is None:
        return ID_BIRTH_DATE_ERROR
    if id_check_char(number[:17]) != number[17]:
        return ID_CHECK_ERROR
    return None


# --- 统一社会信用代码 ----------------------------------------------------------------------


def normalize_credit_code(value: str) -> str:
    """Remove spaces (also inside), map full-width characters, upper-case."""
    return _compact(value).upper()


def credit_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters."""
    if not re.fullmatch(f"[{CREDIT_CHARSET}]{{17}}", first17):
        raise ValueError("统一社会信用代码本体代码应为17位数字或大写字母（不含I、O、Z、S、V）")
    total = sum(
        CREDIT_CHARSET.index(char) * weight
        for char, weight in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def credit_code_error(value: str) -> str | None:
    code = normalize_credit_code(value)
    if not _CREDIT_RE.fullmatch(code):
        return CREDIT_FORMAT_ERROR
    if credit_check_char(code[:17]) != code[17]:
        return CREDIT_CHECK_ERROR
    return None


# --- Masking for lists ---------------------------------------------------------------------


def _mask_middle(value: str, head: int, tail: int) -> str:
    """Keep ``head`` and ``tail`` characters; too short to keep both safely → mask it all."""
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def mask_id_number(value: str) -> str:
    """``530122199001011234`` → ``530122********1234``; empty → ``""``."""
    return _mask_middle(normalize_id_number(value), 6, 4)


def mask_credit_code(value: str) -> str:
    """Keep the first 6 and the last 4 characters."""
    return _mask_middle(normalize_credit_code(value), 6, 4)


def mask_phone(value: str) -> str:
    """11-digit mobile → ``138****5678``; anything else keeps its last 4 characters.

    Spaces and hyphens inside a mobile number are ignored (``138-1234-5678``). A value of 4
    characters or fewer is masked entirely, so masking never shows a whole number.
    """
    text = (value or "").translate(_FULLWIDTH).strip()
    mobile = re.sub(r"[\s-]", "", text)
    if re.fullmatch(r"1[0-9]{10}", mobile):
        return f"{mobile[:3]}****{mobile[7:]}"
    return _mask_middle(text, 0, 4)
