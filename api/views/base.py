"""What every API view shares: token or session authentication, strict JSON, Chinese messages, ids
parsed before they reach the database, and a JSON 404 for anything else under /api/v1/."""

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated

from ..authentication import TokenAuthentication
from ..fields import MAX_ID
from ..parsers import StrictJSONParser


def parse_pk(value) -> int:
    """A path id as a positive 64-bit integer, else 404 (never a database overflow)."""
    text = str(value)
    if not text.isascii() or not text.isdigit() or len(text) > 19 or not 0 < int(text) <= MAX_ID:
        raise Http404("未找到。")
    return int(text)


class ApiMixin:
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    parser_classes = [StrictJSONParser]

    def initialize_request(self, request, *args, **kwargs):
        translation.activate(
            settings.LANGUAGE_CODE
        )  # messages in Chinese, whatever Accept-Language says
        return super().initialize_request(request, *args, **kwargs)


class SelectorListMixin:
    # for a list whose filterset is an api.filters.SelectorFilterSet (a comment, not a docstring: the
    # schema would show a class docstring as the description of every operation of the view)

    def selected(self) -> QuerySet:
        """The list the query string asks for (a 400 for bad parameters). The filterset's selector
        starts from the access chokepoint itself, so get_queryset's scoped queryset, which DRF's
        filter_queryset would be handed and the selector would throw away, is not built."""
        return self.filter_queryset(self.queryset)


# --- anything else under /api/v1/ -------------------------------------------------------------


@csrf_exempt
def not_found(request, *args, **kwargs):
    return JsonResponse(
        {"detail": "未找到。"}, status=404, json_dumps_params={"ensure_ascii": False}
    )
