"""The supervisor's board (督办看板) at scale: the page as a prefecture's, a county's and one office's
supervisor see it, over bench/api.py's data set (1,000,000 applications with their events in PostgreSQL,
bench/api_data.py), median and 95th-percentile time per scope and the queries each page runs.

The page is served in-process through Django's test client with a logged-in session (no network, no
gunicorn: the server's work alone), one request at a time, the three scopes taking turns.

Run:
  .venv/bin/python bench/board.py                  # reuses bench/api.py's database, generating it if missing
  .venv/bin/python bench/board.py --requests 50
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import in_process_arguments, setup_in_process
from bench.inprocess import measure_and_print

SCOPES = [
    ("prefecture (201 offices)", "chuxiong-supervisor"),
    ("county (20 offices)", "county00-supervisor"),
    ("one office", "county00-o02-supervisor"),
]


def main() -> None:
    args = in_process_arguments(__doc__, requests=20, warmup=3, per="scope")
    warmed = setup_in_process(args, "board benchmark")
    from django.test import Client
    from django.urls import reverse

    from cases.models import User

    pages = []
    for label, username in SCOPES:
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username=username))
        pages.append((label, client, reverse("board")))
    measure_and_print(args, warmed, pages, heading="board of")


if __name__ == "__main__":
    main()
