"""The log of logins, logouts, failed logins and lockouts: one line each on the ``gongkai.auth``
logger, with the username and the client's IP address — never a password. (django-axes also keeps
them in the database: 登录记录 / 登录失败记录 in 系统管理.)

A login also clears its own failed logins (own_failures_cleared).

Connected in ``cases.apps.CasesConfig.ready``."""

import logging
import re

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from config.security import client_ip

logger = logging.getLogger("gongkai.auth")

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
MAX_USERNAME = 150


def clean(value) -> str:
    """A value safe for one log line: no line breaks or control characters (no forged lines)."""
    text = "" if value is None else str(value)
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text[:MAX_USERNAME])


def _ip(request) -> str:
    return (clean(client_ip(request)) if request is not None else "") or "-"


@receiver(user_logged_in, dispatch_uid="gongkai.auth.logged_in")
def logged_in(sender, request, user, **kwargs) -> None:
    logger.info("login ok user=%s ip=%s", clean(user.get_username()), _ip(request))


@receiver(user_login_failed, dispatch_uid="gongkai.auth.login_failed")
def login_failed(sender, credentials, request=None, **kwargs) -> None:
    # `credentials` never holds the password in clear (Django masks it), and only the username is used
    username = credentials.get("username", "") if isinstance(credentials, dict) else ""
    logger.warning("login failed user=%s ip=%s", clean(username), _ip(request))


@receiver(user_logged_in, dispatch_uid="gongkai.auth.own_failures_cleared")
def own_failures_cleared(sender, request, user, **kwargs) -> None:
    """A login clears the failed logins of the one who logged in, at the address they logged in from,
    so a clerk's mistyped passwords do not count against her later that hour. Only those: django-axes'
    AXES_RESET_ON_SUCCESS (off in settings) cleared every failed login from the address, so anyone
    could guess at a colleague's password four times, log in as themselves and guess on unlocked."""
    if request is None:
        return
    AccessAttempt.objects.filter(
        username=user.get_username(), ip_address=client_ip(request)
    ).delete()


@receiver(user_logged_out, dispatch_uid="gongkai.auth.logged_out")
def logged_out(sender, request, user, **kwargs) -> None:
    name = clean(user.get_username()) if user is not None else "-"
    logger.info("logout user=%s ip=%s", name, _ip(request))


@receiver(user_locked_out, dispatch_uid="gongkai.auth.locked_out")
def locked_out(sender, request, username, ip_address, **kwargs) -> None:
    logger.warning("locked out user=%s ip=%s", clean(username), clean(ip_address))
