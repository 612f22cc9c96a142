"""Annual report benchmark: N applications and M consultations over several years and offices, the
report timed against the floor — the same counts by hand-written SQL GROUP BY statements.

Run:
  .venv/bin/python bench/report.py                       # SQLite file in /tmp, 1,000,000 / 2,000,000
  .venv/bin/python bench/report.py --n 100000 --consultations 200000
  .venv/bin/python bench/report.py --database-url postgres://postgres@127.0.0.1:5432/gongkai_bench

A PostgreSQL database named in --database-url is created, and dropped at the end (unless --keep); the
database named `test` is refused. A SQLite file is created anew unless --reuse.
"""

import argparse
import os
import platform
import random
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SHANGHAI = ZoneInfo("Asia/Shanghai")
TYPES = [
    ("natural_person", 70),
    ("commercial_enterprise", 12),
    ("research_institution", 3),
    ("public_interest_org", 4),
    ("legal_service_org", 6),
    ("other_org", 5),
]
CONTENTS = [f"{y}年度财政预决算" for y in range(2015, 2026)] + [
    "土地征收补偿安置方案",
    "农村危房改造补助名单",
    "采矿许可证及年检情况",
    "建设项目招投标文件",
    "退耕还林补助资金发放明细",
]
TOPICS = [
    "如何申请政府信息公开",
    "办理期限",
    "低保政策查询",
    "征地补偿标准",
    "收费标准",
    "申请表填写",
]


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--n", type=int, default=1_000_000, help="applications (default 1,000,000)")
    p.add_argument(
        "--consultations", type=int, default=2_000_000, help="consultations (default 2,000,000)"
    )
    p.add_argument("--database-url", default="sqlite:////tmp/gongkai-bench.sqlite3")
    p.add_argument(
        "--offices", type=int, default=10, help="a county and offices-1 offices under it"
    )
    p.add_argument("--first-year", type=int, default=2018)
    p.add_argument("--year", type=int, default=2024, help="the report's year")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--batch", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--keep", action="store_true", help="keep the PostgreSQL database afterwards")
    p.add_argument("--reuse", action="store_true", help="reuse existing data (no generation)")
    p.add_argument(
        "--analyze",
        action="store_true",
        help="on SQLite, run ANALYZE after loading (PostgreSQL always)",
    )
    return p.parse_args()


# ---- the database ------------------------------------------------------------------------------------


def prepare_database(url: str, reuse: bool) -> None:
    parsed = urlparse(url)
    if parsed.scheme.startswith("postgres"):
        import psycopg

        name = parsed.path.lstrip("/")
        if name in ("", "test", "postgres", "template0", "template1"):
            sys.exit(
                f"refusing to use the database {name!r}: name a database of your own (gongkai_bench)"
            )
        admin = parsed._replace(path="/postgres").geturl()
        with psycopg.connect(admin, autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
            if exists and not reuse:
                conn.execute(f'DROP DATABASE "{name}"')
            if not exists or not reuse:
                conn.execute(f'CREATE DATABASE "{name}"')
    elif not reuse:
        path = Path(parsed.path)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def drop_database(url: str) -> None:
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        return
    import psycopg
    from django.db import connections

    connections.close_all()
    name = parsed.path.lstrip("/")
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


# ---- synthetic data (bulk_create in batches) ---------------------------------------------------------


def generate(args: argparse.Namespace) -> None:
    from django.db import connection, transaction

    from cases import outcomes
    from cases.clock import engine
    from cases.models import Agency, Applicant, Application, Consultation, Fee, Remedy

    rng = random.Random(args.seed)
    if connection.vendor == "sqlite":
        with connection.cursor() as c:
            c.execute("PRAGMA journal_mode=OFF")
            c.execute("PRAGMA synchronous=OFF")
    county = Agency.objects.create(code="county", name="元谋县人民政府", short_name="本机关")
    offices = [county] + [
        Agency.objects.create(
            code=f"office{i:02d}", name=f"下级机关{i:02d}", short_name="我局", parent=county
        )
        for i in range(1, args.offices)
    ]
    kinds = [t for t, _ in TYPES]
    weights = [w for _, w in TYPES]
    applicants = Applicant.objects.bulk_create(
        [Applicant(type=rng.choices(kinds, weights)[0], name=f"申请人{i}") for i in range(20_000)],
        batch_size=5000,
    )
    today = date.today()
    first = date(args.first_year, 1, 1)
    span = (today - first).days
    codes = list(outcomes.CODES)
    code_weights = [40, 15] + [1] * 8 + [8, 3, 2] + [2] * 5 + [3, 1, 5]
    channels = ["in_person", "letter", "email", "fax", "online"]
    seqs: dict[tuple[int, int], int] = {}
    voided = datetime(2026, 1, 1, tzinfo=SHANGHAI)
    t0 = time.perf_counter()
    made = 0
    fee_candidates: list[Application] = []
    remedy_candidates: list[Application] = []
    while made < args.n:
        batch = []
        for _ in range(min(args.batch, args.n - made)):
            agency = offices[rng.randrange(len(offices))]
            received = first + timedelta(days=rng.randrange(span))
            key = (agency.pk, received.year)
            seqs[key] = seq = seqs.get(key, 0) + 1
            concluded = received + timedelta(days=int(rng.expovariate(1 / 20)))
            done = concluded <= today and rng.random() < 0.97
            batch.append(
                Application(
                    agency=agency,
                    year=received.year,
                    seq=seq,
                    number=f"{agency.code}〔{received.year}〕第{seq:06d}号",
                    channel=rng.choice(channels),
                    received_on=received,
                    applicant=applicants[rng.randrange(len(applicants))],
                    content=rng.choice(CONTENTS),
                    status="concluded" if done else "open",
                    regime=engine.regime_for(received),
                    outcome=rng.choices(codes, code_weights)[0] if done else "",
                    concluded_on=concluded if done else None,
                    voided_at=voided if rng.random() < 0.005 else None,
                )
            )
        with transaction.atomic():
            created = Application.objects.bulk_create(batch)
        made += len(created)
        fee_candidates += [a for a in created if a.received_on.year >= 2021 and rng.random() < 0.01]
        remedy_candidates += [a for a in created if a.concluded_on and rng.random() < 0.005]
        print(
            f"\r  applications {made:,}/{args.n:,} ({time.perf_counter() - t0:.0f} s)",
            end="",
            flush=True,
        )
    print()

    fees = []
    for a in fee_candidates:
        on = a.received_on + timedelta(days=2)
        paid = rng.random() < 0.7
        settled = on + timedelta(days=rng.randrange(1, 20))
        fees.append(
            Fee(
                application=a,
                method="per_page",
                pages=45,
                amount=Decimal(rng.choice([150, 1100, 3100])),
                notified_on=on,
                paid_on=settled if paid and settled <= today else None,
                waived_on=settled if not paid and settled <= today else None,
            )
        )
    Fee.objects.bulk_create(fees, batch_size=args.batch)
    remedies = []
    for a in remedy_candidates:
        filed = a.concluded_on + timedelta(days=rng.randrange(1, 60))
        decided = filed + timedelta(days=rng.randrange(30, 200))
        result = rng.choice(["upheld", "corrected", "other"]) if decided <= today else "pending"
        remedies.append(
            Remedy(
                application=a,
                kind=rng.choice(
                    [
                        "reconsideration",
                        "lawsuit_direct",
                        "lawsuit_after_reconsideration",
                        "complaint",
                    ]
                ),
                filed_on=min(filed, today),
                result=result,
                decided_on=decided if result != "pending" else None,
            )
        )
    Remedy.objects.bulk_create(remedies, batch_size=args.batch)
    print(f"  fees {len(fees):,}, remedies {len(remedies):,}")

    start = datetime(args.first_year, 1, 1, tzinfo=SHANGHAI)
    seconds = int((datetime.now(SHANGHAI) - start).total_seconds())
    made, t0 = 0, time.perf_counter()
    while made < args.consultations:
        batch = []
        for _ in range(min(args.batch, args.consultations - made)):
            received = start + timedelta(seconds=rng.randrange(seconds))
            answered = (
                received + timedelta(minutes=rng.randrange(5, 4 * 24 * 60))
                if rng.random() < 0.9
                else None
            )
            batch.append(
                Consultation(
                    agency=offices[rng.randrange(len(offices))],
                    channel=rng.choices(["on_site", "hotline", "online"], [5, 3, 2])[0],
                    received_at=received,
                    topic=rng.choice(TOPICS),
                    answered_at=answered,
                    voided_at=voided if rng.random() < 0.005 else None,
                )
            )
        with transaction.atomic():
            Consultation.objects.bulk_create(batch)
        made += len(batch)
        print(
            f"\r  consultations {made:,}/{args.consultations:,} ({time.perf_counter() - t0:.0f} s)",
            end="",
            flush=True,
        )
    print()
    if connection.vendor != "sqlite" or args.analyze:
        # PostgreSQL's autovacuum would analyze the new rows soon; Django never runs ANALYZE on SQLite
        with connection.cursor() as c:
            c.execute("ANALYZE")


# ---- the floor: the same counts by hand-written SQL ----------------------------------------------------


def floor_queries(agency_ids: list[int], year: int) -> list[tuple[str, str, list]]:
    from django.db import connection

    from cases import outcomes
    from cases.models import Applicant, Application, Consultation, Fee, Remedy

    ops = connection.ops
    d = ops.adapt_datefield_value
    first, last = d(date(year, 1, 1)), d(date(year, 12, 31))
    start = ops.adapt_datetimefield_value(datetime(year, 1, 1, tzinfo=SHANGHAI))
    end = ops.adapt_datetimefield_value(datetime(year + 1, 1, 1, tzinfo=SHANGHAI))
    ids = ", ".join(str(i) for i in agency_ids)
    # the best hand-written plan: on SQLite a plain scan of the big tables (see compute.Column)
    sqlite = connection.vendor == "sqlite"
    scan = " NOT INDEXED" if sqlite else ""
    office = (
        "+a.agency_id" if sqlite else "a.agency_id"
    )  # remedies and fees: their date index drives
    in_year = "a.concluded_on >= %s AND a.concluded_on <= %s"
    outcome_counts = ",\n".join(
        f"  COUNT(*) FILTER (WHERE {in_year} AND a.outcome = %s)" for _ in outcomes.CODES
    )
    apps = f"""
SELECT p.type, a.channel,
  COUNT(*) FILTER (WHERE a.received_on >= %s),
  COUNT(*) FILTER (WHERE a.received_on < %s),
  COUNT(*) FILTER (WHERE {in_year}),
  COUNT(*) FILTER (WHERE a.concluded_on IS NULL OR a.concluded_on > %s),
{outcome_counts}
FROM {Application._meta.db_table} a{scan} JOIN {Applicant._meta.db_table} p ON p.id = a.applicant_id
WHERE a.voided_at IS NULL AND a.agency_id IN ({ids}) AND a.received_on <= %s
  AND (a.received_on >= %s OR a.concluded_on IS NULL OR a.concluded_on >= %s)
GROUP BY p.type, a.channel"""
    app_params = [first, first, first, last, last]
    for code in outcomes.CODES:
        app_params += [first, last, code]
    app_params += [last, first, first]
    consult = f"""
SELECT c.channel,
  COUNT(*) FILTER (WHERE c.received_at >= %s AND c.received_at < %s),
  COUNT(*) FILTER (WHERE c.received_at >= %s AND c.received_at < %s AND c.answered_at < %s),
  COUNT(*) FILTER (WHERE c.answered_at >= %s AND c.answered_at < %s)
FROM {Consultation._meta.db_table} c{scan}
WHERE c.voided_at IS NULL AND c.agency_id IN ({ids})
  AND ((c.received_at >= %s AND c.received_at < %s) OR (c.answered_at >= %s AND c.answered_at < %s))
GROUP BY c.channel"""
    consult_params = [start, end, start, end, end, start, end, start, end, start, end]
    remedy = f"""
SELECT r.kind,
  COUNT(*) FILTER (WHERE r.decided_on <= %s AND r.result = 'upheld'),
  COUNT(*) FILTER (WHERE r.decided_on <= %s AND r.result = 'corrected'),
  COUNT(*) FILTER (WHERE r.decided_on <= %s AND r.result = 'other'),
  COUNT(*) FILTER (WHERE r.result = 'pending' OR r.decided_on IS NULL OR r.decided_on > %s),
  COUNT(*)
FROM {Remedy._meta.db_table} r JOIN {Application._meta.db_table} a ON a.id = r.application_id
WHERE a.voided_at IS NULL AND {office} IN ({ids}) AND r.filed_on >= %s AND r.filed_on <= %s
GROUP BY r.kind"""
    fee = f"""
SELECT COUNT(*) FILTER (WHERE f.paid_on >= %s AND f.paid_on <= %s),
  SUM(f.amount) FILTER (WHERE f.paid_on >= %s AND f.paid_on <= %s),
  COUNT(*) FILTER (WHERE f.waived_on >= %s AND f.waived_on <= %s),
  SUM(f.amount) FILTER (WHERE f.waived_on >= %s AND f.waived_on <= %s)
FROM {Fee._meta.db_table} f JOIN {Application._meta.db_table} a ON a.id = f.application_id
WHERE a.voided_at IS NULL AND {office} IN ({ids})
  AND ((f.paid_on >= %s AND f.paid_on <= %s) OR (f.waived_on >= %s AND f.waived_on <= %s))"""
    return [
        ("applications (section 三 + channels)", apps, app_params),
        ("consultations", consult, consult_params),
        ("remedies", remedy, [last, last, last, last, first, last]),
        ("fees", fee, [first, last] * 6),
    ]


def run_sql(sql: str, params: list) -> list:
    from django.db import connection

    with connection.cursor() as c:
        c.execute(sql, params)
        return c.fetchall()


def best(fn, repeat: int) -> tuple[float, float, object]:
    """(first run, best of the following runs, result) in seconds."""
    times, result = [], None
    for _ in range(repeat + 1):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return times[0], min(times[1:]), result


def main() -> None:
    args = parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    prepare_database(args.database_url, args.reuse)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from cases.models import Agency, Application, Consultation
    from cases.reports import build_report
    from cases.reports.compute import Numbers, application_counts, compute_numbers

    try:
        if not args.reuse:
            print(f"migrating {connection.vendor} …", flush=True)
            call_command("migrate", verbosity=0)
            t = time.perf_counter()
            generate(args)
            print(f"generated in {time.perf_counter() - t:.0f} s")
        n_apps, n_cons = Application.objects.count(), Consultation.objects.count()
        county = Agency.objects.get(code="county")
        office = Agency.objects.exclude(pk=county.pk).order_by("code").first() or county
        ids = list(Agency.objects.filter(path__startswith=county.path).values_list("pk", flat=True))

        print()
        print("machine:", platform.platform(), "|", _cpu(), f"({os.cpu_count()} logical CPUs)")
        print(f"database: {connection.vendor} {_version(connection)}")
        print(
            f"data: {n_apps:,} applications, {n_cons:,} consultations, {len(ids)} offices, "
            f"{args.first_year}–{date.today().year}; report year {args.year}"
        )
        print()

        floors = floor_queries(ids, args.year)
        floor_total = 0.0
        floor_apps = 0.0
        for label, sql, params in floors:
            _, t, _ = best(lambda sql=sql, params=params: run_sql(sql, params), args.repeat)
            floor_total += t
            floor_apps = floor_apps or t
            print(f"floor  {label:<38} {t * 1000:9.1f} ms")
        print(f"floor  {'all four statements':<38} {floor_total * 1000:9.1f} ms")
        print()

        def orm_apps():
            application_counts(county, args.year, True, Numbers())

        _, t_apps, _ = best(orm_apps, args.repeat)
        print(
            f"report section 三 query (ORM, by office) {t_apps * 1000:9.1f} ms   ratio {t_apps / floor_apps:.2f}× floor"
        )
        _, t_counts, _ = best(
            lambda: compute_numbers(county, args.year, include_children=True), args.repeat
        )
        print(
            f"report counts only (4 ORM queries)       {t_counts * 1000:9.1f} ms   "
            f"ratio {t_counts / floor_total:.2f}× floor"
        )
        cold, warm, data = best(
            lambda: build_report(county, args.year, include_children=True), args.repeat
        )
        print(
            f"report county + offices below (whole)    {warm * 1000:9.1f} ms   ratio {warm / floor_total:.2f}× floor"
            f"   (first run {cold * 1000:.1f} ms)"
        )
        cold1, warm1, data1 = best(lambda: build_report(office, args.year), args.repeat)
        print(
            f"report one office ({office.code})              {warm1 * 1000:9.1f} ms   (first run {cold1 * 1000:.1f} ms)"
        )
        rows = data["applications"]["rows"]
        print()
        print(
            f"check: new {rows['new']['total']:,}, carried over {rows['carried_over']['total']:,}, "
            f"concluded {rows['concluded_total']['total']:,}, carried forward {rows['carried_forward']['total']:,}, "
            f"consultations accepted {data['consultations']['accepted']['total']:,}; "
            f"invariant errors: {len(data['errors']) + len(data1['errors'])}"
        )
        floor_new = sum(r[2] for r in run_sql(floors[0][1], floors[0][2]))
        assert floor_new == rows["new"]["total"], (floor_new, rows["new"]["total"])
    finally:
        if not args.keep:
            drop_database(args.database_url)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _version(connection) -> str:
    with connection.cursor() as c:
        c.execute(
            "SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version"
        )
        return c.fetchone()[0]


if __name__ == "__main__":
    main()
