"""The product URLs plus, for bench/api.py only, two floors: endpoints of the same stack (middleware,
DRF, token authentication, permission check, JSON renderer) that return a fixed page — a one-row page
(the floor the targets are measured against), and, for comparison, a page as large as a real list page
(a copy of one, read from the file BENCH_FLOOR_PAGE names) to show what shipping such a page costs."""

import json
import os

from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView

from api.views import ApiMixin

FIXED_PAGE = {
    "count": 1,
    "next": None,
    "previous": None,
    "results": [
        {"id": 1, "number": "基准〔2026〕第0001号", "status": "open", "deadline": "2026-12-22"}
    ],
}


def _large_page() -> dict:
    name = os.environ.get("BENCH_FLOOR_PAGE")
    if not name:
        return FIXED_PAGE
    with open(name, encoding="utf-8") as f:
        return json.load(f)


LARGE_PAGE = _large_page()


class Floor(ApiMixin, APIView):
    def get(self, request):
        return Response(FIXED_PAGE)


class FloorLargePage(ApiMixin, APIView):
    def get(self, request):
        return Response(LARGE_PAGE)


urlpatterns = [
    path("bench/floor/", Floor.as_view()),
    path("bench/floor-page/", FloorLargePage.as_view()),
    path("", include("config.urls")),
]
