"""The API benchmark's data set (bench/api.py): a prefecture, its counties and the offices under each,
a handler and a supervisor with a token at each, applicants (each office keeps its own), `rows`
applications with their events and fees (bench/api_applications.py) and half as many consultations,
loaded with COPY. The same seed gives the same data; a database that already holds it is reused."""

import random
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime

from bench.api_applications import application_builder
from bench.common import SHANGHAI, TYPES
from bench.pg import copy_rows, reset_sequence

SEED = 20261124
COUNTIES = 10
OFFICES_PER_COUNTY = 19  # townships and bureaus under each county


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
    # each office keeps its own applicants: applicant i is of office (i - 1) mod the number of offices
    n_applicants = max(rows // 5, len(offices))
    created = datetime(2026, 1, 1, 10, tzinfo=SHANGHAI)

    raw = connection.connection
    with raw.cursor() as cur:

        def applicants():
            for i in range(1, n_applicants + 1):
                kind = rng.choices(kinds, kind_weights)[0]
                person = kind == "natural_person"
                yield {
                    "id": i,
                    "agency_id": offices[(i - 1) % len(offices)].pk,
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
        application, counters = application_builder(
            rng=rng,
            offices=offices,
            users=users,
            n_applicants=n_applicants,
            first=first,
            span=span,
            today=today,
            cal=cal,
        )

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
    """Migrate, then generate the data unless the database already holds `rows` applications."""
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
