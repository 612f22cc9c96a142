"""What a restore must reproduce: the row count of every table and every annual report (each office,
alone and with the offices under it, for each year with cases). Used in the test process and, for
the fresh-database test, in a `manage.py shell` subprocess (`python -m`-style: main() prints JSON)."""

import json

from django.apps import apps

from cases import timeutil
from cases.management.commands.backup_data import EXCLUDED
from cases.models import Agency, Application
from cases.reports import ReportYearError, build_report


def table_counts() -> dict[str, int]:
    return {
        m._meta.label_lower: m._base_manager.count()
        for m in apps.get_models()
        if not m._meta.proxy and m._meta.managed and m._meta.label_lower not in EXCLUDED
    }


def reports() -> dict[str, dict]:
    first = Application.objects.order_by("received_on").values_list("received_on", flat=True)
    start = first[0].year if first else timeutil.today().year
    out = {}
    for agency in Agency.objects.order_by("code"):
        for year in range(start, timeutil.today().year + 1):
            for include_children in (False, True):
                try:
                    data = build_report(agency, year, include_children=include_children)
                except ReportYearError:
                    continue
                data["details"].pop("generated_at", None)
                out[f"{agency.code}/{year}/{include_children}"] = data
    return out


def fingerprint() -> dict:
    # through JSON, so dates and decimals compare the same in and out of a subprocess
    return json.loads(
        json.dumps({"counts": table_counts(), "reports": reports()}, sort_keys=True, default=str)
    )


def main() -> None:
    print(json.dumps(fingerprint(), sort_keys=True))
