"""REST API benchmark: 1,000,000 applications in PostgreSQL, served by gunicorn, median and 95th-percentile
latency of the overdue list of one office, a filtered search, one application's detail and the annual
report JSON, next to the floor — an endpoint of the same stack (middleware, DRF, token authentication)
that returns a fixed page. Targets: lists and detail within 3× of the floor and under 100 ms median.

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
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_bench_api"
SHANGHAI = ZoneInfo("Asia/Shanghai")
SEED = 20261124

COUNTIES = 10
OFFICES_PER_COUNTY = 19  # townships and bureaus under each county
TYPES = [
    ("natural_person", 70),
    ("commercial_enterprise", 12),
    ("research_institution", 3),
    ("public_interest_org", 4),
    ("legal_service_org", 6),
    ("other_org", 5),
]
CHANNELS = [("in_person", 30), ("letter", 20), ("email", 10), ("fax", 2), ("online", 38)]
SUBJECTS = [
    "财政预决算及“三公”经费",
    "土地征收补偿安置方案",
    "低保、特困人员救助名单",
    "农村危房改造补助对象",
    "采矿许可证及年检情况",
    "建设项目招投标文件",
    "退耕还林补助资金发放明细",
    "村委会选举结果公告",
    "公路改扩建项目环评文件",
    "集体土地承包经营权确权文件",
    "学校布局调整方案",
    "医保基金使用情况",
]
OUTCOME_WEIGHTS = {
    "disclose": 40,
    "partial": 15,
    "unable.not_held": 10,
    "decline.duplicate": 3,
    "other.other": 5,
}
SEARCH_TERM = "低保"


# --- database --------------------------------------------------------------------------------


def database_name(url: str) -> str:
    name = url.rsplit("/", 1)[1].split("?")[0]
    if name in ("test", "postgres", "template0", "template1", ""):
        raise SystemExit(
            f"refusing to use the database {name!r}: name a database of the benchmark's own"
        )
    return name


def admin_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


def create_database(url: str, *, fresh: bool) -> None:
    import psycopg

    name = database_name(url)
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')


def columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields]


def copy_rows(cursor, model, rows) -> int:
    names = columns(model)
    count = 0
    quoted = ", ".join(f'"{name}"' for name in names)
    with cursor.copy(f"COPY {model._meta.db_table} ({quoted}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(name) for name in names])
            count += 1
    return count


def reset_sequence(cursor, model) -> None:
    table = model._meta.db_table
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}"
    )


# --- data --------------------------------------------------------------------------------------


def id_number(i: int, rng: random.Random) -> str:
    from cases.identity import id_check_char

    born = date(1950, 1, 1) + timedelta(days=rng.randrange(20000))
    first17 = f"{530000 + (i // 1000) % 10000:06d}{born:%Y%m%d}{i % 1000:03d}"
    return first17 + id_check_char(first17)


def generate(rows: int) -> None:
    """Offices, staff with tokens, applicants, `rows` applications with their events, consultations."""
    from django.db import connection, transaction
    from rest_framework.authtoken.models import Token

    from cases import timeutil
    from cases.clock import engine
    from cases.clocksync import load_calendar
    from cases.models import (
        Agency,
        Applicant,
        Application,
        ApplicationEvent,
        Consultation,
        Fee,
        User,
    )

    rng = random.Random(SEED)
    today = timeutil.today()
    cal = load_calendar()
    t0 = time.perf_counter()

    with transaction.atomic():
        root = Agency.objects.create(code="chuxiong", name="楚雄州人民政府", short_name="本机关")
        offices: list[Agency] = []
        for c in range(COUNTIES):
            county = Agency.objects.create(
                code=f"county{c:02d}", name=f"第{c + 1}县人民政府", short_name="本机关", parent=root
            )
            offices.append(county)
            for o in range(OFFICES_PER_COUNTY):
                offices.append(
                    Agency.objects.create(
                        code=f"county{c:02d}-o{o:02d}",
                        name=f"第{c + 1}县第{o + 1}乡人民政府",
                        short_name="我乡",
                        parent=county,
                    )
                )
        staff = []
        for agency in [root, *offices]:
            for role in ("handler", "supervisor"):
                staff.append(
                    User(username=f"{agency.code}-{role}", password="!", agency=agency, role=role)
                )
        User.objects.bulk_create(staff, batch_size=1000)
        users = {u.username: u for u in User.objects.all()}
        Token.objects.bulk_create([Token(user=u, key=Token.generate_key()) for u in users.values()])

    kinds, kind_weights = zip(*TYPES, strict=True)
    channels, channel_weights = zip(*CHANNELS, strict=True)
    outcomes_, outcome_weights = zip(*OUTCOME_WEIGHTS.items(), strict=True)
    n_applicants = max(rows // 5, 10)
    created = datetime(2026, 1, 1, 10, tzinfo=SHANGHAI)

    raw = connection.connection
    with raw.cursor() as cur:

        def applicants():
            for i in range(1, n_applicants + 1):
                kind = rng.choices(kinds, kind_weights)[0]
                person = kind == "natural_person"
                yield {
                    "id": i,
                    "type": kind,
                    "name": f"申请人{i}" if person else f"第{i}号机构",
                    "id_number": id_number(i, rng) if person and i % 3 == 0 else "",
                    "credit_code": "",
                    "phone": f"139{i:08d}"[:11],
                    "email": "",
                    "address": "",
                    "created_at": created,
                }

        copy_rows(cur, Applicant, applicants())
        print(f"  applicants {n_applicants:,} ({time.perf_counter() - t0:.0f} s)", flush=True)

        first = date(2017, 1, 1)
        span = (today - first).days
        seqs: dict[tuple[int, int], int] = {}
        counters = {"event": 0, "fee": 0}

        def application(i: int, events: list[dict], fees: list[dict]) -> dict:
            """One application received at a random office on a random day, taken as far as its age allows."""
            agency = offices[rng.randrange(len(offices))]
            handler = users[f"{agency.code}-handler"]
            supervisor = users[f"{agency.code}-supervisor"]
            received = first + timedelta(days=rng.randrange(span + 1))
            age = (today - received).days
            steps: list[tuple[str, date, dict]] = [("registered", received, {})]
            day = received
            if rng.random() < (0.985 if age > 60 else 0.5):
                if rng.random() < 0.05:
                    steps.append(
                        ("consultation_started", day + timedelta(days=5), {"party": "第三方"})
                    )
                    steps.append(("consultation_ended", day + timedelta(days=15), {}))
                    day += timedelta(days=15)
                if rng.random() < 0.10:
                    steps.append(
                        (
                            "extended",
                            day + timedelta(days=20),
                            {"days": 10, "approved_by_id": supervisor.pk},
                        )
                    )
                    day += timedelta(days=20)
                day += timedelta(days=1 + int(rng.expovariate(1 / 15)))
                steps.append(("concluded", day, {}))
            else:
                r = rng.random()
                if r < 0.08:
                    steps.append(
                        (
                            "supplement_requested",
                            day + timedelta(days=3),
                            {"note": "请补充说明所需信息的年度"},
                        )
                    )
                elif r < 0.16:
                    steps.append(
                        ("consultation_started", day + timedelta(days=5), {"party": "第三方"})
                    )
                elif r < 0.20 and received.year >= 2021:
                    steps.append(("fee_notified", day + timedelta(days=5), {}))
            steps = [step for step in steps if step[1] <= today]
            result = engine.compute(
                received,
                [
                    engine.ClockEvent(kind=k, on=on, days=extra.get("days"))
                    for k, on, extra in steps[1:]
                ],
                cal,
                today,
            )
            key = (agency.pk, received.year)
            seqs[key] = seq = seqs.get(key, 0) + 1
            concluded_on = next((on for k, on, _ in steps if k == "concluded"), None)
            for kind, on, extra in steps:
                counters["event"] += 1
                events.append(
                    {
                        "id": counters["event"],
                        "application_id": i,
                        "kind": kind,
                        "on": on,
                        "days": extra.get("days"),
                        "deadline": None,
                        "party": extra.get("party", ""),
                        "note": extra.get("note", ""),
                        "approved_by_id": extra.get("approved_by_id"),
                        "data": "{}",
                        "created_by_id": handler.pk,
                        "created_at": datetime.combine(on, dtime(10), SHANGHAI),
                    }
                )
                if kind == "fee_notified":
                    counters["fee"] += 1
                    fees.append(
                        {
                            "id": counters["fee"],
                            "application_id": i,
                            "method": "per_page",
                            "pages": 50,
                            "amount": "200.00",
                            "cost_items": "",
                            "basis": "国办函〔2020〕109号",
                            "standard": "按量计收",
                            "breakdown": "",
                            "notified_on": on,
                            "pay_due_on": engine.fee_payment_due(on, cal),
                            "waive_reason": "",
                        }
                    )
            return {
                "id": i,
                "agency_id": agency.pk,
                "year": received.year,
                "seq": seq,
                "number": f"{agency.name}〔{received.year}〕第{seq:04d}号",
                "channel": rng.choices(channels, channel_weights)[0],
                "received_on": received,
                "submitted_on": None,
                "applicant_id": 1 + rng.randrange(n_applicants),
                "content": f"{received.year - 1}年度{rng.choice(SUBJECTS)}",
                "delivery": "",
                "items": 1,
                "handler_id": handler.pk if rng.random() < 0.7 else None,
                "status": result.status,
                "regime": result.regime,
                "deadline": result.deadline,
                "deadline_provisional": result.provisional,
                "extension_days": result.extension_days,
                "supplement_notice_due": result.supplement_notice_due,
                "stopped_days_left": result.working_days_left
                if result.status in (engine.CONSULTING, engine.AWAITING_FEE)
                else None,
                "outcome": rng.choices(outcomes_, outcome_weights)[0] if concluded_on else "",
                "concluded_on": concluded_on,
                "outcome_reason": "",
                "outcome_basis": "",
                "referred_to": "",
                "created_by_id": handler.pk,
                "created_at": datetime.combine(received, dtime(10), SHANGHAI),
                "version": len(steps),
                "void_reason": "",
            }

        chunk = 100_000
        for begin in range(1, rows + 1, chunk):
            apps: list[dict] = []
            events: list[dict] = []
            fees: list[dict] = []
            for i in range(begin, min(rows, begin + chunk - 1) + 1):
                apps.append(application(i, events, fees))
            copy_rows(cur, Application, apps)
            copy_rows(cur, ApplicationEvent, events)
            copy_rows(cur, Fee, fees)
            print(
                f"  applications {begin + len(apps) - 1:,}/{rows:,}, events {counters['event']:,}, "
                f"fees {counters['fee']:,} ({time.perf_counter() - t0:.0f} s)",
                flush=True,
            )

        def consultations():
            for i in range(1, rows // 2 + 1):
                agency = offices[rng.randrange(len(offices))]
                at = datetime.combine(
                    first + timedelta(days=rng.randrange(span + 1)), dtime(9), SHANGHAI
                )
                answered = rng.random() < 0.9
                yield {
                    "id": i,
                    "agency_id": agency.pk,
                    "channel": rng.choice(("on_site", "hotline", "online")),
                    "received_at": at,
                    "topic": "办理期限",
                    "question": "多久答复？",
                    "answer": "20个工作日" if answered else "",
                    "answered_at": at if answered else None,
                    "name": "",
                    "phone": "",
                    "created_at": at,
                    "void_reason": "",
                }

        n = copy_rows(cur, Consultation, consultations())
        print(f"  consultations {n:,} ({time.perf_counter() - t0:.0f} s)", flush=True)
        for model in (Applicant, Application, ApplicationEvent, Fee, Consultation):
            reset_sequence(cur, model)
    raw.commit()
    with raw.cursor() as cur:
        raw.autocommit = True
        cur.execute("VACUUM ANALYZE")
        raw.autocommit = False
    print(f"  generated in {time.perf_counter() - t0:.0f} s", flush=True)


def ensure_data(rows: int) -> None:
    from django.core.management import call_command

    from cases.models import Agency, Application

    call_command("migrate", verbosity=0)
    if Agency.objects.filter(code="chuxiong").exists():
        have = Application.objects.count()
        if have == rows:
            print(f"reusing {have:,} applications already generated")
            return
        raise SystemExit(
            f"the database holds {have:,} applications, not {rows:,}: run with --fresh"
        )
    print(f"generating {rows:,} applications …", flush=True)
    generate(rows)


# --- serving and measuring -----------------------------------------------------------------


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
    are not counted."""
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
    overdue_offices = [
        code
        for pk, code in townships
        if pk
        in set(
            Application.objects.exclude(status="concluded")
            .filter(deadline__lt=today)
            .values("agency")
            .annotate(n=Count("id"))
            .filter(n__gt=0)
            .values_list("agency", flat=True)
        )
    ] or [code for _, code in townships]
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
        "overdue list": [],
        "filtered search": [],
        "detail": [],
        "annual report": [],
    }
    for i in range(total):
        code = overdue_offices[i % len(overdue_offices)]
        sup = tokens[f"{code}-supervisor"]
        out["floor"].append(("/bench/floor/", sup))
        out["overdue list"].append((f"/api/v1/applications/?agency={code}&overdue=true", sup))
        search = (
            f"/api/v1/applications/?agency={code}&received_after={year}-01-01&received_before={year}-12-31"
            f"&applicant_type=natural_person&search={SEARCH_TERM}"
        )
        out["filtered search"].append((search.replace(SEARCH_TERM, "%E4%BD%8E%E4%BF%9D"), sup))
        pk, app_code = sample_ids[i % len(sample_ids)]
        out["detail"].append((f"/api/v1/applications/{pk}/", tokens[f"{app_code}-supervisor"]))
        county = code.split("-")[0]
        out["annual report"].append(
            (
                f"/api/v1/reports/annual/?agency={county}&year={year}&include_children=true",
                tokens[f"{county}-supervisor"],
            )
        )
    return out


def machine() -> str:
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return (
        f"{platform.platform()}; {cpu}; {os.cpu_count()} CPUs; Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument(
        "--rows", type=int, default=1_000_000, help="applications (default 1,000,000)"
    )
    parser.add_argument("--requests", type=int, default=300, help="measured requests per endpoint")
    parser.add_argument(
        "--warmup", type=int, default=30, help="unmeasured requests per endpoint first"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--fresh", action="store_true", help="drop and regenerate the data")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument(
        "--no-report",
        action="store_true",
        help="leave the annual report out of the rotation (to see the others without its load)",
    )
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("the API benchmark runs on PostgreSQL: --database-url postgres://…")

    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "bench.api_settings",
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update(env)
    create_database(args.database_url, fresh=args.fresh)

    import django

    django.setup()
    ensure_data(args.rows)
    requests = scenarios(args.requests, args.warmup)
    if args.no_report:
        del requests["annual report"]
    from django.db import connections

    connections.close_all()

    port = free_port()
    process = start_gunicorn(port, args.workers, env)
    results = {}
    try:
        wait_ready(port, requests["floor"][0][1], process)
        results = measure(port, requests, args.warmup)
    finally:
        process.terminate()
        process.wait(timeout=30)
        if args.drop:
            drop_database(args.database_url)

    floor = results["floor"][0]
    print()
    print(f"machine: {machine()}")
    print(
        f"data: {args.rows:,} applications in PostgreSQL; gunicorn {args.workers} sync workers on 127.0.0.1:{port}"
    )
    print(
        f"requests: {args.requests} measured per endpoint after {args.warmup} warm-up, one at a time,"
        " the endpoints taking turns"
    )
    print(
        f"load average at the end: {os.getloadavg()[0]:.1f} (other processes on this machine count too)"
    )
    print()
    print(f"{'endpoint':<16} {'median ms':>10} {'p95 ms':>8} {'× floor':>8} {'bytes':>8}  target")
    for name, (median, p95, size) in results.items():
        if name == "floor":
            verdict = ""
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
