"""Where an API list's time goes: bench/api.py's requests served in-process (the WSGI handler called
directly, no network, no gunicorn), each stage of a list timed around the function that does it and
every SQL statement by an execute wrapper, so each stage's time splits into PostgreSQL's share
(statement sent to rows received) and the rest (Python). Medians in ms; docs/performance.md reads them.

Stages (api/views/applications.py): the filters and the selector (the query string parsed, the list's
QuerySet built), the page and the total (one statement), the page's rows, their events and clocks, the
representation and the rendering (orjson). "whole" is the request; the floor is timed alongside.

Run:
  .venv/bin/python bench/api_stages.py                  # bench/api.py's database, generated if missing
  .venv/bin/python bench/api_stages.py --requests 100
"""

import io
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import in_process_arguments, machine, scenarios, setup_in_process

ENDPOINTS = ["floor", "overdue list", "overdue, county", "filtered search"]
STAGES = ["filters", "page", "rows", "events+clocks", "representation", "rendering"]


class Stages:
    """Time spent per stage in the current request, and PostgreSQL's share of it."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)
        self.database: dict[str, float] = defaultdict(float)
        self.current: list[str] = []

    def wrap(self, owner, name: str, stage: str) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            self.current.append(stage)
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.total[stage] += time.perf_counter() - start
                self.current.pop()

        setattr(owner, name, timed)

    def statement(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            stage = self.current[-1] if self.current else "other"
            self.database[stage] += time.perf_counter() - start

    def reset(self) -> None:
        self.total.clear()
        self.database.clear()


def install(stages: Stages) -> None:
    from api import renderers
    from api.views import applications, base

    stages.wrap(base.SelectorListMixin, "selected", "filters")
    stages.wrap(applications.RowsOf, "count", "page")
    stages.wrap(applications, "rows_in_order", "rows")
    stages.wrap(applications, "with_events_and_clocks", "events+clocks")
    stages.wrap(applications.ApplicationViewSet, "represent", "representation")
    stages.wrap(renderers.FastJSONRenderer, "render", "rendering")


def wsgi_get(handler, path: str, token: str) -> None:
    route, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": route,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_AUTHORIZATION": f"Token {token}",
        "HTTP_ACCEPT": "application/json",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    status: list[str] = []
    body = b"".join(handler(environ, lambda s, headers: status.append(s)))
    if not status[0].startswith("200"):
        raise SystemExit(f"{path} answered {status[0]}: {body[:300]!r}")


def main() -> None:
    args = in_process_arguments(__doc__, requests=300, warmup=30, per="endpoint")
    warmed = setup_in_process(args, "API benchmark")
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection

    requests = scenarios(args.requests, args.warmup)
    stages = Stages()
    install(stages)
    handler = WSGIHandler()
    found: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in ENDPOINTS}
    with connection.execute_wrapper(stages.statement):
        for i in range(args.warmup + args.requests):
            for name in ENDPOINTS:
                stages.reset()
                start = time.perf_counter()
                wsgi_get(handler, *requests[name][i])
                whole = time.perf_counter() - start
                if i < args.warmup:
                    continue
                found[name]["whole"].append(whole)
                for stage in STAGES:
                    found[name][stage].append(stages.total[stage])
                    found[name][f"{stage} (db)"].append(stages.database[stage])

    def ms(name: str, key: str) -> str:
        return f"{statistics.median(found[name][key]) * 1000:.2f}"

    print(f"machine: {machine()}")
    print(f"PostgreSQL: {warmed}")
    print(f"in-process, {args.requests} requests per endpoint after {args.warmup}; medians in ms")
    print()
    print(f"{'stage':<16}" + "".join(f"{name:>22}" for name in ENDPOINTS))
    print(f"{'whole':<16}" + "".join(f"{ms(name, 'whole'):>22}" for name in ENDPOINTS))
    for stage in STAGES:
        cells = [f"{ms(n, stage)} ({ms(n, stage + ' (db)')})" for n in ENDPOINTS]
        print(f"{stage:<16}" + "".join(f"{cell:>22}" for cell in cells))
    print("(in brackets: PostgreSQL's share of the stage)")


if __name__ == "__main__":
    main()
