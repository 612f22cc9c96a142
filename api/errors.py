"""The API's error format (api.md): 400 {"field": ["message"]}, 409 for state conflicts, never a 500."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from cases.errors import StateConflict


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            data = {field: list(messages) for field, messages in exc.message_dict.items()}
        else:
            data = {"non_field_errors": list(exc.messages)}
        return Response(data, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, StateConflict):
        return Response({"non_field_errors": [exc.message]}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, Http404):
        return Response({"detail": str(exc) or "未找到。"}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, DjangoPermissionDenied):
        return Response(
            {"detail": str(exc) or "您没有执行此操作的权限。"}, status=status.HTTP_403_FORBIDDEN
        )
    return drf_exception_handler(exc, context)
