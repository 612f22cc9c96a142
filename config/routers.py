"""Reports read from the streaming replica, when there is one.

With ``DATABASE_REPLICA_URL`` set (a PostgreSQL hot standby of the primary), GET and HEAD requests
under ``settings.REPORT_REPLICA_PATHS`` (the annual report's page, downloads and API) read the case
tables from the ``replica`` database, so a year's aggregate queries do not load the primary that
the front desk and the handlers write to. Everything else — every write, every other page, and on
report requests the user, session and login tables — uses ``default``. Without a replica nothing
changes. The replica may be a few seconds behind; a report is a statistic over a year.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
_use_replica: ContextVar[bool] = ContextVar("gongkai_use_replica", default=False)

# models read from the primary even on a report request (logins and sessions must see fresh rows)
PRIMARY_ONLY = {"cases.user", "cases.historicaluser"}


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


@contextmanager
def reading_from_replica():
    """Within this block, reads of the case tables go to the replica (if one is configured)."""
    token = _use_replica.set(True)
    try:
        yield
    finally:
        _use_replica.reset(token)


class ReportReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if not _use_replica.get() or not replica_configured():
            return None
        if model._meta.app_label != "cases" or model._meta.label_lower in PRIMARY_ONLY:
            return None
        return REPLICA

    def db_for_write(self, model, **hints) -> str | None:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        return True  # the replica is a copy of default: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool | None:
        return db != REPLICA  # never migrate the read-only standby (it follows the primary)


class ReportReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.method in {"GET", "HEAD"}
            and replica_configured()
            and any(request.path.startswith(p) for p in settings.REPORT_REPLICA_PATHS)
        ):
            with reading_from_replica():
                return self.get_response(request)
        return self.get_response(request)
