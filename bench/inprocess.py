"""What the in-process page benchmarks (bench/board.py, bench/pages.py) share: each page requested in
turn through Django's test client, timed with the queries it runs, and the table of medians printed."""

import argparse
import statistics
import time

from bench.api import machine


def measure_and_print(
    args: argparse.Namespace, warmed: str, pages: list[tuple[str, object, str]], *, heading: str
) -> None:
    """`pages` are (label, logged-in test client, path); args.warmup unmeasured rounds, then
    args.requests measured ones, the pages taking turns; any answer but 200 stops the run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: dict[str, list[float]] = {label: [] for label, _, _ in pages}
    shape: dict[str, tuple[int, int]] = {}
    for i in range(args.warmup + args.requests):
        for label, client, path in pages:
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - start
            if response.status_code != 200:
                raise SystemExit(f"{label}: {path} answered {response.status_code}")
            if i >= args.warmup:
                times[label].append(elapsed * 1000)
                shape[label] = (len(queries), len(response.content))

    print()
    print(f"machine: {machine()}")
    print(
        f"data: {args.rows:,} applications in PostgreSQL; {args.requests} measured requests per "
        f"{heading} after {args.warmup}"
    )
    print(f"PostgreSQL: {warmed}")
    print()
    print(f"{heading:<32} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KB':>6}")
    for label, values in times.items():
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        queries, size = shape[label]
        print(
            f"{label:<32} {statistics.median(values):>10.1f} {p95:>8.1f} {queries:>8} {size // 1024:>6}"
        )
