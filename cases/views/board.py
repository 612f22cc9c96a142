"""The supervisor's board (督办看板): overdue and due-soon counts per office (own and below) with their
lists, late supplement notices, lapsed supplements and fees, provisional deadlines, this year's on-time
rate, and the cases of each handler."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cases import access
from cases.clock import engine
from cases.selectors_board import build_board

from .common import agency_param


@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "board")
    scope = agency_param(request)
    data = build_board(request.user, scope=scope)
    return render(
        request,
        "cases/handling/board.html",
        {
            "board": data,
            "agencies": [row.agency for row in data.offices],
            "scope": scope,
            "notice_days": engine.SUPPLEMENT_NOTICE_DAYS,
        },
    )
