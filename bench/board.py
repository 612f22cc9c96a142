"""The supervisor's board (督办看板) at scale: the page as a prefecture's, a county's and one office's
supervisor see it, over bench/api.py's data set (1,000,000 applications with their events in PostgreSQL,
bench/api_data.py), median and 95th-percentile time per scope and the queries each page runs.

The page is served in-process through Django's test client with a logged-in session (no network, no
gunicorn: the server's work alone), one request at a time, the three scopes taking turns.

Run:
  .venv/bin/python bench/board.py                  # reuses bench/api.py's database, generating it if missing
  .venv/bin/python bench/board.py --requests 50
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import in_process_arguments, machine, setup_in_process

SCOPES = [
    ("prefecture (201 offices)", "chuxiong-supervisor"),
    ("county (20 offices)", "county00-supervisor"),
    ("one office", "county00-o02-supervisor"),
]


def main() -> None:
    args = in_process_arguments(__doc__, requests=20, warmup=3, per="scope")
    warmed = setup_in_process(args, "board benchmark")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from cases.models import User

    clients = []
    for label, username in SCOPES:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        clients.append((label, client))
    url = reverse("board")
    times: dict[str, list[float]] = {label: [] for label, _ in clients}
    shape: dict[str, tuple[int, int]] = {}
    for i in range(args.warmup + args.requests):
        for label, client in clients:
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - start
            if response.status_code != 200:
                raise SystemExit(f"{label}: the board answered {response.status_code}")
            if i >= args.warmup:
                times[label].append(elapsed * 1000)
                shape[label] = (len(queries), len(response.content))

    print()
    print(f"machine: {machine()}")
    print(
        f"data: {args.rows:,} applications in PostgreSQL; {args.requests} measured requests per scope after {args.warmup}"
    )
    print(f"PostgreSQL: {warmed}")
    print()
    print(f"{'board of':<30} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KB':>6}")
    for label, values in times.items():
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        queries, size = shape[label]
        print(
            f"{label:<30} {statistics.median(values):>10.1f} {p95:>8.1f} {queries:>8} {size // 1024:>6}"
        )


if __name__ == "__main__":
    main()
