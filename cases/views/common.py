"""Small helpers the page views share."""

from datetime import date

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.dateparse import parse_date

from cases import access
from cases.models import Agency
from cases.timeutil import EARLIEST_YEAR, LATEST_YEAR

PAGE_SIZE = 50
# the lists' filters a link or a typed address may carry, named as the clerk sees them
FILTER_LABELS = {
    "agency": "机关",
    "received_after": "收到日期（起）",
    "received_before": "收到日期（止）",
    "due_within": "期限在几个工作日内",
    "q": "搜索",
    "status": "状态",
    "channel": "方式",
    "applicant_type": "申请人类型",
    "outcome": "办理结果",
    "answered": "答复情况",
}


def paginate(request: HttpRequest, items, *, size: int = PAGE_SIZE) -> Page:
    return Paginator(items, size).get_page(request.GET.get("page"))


def date_param(request: HttpRequest, name: str) -> date | None:
    """A date filter from the query string; a value that is no date in the years the system counts
    (1900–2100, as in the API) is left out of the filter, and the page says so."""
    raw = request.GET.get(name, "")
    if not raw:
        return None
    try:
        day = parse_date(raw)
    except ValueError:
        day = None
    if day is None or not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        ignored_filter(
            request, FILTER_LABELS[name], f"应为{EARLIEST_YEAR}年至{LATEST_YEAR}年之间的日期"
        )
        return None
    return day


def int_param(request: HttpRequest, name: str, *, maximum: int) -> int | None:
    """A whole-number filter from 0 to `maximum`; any other value is left out, and the page says so."""
    raw = request.GET.get(name, "")
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()) or int(raw) > maximum:
        ignored_filter(request, FILTER_LABELS[name], f"应为0至{maximum}的整数")
        return None
    return int(raw)


def choice_param(request: HttpRequest, name: str, choices) -> str:
    """One of `choices` (a select's values) from the query string; any other value is left out, and
    the page says so (a value the select never offers would list nothing, or, with a NUL character,
    fail on PostgreSQL)."""
    raw = request.GET.get(name, "")
    if raw and raw not in choices:
        ignored_filter(request, FILTER_LABELS[name], "不是可选的值")
        return ""
    return raw


def text_param(request: HttpRequest, name: str, *, maximum: int) -> str:
    """A text filter of at most `maximum` characters; a longer one, or one with a NUL character (which
    PostgreSQL cannot compare), is left out, and the page says so."""
    raw = request.GET.get(name, "")
    if len(raw) > maximum:
        ignored_filter(request, FILTER_LABELS[name], f"超过{maximum}个字")
        return ""
    if "\x00" in raw:
        ignored_filter(request, FILTER_LABELS[name], "含有空字符（NUL）")
        return ""
    return raw


def agency_param(request: HttpRequest) -> Agency | None:
    """The office a list or the board is filtered to (?agency=<code>): one the user may see; any other
    code is left out of the filter, and the page says so."""
    code = request.GET.get("agency", "")
    if not code:
        return None
    agency = access.find_visible_agency(request.user, code)
    if agency is None:
        ignored_filter(request, FILTER_LABELS["agency"], "不存在或不在您的查看范围内")
    return agency


def ignored_filter(request: HttpRequest, label: str, problem: str) -> None:
    """Say that a filter the page could not apply was left out (the rest still filter)."""
    messages.warning(request, f"筛选条件“{label}”{problem}，本次未按它筛选。")


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
