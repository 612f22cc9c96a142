"""Demo data: a county government with a township under it, staff of every role, and two years of
realistic applications and consultations that pass through every branch of a case — all entered
through the same services the pages use, so the demo obeys the same rules as real work.

The package: data.py (the fixed data and scenario lists), offices.py (offices and staff), base.py,
branches.py and builder.py (DemoBuilder, which enters each scenario), and load_demo here."""

from datetime import date, timedelta

from django.db import transaction

from cases.demo.builder import DemoBuilder
from cases.demo.data import (
    CONTENTS,
    DEMO_PASSWORD,
    EXTRA_SCENARIOS,
    GIVEN,
    OFFICES,
    ORGS,
    REMEDY_COMBINATIONS,
    ROLES,
    SCENARIOS,
    SURNAMES,
    TOPICS,
)
from cases.demo.offices import create_offices_and_staff
from cases.models import Application, Consultation

__all__ = [
    "CONTENTS",
    "DEMO_PASSWORD",
    "EXTRA_SCENARIOS",
    "GIVEN",
    "OFFICES",
    "ORGS",
    "REMEDY_COMBINATIONS",
    "ROLES",
    "SCENARIOS",
    "SURNAMES",
    "TOPICS",
    "DemoBuilder",
    "create_offices_and_staff",
    "load_demo",
]


@transaction.atomic
def load_demo(*, seed: int = 2026) -> dict[str, int]:
    agencies = create_offices_and_staff()
    builder = DemoBuilder(seed)
    today = builder.today
    start = today.replace(year=today.year - 2, month=1, day=1)
    made = 0
    for code in ("jiangyi", "yuanmou", "ym-zrzy"):
        agency = agencies[code]
        for i, scenario in enumerate(SCENARIOS + EXTRA_SCENARIOS):
            # spread over the two years; open cases recent so they are due soon or overdue
            recent = builder.received_for(scenario)
            if recent is not None:
                received = recent
            elif scenario in ("open", "supplement_pending", "consulting"):
                received = today - timedelta(days=builder.rng.randint(1, 40))
            else:
                received = start + timedelta(
                    days=int((today - start).days * 0.9 * i / len(SCENARIOS))
                    + builder.rng.randint(0, 20)
                )
            received = min(received, today)
            builder.one_case(agency, received, scenario)
            made += 1
        builder.consultations(agency, start, 30 if code == "jiangyi" else 12)
    # a 2008-regime case with the old cost fees, waived for hardship (the 2008 text's Art. 27–28)
    builder.one_case(agencies["jiangyi"], date(2018, 6, 5), "cost_2008")
    made += 1
    builder.remedies()
    return {
        "applications": Application.objects.count(),
        "consultations": Consultation.objects.count(),
        "scenarios": made,
    }
