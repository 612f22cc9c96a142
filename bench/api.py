"""REST API benchmark: 1,000,000 applications in PostgreSQL, served by gunicorn, median and 95th-percentile
latency of the overdue list of one office, a filtered search, one application's detail and the annual
report JSON, next to the floor — an endpoint of the same stack (middleware, DRF, token authentication)
that returns a fixed page. Targets: lists and detail within 3× of the floor and under 100 ms median.
Also measured, beyond the issue's list: a county supervisor's overdue list across the county's offices
(no office named: what the supervisor's list shows), held to the same targets.

Run:
  .venv/bin/python bench/api.py                      # generate once (kept), serve, measure
  .venv/bin/python bench/api.py --rows 100000        # a smaller data set
  .venv/bin/python bench/api.py --fresh --drop       # regenerate, and drop the database at the end

The database (default postgres://postgres@127.0.0.1:5432/gongkai_bench_api) is created if missing and
kept for the next run unless --drop; the database named `test` is refused. gunicorn listens on
127.0.0.1 only; requests are sent one at a time from this process (loopback), each timed from connect
to the last byte of the body.
"""

import argparse
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_data import SEED, ensure_data
from bench.common import cpu_model
from bench.pg import create_database, drop_database, warm_file_cache

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_bench_api"
SEARCH_TERM = "低保"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, env: dict) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
    ]
    return subprocess.Popen(command, env=env, cwd=ROOT)


def get(port: int, path: str, token: str) -> tuple[int, bytes, float]:
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(
        "GET", path, headers={"Authorization": f"Token {token}", "Accept": "application/json"}
    )
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    conn.close()
    return response.status, body, elapsed


def wait_ready(port: int, token: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited")
        try:
            if get(port, "/bench/floor/", token)[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within 60 s")


def measure(port: int, requests: dict[str, list[tuple[str, str]]], warmup: int) -> dict:
    """Median and 95th percentile (ms) per endpoint. The endpoints take turns (one request each, round
    after round), so a change in the machine's load touches them all alike; the first `warmup` rounds
    are not counted. Endpoints of very different weight should not share a rotation: a heavy request
    slows the one after it (see main: the annual report is measured on its own)."""
    times: dict[str, list[float]] = {name: [] for name in requests}
    sizes: dict[str, int] = dict.fromkeys(requests, 0)
    rounds = min(len(reqs) for reqs in requests.values())
    for i in range(rounds):
        for name, reqs in requests.items():
            path, token = reqs[i]
            status, body, elapsed = get(port, path, token)
            if status != 200:
                raise SystemExit(f"{path} answered {status}: {body[:300]!r}")
            if i >= warmup:
                times[name].append(elapsed * 1000)
                sizes[name] = max(sizes[name], len(body))
    out = {}
    for name, values in times.items():
        values.sort()
        out[name] = (statistics.median(values), values[int(0.95 * (len(values) - 1))], sizes[name])
    return out


def scenarios(n: int, warmup: int) -> dict[str, list[tuple[str, str]]]:
    """Requests per endpoint, each by the supervisor of the office asked about, rotating offices."""
    from django.db.models import Count
    from rest_framework.authtoken.models import Token

    from cases import timeutil
    from cases.models import Agency, Application

    rng = random.Random(SEED + 1)
    tokens = {t.user.username: t.key for t in Token.objects.select_related("user")}
    today = timeutil.today()
    townships = list(Agency.objects.filter(parent__parent__isnull=False).values_list("pk", "code"))
    with_overdue = set(
        Application.objects.exclude(status="concluded")
        .filter(deadline__lt=today)
        .values("agency")
        .annotate(n=Count("id"))
        .filter(n__gt=0)
        .values_list("agency", flat=True)
    )
    overdue_offices = [code for pk, code in townships if pk in with_overdue] or [
        code for _, code in townships
    ]
    total = n + warmup
    sample_ids = list(
        Application.objects.filter(
            pk__in=[rng.randrange(1, Application.objects.count() + 1) for _ in range(total)]
        )
        .select_related("agency")
        .values_list("pk", "agency__code")
    )
    year = today.year - 1
    out: dict[str, list[tuple[str, str]]] = {
        "floor": [],
        "floor, big page": [],
        "overdue list": [],
        "overdue, county": [],
        "filtered search": [],
        "detail": [],
        "annual report": [],
    }
    for i in range(total):
        code = overdue_offices[i % len(overdue_offices)]
        sup = tokens[f"{code}-supervisor"]
        out["floor"].append(("/bench/floor/", sup))
        out["floor, big page"].append(("/bench/floor-page/", sup))
        out["overdue list"].append((f"/api/v1/applications/?agency={code}&overdue=true", sup))
        search = (
            f"/api/v1/applications/?agency={code}&received_after={year}-01-01&received_before={year}-12-31"
            f"&applicant_type=natural_person&search={SEARCH_TERM}"
        )
        out["filtered search"].append((search.replace(SEARCH_TERM, "%E4%BD%8E%E4%BF%9D"), sup))
        pk, app_code = sample_ids[i % len(sample_ids)]
        out["detail"].append((f"/api/v1/applications/{pk}/", tokens[f"{app_code}-supervisor"]))
        county = code.split("-")[0]
        out["overdue, county"].append(
            ("/api/v1/applications/?overdue=true", tokens[f"{county}-supervisor"])
        )
        out["annual report"].append(
            (
                f"/api/v1/reports/annual/?agency={county}&year={year}&include_children=true",
                tokens[f"{county}-supervisor"],
            )
        )
    return out


def save_big_page(request: tuple[str, str]) -> str:
    """A real overdue-list page, saved for the "floor, big page" endpoint to answer as a fixed page."""
    import tempfile

    from rest_framework.test import APIClient

    path, token = request
    response = APIClient().get(path, HTTP_AUTHORIZATION=f"Token {token}", HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as f:
        f.write(response.content)
    return f.name


def data_arguments(parser: argparse.ArgumentParser, *, requests: int, per: str) -> None:
    """The options of bench/api.py and bench/board.py: the database, the data set, the requests."""
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument(
        "--rows", type=int, default=1_000_000, help="applications (default 1,000,000)"
    )
    parser.add_argument(
        "--requests", type=int, default=requests, help=f"measured requests per {per}"
    )


def bench_environment(database_url: str) -> dict[str, str]:
    """The environment the benchmarks serve the app in: production settings (DEBUG off) on the
    benchmark's database, with bench/api_settings.py's floor endpoints."""
    return {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
    }


def in_process_arguments(description: str, *, requests: int, warmup: int, per: str):
    """The options of a benchmark that serves the app in this process over bench/api.py's data."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    data_arguments(parser, requests=requests, per=per)
    parser.add_argument(
        "--warmup", type=int, default=warmup, help=f"unmeasured requests per {per} first"
    )
    return parser.parse_args()


def setup_in_process(args: argparse.Namespace, benchmark: str) -> str:
    """Django set up in this process on the benchmark's database, the data generated if missing
    and read into the file cache; returns what warm_file_cache reports."""
    if not args.database_url.startswith("postgres"):
        raise SystemExit(f"the {benchmark} runs on PostgreSQL: --database-url postgres://…")
    os.environ.update(bench_environment(args.database_url))
    create_database(args.database_url, fresh=False, force=True)

    import django

    django.setup()
    ensure_data(args.rows)
    return warm_file_cache(args.database_url)


def machine() -> str:
    return f"{platform.platform()}; {cpu_model()}; {os.cpu_count()} CPUs; Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    data_arguments(parser, requests=300, per="endpoint")
    parser.add_argument(
        "--warmup", type=int, default=30, help="unmeasured requests per endpoint first"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--fresh", action="store_true", help="drop and regenerate the data")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument(
        "--no-report",
        action="store_true",
        help="leave the annual report out (it is measured after the others, in its own rounds)",
    )
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("the API benchmark runs on PostgreSQL: --database-url postgres://…")

    env = {**os.environ, **bench_environment(args.database_url), "PYTHONPATH": str(ROOT)}
    os.environ.update(env)
    create_database(args.database_url, fresh=args.fresh, force=True)

    import django

    django.setup()
    ensure_data(args.rows)
    warmed = warm_file_cache(args.database_url)
    requests = scenarios(args.requests, args.warmup)
    if args.no_report:
        del requests["annual report"]
    env["BENCH_FLOOR_PAGE"] = save_big_page(requests["overdue list"][0])
    from django.db import connections

    connections.close_all()

    port = free_port()
    process = start_gunicorn(port, args.workers, env)
    results = {}
    try:
        wait_ready(port, requests["floor"][0][1], process)
        # the report on its own, after the others: taking turns with them, its 100 ms of work slowed
        # whichever request came next (the floor, 1.8 → 3.1 ms), which flattered every ratio
        report = (
            {"annual report": requests.pop("annual report")} if "annual report" in requests else {}
        )
        results = measure(port, requests, args.warmup)
        if report:
            results |= measure(port, report, args.warmup)
    finally:
        process.terminate()
        process.wait(timeout=30)
        os.unlink(env["BENCH_FLOOR_PAGE"])
        if args.drop:
            drop_database(args.database_url, force=True)

    floor = results["floor"][0]
    print()
    print(f"machine: {machine()}")
    print(
        f"data: {args.rows:,} applications in PostgreSQL; gunicorn {args.workers} sync workers on 127.0.0.1:{port}"
    )
    print(f"PostgreSQL: {warmed}")
    print(
        f"requests: {args.requests} measured per endpoint after {args.warmup} warm-up, one at a time,"
        " the endpoints taking turns; then the annual report in rounds of its own"
    )
    print(
        f"load average at the end: {os.getloadavg()[0]:.1f} (other processes on this machine count too)"
    )
    print()
    print(f"{'endpoint':<16} {'median ms':>10} {'p95 ms':>8} {'× floor':>8} {'bytes':>8}  target")
    for name, (median, p95, size) in results.items():
        if name == "floor":
            verdict = ""
        elif name == "floor, big page":
            verdict = "(for comparison: a fixed page as large as an overdue-list page)"
        elif name == "annual report":
            verdict = "(no target)"
        else:
            under = "met" if median < 100 else "MISSED"
            within = "met" if median <= 3 * floor else "MISSED"
            verdict = f"<100 ms: {under}; ≤3× floor: {within}"
        print(f"{name:<16} {median:>10.1f} {p95:>8.1f} {median / floor:>8.1f} {size:>8}  {verdict}")
    print()
    print(
        json.dumps(
            {
                name: {"median_ms": round(m, 2), "p95_ms": round(p, 2)}
                for name, (m, p, _) in results.items()
            }
        )
    )


if __name__ == "__main__":
    main()
