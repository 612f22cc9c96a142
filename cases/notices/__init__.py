"""Notices generated from a case (law.md §4–§6): 补正告知书, 延期答复告知书, 延迟答复告知书 (Art. 35),
收费通知书, 第三方意见征询函 / 征求意见函, and the 政府信息公开申请答复书 for every outcome.

`texts` builds each notice as plain data from the case (no rendering), from the words in `steps`, `fee`
and `reply` and what they share in `common`; `docx` writes it as a Word file; the printable page
renders the same data with templates/cases/handling/notice.html."""

from .common import KINDS, Notice, NoticeLink, NoticeUnavailable
from .fee import rmb_upper
from .reply import suggested_basis
from .texts import available_notices, build_notice

__all__ = [
    "KINDS",
    "Notice",
    "NoticeLink",
    "NoticeUnavailable",
    "available_notices",
    "build_notice",
    "rmb_upper",
    "suggested_basis",
]
