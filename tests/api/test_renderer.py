"""api.renderers.FastJSONRenderer: what a client parses is what DRF's JSONRenderer gave."""

import json
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from api.renderers import FastJSONRenderer

PAYLOAD = {
    "count": 2,
    "next": None,
    "results": [
        {
            "number": "姜驿乡人民政府〔2026〕第0001号",
            "amount": Decimal("100.00"),
            "on": date(2026, 11, 24),
            "at": datetime(2026, 11, 24, 9, 30, 15, 123456, tzinfo=ZoneInfo("Asia/Shanghai")),
            "detail": gettext_lazy("Not found."),
            "line": "第一行\u2028第二行\u2029",
            "ok": True,
            "nested": [1, 2.5, None],
        }
    ],
}


def test_same_json_as_drf():
    fast = FastJSONRenderer().render(PAYLOAD)
    drf = JSONRenderer().render(PAYLOAD)
    assert json.loads(fast) == json.loads(drf)


def test_utf8_not_escaped_and_line_separators_escaped():
    out = FastJSONRenderer().render({"a": "公开\u2028"})
    assert "公开".encode() in out
    assert b"\\u2028" in out and "\u2028".encode() not in out


def test_what_orjson_refuses_goes_through_drf():
    big = {"n": 2**70}
    assert json.loads(FastJSONRenderer().render(big)) == {"n": 2**70}


def test_indent_asked_for_is_drfs_indented_form():
    context = {"indent": 4}
    out = FastJSONRenderer().render({"a": [1]}, "application/json; indent=4", context)
    assert out == JSONRenderer().render({"a": [1]}, "application/json; indent=4", context)
    assert b"\n    " in out


def test_nothing_renders_nothing():
    assert FastJSONRenderer().render(None) == b""
