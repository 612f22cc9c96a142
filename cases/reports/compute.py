"""The annual report's numbers (annual-report.md "Counting rules"), by a fixed handful of aggregate queries.

Each section is one GROUP BY with conditional counts (COUNT … FILTER (WHERE …)), grouped by office as
well, so the report of an office with the offices under it and each office's own report come from the
same rows. The number of queries never depends on the number of cases.

The result is a plain dict in the JSON shape of api.md (plus a few documented extra keys), so the page,
the exports, the API and a frozen (published) copy all read the same thing."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, Sum

from cases import outcomes
from cases.access import in_offices
from cases.models import Agency, Application, Consultation, Fee, Remedy

from . import spec, sql

SHANGHAI = ZoneInfo("Asia/Shanghai")  # consultation times are counted in Shanghai's calendar year
TOPIC_LIMIT = 5
SUBJECT_LIMIT = 3
SUBJECT_CHARS = 40


@dataclass
class Period:
    year: int

    @property
    def first(self) -> date:
        return date(self.year, 1, 1)

    @property
    def last(self) -> date:
        return date(self.year, 12, 31)

    @property
    def start(self) -> datetime:
        return datetime(self.year, 1, 1, tzinfo=SHANGHAI)

    @property
    def end(self) -> datetime:
        return datetime(self.year + 1, 1, 1, tzinfo=SHANGHAI)


def empty_numbers() -> dict:
    """Every section, every row, every column, all zero (api.md: zeros included)."""
    return {
        "applications": {
            "columns": list(spec.COLUMNS),
            "rows": {row: dict.fromkeys(spec.COLUMNS, 0) for row in spec.ROWS},
        },
        "by_channel": dict.fromkeys((*spec.APPLICATION_CHANNELS, "total"), 0),
        "consultations": {
            "accepted": dict.fromkeys((*spec.CONSULTATION_CHANNELS, "total"), 0),
            "handled": dict.fromkeys((*spec.CONSULTATION_CHANNELS, "total"), 0),
        },
        "remedies": {kind: dict.fromkeys(spec.REMEDY_COLUMNS, 0) for kind in spec.REMEDY_KINDS},
        "fees": {
            "charged_count": 0,
            "charged_amount": "0.00",
            "waived_count": 0,
            "waived_amount": "0.00",
        },
        # extra (not named in api.md): consultations accepted in the year and answered by 31 December
        "consultations_answered": dict.fromkeys((*spec.CONSULTATION_CHANNELS, "total"), 0),
    }


@dataclass
class Numbers:
    """The report's counts for one set of offices; `parts` holds each office's own counts."""

    combined: dict = field(default_factory=empty_numbers)
    parts: dict[int, dict] = field(default_factory=lambda: defaultdict(empty_numbers))

    def targets(self, agency_id: int) -> tuple[dict, dict]:
        return self.combined, self.parts[agency_id]


# ---- section 三: applications (one query) ----------------------------------------------------------

OUTCOME_ALIASES = {f"o{i}": code for i, code in enumerate(outcomes.CODES)}


def application_counts(agency: Agency, year: int, include_children: bool, numbers: Numbers) -> None:
    p = Period(year)
    in_year = Q(concluded_on__gte=p.first, concluded_on__lte=p.last)
    aggregates = {
        "n_new": Count("pk", filter=Q(received_on__gte=p.first)),
        "n_carried_over": Count("pk", filter=Q(received_on__lt=p.first)),
        "n_concluded": Count("pk", filter=in_year),
        "n_carried_forward": Count(
            "pk", filter=Q(concluded_on__isnull=True) | Q(concluded_on__gt=p.last)
        ),
        **{
            alias: Count("pk", filter=in_year & Q(outcome=code))
            for alias, code in OUTCOME_ALIASES.items()
        },
    }
    rows = sql.wide(Application.objects, agency, include_children, "received_on", "concluded_on")
    rows = rows.annotate(_type=sql.applicant_type(include_children))
    groups = (
        rows.filter(voided_at__isnull=True, _received_on__lte=p.last)
        # received in the year, or still open when it began
        .filter(
            Q(_received_on__gte=p.first)
            | Q(_concluded_on__isnull=True)
            | Q(_concluded_on__gte=p.first)
        )
        .values("_agency", "_type", "channel")
        .annotate(**aggregates)
        .order_by()
    )
    for g in groups:
        column = g["_type"]
        values = {
            "new": g["n_new"],
            "carried_over": g["n_carried_over"],
            "concluded_total": g["n_concluded"],
            "carried_forward": g["n_carried_forward"],
            **{code: g[alias] for alias, code in OUTCOME_ALIASES.items()},
        }
        for target in numbers.targets(g["_agency"]):
            rows = target["applications"]["rows"]
            for row, n in values.items():
                # the total is counted over every group; a column only over known applicant types, so
                # an unknown type breaks invariant 2 instead of vanishing
                rows[row]["total"] += n
                if column in spec.APPLICANT_TYPES:
                    rows[row][column] += n
            by_channel = target["by_channel"]
            by_channel["total"] += g["n_new"]
            if g["channel"] in spec.APPLICATION_CHANNELS:
                by_channel[g["channel"]] += g["n_new"]


def subject_entry(subject: str | None, count: int | None) -> dict:
    return {"subject": subject, "count": count}


def topic_entry(topic: str | None, count: int | None) -> dict:
    return {"topic": topic, "count": count}


def application_subjects(agency: Agency, year: int, include_children: bool) -> list[dict]:
    """The most frequent requests among the year's new applications (one query)."""
    p = Period(year)
    rows = (
        Application.objects.filter(
            in_offices(agency, include_children=include_children),
            voided_at__isnull=True,
            received_on__gte=p.first,
            received_on__lte=p.last,
        )
        .values("content")
        .annotate(n=Count("pk"))
        .order_by("-n", "content")[:SUBJECT_LIMIT]
    )
    return [subject_entry(_shorten(r["content"]), r["n"]) for r in rows]


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUBJECT_CHARS else text[: SUBJECT_CHARS - 1] + "…"


# ---- section 五: consultations (one query + topics) --------------------------------------------------


def consultation_counts(
    agency: Agency, year: int, include_children: bool, numbers: Numbers
) -> None:
    p = Period(year)
    received = Q(received_at__gte=p.start, received_at__lt=p.end)
    answered = Q(answered_at__gte=p.start, answered_at__lt=p.end)
    rows = sql.wide(Consultation.objects, agency, include_children, "received_at", "answered_at")
    groups = (
        rows.filter(voided_at__isnull=True)
        .filter(
            Q(_received_at__gte=p.start, _received_at__lt=p.end)
            | Q(_answered_at__gte=p.start, _answered_at__lt=p.end)
        )
        .values("_agency", "channel")
        .annotate(
            accepted=Count("pk", filter=received),
            accepted_answered=Count("pk", filter=received & Q(answered_at__lt=p.end)),
            handled=Count("pk", filter=answered),
        )
        .order_by()
    )
    for g in groups:
        for target in numbers.targets(g["_agency"]):
            c = target["consultations"]
            for key, bucket in (("accepted", c["accepted"]), ("handled", c["handled"])):
                bucket["total"] += g[key]
                if g["channel"] in spec.CONSULTATION_CHANNELS:
                    bucket[g["channel"]] += g[key]
            answered_bucket = target["consultations_answered"]
            answered_bucket["total"] += g["accepted_answered"]
            if g["channel"] in spec.CONSULTATION_CHANNELS:
                answered_bucket[g["channel"]] += g["accepted_answered"]


def consultation_topics(agency: Agency, year: int, include_children: bool) -> list[dict]:
    p = Period(year)
    rows = (
        Consultation.objects.filter(
            in_offices(agency, include_children=include_children),
            voided_at__isnull=True,
            received_at__gte=p.start,
            received_at__lt=p.end,
        )
        .values("topic")
        .annotate(n=Count("pk"))
        .order_by("-n", "topic")[:TOPIC_LIMIT]
    )
    return [topic_entry(r["topic"], r["n"]) for r in rows]


# ---- section 四 / 六: remedies (one query) ----------------------------------------------------------


def remedy_counts(agency: Agency, year: int, include_children: bool, numbers: Numbers) -> None:
    """Counted in the year filed, with the result as it stood on 31 December."""
    p = Period(year)
    decided = Q(decided_on__isnull=False, decided_on__lte=p.last)
    groups = (
        sql.by_application_office(Remedy.objects, agency, include_children)
        .filter(application__voided_at__isnull=True, filed_on__gte=p.first, filed_on__lte=p.last)
        .values("_agency", "kind")
        .annotate(
            upheld=Count("pk", filter=decided & Q(result="upheld")),
            corrected=Count("pk", filter=decided & Q(result="corrected")),
            other=Count("pk", filter=decided & Q(result="other")),
            pending=Count(
                "pk",
                filter=Q(result="pending") | Q(decided_on__isnull=True) | Q(decided_on__gt=p.last),
            ),
            total=Count("pk"),
        )
        .order_by()
    )
    for g in groups:
        if g["kind"] not in spec.REMEDY_KINDS:
            continue
        for target in numbers.targets(g["_agency"]):
            bucket = target["remedies"][g["kind"]]
            for key in spec.REMEDY_COLUMNS:
                bucket[key] += g[key]


# ---- section 七 / national 六: fees (one query) -----------------------------------------------------


def fee_counts(agency: Agency, year: int, include_children: bool, numbers: Numbers) -> None:
    p = Period(year)
    paid = Q(paid_on__gte=p.first, paid_on__lte=p.last)
    waived = Q(waived_on__gte=p.first, waived_on__lte=p.last)
    groups = (
        sql.by_application_office(Fee.objects, agency, include_children)
        .filter(paid | waived, application__voided_at__isnull=True)
        .values("_agency")
        .annotate(
            charged_count=Count("pk", filter=paid),
            charged_amount=Sum("amount", filter=paid),
            waived_count=Count("pk", filter=waived),
            waived_amount=Sum("amount", filter=waived),
        )
        .order_by()
    )
    for g in groups:
        for target in numbers.targets(g["_agency"]):
            fees = target["fees"]
            for key in ("charged_count", "waived_count"):
                fees[key] += g[key]
            for key in ("charged_amount", "waived_amount"):
                fees[key] = money(Decimal(fees[key]) + (g[key] or Decimal(0)))


def money(value: Decimal) -> str:
    return f"{Decimal(value).quantize(Decimal('0.01'))}"


def compute_numbers(agency: Agency, year: int, *, include_children: bool = False) -> Numbers:
    """Sections 三, 四, 五, 六 and the fees: four queries whatever the number of cases."""
    numbers = Numbers()
    application_counts(agency, year, include_children, numbers)
    consultation_counts(agency, year, include_children, numbers)
    remedy_counts(agency, year, include_children, numbers)
    fee_counts(agency, year, include_children, numbers)
    return numbers
