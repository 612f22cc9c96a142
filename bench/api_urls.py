"""The product URLs plus, for bench/api.py only, the floor: an endpoint of the same stack (middleware,
DRF, token authentication, permission check, JSON renderer) that returns a fixed page."""

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


class Floor(ApiMixin, APIView):
    def get(self, request):
        return Response(FIXED_PAGE)


urlpatterns = [
    path("bench/floor/", Floor.as_view()),
    path("", include("config.urls")),
]
