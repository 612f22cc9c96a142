"""The annual report benchmark's data set (bench/report.py): a county and the offices under it,
20,000 applicants (spread over the offices: each office keeps its own), N applications received since --first-year (most of them concluded, a few voided),
fees and remedies on a few of them, and M consultations; made with bulk_create in batches. The same
--seed gives the same data."""

import argparse
import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

from bench.common import SHANGHAI, TYPES

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
    # each office keeps its own applicants: applicant i is of office i mod the number of offices
    applicants = Applicant.objects.bulk_create(
        [
            Applicant(
                agency=offices[i % len(offices)],
                type=rng.choices(kinds, weights)[0],
                name=f"申请人{i}",
            )
            for i in range(20_000)
        ],
        batch_size=5000,
    )
    per_office = [len(range(k, len(applicants), len(offices))) for k in range(len(offices))]
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
            office = rng.randrange(len(offices))
            agency = offices[office]
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
                    applicant=applicants[office + len(offices) * rng.randrange(per_office[office])],
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
