"""The one request body format: JSON. Anything that is not valid JSON text is a 400, never a 500."""

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

_MESSAGE = "请求体不是有效的JSON：{}"


def _has_lone_surrogate(value) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _reject_constant(name: str):
    raise ValueError(f"不允许使用 {name}")


class StrictJSONParser(JSONParser):
    """JSON in UTF-8; no NaN/Infinity, no lone surrogates, no nesting deep enough to exhaust the stack."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", "utf-8")
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise ParseError(f"请求体过大（超过{limit}字节），未予处理。")
        try:
            text = raw.decode(encoding)
            data = json.loads(text, parse_constant=_reject_constant)
        except RecursionError:
            raise ParseError(_MESSAGE.format("嵌套层次过深。")) from None
        except (ValueError, LookupError) as exc:
            raise ParseError(_MESSAGE.format(exc)) from None
        if _has_lone_surrogate(data):
            raise ParseError(_MESSAGE.format("包含无效的Unicode字符。"))
        return data
