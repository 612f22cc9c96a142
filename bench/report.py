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
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import pg
from bench.common import cpu_model
from bench.report_data import generate
from bench.report_floor import floor_queries, run_sql


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


def prepare_database(url: str, reuse: bool) -> None:
    """PostgreSQL: create the database (anew unless `reuse`). SQLite: delete the file unless `reuse`."""
    parsed = urlparse(url)
    if parsed.scheme.startswith("postgres"):
        pg.create_database(
            url,
            fresh=not reuse,
            force=False,
            hint="name a database of your own (gongkai_bench)",
        )
    elif not reuse:
        path = Path(parsed.path)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def drop_database(url: str) -> None:
    if urlparse(url).scheme.startswith("postgres"):
        pg.drop_database(url, force=False)


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
        print(
            "machine:",
            platform.platform(),
            "|",
            cpu_model("unknown CPU"),
            f"({os.cpu_count()} logical CPUs)",
        )
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


def _version(connection) -> str:
    with connection.cursor() as c:
        c.execute(
            "SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version"
        )
        return c.fetchone()[0]


if __name__ == "__main__":
    main()
