"""The OpenAPI schema's error responses, added to every operation in one place (api.md's error format)."""

VALIDATION_ERROR = {
    "type": "object",
    "description": "字段名（嵌套字段以点号连接）→ 错误信息；non_field_errors 为其他错误",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
DETAIL_ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
CONFLICT_ERROR = {
    "type": "object",
    "properties": {"non_field_errors": {"type": "array", "items": {"type": "string"}}},
    "required": ["non_field_errors"],
}

ERRORS = {
    "400": ("请求有误：字段错误或JSON格式错误", "ValidationError"),
    "401": ("未提供或无效的身份认证", "DetailError"),
    "403": ("无权执行此操作", "DetailError"),
    "404": ("不存在或无权查看", "DetailError"),
}
CONFLICT = ("操作与申请当前的状态不符", "ConflictError")


def _response(description: str, component: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }


def add_error_responses(result, generator, request, public):
    """POSTPROCESSING_HOOK: 400/401/403/404 on every operation, 409 on every write."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ValidationError"] = VALIDATION_ERROR
    schemas["DetailError"] = DETAIL_ERROR
    schemas["ConflictError"] = CONFLICT_ERROR
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for code, (description, component) in ERRORS.items():
                responses.setdefault(code, _response(description, component))
            if method in ("post", "patch", "put", "delete"):
                responses.setdefault("409", _response(*CONFLICT))
    return result
