"""Token authentication that loads the user's office in the same query (every request needs it)."""

import re

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication as BaseTokenAuthentication

_KEY_RE = re.compile(r"[0-9a-f]{40}")


class TokenAuthentication(BaseTokenAuthentication):
    def authenticate(self, request):
        try:
            return super().authenticate(request)
        except UnicodeError:  # a header WSGI could not carry; only a test client can send one
            raise exceptions.AuthenticationFailed("令牌无效。") from None

    def authenticate_credentials(self, key):
        if not isinstance(key, str) or not _KEY_RE.fullmatch(key):
            raise exceptions.AuthenticationFailed("令牌无效。")
        model = self.get_model()
        token = model.objects.select_related("user", "user__agency").filter(key=key).first()
        if token is None:
            raise exceptions.AuthenticationFailed("令牌无效。")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("用户未激活或已被删除。")
        return (token.user, token)
