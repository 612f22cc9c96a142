"""Benchmark: recompute the stored deadlines of N open applications after a calendar edit.

    .venv/bin/python bench/recompute.py [--n 100000] [--database-url postgres://postgres@127.0.0.1:5432/gongkai_bench]

Builds a scratch database (a temporary SQLite file by default; a PostgreSQL URL creates and drops that
database), bulk-creates N open applications with realistic events (a third of them with a closed stop),
adds a holiday, and times `recompute_open_applications`, printing the seconds, the rate and the number
of queries per batch (which must not depend on the batch's contents).
"""

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import cpu_model  # noqa: E402 (after sys.path)


def machine() -> str:
    return (
        f"{platform.platform()}; {cpu_model('?')}; {os.cpu_count()} cores; "
        f"Python {platform.python_version()}"
    )


def setup_database(url: str | None) -> tuple[str, callable]:
    if url is None:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        return f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

    return url, drop


def populate(n: int) -> None:
    from cases.models import Agency, Applicant, Application, ApplicationEvent

    rng = random.Random(7)
    agency = Agency.objects.create(code="bench", name="基准测试机关", short_name="本机关")
    applicant = Applicant.objects.create(agency=agency, type="natural_person", name="基准")
    start = date(2026, 9, 1)
    apps = []
    for i in range(n):
        received = start + timedelta(days=rng.randrange(0, 80))
        apps.append(
            Application(
                agency=agency,
                year=2026,
                seq=i + 1,
                number=f"B{i + 1}",
                channel="email",
                received_on=received,
                applicant=applicant,
                content="基准",
                regime="2019",
            )
        )
    Application.objects.bulk_create(apps, batch_size=5000)
    events = []
    for app in Application.objects.only("pk", "received_on").iterator(chunk_size=5000):
        events.append(
            ApplicationEvent(application_id=app.pk, kind="registered", on=app.received_on)
        )
        if app.pk % 3 == 0:
            begin = app.received_on + timedelta(days=3)
            events.append(
                ApplicationEvent(
                    application_id=app.pk, kind="consultation_started", on=begin, party="第三方"
                )
            )
            events.append(
                ApplicationEvent(
                    application_id=app.pk, kind="consultation_ended", on=begin + timedelta(days=9)
                )
            )
    ApplicationEvent.objects.bulk_create(events, batch_size=5000)
    # store the clock fields as registration would have (the recompute itself fills them)
    from cases.clocksync import recompute_open_applications

    recompute_open_applications(reason="初始计算")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    url, cleanup = setup_database(args.database_url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    try:
        call_command("migrate", verbosity=0)
        t0 = time.perf_counter()
        populate(args.n)
        print(f"machine: {machine()}")
        print(
            f"database: {connection.vendor}; {args.n:,} open applications generated in {time.perf_counter() - t0:.1f} s"
        )

        import time_machine

        from cases.clocksync import recompute_open_applications
        from cases.models import CalendarDay

        with time_machine.travel(date(2026, 11, 24), tick=True):
            CalendarDay.objects.create(
                day=date(2026, 10, 9), workday=False, name="基准假日", source="bench"
            )
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                moved = recompute_open_applications(reason="基准测试", batch_size=args.batch_size)
                elapsed = time.perf_counter() - t0
        batches = -(-args.n // args.batch_size)
        print(
            f"recompute after a calendar edit: {elapsed:.2f} s for {args.n:,} open applications "
            f"({args.n / elapsed:,.0f}/s), {moved:,} deadlines moved and recorded in history"
        )
        print(
            f"queries: {len(queries.captured_queries)} in {batches} batches of {args.batch_size} "
            f"(≈{len(queries.captured_queries) / batches:.1f} per batch, independent of the rows)"
        )
    finally:
        cleanup()


if __name__ == "__main__":
    main()
