"""Small helpers the page views share."""

from datetime import date

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.dateparse import parse_date

PAGE_SIZE = 50


def paginate(request: HttpRequest, items, *, size: int = PAGE_SIZE) -> Page:
    return Paginator(items, size).get_page(request.GET.get("page"))


def date_param(request: HttpRequest, name: str) -> date | None:
    try:
        return parse_date(request.GET.get(name, "") or "")
    except ValueError:
        return None


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
