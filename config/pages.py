"""Pages Django answers without a template of its own.

A 405 (a POST-only address opened from the address bar or a bookmark: 退出 at /logout/, 发布 at
/reports/publish/) is an empty response in Django; the pages show the project's Chinese page
instead. The API's 405 is DRF's JSON and is left alone."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class MethodNotAllowedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.streaming
            and not response.content
            and not request.path.startswith("/api/")
        ):
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response
