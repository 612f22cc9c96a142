"""The in-app help (使用说明): one page per role and per topic, for signed-in staff."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cases import helpdocs


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "help/index.html", helpdocs.context(request.user, None))


@login_required
@require_GET
def page(request: HttpRequest, slug: str) -> HttpResponse:
    shown = helpdocs.BY_SLUG[slug]
    return render(request, shown.template, helpdocs.context(request.user, shown))
