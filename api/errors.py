"""The API's error format (api.md): 400 {"field": ["message"]}, 409 for state conflicts, never a 500.

- 400: every value is a list of Chinese messages; a nested field is named with a dot
  (``applicant.id_number``), an item of a list with its index (``items.0``); ``non_field_errors``
  holds the rest (malformed JSON, a body that is not an object, a request too large).
- 401 / 403 / 404: ``{"detail": "..."}``.
- 409: ``{"non_field_errors": ["..."]}`` — the action does not fit the case's current state.
"""

from django.core.exceptions import NON_FIELD_ERRORS, SuspiciousOperation
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from cases.errors import StateConflict

NON_FIELD = "non_field_errors"

# DRF's SessionAuthentication refuses a write without a valid CSRF token with an English
# "CSRF Failed: <Django's reason>"; api.md's messages are Chinese.
DRF_CSRF_PREFIX = "CSRF Failed:"
CSRF_MESSAGE = (
    "安全校验（CSRF）未通过：以会话登录写入时，请求须带 X-CSRFToken 请求头（取自 csrftoken Cookie），"
    "或刷新页面后重试；以令牌认证的请求不需要。"
)

# service error keys that name a field of a nested object in the API's body
SERVICE_FIELD_ALIASES = {
    "applicant_type": "applicant.type",
    "applicant_name": "applicant.name",
    "applicant_id_number": "applicant.id_number",
    "applicant_credit_code": "applicant.credit_code",
    "applicant_phone": "applicant.phone",
    "applicant_email": "applicant.email",
    "applicant_address": "applicant.address",
    NON_FIELD_ERRORS: NON_FIELD,
}


def flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as one level of {"field": ["message"]}."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = NON_FIELD if key in (NON_FIELD, NON_FIELD_ERRORS) and not prefix else str(key)
            for field, messages in flatten(
                value, f"{prefix}{name}." if name != NON_FIELD else prefix
            ).items():
                out.setdefault(field, []).extend(messages)
        return out
    if isinstance(detail, list | tuple):
        if detail and all(isinstance(item, str) for item in detail):
            out[prefix.rstrip(".") or NON_FIELD] = [str(item) for item in detail]
            return out
        for index, item in enumerate(detail):
            if isinstance(item, str):
                out.setdefault(prefix.rstrip(".") or NON_FIELD, []).append(str(item))
            elif item:
                for field, messages in flatten(item, f"{prefix}{index}.").items():
                    out.setdefault(field, []).extend(messages)
        return out
    out[prefix.rstrip(".") or NON_FIELD] = [str(detail)]
    return out


def service_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        data: dict[str, list[str]] = {}
        for field, messages in exc.message_dict.items():
            data.setdefault(SERVICE_FIELD_ALIASES.get(field, field), []).extend(
                str(m) for m in messages
            )
        return data
    return {NON_FIELD: [str(m) for m in exc.messages]}


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        return Response(service_errors(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, StateConflict):
        return Response({NON_FIELD: [exc.message]}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, Http404):
        return Response({"detail": str(exc) or "未找到。"}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, DjangoPermissionDenied):
        return Response(
            {"detail": str(exc) or "您没有执行此操作的权限。"}, status=status.HTTP_403_FORBIDDEN
        )
    if isinstance(exc, SuspiciousOperation):
        return Response(
            {NON_FIELD: ["请求过大或格式异常，未予处理。"]}, status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(exc, exceptions.ValidationError):
        return Response(flatten(exc.detail), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith(DRF_CSRF_PREFIX):
        return Response({"detail": CSRF_MESSAGE}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, exceptions.ParseError):
        return Response({NON_FIELD: [str(exc.detail)]}, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
