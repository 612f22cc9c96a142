"""The everyday pages at scale: the application ledger (申请台账) with and without filters, a search,
a handler's workbench (我的工作台), one application's page and the consultation ledger, as a prefecture's,
a county's and one office's staff see them, over bench/api.py's data set (1,000,000 applications with
their events and 500,000 consultations in PostgreSQL, bench/api_data.py): median and 95th-percentile
time per page and the queries each runs.

Pages are served in-process through Django's test client with a logged-in session (no network, no
gunicorn: the server's work alone), one request at a time, the pages taking turns.

Run:
  .venv/bin/python bench/pages.py                  # reuses bench/api.py's database, generating it if missing
  .venv/bin/python bench/pages.py --requests 50
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import in_process_arguments, setup_in_process
from bench.inprocess import measure_and_print

# (label, username, path): the users bench/api_data.py creates, "<office code>-<role>"
PAGES = [
    ("ledger, prefecture", "chuxiong-supervisor", "/applications/"),
    ("ledger, county", "county00-supervisor", "/applications/"),
    ("ledger, one office", "county00-o02-handler", "/applications/"),
    ("ledger, county, overdue", "county00-supervisor", "/applications/?overdue=on"),
    ("ledger, county, search 低保", "county00-supervisor", "/applications/?q=低保"),
    ("ledger, prefecture, page 200", "chuxiong-supervisor", "/applications/?page=200"),
    ("workbench, one office", "county00-o02-handler", "/workbench/"),
    ("workbench, county", "county00-supervisor", "/workbench/"),
    ("consultations, county", "county00-supervisor", "/consultations/"),
]


def main() -> None:
    args = in_process_arguments(__doc__, requests=20, warmup=3, per="page")
    warmed = setup_in_process(args, "pages benchmark")
    from django.test import Client

    from cases.models import Application, User

    clients: dict[str, Client] = {}
    for _, username, _ in PAGES:
        if username not in clients:
            clients[username] = Client(HTTP_HOST="127.0.0.1")
            clients[username].force_login(User.objects.get(username=username))
    office = User.objects.get(username="county00-o02-handler").agency
    detail = (
        Application.objects.filter(agency=office).order_by("-id").values_list("id", flat=True)[0]
    )
    pages = [
        (label, clients[username], path)
        for label, username, path in [
            *PAGES,
            ("one application", "county00-o02-handler", f"/applications/{detail}/"),
        ]
    ]
    measure_and_print(args, warmed, pages, heading="page")


if __name__ == "__main__":
    main()
